package com.faultlink.metrics;

/**
 * Moved to {@link com.faultlink.model.Rounding} (issue 22: correlate, golden, planned, burst and status no longer
 * import metrics). Kept one round for code of branches written before the move; remove it once they are merged.
 */
@Deprecated
public final class Rounding {
  private Rounding() {}

  public static double halfUp2(double v) {
    return com.faultlink.model.Rounding.halfUp2(v);
  }

  public static Double halfUp2OrNull(Double v) {
    return com.faultlink.model.Rounding.halfUp2OrNull(v);
  }

  public static double minutes(long millis) {
    return com.faultlink.model.Rounding.minutes(millis);
  }

  public static double hours(long millis) {
    return com.faultlink.model.Rounding.hours(millis);
  }

  public static Double changePct(double previous, double current) {
    return com.faultlink.model.Rounding.changePct(previous, current);
  }

  public static Double ratePct(long part, long whole) {
    return com.faultlink.model.Rounding.ratePct(part, whole);
  }

  public static double per10k(long count, long subscribers) {
    return com.faultlink.model.Rounding.per10k(count, subscribers);
  }
}
