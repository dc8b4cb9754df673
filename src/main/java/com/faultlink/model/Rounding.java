package com.faultlink.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of published figures: half up to 2 decimals, "the way a person expects".
 *
 * <p>A double is taken at its shortest decimal form ({@link BigDecimal#valueOf(double)}, i.e. {@link
 * Double#toString(double)}), so 1.005 rounds to 1.01 and 2.675 to 2.68 even though their binary values lie
 * slightly below. Halves round away from zero (-1.005 → -1.01), and the result is never {@code -0.0}.
 * Ratios ({@link #minutes}, {@link #ratePct}, {@link #per10k}, {@link #changePct}) are computed in exact
 * decimal arithmetic from their inputs and rounded once.
 *
 * <p>NaN and infinities are programming errors here (JSON cannot carry them): they are rejected with
 * {@link IllegalArgumentException}.
 */
public final class Rounding {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final BigDecimal MILLIS_PER_MINUTE = BigDecimal.valueOf(60_000);

  private Rounding() {}

  /** {@code v} rounded half up (away from zero) to 2 decimals; never -0.0. */
  public static double halfUp2(double v) {
    requireFinite(v);
    return toDouble(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
  }

  /** {@link #halfUp2(double)}, or null for null. */
  public static Double halfUp2OrNull(Double v) {
    return v == null ? null : halfUp2(v);
  }

  /** Milliseconds as fractional minutes, rounded half up to 2 decimals (900 ms → 0.02). */
  public static double minutes(long millis) {
    return toDouble(BigDecimal.valueOf(millis).divide(MILLIS_PER_MINUTE, 2, RoundingMode.HALF_UP));
  }

  /** Milliseconds as fractional hours, rounded half up to 2 decimals (18 s → 0.01). */
  public static double hours(long millis) {
    return toDouble(
        BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_UP));
  }

  /**
   * Change from {@code previous} to {@code current} in percent, {@code (current - previous) / previous ×
   * 100}, rounded half up to 2 decimals; null where {@code previous == 0}. Pass unrounded values.
   */
  public static Double changePct(double previous, double current) {
    requireFinite(previous);
    requireFinite(current);
    if (previous == 0.0) {
      return null;
    }
    BigDecimal p = BigDecimal.valueOf(previous);
    BigDecimal c = BigDecimal.valueOf(current);
    return toDouble(c.subtract(p).multiply(HUNDRED).divide(p, 2, RoundingMode.HALF_UP));
  }

  /** {@code part / whole × 100}, rounded half up to 2 decimals; null where {@code whole == 0}. */
  public static Double ratePct(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return toDouble(
        BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP));
  }

  /** {@code count / subscribers × 10 000}, rounded half up to 2 decimals; 0 where {@code subscribers == 0}. */
  public static double per10k(long count, long subscribers) {
    if (subscribers == 0) {
      return 0.0;
    }
    return toDouble(
        BigDecimal.valueOf(count)
            .multiply(TEN_THOUSAND)
            .divide(BigDecimal.valueOf(subscribers), 2, RoundingMode.HALF_UP));
  }

  private static double toDouble(BigDecimal rounded) {
    // BigDecimal has no negative zero, but "+ 0.0" also turns a stray -0.0 into 0.0.
    return rounded.doubleValue() + 0.0;
  }

  private static void requireFinite(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("cannot round a non-finite value: " + v);
    }
  }
}
