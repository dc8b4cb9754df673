package com.faultlink.correlate;

import static com.faultlink.TestCells.CELLS;
import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.PlannedConfig;
import com.faultlink.model.AlarmKind;
import com.faultlink.model.PlannedWork;
import java.util.ArrayList;
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
  private KeyedBroadcastOperatorTestHarness<String, CellAlarm, AssemblyNotice, Outage> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new OutageAssembler(CELLS, Duration.ofMinutes(5), new PlannedConfig(Duration.ofHours(2), false, Duration.ofDays(2))),
        CellAlarm::cellId, Types.STRING, OutageAssembler.HORIZON, OutageAssembler.WORKS);
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
    harness.processBroadcastElement(AssemblyNotice.horizon(T0 + minutes(90)), T0 + minutes(90));
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

  // ------------------------------------------------------------------------------------------ planned works

  private void work(String id, long start, long end, List<String> cells, List<String> regions, boolean announced)
      throws Exception {
    harness.processBroadcastElement(AssemblyNotice.work(
        new PlannedWork(id, start, end, new ArrayList<>(cells), new ArrayList<>(regions), announced)), Long.MIN_VALUE);
  }

  private void raise(String cell, String alarm, long time, boolean outOfService) throws Exception {
    harness.processElement(new CellAlarm(cell, alarm, AlarmKind.RAISE, time, outOfService), time);
  }

  @Test
  void anOutageStartingInsideAnAnnouncedWorkOnItsCellIsPlannedFromItsFirstSnapshot() throws Exception {
    work("W-1", T0, T0 + minutes(120), List.of("C1a"), List.of(), true);
    raise("C1a", "OMC/1", T0 + minutes(5), false);
    watermark(T0 + minutes(10));
    assertThat(out()).singleElement().satisfies(o -> {
      assertThat(o.planned()).isTrue();
      assertThat(o.workId()).isEqualTo("W-1");
      assertThat(o.plannedUntil()).isEqualTo(T0 + minutes(120));
    });
  }

  @Test
  void aWorkOnARegionCoversEveryCellOfIt() throws Exception {
    work("W-R", T0, T0 + minutes(60), List.of(), List.of("Yinchuan"), true);
    raise("C3", "OMC/3", T0 + minutes(1), false);
    raise("G1", "OMC/4", T0 + minutes(1), false);
    watermark(T0 + minutes(10));
    assertThat(out()).extracting(Outage::cellId, Outage::planned, Outage::workId).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("C3", true, "W-R"),
        org.assertj.core.groups.Tuple.tuple("G1", false, null));
  }

  @Test
  void outsideTheWindowOnAnotherCellOrUnannouncedItIsNotPlanned() throws Exception {
    work("W-1", T0, T0 + minutes(60), List.of("C1a"), List.of(), true);
    work("W-2", T0, T0 + minutes(60), List.of("C2"), List.of(), false);
    raise("C1a", "OMC/1", T0 + minutes(60), false); // the window's end is not inside it
    raise("C1b", "OMC/2", T0 + minutes(5), false); // another cell of the same site
    raise("C2", "OMC/3", T0 + minutes(5), false); // an unannounced work
    watermark(T0 + minutes(70));
    assertThat(out()).extracting(Outage::planned).containsOnly(false);
  }

  @Test
  void anOutOfServiceRaiseWithoutAWorkIsPlannedForTheDefaultWindowWithoutWorkId() throws Exception {
    raise("C1a", "OMC/1", T0, true);
    watermark(T0 + minutes(1));
    assertThat(out()).singleElement().satisfies(o -> {
      assertThat(o.planned()).isTrue();
      assertThat(o.workId()).isNull();
      assertThat(o.plannedUntil()).isEqualTo(T0 + minutes(120));
    });
  }

  @Test
  void theFlagStaysWithTheOutageThroughClearsAndReRaises() throws Exception {
    work("W-1", T0, T0 + minutes(30), List.of("C1a"), List.of(), true);
    raise("C1a", "OMC/1", T0 + minutes(5), false);
    send("OMC/1", AlarmKind.CLEAR, T0 + minutes(20));
    raise("C1a", "OMC/2", T0 + minutes(22), false);
    send("OMC/2", AlarmKind.CLEAR, T0 + minutes(50));
    watermark(T0 + minutes(90));
    assertThat(out()).hasSize(4).allSatisfy(o -> assertThat(o.workId()).isEqualTo("W-1"));
  }

  @Test
  void ofTwoWorksCoveringTheOutageTheLaterStartedOneWinsWhateverTheirOrder() throws Exception {
    work("W-B", T0 + minutes(10), T0 + minutes(60), List.of("C1a"), List.of(), true);
    work("W-A", T0, T0 + minutes(60), List.of(), List.of("Yinchuan"), true);
    raise("C1a", "OMC/1", T0 + minutes(15), false);
    watermark(T0 + minutes(20));
    assertThat(out()).extracting(Outage::workId).containsExactly("W-B");
  }

  // ------------------------------------------------------------------------------------------ stale outages

  private static final long DAY = minutes(24 * 60);

  private KeyedBroadcastOperatorTestHarness<String, CellAlarm, AssemblyNotice, Outage> staleHarness() throws Exception {
    harness.close();
    harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new OutageAssembler(CELLS, Duration.ofMinutes(5), new PlannedConfig(Duration.ofHours(2), false,
            Duration.ofDays(2)), Duration.ofDays(1)),
        CellAlarm::cellId, Types.STRING, OutageAssembler.HORIZON, OutageAssembler.WORKS);
    return harness;
  }

  @Test
  void anOutageStillOpenMaxOpenAfterItsStartIsClosedThenAsStaleAndForgotten() throws Exception {
    staleHarness();
    send("OMC/1", AlarmKind.RAISE, T0);
    send("OMC/2", AlarmKind.RAISE, T0 + minutes(600)); // joins it; neither clears in time
    watermark(T0 + DAY - 1);
    assertThat(out()).extracting(Outage::end).containsExactly((Long) null);
    watermark(T0 + DAY);
    Outage last = out().get(out().size() - 1);
    assertThat(last.outageId()).isEqualTo("OMC/1");
    assertThat(last.end()).isEqualTo(T0 + DAY);
    assertThat(last.endReason()).isEqualTo(Outage.STALE);
    assertThat(((org.apache.flink.runtime.state.heap.HeapKeyedStateBackend<?>) harness.getOperator()
        .getKeyedStateBackend()).numKeyValueStateEntries()).as("nothing of the outage or its alarms is kept").isZero();
  }

  @Test
  void aLaterClearOfAStaleOutagesAlarmIsNotAppliedAndALaterRaiseStartsANewOutage() throws Exception {
    staleHarness();
    send("OMC/1", AlarmKind.RAISE, T0);
    send("OMC/2", AlarmKind.RAISE, T0 + minutes(600));
    send("OMC/2", AlarmKind.CLEAR, T0 + DAY + minutes(1)); // one minute after the stale instant
    send("OMC/3", AlarmKind.RAISE, T0 + DAY + minutes(3)); // inside what would be the merge gap: still new
    send("OMC/3", AlarmKind.CLEAR, T0 + DAY + minutes(13));
    watermark(T0 + DAY + minutes(60));
    assertThat(out()).extracting(Outage::outageId, Outage::start, Outage::end, Outage::endReason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("OMC/1", T0, null, null),
        org.assertj.core.groups.Tuple.tuple("OMC/1", T0, T0 + DAY, "stale"),
        org.assertj.core.groups.Tuple.tuple("OMC/3", T0 + DAY + minutes(3), null, null),
        org.assertj.core.groups.Tuple.tuple("OMC/3", T0 + DAY + minutes(3), T0 + DAY + minutes(13), "cleared"));
  }

  @Test
  void aClearAtTheStaleInstantClearsAndARaiseAtItStartsANewOutage() throws Exception {
    staleHarness();
    send("OMC/1", AlarmKind.RAISE, T0);
    send("OMC/1", AlarmKind.CLEAR, T0 + DAY);
    harness.processElement(new CellAlarm("C2", "C/1", AlarmKind.RAISE, T0 + 1000, false), T0 + 1000);
    harness.processElement(new CellAlarm("C2", "C/2", AlarmKind.RAISE, T0 + 1000 + DAY, false), T0 + 1000 + DAY);
    watermark(T0 + DAY + minutes(1));
    assertThat(out()).filteredOn(o -> o.cellId().equals("C1a") && o.end() != null)
        .extracting(Outage::end, Outage::endReason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(T0 + DAY, "cleared"));
    assertThat(out()).filteredOn(o -> o.cellId().equals("C2")).extracting(Outage::outageId, Outage::endReason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("C/1", null),
            org.assertj.core.groups.Tuple.tuple("C/1", "stale"),
            org.assertj.core.groups.Tuple.tuple("C/2", null));
  }

  @Test
  void atTheEndOfABoundedInputNothingIsClosedAsStaleForLackOfInput() throws Exception {
    staleHarness();
    send("OMC/1", AlarmKind.RAISE, T0);
    harness.processBroadcastElement(AssemblyNotice.horizon(T0 + DAY - 1), T0 + DAY - 1);
    watermark(Long.MAX_VALUE);
    Outage last = out().get(out().size() - 1);
    assertThat(last.end()).isNull();
    assertThat(last.endReason()).isNull();
    assertThat(last.observedUntil()).isEqualTo(T0 + DAY - 1);
  }

  @Test
  void atTheEndOfABoundedInputThatReachedTheStaleInstantTheOutageIsStale() throws Exception {
    staleHarness();
    send("OMC/1", AlarmKind.RAISE, T0);
    watermark(T0 + DAY - minutes(10)); // the watermark stays behind the input's last event (out-of-orderness)
    harness.processBroadcastElement(AssemblyNotice.horizon(T0 + DAY), T0 + DAY);
    watermark(Long.MAX_VALUE);
    assertThat(out()).extracting(Outage::end, Outage::endReason, Outage::observedUntil).containsExactly(
        org.assertj.core.groups.Tuple.tuple(null, null, null),
        org.assertj.core.groups.Tuple.tuple(T0 + DAY, "stale", null));
  }
}
