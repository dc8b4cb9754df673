package com.faultlink.metrics;

import com.faultlink.model.PeriodKind;

/** One scope's raw counts for one closed period, before rates and changes are derived. */
public record PeriodTotals(
    String scope,
    PeriodKind kind,
    String periodStart,
    long outages,
    long plannedOutages,
    long outageMillis,
    long complaints,
    long faultComplaints,
    long plannedComplaints,
    long voice,
    long data,
    long messaging,
    long other,
    long complainants,
    long repeatComplainants,
    long goldenOutcomes,
    long restoredInWindow) {

  /** Totals without golden-window outcomes. */
  public PeriodTotals(String scope, PeriodKind kind, String periodStart, long outages, long plannedOutages,
      long outageMillis, long complaints, long faultComplaints, long plannedComplaints, long voice, long data,
      long messaging, long other, long complainants, long repeatComplainants) {
    this(scope, kind, periodStart, outages, plannedOutages, outageMillis, complaints, faultComplaints,
        plannedComplaints, voice, data, messaging, other, complainants, repeatComplainants, 0, 0);
  }

  public static PeriodTotals zero(String scope, PeriodKind kind, String periodStart) {
    return new PeriodTotals(scope, kind, periodStart, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
