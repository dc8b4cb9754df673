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
    Double ackP90Minutes,
    TicketTotals tickets) {

  /** Totals without breakdowns, acknowledgements and tickets (tickets come from the ticket lifecycle, merged in by the report). */
  public PeriodTotals(String scope, PeriodKind kind, String periodStart, long outages, long plannedOutages,
      long outageMillis, long complaints, long faultComplaints, long plannedComplaints, long voice, long data,
      long messaging, long other, long complainants, long repeatComplainants, long goldenOutcomes,
      long restoredInWindow) {
    this(scope, kind, periodStart, outages, plannedOutages, outageMillis, complaints, faultComplaints,
        plannedComplaints, voice, data, messaging, other, complainants, repeatComplainants, goldenOutcomes,
        restoredInWindow, ComplaintBreakdown.EMPTY, 0, null, null, null);
  }

  /** A scope's ticket totals alone, the other counts zero. */
  public static PeriodTotals ofTickets(String scope, PeriodKind kind, String periodStart, TicketTotals t) {
    return zero(scope, kind, periodStart).withTickets(t);
  }

  public PeriodTotals withTickets(TicketTotals t) {
    return new PeriodTotals(scope, kind, periodStart, outages, plannedOutages, outageMillis, complaints,
        faultComplaints, plannedComplaints, voice, data, messaging, other, complainants, repeatComplainants,
        goldenOutcomes, restoredInWindow, breakdown, outagesAcknowledged, ackMeanMinutes, ackP90Minutes, t);
  }

  /**
   * The one record of a scope and period from the two that reach the report: the other totals and the ticket totals
   * (each carries zeros, or null tickets, where the other has its figures).
   */
  public static PeriodTotals merge(PeriodTotals prior, PeriodTotals t) {
    return t.tickets() != null ? prior.withTickets(t.tickets()) : t.withTickets(prior.tickets());
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
