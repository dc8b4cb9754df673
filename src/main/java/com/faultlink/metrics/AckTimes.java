package com.faultlink.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time-to-acknowledge statistics of one period: the mean, and the 90th percentile by nearest rank (the smallest
 * value with at least 90% of the values at or below it: with 10 values the 9th smallest, with 3 the largest), so
 * that the figure is one outage's real time, as NOC reports quote it. Both unrounded; null for no values.
 */
public final class AckTimes {
  private AckTimes() {}

  public static Double mean(List<Double> minutes) {
    if (minutes.isEmpty()) {
      return null;
    }
    // Summed in sorted order: the values arrive in any order (parallelism, replay), and a double sum depends on
    // its order in the last bits, enough to move a rounded mean by 0.01 (a replay differed so).
    List<Double> sorted = new ArrayList<>(minutes);
    Collections.sort(sorted);
    double sum = 0;
    for (double m : sorted) {
      sum += m;
    }
    return sum / sorted.size();
  }

  public static Double p90(List<Double> minutes) {
    if (minutes.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(minutes);
    Collections.sort(sorted);
    int rank = (9 * sorted.size() + 9) / 10; // ceil(0.9 n) in integers: no rounding error at n = 10, 20, ...
    return sorted.get(rank - 1);
  }
}
