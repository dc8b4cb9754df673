package com.faultlink.io.input;

import static com.faultlink.io.input.JsonEdit.json;
import static com.faultlink.io.input.JsonEdit.remove;
import static com.faultlink.io.input.JsonEdit.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlarmParserTest {
  static final String RAISE = "{\"eventId\":\"ev-1\",\"eventType\":\"AlarmCreateEvent\","
      + "\"eventTime\":\"2011-09-05T08:00:05+08:00\","
      + "\"event\":{\"alarm\":{\"id\":\"A-17\",\"alarmType\":\"communicationsAlarm\",\"state\":\"raised\","
      + "\"perceivedSeverity\":\"critical\",\"probableCause\":\"cellOutage\","
      + "\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
      + "\"alarmRaisedTime\":\"2011-09-05T08:00:00+08:00\",\"sourceSystemId\":\"OMC-ZTE-1\"}}}";

  static final String CLEARED = "{\"eventId\":\"ev-2\",\"eventType\":\"AlarmClearedEvent\","
      + "\"eventTime\":\"2011-09-05T08:40:01+08:00\","
      + "\"event\":{\"alarm\":{\"id\":\"A-17\",\"sourceSystemId\":\"OMC-ZTE-1\",\"perceivedSeverity\":\"cleared\","
      + "\"alarmClearedTime\":\"2011-09-05T08:40:00+08:00\"}}}";

  static final String STATE_CLEARED = "{\"eventId\":\"ev-3\",\"eventType\":\"AlarmStateChangeEvent\","
      + "\"eventTime\":\"2011-09-05T08:40:00+08:00\","
      + "\"event\":{\"alarm\":{\"id\":\"A-17\",\"state\":\"cleared\",\"perceivedSeverity\":\"cleared\","
      + "\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
      + "\"alarmRaisedTime\":\"2011-09-05T08:00:00+08:00\",\"alarmClearedTime\":\"2011-09-05T08:40:00.5+08:00\","
      + "\"sourceSystemId\":\"OMC-ZTE-1\"}}}";

  private final AlarmParser parser = new AlarmParser();

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private AlarmEvent accepted(String line) {
    ParseResult<AlarmEvent> r = parser.parse(line);
    assertThat(r.isAccepted()).as("%s", r).isTrue();
    return r.value();
  }

  private String rejection(String line) {
    ParseResult<AlarmEvent> r = parser.parse(line);
    assertThat(r.isRejected()).as("%s", r).isTrue();
    return r.reason();
  }

  private String skip(String line) {
    ParseResult<AlarmEvent> r = parser.parse(line);
    assertThat(r.isSkipped()).as("%s", r).isTrue();
    return r.reason();
  }

  @Test
  void readsARaise() {
    AlarmEvent e = accepted(RAISE);
    assertThat(e).isEqualTo(new AlarmEvent("ev-1", AlarmKind.RAISE, "OMC-ZTE-1", "A-17", "NX-YC-0001-1", "Cell",
        "cellOutage", false, at("2011-09-05T00:00:00Z"), at("2011-09-05T00:00:05Z")));
    assertThat(e.alarmKey()).isEqualTo("OMC-ZTE-1/A-17");
  }

  @Test
  void readsTheShorthandClearWithoutObjectOrCause() {
    AlarmEvent e = accepted(CLEARED);
    assertThat(e).isEqualTo(new AlarmEvent("ev-2", AlarmKind.CLEAR, "OMC-ZTE-1", "A-17", null, null, null, false,
        at("2011-09-05T00:40:00Z"), at("2011-09-05T00:40:01Z")));
  }

  @Test
  void readsTheTmf642StateChangeClear() {
    AlarmEvent e = accepted(STATE_CLEARED);
    assertThat(e.kind()).isEqualTo(AlarmKind.CLEAR);
    assertThat(e.time()).as("alarmClearedTime, not alarmRaisedTime").isEqualTo(at("2011-09-05T00:40:00.500Z"));
    assertThat(e.objectId()).isEqualTo("NX-YC-0001-1");
    assertThat(e.objectType()).isEqualTo("Cell");
    assertThat(e.probableCause()).isEqualTo("cellOutage");
    assertThat(accepted(set(STATE_CLEARED, "event.alarm.state", "Cleared")).kind()).isEqualTo(AlarmKind.CLEAR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"raised", "updated", ""})
  void skipsAStateChangeThatIsNotAClear(String state) {
    assertThat(skip(set(STATE_CLEARED, "event.alarm.state", state)))
        .contains("AlarmStateChangeEvent").contains("'" + state + "'").contains("not a clear");
  }

  @Test
  void skipsAStateChangeWithoutState() {
    assertThat(skip(remove(STATE_CLEARED, "event.alarm.state"))).contains("not a clear");
    assertThat(skip(set(STATE_CLEARED, "event.alarm.state", null))).contains("not a clear");
  }

  @Test
  void rejectsAStateChangeWhoseStateIsNotAString() {
    assertThat(rejection(set(STATE_CLEARED, "event.alarm.state", 3)))
        .isEqualTo("event.alarm.state is a number, expected a string");
  }

  @Test
  void aStateChangeClearNeedsWhatAClearNeeds() {
    assertThat(rejection(remove(STATE_CLEARED, "event.alarm.alarmClearedTime")))
        .isEqualTo("event.alarm.alarmClearedTime is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AlarmDeleteEvent"})
  void skipsTheIgnoredTmf642Types(String type) {
    assertThat(skip(set(RAISE, "eventType", type))).isEqualTo("ignored event type " + type);
  }

  static final String ACK = "{\"eventId\":\"ev-6\",\"eventType\":\"AlarmAttributeValueChangeEvent\","
      + "\"eventTime\":\"2011-09-05T08:07:30+08:00\","
      + "\"event\":{\"alarm\":{\"id\":\"A-17\",\"state\":\"raised\",\"perceivedSeverity\":\"critical\","
      + "\"ackState\":\"acknowledged\",\"ackUserId\":\"noc-op-12\","
      + "\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
      + "\"alarmChangedTime\":\"2011-09-05T08:07:00+08:00\",\"sourceSystemId\":\"OMC-ZTE-1\"}}}";

  @Test
  void anAcknowledgementIsReadAtItsChangeTimeUnderItsAlarmsKey() {
    AlarmEvent e = accepted(ACK);
    assertThat(e.kind()).isEqualTo(AlarmKind.ACK);
    assertThat(e.alarmKey()).isEqualTo(accepted(RAISE).alarmKey());
    assertThat(e.time()).isEqualTo(java.time.Instant.parse("2011-09-05T00:07:00Z").toEpochMilli());
    assertThat(e.objectId()).isEqualTo("NX-YC-0001-1");
  }

  @Test
  void anAcknowledgementWithoutChangeTimeTakesItsAckTime() {
    String line = set(remove(ACK, "event.alarm.alarmChangedTime"), "event.alarm.ackTime", "2011-09-05T08:09:00+08:00");
    assertThat(accepted(line).time()).isEqualTo(java.time.Instant.parse("2011-09-05T00:09:00Z").toEpochMilli());
  }

  @Test
  void anAttributeChangeThatIsNoAcknowledgementIsSkipped() {
    assertThat(skip(set(ACK, "event.alarm.ackState", "unacknowledged"))).contains("not an acknowledgement");
    assertThat(skip(remove(ACK, "event.alarm.ackState"))).contains("not an acknowledgement");
  }

  @Test
  void anUnusableAcknowledgementIsSkippedWithItsReasonNotRejected() {
    assertThat(skip(remove(ACK, "event.alarm.alarmChangedTime"))).startsWith("acknowledgement not used: ");
    assertThat(skip(remove(ACK, "event.alarm.sourceSystemId"))).contains("sourceSystemId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AlarmSomethingEvent", "TroubleTicketCreateEvent", "alarmcreateevent", ""})
  void skipsEventTypesTheContractDoesNotName(String type) {
    assertThat(skip(set(RAISE, "eventType", type))).isEqualTo("unhandled event type '" + type + "'");
  }

  @Test
  void aSkippedTypeMustStillHaveAValidEnvelope() {
    String delete = set(RAISE, "eventType", "AlarmDeleteEvent");
    assertThat(rejection(set(delete, "eventTime", "yesterday"))).startsWith("eventTime 'yesterday'");
    assertThat(rejection(remove(delete, "eventId"))).isEqualTo("missing eventId");
    // ...but not a well-formed alarm: its body is not used.
    assertThat(skip(remove(delete, "event"))).isEqualTo("ignored event type AlarmDeleteEvent");
  }

  @Test
  void readsThePlannedOutageIndicator() {
    assertThat(accepted(set(RAISE, "event.alarm.plannedOutageIndicator", "OUT_OF_SERVICE")).plannedOutOfService())
        .isTrue();
    assertThat(accepted(set(RAISE, "event.alarm.plannedOutageIndicator", "IN_SERVICE")).plannedOutOfService())
        .isFalse();
    assertThat(accepted(set(RAISE, "event.alarm.plannedOutageIndicator", "out_of_service")).plannedOutOfService())
        .isFalse();
    assertThat(accepted(set(RAISE, "event.alarm.plannedOutageIndicator", null)).plannedOutOfService()).isFalse();
    assertThat(accepted(RAISE).plannedOutOfService()).isFalse();
    assertThat(rejection(set(RAISE, "event.alarm.plannedOutageIndicator", true)))
        .isEqualTo("event.alarm.plannedOutageIndicator is a boolean, expected a string");
  }

  @Test
  void aClearsPlannedIndicatorIsReadButNeverRejectsIt() {
    assertThat(accepted(set(CLEARED, "event.alarm.plannedOutageIndicator", "OUT_OF_SERVICE")).plannedOutOfService())
        .isTrue();
    assertThat(accepted(set(CLEARED, "event.alarm.plannedOutageIndicator", 7)).plannedOutOfService()).isFalse();
  }

  @Test
  void referredTypeIsOptional() {
    assertThat(accepted(remove(RAISE, "event.alarm.alarmedObject.@referredType")).objectType()).isNull();
    assertThat(accepted(set(RAISE, "event.alarm.alarmedObject.@referredType", null)).objectType()).isNull();
  }

  @Test
  void ignoresFieldsItDoesNotUse() {
    String line = set(set(RAISE, "event.alarm.perceivedSeverity", 5), "extra", json("{\"a\":[1,2]}"));
    assertThat(accepted(line).alarmId()).isEqualTo("A-17");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "event.alarm.id", "event.alarm.sourceSystemId", "event.alarm.probableCause", "event.alarm.alarmedObject",
      "event.alarm.alarmedObject.id", "event.alarm.alarmRaisedTime", "event.alarm", "event"})
  void aRaiseWithoutARequiredFieldIsRejectedNamingIt(String path) {
    assertThat(rejection(remove(RAISE, path))).isEqualTo(path + " is missing");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "event.alarm.id | 17 | event.alarm.id is a number, expected a non-empty string",
        "event.alarm.id | {\"v\":\"A-17\"} | event.alarm.id is an object, expected a non-empty string",
        "event.alarm.id | null | event.alarm.id is null, expected a non-empty string",
        "event.alarm.id | \"\" | event.alarm.id is empty",
        "event.alarm.sourceSystemId | [\"OMC\"] | event.alarm.sourceSystemId is an array, expected a non-empty string",
        "event.alarm.sourceSystemId | \"\" | event.alarm.sourceSystemId is empty",
        "event.alarm.probableCause | 5 | event.alarm.probableCause is a number, expected a string",
        "event.alarm.alarmedObject | \"NX-YC-0001-1\" | event.alarm.alarmedObject is a string, expected an object",
        "event.alarm.alarmedObject | null | event.alarm.alarmedObject is null, expected an object",
        "event.alarm.alarmedObject.id | 1 | event.alarm.alarmedObject.id is a number, expected a non-empty string",
        "event.alarm.alarmedObject.id | \"\" | event.alarm.alarmedObject.id is empty",
        "event.alarm.alarmedObject.@referredType | 1 | "
            + "event.alarm.alarmedObject.@referredType is a number, expected a string",
        "event.alarm.alarmRaisedTime | 1315180800000 | "
            + "event.alarm.alarmRaisedTime is a number, expected a timestamp string",
        "event.alarm.alarmRaisedTime | true | event.alarm.alarmRaisedTime is a boolean, expected a timestamp string",
        "event.alarm | [] | event.alarm is an array, expected an object",
        "event | \"x\" | event is a string, expected an object",
      })
  void aRaiseWithAFieldOfTheWrongTypeIsRejectedNamingIt(String path, String value, String reason) {
    assertThat(rejection(set(RAISE, path, json(value)))).isEqualTo(reason);
  }

  @Test
  void aRaiseWithAnUnparsableRaisedTimeIsRejected() {
    assertThat(rejection(set(RAISE, "event.alarm.alarmRaisedTime", "2026-02-30T08:00:00+08:00")))
        .isEqualTo("event.alarm.alarmRaisedTime '2026-02-30T08:00:00+08:00' is not an ISO-8601 timestamp with an "
            + "offset (day 30 does not exist in February 2026)");
    assertThat(rejection(set(RAISE, "event.alarm.alarmRaisedTime", "2011-09-05 08:00:00")))
        .startsWith("event.alarm.alarmRaisedTime '2011-09-05 08:00:00' is not an ISO-8601 timestamp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"event.alarm.id", "event.alarm.sourceSystemId", "event.alarm.alarmClearedTime"})
  void aClearWithoutARequiredFieldIsRejectedNamingIt(String path) {
    assertThat(rejection(remove(CLEARED, path))).isEqualTo(path + " is missing");
  }

  @Test
  void aClearsOptionalFieldsMustBeWellFormedWherePresent() {
    assertThat(rejection(set(CLEARED, "event.alarm.alarmedObject", json("{\"@referredType\":\"Cell\"}"))))
        .isEqualTo("event.alarm.alarmedObject.id is missing");
    assertThat(rejection(set(CLEARED, "event.alarm.alarmedObject", "NX-YC-0001-1")))
        .isEqualTo("event.alarm.alarmedObject is a string, expected an object");
    assertThat(rejection(set(CLEARED, "event.alarm.probableCause", 5)))
        .isEqualTo("event.alarm.probableCause is a number, expected a string");
    assertThat(rejection(set(CLEARED, "event.alarm.alarmClearedTime", 5)))
        .isEqualTo("event.alarm.alarmClearedTime is a number, expected a timestamp string");
    AlarmEvent withNulls = accepted(set(set(CLEARED, "event.alarm.alarmedObject", null), "event.alarm.probableCause",
        null));
    assertThat(withNulls.objectId()).isNull();
    assertThat(withNulls.probableCause()).isNull();
  }

  @Test
  void aClearDoesNotNeedAValidRaisedTime() {
    assertThat(accepted(set(STATE_CLEARED, "event.alarm.alarmRaisedTime", "garbage")).kind())
        .isEqualTo(AlarmKind.CLEAR);
  }

  @Test
  void theEnvelopeIsChecked() {
    assertThat(rejection(remove(RAISE, "eventId"))).isEqualTo("missing eventId");
    assertThat(rejection(set(RAISE, "eventId", ""))).isEqualTo("eventId is empty");
    assertThat(rejection(set(RAISE, "eventId", 1))).isEqualTo("eventId is a number, expected a non-empty string");
    assertThat(rejection(set(RAISE, "eventId", null))).isEqualTo("eventId is null, expected a non-empty string");
    assertThat(rejection(remove(RAISE, "eventType"))).isEqualTo("missing eventType");
    assertThat(rejection(set(RAISE, "eventType", json("{}")))).isEqualTo("eventType is an object, expected a string");
    assertThat(rejection(remove(RAISE, "eventTime"))).isEqualTo("missing eventTime");
    assertThat(rejection(set(RAISE, "eventTime", 1315180800))).isEqualTo(
        "eventTime is a number, expected a timestamp string");
    assertThat(rejection(set(RAISE, "eventTime", "2011-13-05T08:00:00+08:00")))
        .startsWith("eventTime '2011-13-05T08:00:00+08:00' is not an ISO-8601 timestamp with an offset");
    assertThat(rejection(set(RAISE, "eventTime", "2011-09-05T08:00:00")))
        .startsWith("eventTime '2011-09-05T08:00:00' is not an ISO-8601 timestamp with an offset");
  }

  @Test
  void eventTimeMayDifferFromTheDomainTime() {
    AlarmEvent e = accepted(set(RAISE, "eventTime", "2011-09-05T09:00Z"));
    assertThat(e.eventTime()).isEqualTo(at("2011-09-05T09:00:00Z"));
    assertThat(e.time()).isEqualTo(at("2011-09-05T00:00:00Z"));
  }

  @Test
  void isSerializableAndStillWorksAfterwards() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(parser);
    }
    AlarmParser copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (AlarmParser) in.readObject();
    }
    assertThat(copy.parse(RAISE)).isEqualTo(parser.parse(RAISE));
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    List<String> lines = List.of(RAISE, CLEARED, STATE_CLEARED, "{", set(RAISE, "eventType", "AlarmDeleteEvent"));
    List<ParseResult<AlarmEvent>> expected = new ArrayList<>();
    for (String l : lines) {
      expected.add(parser.parse(l));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 2000; i++) {
            int k = i % lines.size();
            if (!parser.parse(lines.get(k)).equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
