package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Complaint-burst detection settings ({@code burst:}). Defaults are documented in config/faultlink.yaml and
 * the README.
 *
 * @param window length of the tumbling count window; divides a day into whole minutes
 * @param dayTypes how days are grouped into bands: {@code weekday-weekend}, {@code day-of-week} or
 *     {@code every-day}
 * @param significance a window is a burst when its count is this unlikely under the baseline (upper tail)
 * @param minCount a burst has at least this many complaints, whatever the baseline
 * @param halfLife age at which a past window counts half as much in the baseline
 * @param neighbourSlots neighbouring time-of-day windows on each side that also train a band
 * @param warmup history a region needs before its learned thresholds are used
 * @param initialThreshold when set, the threshold used during the warm-up; null: no alerts during it
 * @param endAfterQuietWindows an episode ends after this many consecutive windows that are not bursts
 * @param relearnAfter an episode lasting longer trains the baseline again (a lasting shift becomes normal)
 * @param republishRelative a band's threshold is republished when it moves by this fraction of the old one
 * @param republishAbsolute ... and by at least this many complaints
 */
public record BurstConfig(
    Duration window,
    String dayTypes,
    double significance,
    int minCount,
    Duration halfLife,
    int neighbourSlots,
    Duration warmup,
    Integer initialThreshold,
    int endAfterQuietWindows,
    Duration relearnAfter,
    double republishRelative,
    double republishAbsolute)
    implements Serializable {

  public static final List<String> DAY_TYPES = List.of("weekday-weekend", "day-of-week", "every-day");

  /** The defaults, as a config without a {@code burst:} section gets them. */
  public static BurstConfig defaults() {
    return read(new ConfigNode(null, "burst"));
  }

  static BurstConfig read(ConfigNode node) {
    Duration window = node.duration("window", Duration.ofMinutes(15), false);
    long minutes = window.toMinutes();
    if (!window.equals(Duration.ofMinutes(minutes)) || 1440 % minutes != 0) {
      throw new ConfigException("config key '" + node.keyPath("window") + "': " + window
          + " must be whole minutes that divide a day (PT5M, PT10M, PT15M, PT30M, PT1H, ...)");
    }
    String dayTypes = node.string("dayTypes", "weekday-weekend");
    if (!DAY_TYPES.contains(dayTypes)) {
      throw new ConfigException("config key '" + node.keyPath("dayTypes") + "': '" + dayTypes
          + "' is not one of " + String.join(", ", DAY_TYPES));
    }
    double significance = node.number("significance", 1e-5, 1e-12, 0.5);
    int minCount = node.integer("minCount", 5, 1, 1_000_000);
    Duration halfLife = node.duration("halfLife", Duration.ofDays(14), false);
    int neighbourSlots = node.integer("neighbourSlots", 2, 0, 24);
    Duration warmup = node.duration("warmup", Duration.ofDays(14), true);
    Integer initialThreshold = null;
    if (node.has("initialThreshold")) {
      initialThreshold = node.integer("initialThreshold", 0, 1, 1_000_000);
    } else {
      node.string("initialThreshold", null);
    }
    int endAfter = node.integer("endAfterQuietWindows", 2, 1, 1000);
    Duration relearnAfter = node.duration("relearnAfter", Duration.ofHours(6), false);
    double relative = node.number("republishRelative", 0.1, 0.0, 10.0);
    double absolute = node.number("republishAbsolute", 1.0, 0.0, 1_000_000.0);
    return new BurstConfig(window, dayTypes, significance, minCount, halfLife, neighbourSlots, warmup,
        initialThreshold, endAfter, relearnAfter, relative, absolute);
  }

  /** The same settings with another warm-up and initial threshold (tests, replays). */
  public BurstConfig withWarmup(Duration newWarmup, Integer newInitialThreshold) {
    return new BurstConfig(window, dayTypes, significance, minCount, halfLife, neighbourSlots, newWarmup,
        newInitialThreshold, endAfterQuietWindows, relearnAfter, republishRelative, republishAbsolute);
  }
}
