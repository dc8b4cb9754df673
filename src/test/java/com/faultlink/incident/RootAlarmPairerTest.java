package com.faultlink.incident;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Root-cause alarms paired in event-time order; a reused alarm id gets its raise instant appended. */
class RootAlarmPairerTest {
  private static final long T0 = t("2026-10-14T17:00");

  private static KeyedOneInputStreamOperatorTestHarness<String, AlarmEvent, RootAlarm> harness() throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new RootAlarmPairer(Duration.ofDays(2), Duration.ofDays(30), ZoneId.of("Asia/Shanghai")),
        AlarmEvent::alarmKey, Types.STRING);
  }

  private static AlarmEvent raise(String eventId, long at) {
    return new AlarmEvent(eventId, AlarmKind.RAISE, "TNMS", "A-7", "TX1", "Transmission", "lossOfSignal", false, at,
        at);
  }

  private static AlarmEvent clear(String eventId, long at) {
    return new AlarmEvent(eventId, AlarmKind.CLEAR, "TNMS", "A-7", null, null, null, false, at, at);
  }

  @Test
  void aReRaiseOfAClearedIdIsANewIncidentNamedByItsRaiseInstantWhateverTheArrivalOrder() throws Exception {
    List<AlarmEvent> events = List.of(raise("e1", T0), clear("e2", T0 + minutes(30)),
        raise("e3", T0 + minutes(60)), clear("e4", T0 + minutes(90)));
    List<AlarmEvent> shuffled = new ArrayList<>(events);
    Collections.reverse(shuffled);
    for (List<AlarmEvent> order : List.of(events, shuffled)) {
      try (var h = harness()) {
        for (AlarmEvent a : order) {
          h.processElement(a, a.time());
        }
        h.processWatermark(T0 + minutes(120));
        assertThat(h.extractOutputValues()).extracting(RootAlarm::incidentId, RootAlarm::raise, RootAlarm::clear)
            .containsExactly(
                tuple("TNMS/A-7", T0, null),
                tuple("TNMS/A-7", T0, T0 + minutes(30)),
                tuple("TNMS/A-7@2026-10-14T18:00:00+08:00", T0 + minutes(60), null),
                tuple("TNMS/A-7@2026-10-14T18:00:00+08:00", T0 + minutes(60), T0 + minutes(90)));
      }
    }
  }

  @Test
  void aDuplicateRaiseAndAClearWithoutRaiseChangeNothing() throws Exception {
    try (var h = harness()) {
      h.processElement(clear("e0", T0 - minutes(5)), T0 - minutes(5));
      h.processElement(raise("e1", T0), T0);
      h.processElement(raise("e1b", T0 + minutes(1)), T0 + minutes(1));
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).extracting(RootAlarm::incidentId, RootAlarm::clear)
          .containsExactly(tuple("TNMS/A-7", null));
    }
  }
}
