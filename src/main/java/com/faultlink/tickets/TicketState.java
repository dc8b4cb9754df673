package com.faultlink.tickets;

import com.faultlink.model.OpenTicket;
import com.faultlink.model.PeriodKind;

/**
 * What the lifecycle knows of one ticket: creation, tier, deadline, outage, its end (the earliest resolution or
 * cancellation by status time heard so far), and which instants are decided. Immutable; each change is a copy.
 *
 * @param endTime the ticket's end by status time, or null
 * @param endResolves the end is a resolution ({@code resolved}/{@code closed}), not a cancellation
 * @param endApplied the end's instant has been passed and its figures emitted: final
 * @param decidedUntil the latest instant judged (a timer that fired): an ending status at or before it is late
 * @param worklist the last {@code open-tickets} status written, or null
 * @param dayEnd the next day end at which it is to be judged overdue ({@link Long#MAX_VALUE}: none)
 * @param clearAt when to forget it (null: not decided yet)
 */
public record TicketState(String ticketId, boolean created, long creation, String region, String cellId, String tier,
    long deadline, long near, String outageId, Long endTime, boolean endResolves, boolean endApplied,
    long decidedUntil, boolean nearDone, boolean dueDone, boolean overdue, String worklist, long dayEnd,
    long weekEnd, long monthEnd, Long clearAt) {

  static final TicketState EMPTY = new TicketState(null, false, 0, null, null, null, 0, 0, null, null, false, false,
      Long.MIN_VALUE, false, false, false, null, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, null);

  /** The ticket created, keeping an attribution that came first. */
  static TicketState created(TicketFact f, TicketState before, double nearFraction) {
    long deadline = f.deadline();
    long near = f.time() + (long) Math.floor((deadline - f.time()) * nearFraction);
    String outage = before == null ? null : before.outageId();
    return new TicketState(f.ticketId(), true, f.time(), f.region(), f.cellId(), f.tier(), deadline, near, outage,
        null, false, false, Long.MIN_VALUE, false, false, false, null, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
        null);
  }

  TicketState withOutage(String o) {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, o, endTime, endResolves,
        endApplied, decidedUntil, nearDone, dueDone, overdue, worklist, dayEnd, weekEnd, monthEnd, clearAt);
  }

  TicketState endingAt(long time, boolean resolves) {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, outageId, time, resolves,
        endApplied, decidedUntil, nearDone, dueDone, overdue, worklist, dayEnd, weekEnd, monthEnd, clearAt);
  }

  TicketState applied(long clear) {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, outageId, endTime,
        endResolves, true, decidedUntil, nearDone, dueDone, overdue, worklist, dayEnd, weekEnd, monthEnd, clear);
  }

  TicketState decidedUntil(long t) {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, outageId, endTime,
        endResolves, endApplied, t, nearDone, dueDone, overdue, worklist, dayEnd, weekEnd, monthEnd, clearAt);
  }

  TicketState markNearDone() {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, outageId, endTime,
        endResolves, endApplied, decidedUntil, true, dueDone, overdue, worklist, dayEnd, weekEnd, monthEnd, clearAt);
  }

  TicketState markDueDone() {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, outageId, endTime,
        endResolves, endApplied, decidedUntil, nearDone, true, overdue, worklist, dayEnd, weekEnd, monthEnd, clearAt);
  }

  TicketState becameOverdue(long[] ends) {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, outageId, endTime,
        endResolves, endApplied, decidedUntil, nearDone, dueDone, true, worklist, ends[0], ends[1], ends[2], clearAt);
  }

  TicketState onWorklist(String status) {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, outageId, endTime,
        endResolves, endApplied, decidedUntil, nearDone, dueDone, overdue, status, dayEnd, weekEnd, monthEnd, clearAt);
  }

  long nextEnd(PeriodKind k) {
    return switch (k) {
      case DAY -> dayEnd;
      case WEEK -> weekEnd;
      case MONTH -> monthEnd;
    };
  }

  TicketState withNextEnd(PeriodKind k, long e) {
    return new TicketState(ticketId, created, creation, region, cellId, tier, deadline, near, outageId, endTime,
        endResolves, endApplied, decidedUntil, nearDone, dueDone, overdue, worklist,
        k == PeriodKind.DAY ? e : dayEnd, k == PeriodKind.WEEK ? e : weekEnd, k == PeriodKind.MONTH ? e : monthEnd,
        clearAt);
  }

  /** Whether it had ended (resolved or cancelled) at or before {@code t}. */
  boolean endedBy(long t) {
    return endTime != null && endTime <= t;
  }

  boolean onWorklist() {
    return OpenTicket.NEAR_DEADLINE.equals(worklist) || OpenTicket.OVERDUE.equals(worklist);
  }
}
