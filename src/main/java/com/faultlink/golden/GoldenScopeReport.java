package com.faultlink.golden;

/**
 * One row of the analysts' golden-window table: a scope's state after a re-estimation, whether or not it
 * published an estimate. The window, interval and rates are null where nothing was estimated.
 *
 * @param status {@code estimated}, {@code too-few-outages} (below {@code golden.minOutages}), {@code
 *     no-rise} (no significant rise of the complaint rate at any window) or {@code imprecise} (a rise, but
 *     its interval is wider than {@code golden.maxIntervalWidth}: the estimate is shown, not published)
 * @param appliesInstead for a scope without an estimate, the pooled scope whose estimate its outages use
 */
public record GoldenScopeReport(
    String region,
    String technology,
    long validFrom,
    String status,
    long outages,
    long complaints,
    Double goldenWindowMinutes,
    Double ciLowMinutes,
    Double ciHighMinutes,
    Double rateBeforePerHour,
    Double rateAfterPerHour,
    Double likelihoodRatio,
    String appliesInstead,
    String method) {}
