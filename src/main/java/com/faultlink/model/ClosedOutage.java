package com.faultlink.model;

import java.util.List;

/**
 * A closed outage once nothing can change it any more (its tail and merge gap have passed), with when its
 * complaints came: what golden windows are learned from.
 *
 * @param settledAt event time from which it is final (clear + max(tail, merge gap))
 * @param lagsMinutes minutes from its start to each complaint attributed to it, in no particular order
 */
public record ClosedOutage(
    String outageId,
    String region,
    String technology,
    long start,
    long end,
    long settledAt,
    boolean planned,
    List<Double> lagsMinutes) {

  public double durationMinutes() {
    return (end - start) / 60_000.0;
  }
}
