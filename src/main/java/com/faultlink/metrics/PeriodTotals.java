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
    long restoredInWindow,
    TicketTotals tickets) {

  /** Totals without tickets (they come from the ticket lifecycle, merged in by the report). */
  public PeriodTotals(String scope, PeriodKind kind, String periodStart, long outages, long plannedOutages,
      long outageMillis, long complaints, long faultComplaints, long plannedComplaints, long voice, long data,
      long messaging, long other, long complainants, long repeatComplainants, long goldenOutcomes,
      long restoredInWindow) {
    this(scope, kind, periodStart, outages, plannedOutages, outageMillis, complaints, faultComplaints,
        plannedComplaints, voice, data, messaging, other, complainants, repeatComplainants, goldenOutcomes,
        restoredInWindow, null);
  }

  /** A scope's ticket totals alone, the other counts zero. */
  public static PeriodTotals ofTickets(String scope, PeriodKind kind, String periodStart, TicketTotals t) {
    return zero(scope, kind, periodStart).withTickets(t);
  }

  public PeriodTotals withTickets(TicketTotals t) {
    return new PeriodTotals(scope, kind, periodStart, outages, plannedOutages, outageMillis, complaints,
        faultComplaints, plannedComplaints, voice, data, messaging, other, complainants, repeatComplainants,
        goldenOutcomes, restoredInWindow, t);
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
