package com.faultlink.metrics;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Category;
import com.faultlink.model.PeriodKind;
import java.time.ZoneId;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The period aggregator's work follows its events, not the span of time: two complaints three years apart (both
 * plausible under the input limits) make one timer per period they fall in and six period records, not a timer
 * or a record for each of the 1 096 days between. (The report stage writes the zero rows in between, which the
 * contract asks for: one per period of the real span.)
 */
class PeriodGapTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private KeyedTwoInputStreamOperatorTestHarness<String, ComplaintFact, ScopedOutage, PeriodTotals> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new RegionPeriodAggregator(ZONE, minutes(30)),
        ComplaintFact::scope, ScopedOutage::scope, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private void complaint(long time) throws Exception {
    harness.processElement1(new ComplaintFact("Yinchuan", time, Category.VOICE, "k", false, false), time);
  }

  @Test
  void twoComplaintsYearsApartCostSixPeriodsAndSixTimers() throws Exception {
    complaint(t("2026-10-05T10:00"));
    assertThat(harness.numEventTimeTimers()).as("day, week and month of the first").isEqualTo(3);
    complaint(t("2029-10-05T10:00"));
    assertThat(harness.numEventTimeTimers()).isEqualTo(6);
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    assertThat(harness.extractOutputValues()).extracting(PeriodTotals::kind, PeriodTotals::periodStart)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(PeriodKind.DAY, "2026-10-05"),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.WEEK, "2026-10-05"),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.MONTH, "2026-10-01"),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.DAY, "2029-10-05"),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.WEEK, "2029-10-01"),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.MONTH, "2029-10-01"));
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
