package com.faultlink.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A KPI target names a metrics field; the contract's ticket figures are read from the record's ticket figures. */
class MetricValuesTest {
  private static RegionMetrics row() {
    return new RegionMetrics("Yinchuan", PeriodKind.WEEK, "2026-10-05", 3, 0, 1.5, 40, 10, 0, 0.14, 0.1, 0.02, 0.01,
        0.01, 38, 2, 5.26, null, null, null, 75.0);
  }

  @Test
  void ticketFiguresAreReadFromTheTicketFiguresAndAreNullWithoutTheLifecycle() {
    RegionMetrics without = row();
    assertThat(MetricValues.of(without, "onTimeRatePct")).as("tickets.lifecycle off").isNull();
    RegionMetrics with = without.withTickets(new TicketFigures(20, 19, 95.0, 18, 30.5, 2));
    assertThat(MetricValues.of(with, "onTimeRatePct")).isEqualTo(95.0);
    assertThat(MetricValues.of(with, "ticketsDue")).isEqualTo(20.0);
    assertThat(MetricValues.of(with, "ticketsOverdueOpen")).isEqualTo(2.0);
    assertThat(MetricValues.of(with, "meanResolutionHours")).isEqualTo(30.5);
    assertThat(MetricValues.known("ticketsResolvedOnTime")).isTrue();
  }

  @Test
  void otherFiguresAreTheRecordsOwnFields() {
    assertThat(MetricValues.of(row(), "repeatComplaintRatePct")).isEqualTo(5.26);
    assertThat(MetricValues.of(row(), "restoredInWindowPct")).isEqualTo(75.0);
    assertThat(MetricValues.known("noSuchFigure")).isFalse();
  }
}
