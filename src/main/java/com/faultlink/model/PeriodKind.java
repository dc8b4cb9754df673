package com.faultlink.model;

import java.util.Locale;

/** Reporting periods: local days, ISO weeks (Monday 00:00) and months in the configured timezone. */
public enum PeriodKind {
  DAY,
  WEEK,
  MONTH;

  /** The first day after a period starting on {@code start}: periods are half-open, [start, end). */
  public java.time.LocalDate endAfter(java.time.LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
