package com.faultlink.tickets;

import com.faultlink.model.PeriodKind;

/**
 * One ticket's contribution to the period figures of its region and tier.
 *
 * @param time the instant it counts at (deadline, resolution, status time); for {@code OVERDUE_AT} the period's
 *     last millisecond
 * @param periodKind {@code OVERDUE_AT} only: the one period kind whose end it was overdue at (else null: every kind)
 * @param onTime {@code DUE}: resolved at or before the deadline
 * @param resolutionMillis {@code RESOLVED}: resolution − creation
 */
public record TicketPeriodFact(Kind kind, String scope, String region, String tier, long time, PeriodKind periodKind,
    boolean onTime, long resolutionMillis) {

  public enum Kind { DUE, RESOLVED, OVERDUE_AT, SEEN }

  public TicketPeriodFact inScope(String s) {
    return new TicketPeriodFact(kind, s, region, tier, time, periodKind, onTime, resolutionMillis);
  }
}
