package com.faultlink.tickets;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.model.DeadLetter;
import com.faultlink.model.OpenTicket;
import com.faultlink.model.PeriodKind;
import com.faultlink.model.TicketStatusChange;
import java.time.ZoneId;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle of single tickets, pushed through the operator with watermarks (zone +08:00, near at 3/4). */
class TicketLifecycleTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long HOUR = minutes(60);
  private static final long HOLD = 48 * HOUR;
  private KeyedBroadcastOperatorTestHarness<String, TicketFact, Long, TicketPeriodFact> h;

  @BeforeEach
  void start() throws Exception {
    h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new TicketLifecycle(ZONE, 0.75, 30 * 24 * HOUR, HOLD, 1000), TicketFact::ticketId, Types.STRING,
        TicketLifecycle.HORIZON);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private void create(String id, long at, String tier, long hours) throws Exception {
    h.processElement(new TicketFact(TicketFact.Kind.CREATED, id, at, "Yinchuan", "C1a", tier, at + hours * HOUR, null,
        null), at);
  }

  private void status(String id, String status, long at) throws Exception {
    h.processElement(new TicketFact(TicketFact.Kind.STATUS, id, at, null, null, null, null, null,
        new TicketStatusChange(status, false, "{\"line\":\"" + id + "\"}")), at);
  }

  private void watermark(long time) throws Exception {
    h.processBroadcastWatermark(new Watermark(time));
    h.processWatermark(time);
  }

  /** The end of a bounded input whose last domain time is {@code horizon}. */
  private void endOfInput(long horizon) throws Exception {
    h.processBroadcastElement(horizon, horizon);
    watermark(Long.MAX_VALUE);
  }

  private List<TicketPeriodFact> facts(TicketPeriodFact.Kind kind) {
    return h.extractOutputValues().stream().filter(f -> f.kind() == kind).toList();
  }

  private <T> List<T> side(OutputTag<T> tag) {
    Queue<StreamRecord<T>> q = h.getSideOutput(tag);
    return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void anUrgentTicketResolvedInTimeIsDueOnTimeAndLeavesTheWorklistItJoinedNearItsDeadline() throws Exception {
    long c = t("2026-10-06T08:00");
    create("TT-1", c, "urgent", 2);
    watermark(c + minutes(100));
    status("TT-1", "resolved", c + minutes(105));
    watermark(c + minutes(200));
    assertThat(facts(TicketPeriodFact.Kind.DUE)).extracting(TicketPeriodFact::time, TicketPeriodFact::onTime)
        .containsExactly(tuple(c + 2 * HOUR, true));
    assertThat(facts(TicketPeriodFact.Kind.RESOLVED)).extracting(TicketPeriodFact::time,
        TicketPeriodFact::resolutionMillis).containsExactly(tuple(c + minutes(105), minutes(105)));
    assertThat(side(TicketLifecycle.WORKLIST)).extracting(OpenTicket::status, OpenTicket::at)
        .containsExactly(tuple(OpenTicket.NEAR_DEADLINE, c + minutes(90)), tuple(OpenTicket.RESOLVED, c + minutes(105)));
    assertThat(side(TicketLifecycle.OVERDUE)).isEmpty();
  }

  @Test
  void aLateTicketIsOverdueFromItsDeadlineAtEachPeriodEndUntilItsResolution() throws Exception {
    long c = t("2026-10-06T20:00"); // a Tuesday; urgent deadline 22:00, overdue at the ends of the 6th, 7th, 8th
    create("TT-2", c, "urgent", 2);
    watermark(t("2026-10-08T12:00"));
    status("TT-2", "closed", t("2026-10-09T10:00"));
    watermark(t("2026-10-12T00:00"));
    assertThat(facts(TicketPeriodFact.Kind.DUE)).extracting(TicketPeriodFact::onTime).containsExactly(false);
    assertThat(facts(TicketPeriodFact.Kind.OVERDUE_AT)).extracting(TicketPeriodFact::periodKind,
        TicketPeriodFact::time).containsExactlyInAnyOrder(
            tuple(PeriodKind.DAY, t("2026-10-07T00:00") - 1), tuple(PeriodKind.DAY, t("2026-10-08T00:00") - 1),
            tuple(PeriodKind.DAY, t("2026-10-09T00:00") - 1));
    assertThat(side(TicketLifecycle.OVERDUE)).extracting(OverdueChange::time, OverdueChange::delta)
        .containsExactly(tuple(c + 2 * HOUR, 1), tuple(t("2026-10-09T10:00"), -1));
    assertThat(facts(TicketPeriodFact.Kind.RESOLVED)).extracting(TicketPeriodFact::resolutionMillis)
        .containsExactly(t("2026-10-09T10:00") - c);
  }

  @Test
  void theEarliestEndByStatusTimeWinsWhateverTheArrivalAndLaterStatusesAreNotApplied() throws Exception {
    long c = t("2026-10-06T08:00");
    create("TT-3", c, "normal", 72);
    status("TT-3", "resolved", c + 10 * HOUR);
    status("TT-3", "cancelled", c + 9 * HOUR); // earlier by status time: the ticket ends cancelled
    status("TT-3", "inProgress", c + 11 * HOUR); // a reopen after the end: counted, not applied
    watermark(c + 100 * HOUR);
    assertThat(facts(TicketPeriodFact.Kind.RESOLVED)).isEmpty();
    assertThat(facts(TicketPeriodFact.Kind.DUE)).as("cancelled before its deadline: never due").isEmpty();
    assertThat(side(TicketLifecycle.OVERDUE)).isEmpty();
  }

  @Test
  void aResolutionAfterAReopenDoesNotMoveTheFirstResolution() throws Exception {
    long c = t("2026-10-06T08:00");
    create("TT-4", c, "important", 24);
    status("TT-4", "resolved", c + 30 * HOUR); // late: overdue from c+24h to c+30h
    status("TT-4", "inProgress", c + 31 * HOUR);
    status("TT-4", "resolved", c + 40 * HOUR);
    watermark(c + 100 * HOUR);
    assertThat(facts(TicketPeriodFact.Kind.RESOLVED)).extracting(TicketPeriodFact::time)
        .containsExactly(c + 30 * HOUR);
    assertThat(side(TicketLifecycle.OVERDUE)).extracting(OverdueChange::delta).containsExactly(1, -1);
  }

  @Test
  void aCancellationAfterTheDeadlineLeavesItDueButNoLongerOverdue() throws Exception {
    long c = t("2026-10-06T08:00");
    create("TT-5", c, "urgent", 2);
    status("TT-5", "cancelled", t("2026-10-07T00:00")); // at the day's end: counts in no figure from then
    watermark(t("2026-10-09T00:00"));
    assertThat(facts(TicketPeriodFact.Kind.DUE)).extracting(TicketPeriodFact::onTime).containsExactly(false);
    assertThat(facts(TicketPeriodFact.Kind.OVERDUE_AT)).isEmpty();
    assertThat(side(TicketLifecycle.OVERDUE)).extracting(OverdueChange::delta).containsExactly(1, -1);
    assertThat(side(TicketLifecycle.WORKLIST)).extracting(OpenTicket::status)
        .containsExactly(OpenTicket.NEAR_DEADLINE, OpenTicket.OVERDUE, OpenTicket.CANCELLED);
  }

  @Test
  void aStatusBeforeItsTicketIsHeldAndOneStatedBeforeTheCreationIsRejected() throws Exception {
    long c = t("2026-10-06T08:00");
    status("TT-6", "resolved", c + HOUR);
    status("TT-6", "acknowledged", c - minutes(10)); // stated before the ticket's creation
    create("TT-6", c, "urgent", 2);
    watermark(c + 5 * HOUR);
    assertThat(facts(TicketPeriodFact.Kind.RESOLVED)).extracting(TicketPeriodFact::resolutionMillis)
        .containsExactly(HOUR);
    assertThat(side(TicketLifecycle.REJECTED)).extracting(DeadLetter::source, DeadLetter::raw)
        .containsExactly(tuple("complaints", "{\"line\":\"TT-6\"}"));
    assertThat(side(TicketLifecycle.REJECTED).get(0).reason()).contains("before its ticket's creationDate");
  }

  @Test
  void aStatusForATicketNeverCreatedChangesNothingAndIsForgotten() throws Exception {
    long c = t("2026-10-06T08:00");
    status("TT-X", "resolved", c);
    endOfInput(c + HOUR);
    assertThat(h.extractOutputValues()).isEmpty();
    assertThat(side(TicketLifecycle.REJECTED)).isEmpty();
    assertThat(h.numEventTimeTimers()).isZero();
  }

  @Test
  void nothingIsDecidedPastTheInput() throws Exception {
    long c = t("2026-10-06T08:00");
    create("TT-7", c, "urgent", 2); // deadline 10:00, after the input's end
    create("TT-8", c - 2 * HOUR, "urgent", 2); // deadline 08:00 == the end: due, not overdue
    create("TT-9", c - 3 * HOUR, "urgent", 2); // deadline 07:00: due and overdue
    endOfInput(c);
    assertThat(facts(TicketPeriodFact.Kind.DUE)).extracting(TicketPeriodFact::time)
        .containsExactlyInAnyOrder(c, c - HOUR);
    assertThat(side(TicketLifecycle.OVERDUE)).extracting(OverdueChange::time).containsExactly(c - HOUR);
    assertThat(facts(TicketPeriodFact.Kind.OVERDUE_AT)).extracting(TicketPeriodFact::periodKind)
        .containsExactlyInAnyOrder(PeriodKind.DAY, PeriodKind.WEEK, PeriodKind.MONTH);
  }

  @Test
  void aTicketStillOpenLongAfterItsDeadlineIsForgottenAndLeavesTheOverdueCount() throws Exception {
    h.close();
    h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new TicketLifecycle(ZONE, 0.75, 10 * HOUR, HOLD, 1000), TicketFact::ticketId, Types.STRING,
        TicketLifecycle.HORIZON);
    long c = t("2026-10-06T08:00");
    create("TT-10", c, "urgent", 2);
    watermark(c + 30 * HOUR);
    assertThat(side(TicketLifecycle.OVERDUE)).extracting(OverdueChange::time, OverdueChange::delta)
        .containsExactly(tuple(c + 2 * HOUR, 1), tuple(c + 12 * HOUR, -1));
    assertThat(side(TicketLifecycle.WORKLIST)).extracting(OpenTicket::status).containsExactly(
        OpenTicket.NEAR_DEADLINE, OpenTicket.OVERDUE, OpenTicket.FORGOTTEN);
    assertThat(facts(TicketPeriodFact.Kind.OVERDUE_AT)).as("forgotten at 20:00: not overdue at the day's end")
        .isEmpty();
  }

  @Test
  void anAttributionPutsItsOutageOnTheWorklist() throws Exception {
    long c = t("2026-10-06T08:00");
    create("TT-11", c, "urgent", 2);
    h.processElement(new TicketFact(TicketFact.Kind.ATTRIBUTED, "TT-11", c, "Yinchuan", "C1a", null, null, "A/7",
        null), c);
    watermark(c + 3 * HOUR);
    assertThat(side(TicketLifecycle.WORKLIST)).extracting(OpenTicket::status, OpenTicket::outageId)
        .containsExactly(tuple(OpenTicket.NEAR_DEADLINE, "A/7"), tuple(OpenTicket.OVERDUE, "A/7"));
  }
}
