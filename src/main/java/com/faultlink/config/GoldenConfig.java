package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Golden-window settings: how windows are learned, which one applies before anything is learned, when the
 * alerts fire. Defaults and meanings are documented in config/faultlink.yaml and the README.
 *
 * @param fixedWindow when set, every outage's alerts use this window instead of the learned one (learned
 *     estimates are still published)
 * @param initialWindow in force for outages that start before their scope (or a pooled one) has a learned
 *     estimate
 * @param minOutages a scope needs this many closed outages in its history for an estimate of its own;
 *     below it, the pooled scope ({@code region/*}, then {@code * / *}) applies
 * @param warnFraction {@code GOLDEN_WINDOW_AT_RISK} fires at this fraction of the window
 * @param history closed outages kept per scope (the most recent ones): the sliding history estimates use
 * @param reestimateEvery a scope is re-estimated after this many newly closed outages
 * @param bootstrap resamples (over outages) for the confidence interval
 * @param confidence level of the confidence interval
 * @param minWindow smallest window considered
 * @param maxWindow largest window considered
 * @param massOutageCount {@code MASS_OUTAGE} fires when a region's open outages reach this count
 * @param maxIntervalWidth an estimate whose confidence interval is wider than this is not published: its
 *     scope keeps what applied before (a window known only to within hours would send crews in a random order)
 */
public record GoldenConfig(
    Duration fixedWindow,
    Duration initialWindow,
    int minOutages,
    double warnFraction,
    int history,
    int reestimateEvery,
    int bootstrap,
    double confidence,
    Duration minWindow,
    Duration maxWindow,
    int massOutageCount,
    Duration maxIntervalWidth)
    implements Serializable {

  static GoldenConfig read(ConfigNode node) {
    Duration fixed = node.duration("fixedWindow", null, false);
    Duration initial = node.duration("initialWindow", Duration.ofMinutes(45), false);
    int minOutages = node.integer("minOutages", 30, 5, 1_000_000);
    double warn = node.number("warnFraction", 0.75, 0.05, 0.99);
    int history = node.integer("history", 500, 10, 100_000);
    int every = node.integer("reestimateEvery", 10, 1, 100_000);
    int bootstrap = node.integer("bootstrap", 200, 0, 10_000);
    double confidence = node.number("confidence", 0.95, 0.5, 0.999);
    Duration min = node.duration("minWindow", Duration.ofMinutes(5), false);
    Duration max = node.duration("maxWindow", Duration.ofHours(3), false);
    int mass = node.integer("massOutageCount", 10, 2, 1_000_000);
    Duration maxWidth = node.duration("maxIntervalWidth", Duration.ofHours(1), false);
    if (min.compareTo(max) >= 0) {
      throw new ConfigException("config key '" + node.keyPath("maxWindow") + "': " + max
          + " must be longer than golden.minWindow " + min);
    }
    if (history < minOutages) {
      throw new ConfigException("config key '" + node.keyPath("history") + "': " + history
          + " outages cannot reach golden.minOutages " + minOutages);
    }
    for (Duration d : new Duration[] {fixed, initial}) {
      if (d != null && d.compareTo(max) > 0) {
        throw new ConfigException("config key '" + node.keyPath(d == fixed ? "fixedWindow" : "initialWindow")
            + "': " + d + " is longer than golden.maxWindow " + max);
      }
    }
    return new GoldenConfig(fixed, initial, minOutages, warn, history, every, bootstrap, confidence, min, max, mass,
        maxWidth);
  }

  /** The window every outage's alerts start from: the fixed one if set, else the initial one. */
  public Duration startingWindow() {
    return fixedWindow != null ? fixedWindow : initialWindow;
  }
}
