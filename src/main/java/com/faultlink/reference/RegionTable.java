package com.faultlink.reference;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Regions and their subscriber counts: the denominators of complaints per 10 000 subscribers. */
public final class RegionTable implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Long> subscribers;

  private RegionTable(Map<String, Long> subscribers) {
    this.subscribers = subscribers;
  }

  public static RegionTable of(Map<String, Long> subscribers) {
    return new RegionTable(Collections.unmodifiableMap(new LinkedHashMap<>(subscribers)));
  }

  public static RegionTable load(Path file) {
    List<String[]> rows = CsvTable.read(file, "region", "subscribers");
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      String where = CsvTable.where(file, i);
      if (r[0].isEmpty()) {
        throw new ReferenceDataException(where + ": region must not be empty");
      }
      if ("*".equals(r[0])) {
        throw new ReferenceDataException(where + ": '*' is reserved for all regions together");
      }
      long subs;
      try {
        subs = Long.parseLong(r[1]);
      } catch (NumberFormatException e) {
        subs = -1;
      }
      if (subs <= 0) {
        throw new ReferenceDataException(where + ": subscribers '" + r[1] + "' is not a positive whole number");
      }
      if (map.put(r[0], subs) != null) {
        throw new ReferenceDataException(where + ": region " + r[0] + " is listed twice");
      }
    }
    if (map.isEmpty()) {
      throw new ReferenceDataException(file + " lists no region");
    }
    return new RegionTable(Collections.unmodifiableMap(map));
  }

  /** The region table of {@code regionFile}, refused unless it has every region of {@code cells}. */
  public static RegionTable loadFor(CellTable cells, Path cellFile, Path regionFile) {
    RegionTable regions = load(regionFile);
    regions.requireEveryRegionOf(cells, cellFile, regionFile);
    return regions;
  }

  /**
   * Refuses a cell table naming a region this table lacks: its complaints would count against no subscribers
   * and its metrics rows would be missing. Names the first such region (in cell-table order) and how many
   * cells it has.
   */
  public void requireEveryRegionOf(CellTable cells, Path cellFile, Path regionFile) {
    Map<String, Integer> missing = new LinkedHashMap<>();
    for (Cell c : cells.cells()) {
      if (!subscribers.containsKey(c.region())) {
        missing.merge(c.region(), 1, Integer::sum);
      }
    }
    if (!missing.isEmpty()) {
      Map.Entry<String, Integer> first = missing.entrySet().iterator().next();
      throw new ReferenceDataException(cellFile + ": region " + first.getKey() + " (" + first.getValue()
          + " cells) is not in " + regionFile + (missing.size() > 1 ? " (nor are " + (missing.size() - 1)
          + " more regions: " + String.join(", ", missing.keySet().stream().skip(1).limit(5).toList()) + ")" : "")
          + "; every region of the cell table needs its subscribers");
    }
  }

  /** Regions in table order. */
  public List<String> regions() {
    return new ArrayList<>(subscribers.keySet());
  }

  public boolean contains(String region) {
    return subscribers.containsKey(region);
  }

  /** Subscribers of one region, or of all together for {@code *}; 0 where unknown. */
  public long subscribers(String region) {
    if ("*".equals(region)) {
      return subscribers.values().stream().mapToLong(Long::longValue).sum();
    }
    return subscribers.getOrDefault(region, 0L);
  }
}
