package com.faultlink.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic closed outages with a known change point: log-normal durations (long outages rarer than short
 * ones) and complaints from a Poisson process at {@code before} per minute until {@code window}, then
 * {@code after} per minute, while the outage is open.
 */
final class SyntheticOutages {
  private SyntheticOutages() {}

  static List<ChangePointEstimator.Sample> draw(SplittableRandom r, int outages, double window, double before,
      double after, double medianDuration) {
    List<ChangePointEstimator.Sample> out = new ArrayList<>();
    for (int i = 0; i < outages; i++) {
      double d = Math.max(1, medianDuration * Math.exp(0.8 * gaussian(r)));
      List<Double> lags = new ArrayList<>();
      double t = 0;
      while (true) {
        double rate = t < window ? before : after;
        double next = t - Math.log(1 - r.nextDouble()) / rate;
        if (t < window && next >= window) {
          t = window; // memoryless: restart the draw at the change point with the new rate
          continue;
        }
        t = next;
        if (t >= d) {
          break;
        }
        lags.add(Math.round(t * 100) / 100.0); // attributions carry lags rounded to 2 decimals
      }
      out.add(new ChangePointEstimator.Sample(d, lags.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return out;
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
