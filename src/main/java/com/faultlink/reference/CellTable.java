package com.faultlink.reference;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cell table, loaded once at job start and shipped with the operators that need it. */
public final class CellTable implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Set<String> TECHNOLOGIES = Set.of("2G", "3G", "4G", "5G", "WLAN");

  private final Map<String, Cell> byId;

  private CellTable(Map<String, Cell> byId) {
    this.byId = byId;
  }

  public static CellTable of(Collection<Cell> cells) {
    Map<String, Cell> map = new LinkedHashMap<>();
    for (Cell c : cells) {
      if (map.put(c.cellId(), c) != null) {
        throw new ReferenceDataException("cell " + c.cellId() + " is listed twice");
      }
    }
    return new CellTable(Collections.unmodifiableMap(map));
  }

  public static CellTable load(Path file) {
    List<String[]> rows = CsvTable.read(file, "cell_id", "site_id", "region", "technology", "lat", "lon");
    Map<String, Cell> map = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      String where = CsvTable.where(file, i);
      if (r[0].isEmpty() || r[1].isEmpty() || r[2].isEmpty()) {
        throw new ReferenceDataException(where + ": cell_id, site_id and region must not be empty");
      }
      if (!TECHNOLOGIES.contains(r[3])) {
        throw new ReferenceDataException(where + ": technology '" + r[3] + "' is not one of " + TECHNOLOGIES);
      }
      double lat = coordinate(r[4], -90, 90, "lat", where);
      double lon = coordinate(r[5], -180, 180, "lon", where);
      if (map.put(r[0], new Cell(r[0], r[1], r[2], r[3], lat, lon)) != null) {
        throw new ReferenceDataException(where + ": cell " + r[0] + " is listed twice");
      }
    }
    return new CellTable(Collections.unmodifiableMap(map));
  }

  private static double coordinate(String text, double min, double max, String name, String where) {
    try {
      double v = Double.parseDouble(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ReferenceDataException(where + ": " + name + " '" + text + "' is not a number in [" + min + ", " + max + "]");
  }

  /** The cell, or null where the table does not know it. */
  public Cell get(String cellId) {
    return cellId == null ? null : byId.get(cellId);
  }

  public boolean contains(String cellId) {
    return get(cellId) != null;
  }

  public Collection<Cell> cells() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }
}
