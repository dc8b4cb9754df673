package com.faultlink.status;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.model.Outage;
import com.faultlink.model.OutageStatus;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class OutageStatusTrackerTest {
  private static final long T0 = t("2026-10-06T08:00");

  @Test
  void opensClosesAndReopensAtTheirEventTimesAndIgnoresTheEndOfInputSnapshot() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, OutageStatus> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new OutageStatusTracker(minutes(5)), Outage::outageId, Types.STRING)) {
      Outage open = new Outage("A/1", "C1a", "S1", "Yinchuan", "4G", T0, null, null, false, null);
      h.processElement(open, T0);
      h.processElement(open.withEnd(T0 + minutes(30)), T0 + minutes(30));
      h.processElement(open, T0 + minutes(33));
      h.processElement(open.withEnd(T0 + minutes(50)), T0 + minutes(50));
      h.processElement(open.observedUntil(T0 + minutes(60)), T0 + minutes(60));
      assertThat(h.extractOutputValues())
          .extracting(OutageStatus::status, OutageStatus::at, OutageStatus::elapsedMinutes)
          .containsExactly(
              tuple("open", T0, 0.0),
              tuple("closed", T0 + minutes(30), 30.0),
              tuple("reopened", T0 + minutes(30), 30.0),
              tuple("closed", T0 + minutes(50), 50.0));
      h.processWatermark(T0 + minutes(55));
      assertThat(h.numKeyedStateEntries()).as("forgotten after the merge gap").isZero();
    }
  }
}
