package com.faultlink.correlate;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlarmPairerTest {
  private static final long T0 = t("2026-10-05T08:00");
  private KeyedOneInputStreamOperatorTestHarness<String, AlarmEvent, CellAlarm> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new AlarmPairer(Duration.ofHours(1)), AlarmEvent::alarmKey, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static AlarmEvent raise(String id, long time) {
    return new AlarmEvent("ev-r-" + id + time, AlarmKind.RAISE, "OMC", id, "C1a", "Cell", "cellOutage", false, time, time);
  }

  private static AlarmEvent clear(String id, long time) {
    // A clear need not repeat its object: the raise says which cell it concerns.
    return new AlarmEvent("ev-c-" + id + time, AlarmKind.CLEAR, "OMC", id, null, null, null, false, time, time);
  }

  @Test
  void aClearThatArrivesFirstIsHeldUntilItsRaiseAndLearnsItsCell() throws Exception {
    harness.processElement(clear("A-1", T0 + minutes(30)), T0 + minutes(30));
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processElement(raise("A-1", T0), T0);
    assertThat(harness.extractOutputValues()).extracting(CellAlarm::kind, CellAlarm::cellId, CellAlarm::time)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlarmKind.RAISE, "C1a", T0),
            org.assertj.core.groups.Tuple.tuple(AlarmKind.CLEAR, "C1a", T0 + minutes(30)));
  }

  @Test
  void aSecondRaiseOfTheSameAlarmIsIgnored() throws Exception {
    harness.processElement(raise("A-1", T0), T0);
    harness.processElement(raise("A-1", T0 + minutes(1)), T0 + minutes(1));
    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  @Test
  void aClearWithoutRaiseIsDroppedAfterTheRetentionAndLeavesNoState() throws Exception {
    harness.processElement(clear("A-9", T0), T0);
    harness.processWatermark(T0 + minutes(61));
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void aClearStampedBeforeItsRaiseIsRejectedAndTheAlarmStaysOpen() throws Exception {
    // The contract ("Implausible times"): a clear stated before its raise is rejected, not clamped to the raise.
    harness.processElement(raise("A-1", T0), T0);
    harness.processElement(clear("A-1", T0 - minutes(5)), T0 - minutes(5));
    assertThat(harness.extractOutputValues()).extracting(CellAlarm::kind).containsExactly(AlarmKind.RAISE);
    harness.processElement(clear("A-1", T0 + minutes(5)), T0 + minutes(5));
    assertThat(harness.extractOutputValues()).extracting(CellAlarm::kind, CellAlarm::time)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlarmKind.RAISE, T0),
            org.assertj.core.groups.Tuple.tuple(AlarmKind.CLEAR, T0 + minutes(5)));
  }
}
