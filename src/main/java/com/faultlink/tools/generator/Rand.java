package com.faultlink.tools.generator;

import java.util.SplittableRandom;

/**
 * Distributions over a seeded {@link SplittableRandom}, written out with {@link StrictMath} so that the same
 * seed gives the same numbers on every JVM.
 */
final class Rand {
  private Rand() {}

  /** A stream of its own for one purpose, so that changing one rate does not reshuffle everything else. */
  static SplittableRandom stream(long seed, long purpose) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + purpose);
  }

  static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1]
    double u2 = r.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** Lognormal with the given median and shape. */
  static double lognormal(SplittableRandom r, double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian(r));
  }

  /** Exponential with the given rate (events per unit). */
  static double exponential(SplittableRandom r, double rate) {
    return -StrictMath.log(1.0 - r.nextDouble()) / rate;
  }

  static int poisson(SplittableRandom r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 30) {
      double limit = StrictMath.exp(-mean);
      double p = 1.0;
      int k = 0;
      do {
        k++;
        p *= r.nextDouble();
      } while (p > limit);
      return k - 1;
    }
    return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian(r)));
  }

  static long uniform(SplittableRandom r, long fromInclusive, long toExclusive) {
    return toExclusive <= fromInclusive ? fromInclusive : r.nextLong(fromInclusive, toExclusive);
  }

  /** Index drawn with the given (not necessarily normalised) weights. */
  static int weighted(SplittableRandom r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Index drawn from a cumulative weight table (ascending, last entry = total). */
  static int cumulative(SplittableRandom r, double[] cumulative) {
    double x = r.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static <T> T pick(SplittableRandom r, T[] items) {
    return items[r.nextInt(items.length)];
  }
}
