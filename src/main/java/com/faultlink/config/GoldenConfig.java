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
 * @param explosionRatio the window is where the complaint rate per open outage reaches this many times its
 *     baseline (the contract's "Golden window")
 * @param baselineMinutes the baseline is the rate's mean over this first span of elapsed outage time
 * @param gridStep bin width of elapsed outage time; windows are multiples of it
 * @param minOpenAtWindow elapsed times with fewer outages still open are not examined (a handful of long outages
 *     would decide the rate there)
 * @param minBaselineComplaints a scope with fewer complaints in its baseline span gets no estimate (a zero or
 *     near-zero baseline makes any rate look like an explosion)
 * @param falseWindowRate the level of the decision to publish: the data must reject at this level that the rate
 *     never reaches the ratio
 * @param reestimateInterval a scope is re-estimated at most this often in event time (its {@code reestimateEvery}
 *     count, once reached, waits for it): the learner's cost follows time, not the outage rate; zero: count only
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
    Duration maxIntervalWidth,
    double explosionRatio,
    Duration baselineMinutes,
    Duration gridStep,
    int minOpenAtWindow,
    int minBaselineComplaints,
    double falseWindowRate,
    Duration reestimateInterval)
    implements Serializable {

  /** The default of {@code golden.reestimateInterval}. */
  public static final Duration DEFAULT_REESTIMATE_INTERVAL = Duration.ofHours(1);

  /** The settings before issue 21's key: re-estimated on the count alone. */
  public GoldenConfig(Duration fixedWindow, Duration initialWindow, int minOutages, double warnFraction, int history,
      int reestimateEvery, int bootstrap, double confidence, Duration minWindow, Duration maxWindow,
      int massOutageCount, Duration maxIntervalWidth, double explosionRatio, Duration baselineMinutes,
      Duration gridStep, int minOpenAtWindow, int minBaselineComplaints, double falseWindowRate) {
    this(fixedWindow, initialWindow, minOutages, warnFraction, history, reestimateEvery, bootstrap, confidence,
        minWindow, maxWindow, massOutageCount, maxIntervalWidth, explosionRatio, baselineMinutes, gridStep,
        minOpenAtWindow, minBaselineComplaints, falseWindowRate, Duration.ZERO);
  }

  /** The same settings with another minimum interval between re-estimations of a scope. */
  public GoldenConfig withReestimateInterval(Duration interval) {
    return new GoldenConfig(fixedWindow, initialWindow, minOutages, warnFraction, history, reestimateEvery, bootstrap,
        confidence, minWindow, maxWindow, massOutageCount, maxIntervalWidth, explosionRatio, baselineMinutes, gridStep,
        minOpenAtWindow, minBaselineComplaints, falseWindowRate, interval);
  }

  public static final double DEFAULT_EXPLOSION_RATIO = 3;
  public static final Duration DEFAULT_BASELINE = Duration.ofMinutes(15);
  public static final Duration DEFAULT_GRID_STEP = Duration.ofMinutes(1);
  public static final int DEFAULT_MIN_OPEN_AT_WINDOW = 10;
  public static final int DEFAULT_MIN_BASELINE_COMPLAINTS = 5;
  public static final double DEFAULT_FALSE_WINDOW_RATE = 0.01;

  /** The settings before issue 20's keys, those at their defaults. */
  public GoldenConfig(Duration fixedWindow, Duration initialWindow, int minOutages, double warnFraction, int history,
      int reestimateEvery, int bootstrap, double confidence, Duration minWindow, Duration maxWindow,
      int massOutageCount, Duration maxIntervalWidth) {
    this(fixedWindow, initialWindow, minOutages, warnFraction, history, reestimateEvery, bootstrap, confidence,
        minWindow, maxWindow, massOutageCount, maxIntervalWidth, DEFAULT_EXPLOSION_RATIO, DEFAULT_BASELINE,
        DEFAULT_GRID_STEP, DEFAULT_MIN_OPEN_AT_WINDOW, DEFAULT_MIN_BASELINE_COMPLAINTS, DEFAULT_FALSE_WINDOW_RATE);
  }

  /** The same settings with another explosion ratio (the sweep's knob, and tests). */
  public GoldenConfig withExplosionRatio(double ratio) {
    return new GoldenConfig(fixedWindow, initialWindow, minOutages, warnFraction, history, reestimateEvery, bootstrap,
        confidence, minWindow, maxWindow, massOutageCount, maxIntervalWidth, ratio, baselineMinutes, gridStep,
        minOpenAtWindow, minBaselineComplaints, falseWindowRate, reestimateInterval);
  }

  /** Minutes, fractional. */
  public static double minutes(Duration d) {
    return d.toMillis() / 60_000.0;
  }

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
    double ratio = node.number("explosionRatio", DEFAULT_EXPLOSION_RATIO, 1.01, 1000);
    Duration baseline = node.duration("baselineMinutes", DEFAULT_BASELINE, false);
    Duration gridStep = node.duration("gridStep", DEFAULT_GRID_STEP, false);
    int minOpen = node.integer("minOpenAtWindow", DEFAULT_MIN_OPEN_AT_WINDOW, 1, 1_000_000);
    int minBaseline = node.integer("minBaselineComplaints", DEFAULT_MIN_BASELINE_COMPLAINTS, 1, 1_000_000);
    double falseWindowRate = node.number("falseWindowRate", DEFAULT_FALSE_WINDOW_RATE, 1e-6, 0.2);
    Duration reestimateInterval = node.duration("reestimateInterval", DEFAULT_REESTIMATE_INTERVAL, true);
    if (baseline.toMillis() % gridStep.toMillis() != 0) {
      throw new ConfigException("config key '" + node.keyPath("baselineMinutes") + "': " + baseline
          + " must be a whole number of golden.gridStep " + gridStep);
    }
    if (baseline.compareTo(max) >= 0) {
      throw new ConfigException("config key '" + node.keyPath("baselineMinutes") + "': " + baseline
          + " must be shorter than golden.maxWindow " + max);
    }
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
        maxWidth, ratio, baseline, gridStep, minOpen, minBaseline, falseWindowRate, reestimateInterval);
  }

  /** The window every outage's alerts start from: the fixed one if set, else the initial one. */
  public Duration startingWindow() {
    return fixedWindow != null ? fixedWindow : initialWindow;
  }
}
