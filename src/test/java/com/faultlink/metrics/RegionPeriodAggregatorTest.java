package com.faultlink.metrics;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Category;
import com.faultlink.model.Outage;
import com.faultlink.model.PeriodKind;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegionPeriodAggregatorTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long SETTLE = minutes(30);
  private KeyedTwoInputStreamOperatorTestHarness<String, ComplaintFact, ScopedOutage, PeriodTotals> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new RegionPeriodAggregator(ZONE, SETTLE),
        ComplaintFact::scope, ScopedOutage::scope, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private void complaint(long time, String customer, boolean fault) throws Exception {
    harness.processElement1(new ComplaintFact("Yinchuan", time, Category.VOICE, customer, fault, false), time);
  }

  private List<PeriodTotals> days() {
    return harness.extractOutputValues().stream().filter(p -> p.kind() == PeriodKind.DAY).toList();
  }

  @Test
  void aDayIsEmittedOnlyOnceTheWatermarkPassesItsEndPlusTheSettleTime() throws Exception {
    complaint(t("2026-10-05T10:00"), "a", true);
    harness.processBothWatermarks(new Watermark(t("2026-10-06T00:29")));
    assertThat(days()).isEmpty();
    harness.processBothWatermarks(new Watermark(t("2026-10-06T00:30")));
    assertThat(days()).extracting(PeriodTotals::periodStart, PeriodTotals::complaints, PeriodTotals::faultComplaints)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-05", 1L, 1L));
  }

  @Test
  void repeatComplainantsAreCustomersWithTwoOrMoreComplaintsInThePeriod() throws Exception {
    complaint(t("2026-10-05T10:00"), "a", false);
    complaint(t("2026-10-05T11:00"), "a", false);
    complaint(t("2026-10-05T12:00"), "a", false);
    complaint(t("2026-10-05T13:00"), "b", false);
    complaint(t("2026-10-06T09:00"), "b", false);
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    assertThat(days()).extracting(PeriodTotals::periodStart, PeriodTotals::complainants, PeriodTotals::repeatComplainants)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-05", 2L, 1L),
            org.assertj.core.groups.Tuple.tuple("2026-10-06", 1L, 0L));
    PeriodTotals week = harness.extractOutputValues().stream().filter(p -> p.kind() == PeriodKind.WEEK).findFirst().get();
    assertThat(week.complainants()).isEqualTo(2);
    assertThat(week.repeatComplainants()).isEqualTo(2);
  }

  @Test
  void anOutageRunningOverMidnightCountsItsHoursInBothDaysAndStartsOnlyInTheFirst() throws Exception {
    long start = t("2026-10-05T22:00");
    Outage open = new Outage("O-1", "C1a", "S1", "Yinchuan", "4G", start, null, null, false, null);
    harness.processElement2(new ScopedOutage("Yinchuan", open), start);
    Outage closed = new Outage("O-1", "C1a", "S1", "Yinchuan", "4G", start, t("2026-10-06T03:00"), null, false, null);
    harness.processElement2(new ScopedOutage("Yinchuan", closed), t("2026-10-06T03:00"));
    harness.processBothWatermarks(new Watermark(t("2026-10-07T12:00")));
    assertThat(days()).extracting(PeriodTotals::periodStart, PeriodTotals::outages, PeriodTotals::outageMillis)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-05", 1L, minutes(120)),
            org.assertj.core.groups.Tuple.tuple("2026-10-06", 0L, minutes(180)));
  }

  @Test
  void anOutageStillOpenAtTheEndOfInputCountsUntilTheInputsLastEvent() throws Exception {
    long start = t("2026-10-05T22:00");
    Outage open = new Outage("O-1", "C1a", "S1", "Yinchuan", "4G", start, null, null, false, null);
    harness.processElement2(new ScopedOutage("Yinchuan", open), start);
    harness.processElement2(new ScopedOutage("Yinchuan", open.observedUntil(t("2026-10-07T01:00"))), Long.MAX_VALUE);
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    assertThat(days()).extracting(PeriodTotals::periodStart, PeriodTotals::outageMillis)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-05", minutes(120)),
            org.assertj.core.groups.Tuple.tuple("2026-10-06", minutes(24 * 60)),
            org.assertj.core.groups.Tuple.tuple("2026-10-07", minutes(60)));
  }

  @Test
  void aComplaintForAnAlreadyReportedDayIsCountedAsLateNotReEmitted() throws Exception {
    complaint(t("2026-10-05T10:00"), "a", false);
    harness.processBothWatermarks(new Watermark(t("2026-10-06T06:00")));
    complaint(t("2026-10-05T11:00"), "b", false);
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    assertThat(days()).extracting(PeriodTotals::periodStart).containsExactly("2026-10-05");
    assertThat(days().get(0).complaints()).isEqualTo(1);
  }
}
