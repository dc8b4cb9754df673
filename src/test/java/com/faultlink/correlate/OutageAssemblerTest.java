package com.faultlink.correlate;

import static com.faultlink.TestCells.CELLS;
import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.AlarmKind;
import com.faultlink.model.Outage;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutageAssemblerTest {
  private static final long T0 = t("2026-10-05T08:00");
  private KeyedBroadcastOperatorTestHarness<String, CellAlarm, Long, Outage> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new OutageAssembler(CELLS, Duration.ofMinutes(5)), CellAlarm::cellId, Types.STRING, OutageAssembler.HORIZON);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private void send(String alarm, AlarmKind kind, long time) throws Exception {
    harness.processElement(new CellAlarm("C1a", alarm, kind, time, false), time);
  }

  private void watermark(long time) throws Exception {
    harness.processBroadcastWatermark(new org.apache.flink.streaming.api.watermark.Watermark(time));
    harness.processWatermark(time);
  }

  private List<Outage> out() {
    return harness.extractOutputValues();
  }

  @Test
  void clearArrivingBeforeItsRaiseStillMakesOneOutageOnceTheWatermarkPasses() throws Exception {
    send("OMC/1", AlarmKind.CLEAR, T0 + minutes(40));
    send("OMC/1", AlarmKind.RAISE, T0);
    assertThat(out()).as("nothing before the watermark passes").isEmpty();
    watermark(T0 + minutes(41));
    assertThat(out()).extracting(Outage::outageId, Outage::start, Outage::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("OMC/1", T0, null),
            org.assertj.core.groups.Tuple.tuple("OMC/1", T0, T0 + minutes(40)));
    assertThat(out().get(0).region()).isEqualTo("Yinchuan");
    assertThat(out().get(0).technology()).isEqualTo("4G");
  }

  @Test
  void reRaiseWithinTheMergeGapContinuesTheSameOutage() throws Exception {
    send("OMC/1", AlarmKind.RAISE, T0);
    send("OMC/1", AlarmKind.CLEAR, T0 + minutes(10));
    send("OMC/2", AlarmKind.RAISE, T0 + minutes(14));
    send("OMC/2", AlarmKind.CLEAR, T0 + minutes(30));
    watermark(T0 + minutes(60));
    List<Outage> snapshots = out();
    assertThat(snapshots).extracting(Outage::outageId).containsOnly("OMC/1");
    Outage last = snapshots.get(snapshots.size() - 1);
    assertThat(last.start()).isEqualTo(T0);
    assertThat(last.end()).isEqualTo(T0 + minutes(30));
  }

  @Test
  void reRaiseAfterTheMergeGapStartsANewOutage() throws Exception {
    send("OMC/1", AlarmKind.RAISE, T0);
    send("OMC/1", AlarmKind.CLEAR, T0 + minutes(10));
    send("OMC/2", AlarmKind.RAISE, T0 + minutes(16));
    send("OMC/2", AlarmKind.CLEAR, T0 + minutes(30));
    watermark(T0 + minutes(60));
    assertThat(out()).extracting(Outage::outageId).containsExactly("OMC/1", "OMC/1", "OMC/2", "OMC/2");
    assertThat(out().get(1).end()).isEqualTo(T0 + minutes(10));
  }

  @Test
  void overlappingAlarmsOnOneCellAreOneOutageUntilTheLastClear() throws Exception {
    send("A/1", AlarmKind.RAISE, T0);
    send("B/7", AlarmKind.RAISE, T0 + minutes(5));
    send("A/1", AlarmKind.CLEAR, T0 + minutes(20));
    send("B/7", AlarmKind.CLEAR, T0 + minutes(50));
    watermark(T0 + minutes(120));
    assertThat(out()).extracting(Outage::outageId, Outage::end)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A/1", null),
            org.assertj.core.groups.Tuple.tuple("A/1", T0 + minutes(50)));
  }

  @Test
  void anOutageStillOpenAtTheEndOfTheInputIsReportedUpToTheInputsLastEvent() throws Exception {
    send("OMC/1", AlarmKind.RAISE, T0);
    harness.processBroadcastElement(T0 + minutes(90), T0 + minutes(90));
    watermark(Long.MAX_VALUE);
    Outage last = out().get(out().size() - 1);
    assertThat(last.end()).isNull();
    assertThat(last.observedUntil()).isEqualTo(T0 + minutes(90));
  }

  @Test
  void aClosedOutageIsNotReportedAgainAtTheEndOfTheInput() throws Exception {
    send("OMC/1", AlarmKind.RAISE, T0);
    send("OMC/1", AlarmKind.CLEAR, T0 + minutes(3));
    watermark(Long.MAX_VALUE);
    assertThat(out()).hasSize(2);
  }
}
