package com.faultlink.golden;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.Outage;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class MassOutageDetectorTest {
  private static final long T0 = t("2026-10-14T17:00");

  private static Outage outage(int i, long start, Long end) {
    return new Outage("OMC/" + i, "C" + i, "S", "Wuzhong", "4G", start, end, null, false, null);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> harness(int threshold)
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new MassOutageDetector(threshold, minutes(5), java.time.ZoneId.of("Asia/Shanghai")),
        Outage::region, Types.STRING);
  }

  /** A harness restored from {@code checkpoint}, as a restarted job's operator is. */
  private static KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> restored(int threshold,
      OperatorSubtaskState checkpoint) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new MassOutageDetector(threshold, minutes(5), java.time.ZoneId.of("Asia/Shanghai"))), Outage::region, Types.STRING);
    h.initializeState(checkpoint);
    h.open();
    return h;
  }

  @Test
  void oneAlertPerEpisodeAtTheInstantTheCountReachesTheThresholdResolvedWhenItFallsBelow() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = harness(3)) {
      // Episode 1: three outages open together from 17:02; one clears at 17:30 (count 2: the episode ends).
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(1));
      h.processElement(outage(3, T0 + minutes(2), null), T0 + minutes(2));
      h.processElement(outage(3, T0 + minutes(2), T0 + minutes(30)), T0 + minutes(30));
      // Episode 2: a fourth outage brings it back to three at 18:00.
      h.processElement(outage(4, T0 + minutes(60), null), T0 + minutes(60));
      h.processWatermark(T0 + minutes(7));
      assertThat(h.extractOutputValues()).as("sent a merge gap after the crossing").hasSize(1);
      h.processWatermark(T0 + minutes(120));
      List<Alert> alerts = h.extractOutputValues();
      assertThat(alerts).extracting(Alert::type).containsOnly(AlertType.MASS_OUTAGE);
      assertThat(alerts).extracting(Alert::alertId, Alert::status, Alert::at, Alert::outagesOpen).containsExactly(
          tuple("MASS_OUTAGE/Wuzhong/2026-10-14T17:02:00+08:00", AlertStatus.FIRING, T0 + minutes(2), 3L),
          tuple("MASS_OUTAGE/Wuzhong/2026-10-14T17:02:00+08:00", AlertStatus.RESOLVED, T0 + minutes(30), 3L),
          tuple("MASS_OUTAGE/Wuzhong/2026-10-14T18:00:00+08:00", AlertStatus.FIRING, T0 + minutes(60), 3L));
      assertThat(alerts.get(0).explainingOutages()).containsExactly("OMC/1", "OMC/2", "OMC/3");
      assertThat(alerts.get(1)).as("the resolution repeats the firing record's figures")
          .isEqualTo(alerts.get(0).resolvedAt(T0 + minutes(30)));
    }
  }

  @Test
  void theResolutionIsSentAMergeGapAfterTheCountFallsAndNotBefore() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = harness(2)) {
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(1));
      h.processElement(outage(1, T0, T0 + minutes(40)), T0 + minutes(40));
      h.processElement(outage(2, T0 + minutes(1), T0 + minutes(50)), T0 + minutes(50));
      h.processWatermark(T0 + minutes(44));
      assertThat(h.extractOutputValues()).extracting(Alert::status).containsExactly(AlertStatus.FIRING);
      h.processWatermark(T0 + minutes(45));
      assertThat(h.extractOutputValues()).extracting(Alert::status, Alert::at).containsExactly(
          tuple(AlertStatus.FIRING, T0 + minutes(1)), tuple(AlertStatus.RESOLVED, T0 + minutes(40)));
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).as("resolved once: the second clear changes nothing").hasSize(2);
    }
  }

  @Test
  void aFlapAroundTheThresholdWithinTheMergeGapIsOneEpisodeNeverResolved() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = harness(2)) {
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(1));
      h.processElement(outage(2, T0 + minutes(1), T0 + minutes(10)), T0 + minutes(10));
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(12)); // re-raised within the gap
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).extracting(Alert::status).containsExactly(AlertStatus.FIRING);
    }
  }

  @Test
  void anEpisodeStillOpenWhereABoundedInputEndsStaysUnresolved() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = harness(2)) {
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(1));
      h.processElement(outage(1, T0, null).observedUntil(T0 + minutes(90)), Long.MAX_VALUE);
      h.processElement(outage(2, T0 + minutes(1), null).observedUntil(T0 + minutes(90)), Long.MAX_VALUE);
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).extracting(Alert::status, Alert::at)
          .containsExactly(tuple(AlertStatus.FIRING, T0 + minutes(1)));
    }
  }

  @Test
  void afterARestartFromACheckpointTheOpenEpisodeIsResolvedOnceUnderItsId() throws Exception {
    OperatorSubtaskState checkpoint;
    Alert fired;
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = harness(2)) {
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(1));
      h.processWatermark(T0 + minutes(10));
      fired = h.extractOutputValues().get(0);
      checkpoint = h.snapshot(1, T0 + minutes(10));
      // what the failed job did after its checkpoint is lost, and replayed below
      h.processElement(outage(1, T0, T0 + minutes(20)), T0 + minutes(20));
    }
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = restored(2, checkpoint)) {
      h.processElement(outage(1, T0, null), T0); // a snapshot replayed from before the checkpoint
      h.processElement(outage(1, T0, T0 + minutes(20)), T0 + minutes(20));
      h.processWatermark(T0 + minutes(60));
      assertThat(h.extractOutputValues()).as("nothing fired twice, the resolution once")
          .containsExactly(fired.resolvedAt(T0 + minutes(20)));
      assertThat(fired.alertId()).isEqualTo("MASS_OUTAGE/Wuzhong/2026-10-14T17:01:00+08:00");
    }
  }

  /** Stale closes count as ends: the episode they held up ends at the stale instant. */
  @Test
  void outagesClosedAsStaleEndTheEpisodeAtTheirStaleInstant() throws Exception {
    long staleAt = T0 + minutes(24 * 60);
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = harness(2)) {
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(1));
      h.processElement(outage(1, T0, null).closedAsStale(staleAt), staleAt);
      h.processWatermark(staleAt + minutes(5));
      assertThat(h.extractOutputValues()).extracting(Alert::status, Alert::at).containsExactly(
          tuple(AlertStatus.FIRING, T0 + minutes(1)), tuple(AlertStatus.RESOLVED, staleAt));
    }
  }
}
