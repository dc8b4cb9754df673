package com.faultlink.tickets;

import com.faultlink.io.input.ParseLines;
import com.faultlink.io.Timestamps;
import com.faultlink.metrics.PeriodCalendar;
import com.faultlink.model.DeadLetter;
import com.faultlink.model.OpenTicket;
import com.faultlink.model.PeriodKind;
import com.faultlink.model.TicketStatusChange;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The lifecycle of one ticket (keyed by ticket id), as the contract's "Ticket lifecycle" says, decided in event
 * time: a decision about instant t is taken once the watermark passes t, when every status stated before t within
 * the out-of-orderness has arrived, so the order of arrival does not matter.
 *
 * <ul>
 *   <li>Resolution: the earliest {@code resolved}/{@code closed} by status time; {@code cancelled} ends it
 *       unresolved; whichever of the two comes first by status time ends the ticket (at the same instant a
 *       resolution wins), and any status after that end (a reopen, a second close) is counted, not applied.
 *   <li>A status may come before its ticket: it is held until the creation comes (then applied, or dead-lettered
 *       when stated before the creation); if none comes within {@code dedup.retention} it is counted and dropped.
 *   <li>At the deadline the ticket is due (unless cancelled by then) and on time if resolved at or before it;
 *       otherwise it is overdue from then until its end, and counted as overdue at each period end in between.
 *   <li>Nothing is decided past the input: at the end of a bounded input (the horizon is its last domain time) a
 *       deadline after the horizon makes no ticket due, and one at or after it none overdue.
 * </ul>
 *
 * <p>Main output: the period facts of the {@code metrics} ticket figures; side outputs: the worklist ({@code
 * open-tickets}), the overdue count changes (the {@code TICKETS_OVERDUE} alert) and rejected status lines.
 */
