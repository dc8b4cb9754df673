package com.faultlink.model;

/**
 * One row of the analysts' golden-window table: a scope's state after a re-estimation, whether or not it
 * published an estimate, with the figures behind it. Figures are null where they were not computed.
 *
 * @param status {@code estimated}, {@code too-few-outages} (below {@code golden.minOutages}, too few outages still
 *     open after the baseline span, or too few complaints in it), {@code no-rise} (the data do not show the complaint
 *     rate reaching {@code golden.explosionRatio} times its baseline), {@code falling} (the rate after the baseline
 *     span is significantly lower than in it) or {@code imprecise} (a rise, but its interval is wider than {@code
 *     golden.maxIntervalWidth}: the estimate is shown, not published)
 * @param goldenWindowMinutes the estimate; for {@code no-rise} and {@code falling} where the fitted rate crosses the
 *     ratio without the evidence to publish it (shown, not published)
 * @param rateBeforePerHour the baseline: complaints per open outage per hour over {@code golden.baselineMinutes}
 * @param rateAfterPerHour the fitted rate from the window on
 * @param highestRatio the highest fitted rate after the baseline span, over the baseline
 * @param meanAfterRatio the mean rate after the baseline span (up to {@code examinedUpToMinutes}), over the baseline
 * @param riseZ the strongest evidence that the rate reaches the ratio somewhere; published only from {@code
 *     riseZCritical} on
 * @param trendZ the rate after the baseline span against the baseline ({@code falling} at or below the level's
 *     one-sided quantile)
 * @param examinedUpToMinutes elapsed times examined: up to where fewer than {@code golden.minOpenAtWindow} outages
 *     are still open
 * @param reason in words, with the figures: why this status
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
    Double highestRatio,
    Double meanAfterRatio,
    Double riseZ,
    Double riseZCritical,
    Double trendZ,
    Double examinedUpToMinutes,
    String reason,
    String appliesInstead,
    String method) {}
