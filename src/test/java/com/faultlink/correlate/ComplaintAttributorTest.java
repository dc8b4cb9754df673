package com.faultlink.correlate;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static com.faultlink.TestCells.CELLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
  private KeyedTwoInputStreamOperatorTestHarness<String, Complaint, OutageNearSite, Attribution> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new ComplaintAttributor(CELLS, 2.0, minutes(30), 0, minutes(60)), ComplaintAttributor.siteOf(CELLS),
        OutageNearSite::siteId, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static Complaint complaint(String id, long time) {
    return complaint(id, "C1a", time);
  }

  private static Complaint complaint(String id, String cellId, long time) {
    return new Complaint("ev-" + id, id, time, Category.DATA, cellId, true, "Yinchuan", "k1");
  }

  /** An outage on a cell at the level it has for a complaint on C1a, sent to C1a's site S1. */
  private static OutageNearSite outage(String id, MatchLevel level, long start, Long end) {
    String cell = switch (level) {
      case CELL -> "C1a";
      case SITE -> "C1b";
      case NEIGHBOR -> "C2";
      default -> "C3";
    };
    return outageOn(id, cell, start, end);
  }

  private static OutageNearSite outageOn(String id, String cellId, long start, Long end) {
    Outage o = new Outage(id, cellId, CELLS.get(cellId).siteId(), "Yinchuan", "4G", start, end, null, false, null);
    return new OutageNearSite("S1", o);
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
  void aComplaintNamingNoKnownCellIsNotAttributedAndDecidedOnArrivalUnderOneKey() throws Exception {
    Complaint nowhere = new Complaint("ev-TT-0", "TT-0", T0, Category.DATA, "NO-SUCH-CELL", false, "Yinchuan", "k1");
    assertThat(ComplaintAttributor.siteOf(CELLS).getKey(nowhere)).isEqualTo(ComplaintAttributor.NO_SITE);
    harness.processElement2(outage("O-1", MatchLevel.CELL, T0 - minutes(5), null), T0);
    harness.processElement1(nowhere, T0);
    assertThat(harness.extractOutputValues()).extracting(Attribution::complaintId, Attribution::matchLevel,
            Attribution::outageId, Attribution::late)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TT-0", MatchLevel.NONE, null, false));
    assertThat(harness.numEventTimeTimers()).as("nothing waits for it").isZero();
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
  void eachComplaintOfTheSiteGetsTheLevelOfItsOwnCell() throws Exception {
    harness.processElement2(outageOn("O-1", "C1b", T0, null), T0);
    harness.processElement1(complaint("TT-a", "C1a", T0 + minutes(5)), T0 + minutes(5));
    harness.processElement1(complaint("TT-b", "C1b", T0 + minutes(5)), T0 + minutes(5));
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(6)));
    assertThat(harness.extractOutputValues())
        .extracting(Attribution::complaintId, Attribution::outageId, Attribution::matchLevel)
        .containsExactlyInAnyOrder(tuple("TT-a", "O-1", MatchLevel.SITE), tuple("TT-b", "O-1", MatchLevel.CELL));
  }

  @Test
  void anOutageSentToTheSiteThatIsNoNeighbourOfTheComplaintsCellDoesNotExplainIt() throws Exception {
    // C3 is 11 km from S1: even if its outage reached S1 (for another cell's sake), C1a's complaint is not its.
    harness.processElement2(outageOn("O-far", "C3", T0, null), T0);
    harness.processElement2(outageOn("O-near", "C2", T0 + minutes(1), null), T0 + minutes(1));
    harness.processElement1(complaint("TT-1", T0 + minutes(5)), T0 + minutes(5));
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(6)));
    assertThat(harness.extractOutputValues()).extracting(Attribution::outageId, Attribution::matchLevel)
        .containsExactly(tuple("O-near", MatchLevel.NEIGHBOR));
  }

  @Test
  void closedOutagesAreForgottenAfterTailAndRetentionAtTheEndOfTheirPurgeSlot() throws Exception {
    // Expiry: end 10 + tail 30 + delay 0 + retention 60 = minute 100; the purge slot is 60 / 4 = 15 min, so the
    // outage is dropped by the slot timer at minute 105 (T0 is 00:00 UTC, on a slot boundary).
    harness.processElement2(outage("O-1", MatchLevel.CELL, T0, T0 + minutes(10)), T0);
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(104)));
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(105)));
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void aLateComplaintSeesAnOutageUpToItsExpiryNotWhileItWaitsForItsPurgeSlot() throws Exception {
    // Expiry at minute 100 as above. A complaint at minute 35 (within the tail) decided late, watermark 99:
    // the outage is still held (it was, with a timer per outage, until the watermark reached 100).
    harness.processElement2(outage("O-1", MatchLevel.CELL, T0, T0 + minutes(10)), T0);
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(99)));
    harness.processElement1(complaint("TT-held", T0 + minutes(35)), T0 + minutes(35));
    // Watermark 100: the outage has expired (its own timer would have fired) though its slot ends at 105.
    harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + minutes(100)));
    harness.processElement1(complaint("TT-gone", T0 + minutes(35)), T0 + minutes(35));
    assertThat(harness.extractOutputValues())
        .extracting(Attribution::complaintId, Attribution::outageId, Attribution::late)
        .containsExactly(tuple("TT-held", "O-1", true), tuple("TT-gone", null, true));
  }
}
