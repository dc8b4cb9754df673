package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Planned engineering works (README "Planned works").
 *
 * @param defaultWindow the window of an outage whose raise carries {@code plannedOutageIndicator}
 *     {@code OUT_OF_SERVICE} but that no announced work covers: from its start, this long
 * @param alertAsUsual when true, planned outages raise golden-window alerts as unplanned ones do (still
 *     marked {@code planned: true}); default false: held back while the work lasts, raised on an overrun
 * @param retention how long after a work's end it is kept for late alarms and late complaints
 */
public record PlannedConfig(Duration defaultWindow, boolean alertAsUsual, Duration retention) implements Serializable {

  public static final PlannedConfig DEFAULTS = new PlannedConfig(Duration.ofHours(4), false, Duration.ofDays(2));

  static PlannedConfig read(ConfigNode node) {
    return new PlannedConfig(node.duration("defaultWindow", DEFAULTS.defaultWindow(), false),
        node.bool("alertAsUsual", DEFAULTS.alertAsUsual()),
        node.duration("retention", DEFAULTS.retention(), false));
  }
}
