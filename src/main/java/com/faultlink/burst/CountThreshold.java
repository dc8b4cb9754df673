package com.faultlink.burst;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Upper-tail thresholds of count distributions: the smallest count {@code k} with {@code P(X ≥ k) ≤ α}.
 *
 * <p>{@code X} is Poisson with the baseline's mean where the baseline's variance does not exceed its mean,
 * else negative binomial with the same mean and variance (method of moments: size {@code r = m² / (v − m)},
 * success probability {@code p = r / (r + m)}). The tails are computed directly, so they stay exact far
 * out where {@code 1 − CDF} would lose precision: Poisson {@code P(X ≥ k) = P(k, m)} (the regularized lower
 * incomplete gamma function), negative binomial {@code P(X ≥ k) = I_{1−p}(k, r)} (the regularized incomplete
 * beta function), both from Commons Math. This is what {@code PoissonDistribution} and
 * {@code PascalDistribution} compute, except that the negative binomial's size {@code r} need not be a
 * whole number here ({@code PascalDistribution} only takes integer sizes).
 */
public final class CountThreshold {
  public static final String POISSON = "poisson";
  public static final String NEGATIVE_BINOMIAL = "negative-binomial";

  private CountThreshold() {}

  /** Which distribution a baseline with this mean and variance uses. */
  public static String distribution(double mean, double variance) {
    return variance > mean * (1 + 1e-9) && mean > 0 ? NEGATIVE_BINOMIAL : POISSON;
  }

  /** {@code P(X ≥ k)} for the distribution with this mean and variance. */
  public static double upperTail(double mean, double variance, long k) {
    if (k <= 0) {
      return 1.0;
    }
    if (mean <= 0) {
      return 0.0;
    }
    if (POISSON.equals(distribution(mean, variance))) {
      return Gamma.regularizedGammaP(k, mean);
    }
    double r = mean * mean / (variance - mean);
    double p = r / (r + mean);
    return Beta.regularizedBeta(1 - p, k, r);
  }

  /** The smallest {@code k ≥ 1} with {@code P(X ≥ k) ≤ alpha}. */
  public static long smallestRare(double mean, double variance, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("significance must be in (0, 1): " + alpha);
    }
    long lo = Math.max(1, (long) Math.floor(mean)); // P(X ≥ lo) > alpha is not yet known
    if (upperTail(mean, variance, lo) <= alpha) {
      // only for tiny means (or huge alpha): search down
      while (lo > 1 && upperTail(mean, variance, lo - 1) <= alpha) {
        lo--;
      }
      return lo;
    }
    // gallop: find hi with tail(hi) <= alpha, keeping tail(lo) > alpha
    long step = Math.max(1, (long) Math.ceil(Math.sqrt(Math.max(variance, mean))));
    long hi = lo + step;
    while (upperTail(mean, variance, hi) > alpha) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (upperTail(mean, variance, mid) <= alpha) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** The burst threshold: {@code max(minCount, smallestRare(mean, variance, alpha))}. */
  public static long threshold(double mean, double variance, double alpha, long minCount) {
    return Math.max(minCount, smallestRare(mean, variance, alpha));
  }
}
