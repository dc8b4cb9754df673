package com.faultlink.golden;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.GoldenConfig;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.GoldenWindow;
import com.faultlink.model.Outage;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoldenWindowAlerterTest {
  private static final long T0 = t("2026-10-05T08:00");
  private static final long GAP = minutes(5);
  private KeyedBroadcastOperatorTestHarness<String, Outage, GoldenWindow, Alert> harness;

  static GoldenConfig golden(Duration fixed) {
    return new GoldenConfig(fixed, Duration.ofMinutes(45), 30, 0.75, 500, 10, 50, 0.95, Duration.ofMinutes(5),
        Duration.ofHours(3), 10, Duration.ofHours(1));
  }

  private void start(Duration fixed) throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new GoldenWindowAlerter(golden(fixed), GAP, Duration.ofDays(2).toMillis()), Outage::outageId, Types.STRING,
        GoldenWindowAlerter.ESTIMATES);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private void start(Duration fixed, boolean plannedAlertAsUsual) throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new GoldenWindowAlerter(golden(fixed), GAP, Duration.ofDays(2).toMillis(), plannedAlertAsUsual),
        Outage::outageId, Types.STRING, GoldenWindowAlerter.ESTIMATES);
  }

  private static Outage open(String id, String region, String tech, long start) {
    return new Outage(id, "C1a", "S1", region, tech, start, null, null, false, null);
  }

  private void send(Outage o, long timestamp) throws Exception {
    harness.processElement(o, timestamp);
  }

  private void estimate(String region, String tech, long validFrom, double window) throws Exception {
    harness.processBroadcastElement(new GoldenWindow(region, tech, validFrom, window, window - 2, window + 2, 40,
        200, 0.6, 6.0, GoldenWindowEstimator.METHOD), validFrom);
  }

  private void watermark(long time) throws Exception {
    harness.processBroadcastWatermark(new Watermark(time));
    harness.processWatermark(time);
  }

  /** The firing records (resolutions: {@link #resolutions()}). */
  private List<Alert> alerts() {
    return harness.extractOutputValues().stream().filter(a -> a.status() == AlertStatus.FIRING).toList();
  }

  private List<Alert> resolutions() {
    return harness.extractOutputValues().stream().filter(a -> a.status() == AlertStatus.RESOLVED).toList();
  }

  @Test
  void atRiskAtThreeQuartersAndBreachedAtTheWholeWindowWhileOpen() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    watermark(T0 + minutes(29));
    assertThat(alerts()).isEmpty();
    watermark(T0 + minutes(30));
    assertThat(alerts()).extracting(Alert::type, Alert::at, Alert::elapsedMinutes, Alert::goldenWindowMinutes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_AT_RISK, T0 + minutes(30), 30.0, 40.0));
    watermark(T0 + minutes(40));
    assertThat(alerts()).extracting(Alert::alertId, Alert::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple("GOLDEN_WINDOW_AT_RISK/OMC/1", T0 + minutes(30)),
        org.assertj.core.groups.Tuple.tuple("GOLDEN_WINDOW_BREACHED/OMC/1", T0 + minutes(40)));
    assertThat(alerts().get(1).cellId()).isEqualTo("C1a");
    assertThat(alerts().get(1).region()).isEqualTo("Yinchuan");
  }

  @Test
  void aClearStampedBeforeTheBreachThatArrivesLateStillPreventsIt() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    watermark(T0 + minutes(32)); // at risk fired
    // The clear, stamped 38 min, only arrives now (after other, later events), before the breach timer fires.
    send(o.withEnd(T0 + minutes(38)), T0 + minutes(38));
    watermark(T0 + minutes(60));
    assertThat(alerts()).extracting(Alert::type).containsExactly(AlertType.GOLDEN_WINDOW_AT_RISK);
    assertThat(harness.getSideOutput(GoldenWindowAlerter.OUTCOMES)).extracting(r -> r.getValue().restoredInWindow())
        .containsExactly(true);
  }

  @Test
  void aClearStampedAfterTheBreachThatArrivesBeforeTheTimerDoesNotCancelIt() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    watermark(T0 + minutes(10));
    send(o.withEnd(T0 + minutes(41)), T0 + minutes(41)); // arrives before either timer fired
    watermark(T0 + minutes(90));
    assertThat(alerts()).extracting(Alert::type, Alert::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_AT_RISK, T0 + minutes(30)),
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_BREACHED, T0 + minutes(40)));
    assertThat(harness.getSideOutput(GoldenWindowAlerter.OUTCOMES)).extracting(r -> r.getValue().restoredInWindow())
        .containsExactly(false);
  }

  @Test
  void aClearExactlyAtTheBreachInstantMeansRestoredInTime() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    send(o.withEnd(T0 + minutes(40)), T0 + minutes(40));
    watermark(T0 + minutes(90));
    assertThat(alerts()).extracting(Alert::type).containsExactly(AlertType.GOLDEN_WINDOW_AT_RISK);
  }

  @Test
  void aFlapAcrossTheBreachInstantIsOneOutageOpenAtIt() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    send(o.withEnd(T0 + minutes(38)), T0 + minutes(38));
    watermark(T0 + minutes(41));
    assertThat(alerts()).as("cleared before the breach, a re-raise may still continue it").hasSize(1);
    send(o.withEnd(null), T0 + minutes(42)); // re-raised within the merge gap
    watermark(T0 + minutes(43));
    assertThat(alerts()).extracting(Alert::type).containsExactly(AlertType.GOLDEN_WINDOW_AT_RISK,
        AlertType.GOLDEN_WINDOW_BREACHED);
  }

  @Test
  void anOutageStillOpenWhereTheInputEndsAlertsOnlyUpToThatInstant() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    watermark(T0 + minutes(20));
    send(o.observedUntil(T0 + minutes(35)), Long.MAX_VALUE);
    watermark(Long.MAX_VALUE);
    assertThat(alerts()).extracting(Alert::type).containsExactly(AlertType.GOLDEN_WINDOW_AT_RISK);
    assertThat(harness.getSideOutput(GoldenWindowAlerter.OUTCOMES)).as("outcome unknown").isNullOrEmpty();
  }

  @Test
  void theEstimateInForceAtTheStartApplies_mostSpecificScopeFirst() throws Exception {
    start(null);
    estimate("*", "*", T0 - minutes(600), 50);
    estimate("Yinchuan", "*", T0 - minutes(300), 36);
    estimate("Guyuan", "4G", T0 - minutes(300), 20); // another region's scope: not used
    send(open("OMC/1", "Yinchuan", "4G", T0), T0);
    estimate("Yinchuan", "*", T0 + minutes(1), 10); // valid only after the start: not used
    send(open("OMC/2", "Guyuan", "5G", T0), T0);
    watermark(T0 + minutes(200));
    assertThat(alerts()).filteredOn(a -> a.type() == AlertType.GOLDEN_WINDOW_BREACHED)
        .extracting(Alert::outageId, Alert::goldenWindowMinutes)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("OMC/1", 36.0),
            org.assertj.core.groups.Tuple.tuple("OMC/2", 50.0));
  }

  @Test
  void beforeAnyEstimateTheInitialWindowApplies_andTheFixedWindowOverridesEstimates() throws Exception {
    start(null);
    send(open("OMC/1", "Yinchuan", "4G", T0), T0);
    watermark(T0 + minutes(200));
    assertThat(alerts()).filteredOn(a -> a.type() == AlertType.GOLDEN_WINDOW_BREACHED)
        .extracting(Alert::goldenWindowMinutes, Alert::expectedComplaintsNextHour).containsExactly(
            org.assertj.core.groups.Tuple.tuple(45.0, null));
    harness.close();

    start(Duration.ofMinutes(30));
    estimate("*", "*", T0 - minutes(600), 50);
    send(open("OMC/1", "Yinchuan", "4G", T0), T0);
    watermark(T0 + minutes(200));
    assertThat(alerts()).filteredOn(a -> a.type() == AlertType.GOLDEN_WINDOW_BREACHED)
        .extracting(Alert::goldenWindowMinutes).containsExactly(30.0);
  }

  @Test
  void alertsCarryTheComplaintsExpectedInTheNextHourIfNotRestored() throws Exception {
    start(null);
    estimate("*", "*", T0 - minutes(600), 40); // 0.6 per hour inside, 6.0 per hour after
    send(open("OMC/1", "Yinchuan", "4G", T0), T0);
    watermark(T0 + minutes(200));
    // At risk at 30 min: 10 min inside (0.1) + 50 min after (5.0); breached: 60 min after (6.0).
    assertThat(alerts()).extracting(Alert::type, Alert::expectedComplaintsNextHour).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_AT_RISK, 5.1),
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_BREACHED, 6.0));
  }

  @Test
  void aRepeatedSnapshotNeverSendsAnAlertTwice() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    watermark(T0 + minutes(50));
    send(o.withEnd(T0 + minutes(60)), T0 + minutes(60));
    watermark(T0 + minutes(70));
    send(o.withEnd(T0 + minutes(60)), T0 + minutes(60)); // e.g. a late duplicate after its state was cleaned
    watermark(T0 + minutes(200));
    assertThat(alerts()).extracting(Alert::alertId).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void theWindowInForceIsSentWhenChosenAtTheStartAndAgainWithEachLaterSnapshot() throws Exception {
    start(null);
    estimate("Yinchuan", "4G", T0 - minutes(300), 38.125);
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    send(open("OMC/2", "Guyuan", "4G", T0 + minutes(1)), T0 + minutes(1)); // no estimate: the initial window
    assertThat(harness.getSideOutput(GoldenWindowAlerter.WINDOWS_IN_FORCE)).as("not before the start").isNullOrEmpty();
    watermark(T0 + minutes(1));
    send(o.withEnd(T0 + minutes(20)), T0 + minutes(20));
    watermark(T0 + minutes(30));
    assertThat(harness.getSideOutput(GoldenWindowAlerter.WINDOWS_IN_FORCE))
        .extracting(r -> r.getValue(), r -> r.getTimestamp()).containsExactly(
            org.assertj.core.groups.Tuple.tuple(new WindowInForce("OMC/1", 38.13, "Yinchuan|4G"), T0),
            org.assertj.core.groups.Tuple.tuple(new WindowInForce("OMC/2", 45.0, "initial"), T0 + minutes(1)),
            org.assertj.core.groups.Tuple.tuple(new WindowInForce("OMC/1", 38.13, "Yinchuan|4G"), T0 + minutes(20)));
  }

  // ---------------------------------------------------------------------------------------- resolutions

  @Test
  void firedAlertsAreResolvedAtTheClearOnceNoReRaiseCanContinueTheOutage() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    send(o, T0);
    watermark(T0 + minutes(45));
    send(o.withEnd(T0 + minutes(50)), T0 + minutes(50));
    watermark(T0 + minutes(54));
    assertThat(resolutions()).as("not before the merge gap has passed").isEmpty();
    watermark(T0 + minutes(55));
    // A resolution says when it fired (0.75 x 40 and 40 min after the start) and the outage time elapsed at its
    // clear (50 min), not the firing record's elapsed time again.
    assertThat(resolutions()).extracting(Alert::alertId, Alert::at, Alert::elapsedMinutes, Alert::firedAt)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GOLDEN_WINDOW_AT_RISK/OMC/1", T0 + minutes(50), 50.0,
                T0 + minutes(30)),
            org.assertj.core.groups.Tuple.tuple("GOLDEN_WINDOW_BREACHED/OMC/1", T0 + minutes(50), 50.0,
                T0 + minutes(40)));
    assertThat(alerts()).allSatisfy(a -> assertThat(a.firedAt()).isEqualTo(a.at()));
  }

  @Test
  void anAlertThatNeverFiredIsNeverResolvedAndAnOpenOutageStaysUnresolvedAtTheEnd() throws Exception {
    start(Duration.ofMinutes(40));
    Outage quick = open("OMC/1", "Yinchuan", "4G", T0);
    send(quick, T0);
    send(quick.withEnd(T0 + minutes(10)), T0 + minutes(10));
    Outage stuck = open("OMC/2", "Yinchuan", "4G", T0);
    send(stuck, T0);
    send(stuck.observedUntil(T0 + minutes(100)), T0 + minutes(100));
    watermark(Long.MAX_VALUE);
    assertThat(alerts()).extracting(Alert::outageId).containsOnly("OMC/2");
    assertThat(resolutions()).isEmpty();
  }

  // ------------------------------------------------------------------------------------- planned works

  private static Outage planned(String id, long start, long workEnd) {
    return new Outage(id, "C1a", "S1", "Yinchuan", "4G", start, null, null, true, "W-7", workEnd);
  }

  @Test
  void aPlannedOutageEndingInsideItsWorkRaisesNothing() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = planned("OMC/1", T0, T0 + minutes(120));
    send(o, T0);
    send(o.withEnd(T0 + minutes(115)), T0 + minutes(115));
    watermark(T0 + minutes(200));
    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void anOverrunRaisesBothAlertsAtTheWorksEndWhenTheirInstantsFallInsideIt() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = planned("OMC/1", T0, T0 + minutes(120));
    send(o, T0);
    watermark(T0 + minutes(119));
    assertThat(alerts()).as("held back while the work lasts").isEmpty();
    watermark(T0 + minutes(120));
    assertThat(alerts()).extracting(Alert::type, Alert::at, Alert::elapsedMinutes, Alert::planned, Alert::workId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_AT_RISK, T0 + minutes(120), 120.0, true, "W-7"),
            org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_BREACHED, T0 + minutes(120), 120.0, true,
                "W-7"));
    send(o.withEnd(T0 + minutes(130)), T0 + minutes(130));
    watermark(T0 + minutes(140));
    assertThat(resolutions()).hasSize(2).allMatch(a -> a.at() == T0 + minutes(130) && a.planned());
  }

  @Test
  void anOverrunKeepsTheUsualInstantsThatFallAfterTheWork() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = planned("OMC/1", T0, T0 + minutes(35));
    send(o, T0);
    watermark(T0 + minutes(35));
    assertThat(alerts()).extracting(Alert::type, Alert::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_AT_RISK, T0 + minutes(35)));
    send(o.withEnd(T0 + minutes(38)), T0 + minutes(38));
    watermark(T0 + minutes(60));
    assertThat(alerts()).as("cleared before its usual breach instant").hasSize(1);
  }

  @Test
  void withAlertAsUsualAPlannedOutageAlertsAtTheUsualInstants() throws Exception {
    start(Duration.ofMinutes(40), true);
    send(planned("OMC/1", T0, T0 + minutes(120)), T0);
    watermark(T0 + minutes(40));
    assertThat(alerts()).extracting(Alert::at, Alert::planned).containsExactly(
        org.assertj.core.groups.Tuple.tuple(T0 + minutes(30), true),
        org.assertj.core.groups.Tuple.tuple(T0 + minutes(40), true));
  }

  /**
   * An outage closed as stale (outages.maxOpen, here 1 day) flows like a clear: its alerts, fired at 30 and 40
   * minutes, are resolved at the stale instant once the merge gap after it has passed, and nothing of it is kept.
   */
  @Test
  void anOutageClosedAsStaleHasItsAlertsResolvedAtTheStaleInstant() throws Exception {
    start(Duration.ofMinutes(40));
    Outage o = open("OMC/1", "Yinchuan", "4G", T0);
    long staleAt = T0 + minutes(24 * 60);
    send(o, T0);
    watermark(T0 + minutes(60));
    assertThat(alerts()).extracting(Alert::type, Alert::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_AT_RISK, T0 + minutes(30)),
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_BREACHED, T0 + minutes(40)));
    send(o.closedAsStale(staleAt), staleAt);
    watermark(staleAt + GAP);
    assertThat(resolutions()).extracting(Alert::type, Alert::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_AT_RISK, staleAt),
        org.assertj.core.groups.Tuple.tuple(AlertType.GOLDEN_WINDOW_BREACHED, staleAt));
  }
}
