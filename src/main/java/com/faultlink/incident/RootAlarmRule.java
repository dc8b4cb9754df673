package com.faultlink.incident;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.TopologyTable;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which alarms are root-cause alarms (the contract's "Incidents"): a raise whose {@code probableCause} is in {@code
 * incidents.rootCauses} on an object of the topology table, or on a site of the cell table ({@code @referredType}
 * {@code Site}). A clear that does not say its cause or object is kept: its raise decides.
 */
public final class RootAlarmRule implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String SITE = "Site";

  private final Set<String> causes;
  private final Set<String> sites;
  private final TopologyTable topology;

  public RootAlarmRule(List<String> causes, CellTable cells, TopologyTable topology) {
    this.causes = new HashSet<>(causes);
    this.sites = new HashSet<>();
    for (Cell c : cells.cells()) {
      sites.add(c.siteId());
    }
    this.topology = topology;
  }

  public boolean isRootAlarm(AlarmEvent a) {
    if (a.kind() == AlarmKind.RAISE) {
      return a.probableCause() != null && causes.contains(a.probableCause()) && isRootObject(a.objectId(),
          a.objectType());
    }
    return (a.probableCause() == null || causes.contains(a.probableCause()))
        && (a.objectId() == null || isRootObject(a.objectId(), a.objectType()));
  }

  private boolean isRootObject(String objectId, String objectType) {
    return topology.contains(objectId) || (isSite(objectType) && sites.contains(objectId));
  }

  private static boolean isSite(String objectType) {
    return objectType == null || SITE.equalsIgnoreCase(objectType);
  }

  /** The sites whose outages an alarm on {@code objectId} may explain: its dependants, or the site itself. */
  public List<String> sitesOf(String objectId, String objectType) {
    List<String> dependants = topology.sitesOf(objectId);
    boolean site = isSite(objectType) && sites.contains(objectId);
    if (!site) {
      return dependants;
    }
    if (dependants.contains(objectId)) {
      return dependants;
    }
    List<String> all = new java.util.ArrayList<>(dependants);
    all.add(objectId);
    return all;
  }
}
