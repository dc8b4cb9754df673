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

  // ------------------------------------------------------------------------------ bounded in event time only

  private KeyedOneInputStreamOperatorTestHarness<String, AlarmEvent, CellAlarm> pairer(Duration maxOpen)
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new AlarmPairer(Duration.ofHours(1), maxOpen), AlarmEvent::alarmKey, Types.STRING);
  }

  /**
   * The defect: with a processing-time TTL (the old {@code state.ttl}) a raise expired while the job's clock
   * ran on, and its clear, arriving later, never reached outage assembly. Wall-clock time must not forget anything.
   */
  @Test
  void aClearArrivingAfterAnyAmountOfProcessingTimeIsStillPaired() throws Exception {
    try (var h = pairer(Duration.ofDays(30))) {
      h.open();
      h.processElement(raise("A-1", T0), T0);
      h.setStateTtlProcessingTime(T0 + Duration.ofDays(60).toMillis());
      h.setProcessingTime(T0 + Duration.ofDays(60).toMillis());
      h.processElement(clear("A-1", T0 + minutes(30)), T0 + minutes(30));
      assertThat(h.extractOutputValues()).extracting(CellAlarm::kind, CellAlarm::time)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(AlarmKind.RAISE, T0),
              org.assertj.core.groups.Tuple.tuple(AlarmKind.CLEAR, T0 + minutes(30)));
    }
  }

  /** A raise never cleared is forgotten when event time passes raise + maxOpen (its outage is stale by then). */
  @Test
  void aRaiseNeverClearedIsForgottenAtItsRaisePlusMaxOpen() throws Exception {
    try (var h = pairer(Duration.ofHours(24))) {
      h.open();
      h.processElement(raise("A-1", T0), T0);
      h.processWatermark(T0 + minutes(24 * 60) - 1);
      assertThat(h.numKeyedStateEntries()).as("kept up to its stale instant").isPositive();
      h.processWatermark(T0 + minutes(24 * 60));
      assertThat(h.numKeyedStateEntries()).as("nothing of it left").isZero();
    }
  }

  /**
   * A clear stamped after its raise + maxOpen is a clear without raise, whether it arrives before the watermark gets
   * there (raise still held) or after (raise forgotten): the same count whatever the arrival order.
   */
  @Test
  void aClearStampedAfterItsRaisesStaleInstantIsAClearWithoutRaiseWhateverTheArrivalOrder() throws Exception {
    long day = minutes(24 * 60);
    try (var h = pairer(Duration.ofHours(24))) {
      h.open();
      h.processElement(raise("A-1", T0), T0);
      h.processElement(clear("A-1", T0 + day + minutes(1)), T0 + day + minutes(1)); // before the watermark
      h.processElement(raise("A-2", T0), T0);
      h.processWatermark(T0 + day + minutes(10));
      h.processElement(clear("A-2", T0 + day + minutes(1)), T0 + day + minutes(1)); // after it
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).extracting(CellAlarm::kind).containsExactly(AlarmKind.RAISE, AlarmKind.RAISE);
      assertThat(h.numKeyedStateEntries()).isZero();
    }
  }

  /** A clear at the stale instant itself is still paired (it clears the outage there). */
  @Test
  void aClearAtTheStaleInstantIsPairedAndThePairIsForgottenAfterTheRetention() throws Exception {
    long day = minutes(24 * 60);
    try (var h = pairer(Duration.ofHours(24))) {
      h.open();
      h.processElement(raise("A-1", T0), T0);
      h.processElement(clear("A-1", T0 + day), T0 + day);
      h.processWatermark(T0 + day + minutes(59));
      assertThat(h.extractOutputValues()).extracting(CellAlarm::kind).containsExactly(AlarmKind.RAISE, AlarmKind.CLEAR);
      assertThat(h.numKeyedStateEntries()).as("remembered a retention after the clear").isPositive();
      h.processWatermark(T0 + day + minutes(60));
      assertThat(h.numKeyedStateEntries()).isZero();
    }
  }

  /** The pairing states as they were declared before issue 19: the same names, with a processing-time TTL. */
  private static final class PairerWithTtl
      extends org.apache.flink.streaming.api.functions.KeyedProcessFunction<String, AlarmEvent, CellAlarm> {
    private transient org.apache.flink.api.common.state.ValueState<AlarmEvent> raise;
    private transient org.apache.flink.api.common.state.ValueState<Boolean> cleared;

    private static <T> org.apache.flink.api.common.state.ValueStateDescriptor<T> ttl(
        org.apache.flink.api.common.state.ValueStateDescriptor<T> d) {
      d.enableTimeToLive(org.apache.flink.api.common.state.StateTtlConfig.newBuilder(Duration.ofDays(30))
          .updateTtlOnCreateAndWrite().neverReturnExpired().build());
      return d;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext c) {
      raise = getRuntimeContext().getState(ttl(new org.apache.flink.api.common.state.ValueStateDescriptor<>(
          "raise", AlarmEvent.class)));
      getRuntimeContext().getState(ttl(new org.apache.flink.api.common.state.ValueStateDescriptor<>(
          "waiting-clear", AlarmEvent.class)));
      cleared = getRuntimeContext().getState(ttl(new org.apache.flink.api.common.state.ValueStateDescriptor<>(
          "cleared", Boolean.class)));
    }

    @Override
    public void processElement(AlarmEvent a, Context ctx, org.apache.flink.util.Collector<CellAlarm> out)
        throws Exception {
      raise.update(a);
    }
  }

  /**
   * A savepoint taken before issue 19 holds the pairing state with a TTL; restored into the pairer without one
   * (Flink 2.x migrates TTL state to plain state), an open raise is still there and pairs its clear.
   */
  @Test
  void aRaiseHeldInAStateWithTheOldTtlIsRestoredAndPaired() throws Exception {
    org.apache.flink.runtime.checkpoint.OperatorSubtaskState savepoint;
    try (var old = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new PairerWithTtl(), AlarmEvent::alarmKey,
        Types.STRING)) {
      old.processElement(raise("A-1", T0), T0);
      savepoint = old.snapshot(1, T0);
    }
    try (var h = new KeyedOneInputStreamOperatorTestHarness<String, AlarmEvent, CellAlarm>(
        new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(
            new AlarmPairer(Duration.ofHours(1), Duration.ofDays(30))), AlarmEvent::alarmKey, Types.STRING)) {
      h.initializeState(savepoint);
      h.open();
      h.processElement(clear("A-1", T0 + minutes(30)), T0 + minutes(30));
      assertThat(h.extractOutputValues()).extracting(CellAlarm::kind, CellAlarm::cellId, CellAlarm::time)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(AlarmKind.CLEAR, "C1a", T0 + minutes(30)));
    }
  }
}
