package com.faultlink.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts for the HTML report, drawn here so that the report needs nothing from outside
 * (no JavaScript, no CDN): grouped and stacked bars, a line chart with marked ranges, interval bars.
 */
final class Svg {
  static final String[] PALETTE = {"#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795", "#718096",
    "#b7791f", "#c53030", "#2c5282"};

  private Svg() {}

  /** One series of bars or a line: a label and one value per x position (null: no value). */
  record Series(String label, String color, List<Double> values) {}

  /** A bar made of stacked parts, with a label under it. */
  record Stack(String label, List<Double> parts) {}

  /** A group of bars under one x label. */
  record Group(String label, List<Stack> bars) {}

  /** An interval on the x axis to mark: a line at {@code at}, a band from {@code low} to {@code high}. */
  record Marker(String label, double at, Double low, Double high, String color) {}

  /** A row of an interval chart: a point with its confidence interval. */
  record Interval(String label, double value, Double low, Double high, String note) {}

  private static final int W = 1000;

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * The smallest round step (1, 2 or 5 times a power of ten) at least {@code rough}: axis ticks at its multiples
   * read as 0, 20, 40 rather than 0, 24, 48.
   */
  static double niceStep(double rough) {
    if (rough <= 0 || Double.isNaN(rough)) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double f : new double[] {1, 2, 5, 10}) {
      if (f * mag >= rough * (1 - 1e-9)) {
        return f * mag;
      }
    }
    return 10 * mag;
  }

  /** An axis top for values up to {@code max}: a multiple of the round step that gives at most 5 intervals. */
  static double niceMax(double max) {
    if (max <= 0 || Double.isNaN(max)) {
      return 1;
    }
    double step = niceStep(max / 5);
    return Math.ceil(max / step * (1 - 1e-12)) * step;
  }

  static String tick(double v) {
    if (v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
  }

  /**
   * Groups of bars, each bar stacked from parts (one color per part: {@code partLabels}), with the axis title
   * {@code yTitle}. A group per city with a bar per month, say.
   */
  static String stackedGroups(String aria, List<Group> groups, List<String> partLabels, String yTitle) {
    int left = 70;
    int right = 20;
    int top = 20;
    int plotH = 260;
    int bottom = 70;
    int legendH = 28;
    int bars = groups.stream().mapToInt(g -> g.bars().size()).sum();
    double max = 0;
    for (Group g : groups) {
      for (Stack s : g.bars()) {
        max = Math.max(max, s.parts().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sum());
      }
    }
    double yMax = niceMax(max);
    int plotW = W - left - right;
    double gap = 18;
    double slot = (plotW - gap * (groups.size() + 1)) / Math.max(1, bars);
    double barW = Math.min(60, slot * 0.8);
    StringBuilder s = header(aria, top + plotH + bottom + legendH);
    axes(s, left, top, plotW, plotH, yMax, yTitle);
    double x = left + gap;
    for (Group g : groups) {
      double groupStart = x;
      for (Stack b : g.bars()) {
        double y = top + plotH;
        for (int i = 0; i < b.parts().size(); i++) {
          Double v = b.parts().get(i);
          if (v == null || v <= 0) {
            continue;
          }
          double h = v / yMax * plotH;
          y -= h;
          s.append(String.format(Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
              x + (slot - barW) / 2, y, barW, h, PALETTE[i % PALETTE.length], esc(g.label()), esc(b.label()) + " "
                  + esc(partLabels.get(i)), tick(Math.round(v * 100) / 100.0)));
        }
        s.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
            x + slot / 2, top + plotH + 14, esc(b.label())));
        x += slot;
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"group\" text-anchor=\"middle\">%s</text>",
          (groupStart + x) / 2, top + plotH + 36, esc(g.label())));
      x += gap;
    }
    legend(s, partLabels, left, top + plotH + bottom);
    return s.append("</svg>").toString();
  }

  /** Bars side by side: one group per x label, one bar per series. */
  static String groupedBars(String aria, List<String> groups, List<Series> series, String yTitle) {
    List<Group> gs = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      List<Stack> bars = new ArrayList<>();
      for (Series se : series) {
        bars.add(new Stack(se.label(), List.of(se.values().get(g) == null ? 0.0 : se.values().get(g))));
      }
      gs.add(new Group(groups.get(g), bars));
    }
    // One color per series: draw with the series as "parts" positions.
    int left = 70;
    int right = 20;
    int top = 20;
    int plotH = 240;
    int bottom = 50;
    int legendH = 28;
    double max = 0;
    for (Series se : series) {
      for (Double v : se.values()) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    double yMax = niceMax(max);
    int plotW = W - left - right;
    double gap = 24;
    double groupW = (plotW - gap * (groups.size() + 1)) / Math.max(1, groups.size());
    double barW = Math.min(40, groupW / Math.max(1, series.size()) * 0.85);
    StringBuilder s = header(aria, top + plotH + bottom + legendH);
    axes(s, left, top, plotW, plotH, yMax, yTitle);
    double x = left + gap;
    for (int g = 0; g < groups.size(); g++) {
      double inner = barW * series.size();
      double bx = x + (groupW - inner) / 2;
      for (int i = 0; i < series.size(); i++) {
        Double v = series.get(i).values().get(g);
        if (v != null) {
          double h = v / yMax * plotH;
          s.append(String.format(Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
              bx, top + plotH - h, barW * 0.92, h, series.get(i).color(), esc(groups.get(g)),
              esc(series.get(i).label()), tick(v)));
          if (barW >= 22) {
            s.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" class=\"value\" text-anchor=\"middle\">%s</text>",
                bx + barW * 0.46, top + plotH - h - 3, tick(v)));
          }
        }
        bx += barW;
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"group\" text-anchor=\"middle\">%s</text>",
          x + groupW / 2, top + plotH + 20, esc(groups.get(g))));
      x += groupW + gap;
    }
    List<String> labels = series.stream().map(Series::label).toList();
    List<String> colors = series.stream().map(Series::color).toList();
    legend(s, labels, colors, left, top + plotH + bottom);
    return s.append("</svg>").toString();
  }

  /** Lines over a numeric x axis, with optional marked ranges (a golden window and its interval). */
  static String lines(String aria, List<Double> xs, List<Series> series, List<Marker> markers, String xTitle,
      String yTitle) {
    int left = 70;
    int right = 20;
    int top = 20;
    int plotH = 280;
    int bottom = 60;
    int legendH = 28;
    double max = 0;
    for (Series se : series) {
      for (Double v : se.values()) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    double yMax = niceMax(max);
    // The axis starts at 0 (points are bin centres) and ends half a bin after the last point.
    double xMin = xs.isEmpty() ? 0 : Math.min(0, xs.get(0));
    double xMax = xs.isEmpty() ? 1 : xs.size() < 2 ? xs.get(0) + 1
        : xs.get(xs.size() - 1) + (xs.get(xs.size() - 1) - xs.get(xs.size() - 2)) / 2;
    int plotW = W - left - right;
    StringBuilder s = header(aria, top + plotH + bottom + legendH);
    for (Marker m : markers) {
      if (m.low() != null && m.high() != null) {
        double x1 = xPos(Math.max(xMin, m.low()), xMin, xMax, left, plotW);
        double x2 = xPos(Math.min(xMax, m.high()), xMin, xMax, left, plotW);
        s.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.15\"/>",
            x1, top, Math.max(1, x2 - x1), plotH, m.color()));
      }
    }
    axes(s, left, top, plotW, plotH, yMax, yTitle);
    double step = niceStep((xMax - xMin) / 8);
    for (double t = Math.ceil(xMin / step) * step; t <= xMax + 1e-9; t += step) {
      double x = xPos(t, xMin, xMax, left, plotW);
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
          x, top + plotH + 16, tick(t)));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
        left + plotW / 2, top + plotH + 40, esc(xTitle)));
    for (Series se : series) {
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < xs.size(); i++) {
        Double v = se.values().get(i);
        if (v == null) {
          continue;
        }
        path.append(path.length() == 0 ? "M" : "L").append(num(xPos(xs.get(i), xMin, xMax, left, plotW))).append(',')
            .append(num(top + plotH - v / yMax * plotH));
      }
      s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(se.color())
          .append("\" stroke-width=\"2.5\"/>");
      for (int i = 0; i < xs.size(); i++) {
        Double v = se.values().get(i);
        if (v != null) {
          s.append(String.format(Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s min: %s</title></circle>",
              xPos(xs.get(i), xMin, xMax, left, plotW), top + plotH - v / yMax * plotH, se.color(),
              tick(xs.get(i)), tick(Math.round(v * 100) / 100.0)));
        }
      }
    }
    for (Marker m : markers) {
      if (m.at() < xMin || m.at() > xMax) {
        continue;
      }
      double x = xPos(m.at(), xMin, xMax, left, plotW);
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
              + "<text x=\"%.1f\" y=\"%d\" class=\"marker\" fill=\"%s\">%s</text>",
          x, top, x, top + plotH, m.color(), x + 5, top + 14, m.color(), esc(m.label())));
    }
    List<String> labels = new ArrayList<>(series.stream().map(Series::label).toList());
    List<String> colors = new ArrayList<>(series.stream().map(Series::color).toList());
    for (Marker m : markers) {
      labels.add(m.label());
      colors.add(m.color());
    }
    legend(s, labels, colors, left, top + plotH + bottom);
    return s.append("</svg>").toString();
  }

  /** Horizontal interval bars: a point and its interval per row (golden windows per scope). */
  static String intervals(String aria, List<Interval> rows, String xTitle) {
    int left = 230;
    int right = 90;
    int top = 10;
    int rowH = 26;
    int plotH = rows.size() * rowH;
    int bottom = 50;
    double max = 0;
    for (Interval r : rows) {
      max = Math.max(max, r.high() == null ? r.value() : Math.max(r.high(), r.value()));
    }
    double xMax = niceMax(max);
    int plotW = W - left - right;
    StringBuilder s = header(aria, top + plotH + bottom);
    double step = niceStep(xMax / 8);
    for (double t = 0; t <= xMax + 1e-9; t += step) {
      double x = left + t / xMax * plotW;
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
              + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
          x, top, x, top + plotH, x, top + plotH + 16, tick(t)));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
        left + plotW / 2, top + plotH + 40, esc(xTitle)));
    for (int i = 0; i < rows.size(); i++) {
      Interval r = rows.get(i);
      double y = top + i * rowH + rowH / 2.0;
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
          left - 8, y + 4, esc(r.label())));
      if (r.low() != null && r.high() != null) {
        s.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2b6cb0\" stroke-width=\"6\" opacity=\"0.35\"/>",
            left + r.low() / xMax * plotW, y, left + r.high() / xMax * plotW, y));
      }
      s.append(String.format(Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#2b6cb0\"><title>%s: %s min</title></circle>"
              + "<text x=\"%d\" y=\"%.1f\" class=\"tick\">%s</text>",
          left + r.value() / xMax * plotW, y, esc(r.label()), tick(r.value()), left + plotW + 8, y + 4,
          esc(r.note())));
    }
    return s.append("</svg>").toString();
  }

  private static double xPos(double v, double min, double max, int left, int plotW) {
    return left + (max == min ? 0 : (v - min) / (max - min) * plotW);
  }

  private static StringBuilder header(String aria, int height) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
        W, height, esc(aria)));
  }

  private static void axes(StringBuilder s, int left, int top, int plotW, int plotH, double yMax, String yTitle) {
    double step = niceStep(yMax / 5);
    for (int i = 0; i * step <= yMax * (1 + 1e-9); i++) {
      double v = i * step;
      double y = top + plotH - plotH * v / yMax;
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
              + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
          left, y, left + plotW, y, left - 6, y + 4, tick(Math.round(v * 1e6) / 1e6)));
    }
    s.append(String.format(Locale.ROOT,
        "<text transform=\"translate(16 %d) rotate(-90)\" class=\"axis\" text-anchor=\"middle\">%s</text>",
        top + plotH / 2, esc(yTitle)));
  }

  private static void legend(StringBuilder s, List<String> labels, int x, int y) {
    List<String> colors = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      colors.add(PALETTE[i % PALETTE.length]);
    }
    legend(s, labels, colors, x, y);
  }

  private static void legend(StringBuilder s, List<String> labels, List<String> colors, int x, int y) {
    double cx = x;
    for (int i = 0; i < labels.size(); i++) {
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>"
              + "<text x=\"%.1f\" y=\"%d\" class=\"legend\">%s</text>",
          cx, y, colors.get(i), cx + 20, y + 12, esc(labels.get(i))));
      cx += 34 + labels.get(i).length() * 8.5;
    }
  }
}
