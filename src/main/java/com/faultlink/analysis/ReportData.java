package com.faultlink.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report shows, read from one run's output streams for a period of local dates (both inclusive):
 * week and month metrics rows overlapping it, the outages that started in it with their fault complaints, and
 * the golden-window estimates.
 */
final class ReportData {
  /** Empirical curve: elapsed minutes are cut in bins of this width. */
  static final int BIN_MINUTES = 5;

  final LocalDate from;
  final LocalDate to;
  /** Metrics rows by period kind ("week", "month"), then period start, then region. */
  final Map<String, TreeMap<String, Map<String, JsonNode>>> metrics = new HashMap<>();
  final List<JsonNode> outages = new ArrayList<>();
  final List<JsonNode> goldenWindows = new ArrayList<>();
  /** The analysts' table rows (every re-estimation of every scope, with its status and reason). */
  final List<JsonNode> goldenTable = new ArrayList<>();
  /** Lags (minutes since the outage start) of the fault complaints of the period's outages, by outage. */
  final Map<String, List<Double>> lagsByOutage = new HashMap<>();
  long complaints;
  long faultComplaints;
  /** Alerts that fired in the period (their firing records), by alertId, in order of their instant. */
  final Map<String, JsonNode> alertsFired = new java.util.LinkedHashMap<>();
  /** The resolutions of those alerts, by alertId. */
  final Map<String, JsonNode> alertsResolved = new HashMap<>();
  /** The run's run-summary.json (version, config), or null when the folder has none. */
  JsonNode runSummary;
  /** Weekly hotspot records of the ISO weeks overlapping the period. */
  final List<JsonNode> hotspots = new ArrayList<>();
  /** Ticket timeliness per city and tier (empty without the ticket lifecycle). */
  TicketTimeliness tickets = new TicketTimeliness();

  private ReportData(LocalDate from, LocalDate to) {
    this.from = from;
    this.to = to;
  }

