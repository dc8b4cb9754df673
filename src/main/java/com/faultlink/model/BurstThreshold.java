package com.faultlink.model;

/**
 * The complaint-count threshold in force for one region and time band (time of day × day type) from
 * {@code validFrom}: a window with at least {@code threshold} complaints is a burst.
 *
 * @param band e.g. {@code weekday 09:00-09:15}
 * @param expected the baseline's expected count per window
 * @param distribution {@code poisson} or {@code negative-binomial}
 */
public record BurstThreshold(
    String region,
    String band,
    long validFrom,
    double windowMinutes,
    double threshold,
    double expected,
    String distribution) {}
