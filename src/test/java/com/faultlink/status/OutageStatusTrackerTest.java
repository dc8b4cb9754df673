package com.faultlink.status;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.config.GoldenConfig;
import com.faultlink.golden.GoldenWindowEstimator;
import com.faultlink.golden.GoldenWindowAlerter;
import com.faultlink.golden.WindowInForce;
import com.faultlink.model.Alert;
import com.faultlink.model.GoldenWindow;
import com.faultlink.model.Outage;
import com.faultlink.model.OutageStatus;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutageStatusTrackerTest {
  private static final long T0 = t("2026-10-06T08:00");
  private static final Outage OPEN = new Outage("A/1", "C1a", "S1", "Yinchuan", "4G", T0, null, null, false, null);

  private KeyedTwoInputStreamOperatorTestHarness<String, Outage, WindowInForce, OutageStatus> h;

  private void start() throws Exception {
    h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new OutageStatusTracker(minutes(5)),
        Outage::outageId, WindowInForce::outageId, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  private static WindowInForce window(double minutes) {
    return new WindowInForce("A/1", minutes, "Yinchuan|*");
  }

  private List<OutageStatus> statuses() {
    return h.extractOutputValues();
  }

  @Test
  void opensClosesAndReopensAtTheirEventTimesWithTheWindowAndIgnoresTheEndOfInputSnapshot() throws Exception {
    start();
    h.processElement1(OPEN, T0);
    assertThat(statuses()).as("the open waits for the outage's golden window").isEmpty();
    h.processElement2(window(37.5), T0);
    h.processElement1(OPEN.withEnd(T0 + minutes(30)), T0 + minutes(30));
    h.processElement1(OPEN, T0 + minutes(33));
    h.processElement1(OPEN.withEnd(T0 + minutes(50)), T0 + minutes(50));
    h.processElement2(window(37.5), T0 + minutes(50)); // sent again with the clear: nothing new
    h.processElement1(OPEN.observedUntil(T0 + minutes(60)), T0 + minutes(60));
    assertThat(statuses())
        .extracting(OutageStatus::status, OutageStatus::at, OutageStatus::elapsedMinutes,
            OutageStatus::goldenWindowMinutes, OutageStatus::end)
        .containsExactly(
            tuple("open", T0, 0.0, 37.5, null),
            tuple("closed", T0 + minutes(30), 30.0, 37.5, T0 + minutes(30)),
            tuple("reopened", T0 + minutes(30), 30.0, 37.5, null),
            tuple("closed", T0 + minutes(50), 50.0, 37.5, T0 + minutes(50)));
    h.processBothWatermarks(new Watermark(T0 + minutes(54)));
    assertThat(h.numKeyedStateEntries()).as("kept within the merge gap").isEqualTo(2);
    h.processBothWatermarks(new Watermark(T0 + minutes(55)));
    assertThat(h.numKeyedStateEntries()).as("forgotten after the merge gap").isZero();
  }

  @Test
  void statusesWaitingForTheWindowAreReleasedInOrderWithIt() throws Exception {
    start();
    h.processElement1(OPEN, T0);
    h.processElement1(OPEN.withEnd(T0 + minutes(2)), T0 + minutes(2)); // a clear before the window is chosen
    assertThat(statuses()).isEmpty();
    h.processElement2(window(41.0), T0);
    assertThat(statuses()).extracting(OutageStatus::status, OutageStatus::at, OutageStatus::goldenWindowMinutes)
        .containsExactly(tuple("open", T0, 41.0), tuple("closed", T0 + minutes(2), 41.0));
  }

  @Test
  void aWindowArrivingBeforeTheFirstSnapshotIsKeptForIt() throws Exception {
    start();
    h.processElement2(window(45.0), T0);
    h.processElement1(OPEN, T0);
    assertThat(statuses()).extracting(OutageStatus::status, OutageStatus::goldenWindowMinutes)
        .containsExactly(tuple("open", 45.0));
  }

  @Test
  void aClearWaitingPastTheMergeGapIsReleasedByTheWindowSentWithItsSnapshotAndNothingIsKept() throws Exception {
    // E.g. after an upgrade from a savepoint taken when the window had been chosen but not sent: the alerter sends
    // it again with the outage's next snapshot, whenever that reaches this operator.
    start();
    h.processElement1(OPEN.withEnd(T0 + minutes(20)), T0 + minutes(20));
    h.processBothWatermarks(new Watermark(T0 + minutes(40)));
    assertThat(statuses()).isEmpty();
    h.processElement2(window(45.0), T0 + minutes(20));
    assertThat(statuses()).extracting(OutageStatus::status, OutageStatus::at, OutageStatus::goldenWindowMinutes)
        .containsExactly(tuple("closed", T0 + minutes(20), 45.0));
    assertThat(h.numKeyedStateEntries()).isZero();
  }

  @Test
  void aStatusCarriesExactlyTheWindowTheOutagesAlertsUse() throws Exception {
    // The alerter chooses the window (here the region's estimate valid at the start, 36.25 min); its side output
    // feeds this operator, so status and alerts agree.
    GoldenConfig golden = new GoldenConfig(null, Duration.ofMinutes(45), 30, 0.75, 500, 10, 50, 0.95,
        Duration.ofMinutes(5), Duration.ofHours(3), 10, Duration.ofHours(1));
    try (KeyedBroadcastOperatorTestHarness<String, Outage, GoldenWindow, Alert> alerter =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new GoldenWindowAlerter(golden, minutes(5), Duration.ofDays(2).toMillis()), Outage::outageId,
            Types.STRING, GoldenWindowAlerter.ESTIMATES)) {
      alerter.processBroadcastElement(new GoldenWindow("*", "*", T0 - minutes(600), 50.0, 48, 52, 40, 200, 0.6,
          6.0, GoldenWindowEstimator.METHOD), T0 - minutes(600));
      alerter.processBroadcastElement(new GoldenWindow("Yinchuan", "*", T0 - minutes(60), 36.25, 34, 38, 40, 200,
          0.6, 6.0, GoldenWindowEstimator.METHOD), T0 - minutes(60));
      alerter.processElement(OPEN, T0);
      alerter.processBroadcastWatermark(new Watermark(T0 + minutes(100)));
      alerter.processWatermark(T0 + minutes(100));
      List<WindowInForce> windows = alerter.getSideOutput(GoldenWindowAlerter.WINDOWS_IN_FORCE).stream()
          .map(StreamRecord::getValue).toList();
      assertThat(windows).containsExactly(new WindowInForce("A/1", 36.25, "Yinchuan|*"));
      assertThat(alerter.extractOutputValues()).extracting(Alert::goldenWindowMinutes).containsExactly(36.25, 36.25);

      start();
      h.processElement1(OPEN, T0);
      for (WindowInForce w : windows) {
        h.processElement2(w, T0);
      }
      assertThat(statuses()).extracting(OutageStatus::goldenWindowMinutes).containsExactly(36.25);
    }
  }

  @Test
  void aCloseAsStaleIsAClosedStatusSayingWhyAndAClearSaysCleared() throws Exception {
    start();
    h.processElement2(window(40.0), T0);
    h.processElement1(OPEN, T0);
    h.processElement1(OPEN.closedAsStale(T0 + minutes(24 * 60)), T0 + minutes(24 * 60));
    assertThat(statuses()).extracting(OutageStatus::status, OutageStatus::at, OutageStatus::endReason)
        .containsExactly(tuple("open", T0, null), tuple("closed", T0 + minutes(24 * 60), "stale"));
    h.processBothWatermarks(new Watermark(T0 + minutes(24 * 60 + 5)));
    assertThat(h.numKeyedStateEntries()).isZero();
  }
}