  static ReportData read(OutputStreams out, LocalDate from, LocalDate to) {
    ReportData d = new ReportData(from, to);
    out.forEach("metrics", r -> {
      String period = OutputStreams.text(r, "period");
      String start = OutputStreams.text(r, "periodStart");
      if (period == null || start == null || period.equals("day")) {
        return;
      }
      LocalDate s = LocalDate.parse(start);
      LocalDate e = period.equals("week") ? s.plusDays(6) : s.plusMonths(1).minusDays(1);
      if (!e.isBefore(from) && !s.isAfter(to)) {
        d.metrics.computeIfAbsent(period, k -> new TreeMap<>()).computeIfAbsent(start, k -> new TreeMap<>())
            .put(OutputStreams.text(r, "region"), r);
      }
    });
    Map<String, JsonNode> byId = new HashMap<>();
    out.forEach("outage-impacts", r -> {
      LocalDate day = localDate(OutputStreams.text(r, "start"));
      if (day != null && inPeriod(d, day)) {
        d.outages.add(r);
        byId.put(OutputStreams.text(r, "outageId"), r);
      }
    });
    out.forEach("attributions", r -> {
      LocalDate day = localDate(OutputStreams.text(r, "complaintTime"));
      if (day == null || inPeriod(d, day)) {
        d.complaints++;
        if (OutputStreams.text(r, "outageId") != null) {
          d.faultComplaints++;
        }
      }
      String outage = OutputStreams.text(r, "outageId");
      Double lag = OutputStreams.number(r, "lagMinutes");
      if (outage != null && lag != null && byId.containsKey(outage)) {
        d.lagsByOutage.computeIfAbsent(outage, k -> new ArrayList<>()).add(lag);
      }
    });
    readAlerts(out, d);
    Path summary = out.dir().resolve("run-summary.json");
    if (Files.isRegularFile(summary)) {
      try {
        d.runSummary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary.toFile());
      } catch (java.io.IOException e) {
        d.runSummary = null; // a damaged summary only costs the footer its version
      }
    }
    out.forEach("hotspots", r -> {
      String week = OutputStreams.text(r, "weekStart");
      if (week != null) {
        LocalDate s = LocalDate.parse(week);
        if (!s.plusDays(6).isBefore(from) && !s.isAfter(to)) {
          d.hotspots.add(r);
        }
      }
    });
    d.tickets = TicketTimeliness.read(out, from, to);
    out.forEach("golden-windows", d.goldenWindows::add);
    out.forEach("golden-window-table", d.goldenTable::add);
    d.outages.sort(Comparator.comparingDouble((JsonNode r) -> -OutputStreams.number(r, "complaints"))
        .thenComparing(r -> OutputStreams.text(r, "outageId")));
    return d;
  }

  private static boolean inPeriod(ReportData d, LocalDate day) {
    return !day.isBefore(d.from) && !day.isAfter(d.to);
  }

  /** The local date of an output timestamp (it carries the configured zone's offset). */
  static LocalDate localDate(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    return OffsetDateTime.parse(timestamp).toLocalDate();
  }

  /** The regions of the metrics, in the region table's order as written, then '*'. */
  List<String> regions() {
    List<String> out = new ArrayList<>();
    for (TreeMap<String, Map<String, JsonNode>> byStart : metrics.values()) {
      for (Map<String, JsonNode> rows : byStart.values()) {
        for (String r : rows.keySet()) {
          if (!out.contains(r) && !r.equals("*")) {
            out.add(r);
          }
        }
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /**
   * Complaints per open outage per hour against minutes since the outage started, from the outages of the
   * period: for each bin, the fault complaints that came while their outage was still open, over the outage
   * time spent in that bin. Null where no outage was open that long.
   */
  EmpiricalCurve empiricalCurve(int maxMinutes) {
    int bins = maxMinutes / BIN_MINUTES;
    double[] exposure = new double[bins];
    long[] count = new long[bins];
    int[] open = new int[bins];
    for (JsonNode o : outages) {
      Double duration = OutputStreams.number(o, "durationMinutes");
      if (duration == null) {
        continue;
      }
      for (int b = 0; b < bins; b++) {
        double a = b * BIN_MINUTES;
        double inBin = Math.min(duration, a + BIN_MINUTES) - a;
        if (inBin > 0) {
          exposure[b] += inBin;
          open[b]++;
        }
      }
      for (double lag : lagsByOutage.getOrDefault(OutputStreams.text(o, "outageId"), List.of())) {
        if (lag >= 0 && lag <= duration && lag < bins * BIN_MINUTES) {
          count[(int) (lag / BIN_MINUTES)]++;
        }
      }
    }
    List<Double> xs = new ArrayList<>();
    List<Double> rate = new ArrayList<>();
    List<Integer> opened = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      xs.add(b * BIN_MINUTES + BIN_MINUTES / 2.0);
      // Bins where few outages are still open say little: leave them out.
      rate.add(open[b] < 5 || exposure[b] <= 0 ? null : count[b] / exposure[b] * 60.0);
      opened.add(open[b]);
    }
    return new EmpiricalCurve(xs, rate, opened);
  }

  record EmpiricalCurve(List<Double> minutes, List<Double> perOutageHour, List<Integer> outagesOpen) {}

  /** The latest estimate per scope (region × technology) valid by the period's end. */
  List<JsonNode> latestGoldenWindows() {
    return latestPerScope(goldenWindows);
  }

  /** The latest analysts' table row per scope by the period's end: why a scope has its window or none. */
  List<JsonNode> latestGoldenStatuses() {
    return latestPerScope(goldenTable);
  }

  private List<JsonNode> latestPerScope(List<JsonNode> records) {
    Map<String, JsonNode> latest = new TreeMap<>();
    for (JsonNode g : records) {
      LocalDate valid = localDate(OutputStreams.text(g, "validFrom"));
      if (valid != null && valid.isAfter(to)) {
        continue;
      }
      String scope = OutputStreams.text(g, "region") + "|" + OutputStreams.text(g, "technology");
      JsonNode known = latest.get(scope);
      if (known == null || String.valueOf(OutputStreams.text(g, "validFrom"))
          .compareTo(String.valueOf(OutputStreams.text(known, "validFrom"))) > 0) {
        latest.put(scope, g);
      }
    }
    return new ArrayList<>(latest.values());
  }

  private static void readAlerts(OutputStreams out, ReportData d) {
    List<JsonNode> fired = new ArrayList<>();
    out.forEach("alerts", r -> {
      String id = OutputStreams.text(r, "alertId");
      if (id == null) {
        return;
      }
      if ("resolved".equals(OutputStreams.text(r, "status"))) {
        d.alertsResolved.put(id, r);
        return;
      }
      LocalDate day = localDate(OutputStreams.text(r, "at"));
      if (day != null && inPeriod(d, day)) {
        fired.add(r);
      }
    });
    fired.sort(Comparator.comparing((JsonNode r) -> java.time.OffsetDateTime.parse(OutputStreams.text(r, "at"))
        .toInstant()).thenComparing(r -> OutputStreams.text(r, "alertId")));
    fired.forEach(r -> d.alertsFired.put(OutputStreams.text(r, "alertId"), r));
  }
}
