package com.faultlink.model;

/**
 * What one outage cost: emitted once it is closed and its attribution tail has passed, or at the end of a
 * bounded input while still open ({@code end} null, duration up to the end of the input).
 *
 * @param endReason {@code cleared} or {@code stale} (see {@link Outage#endReason()}); null while open
 */
public record OutageImpact(
    String outageId,
    String cellId,
    String region,
    String technology,
    long start,
    Long end,
    double durationMinutes,
    long complaints,
    Double firstComplaintLagMinutes,
    boolean planned,
    String workId,
    String endReason) {}
