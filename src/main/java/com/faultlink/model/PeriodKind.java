package com.faultlink.model;

import java.util.Locale;

/** Reporting periods: local days, ISO weeks (Monday 00:00) and months in the configured timezone. */
public enum PeriodKind {
  DAY,
  WEEK,
  MONTH;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
