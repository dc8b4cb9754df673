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
    long repeatComplainants) {

  public static PeriodTotals zero(String scope, PeriodKind kind, String periodStart) {
    return new PeriodTotals(scope, kind, periodStart, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
