package com.faultlink.model;

/**
 * One region's (or {@code *}'s) figures for one period, as operators put them in weekly reports. Rates,
 * hours and percentages are already rounded half up to 2 decimals; change percentages are computed from
 * unrounded values and are null where the previous period's value was 0 or there is none.
 *
 * @param periodStart local date, ISO format
 * @param restoredInWindowPct unplanned outages started in the period that were restored inside the golden
 *     window in force at their start, in percent of those whose outcome is known; null where none is
 * @param tickets the ticket figures over all tiers; null without {@code tickets.lifecycle}
 */
public record RegionMetrics(
    String region,
    PeriodKind period,
    String periodStart,
    long outages,
    long plannedOutages,
    double outageHours,
    long complaints,
    long faultComplaints,
    long plannedComplaints,
    double complaintsPer10k,
    double voicePer10k,
    double dataPer10k,
    double messagingPer10k,
    double otherPer10k,
    long complainants,
    long repeatComplainants,
    Double repeatComplaintRatePct,
    Double outagesChangePct,
    Double outageHoursChangePct,
    Double faultComplaintsChangePct,
    Double restoredInWindowPct,
    TicketFigures tickets) {

  /** Figures without the ticket lifecycle. */
  public RegionMetrics(String region, PeriodKind period, String periodStart, long outages, long plannedOutages,
      double outageHours, long complaints, long faultComplaints, long plannedComplaints, double complaintsPer10k,
      double voicePer10k, double dataPer10k, double messagingPer10k, double otherPer10k, long complainants,
      long repeatComplainants, Double repeatComplaintRatePct, Double outagesChangePct, Double outageHoursChangePct,
      Double faultComplaintsChangePct, Double restoredInWindowPct) {
    this(region, period, periodStart, outages, plannedOutages, outageHours, complaints, faultComplaints,
        plannedComplaints, complaintsPer10k, voicePer10k, dataPer10k, messagingPer10k, otherPer10k, complainants,
        repeatComplainants, repeatComplaintRatePct, outagesChangePct, outageHoursChangePct, faultComplaintsChangePct,
        restoredInWindowPct, null);
  }

  /** The same row with its ticket figures. */
  public RegionMetrics withTickets(TicketFigures t) {
    return new RegionMetrics(region, period, periodStart, outages, plannedOutages, outageHours, complaints,
        faultComplaints, plannedComplaints, complaintsPer10k, voicePer10k, dataPer10k, messagingPer10k, otherPer10k,
        complainants, repeatComplainants, repeatComplaintRatePct, outagesChangePct, outageHoursChangePct,
        faultComplaintsChangePct, restoredInWindowPct, t);
  }
}
