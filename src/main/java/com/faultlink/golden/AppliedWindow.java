package com.faultlink.golden;

/**
 * The golden window an outage's alerts use: the one in force at its start.
 *
 * @param source where it came from: the scope of a learned estimate (e.g. {@code Yinchuan|*}),
 *     {@code fixed} or {@code initial}
 * @param rateBeforePerHour complaints per open outage per hour inside the window (null: not learned yet)
 * @param rateAfterPerHour the same after the window
 */
public record AppliedWindow(double windowMinutes, String source, Double rateBeforePerHour, Double rateAfterPerHour) {

  /**
   * Complaints expected in the next hour from {@code elapsedMinutes} into the outage if it is not restored:
   * the rate before the window up to its end, the rate after it from there. Null without learned rates.
   */
  public Double expectedNextHour(double elapsedMinutes) {
    if (rateBeforePerHour == null || rateAfterPerHour == null) {
      return null;
    }
    double to = elapsedMinutes + 60;
    double inside = Math.max(0, Math.min(to, windowMinutes) - elapsedMinutes);
    double after = to - Math.max(elapsedMinutes, windowMinutes);
    return (rateBeforePerHour * inside + rateAfterPerHour * Math.max(0, after)) / 60;
  }
}
