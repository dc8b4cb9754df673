package com.faultlink.metrics;

import com.faultlink.model.ComplaintBreakdown;
import com.faultlink.model.PeriodKind;

/**
 * One scope's raw counts for one closed period, before rates and changes are derived.
 *
 * @param breakdown complaints by channel, severity and technology ({@link ComplaintBreakdown#EMPTY} where not
 *     broken down)
 * @param outagesAcknowledged outages whose first acknowledgement fell in the period
 * @param ackMeanMinutes their mean time from start to first acknowledgement, unrounded; null where none
 * @param ackP90Minutes its 90th percentile (nearest rank), unrounded; null where none
 */
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
    long restoredInWindow,
    ComplaintBreakdown breakdown,
    long outagesAcknowledged,
    Double ackMeanMinutes,
    Double ackP90Minutes) {

  /** Totals without breakdowns and acknowledgements. */
  public PeriodTotals(String scope, PeriodKind kind, String periodStart, long outages, long plannedOutages,
      long outageMillis, long complaints, long faultComplaints, long plannedComplaints, long voice, long data,
      long messaging, long other, long complainants, long repeatComplainants, long goldenOutcomes,
      long restoredInWindow) {
    this(scope, kind, periodStart, outages, plannedOutages, outageMillis, complaints, faultComplaints,
        plannedComplaints, voice, data, messaging, other, complainants, repeatComplainants, goldenOutcomes,
        restoredInWindow, ComplaintBreakdown.EMPTY, 0, null, null);
  }

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
