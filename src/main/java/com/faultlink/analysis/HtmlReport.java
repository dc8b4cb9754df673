package com.faultlink.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analysts' report as one self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched),
 * every label in English and Chinese, as operators write their reports in Chinese: the weekly city table,
 * complaints per 10 000 subscribers by category and month, the golden window, the outages that caused most
 * complaints and the repeat-complainant rate per city.
 */
final class HtmlReport {
  /** Chinese names of Ningxia's cities (the sample and generated data); other regions keep their name. */
  static final Map<String, String> CITY_ZH = Map.of("Yinchuan", "银川", "Shizuishan", "石嘴山", "Wuzhong", "吴忠",
      "Guyuan", "固原", "Zhongwei", "中卫");

  static final String[][] CATEGORIES = {
    {"voicePer10k", "Voice / 语音"}, {"dataPer10k", "Data / 数据"}, {"messagingPer10k", "Messaging / 短信"},
    {"otherPer10k", "Other / 其他"}};

  private static final int TOP_OUTAGES = 10;
  private static final int CURVE_MINUTES = 180;

  private HtmlReport() {}

  static String city(String region) {
    if ("*".equals(region)) {
      return "All cities / 全部地市";
    }
    String zh = CITY_ZH.get(region);
    return zh == null ? region : region + " " + zh;
  }

  static String render(ReportData d, String source) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>FaultLink report ").append(d.from).append(" – ").append(d.to)
        .append(" / 网络故障分析报告</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<header><h1>Network fault report / 网络故障分析报告</h1>")
        .append("<p class=\"period\">Period / 统计周期: <b>").append(d.from).append("</b> – <b>").append(d.to)
        .append("</b> &nbsp;·&nbsp; Outages / 退服次数: <b>").append(String.format(Locale.ROOT, "%,d", d.outages.size()))
        .append("</b> &nbsp;·&nbsp; Complaints / 投诉: <b>").append(String.format(Locale.ROOT, "%,d", d.complaints))
        .append("</b> &nbsp;·&nbsp; Fault complaints / 故障投诉: <b>")
        .append(String.format(Locale.ROOT, "%,d", d.faultComplaints)).append("</b></p>")
        .append("<p class=\"source\">Source / 数据来源: <code>").append(Svg.esc(source)).append("</code></p></header>\n");
    weekly(h, d);
    restored(h, d);
    alerts(h, d);
    per10k(h, d);
    golden(h, d);
    topOutages(h, d);
    repeat(h, d);
    tickets(h, d);
    targets(h, d);
    hotspots(h, d);
    footer(h, d);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  // ------------------------------------------------------------------------------------------ weekly table

