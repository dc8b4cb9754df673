package com.faultlink.golden;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertType;
import com.faultlink.model.Outage;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class MassOutageDetectorTest {
  private static final long T0 = t("2026-10-14T17:00");

  private static Outage outage(int i, long start, Long end) {
    return new Outage("OMC/" + i, "C" + i, "S", "Wuzhong", "4G", start, end, null, false, null);
  }

  @Test
  void oneAlertPerEpisodeAtTheInstantTheCountReachesTheThreshold() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = ProcessFunctionTestHarnesses
        .forKeyedProcessFunction(new MassOutageDetector(3, minutes(5)), Outage::region, Types.STRING)) {
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
      assertThat(alerts).extracting(Alert::alertId, Alert::at, Alert::outagesOpen).containsExactly(
          org.assertj.core.groups.Tuple.tuple("MASS_OUTAGE:Wuzhong:2026-10-14T09:02:00Z", T0 + minutes(2), 3L),
          org.assertj.core.groups.Tuple.tuple("MASS_OUTAGE:Wuzhong:2026-10-14T10:00:00Z", T0 + minutes(60), 3L));
      assertThat(alerts.get(0).explainingOutages()).containsExactly("OMC/1", "OMC/2", "OMC/3");
    }
  }

  @Test
  void aFlapAroundTheThresholdWithinTheMergeGapIsOneEpisode() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = ProcessFunctionTestHarnesses
        .forKeyedProcessFunction(new MassOutageDetector(2, minutes(5)), Outage::region, Types.STRING)) {
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(1));
      h.processElement(outage(2, T0 + minutes(1), T0 + minutes(10)), T0 + minutes(10));
      h.processElement(outage(2, T0 + minutes(1), null), T0 + minutes(12)); // re-raised within the gap
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).hasSize(1);
    }
  }
}
