package com.faultlink.reference;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional topology table ({@code reference.topology}: {@code object_id,object_type,site_id}): which sites depend
 * on which transport or power object. A root-cause alarm on such an object explains the outages of its sites (the
 * contract's "Incidents"). Loaded once at job start like the other tables; a bad row refuses the start, naming the
 * file and line.
 */
public final class TopologyTable implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No table configured: only alarms on sites themselves are root causes. */
  public static final TopologyTable EMPTY = new TopologyTable(Map.of(), Map.of());

  private final Map<String, List<String>> sitesByObject;
  private final Map<String, String> typeByObject;

  private TopologyTable(Map<String, List<String>> sitesByObject, Map<String, String> typeByObject) {
    this.sitesByObject = sitesByObject;
    this.typeByObject = typeByObject;
  }

  /** Rows as {object_id, object_type, site_id} (tests, tools). */
  public static TopologyTable of(List<String[]> rows) {
    Map<String, Set<String>> sites = new LinkedHashMap<>();
    Map<String, String> types = new HashMap<>();
    for (String[] r : rows) {
      sites.computeIfAbsent(r[0], k -> new LinkedHashSet<>()).add(r[2]);
      types.put(r[0], r[1]);
    }
    return freeze(sites, types);
  }

  /**
   * Loads {@code file}, checking each row against the cell table: every {@code site_id} must be a site of it (an
   * unknown site would make an incident of nothing), ids must not be empty, a row must not repeat, and one object
   * has one type.
   */
  public static TopologyTable load(Path file, CellTable cells) {
    List<String[]> rows = CsvTable.read(file, "object_id", "object_type", "site_id");
    Set<String> knownSites = new LinkedHashSet<>();
    for (Cell c : cells.cells()) {
      knownSites.add(c.siteId());
    }
    Map<String, Set<String>> sites = new LinkedHashMap<>();
    Map<String, String> types = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      String where = CsvTable.where(file, i);
      if (r[0].isEmpty() || r[1].isEmpty() || r[2].isEmpty()) {
        throw new ReferenceDataException(where + ": object_id, object_type and site_id must not be empty");
      }
      if (!knownSites.contains(r[2])) {
        throw new ReferenceDataException(where + ": site " + r[2] + " is no site of the cell table");
      }
      String type = types.putIfAbsent(r[0], r[1]);
      if (type != null && !type.equals(r[1])) {
        throw new ReferenceDataException(where + ": object " + r[0] + " is of type " + r[1] + " here but " + type
            + " on an earlier line");
      }
      if (!sites.computeIfAbsent(r[0], k -> new LinkedHashSet<>()).add(r[2])) {
        throw new ReferenceDataException(where + ": object " + r[0] + " and site " + r[2] + " are listed twice");
      }
    }
    return freeze(sites, types);
  }

  private static TopologyTable freeze(Map<String, Set<String>> sites, Map<String, String> types) {
    Map<String, List<String>> frozen = new HashMap<>();
    sites.forEach((object, s) -> frozen.put(object, List.copyOf(s)));
    return new TopologyTable(Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(new HashMap<>(types)));
  }

  /** The configured table ({@code reference.topology}), or {@link #EMPTY} where none is. */
  public static TopologyTable forConfig(String path, CellTable cells) {
    return path == null ? EMPTY : load(Path.of(path), cells);
  }

  public boolean contains(String objectId) {
    return objectId != null && sitesByObject.containsKey(objectId);
  }

  /** The sites depending on {@code objectId}, empty where the table does not know it. */
  public List<String> sitesOf(String objectId) {
    List<String> s = objectId == null ? null : sitesByObject.get(objectId);
    return s == null ? List.of() : s;
  }

  /** The object's type as the table gives it, null where unknown. */
  public String typeOf(String objectId) {
    return objectId == null ? null : typeByObject.get(objectId);
  }

  public int objects() {
    return sitesByObject.size();
  }

  /** Every (object, site) pair, for reports. */
  public List<String[]> rows() {
    List<String[]> out = new ArrayList<>();
    sitesByObject.forEach((o, s) -> s.forEach(site -> out.add(new String[] {o, typeByObject.get(o), site})));
    return out;
  }
}
