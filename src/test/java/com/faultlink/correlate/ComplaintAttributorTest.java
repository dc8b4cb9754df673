package com.faultlink.correlate;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Attribution;
import com.faultlink.model.Category;
import com.faultlink.model.Complaint;
import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComplaintAttributorTest {
  private static final long T0 = t("2026-10-05T08:00");
  private KeyedTwoInputStreamOperatorTestHarness<String, Complaint, CandidateOutage, Attribution> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new ComplaintAttributor(minutes(30), 0, minutes(60)), Complaint::cellId, CandidateOutage::targetCellId,
        Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static Complaint complaint(String id, long time) {
    return new Complaint("ev-" + id, id, time, Category.DATA, "C1a", true, "Yinchuan", "k1");
  }

  private static CandidateOutage outage(String id, MatchLevel level, long start, Long end) {
    return new CandidateOutage("C1a", level, new Outage(id, "C1a", "S1", "Yinchuan", "4G", start, end, null, false, null));
  }

  @Test
  void aComplaintWaitsForTheWatermarkSoAnOutageArrivingAfterItStillCounts() throws Exception {
    harness.processElement1(complaint("TT-1", T0 + minutes(20)), T0 + minutes(20));
    harness.processElement2(outage("O-1", MatchLevel.CELL, T0, null), T0);
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(20)));
    Attribution a = harness.extractOutputValues().get(0);
    assertThat(a.outageId()).isEqualTo("O-1");
    assertThat(a.matchLevel()).isEqualTo(MatchLevel.CELL);
    assertThat(a.lagMinutes()).isEqualTo(20.0);
    assertThat(a.late()).isFalse();
  }

  @Test
  void aClearThatArrivesBeforeTheDecisionIsTakenIntoAccount() throws Exception {
    harness.processElement2(outage("O-1", MatchLevel.CELL, T0, null), T0);
    harness.processElement1(complaint("TT-1", T0 + minutes(50)), T0 + minutes(50));
    harness.processElement2(outage("O-1", MatchLevel.CELL, T0, T0 + minutes(10)), T0 + minutes(10));
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(50)));
    Attribution a = harness.extractOutputValues().get(0);
    assertThat(a.outageId()).as("50 min is past the 30-min tail of a clear at 10 min").isNull();
    assertThat(a.matchLevel()).isEqualTo(MatchLevel.NONE);
  }

  @Test
  void theSameCellBeatsANeighbourThatStartedLater() throws Exception {
    harness.processElement2(outage("O-cell", MatchLevel.CELL, T0, null), T0);
    harness.processElement2(outage("O-near", MatchLevel.NEIGHBOR, T0 + minutes(5), null), T0 + minutes(5));
    harness.processElement1(complaint("TT-1", T0 + minutes(30)), T0 + minutes(30));
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(31)));
    assertThat(harness.extractOutputValues()).extracting(Attribution::outageId).containsExactly("O-cell");
  }

  @Test
  void aLateComplaintIsDecidedOnArrivalAndMarkedLate() throws Exception {
    harness.processElement2(outage("O-1", MatchLevel.SITE, T0, null), T0);
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(60)));
    harness.processElement1(complaint("TT-9", T0 + minutes(15)), T0 + minutes(15));
    Attribution a = harness.extractOutputValues().get(0);
    assertThat(a.late()).isTrue();
    assertThat(a.outageId()).isEqualTo("O-1");
    assertThat(a.matchLevel()).isEqualTo(MatchLevel.SITE);
  }

  @Test
  void closedOutagesAreForgottenAfterTailAndRetention() throws Exception {
    harness.processElement2(outage("O-1", MatchLevel.CELL, T0, T0 + minutes(10)), T0);
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(10 + 30 + 60)));
    assertThat(harness.numKeyedStateEntries()).isZero();
  }
}
