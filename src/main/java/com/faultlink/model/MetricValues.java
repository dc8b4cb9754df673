package com.faultlink.model;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A metrics record's numeric fields by name, for KPI targets: a target names any numeric field of {@link
 * RegionMetrics}, so a figure added to the record later can carry a target without touching the target code.
 * The contract's ticket figures ({@link #TICKET_FIGURES}) are read from the record's ticket figures: null (so
 * {@code met} is null) without {@code tickets.lifecycle}.
 */
public final class MetricValues {
  public static final Set<String> DOCUMENTED = Set.of(
      "complaintsPer10k", "repeatComplaintRatePct", "restoredInWindowPct", "onTimeRatePct", "meanResolutionHours",
      "ticketsOverdueOpen", "faultComplaints", "complaints", "outages", "outageHours", "ackMeanMinutes",
      "ackP90Minutes");

  private static final Map<String, Method> NUMERIC = numericComponents();

  /** The metrics record's ticket figures by their names in the output, read from {@link RegionMetrics#tickets()}. */
  static final Map<String, java.util.function.Function<TicketFigures, Number>> TICKET_FIGURES = Map.of(
      "ticketsDue", TicketFigures::due,
      "ticketsResolvedOnTime", TicketFigures::resolvedOnTime,
      "onTimeRatePct", TicketFigures::onTimeRatePct,
      "ticketsResolved", TicketFigures::resolved,
      "meanResolutionHours", TicketFigures::meanResolutionHours,
      "ticketsOverdueOpen", TicketFigures::overdueOpen);

  private MetricValues() {}

  private static Map<String, Method> numericComponents() {
    Map<String, Method> out = new LinkedHashMap<>();
    for (RecordComponent c : RegionMetrics.class.getRecordComponents()) {
      Class<?> t = c.getType();
      if (t == long.class || t == double.class || t == int.class || Number.class.isAssignableFrom(t)) {
        out.put(c.getName(), c.getAccessor());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Whether a target may name {@code metric}. */
  public static boolean known(String metric) {
    return NUMERIC.containsKey(metric) || DOCUMENTED.contains(metric) || TICKET_FIGURES.containsKey(metric);
  }

  /** Every name a target may use, for error messages. */
  public static Set<String> names() {
    Set<String> all = new java.util.TreeSet<>(NUMERIC.keySet());
    all.addAll(DOCUMENTED);
    all.addAll(TICKET_FIGURES.keySet());
    return all;
  }

  /** The record's value of {@code metric}; null where it has none or the record has no such field yet. */
  public static Double of(RegionMetrics m, String metric) {
    if (TICKET_FIGURES.containsKey(metric)) {
      Number v = m.tickets() == null ? null : TICKET_FIGURES.get(metric).apply(m.tickets());
      return v == null ? null : v.doubleValue();
    }
    Method accessor = NUMERIC.get(metric);
    if (accessor == null) {
      return null;
    }
    try {
      Object v = accessor.invoke(m);
      return v == null ? null : ((Number) v).doubleValue();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read metrics field " + metric, e);
    }
  }
}
