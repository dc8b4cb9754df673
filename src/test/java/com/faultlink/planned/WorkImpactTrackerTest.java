package com.faultlink.planned;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Attribution;
import com.faultlink.model.Category;
import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import com.faultlink.model.PlannedWork;
import com.faultlink.model.WorkImpact;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkImpactTrackerTest {
  private static final long T0 = t("2026-10-06T01:00");
  private static final long SETTLE = minutes(30);
  private static final PlannedWork WORK =
      new PlannedWork("W-1", T0, T0 + minutes(120), new ArrayList<>(List.of("C1a", "C1b")), new ArrayList<>(), true);

  private KeyedOneInputStreamOperatorTestHarness<String, WorkFact, WorkImpact> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new WorkImpactTracker(SETTLE, minutes(60)), WorkFact::workId, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static Outage outage(String id, long start, Long end) {
    return new Outage(id, "C1a", "S1", "Yinchuan", "4G", start, end, null, true, "W-1", T0 + minutes(120));
  }

  private static Attribution complaint(String id, long time, String outageId) {
    return new Attribution(id, outageId, "Yinchuan", "C1a", MatchLevel.CELL, 1.0, time, Category.VOICE, null, false,
        true, "W-1");
  }

  @Test
  void aWorkWhoseOutagesEndInsideItHasNoOverrunAndCountsTheirComplaints() throws Exception {
    harness.processElement(WorkFact.of(WORK), T0);
    harness.processElement(WorkFact.of(outage("A/1", T0 + minutes(5), null)), T0 + minutes(5));
    harness.processElement(WorkFact.of(outage("A/1", T0 + minutes(5), T0 + minutes(65))), T0 + minutes(65));
    harness.processElement(WorkFact.of(complaint("TT-1", T0 + minutes(20), "A/1")), T0 + minutes(20));
    harness.processElement(WorkFact.of(complaint("TT-2", T0 + minutes(70), "A/1")), T0 + minutes(70));
    harness.processWatermark(T0 + minutes(120) + SETTLE - 1);
    assertThat(harness.extractOutputValues()).as("not before the work's end plus the settle time").isEmpty();
    harness.processWatermark(T0 + minutes(120) + SETTLE);
    assertThat(harness.extractOutputValues()).containsExactly(
        new WorkImpact("W-1", T0, T0 + minutes(120), 1, 2, 60.0, 0, 0.0));
  }

  @Test
  void anOutageStillOpenAtTheWorksEndIsAnOverrunUntilItClears() throws Exception {
    harness.processElement(WorkFact.of(WORK), T0);
    harness.processElement(WorkFact.of(outage("A/1", T0 + minutes(5), null)), T0 + minutes(5));
    harness.processElement(WorkFact.of(outage("A/2", T0 + minutes(10), T0 + minutes(30))), T0 + minutes(30));
    harness.processWatermark(T0 + minutes(300));
    assertThat(harness.extractOutputValues()).as("waits for its outages to close").isEmpty();
    harness.processElement(WorkFact.of(outage("A/1", T0 + minutes(5), T0 + minutes(165))), T0 + minutes(165));
    harness.processWatermark(T0 + minutes(400));
    assertThat(harness.extractOutputValues()).containsExactly(
        new WorkImpact("W-1", T0, T0 + minutes(120), 2, 0, 180.0, 1, 45.0));
  }

  @Test
  void aComplaintAfterTheReportIsCountedLateNotReportedAgain() throws Exception {
    harness.processElement(WorkFact.of(WORK), T0);
    harness.processWatermark(T0 + minutes(200));
    harness.processElement(WorkFact.of(complaint("TT-9", T0 + minutes(10), "A/1")), T0 + minutes(10));
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).containsExactly(
        new WorkImpact("W-1", T0, T0 + minutes(120), 0, 0, 0.0, 0, 0.0));
  }

  @Test
  void atTheEndOfABoundedInputAnOpenOutageCountsUpToTheInputsEnd() throws Exception {
    harness.processElement(WorkFact.of(WORK), T0);
    Outage open = outage("A/1", T0 + minutes(5), null);
    harness.processElement(WorkFact.of(open), T0 + minutes(5));
    harness.processElement(WorkFact.of(open.observedUntil(T0 + minutes(150))), Long.MAX_VALUE);
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).containsExactly(
        new WorkImpact("W-1", T0, T0 + minutes(120), 1, 0, 145.0, 1, 30.0));
  }
}
