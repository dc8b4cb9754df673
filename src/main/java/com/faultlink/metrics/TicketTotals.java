package com.faultlink.metrics;

import com.faultlink.model.Rounding;
import com.faultlink.model.TicketFigures;

/** One scope's raw ticket counts for one period. */
public record TicketTotals(long due, long resolvedOnTime, long resolved, long resolutionMillis, long overdueOpen) {
  public static final TicketTotals ZERO = new TicketTotals(0, 0, 0, 0, 0);

  public TicketFigures figures() {
    return new TicketFigures(due, resolvedOnTime, Rounding.ratePct(resolvedOnTime, due), resolved,
        meanHours(resolutionMillis, resolved), overdueOpen);
  }

  /** Exact mean in hours, rounded half up to 2 decimals; null over nothing. */
  static Double meanHours(long millis, long n) {
    return n == 0 ? null : java.math.BigDecimal.valueOf(millis)
        .divide(java.math.BigDecimal.valueOf(3_600_000L * n), 2, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  public TicketTotals plus(TicketTotals o) {
    return new TicketTotals(due + o.due, resolvedOnTime + o.resolvedOnTime, resolved + o.resolved,
        resolutionMillis + o.resolutionMillis, overdueOpen + o.overdueOpen);
  }
}
