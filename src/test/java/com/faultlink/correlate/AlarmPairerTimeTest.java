package com.faultlink.correlate;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import com.faultlink.model.DeadLetter;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clears only their raise shows to be wrong (the contract's "Implausible times"): one stated before its raise,
 * and one too late on its input unless its raise is still open. Both go to the dead letters with their line.
 */
class AlarmPairerTimeTest {
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
    return new AlarmEvent("ev-r-" + id + time, AlarmKind.RAISE, "OMC", id, "C1a", "Cell", "cellOutage", false, time,
        time);
  }

  private static AlarmEvent clear(String id, long time) {
    return new AlarmEvent("ev-c-" + id + time, AlarmKind.CLEAR, "OMC", id, null, null, null, false, time, time)
        .pending("clear line of " + id);
  }

  private java.util.List<DeadLetter> deadLetters() {
    java.util.List<DeadLetter> out = new java.util.ArrayList<>();
    var q = harness.getSideOutput(AlarmPairer.REJECTED_CLEARS);
    if (q != null) {
      for (StreamRecord<DeadLetter> r : q) {
        out.add(r.getValue());
      }
    }
    return out;
  }

  @Test
  void aClearBeforeItsRaiseGoesToTheDeadLettersWithItsLine() throws Exception {
    harness.processElement(raise("A-1", T0), T0);
    harness.processElement(clear("A-1", T0 - minutes(5)), T0 - minutes(5));
    assertThat(harness.extractOutputValues()).extracting(CellAlarm::kind).containsExactly(AlarmKind.RAISE);
    assertThat(deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.source()).isEqualTo("alarms");
      assertThat(d.raw()).isEqualTo("clear line of A-1");
      assertThat(d.reason()).startsWith("clear before its raise: alarmClearedTime 2026-10-04T23:55:00Z")
          .contains("alarmRaisedTime 2026-10-05T00:00:00Z");
    });
  }

  @Test
  void aClearArrivingFirstAndStatedBeforeTheRaiseThatComesIsRejectedWhenTheRaiseComes() throws Exception {
    harness.processElement(clear("A-1", T0 - minutes(5)), T0 - minutes(5));
    harness.processElement(raise("A-1", T0), T0);
    assertThat(harness.extractOutputValues()).extracting(CellAlarm::kind).containsExactly(AlarmKind.RAISE);
    assertThat(deadLetters()).hasSize(1);
  }

  @Test
  void aTooLateClearOfAnAlarmStillOpenIsApplied() throws Exception {
    harness.processElement(raise("A-1", T0), T0);
    harness.processElement(clear("A-1", T0 + minutes(30)).tooLate("late clear line"), T0 + minutes(30));
    assertThat(harness.extractOutputValues()).extracting(CellAlarm::kind, CellAlarm::time)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlarmKind.RAISE, T0),
            org.assertj.core.groups.Tuple.tuple(AlarmKind.CLEAR, T0 + minutes(30)));
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aTooLateClearWithoutOpenRaiseIsRejectedAtOnceInsteadOfWaiting() throws Exception {
    harness.processElement(clear("A-2", T0).tooLate("late clear line"), T0);
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.raw()).isEqualTo("late clear line");
      assertThat(d.reason()).startsWith("too late:").contains("its raise is not open");
    });
    assertThat(harness.numKeyedStateEntries()).as("nothing waits for a raise").isZero();
  }

  @Test
  void aTooLateClearOfAnAlarmAlreadyClearedIsRejected() throws Exception {
    harness.processElement(raise("A-1", T0), T0);
    harness.processElement(clear("A-1", T0 + minutes(10)), T0 + minutes(10));
    harness.processElement(clear("A-1", T0 + minutes(20)).tooLate("second clear, late"), T0 + minutes(20));
    assertThat(harness.extractOutputValues()).hasSize(2);
    assertThat(deadLetters()).extracting(DeadLetter::raw).containsExactly("second clear, late");
  }
}
