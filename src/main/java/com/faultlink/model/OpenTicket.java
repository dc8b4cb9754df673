package com.faultlink.model;

/**
 * One change of a ticket on the live overdue worklist (stream {@code open-tickets}): it joins near its deadline,
 * moves to overdue at it, and leaves when resolved, cancelled or forgotten. The last record of a ticket is its
 * state now; a table keyed by {@code ticketId} holds the worklist.
 *
 * @param ticketId {@code troubleTicket.id}, subscriber numbers masked
 * @param status {@link #NEAR_DEADLINE}, {@link #OVERDUE}, or how it left: {@link #RESOLVED}, {@link #CANCELLED},
 *     {@link #FORGOTTEN} (still open {@code tickets.retention} after its deadline)
 * @param at the event time of the change
 * @param outageId the outage the complaint is attributed to, or null
 * @param incidentId the incident of that outage, or null (incidents are not grouped by this build)
 */
public record OpenTicket(String ticketId, String region, String cellId, String tier, String status, long at,
    long createdAt, long deadline, String outageId, String incidentId) {
  public static final String NEAR_DEADLINE = "nearDeadline";
  public static final String OVERDUE = "overdue";
  public static final String RESOLVED = "resolved";
  public static final String CANCELLED = "cancelled";
  public static final String FORGOTTEN = "forgotten";

  /** Whether a ticket in this state is on the worklist. */
  public boolean open() {
    return NEAR_DEADLINE.equals(status) || OVERDUE.equals(status);
  }
}
