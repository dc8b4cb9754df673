package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.FaultLinkPipeline;
import com.faultlink.config.InputLimits;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import com.faultlink.model.Complaint;
import com.faultlink.model.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract's "Implausible times" at parse time: lines dated before {@code input.notBefore} or after {@code
 * input.notAfter}, and lines more than {@code input.maxLateness} behind the earlier lines of their input, go to the
 * dead letters with a reason; a too-late clear goes on, marked, for the alarm pairing to judge.
 */
class ParseLinesTimeTest {
  /** The wall clock at "job start" in these tests: notAfter is an hour later by default. */
  private static final long START = Instant.parse("2026-12-07T00:00:00Z").toEpochMilli();

  private OneInputStreamOperatorTestHarness<String, ?> harness;

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  static String raise(String eventId, String alarmId, String raised, String eventTime) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"AlarmCreateEvent\",\"eventTime\":\"" + eventTime + "\","
        + "\"event\":{\"alarm\":{\"id\":\"" + alarmId + "\",\"state\":\"raised\",\"probableCause\":\"cellOutage\","
        + "\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
        + "\"alarmRaisedTime\":\"" + raised + "\",\"sourceSystemId\":\"OMC-ZTE-1\"}}}";
  }

  static String raise(String eventId, String raised) {
    return raise(eventId, "A-" + eventId, raised, raised);
  }

  static String clear(String eventId, String alarmId, String cleared) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"AlarmClearedEvent\",\"eventTime\":\"" + cleared + "\","
        + "\"event\":{\"alarm\":{\"id\":\"" + alarmId + "\",\"state\":\"cleared\",\"probableCause\":\"cellOutage\","
        + "\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
        + "\"alarmClearedTime\":\"" + cleared + "\",\"sourceSystemId\":\"OMC-ZTE-1\"}}}";
  }

  static String ticket(String eventId, String created, String eventTime) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"TroubleTicketCreateEvent\",\"eventTime\":\"" + eventTime
        + "\",\"event\":{\"troubleTicket\":{\"id\":\"TT-" + eventId + "\",\"ticketType\":\"complaint\","
        + "\"category\":\"voice\",\"creationDate\":\"" + created + "\",\"severity\":\"minor\","
        + "\"relatedParty\":[{\"role\":\"customer\",\"id\":\"13995000001\"}],"
        + "\"relatedEntity\":[{\"role\":\"servingCell\",\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"}]}}}";
  }

  @SuppressWarnings("unchecked")
  private OneInputStreamOperatorTestHarness<String, AlarmEvent> alarms(InputLimits limits) throws Exception {
    var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseLines<>("alarms",
        FaultLinkPipeline.alarmParsers(), 1000, EventTimes.alarms(), new TimeSanity(limits, false, START))));
    h.open();
    harness = h;
    return h;
  }

  private static List<DeadLetter> deadLetters(OneInputStreamOperatorTestHarness<String, ?> h) {
    List<DeadLetter> out = new ArrayList<>();
    var q = h.getSideOutput(ParseLines.DEAD_LETTERS);
    if (q != null) {
      for (StreamRecord<DeadLetter> r : q) {
        out.add(r.getValue());
      }
    }
    return out;
  }

  private static void feed(OneInputStreamOperatorTestHarness<String, ?> h, String... lines) throws Exception {
    for (String line : lines) {
      h.processElement(line, 0L);
    }
  }

  @Test
  void aLineBeforeNotBeforeIsRejectedWithTheFieldAndTheLimit() throws Exception {
    var h = alarms(InputLimits.defaults());
    String line = raise("ev-1", "1970-01-01T08:00:00+08:00");
    feed(h, line);
    assertThat(h.extractOutputValues()).isEmpty();
    assertThat(deadLetters(h)).singleElement().satisfies(d -> {
      assertThat(d.raw()).isEqualTo(line);
      assertThat(d.reason()).isEqualTo("implausible time: alarmRaisedTime 1970-01-01T00:00:00Z is before"
          + " input.notBefore (2000-01-01T00:00:00Z)");
    });
  }

  @Test
  void aLineAfterNotAfterIsRejected_byDefaultTheClockAtStartPlusTheSkew() throws Exception {
    var h = alarms(InputLimits.defaults());
    feed(h, raise("ev-1", "2026-12-07T00:59:00Z"), raise("ev-2", "2026-12-07T01:01:00Z"),
        raise("ev-3", "9999-12-30T00:00:00+08:00"));
    assertThat(h.extractOutputValues()).extracting(AlarmEvent::eventId).containsExactly("ev-1");
    assertThat(deadLetters(h)).extracting(DeadLetter::reason).containsExactly(
        "implausible time: alarmRaisedTime 2026-12-07T01:01:00Z is after input.notAfter (2026-12-07T01:00:00Z)",
        "implausible time: alarmRaisedTime 9999-12-29T16:00:00Z is after input.notAfter (2026-12-07T01:00:00Z)");
  }

  @Test
  void anImplausibleEventTimeRejectsTheLineEvenWhenItsDomainTimeIsFine() throws Exception {
    var h = alarms(InputLimits.defaults());
    feed(h, raise("ev-1", "A-1", "2026-10-05T08:00:00+08:00", "9999-12-30T00:00:00Z"));
    assertThat(h.extractOutputValues()).isEmpty();
    assertThat(deadLetters(h)).extracting(DeadLetter::reason).containsExactly(
        "implausible time: eventTime 9999-12-30T00:00:00Z is after input.notAfter (2026-12-07T01:00:00Z)");
  }

  @Test
  void aConfiguredNotAfterReplacesTheClock() throws Exception {
    InputLimits limits = new InputLimits(InputLimits.DEFAULT_NOT_BEFORE, Instant.parse("2026-10-06T00:00:00Z"),
        Duration.ofHours(1), Duration.ofDays(2), 1 << 20);
    var h = alarms(limits);
    feed(h, raise("ev-1", "2026-10-05T23:00:00Z"), raise("ev-2", "2026-10-06T00:00:01Z"));
    assertThat(h.extractOutputValues()).extracting(AlarmEvent::eventId).containsExactly("ev-1");
  }

  @Test
  void aComplaintIsCheckedByItsCreationDateAndItsEventTime() throws Exception {
    var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseLines<Complaint>("complaints",
        () -> new ComplaintParser(ComplaintParserTest.CELLS, new CustomerKeyHasher("s"))::parse, 1000,
        EventTimes.complaints(), new TimeSanity(InputLimits.defaults(), false, START))));
    h.open();
    harness = h;
    feed(h, ticket("ev-1", "2026-10-05T08:00:00+08:00", "2026-10-05T08:00:10+08:00"),
        ticket("ev-2", "9999-12-30T08:00:00+08:00", "9999-12-30T08:00:00+08:00"),
        ticket("ev-3", "2026-10-05T08:01:00+08:00", "1999-12-31T23:59:59Z"));
    assertThat(h.extractOutputValues()).extracting(Complaint::eventId).containsExactly("ev-1");
    assertThat(deadLetters(h)).extracting(DeadLetter::reason).containsExactly(
        "implausible time: creationDate 9999-12-30T00:00:00Z is after input.notAfter (2026-12-07T01:00:00Z)",
        "implausible time: eventTime 1999-12-31T23:59:59Z is before input.notBefore (2000-01-01T00:00:00Z)");
  }

  @Test
  void aLineMoreThanMaxLatenessBehindTheNewestEarlierLineIsRejectedAsTooLate() throws Exception {
    var h = alarms(InputLimits.defaults());
    feed(h, raise("ev-1", "2026-10-10T00:00:00Z"),
        raise("ev-2", "2026-10-08T00:00:00Z"), // exactly maxLateness (P2D) behind: still in time
        raise("ev-3", "2026-10-07T23:59:59Z"), // a second more: too late
        raise("ev-4", "2026-10-09T00:00:00Z"));
    assertThat(h.extractOutputValues()).extracting(AlarmEvent::eventId).containsExactly("ev-1", "ev-2", "ev-4");
    assertThat(deadLetters(h)).extracting(DeadLetter::reason).containsExactly("too late: alarmRaisedTime"
        + " 2026-10-07T23:59:59Z is more than input.maxLateness (PT48H) before 2026-10-10T00:00:00Z, the newest"
        + " time read before it on this input");
  }

  @Test
  void lateIsJudgedPerKafkaPartition_aPartitionReadBehindAnotherIsNotLate() throws Exception {
    var h = alarms(InputLimits.defaults());
    String ahead = raise("ev-1", "2026-10-10T00:00:00Z");
    String behind = raise("ev-2", "2026-10-01T00:00:00Z"); // nine days behind partition 0, first of partition 1
    String lateInOne = raise("ev-3", "2026-09-28T23:59:59Z"); // more than P2D behind ev-2, its own partition
    String inOne = raise("ev-4", "2026-09-29T00:00:00Z"); // exactly P2D behind ev-2
    feed(h, PartitionTag.tag(0, ahead), PartitionTag.tag(1, behind), PartitionTag.tag(1, lateInOne),
        PartitionTag.tag(1, inOne));
    assertThat(h.extractOutputValues()).extracting(AlarmEvent::eventId).containsExactly("ev-1", "ev-2", "ev-4");
    assertThat(deadLetters(h)).singleElement().satisfies(d -> {
      assertThat(d.raw()).as("the line without its partition tag").isEqualTo(lateInOne);
      assertThat(d.reason()).startsWith("too late: alarmRaisedTime 2026-09-28T23:59:59Z").endsWith("(partition 1)");
    });
  }

  @Test
  void aRejectedLineDatedFarAheadMakesNoLaterLineLate_andA1970LineFirstDoesNotStartTheInput() throws Exception {
    var h = alarms(InputLimits.defaults());
    feed(h, raise("ev-0", "1970-01-01T00:00:00Z"), raise("ev-1", "2026-12-06T23:59:00Z"),
        raise("ev-2", "9999-12-30T00:00:00Z"), raise("ev-3", "2026-10-05T00:00:00Z"));
    // ev-3 is two months behind ev-1, the newest accepted line: too late; not because of the year 9999.
    assertThat(h.extractOutputValues()).extracting(AlarmEvent::eventId).containsExactly("ev-1");
    assertThat(deadLetters(h)).extracting(DeadLetter::reason)
        .satisfiesExactly(r -> assertThat(r).contains("before input.notBefore"),
            r -> assertThat(r).contains("after input.notAfter"),
            r -> assertThat(r).startsWith("too late:").contains("before 2026-12-06T23:59:00Z"));
  }

  @Test
  void aTooLateClearGoesOnMarkedWithItsLine_theAlarmPairingDecides() throws Exception {
    var h = alarms(InputLimits.defaults());
    String late = clear("ev-2", "A-7", "2026-10-01T00:00:00Z");
    feed(h, raise("ev-1", "2026-10-10T00:00:00Z"), late, raise("ev-3", "2026-10-01T00:00:00Z"));
    assertThat(deadLetters(h)).extracting(DeadLetter::raw).containsExactly(raise("ev-3", "2026-10-01T00:00:00Z"));
    assertThat(h.extractOutputValues()).extracting(AlarmEvent::eventId, AlarmEvent::kind, AlarmEvent::tooLate,
        AlarmEvent::line).containsExactly(
            org.assertj.core.groups.Tuple.tuple("ev-1", AlarmKind.RAISE, false, null),
            org.assertj.core.groups.Tuple.tuple("ev-2", AlarmKind.CLEAR, true, late));
  }

  @Test
  void aTooLateClearThatCanEndNoOutageIsRejectedAtOnce() throws Exception {
    var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseLines<>("alarms",
        FaultLinkPipeline.alarmParsers(), 1000,
        EventTimes.alarms(com.faultlink.correlate.OutageAlarmFilter.rule(List.of("cellOutage"),
            ComplaintParserTest.CELLS)),
        new TimeSanity(InputLimits.defaults(), false, START))));
    h.open();
    harness = h;
    String outageClear = clear("ev-2", "A-7", "2026-10-01T00:00:00Z");
    String noiseClear = clear("ev-3", "A-8", "2026-10-01T00:00:00Z").replace("cellOutage", "powerProblem");
    feed(h, raise("ev-1", "2026-10-10T00:00:00Z"), outageClear, noiseClear);
    assertThat(h.extractOutputValues()).extracting(AlarmEvent::eventId).containsExactly("ev-1", "ev-2");
    assertThat(deadLetters(h)).extracting(DeadLetter::raw).containsExactly(noiseClear);
    assertThat(deadLetters(h).get(0).reason()).startsWith("too late: alarmClearedTime 2026-10-01T00:00:00Z");
  }

  @Test
  void anAcceptedClearKeepsItsLineForThePairing_aRaiseDoesNot() throws Exception {
    var h = alarms(InputLimits.defaults());
    String clearLine = clear("ev-2", "A-ev-1", "2026-10-05T01:00:00Z");
    feed(h, raise("ev-1", "2026-10-05T00:00:00Z"), clearLine);
    assertThat(h.extractOutputValues()).extracting(AlarmEvent::line, AlarmEvent::tooLate)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, false),
            org.assertj.core.groups.Tuple.tuple(clearLine, false));
  }

  @Test
  void aLiveInputsNotAfterMovesWithTheClock() {
    long longAgo = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    long now = System.currentTimeMillis();
    TimeSanity live = new TimeSanity(InputLimits.defaults(), true, longAgo);
    TimeSanity bounded = new TimeSanity(InputLimits.defaults(), false, longAgo);
    assertThat(live.implausible(now, now, "creationDate")).isNull();
    assertThat(bounded.implausible(now, now, "creationDate")).contains("after input.notAfter (2020-01-01T01:00:00Z)");
    assertThat(live.implausible(now + Duration.ofHours(2).toMillis(), now, "creationDate"))
        .startsWith("implausible time: eventTime");
  }
}
