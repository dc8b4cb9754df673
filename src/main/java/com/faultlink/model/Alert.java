package com.faultlink.model;

import java.util.List;

/**
 * One alert record, of any type: the fields a type does not use are null. {@code alertId} is derived from
 * the fact the alert reports (its type, the outage or region, the instant), never from wall-clock time or
 * arrival order, so a replay or a restart produces the same id and consumers can deduplicate on it.
 *
 * @param at the event time the alert is about (e.g. outage start + golden window for a breach)
 * @param outageId golden-window alerts: the outage
 * @param cellId golden-window alerts: the outage's cell
 * @param technology golden-window alerts: the outage's technology
 * @param elapsedMinutes golden-window alerts: outage time elapsed at {@code at}
 * @param goldenWindowMinutes golden-window alerts: the window in force at the outage's start
 * @param expectedComplaintsNextHour golden-window alerts: complaints expected if not restored within the hour
 * @param windowStart complaint bursts: the window's start
 * @param windowEnd complaint bursts: the window's end
 * @param count complaint bursts: complaints in the window
 * @param threshold complaint bursts: the threshold in force
 * @param expected complaint bursts: the baseline's expected count
 * @param outagesOpen mass outages: open outages in the region at {@code at}
 * @param explainingOutages complaint bursts and mass outages: open outages in the region that may explain it
 * @param planned whether the alert concerns planned work
 * @param workId the planned work, where known
 * @param tier {@code TICKETS_OVERDUE}: the service tier (its count of overdue tickets is {@code count})
 */
public record Alert(
    String alertId,
    AlertType type,
    AlertStatus status,
    String region,
    long at,
    String outageId,
    String cellId,
    String technology,
    Double elapsedMinutes,
    Double goldenWindowMinutes,
    Double expectedComplaintsNextHour,
    Long windowStart,
    Long windowEnd,
    Long count,
    Double threshold,
    Double expected,
    Long outagesOpen,
    List<String> explainingOutages,
    boolean planned,
    String workId,
    String tier) {

  /** An alert of a type without a tier. */
  public Alert(String alertId, AlertType type, AlertStatus status, String region, long at, String outageId,
      String cellId, String technology, Double elapsedMinutes, Double goldenWindowMinutes,
      Double expectedComplaintsNextHour, Long windowStart, Long windowEnd, Long count, Double threshold,
      Double expected, Long outagesOpen, List<String> explainingOutages, boolean planned, String workId) {
    this(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes, goldenWindowMinutes,
        expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected, outagesOpen,
        explainingOutages, planned, workId, null);
  }

  /** The same alert with another count (a resolution saying how many are left). */
  public Alert withCount(long n) {
    return new Alert(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes,
        goldenWindowMinutes, expectedComplaintsNextHour, windowStart, windowEnd, n, threshold, expected,
        outagesOpen, explainingOutages, planned, workId, tier);
  }

  /** The resolution of this alert: the same record (same {@code alertId}, same figures), resolved at {@code when}. */
  public Alert resolvedAt(long when) {
    return new Alert(alertId, type, AlertStatus.RESOLVED, region, when, outageId, cellId, technology, elapsedMinutes,
        goldenWindowMinutes, expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected,
        outagesOpen, explainingOutages, planned, workId, tier);
  }
}