public final class TicketLifecycle
    extends KeyedBroadcastProcessFunction<String, TicketFact, Long, TicketPeriodFact> {
  private static final long serialVersionUID = 1L;
  private static final PeriodKind[] KINDS = PeriodKind.values();

  public static final MapStateDescriptor<String, Long> HORIZON =
      new MapStateDescriptor<>("ticket-input-horizon", Types.STRING, Types.LONG);
  private static final String HORIZON_KEY = "newest";
  public static final OutputTag<OpenTicket> WORKLIST = new OutputTag<>("open-tickets") {};
  public static final OutputTag<OverdueChange> OVERDUE = new OutputTag<>("tickets-overdue") {};
  public static final OutputTag<DeadLetter> REJECTED = new OutputTag<>("rejected-ticket-statuses") {};

  private final ZoneId zone;
  private final double nearFraction;
  private final long retentionMillis;
  private final long holdMillis;
  private final int maxRawChars;

  private transient PeriodCalendar calendar;
  private transient ValueState<TicketState> ticket;
  private transient ListState<TicketFact> held;
  /** Status times heard while the ticket's end is not final yet. */
  private transient ListState<Long> statusTimes;
  private transient RunCounter unknown;
  private transient RunCounter afterEnd;
  private transient RunCounter late;
  private transient RunCounter forgotten;
  private transient RunCounter deadLetters;

  /**
   * @param nearFraction the part of its tier's time after which an open ticket joins the worklist
   * @param retentionMillis a ticket still open this long after its deadline is forgotten
   * @param holdMillis how long a status waits for its ticket, and an ended ticket is remembered for later statuses
   */
  public TicketLifecycle(ZoneId zone, double nearFraction, long retentionMillis, long holdMillis, int maxRawChars) {
    this.zone = zone;
    this.nearFraction = nearFraction;
    this.retentionMillis = retentionMillis;
    this.holdMillis = holdMillis;
    this.maxRawChars = maxRawChars;
  }

  @Override
  public void open(OpenContext openContext) {
    calendar = new PeriodCalendar(zone);
    ticket = getRuntimeContext().getState(new ValueStateDescriptor<>("ticket", TypeInformation.of(TicketState.class)));
    held = getRuntimeContext().getListState(
        new ListStateDescriptor<>("statuses-before-ticket", TypeInformation.of(TicketFact.class)));
    statusTimes = getRuntimeContext().getListState(new ListStateDescriptor<>("status-times", Types.LONG));
    unknown = RunCounter.register(getRuntimeContext(), CounterNames.TICKET_STATUS_UNKNOWN_TICKET);
    afterEnd = RunCounter.register(getRuntimeContext(), CounterNames.TICKET_STATUS_NOT_APPLIED);
    late = RunCounter.register(getRuntimeContext(), CounterNames.TICKET_STATUS_LATE);
    forgotten = RunCounter.register(getRuntimeContext(), CounterNames.TICKETS_FORGOTTEN);
    deadLetters = RunCounter.register(getRuntimeContext(), CounterNames.DEAD_LETTERS);
  }

  @Override
  public void processBroadcastElement(Long horizon, Context ctx, Collector<TicketPeriodFact> out) throws Exception {
    Long known = ctx.getBroadcastState(HORIZON).get(HORIZON_KEY);
    if (known == null || horizon > known) {
      ctx.getBroadcastState(HORIZON).put(HORIZON_KEY, horizon);
    }
  }

  @Override
  public void processElement(TicketFact f, ReadOnlyContext ctx, Collector<TicketPeriodFact> out) throws Exception {
    TicketState s = ticket.value();
    switch (f.kind()) {
      case CREATED -> {
        if (s != null && s.created()) {
          return; // a second creation of one ticket id is dropped before (duplicate tickets)
        }
        s = TicketState.created(f, s, nearFraction);
        ctx.timerService().registerEventTimeTimer(s.deadline());
        if (s.near() < s.deadline()) {
          ctx.timerService().registerEventTimeTimer(s.near());
        }
        ctx.timerService().registerEventTimeTimer(s.deadline() + retentionMillis);
        List<TicketFact> waiting = new ArrayList<>();
        held.get().forEach(waiting::add);
        held.clear();
        for (TicketFact w : waiting) {
          s = applyStatus(s, w, ctx, out);
        }
        ticket.update(s);
      }
      case ATTRIBUTED -> {
        // Only kept: the next worklist record carries it. An attribution is decided minutes after its complaint,
        // long before the ticket nears its deadline, so no worklist record is written without it (writing one on its
        // arrival would make the records depend on arrival timing).
        TicketState updated = (s == null ? TicketState.EMPTY : s).withOutage(f.outageId());
        ticket.update(updated);
        if (!updated.created()) {
          // an attribution before its ticket (it normally follows it): forgotten if the ticket never comes
          ctx.timerService().registerEventTimeTimer(f.time() + holdMillis);
        }
      }
      case STATUS -> {
        if (s == null || !s.created()) {
          held.add(f);
          ctx.timerService().registerEventTimeTimer(f.time() + holdMillis);
          return;
        }
        ticket.update(applyStatus(s, f, ctx, out));
      }
    }
  }

  /**
   * A status of a created ticket: rejected, or remembered until the ticket's end is final (then those after the end
   * are counted: counting on arrival would depend on the arrival order), or (an ending one) the ticket's new end.
   */
  private TicketState applyStatus(TicketState s, TicketFact f, ReadOnlyContext ctx, Collector<TicketPeriodFact> out)
      throws Exception {
    TicketStatusChange st = f.status();
    if (f.time() < s.creation()) {
      deadLetters.inc();
      ctx.output(REJECTED, ParseLines.deadLetter("complaints", "event.troubleTicket." + st.timeField() + " "
          + Timestamps.format(f.time(), zone) + " is before its ticket's creationDate "
          + Timestamps.format(s.creation(), zone), st.line(), maxRawChars));
      return s;
    }
    out.collect(new TicketPeriodFact(TicketPeriodFact.Kind.SEEN, null, s.region(), s.tier(), f.time(), null, false, 0));
    boolean ending = st.resolves() || st.cancels();
    if (s.endApplied()) {
      if (f.time() < s.endTime()) {
        late.inc(); // from before the end, after the end was final: behind the watermark
      } else {
        afterEnd.inc(); // a reopen, a second close
      }
      return s;
    }
    if (ending && f.time() <= s.decidedUntil()) {
      late.inc(); // the ticket was already judged at that instant
      return s;
    }
    statusTimes.add(f.time());
    if (!ending || (s.endTime() != null && (f.time() > s.endTime() || (f.time() == s.endTime()
        && !(st.resolves() && !s.endResolves()))))) {
      return s;
    }
    ctx.timerService().registerEventTimeTimer(f.time());
    return s.endingAt(f.time(), st.resolves());
  }

  /** Once the end is final: the statuses heard before it that came after it (all but the end itself). */
  private void countStatusesAfterEnd(long end) throws Exception {
    long n = -1;
    for (Long t : statusTimes.get()) {
      if (t >= end) {
        n++;
      }
    }
    if (n > 0) {
      afterEnd.inc(n);
    }
    statusTimes.clear();
  }

  @Override
  public void onTimer(long ts, OnTimerContext ctx, Collector<TicketPeriodFact> out) throws Exception {
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    Long h = ctx.getBroadcastState(HORIZON).get(HORIZON_KEY);
    long horizon = endOfInput ? (h == null ? Long.MIN_VALUE : h) : Long.MAX_VALUE;
    TicketState s = ticket.value();
    if (s == null || !s.created()) {
      countUnknown(ts, endOfInput);
      if (s != null && !held.get().iterator().hasNext()) {
        ticket.clear();
      }
      return;
    }
    // 1. Its end (resolution or cancellation).
    if (s.endTime() != null && s.endTime() <= ts && !s.endApplied()) {
      long end = s.endTime();
      if (s.endResolves()) {
        out.collect(new TicketPeriodFact(TicketPeriodFact.Kind.RESOLVED, null, s.region(), s.tier(), end, null, false,
            end - s.creation()));
      }
      if (s.overdue()) {
        ctx.output(OVERDUE, new OverdueChange(s.region(), s.tier(), end, -1));
      }
      if (s.onWorklist()) {
        String left = s.endResolves() ? OpenTicket.RESOLVED : OpenTicket.CANCELLED;
        ctx.output(WORKLIST, worklist(s, left, end));
        s = s.onWorklist(left);
      }
      countStatusesAfterEnd(end);
      s = s.applied(Math.max(ts, s.deadline()) + holdMillis);
      ctx.timerService().registerEventTimeTimer(s.clearAt());
    }
    // 2. Near its deadline: on the worklist unless ended by then.
    if (!s.nearDone() && s.near() <= ts) {
      if (!s.endedBy(s.near()) && s.near() <= horizon && s.near() < s.deadline()) {
        ctx.output(WORKLIST, worklist(s, OpenTicket.NEAR_DEADLINE, s.near()));
        s = s.onWorklist(OpenTicket.NEAR_DEADLINE);
      }
      s = s.markNearDone();
    }
    // 3. Its deadline: due unless cancelled by then; overdue unless ended by then.
    if (!s.dueDone() && s.deadline() <= ts) {
      long d = s.deadline();
      if (d <= horizon && !(s.endTime() != null && !s.endResolves() && s.endTime() <= d)) {
        boolean onTime = s.endTime() != null && s.endResolves() && s.endTime() <= d;
        out.collect(new TicketPeriodFact(TicketPeriodFact.Kind.DUE, null, s.region(), s.tier(), d, null, onTime, 0));
      }
      s = s.markDueDone();
      if (!s.endedBy(d) && d < horizon) {
        s = s.becameOverdue(nextEnds(d));
        ctx.output(OVERDUE, new OverdueChange(s.region(), s.tier(), d, +1));
        ctx.output(WORKLIST, worklist(s, OpenTicket.OVERDUE, d));
        s = s.onWorklist(OpenTicket.OVERDUE);
        for (PeriodKind k : KINDS) {
          ctx.timerService().registerEventTimeTimer(s.nextEnd(k));
        }
      }
    }
    // 4. Period ends while overdue: counted where neither resolved before nor cancelled by that instant.
    if (s.overdue()) {
      for (PeriodKind k : KINDS) {
        long e = s.nextEnd(k);
        if (e == Long.MAX_VALUE || e > ts) {
          continue;
        }
        boolean resolvedBefore = s.endTime() != null && s.endResolves() && s.endTime() < e;
        boolean cancelledBy = s.endTime() != null && !s.endResolves() && s.endTime() <= e;
        // forgotten tickets no longer count; the last period of a bounded input is judged at the input's end
        boolean stillCounted = Math.min(e, horizon) < s.deadline() + retentionMillis;
        if (!resolvedBefore && !cancelledBy && stillCounted) {
          out.collect(new TicketPeriodFact(TicketPeriodFact.Kind.OVERDUE_AT, null, s.region(), s.tier(), e - 1, k,
              false, 0));
        }
        long next = Long.MAX_VALUE;
        if (!resolvedBefore && !cancelledBy && stillCounted && e <= horizon && (s.endTime() == null
            || s.endTime() > e)) {
          next = calendar.endMillis(k, calendar.periodStart(k, e));
          ctx.timerService().registerEventTimeTimer(next);
        }
        s = s.withNextEnd(k, next);
      }
    }
    // 5. Still open long after its deadline: forgotten (no longer overdue), so state cannot grow without bound.
    long forgetAt = s.deadline() + retentionMillis;
    if (!s.endApplied() && s.clearAt() == null && forgetAt <= ts && forgetAt <= horizon) {
      forgotten.inc();
      if (s.overdue()) {
        ctx.output(OVERDUE, new OverdueChange(s.region(), s.tier(), forgetAt, -1));
      }
      if (s.onWorklist()) {
        ctx.output(WORKLIST, worklist(s, OpenTicket.FORGOTTEN, forgetAt));
        s = s.onWorklist(OpenTicket.FORGOTTEN);
      }
      statusTimes.clear();
      s = s.applied(forgetAt + holdMillis);
      ctx.timerService().registerEventTimeTimer(s.clearAt());
    }
    s = s.decidedUntil(Math.max(s.decidedUntil(), ts));
    if (s.clearAt() != null && s.clearAt() <= ts && s.nearDone() && s.dueDone() && allEndsCounted(s)) {
      ticket.clear();
      held.clear();
      statusTimes.clear();
      return;
    }
    ticket.update(s);
  }

  private static boolean allEndsCounted(TicketState s) {
    for (PeriodKind k : KINDS) {
      if (s.overdue() && s.nextEnd(k) != Long.MAX_VALUE) {
        return false;
      }
    }
    return true;
  }

  /** Statuses whose ticket has not come within the hold time (or by the end of the input): counted, dropped. */
  private void countUnknown(long ts, boolean endOfInput) throws Exception {
    List<TicketFact> keep = new ArrayList<>();
    for (TicketFact f : held.get()) {
      if (endOfInput || f.time() + holdMillis <= ts) {
        unknown.inc();
      } else {
        keep.add(f);
      }
    }
    held.update(keep);
  }

  /** For each period kind, the end of the period holding {@code deadline}: the first end it can be overdue at. */
  private long[] nextEnds(long deadline) {
    long[] ends = new long[KINDS.length];
    for (PeriodKind k : KINDS) {
      ends[k.ordinal()] = calendar.endMillis(k, calendar.periodStart(k, deadline));
    }
    return ends;
  }

  private static OpenTicket worklist(TicketState s, String status, long at) {
    return new OpenTicket(s.ticketId(), s.region(), s.cellId(), s.tier(), status, at, s.creation(), s.deadline(),
        s.outageId(), null);
  }
}
