package com.faultlink.model;

/**
 * One change of an outage's state (stream {@code outage-status}), for dashboards of what is open now.
 *
 * @param status {@code open} (at its start), {@code closed} (at its clear), {@code reopened} (a re-raise within the
 *     merge gap withdrew the clear: {@code at} is that clear, from which it counts as open again)
 * @param at the event time of the change
 * @param end the clear, null while open
 * @param elapsedMinutes outage time at {@code at}
 * @param goldenWindowMinutes the golden window in force at its start: the one its golden-window alerts use
 * @param plannedUntil planned outages: the end of their work's window
 * @param endReason with {@code closed}: {@code cleared} or {@code stale}; else null
 */
public record OutageStatus(
    String outageId,
    String cellId,
    String region,
    String technology,
    String status,
    long at,
    long start,
    Long end,
    double elapsedMinutes,
    Double goldenWindowMinutes,
    boolean planned,
    String workId,
    Long plannedUntil,
    String endReason) {

  public static final String OPEN = "open";
  public static final String CLOSED = "closed";
  public static final String REOPENED = "reopened";

  /** The same status with its outage's golden window. */
  public OutageStatus withGoldenWindowMinutes(double minutes) {
    return new OutageStatus(outageId, cellId, region, technology, status, at, start, end, elapsedMinutes, minutes,
        planned, workId, plannedUntil, endReason);
  }
}
