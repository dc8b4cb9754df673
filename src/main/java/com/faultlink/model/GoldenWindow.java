package com.faultlink.model;

/**
 * A golden-window estimate for one scope (region × technology, with {@code *} for all), in force from
 * {@code validFrom} (event time) until the next estimate of the same scope.
 *
 * @param rateBeforePerHour complaints per open outage per hour inside the window
 * @param rateAfterPerHour complaints per open outage per hour after it
 * @param method how it was estimated (e.g. {@code piecewise-constant-hazard-mle}, {@code fixed})
 */
public record GoldenWindow(
    String region,
    String technology,
    long validFrom,
    double goldenWindowMinutes,
    double ciLowMinutes,
    double ciHighMinutes,
    long outages,
    long complaints,
    double rateBeforePerHour,
    double rateAfterPerHour,
    String method) {}
