package com.faultlink.model;

/**
 * Alert ids, one scheme for every type: {@code <TYPE>/<subject>[/<instant>]} — the subject an outage id, an
 * incident id or a region, the instant (where a type needs one to tell its alerts apart) written like every output timestamp, in the
 * configured timezone. Derived from the fact alone, never from arrival or wall-clock time: a replay, a restart or
 * another parallelism gives the same ids, so a consumer deduplicates on them.
 */
public final class AlertIds {
  private AlertIds() {}

  /** One per outage and type, e.g. {@code GOLDEN_WINDOW_BREACHED/OMC-HW-1/A-1001}. */
  public static String forOutage(AlertType type, String outageId) {
    return type.name() + "/" + outageId;
  }

  /** One per incident, e.g. {@code INCIDENT/TNMS-FH-1/A-1002}. */
  public static String forIncident(String incidentId) {
    return AlertType.INCIDENT.name() + "/" + incidentId;
  }

  /**
   * One per region and instant, e.g. {@code MASS_OUTAGE/Yinchuan/2026-10-14T09:49:00+08:00}; {@code instant} as the
   * outputs write it ({@code Timestamps.format(at, zone)}).
   */
  public static String forRegion(AlertType type, String region, String instant) {
    return type.name() + "/" + region + "/" + instant;
  }

  /**
   * One per region, metric and period, e.g. {@code
   * KPI_MISSED/Yinchuan/repeatComplaintRatePct/week/2026-10-05T00:00:00+08:00}: the subject is region, metric and
   * period kind, the instant the period's start ({@code Timestamps.format(periodStartMillis, zone)}).
   */
  public static String forKpi(String region, String metric, PeriodKind period, String periodStartInstant) {
    return AlertType.KPI_MISSED.name() + "/" + region + "/" + metric + "/" + period.json() + "/" + periodStartInstant;
  }

  /**
   * One per region, tier and instant, e.g. {@code TICKETS_OVERDUE/Yinchuan/urgent/2026-10-14T11:00:00+08:00}: the
   * region's subject with the tier added.
   */
  public static String forRegionTier(AlertType type, String region, String tier, String instant) {
    return forRegion(type, region + "/" + tier, instant);
  }
}
