package com.faultlink.golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import com.faultlink.golden.ChangePointEstimator.Estimate;
import com.faultlink.golden.ChangePointEstimator.Fit;
import com.faultlink.golden.ChangePointEstimator.Sample;

/**
 * The estimator as first written: for every grid point, a pass over all outages. Kept in the tests as the
 * reference that the faster {@link ChangePointEstimator} must equal (the likelihood ratio to rounding).
 */
final class NaiveChangePointEstimator {
  private final double[] grid;
  private final double step;
  private final int bootstrap;
  private final double confidence;
  private final double chiSquared;
  private final int minOpen;

  /**
   * @param minMinutes smallest candidate window
   * @param maxMinutes largest candidate window
   * @param stepMinutes grid step
   * @param bootstrap resamples for the confidence interval (0: likelihood-ratio interval only)
   * @param confidence e.g. 0.95
   * @param minOpen a window is a candidate only where at least this many outages are still open at it
   */
  NaiveChangePointEstimator(double minMinutes, double maxMinutes, double stepMinutes, int bootstrap,
      double confidence, int minOpen) {
    if (!(stepMinutes > 0) || !(maxMinutes > minMinutes) || !(minMinutes > 0)) {
      throw new IllegalArgumentException("grid " + minMinutes + ".." + maxMinutes + " step " + stepMinutes);
    }
    int n = (int) Math.floor((maxMinutes - minMinutes) / stepMinutes + 1e-9) + 1;
    grid = new double[n];
    for (int i = 0; i < n; i++) {
      grid[i] = minMinutes + i * stepMinutes;
    }
    this.step = stepMinutes;
    this.bootstrap = bootstrap;
    this.confidence = confidence;
    this.chiSquared = new ChiSquaredDistribution(1).inverseCumulativeProbability(confidence);
    this.minOpen = minOpen;
  }

  /** The estimate with its interval, or null where the data show no rise at any candidate window. */
  public Estimate estimate(List<Sample> samples, long seed) {
    Prepared data = new Prepared(samples);
    int[] all = new int[data.n];
    Arrays.fill(all, 1);
    Profile best = data.profile(all);
    if (best == null) {
      return null;
    }
    // Likelihood-ratio interval: every grid point whose profile log-likelihood is close enough to the best.
    double lo = grid[best.index];
    double hi = grid[best.index];
    for (int g = 0; g < grid.length; g++) {
      if (!Double.isNaN(best.logL[g]) && 2 * (best.logL[best.index] - best.logL[g]) <= chiSquared) {
        lo = Math.min(lo, grid[g]);
        hi = Math.max(hi, grid[g]);
      }
    }
    lo = Math.min(lo, grid[best.index] - step);
    hi = Math.max(hi, grid[best.index] + step);
    // Bootstrap over outages, deterministic for the seed.
    SplittableRandom random = new SplittableRandom(seed);
    List<Double> taus = new ArrayList<>();
    int[] weights = new int[data.n];
    for (int b = 0; b < bootstrap && data.n > 0; b++) {
      Arrays.fill(weights, 0);
      for (int i = 0; i < data.n; i++) {
        weights[random.nextInt(data.n)]++;
      }
      Profile p = data.profile(weights);
      if (p != null) {
        taus.add(grid[p.index]);
      }
    }
    if (!taus.isEmpty()) {
      double[] values = taus.stream().mapToDouble(Double::doubleValue).toArray();
      Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
      double tail = (1 - confidence) / 2 * 100;
      lo = Math.min(lo, percentile.evaluate(values, Math.max(tail, 1e-9)));
      hi = Math.max(hi, percentile.evaluate(values, 100 - tail));
    }
    lo = Math.max(lo, 0);
    Fit fit = best.fit(grid, data.duration);
    return new Estimate(fit, lo, hi, data.n, fit.complaintsBefore() + fit.complaintsAfter(), taus.size());
  }

