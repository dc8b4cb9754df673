package com.faultlink.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Synthetic closed outages: log-normal durations (long outages rarer than short ones) and complaints from a Poisson
 * process in elapsed outage time at a given rate per minute while the outage is open, drawn by thinning.
 */
final class SyntheticOutages {
  private SyntheticOutages() {}

  /** A step from {@code before} to {@code after} complaints per minute at {@code window}. */
  static List<GoldenWindowEstimator.Sample> draw(SplittableRandom r, int outages, double window, double before,
      double after, double medianDuration) {
    return draw(r, outages, t -> t < window ? before : after, Math.max(before, after), medianDuration, 0);
  }

  /**
   * Outages whose complaints arrive at {@code rate(t)} per minute (at most {@code maxRate}); with {@code
   * heterogeneity > 0} each outage's rate is multiplied by its own gamma factor of mean 1 and variance {@code
   * heterogeneity} (a few outages with many complaints, most with few).
   */
  static List<GoldenWindowEstimator.Sample> draw(SplittableRandom r, int outages, DoubleUnaryOperator rate,
      double maxRate, double medianDuration, double heterogeneity) {
    List<GoldenWindowEstimator.Sample> out = new ArrayList<>();
    for (int i = 0; i < outages; i++) {
      double d = Math.max(1, medianDuration * Math.exp(0.8 * gaussian(r)));
      double factor = heterogeneity > 0 ? gamma(r, 1 / heterogeneity) * heterogeneity : 1;
      List<Double> lags = new ArrayList<>();
      double top = maxRate * factor;
      double t = 0;
      while (top > 0) {
        t -= Math.log(1 - r.nextDouble()) / top;
        if (t >= d) {
          break;
        }
        if (r.nextDouble() * top < rate.applyAsDouble(t) * factor) {
          lags.add(Math.round(t * 100) / 100.0); // attributions carry lags rounded to 2 decimals
        }
      }
      out.add(new GoldenWindowEstimator.Sample(d, lags.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return out;
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (shape below 1 boosted). */
  static double gamma(SplittableRandom r, double shape) {
    if (shape < 1) {
      return gamma(r, shape + 1) * Math.pow(1 - r.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = gaussian(r);
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1 - r.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
