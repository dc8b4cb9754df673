package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Incidents (the contract's "Incidents (common cause)"): outages grouped under the root-cause alarm that explains
 * them, and, where no root alarm does, outages close in space and time grouped with cause {@code unknown}.
 *
 * @param rootCauses the {@code probableCause}s of root-cause alarms
 * @param window an outage belongs to a root alarm's incident if it starts no earlier than this before the alarm's
 *     raise (and before its clear); its membership is decided once event time passes its start plus this
 * @param unknown the grouping of outages that no root alarm explains
 */
public record IncidentsConfig(List<String> rootCauses, Duration window, Unknown unknown) implements Serializable {

  /**
   * Outages with no root alarm, grouped per region: an outage starts a group of every such outage that starts
   * within {@code window} after it on a site within {@code radiusKm} of its own; a group of at least {@code
   * minOutages} outages on at least {@code minSites} sites is an incident of cause {@code unknown}. Planned outages
   * are never grouped this way (their work is their cause).
   */
  public record Unknown(boolean enabled, double radiusKm, Duration window, int minOutages, int minSites)
      implements Serializable {}

  public static final IncidentsConfig DEFAULTS = new IncidentsConfig(List.of("lossOfSignal", "powerSupplyFailure"),
      Duration.ofMinutes(5), new Unknown(true, 2.0, Duration.ofMinutes(10), 3, 2));

  static IncidentsConfig read(ConfigNode node) {
    ConfigNode u = node.child("unknown");
    Unknown d = DEFAULTS.unknown();
    return new IncidentsConfig(node.strings("rootCauses", DEFAULTS.rootCauses()),
        node.duration("window", DEFAULTS.window(), true),
        new Unknown(u.bool("enabled", d.enabled()), u.number("radiusKm", d.radiusKm(), 0.0, 50.0),
            u.duration("window", d.window(), true), u.integer("minOutages", d.minOutages(), 2, 1_000_000),
            u.integer("minSites", d.minSites(), 1, 1_000_000)));
  }
}