  /** The best fit alone (no interval), or null. */
  public Fit fit(List<Sample> samples) {
    Prepared data = new Prepared(samples);
    int[] all = new int[data.n];
    Arrays.fill(all, 1);
    Profile best = data.profile(all);
    return best == null ? null : best.fit(grid, data.duration);
  }

  /** The candidate windows. */
  public double[] grid() {
    return grid.clone();
  }

  /** Per outage and grid point: open minutes below the point and complaints below it. */
  private final class Prepared {
    final int n;
    final double[] duration;
    final int[][] below; // below[i][g]: complaints of outage i with lag < grid[g]
    final int[] total; // complaints of outage i while open

    Prepared(List<Sample> samples) {
      n = samples.size();
      duration = new double[n];
      below = new int[n][];
      total = new int[n];
      for (int i = 0; i < n; i++) {
        Sample s = samples.get(i);
        double d = Math.max(0, s.durationMinutes());
        duration[i] = d;
        double[] lags = Arrays.stream(s.lagsMinutes()).filter(l -> l >= 0 && l < d).sorted().toArray();
        total[i] = lags.length;
        int[] b = new int[grid.length];
        int k = 0;
        for (int g = 0; g < grid.length; g++) {
          while (k < lags.length && lags[k] < grid[g]) {
            k++;
          }
          b[g] = k;
        }
        below[i] = b;
      }
    }

    /** The profile log-likelihood over the grid for outages weighted by multiplicity; null: no rise anywhere. */
    Profile profile(int[] weight) {
      double exposure = 0;
      long complaints = 0;
      for (int i = 0; i < n; i++) {
        exposure += weight[i] * duration[i];
        complaints += (long) weight[i] * total[i];
      }
      if (exposure <= 0 || complaints == 0) {
        return null;
      }
      double[] logL = new double[grid.length];
      long[] before = new long[grid.length];
      int bestIndex = -1;
      for (int g = 0; g < grid.length; g++) {
        double e1 = 0;
        long n1 = 0;
        int open = 0;
        for (int i = 0; i < n; i++) {
          if (weight[i] != 0) {
            e1 += weight[i] * Math.min(duration[i], grid[g]);
            n1 += (long) weight[i] * below[i][g];
            if (duration[i] > grid[g]) {
              open += weight[i];
            }
          }
        }
        double e2 = exposure - e1;
        long n2 = complaints - n1;
        before[g] = n1;
        if (open < minOpen || e1 <= 0 || e2 <= 1e-9 || n2 == 0 || n2 / e2 <= n1 / e1) {
          logL[g] = Double.NaN;
          continue;
        }
        logL[g] = xLogY(n1, n1 / e1) + xLogY(n2, n2 / e2) - complaints;
        if (bestIndex < 0 || logL[g] > logL[bestIndex]) {
          bestIndex = g;
        }
      }
      if (bestIndex < 0) {
        return null;
      }
      double null0 = xLogY(complaints, complaints / exposure) - complaints;
      return new Profile(logL, before, bestIndex, complaints, exposure, null0, weight);
    }
  }

  /** The profile log-likelihood of one (re)sample over the grid. */
  private static final class Profile {
    final double[] logL;
    final long[] before;
    final int index;
    final long complaints;
    final double exposure;
    final double null0;
    final int[] weight;

    Profile(double[] logL, long[] before, int index, long complaints, double exposure, double null0, int[] weight) {
      this.logL = logL;
      this.before = before;
      this.index = index;
      this.complaints = complaints;
      this.exposure = exposure;
      this.null0 = null0;
      this.weight = weight;
    }

    Fit fit(double[] grid, double[] duration) {
      double tau = grid[index];
      double e1 = 0;
      for (int i = 0; i < duration.length; i++) {
        e1 += weight[i] * Math.min(duration[i], tau);
      }
      long n1 = before[index];
      long n2 = complaints - n1;
      return new Fit(tau, n1 / e1, n2 / (exposure - e1), 2 * (logL[index] - null0), n1, n2);
    }
  }

  private static double xLogY(long x, double y) {
    return x == 0 ? 0 : x * Math.log(y);
  }
}
