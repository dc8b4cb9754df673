package com.faultlink.metrics;

import static com.faultlink.TestCells.REGIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.PeriodKind;
import com.faultlink.model.RegionMetrics;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsReportTest {
  private KeyedOneInputStreamOperatorTestHarness<String, PeriodTotals, RegionMetrics> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new MetricsReport(ZoneId.of("Asia/Shanghai"), 0, REGIONS), t -> "report", Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static PeriodTotals day(String scope, String date, long outages, long outageMillis, long complaints, long fault) {
    return new PeriodTotals(scope, PeriodKind.DAY, date, outages, 0, outageMillis, complaints, fault, 0, complaints, 0, 0, 0,
        complaints, 0);
  }

  private List<RegionMetrics> rows(String region) {
    return harness.extractOutputValues().stream()
        .filter(m -> m.period() == PeriodKind.DAY && m.region().equals(region)).toList();
  }

  @Test
  void everyRegionAndStarGetsARowForEveryDayBetweenTheFirstAndTheLastZerosIncluded() throws Exception {
    harness.processElement(day("Yinchuan", "2026-10-05", 2, 3_600_000, 10, 4), 0);
    harness.processElement(day("*", "2026-10-05", 2, 3_600_000, 10, 4), 0);
    harness.processElement(day("Yinchuan", "2026-10-07", 1, 0, 5, 6), 0);
    harness.processElement(day("*", "2026-10-07", 1, 0, 5, 6), 0);
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(rows("Yinchuan")).extracting(RegionMetrics::periodStart)
        .containsExactly("2026-10-05", "2026-10-06", "2026-10-07");
    assertThat(rows("Guyuan")).extracting(RegionMetrics::complaints).containsExactly(0L, 0L, 0L);
    assertThat(rows("*")).hasSize(3);
  }

  @Test
  void changeIsAgainstThePreviousPeriodAndNullAfterAZeroOrAtTheStart() throws Exception {
    harness.processElement(day("Yinchuan", "2026-10-05", 2, 3_600_000, 10, 4), 0);
    harness.processElement(day("Yinchuan", "2026-10-06", 3, 5_400_000, 1, 6), 0);
    harness.processElement(day("Yinchuan", "2026-10-08", 1, 0, 1, 6), 0);
    harness.processWatermark(Long.MAX_VALUE);
    List<RegionMetrics> y = rows("Yinchuan");
    assertThat(y.get(0).outagesChangePct()).isNull();
    assertThat(y.get(1).outagesChangePct()).isEqualTo(50.0);
    assertThat(y.get(1).outageHoursChangePct()).isEqualTo(50.0);
    assertThat(y.get(1).faultComplaintsChangePct()).isEqualTo(50.0);
    assertThat(y.get(2).outagesChangePct()).isEqualTo(-100.0);
    assertThat(y.get(3).outagesChangePct()).as("previous day had none").isNull();
  }

  @Test
  void ratesArePer10kSubscribersAndRepeatRateIsNullWithoutComplainants() throws Exception {
    harness.processElement(day("Yinchuan", "2026-10-05", 0, 0, 201, 0), 0);
    harness.processWatermark(Long.MAX_VALUE);
    RegionMetrics y = rows("Yinchuan").get(0);
    assertThat(y.complaintsPer10k()).isEqualTo(1.01); // 201 / 2 000 000 × 10 000 = 1.005 → 1.01
    assertThat(y.repeatComplaintRatePct()).isEqualTo(0.0);
    assertThat(rows("Guyuan").get(0).repeatComplaintRatePct()).isNull();
  }
}
