package com.faultlink.incident;

/**
 * The decision, for one outage, of the incident it belongs to: one per outage.
 *
 * @param incidentId null: none
 * @param decidedAt the event time from which it holds: alerts of the outage at or after it carry the incident
 */
public record Membership(String outageId, String region, long start, String incidentId, long decidedAt) {}