  private static void weekly(StringBuilder h, ReportData d) {
    h.append("<section id=\"weekly\"><h2>Weekly city table / 地市周报</h2>")
        .append("<p class=\"note\">ISO weeks (Monday–Sunday); change against the previous week / 按自然周（周一至周日）统计，环比为与上周相比。</p>");
    TreeMap<String, Map<String, JsonNode>> weeks = d.metrics.getOrDefault("week", new TreeMap<>());
    if (weeks.isEmpty()) {
      h.append("<p class=\"empty\">No weekly metrics in this period / 本周期无周统计数据</p></section>\n");
      return;
    }
    List<String> regions = d.regions();
    regions.add("*");
    for (Map.Entry<String, Map<String, JsonNode>> w : weeks.entrySet()) {
      LocalDate start = LocalDate.parse(w.getKey());
      h.append("<h3>Week ").append(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).append(" / 第")
          .append(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).append("周 (").append(start).append(" – ")
          .append(start.plusDays(6)).append(")</h3>");
      h.append("<table class=\"weekly\"><thead><tr><th>City / 地市</th><th>Outages / 退服次数</th>")
          .append("<th>Change / 环比</th><th>Outage hours / 退服时长(小时)</th><th>Change / 环比</th>")
          .append("<th>Fault complaints / 故障投诉</th><th>Change / 环比</th></tr></thead><tbody>");
      for (String region : regions) {
        JsonNode r = w.getValue().get(region);
        if (r == null) {
          continue;
        }
        h.append("<tr").append(region.equals("*") ? " class=\"total\"" : "").append("><td>")
            .append(Svg.esc(city(region))).append("</td>")
            .append(numCell(r, "outages")).append(changeCell(r, "outages", "outagesChangePct"))
            .append(numCell(r, "outageHours")).append(changeCell(r, "outageHours", "outageHoursChangePct"))
            .append(numCell(r, "faultComplaints")).append(changeCell(r, "faultComplaints", "faultComplaintsChangePct"))
            .append("</tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  private static String numCell(JsonNode r, String field) {
    Double v = OutputStreams.number(r, field);
    return "<td class=\"num\">" + (v == null ? "–" : Svg.tick(v)) + "</td>";
  }

  /**
   * Below this previous-period value a change is shown as a difference, not a percentage: +3,200 % on a base of 2
   * says less than "+64 (from 2)" (docs/analysts.md, "The report").
   */
  static final double SMALL_BASE = 10;

  /**
   * A change against the previous period: in percent, or on a small base ({@link #SMALL_BASE}) as the difference
   * with the previous value. The previous value is derived from the current one and the change (both written).
   */
  static String changeCell(JsonNode r, String valueField, String changeField) {
    Double v = OutputStreams.number(r, changeField);
    if (v == null) {
      return "<td class=\"num change\">–</td>";
    }
    String arrow = v > 0 ? "▲ +" : v < 0 ? "▼ " : "";
    Double current = OutputStreams.number(r, valueField);
    if (current != null && v > -100) {
      double previous = current / (1 + v / 100);
      if (previous < SMALL_BASE - 1e-9) {
        double diff = current - previous;
        String cls = Math.abs(diff) < 0.05 ? "flat" : "small";
        return "<td class=\"num change " + cls + "\" title=\"" + String.format(Locale.ROOT, "%+.2f", v) + " %\">"
            + (diff > 0.05 ? "+" : "") + Svg.tick(Math.round(diff * 10) / 10.0) + " (from / 上期 "
            + Svg.tick(Math.round(previous * 10) / 10.0) + ")</td>";
      }
    }
    String cls = v > 0 ? "up" : v < 0 ? "down" : "flat";
    return "<td class=\"num change " + cls + "\">" + arrow + String.format(Locale.ROOT, "%.2f", v) + "%</td>";
  }

  // ---------------------------------------------------------------------------------- complaints per 10k

  private static void per10k(StringBuilder h, ReportData d) {
    h.append("<section id=\"per10k\"><h2>Complaints per 10k subscribers by category and month / 万用户投诉比（按类别、月份）</h2>")
        .append("<p class=\"note\">Whole calendar months overlapping the period / 与统计周期相交的自然月。</p>");
    TreeMap<String, Map<String, JsonNode>> months = d.metrics.getOrDefault("month", new TreeMap<>());
    if (months.isEmpty()) {
      h.append("<p class=\"empty\">No monthly metrics in this period / 本周期无月统计数据</p></section>\n");
      return;
    }
    List<String> regions = d.regions();
    regions.add("*");
    List<Svg.Group> groups = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (String[] c : CATEGORIES) {
      parts.add(c[1]);
    }
    for (String region : regions) {
      List<Svg.Stack> bars = new ArrayList<>();
      for (Map.Entry<String, Map<String, JsonNode>> m : months.entrySet()) {
        JsonNode r = m.getValue().get(region);
        List<Double> values = new ArrayList<>();
        for (String[] c : CATEGORIES) {
          values.add(r == null ? null : OutputStreams.number(r, c[0]));
        }
        bars.add(new Svg.Stack(monthLabel(m.getKey()), values));
      }
      groups.add(new Svg.Group(city(region), bars));
    }
    h.append("<figure>").append(Svg.stackedGroups("Complaints per 10k by category per month / 万用户投诉比",
        groups, parts, "Complaints per 10k / 万用户投诉比")).append("<figcaption>Complaints per 10 000 subscribers, ")
        .append("stacked by category, one bar per month / 每万用户投诉数，按类别堆叠，每月一柱</figcaption></figure>");
    h.append("<table><thead><tr><th>City / 地市</th><th>Month / 月份</th>");
    for (String[] c : CATEGORIES) {
      h.append("<th>").append(c[1]).append("</th>");
    }
    h.append("<th>Complaints per 10k / 万用户投诉比</th></tr></thead><tbody>");
    for (String region : regions) {
      for (Map.Entry<String, Map<String, JsonNode>> m : months.entrySet()) {
        JsonNode r = m.getValue().get(region);
        if (r == null) {
          continue;
        }
        h.append("<tr").append(region.equals("*") ? " class=\"total\"" : "").append("><td>")
            .append(Svg.esc(city(region))).append("</td><td>").append(monthLabel(m.getKey())).append("</td>");
        for (String[] c : CATEGORIES) {
          h.append(numCell(r, c[0]));
        }
        h.append(numCell(r, "complaintsPer10k")).append("</tr>");
      }
    }
    h.append("</tbody></table></section>\n");
  }

  static String monthLabel(String periodStart) {
    LocalDate m = LocalDate.parse(periodStart);
    return m.format(DateTimeFormatter.ofPattern("yyyy-MM")) + " (" + m.getMonthValue() + "月)";
  }

  // --------------------------------------------------------------------------------------- golden window

  private static void golden(StringBuilder h, ReportData d) {
    h.append("<section id=\"golden\"><h2>Golden window / 黄金时间窗</h2>")
        .append("<p class=\"note\">How many complaints an open outage draws per hour, by minutes since it started: ")
        .append("the golden window is the time before complaints take off. / 退服持续期间每小时引发的投诉数随退服时长的变化；")
        .append("黄金时间窗即投诉快速上升之前的时间。</p>");
    ReportData.EmpiricalCurve curve = d.empiricalCurve(CURVE_MINUTES);
    List<JsonNode> windows = d.latestGoldenWindows();
    List<Svg.Marker> markers = new ArrayList<>();
    for (JsonNode g : windows) {
      if ("*".equals(OutputStreams.text(g, "region")) && "*".equals(OutputStreams.text(g, "technology"))) {
        Double w = OutputStreams.number(g, "goldenWindowMinutes");
        if (w != null) {
          markers.add(new Svg.Marker("Golden window / 黄金时间窗 " + Svg.tick(w) + " min", w,
              OutputStreams.number(g, "ciLowMinutes"), OutputStreams.number(g, "ciHighMinutes"), "#c53030"));
        }
      }
    }
    boolean anyRate = curve.perOutageHour().stream().anyMatch(v -> v != null);
    if (anyRate) {
      h.append("<figure>").append(Svg.lines("Golden window chart / 黄金时间窗", curve.minutes(),
          List.of(new Svg.Series("Complaints per open outage per hour / 每个退服每小时投诉数", "#2b6cb0",
              curve.perOutageHour())), markers, "Minutes since the outage started / 退服持续时间(分钟)",
          "Complaints per outage-hour / 投诉数/退服小时"))
          .append("<figcaption>Empirical, from ").append(d.outages.size()).append(" outages of the period and their ")
          .append("fault complaints (")
          .append(ReportData.BIN_MINUTES).append("-minute bins; bins with fewer than 5 outages still open left out)")
          .append(markers.isEmpty() ? "" : "; dashed: the estimated golden window, shaded: its confidence interval")
          .append(" / 实测曲线，基于本周期退服及其故障投诉（每").append(ReportData.BIN_MINUTES)
          .append("分钟一档）").append(markers.isEmpty() ? "" : "；虚线为估计的黄金时间窗，阴影为其置信区间")
          .append("</figcaption></figure>");
    } else {
      h.append("<p class=\"empty\">No outages with complaints in this period / 本周期无引发投诉的退服</p>");
    }
    if (windows.isEmpty()) {
      h.append("<p class=\"empty\">No golden-window estimates in these outputs (no <code>golden-windows</code> records) ")
          .append("/ 输出中暂无黄金时间窗估计</p>");
    } else {
      List<Svg.Interval> rows = new ArrayList<>();
      for (JsonNode g : windows) {
        Double w = OutputStreams.number(g, "goldenWindowMinutes");
        if (w == null) {
          continue;
        }
        String region = OutputStreams.text(g, "region");
        String tech = OutputStreams.text(g, "technology");
        Double outages = OutputStreams.number(g, "outages");
        rows.add(new Svg.Interval(city(region) + " · " + ("*".equals(tech) ? "all / 全部制式" : tech), w,
            OutputStreams.number(g, "ciLowMinutes"), OutputStreams.number(g, "ciHighMinutes"),
            outages == null ? "" : Svg.tick(outages) + " outages"));
      }
      h.append("<figure>").append(Svg.intervals("Golden window per scope / 各地市黄金时间窗", rows,
          "Golden window, minutes (with confidence interval) / 黄金时间窗(分钟，含置信区间)"))
          .append("<figcaption>Latest estimate per city and technology valid by ").append(d.to)
          .append(" / 截至统计周期末各地市、制式的最新估计</figcaption></figure>");
    }
    List<JsonNode> without = d.latestGoldenStatuses().stream()
        .filter(r -> !"estimated".equals(OutputStreams.text(r, "status"))).toList();
    if (!without.isEmpty()) {
      h.append("<table><caption>Scopes without a window of their own, and why / 无自身黄金时间窗的范围及原因</caption>")
          .append("<tr><th>Scope / 范围</th><th>Status / 状态</th><th>Why / 原因</th><th>Uses instead / 改用</th></tr>");
      for (JsonNode r : without) {
        String tech = OutputStreams.text(r, "technology");
        h.append("<tr><td>").append(Svg.esc(city(OutputStreams.text(r, "region")) + " · "
                + ("*".equals(tech) ? "all / 全部制式" : tech)))
            .append("</td><td>").append(Svg.esc(String.valueOf(OutputStreams.text(r, "status"))))
            .append("</td><td>").append(Svg.esc(String.valueOf(OutputStreams.text(r, "reason"))))
            .append("</td><td>").append(Svg.esc(java.util.Objects.toString(OutputStreams.text(r, "appliesInstead"), "-")))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("</section>\n");
  }

  // ---------------------------------------------------------------------------------------- top outages

  private static void topOutages(StringBuilder h, ReportData d) {
    h.append("<section id=\"top-outages\"><h2>Top outages by complaints caused / 引发投诉最多的退服</h2>");
    if (d.outages.isEmpty()) {
      h.append("<p class=\"empty\">No outages in this period / 本周期无退服</p></section>\n");
      return;
    }
    h.append("<table><thead><tr><th>#</th><th>Outage / 退服编号</th><th>Cell / 小区</th><th>City / 地市</th>")
        .append("<th>Technology / 制式</th><th>Start / 开始时间</th><th>Duration / 时长(小时)</th>")
        .append("<th>Complaints / 投诉数</th><th>First complaint after / 首次投诉(分钟)</th></tr></thead><tbody>");
    int n = 0;
    for (JsonNode o : d.outages) {
      if (n++ == TOP_OUTAGES) {
        break;
      }
      String end = OutputStreams.text(o, "end");
      h.append("<tr><td class=\"num\">").append(n).append("</td><td><code>")
          .append(Svg.esc(OutputStreams.text(o, "outageId"))).append("</code></td><td class=\"time\">")
          .append(Svg.esc(OutputStreams.text(o, "cellId"))).append("</td><td>")
          .append(Svg.esc(city(OutputStreams.text(o, "region")))).append("</td><td>")
          .append(Svg.esc(OutputStreams.text(o, "technology"))).append("</td><td class=\"time\">")
          .append(Svg.esc(String.valueOf(OutputStreams.text(o, "start")).replace('T', ' '))).append("</td>")
          .append(hoursCell(OutputStreams.number(o, "durationMinutes"))
              .replace("</td>", end == null ? " (open / 未恢复)</td>" : "</td>"))
          .append(numCell(o, "complaints")).append(numCell(o, "firstComplaintLagMinutes")).append("</tr>");
    }
    h.append("</tbody></table></section>\n");
  }

  // ---------------------------------------------------------------------------------------- repeat rate

  private static void repeat(StringBuilder h, ReportData d) {
    h.append("<section id=\"repeat\"><h2>Repeat-complainant rate per city / 各地市重复投诉率</h2>")
        .append("<p class=\"note\">Customers with two or more complaints in the month, of all who complained ")
        .append("/ 当月投诉两次及以上的用户占投诉用户的比例。</p>");
    TreeMap<String, Map<String, JsonNode>> months = d.metrics.getOrDefault("month", new TreeMap<>());
    if (months.isEmpty()) {
      h.append("<p class=\"empty\">No monthly metrics in this period / 本周期无月统计数据</p></section>\n");
      return;
    }
    List<String> regions = d.regions();
    regions.add("*");
    List<String> groups = regions.stream().map(HtmlReport::city).toList();
    List<Svg.Series> series = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Map<String, JsonNode>> m : months.entrySet()) {
      List<Double> values = new ArrayList<>();
      for (String region : regions) {
        JsonNode r = m.getValue().get(region);
        values.add(r == null ? null : OutputStreams.number(r, "repeatComplaintRatePct"));
      }
      series.add(new Svg.Series(monthLabel(m.getKey()), Svg.PALETTE[i++ % Svg.PALETTE.length], values));
    }
    h.append("<figure>").append(Svg.groupedBars("Repeat-complainant rate / 重复投诉率", groups, series,
        "Repeat-complainant rate % / 重复投诉率 %")).append("<figcaption>Repeat-complainant rate per city and month ")
        .append("/ 各地市每月重复投诉率</figcaption></figure>");
    h.append("<table><thead><tr><th>City / 地市</th><th>Month / 月份</th><th>Complainants / 投诉用户数</th>")
        .append("<th>Repeat complainants / 重复投诉用户数</th><th>Repeat-complainant rate / 重复投诉率 %</th>")
        .append("</tr></thead><tbody>");
    for (String region : regions) {
      for (Map.Entry<String, Map<String, JsonNode>> m : months.entrySet()) {
        JsonNode r = m.getValue().get(region);
        if (r == null) {
          continue;
        }
        h.append("<tr").append(region.equals("*") ? " class=\"total\"" : "").append("><td>")
            .append(Svg.esc(city(region))).append("</td><td>").append(monthLabel(m.getKey())).append("</td>")
            .append(numCell(r, "complainants")).append(numCell(r, "repeatComplainants"))
            .append(numCell(r, "repeatComplaintRatePct")).append("</tr>");
      }
    }
    h.append("</tbody></table></section>\n");
  }

  /** A duration given in minutes, shown in hours to one decimal (2296.72 min: 38.3 h). */
  static String hoursCell(Double minutes) {
    return "<td class=\"num\">" + (minutes == null ? "–" : String.format(Locale.ROOT, "%,.1f h", minutes / 60))
        + "</td>";
  }

  // ------------------------------------------------------------------------------ restored within the window

  private static void restored(StringBuilder h, ReportData d) {
    h.append("<section id=\"restored\"><h2>Restored within the golden window / 黄金时间窗内恢复率</h2>")
        .append("<p class=\"note\">Of the unplanned outages that started in the period and whose outcome is known, ")
        .append("the share restored inside the golden window in force at their start / 本期开始、结果已知的非计划退服中，")
        .append("在其开始时生效的黄金时间窗内恢复的比例。</p>");
    TreeMap<String, Map<String, JsonNode>> weeks = d.metrics.getOrDefault("week", new TreeMap<>());
    if (weeks.isEmpty()) {
      h.append("<p class=\"empty\">No weekly metrics in this period / 本周期无周统计数据</p></section>\n");
      return;
    }
    List<String> regions = d.regions();
    regions.add("*");
    List<Svg.Series> series = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Map<String, JsonNode>> w : weeks.entrySet()) {
      List<Double> values = new ArrayList<>();
      for (String region : regions) {
        JsonNode r = w.getValue().get(region);
        values.add(r == null ? null : OutputStreams.number(r, "restoredInWindowPct"));
      }
      series.add(new Svg.Series(weekLabel(w.getKey()), Svg.PALETTE[i++ % Svg.PALETTE.length], values));
    }
    h.append("<figure>").append(Svg.groupedBars("Restored within the golden window / 黄金时间窗内恢复率",
        regions.stream().map(HtmlReport::city).toList(), series, "Restored in window % / 窗内恢复率 %"))
        .append("<figcaption>Per city and ISO week / 各地市每周</figcaption></figure>");
    h.append("<table class=\"restored\"><thead><tr><th>City / 地市</th>");
    for (String week : weeks.keySet()) {
      h.append("<th>").append(weekLabel(week)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (String region : regions) {
      h.append("<tr").append(region.equals("*") ? " class=\"total\"" : "").append("><td>")
          .append(Svg.esc(city(region))).append("</td>");
      for (Map<String, JsonNode> rows : weeks.values()) {
        JsonNode r = rows.get(region);
        Double v = r == null ? null : OutputStreams.number(r, "restoredInWindowPct");
        h.append("<td class=\"num\">").append(v == null ? "–" : Svg.tick(v) + " %").append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table><p class=\"note\">– : no unplanned outage with a known outcome / 无结果已知的非计划退服</p>")
        .append("</section>\n");
  }

  static String weekLabel(String periodStart) {
    LocalDate start = LocalDate.parse(periodStart);
    int week = start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return "W" + week + " (" + start.format(DateTimeFormatter.ofPattern("MM-dd")) + ")";
  }

  // ---------------------------------------------------------------------------------------------- alerts

  /**
   * The alert types in the report's order. A type with no alert in the period gets no column, so a type that
   * other parts add (incidents: {@code INCIDENT}) shows up once its alerts exist.
   */
  static final String[][] ALERT_TYPES = {
      {"GOLDEN_WINDOW_BREACHED", "Breached / 超时"}, {"GOLDEN_WINDOW_AT_RISK", "At risk / 预警"},
      {"MASS_OUTAGE", "Mass outage / 批量退服"}, {"COMPLAINT_BURST", "Complaint burst / 投诉突增"},
      {"INCIDENT", "Incident / 故障事件"}};

  private static void alerts(StringBuilder h, ReportData d) {
    h.append("<section id=\"alerts\"><h2>Alerts / 告警</h2>")
        .append("<p class=\"note\">Alerts that fired in the period, per city and type; mass outages and complaint ")
        .append("bursts one by one, with how long they lasted / 本期触发的告警（按地市、类型）；批量退服与投诉突增逐条列出及持续时长。</p>");
    if (d.alertsFired.isEmpty()) {
      h.append("<p class=\"empty\">No alerts in this period / 本周期无告警</p></section>\n");
      return;
    }
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    java.util.Set<String> types = new java.util.HashSet<>();
    for (JsonNode a : d.alertsFired.values()) {
      String type = OutputStreams.text(a, "type");
      types.add(type);
      counts.computeIfAbsent(OutputStreams.text(a, "region"), k -> new TreeMap<>()).merge(type, 1, Integer::sum);
    }
    List<String[]> shown = new ArrayList<>();
    for (String[] t : ALERT_TYPES) {
      if (types.contains(t[0])) {
        shown.add(t);
      }
    }
    for (String type : new java.util.TreeSet<>(types)) {
      if (shown.stream().noneMatch(t -> t[0].equals(type))) {
        shown.add(new String[] {type, type}); // a type this report does not know yet: shown by its name
      }
    }
    h.append("<table class=\"alerts\"><thead><tr><th>City / 地市</th>");
    shown.forEach(t -> h.append("<th>").append(Svg.esc(t[1])).append("</th>"));
    h.append("</tr></thead><tbody>");
    Map<String, Integer> total = new TreeMap<>();
    for (Map.Entry<String, Map<String, Integer>> c : counts.entrySet()) {
      h.append("<tr><td>").append(Svg.esc(city(c.getKey()))).append("</td>");
      for (String[] t : shown) {
        int n = c.getValue().getOrDefault(t[0], 0);
        total.merge(t[0], n, Integer::sum);
        h.append("<td class=\"num\">").append(n).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("<tr class=\"total\"><td>").append(city("*")).append("</td>");
    shown.forEach(t -> h.append("<td class=\"num\">").append(total.getOrDefault(t[0], 0)).append("</td>"));
    h.append("</tr></tbody></table>");
    List<JsonNode> episodes = d.alertsFired.values().stream().filter(a -> !String.valueOf(OutputStreams.text(a, "type"))
        .startsWith("GOLDEN_WINDOW_")).toList();
    if (!episodes.isEmpty()) {
      h.append("<table class=\"episodes\"><thead><tr><th>Type / 类型</th><th>City / 地市</th><th>Fired / 触发时间</th>")
          .append("<th>What / 内容</th><th>Lasted / 持续(小时)</th></tr></thead><tbody>");
      for (JsonNode a : episodes) {
        String type = OutputStreams.text(a, "type");
        String label = java.util.Arrays.stream(ALERT_TYPES).filter(t -> t[0].equals(type)).map(t -> t[1]).findFirst()
            .orElse(type);
        JsonNode resolved = d.alertsResolved.get(OutputStreams.text(a, "alertId"));
        h.append("<tr><td>").append(Svg.esc(label)).append("</td><td>")
            .append(Svg.esc(city(OutputStreams.text(a, "region")))).append("</td><td class=\"time\">")
            .append(Svg.esc(String.valueOf(OutputStreams.text(a, "at")).replace('T', ' '))).append("</td><td>")
            .append(Svg.esc(String.valueOf(OutputStreams.text(a, "summary")))).append("</td>")
            .append(resolved == null ? "<td class=\"num\">open / 未恢复</td>"
                : hoursCell(lastedMinutes(a, resolved)))
            .append("</tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  /** The resolution's durationMinutes, or (outputs written before it existed) the time between the two records. */
  private static Double lastedMinutes(JsonNode fired, JsonNode resolved) {
    Double written = OutputStreams.number(resolved, "durationMinutes");
    if (written != null) {
      return written;
    }
    try {
      return java.time.Duration.between(java.time.OffsetDateTime.parse(OutputStreams.text(fired, "at")),
          java.time.OffsetDateTime.parse(OutputStreams.text(resolved, "at"))).toMillis() / 60_000.0;
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------- footer

  /** What made the page: the build's version and the run's config (file and hash) from run-summary.json. */
  private static void footer(StringBuilder h, ReportData d) {
    h.append("<footer>FaultLink ");
    JsonNode s = d.runSummary;
    String version = s == null ? null : OutputStreams.text(s, "version");
    h.append(Svg.esc(version != null ? version : com.faultlink.runtime.RunSummary.version()));
    if (s != null && OutputStreams.text(s, "configFile") != null) {
      String sha = OutputStreams.text(s, "configSha256");
      h.append(" · config / 配置 <code>").append(Svg.esc(OutputStreams.text(s, "configFile"))).append("</code>");
      if (sha != null) {
        h.append(" (sha256 <code>").append(Svg.esc(sha.substring(0, Math.min(12, sha.length())))).append("</code>)");
      }
      String ended = OutputStreams.text(s, "endedAt");
      if (ended != null) {
        h.append(" · run ended / 运行结束 ").append(Svg.esc(ended.length() > 19 ? ended.substring(0, 19)
            .replace('T', ' ') : ended));
      }
    } else {
      h.append(" · config / 配置: unknown (no run-summary.json in the outputs / 输出中无 run-summary.json)");
    }
    h.append(" · generated / 生成于 ").append(LocalDate.now()).append("</footer>\n");
  }

  // ------------------------------------------------------------------------------- KPI targets: red lights

  /**
   * Per city and period (months, then ISO weeks), each configured target with its value and a light: red where the
   * target was missed (亮红灯), green where met, grey where the figure has no value. Read from the metrics records'
   * {@code targets} objects, so the report shows whatever the run was configured with.
   */
  private static void targets(StringBuilder h, ReportData d) {
    h.append("<section id=\"targets\"><h2>KPI targets per city / 各地市指标达标情况</h2>")
        .append("<p class=\"note\">● red: target missed (亮红灯) · ● green: met (达标) · ○ no value (无数据). ")
        .append("Targets as configured for the run (<code>targets</code>) / 目标值取自运行配置。</p>");
    boolean any = false;
    for (String kind : List.of("month", "week")) {
      TreeMap<String, Map<String, JsonNode>> periods = d.metrics.getOrDefault(kind, new TreeMap<>());
      List<String> metricNames = new ArrayList<>();
      for (Map<String, JsonNode> rows : periods.values()) {
        for (JsonNode r : rows.values()) {
          JsonNode t = r.get("targets");
          if (t != null && t.isObject()) {
            t.fieldNames().forEachRemaining(n -> {
              if (!metricNames.contains(n)) {
                metricNames.add(n);
              }
            });
          }
        }
      }
      if (metricNames.isEmpty()) {
        continue;
      }
      any = true;
      List<String> regions = d.regions();
      regions.add("*");
      h.append("<h3>").append(kind.equals("month") ? "Months / 月度" : "ISO weeks / 周度").append("</h3>")
          .append("<table class=\"targets\"><thead><tr><th>City / 地市</th><th>")
          .append(kind.equals("month") ? "Month / 月份" : "Week / 周").append("</th>");
      for (String m : metricNames) {
        h.append("<th>").append(Svg.esc(m)).append("</th>");
      }
      h.append("</tr></thead><tbody>");
      for (String region : regions) {
        for (Map.Entry<String, Map<String, JsonNode>> p : periods.entrySet()) {
          JsonNode r = p.getValue().get(region);
          if (r == null) {
            continue;
          }
          String label = kind.equals("month") ? monthLabel(p.getKey())
              : "W" + LocalDate.parse(p.getKey()).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " " + p.getKey();
          h.append("<tr").append(region.equals("*") ? " class=\"total\"" : "").append("><td>")
              .append(Svg.esc(city(region))).append("</td><td class=\"time\">").append(label).append("</td>");
          for (String m : metricNames) {
            h.append(lightCell(r.get("targets") == null ? null : r.get("targets").get(m)));
          }
          h.append("</tr>");
        }
      }
      h.append("</tbody></table>");
    }
    if (!any) {
      h.append("<p class=\"empty\">No targets configured for this run / 本次运行未配置考核目标</p>");
    }
    h.append("</section>\n");
  }

  private static String lightCell(JsonNode check) {
    if (check == null || !check.isObject()) {
      return "<td class=\"num\">–</td>";
    }
    Double value = OutputStreams.number(check, "value");
    Double target = OutputStreams.number(check, "target");
    JsonNode met = check.get("met");
    String bound = (("max".equals(OutputStreams.text(check, "op"))) ? "≤ " : "≥ ") + (target == null ? "?" : Svg.tick(target));
    if (met == null || met.isNull() || value == null) {
      return "<td class=\"num light none\" title=\"" + Svg.esc(bound) + "\">○ – <small>" + Svg.esc(bound)
          + "</small></td>";
    }
    boolean ok = met.asBoolean();
    return "<td class=\"num light " + (ok ? "met" : "missed") + "\">" + "● " + Svg.tick(value)
        + " <small>" + Svg.esc(bound) + (ok ? "" : " 未达标") + "</small></td>";
  }

  // ---------------------------------------------------------------------------------------- hotspots

  private static final int REPORT_HOTSPOTS = 5;

  /** Per ISO week and city, the top cells and sites by complaints no outage explains. */
  private static void hotspots(StringBuilder h, ReportData d) {
    h.append("<section id=\"hotspots\"><h2>Weekly hotspots / 每周投诉热点</h2>")
        .append("<p class=\"note\">Cells and sites ranked by complaints that no outage explains (coverage or ")
        .append("capacity problems, not faults), top ").append(REPORT_HOTSPOTS).append(" per city and week ")
        .append("/ 无故障可解释的投诉最多的小区与基站（覆盖或容量问题），每地市每周前").append(REPORT_HOTSPOTS).append("名。</p>");
    if (d.hotspots.isEmpty()) {
      h.append("<p class=\"empty\">No hotspots in this period / 本周期无热点</p></section>\n");
      return;
    }
    TreeMap<String, TreeMap<String, List<JsonNode>>> byWeek = new TreeMap<>();
    for (JsonNode r : d.hotspots) {
      byWeek.computeIfAbsent(OutputStreams.text(r, "weekStart"), k -> new TreeMap<>())
          .computeIfAbsent(OutputStreams.text(r, "region"), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, TreeMap<String, List<JsonNode>>> w : byWeek.entrySet()) {
      LocalDate start = LocalDate.parse(w.getKey());
      h.append("<h3>Hotspots, week ").append(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).append(" / 第")
          .append(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).append("周热点 (").append(start).append(" – ")
          .append(start.plusDays(6)).append(")</h3>")
          .append("<table class=\"hotspots\"><thead><tr><th>City / 地市</th><th>Rank / 排名</th>")
          .append("<th>Cell / 小区</th><th>Technology / 制式</th><th>Complaints / 投诉</th>")
          .append("<th>Site / 基站</th><th>Cells / 小区数</th><th>Complaints / 投诉</th></tr></thead><tbody>");
      for (Map.Entry<String, List<JsonNode>> region : w.getValue().entrySet()) {
        List<JsonNode> cellRows = ranked(region.getValue(), "cell");
        List<JsonNode> siteRows = ranked(region.getValue(), "site");
        int rows = Math.min(REPORT_HOTSPOTS, Math.max(cellRows.size(), siteRows.size()));
        for (int i = 0; i < rows; i++) {
          JsonNode c = i < cellRows.size() ? cellRows.get(i) : null;
          JsonNode s = i < siteRows.size() ? siteRows.get(i) : null;
          h.append("<tr><td>").append(i == 0 ? Svg.esc(city(region.getKey())) : "").append("</td><td class=\"num\">")
              .append(i + 1).append("</td><td><code>").append(c == null ? "" : Svg.esc(OutputStreams.text(c, "id")))
              .append("</code></td><td>").append(c == null ? "" : Svg.esc(String.valueOf(OutputStreams.text(c, "technology"))))
              .append("</td>").append(c == null ? "<td></td>" : numCell(c, "complaints"))
              .append("<td><code>").append(s == null ? "" : Svg.esc(OutputStreams.text(s, "id"))).append("</code></td>")
              .append(s == null ? "<td></td>" : numCell(s, "cells"))
              .append(s == null ? "<td></td>" : numCell(s, "complaints")).append("</tr>");
        }
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  private static List<JsonNode> ranked(List<JsonNode> rows, String level) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : rows) {
      if (level.equals(OutputStreams.text(r, "level"))) {
        out.add(r);
      }
    }
    out.sort(java.util.Comparator.comparingDouble(r -> OutputStreams.number(r, "rank")));
    return out;
  }

  // ---------------------------------------------------------------------------------- ticket timeliness

  private static void tickets(StringBuilder h, ReportData d) {
    h.append("<section id=\"tickets\"><h2>Ticket timeliness per city and tier / 各地市工单及时率（按响应等级）</h2>")
        .append("<p class=\"note\">Tickets whose deadline fell in the period, the share resolved by it, the mean ")
        .append("time to resolve, and the tickets overdue at the end of the last day ")
        .append("/ 本周期到期工单、按时解决率、平均解决时长及周期末超时未结工单。</p>");
    TicketTimeliness t = d.tickets;
    if (t.isEmpty()) {
      h.append("<p class=\"empty\">No ticket lifecycle in this run (tickets.lifecycle is off) ")
          .append("/ 本次运行未读取工单状态</p></section>\n");
      return;
    }
    List<String> regions = new ArrayList<>();
    t.rows.keySet().stream().filter(r -> !r.equals("*")).forEach(regions::add);
    if (t.rows.containsKey("*")) {
      regions.add("*");
    }
    List<String> groups = regions.stream().map(HtmlReport::city).toList();
    List<Svg.Series> series = new ArrayList<>();
    int i = 0;
    for (String tier : t.tiers) {
      List<Double> values = new ArrayList<>();
      for (String region : regions) {
        TicketTimeliness.Row row = t.rows.get(region).get(tier);
        values.add(row == null ? null : row.onTimeRatePct());
      }
      series.add(new Svg.Series(tier, Svg.PALETTE[i++ % Svg.PALETTE.length], values));
    }
    h.append("<figure>").append(Svg.groupedBars("On-time rate / 按时解决率", groups, series,
        "On-time rate % / 按时解决率 %")).append("<figcaption>Tickets resolved by their deadline, per city and tier ")
        .append("/ 各地市各等级工单按时解决率</figcaption></figure>");
    h.append("<table><thead><tr><th>City / 地市</th><th>Tier / 等级</th><th>Due / 到期</th>")
        .append("<th>On time / 按时解决</th><th>On-time rate / 按时率 %</th><th>Resolved / 已解决</th>")
        .append("<th>Mean hours to resolve / 平均解决时长 h</th><th>Overdue at end / 期末超时未结</th>")
        .append("</tr></thead><tbody>");
    for (String region : regions) {
      for (String tier : t.tiers) {
        TicketTimeliness.Row row = t.rows.get(region).get(tier);
        if (row == null) {
          continue;
        }
        h.append("<tr").append(region.equals("*") ? " class=\"total\"" : "").append("><td>")
            .append(Svg.esc(city(region))).append("</td><td>").append(Svg.esc(tier)).append("</td>")
            .append(num(row.due)).append(num(row.onTime)).append(num(row.onTimeRatePct()))
            .append(num(row.resolved)).append(num(row.meanResolutionHours()))
            .append(num(row.overdueAtEnd)).append("</tr>");
      }
    }
    h.append("</tbody></table></section>\n");
  }

  private static String num(Number v) {
    return "<td class=\"num\">" + (v == null ? "–" : Svg.tick(v.doubleValue())) + "</td>";
  }

  static final String CSS = """
      body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","Microsoft YaHei","PingFang SC",\
      "Helvetica Neue",Arial,sans-serif;margin:0 auto;max-width:1100px;padding:24px 32px;color:#1a202c;\
      background:#fff;line-height:1.45}
      header{border-bottom:3px solid #2b6cb0;margin-bottom:12px}
      h1{font-size:26px;margin:0 0 6px}h2{font-size:20px;margin:28px 0 6px;color:#2c5282}
      h3{font-size:15px;margin:16px 0 6px;color:#2d3748}
      .period{font-size:14px;margin:4px 0}.source{font-size:12px;color:#718096;margin:2px 0 10px}
      .note{font-size:13px;color:#4a5568;margin:2px 0 8px}.empty{color:#a0aec0;font-style:italic}
      table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0 14px}
      th,td{border:1px solid #e2e8f0;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#edf2f7;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      tr.total td{font-weight:700;background:#f7fafc}
      td.up{color:#c53030}td.down{color:#2f855a}td.flat{color:#4a5568}td.small{color:#4a5568;font-style:italic}
      td.light.missed{color:#c53030;font-weight:700;background:#fff5f5}td.light.met{color:#2f855a}td.light.none{color:#a0aec0}
      td.light small{font-weight:400;color:#718096}
      figure{margin:8px 0 14px}figure svg{width:100%;height:auto;display:block}
      figcaption{font-size:12px;color:#4a5568;margin-top:2px}
      svg text{font-family:inherit}svg .tick{font-size:12px;fill:#4a5568}svg .axis{font-size:13px;fill:#2d3748}
      svg .group{font-size:13px;fill:#1a202c;font-weight:600}svg .legend{font-size:13px;fill:#2d3748}
      svg .value{font-size:11px;fill:#2d3748}svg .marker{font-size:12px;font-weight:600}
      svg .grid{stroke:#e2e8f0;stroke-width:1}
      code{font-size:12px;white-space:nowrap}td.time{white-space:nowrap}footer{margin-top:30px;font-size:12px;color:#a0aec0;border-top:1px solid #e2e8f0;padding-top:6px}
      @media print{body{padding:0}section{break-inside:avoid}}
      """;
}
