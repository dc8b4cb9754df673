package com.faultlink.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures one run is compared by, read from its output streams: how many complaints were attributed to an
 * outage, how many outages drew complaints, bursts, golden windows, burst thresholds, alerts by type and per
 * week, the pooled golden window and each city's latest fitted window with its status. Absent or empty streams
 * count as zero.
 */
public record RunFigures(
    long complaints,
    long attributed,
    long outages,
    long outagesWithComplaints,
    long goldenWindows,
    long burstThresholds,
    Map<String, Long> alertsByType,
    double weeks,
    Double pooledGoldenWindowMinutes,
    Map<String, String> regionWindows) {

  /** Alert types the table always shows (others, should a build add them, are added after these). */
  static final String[] ALERT_TYPES = {"COMPLAINT_BURST", "GOLDEN_WINDOW_AT_RISK", "GOLDEN_WINDOW_BREACHED", "MASS_OUTAGE"};

  public static RunFigures read(OutputStreams out) {
    long[] complaints = new long[2];
    out.forEach("attributions", r -> {
      complaints[0]++;
      if (OutputStreams.text(r, "outageId") != null) {
        complaints[1]++;
      }
    });
    long[] outages = new long[2];
    out.forEach("outage-impacts", r -> {
      outages[0]++;
      Double n = OutputStreams.number(r, "complaints");
      if (n != null && n > 0) {
        outages[1]++;
      }
    });
    long[] golden = new long[1];
    // The pooled scope's latest window: how the window moves with the golden.* keys (null: never published).
    String[] pooledFrom = {null};
    Double[] pooled = {null};
    out.forEach("golden-windows", r -> {
      golden[0]++;
      String from = OutputStreams.text(r, "validFrom");
      if ("*".equals(OutputStreams.text(r, "region")) && "*".equals(OutputStreams.text(r, "technology"))
          && from != null && (pooledFrom[0] == null || from.compareTo(pooledFrom[0]) > 0)) {
        pooledFrom[0] = from;
        pooled[0] = OutputStreams.number(r, "goldenWindowMinutes");
      }
    });
    // Each city's latest fitted window and its status, published or not: a step city's window stays put as
    // golden.explosionRatio moves, a steadily rising city's moves with it (docs/golden-window.md).
    Map<String, String> regionFrom = new TreeMap<>();
    Map<String, String> regionWindows = new TreeMap<>();
    out.forEach("golden-window-table", r -> {
      String region = OutputStreams.text(r, "region");
      String from = OutputStreams.text(r, "validFrom");
      if (region == null || "*".equals(region) || !"*".equals(OutputStreams.text(r, "technology")) || from == null
          || (regionFrom.containsKey(region) && from.compareTo(regionFrom.get(region)) <= 0)) {
        return;
      }
      regionFrom.put(region, from);
      Double w = OutputStreams.number(r, "goldenWindowMinutes");
      regionWindows.put(region, (w == null ? "" : round2(w) + " ") + OutputStreams.text(r, "status"));
    });
    long[] thresholds = new long[1];
    out.forEach("burst-thresholds", r -> thresholds[0]++);
    // An alert is one fact: its firing record (a resolution is a later record with the same alertId).
    Map<String, Long> byType = new LinkedHashMap<>();
    for (String t : ALERT_TYPES) {
      byType.put(t, 0L);
    }
    Set<String> seen = new HashSet<>();
    out.forEach("alerts", r -> {
      String id = OutputStreams.text(r, "alertId");
      if ("resolved".equals(OutputStreams.text(r, "status")) || (id != null && !seen.add(id))) {
        return;
      }
      byType.merge(String.valueOf(OutputStreams.text(r, "type")), 1L, Long::sum);
    });
    long[] days = new long[1];
    out.forEach("metrics", r -> {
      if ("*".equals(OutputStreams.text(r, "region")) && "day".equals(OutputStreams.text(r, "period"))) {
        days[0]++;
      }
    });
    return new RunFigures(complaints[0], complaints[1], outages[0], outages[1], golden[0], thresholds[0], byType,
        days[0] / 7.0, pooled[0], regionWindows);
  }

  public double attributedPct() {
    return complaints == 0 ? 0 : 100.0 * attributed / complaints;
  }

  public long alerts() {
    return alertsByType.values().stream().mapToLong(Long::longValue).sum();
  }

  public long bursts() {
    return alertsByType.getOrDefault("COMPLAINT_BURST", 0L);
  }

  /** Alerts per week of data (the metrics' days); 0 without days. */
  public double alertsPerWeek() {
    return weeks <= 0 ? 0 : alerts() / weeks;
  }

  /** The figures by column name, in the comparison table's order. */
  public Map<String, Object> columns() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("complaints", complaints);
    c.put("attributed", attributed);
    c.put("attributedPct", round2(attributedPct()));
    c.put("outages", outages);
    c.put("outagesWithComplaints", outagesWithComplaints);
    c.put("bursts", bursts());
    c.put("goldenWindows", goldenWindows);
    c.put("burstThresholds", burstThresholds);
    c.put("alerts", alerts());
    c.put("alertsPerWeek", round2(alertsPerWeek()));
    alertsByType.forEach((type, n) -> c.put("alerts." + type, n));
    c.put("pooledGoldenWindowMinutes", pooledGoldenWindowMinutes);
    regionWindows.forEach((region, w) -> c.put("goldenWindow." + region, w));
    return c;
  }

  static double round2(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
  }
}
