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
 * @param incidentId the incident the alert belongs to: an {@code INCIDENT} alert's own, a golden-window alert's
 *     outage's (from the instant its membership is decided); null: none
 * @param cause {@code INCIDENT}: the root alarm's {@code probableCause}, or {@code unknown}
 * @param incidents {@code MASS_OUTAGE}: the incidents of its listed outages (sorted); null for other types
 * @param firedAt when the alert fired: {@code at} of its firing record, also on its resolution (so a resolution
 *     says how long the alert lasted); null only for a resolution built without its firing record
 * @param kpi {@code KPI_MISSED}: the period, metric, target and value; null for every other type
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
    String incidentId,
    String cause,
    List<String> incidents,
    Long firedAt,
    KpiMiss kpi,
    String tier) {

  /** An alert of no incident, fired at {@code at} where it is a firing record. */
  public Alert(String alertId, AlertType type, AlertStatus status, String region, long at, String outageId,
      String cellId, String technology, Double elapsedMinutes, Double goldenWindowMinutes,
      Double expectedComplaintsNextHour, Long windowStart, Long windowEnd, Long count, Double threshold,
      Double expected, Long outagesOpen, List<String> explainingOutages, boolean planned, String workId) {
    this(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes, goldenWindowMinutes,
        expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected, outagesOpen, explainingOutages,
        planned, workId, null, null, null);
  }

  /** A record without {@code firedAt} given: a firing record fired at {@code at}. */
  public Alert(String alertId, AlertType type, AlertStatus status, String region, long at, String outageId,
      String cellId, String technology, Double elapsedMinutes, Double goldenWindowMinutes,
      Double expectedComplaintsNextHour, Long windowStart, Long windowEnd, Long count, Double threshold,
      Double expected, Long outagesOpen, List<String> explainingOutages, boolean planned, String workId,
      String incidentId, String cause, List<String> incidents) {
    this(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes, goldenWindowMinutes,
        expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected, outagesOpen, explainingOutages,
        planned, workId, incidentId, cause, incidents, status == AlertStatus.FIRING ? Long.valueOf(at) : null, null, null);
  }

  /** A {@code TICKETS_OVERDUE} alert of tier {@code tier}, fired at {@code at} where it is a firing record. */
  public Alert(String alertId, AlertType type, AlertStatus status, String region, long at, String outageId,
      String cellId, String technology, Double elapsedMinutes, Double goldenWindowMinutes,
      Double expectedComplaintsNextHour, Long windowStart, Long windowEnd, Long count, Double threshold,
      Double expected, Long outagesOpen, List<String> explainingOutages, boolean planned, String workId, String tier) {
    this(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes, goldenWindowMinutes,
        expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected, outagesOpen, explainingOutages,
        planned, workId, null, null, null, status == AlertStatus.FIRING ? Long.valueOf(at) : null, null, tier);
  }

  /** A {@code KPI_MISSED} alert (of no incident), fired at {@code at} where it is a firing record. */
  public Alert(String alertId, AlertType type, AlertStatus status, String region, long at, String outageId,
      String cellId, String technology, Double elapsedMinutes, Double goldenWindowMinutes,
      Double expectedComplaintsNextHour, Long windowStart, Long windowEnd, Long count, Double threshold,
      Double expected, Long outagesOpen, List<String> explainingOutages, boolean planned, String workId, KpiMiss kpi) {
    this(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes, goldenWindowMinutes,
        expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected, outagesOpen, explainingOutages,
        planned, workId, null, null, null, status == AlertStatus.FIRING ? Long.valueOf(at) : null, kpi, null);
  }

  /** This alert as part of incident {@code id} (null: of none). */
  public Alert withIncidentId(String id) {
    return new Alert(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes,
        goldenWindowMinutes, expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected,
        outagesOpen, explainingOutages, planned, workId, id, cause, incidents, firedAt, kpi, tier);
  }

  /** This mass outage naming the incidents it contains. */
  public Alert withIncidents(List<String> ids) {
    return new Alert(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes,
        goldenWindowMinutes, expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected,
        outagesOpen, explainingOutages, planned, workId, incidentId, cause, ids, firedAt, kpi, tier);
  }

  /**
   * The resolution of this alert: the same record (same {@code alertId}, same figures), resolved at {@code when},
   * remembering when it fired.
   */
  public Alert resolvedAt(long when) {
    return new Alert(alertId, type, AlertStatus.RESOLVED, region, when, outageId, cellId, technology, elapsedMinutes,
        goldenWindowMinutes, expectedComplaintsNextHour, windowStart, windowEnd, count, threshold, expected,
        outagesOpen, explainingOutages, planned, workId, incidentId, cause, incidents, firedAt != null ? firedAt : at,
        kpi, tier);
  }

  /** The same alert with another count (a resolution saying how many are left). */
  public Alert withCount(long n) {
    return new Alert(alertId, type, status, region, at, outageId, cellId, technology, elapsedMinutes,
        goldenWindowMinutes, expectedComplaintsNextHour, windowStart, windowEnd, n, threshold, expected,
        outagesOpen, explainingOutages, planned, workId, incidentId, cause, incidents, firedAt, kpi, tier);
  }

  /** When a resolution ended the alert; null for a firing record. */
  public Long resolvedAtMillis() {
    return status == AlertStatus.RESOLVED ? Long.valueOf(at) : null;
  }
}
