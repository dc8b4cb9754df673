package com.faultlink.model;

import java.util.List;

/**
 * One region's (or {@code *}'s) figures for one period, as operators put them in weekly reports. Rates,
 * hours and percentages are already rounded half up to 2 decimals; change percentages are computed from
 * unrounded values and are null where the previous period's value was 0 or there is none.
 *
 * @param periodStart local date, ISO format
 * @param restoredInWindowPct unplanned outages started in the period that were restored inside the golden
 *     window in force at their start, in percent of those whose outcome is known; null where none is
 * @param complaintsChangePct change of {@code complaints} against the previous period, like the other changes
 * @param breakdown complaints by channel, ticket severity and serving-cell technology
 * @param outagesAcknowledged outages whose first acknowledgement (of any of their alarms) fell in the period
 * @param ackMeanMinutes their mean time from outage start to first acknowledgement, rounded; null where none
 * @param ackP90Minutes its 90th percentile (nearest rank), rounded; null where none
 * @param targets the configured KPI targets for this region, each with its value and whether it was met; empty
 *     where none is configured
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
    Double complaintsChangePct,
    ComplaintBreakdown breakdown,
    long outagesAcknowledged,
    Double ackMeanMinutes,
    Double ackP90Minutes,
    List<TargetCheck> targets,
    TicketFigures tickets) {

  /** The figures without breakdowns, acknowledgements, targets and tickets (tests). */
  public RegionMetrics(String region, PeriodKind period, String periodStart, long outages, long plannedOutages,
      double outageHours, long complaints, long faultComplaints, long plannedComplaints, double complaintsPer10k,
      double voicePer10k, double dataPer10k, double messagingPer10k, double otherPer10k, long complainants,
      long repeatComplainants, Double repeatComplaintRatePct, Double outagesChangePct, Double outageHoursChangePct,
      Double faultComplaintsChangePct, Double restoredInWindowPct) {
    this(region, period, periodStart, outages, plannedOutages, outageHours, complaints, faultComplaints,
        plannedComplaints, complaintsPer10k, voicePer10k, dataPer10k, messagingPer10k, otherPer10k, complainants,
        repeatComplainants, repeatComplaintRatePct, outagesChangePct, outageHoursChangePct, faultComplaintsChangePct,
        restoredInWindowPct, null, ComplaintBreakdown.EMPTY, 0, null, null, List.of(), null);
  }

  /** The same record judged against its targets. */
  public RegionMetrics withTargets(List<TargetCheck> checks) {
    return new RegionMetrics(region, period, periodStart, outages, plannedOutages, outageHours, complaints,
        faultComplaints, plannedComplaints, complaintsPer10k, voicePer10k, dataPer10k, messagingPer10k, otherPer10k,
        complainants, repeatComplainants, repeatComplaintRatePct, outagesChangePct, outageHoursChangePct,
        faultComplaintsChangePct, restoredInWindowPct, complaintsChangePct, breakdown, outagesAcknowledged,
        ackMeanMinutes, ackP90Minutes, List.copyOf(checks), tickets);
  }

  /** The same row with its ticket figures. */
  public RegionMetrics withTickets(TicketFigures t) {
    return new RegionMetrics(region, period, periodStart, outages, plannedOutages, outageHours, complaints,
        faultComplaints, plannedComplaints, complaintsPer10k, voicePer10k, dataPer10k, messagingPer10k, otherPer10k,
        complainants, repeatComplainants, repeatComplaintRatePct, outagesChangePct, outageHoursChangePct,
        faultComplaintsChangePct, restoredInWindowPct, complaintsChangePct, breakdown, outagesAcknowledged,
        ackMeanMinutes, ackP90Minutes, targets, t);
  }
}
