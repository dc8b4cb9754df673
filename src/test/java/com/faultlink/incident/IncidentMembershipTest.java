package com.faultlink.incident;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.model.Outage;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Which root alarm's incident an outage belongs to: the contract's rule, decided at start + window. */
class IncidentMembershipTest {
  private static final long T0 = t("2026-10-14T17:00");
  private static final long WINDOW = minutes(5);

  private static KeyedTwoInputStreamOperatorTestHarness<String, Outage, SiteRoot, Membership> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new IncidentMembership(WINDOW, minutes(5), minutes(60 * 24 * 30), false),
        Outage::siteId, SiteRoot::siteId, Types.STRING);
  }

  private static Outage outage(String id, long start, Long end) {
    return new Outage(id, "C-" + id, "S1", "Wuzhong", "4G", start, end, null, false, null);
  }

  private static SiteRoot root(String id, long raise, Long clear) {
    return new SiteRoot("S1", new RootAlarm(id, "lossOfSignal", "TX1", "Transmission", raise, clear));
  }

  @Test
  void aRootAlarmArrivingAfterItsOutageStillClaimsItAndTheDecisionWaitsForStartPlusWindow() throws Exception {
    try (var h = harness()) {
      h.processElement1(outage("O1", T0 + minutes(2), null), T0 + minutes(2));
      h.processWatermark2(new Watermark(T0));
      h.processWatermark1(new Watermark(T0 + minutes(1)));
      // raised a minute after the outage started: the outage starts no earlier than the window before the raise
      h.processElement2(root("TNMS/A-1", T0 + minutes(3), null), T0 + minutes(3));
      h.processBothWatermarks(new Watermark(T0 + minutes(7) - 1));
      assertThat(h.extractOutputValues()).as("not decided before start + window").isEmpty();
      h.processBothWatermarks(new Watermark(T0 + minutes(7)));
      assertThat(h.extractOutputValues()).extracting(Membership::outageId, Membership::incidentId,
          Membership::decidedAt).containsExactly(tuple("O1", "TNMS/A-1", T0 + minutes(7)));
      assertThat(h.getSideOutput(IncidentMembership.MEMBERS)).extracting(r -> r.getValue().incidentId())
          .containsExactly("TNMS/A-1");
    }
  }

  @Test
  void theEarliestRaiseWinsThenTheSmallestIncidentId() throws Exception {
    try (var h = harness()) {
      h.processElement2(root("B/A-2", T0, null), T0);
      h.processElement2(root("A/A-9", T0, null), T0);
      h.processElement1(outage("O1", T0 + minutes(1), null), T0 + minutes(1));
      h.processElement2(root("C/A-1", T0 - minutes(10), null), T0 - minutes(10));
      h.processElement1(outage("O2", T0 + minutes(30), null), T0 + minutes(30));
      h.processElement2(root("C/A-1", T0 - minutes(10), T0 + minutes(20)), T0 + minutes(20));
      h.processBothWatermarks(new Watermark(T0 + minutes(60)));
      assertThat(h.extractOutputValues()).extracting(Membership::outageId, Membership::incidentId)
          .containsExactlyInAnyOrder(
              tuple("O1", "C/A-1"), // raised first, still raised at its start
              tuple("O2", "A/A-9")); // C cleared before O2 started; A and B raised together: the smaller id
    }
  }

  @Test
  void aPowerFailureExplainsOutagesHoursLaterUntilItClearsAndFromAWindowBeforeItsRaise() throws Exception {
    try (var h = harness()) {
      h.processElement2(root("PWR/A-1", T0, T0 + minutes(150)), T0);
      h.processElement1(outage("battery", T0 + minutes(90), T0 + minutes(160)), T0 + minutes(90));
      h.processElement1(outage("just-in", T0 - minutes(5), T0 + minutes(20)), T0 - minutes(5));
      h.processElement1(outage("too-early", T0 - minutes(5) - 1000, T0 + minutes(10)), T0 - minutes(5) - 1000);
      h.processElement1(outage("after-clear", T0 + minutes(150), T0 + minutes(170)), T0 + minutes(150));
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      assertThat(h.extractOutputValues()).extracting(Membership::outageId, Membership::incidentId)
          .containsExactlyInAnyOrder(tuple("battery", "PWR/A-1"), tuple("just-in", "PWR/A-1"),
              tuple("too-early", null), tuple("after-clear", null));
    }
  }

  @Test
  void theArrivalOrderWithinTheOutOfOrdernessChangesNothing() throws Exception {
    List<Object> events = List.of(
        outage("O1", T0 + minutes(1), T0 + minutes(40)),
        root("X/A-5", T0 + minutes(2), null),
        root("Y/A-1", T0 + minutes(2), null),
        outage("O2", T0 + minutes(3), null),
        root("X/A-5", T0 + minutes(2), T0 + minutes(20)),
        outage("O3", T0 + minutes(25), null));
    List<List<String>> results = new ArrayList<>();
    for (List<Object> order : List.of(events, reversed(events))) {
      try (var h = harness()) {
        for (Object e : order) {
          if (e instanceof Outage o) {
            h.processElement1(new StreamRecord<>(o, o.start()));
          } else {
            SiteRoot r = (SiteRoot) e;
            h.processElement2(new StreamRecord<>(r, r.root().raise()));
          }
        }
        h.processBothWatermarks(new Watermark(T0 + minutes(60)));
        results.add(h.extractOutputValues().stream()
            .map(m -> m.outageId() + "=" + m.incidentId() + "@" + m.decidedAt()).sorted().toList());
      }
    }
    assertThat(results.get(0)).containsExactly("O1=X/A-5@" + (T0 + minutes(6)), "O2=X/A-5@" + (T0 + minutes(8)),
        "O3=Y/A-1@" + (T0 + minutes(30)));
    assertThat(results.get(1)).isEqualTo(results.get(0));
  }

  private static <T> List<T> reversed(List<T> l) {
    List<T> r = new ArrayList<>(l);
    java.util.Collections.reverse(r);
    return r;
  }
}
