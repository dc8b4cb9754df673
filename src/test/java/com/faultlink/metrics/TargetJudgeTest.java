package com.faultlink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.KpiConfig;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.PeriodKind;
import com.faultlink.model.RegionMetrics;
import com.faultlink.model.TargetCheck;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TargetJudgeTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final List<KpiConfig.Target> TARGETS = List.of(
      new KpiConfig.Target("repeatComplaintRatePct", "max", 8, Map.of("Yinchuan", 10.0)),
      new KpiConfig.Target("restoredInWindowPct", "min", 90, Map.of(), List.of(PeriodKind.WEEK)),
      new KpiConfig.Target("onTimeRatePct", "min", 95, Map.of()));

  /** A record with only the figures the targets read: repeat rate and restored-in-window rate. */
  private static RegionMetrics row(String region, PeriodKind kind, String start, Double repeatPct,
      Double restoredPct) {
    return new RegionMetrics(region, kind, start, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, repeatPct, null, null, null,
        restoredPct);
  }

  @Test
  void eachTargetIsJudgedWithTheRegionsOwnBoundAndNullMeetsNothing() {
    // Yinchuan 9.5 % against its own 10: met; Guyuan 9.5 % against 8: missed; exactly at the bound: met
    assertThat(TargetJudge.checks(row("Yinchuan", PeriodKind.WEEK, "2026-10-05", 9.5, 90.0), TARGETS))
        .containsExactly(new TargetCheck("repeatComplaintRatePct", "max", 10, 9.5, true),
            new TargetCheck("restoredInWindowPct", "min", 90, 90.0, true),
            new TargetCheck("onTimeRatePct", "min", 95, null, null));
    assertThat(TargetJudge.checks(row("Guyuan", PeriodKind.WEEK, "2026-10-05", 9.5, 89.99), TARGETS))
        .containsExactly(new TargetCheck("repeatComplaintRatePct", "max", 8, 9.5, false),
            new TargetCheck("restoredInWindowPct", "min", 90, 89.99, false),
            new TargetCheck("onTimeRatePct", "min", 95, null, null));
    // a day record: restoredInWindowPct applies to weeks only; no complainants: repeat rate null, met null
    assertThat(TargetJudge.checks(row("Guyuan", PeriodKind.DAY, "2026-10-05", null, 50.0), TARGETS))
        .containsExactly(new TargetCheck("repeatComplaintRatePct", "max", 8, null, null),
            new TargetCheck("onTimeRatePct", "min", 95, null, null));
  }

  @Test
  void aMissFiresAtThePeriodsEndAndIsResolvedWhenTheNextPeriodOfItsKindCloses() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, RegionMetrics, RegionMetrics> h =
        new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new TargetJudge(TARGETS, ZONE)),
            m -> "report", org.apache.flink.api.common.typeinfo.Types.STRING)) {
      h.open();
      h.processElement(row("Guyuan", PeriodKind.WEEK, "2026-10-05", 9.5, 95.0), 0);
      h.processElement(row("Guyuan", PeriodKind.WEEK, "2026-10-12", 7.0, 80.0), 0);
      List<Alert> alerts = h.getSideOutput(TargetJudge.MISSES).stream().map(r -> r.getValue()).toList();
      long weekEnd1 = OffsetDateTime.parse("2026-10-12T00:00:00+08:00").toInstant().toEpochMilli();
      long weekEnd2 = OffsetDateTime.parse("2026-10-19T00:00:00+08:00").toInstant().toEpochMilli();
      assertThat(alerts).extracting(Alert::alertId, Alert::status, Alert::at).containsExactly(
          org.assertj.core.groups.Tuple.tuple(
              "KPI_MISSED/Guyuan/repeatComplaintRatePct/week/2026-10-05T00:00:00+08:00", AlertStatus.FIRING, weekEnd1),
          org.assertj.core.groups.Tuple.tuple(
              "KPI_MISSED/Guyuan/repeatComplaintRatePct/week/2026-10-05T00:00:00+08:00", AlertStatus.RESOLVED,
              weekEnd2),
          org.assertj.core.groups.Tuple.tuple(
              "KPI_MISSED/Guyuan/restoredInWindowPct/week/2026-10-12T00:00:00+08:00", AlertStatus.FIRING, weekEnd2));
      assertThat(alerts.get(0).kpi().value()).isEqualTo(9.5);
      assertThat(alerts.get(0).kpi().target()).isEqualTo(8.0);
      // every record leaves judged
      assertThat(h.extractOutputValues()).allSatisfy(m -> assertThat(m.targets()).hasSize(3));
    }
  }
}
