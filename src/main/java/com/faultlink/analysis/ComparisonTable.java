package com.faultlink.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sweep's comparison: one row per run, as CSV and as an aligned text table. */
public final class ComparisonTable {
  private final List<String> columns;
  private final List<Map<String, Object>> rows;

  public ComparisonTable(List<Map<String, Object>> rows) {
    Set<String> cols = new LinkedHashSet<>();
    rows.forEach(r -> cols.addAll(r.keySet()));
    this.columns = new ArrayList<>(cols);
    this.rows = rows;
  }

  public String csv() {
    StringBuilder s = new StringBuilder();
    s.append(String.join(",", columns.stream().map(ComparisonTable::csvCell).toList())).append('\n');
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        cells.add(csvCell(cell(r.get(c))));
      }
      s.append(String.join(",", cells)).append('\n');
    }
    return s.toString();
  }

  public String text() {
    int[] width = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      width[i] = columns.get(i).length();
      for (Map<String, Object> r : rows) {
        width[i] = Math.max(width[i], cell(r.get(columns.get(i))).length());
      }
    }
    StringBuilder s = new StringBuilder();
    line(s, columns, width);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    line(s, rule, width);
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        cells.add(cell(r.get(c)));
      }
      line(s, cells, width);
    }
    return s.toString();
  }

  private static void line(StringBuilder s, List<String> cells, int[] width) {
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      boolean number = !v.isEmpty() && v.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-');
      String pad = " ".repeat(width[i] - v.length());
      s.append(i == 0 ? "" : "  ").append(number ? pad + v : v + pad);
    }
    s.append('\n');
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
    return String.valueOf(v);
  }

  private static String csvCell(String v) {
    if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
