package com.faultlink.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Severity and summary, written by hand for each alert type. */
class AlertTextTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static long at(String t) {
    return OffsetDateTime.parse(t).toInstant().toEpochMilli();
  }

  private static Alert golden(AlertType type, AlertStatus status, double elapsed, double window, boolean planned) {
    return new Alert("id", type, status, "Yinchuan", at("2026-10-05T09:45:00+08:00"), "OMC-HW-1/A-7", "NX-YC-0001-2",
        "5G", elapsed, window, 3.0, null, null, null, null, null, null, null, planned, planned ? "W-3" : null);
  }

  @Test
  void everyTypeHasTheSeverityTheNocActsOn() {
    assertThat(AlertText.severity(AlertType.GOLDEN_WINDOW_BREACHED)).isEqualTo("critical");
    assertThat(AlertText.severity(AlertType.MASS_OUTAGE)).isEqualTo("critical");
    // the one page of an incident: jobs/alertmanager/alertmanager.yml routes critical to the pager
    assertThat(AlertText.severity(AlertType.INCIDENT)).isEqualTo("critical");
    assertThat(AlertText.severity(AlertType.GOLDEN_WINDOW_AT_RISK)).isEqualTo("major");
    assertThat(AlertText.severity(AlertType.COMPLAINT_BURST)).isEqualTo("major");
    assertThat(AlertText.severity(AlertType.KPI_MISSED)).isEqualTo("warning");
    for (AlertType t : AlertType.values()) {
      assertThat(AlertText.severity(t)).isIn("critical", "major", "warning");
    }
  }

  @Test
  void goldenWindowSummariesSayWhereHowLongAndWhetherPlanned() {
    assertThat(AlertText.summary(golden(AlertType.GOLDEN_WINDOW_AT_RISK, AlertStatus.FIRING, 33.75, 45, false), SHANGHAI))
        .isEqualTo("cell NX-YC-0001-2 (Yinchuan 5G): outage OMC-HW-1/A-7 open 33.8 min of its 45 min golden window");
    assertThat(AlertText.summary(golden(AlertType.GOLDEN_WINDOW_BREACHED, AlertStatus.FIRING, 150, 150, true), SHANGHAI))
        .isEqualTo("cell NX-YC-0001-2 (Yinchuan 5G): outage OMC-HW-1/A-7 past its 2.5 h golden window"
            + " [planned work W-3]");
    assertThat(AlertText.summary(golden(AlertType.GOLDEN_WINDOW_BREACHED, AlertStatus.RESOLVED, 45, 45, false), SHANGHAI))
        .isEqualTo("resolved 10-05 09:45: cell NX-YC-0001-2 (Yinchuan 5G): outage OMC-HW-1/A-7 past its 45 min"
            + " golden window");
  }

  @Test
  void burstAndMassOutageSummariesGiveTheirCounts() {
    Alert burst = new Alert("b", AlertType.COMPLAINT_BURST, AlertStatus.FIRING, "Wuzhong", at("2026-10-13T11:15:00+08:00"),
        null, null, null, null, null, null, at("2026-10-13T11:00:00+08:00"), at("2026-10-13T11:15:00+08:00"), 14L,
        9.0, 2.46, null, List.of(), false, null);
    assertThat(AlertText.summary(burst, SHANGHAI))
        .isEqualTo("Wuzhong: 14 complaints in the window from 10-13 11:00 (threshold 9, usual 2.5)");
    Alert mass = new Alert("m", AlertType.MASS_OUTAGE, AlertStatus.FIRING, "Guyuan", at("2026-10-14T09:50:28+08:00"),
        null, null, null, null, null, null, null, null, null, null, null, 12L, List.of(), false, null);
    assertThat(AlertText.summary(mass, ZoneId.of("UTC"))).isEqualTo("Guyuan: 12 outages open at once");
  }

  @Test
  void aKpiMissSaysWhichFigureMissedWhichBoundInWhichPeriod() {
    Alert miss = new Alert("k", AlertType.KPI_MISSED, AlertStatus.FIRING, "Yinchuan", at("2026-11-01T00:00:00+08:00"),
        null, null, null, null, null, null, null, null, null, null, null, null, null, false, null,
        new KpiMiss(PeriodKind.MONTH, "2026-10-01", "repeatComplaintRatePct", "max", 8, 11.92));
    assertThat(AlertText.summary(miss, SHANGHAI))
        .isEqualTo("Yinchuan: repeatComplaintRatePct 11.9 missed its target (at most 8) in the month from 2026-10-01");
    Alert floor = new Alert("k2", AlertType.KPI_MISSED, AlertStatus.RESOLVED, "*", at("2026-10-19T00:00:00+08:00"),
        null, null, null, null, null, null, null, null, null, null, null, null, null, false, null,
        new KpiMiss(PeriodKind.WEEK, "2026-10-05", "restoredInWindowPct", "min", 90, 65));
    assertThat(AlertText.summary(floor, SHANGHAI)).isEqualTo(
        "resolved 10-19 00:00: *: restoredInWindowPct 65 missed its target (at least 90) in the week from 2026-10-05");
  }
}
