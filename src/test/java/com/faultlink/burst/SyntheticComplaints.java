package com.faultlink.burst;

import com.faultlink.burst.BurstCalendar.Window;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Synthetic complaint counts per region and window, deterministic for a seed: a daily cycle (quiet night,
 * morning ramp, evening peak), weekends 15 % lower with a later morning, a slow linear drift per region,
 * day-to-day level noise (overdispersion: each region-day's level is gamma-distributed around 1), Poisson
 * counts around that, and bursts injected at known times.
 *
 * <p>A burst adds complaints at a constant rate from its start (any minute, not aligned to windows) for its
 * duration. Its size is set relative to the background: excess per full window =
 * {@code max(minExcess, sigmas × sqrt(background mean of the window))}.
 */
final class SyntheticComplaints {
  /** A region: complaints per day on a weekday at the start, and relative drift over 28 days. */
  record Region(String name, double perDay, double driftPer28Days) {}

  /** One injected burst: {@code [start, end)}, excess complaints per full window, its size class. */
  record Burst(String region, long start, long end, double excessPerWindow, double sigmas) {}

  /** Counts per region, one per window of {@code windows}; {@code bursts} in start order. */
  record Stream(List<Window> windows, List<Region> regions, long[][] counts, List<Burst> bursts) {}

  // local hour → relative rate, weekday; linear between knots
  private static final double[][] WEEKDAY = {
    {0, 0.5}, {1, 0.2}, {2, 0.12}, {5, 0.12}, {6, 0.25}, {9, 1.0}, {12, 1.05}, {13, 0.9}, {14, 1.0},
    {17, 1.1}, {18, 1.5}, {21, 1.6}, {22, 1.2}, {24, 0.5}
  };
  private static final double[][] WEEKEND = {
    {0, 0.6}, {1, 0.3}, {2, 0.12}, {6, 0.12}, {7.5, 0.25}, {10.5, 0.85}, {12, 0.9}, {13, 0.85},
    {14, 0.85}, {17, 0.95}, {18, 1.3}, {21, 1.4}, {22, 1.1}, {24, 0.6}
  };

  private final BurstCalendar calendar;
  private final double dayNoiseCv;

  SyntheticComplaints(BurstCalendar calendar, double dayNoiseCv) {
    this.calendar = calendar;
    this.dayNoiseCv = dayNoiseCv;
  }

  static double shape(double[][] knots, double hour) {
    for (int i = 1; i < knots.length; i++) {
      if (hour <= knots[i][0]) {
        double f = (hour - knots[i - 1][0]) / (knots[i][0] - knots[i - 1][0]);
        return knots[i - 1][1] + f * (knots[i][1] - knots[i - 1][1]);
      }
    }
    return knots[knots.length - 1][1];
  }

  private static double weekdayMeanShape() {
    double s = 0;
    for (int m = 0; m < 1440; m++) {
      s += shape(WEEKDAY, (m + 0.5) / 60.0);
    }
    return s / 1440;
  }

  /** Background mean count of a region in a window (no noise, no bursts), {@code day} days after the start. */
  double backgroundMean(Region r, Window w, double day) {
    boolean weekend = w.date().getDayOfWeek() == DayOfWeek.SATURDAY || w.date().getDayOfWeek() == DayOfWeek.SUNDAY;
    double hour = (w.slot() + 0.5) * calendar.windowMinutes() / 60.0;
    double perWindow = r.perDay() / calendar.slotsPerDay() / weekdayMeanShape();
    return perWindow * shape(weekend ? WEEKEND : WEEKDAY, hour) * (1 + r.driftPer28Days() * day / 28.0);
  }

  /**
   * Generates {@code days} days from {@code start}; bursts (if {@code burstEveryHours > 0}) are placed at
   * random in each region from {@code burstsFrom} days on, at least {@code burstEveryHours} apart on
   * average (and never closer than 6 h), sizes cycling through {@code sigmas}.
   */
  Stream generate(LocalDate start, int days, List<Region> regions, long seed, double burstsFrom,
      double burstEveryHours, double[] sigmas, double minExcess) {
    RandomGenerator rng = new Well19937c(seed);
    List<Window> windows = new ArrayList<>();
    for (Window w = calendar.window(start, 0); w.date().isBefore(start.plusDays(days)); w = calendar.next(w)) {
      if (!w.isEmpty()) {
        windows.add(w);
      }
    }
    long t0 = windows.get(0).start();
    long[][] counts = new long[regions.size()][windows.size()];
    List<Burst> bursts = new ArrayList<>();
    for (int ri = 0; ri < regions.size(); ri++) {
      Region r = regions.get(ri);
      // bursts of this region
      List<Burst> mine = new ArrayList<>();
      if (burstEveryHours > 0) {
        double hour = burstsFrom * 24 + rng.nextDouble() * burstEveryHours;
        int k = 0;
        while (hour < days * 24 - 6) {
          long bStart = t0 + (long) (hour * 3_600_000L);
          long duration = (30 + rng.nextInt(91)) * 60_000L; // 30-120 min
          double sig = sigmas[k++ % sigmas.length];
          Window w = windowAt(windows, bStart);
          double mean = backgroundMean(r, w, (bStart - t0) / 86_400_000.0);
          double excess = Math.max(minExcess, sig * Math.sqrt(mean));
          mine.add(new Burst(r.name(), bStart, bStart + duration, excess, sig));
          hour += 6 + rng.nextDouble() * 2 * (burstEveryHours - 6);
        }
      }
      bursts.addAll(mine);
      GammaDistribution dayNoise = dayNoiseCv > 0
          ? new GammaDistribution(rng, 1 / (dayNoiseCv * dayNoiseCv), dayNoiseCv * dayNoiseCv) : null;
      LocalDate day = null;
      double level = 1;
      for (int wi = 0; wi < windows.size(); wi++) {
        Window w = windows.get(wi);
        if (!w.date().equals(day)) {
          day = w.date();
          level = dayNoise == null ? 1 : dayNoise.sample();
        }
        double mean = backgroundMean(r, w, (w.start() - t0) / 86_400_000.0) * level;
        for (Burst b : mine) {
          long overlap = Math.min(b.end(), w.end()) - Math.max(b.start(), w.start());
          if (overlap > 0) {
            mean += b.excessPerWindow() * overlap / (double) (w.end() - w.start());
          }
        }
        counts[ri][wi] = mean <= 0 ? 0 : new PoissonDistribution(rng, mean, 1e-12, 10_000_000).sample();
      }
    }
    bursts.sort((a, b) -> Long.compare(a.start(), b.start()));
    return new Stream(windows, regions, counts, bursts);
  }

  private static Window windowAt(List<Window> windows, long t) {
    for (Window w : windows) {
      if (t >= w.start() && t < w.end()) {
        return w;
      }
    }
    throw new IllegalArgumentException("no window at " + t);
  }
}
