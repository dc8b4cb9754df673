package com.faultlink.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ticket timeliness per city and service tier over the report's dates, from the {@code ticket-metrics} day rows
 * (days partition the period exactly): tickets due and resolved on time, resolved and their mean time, and the
 * tickets overdue at the end of the last reported day. Empty where the run did not read the ticket lifecycle.
 */
final class TicketTimeliness {
  /** One city's (or {@code *}'s) figures for one tier over the period. */
  static final class Row {
    long due;
    long onTime;
    long resolved;
    /** Sum of the days' mean resolution hours × their resolved tickets. */
    double resolutionHours;
    Long overdueAtEnd;
    String lastDay;

    Double onTimeRatePct() {
      return due == 0 ? null : Math.round(onTime * 10_000.0 / due) / 100.0;
    }

    Double meanResolutionHours() {
      return resolved == 0 ? null : Math.round(resolutionHours / resolved * 100.0) / 100.0;
    }
  }

  /** Tiers in the order the stream first names them (the config's order). */
  final List<String> tiers = new ArrayList<>();
  /** region → tier → figures. */
  final Map<String, Map<String, Row>> rows = new TreeMap<>();

  static TicketTimeliness read(OutputStreams out, LocalDate from, LocalDate to) {
    TicketTimeliness t = new TicketTimeliness();
    out.forEach("ticket-metrics", r -> {
      String tier = OutputStreams.text(r, "tier");
      String start = OutputStreams.text(r, "periodStart");
      if (tier == null || start == null || !"day".equals(OutputStreams.text(r, "period"))) {
        return;
      }
      if (!t.tiers.contains(tier)) {
        t.tiers.add(tier);
      }
      LocalDate day = LocalDate.parse(start);
      if (day.isBefore(from) || day.isAfter(to)) {
        return;
      }
      Row row = t.rows.computeIfAbsent(OutputStreams.text(r, "region"), k -> new LinkedHashMap<>())
          .computeIfAbsent(tier, k -> new Row());
      row.due += count(r, "ticketsDue");
      row.onTime += count(r, "ticketsResolvedOnTime");
      long resolved = count(r, "ticketsResolved");
      row.resolved += resolved;
      Double mean = OutputStreams.number(r, "meanResolutionHours");
      if (mean != null) {
        row.resolutionHours += mean * resolved;
      }
      if (row.lastDay == null || start.compareTo(row.lastDay) > 0) {
        row.lastDay = start;
        row.overdueAtEnd = count(r, "ticketsOverdueOpen");
      }
    });
    return t;
  }

  private static long count(JsonNode r, String field) {
    Double v = OutputStreams.number(r, field);
    return v == null ? 0 : Math.round(v);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }
}
