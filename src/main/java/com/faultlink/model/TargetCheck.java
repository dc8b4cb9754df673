package com.faultlink.model;

/**
 * One KPI target applied to one metrics record: {@code value} against {@code target}.
 *
 * @param metric the metrics field the target is on, e.g. {@code repeatComplaintRatePct}
 * @param op {@code max} (met when value &lt;= target) or {@code min} (met when value &gt;= target)
 * @param target the bound in force for this region (its override, else the metric's own)
 * @param value the record's value of the metric; null where it has none (then {@code met} is null)
 * @param met whether the target was met; null where the value is null
 */
public record TargetCheck(String metric, String op, double target, Double value, Boolean met) {
  public static final String MAX = "max";
  public static final String MIN = "min";

  public boolean missed() {
    return Boolean.FALSE.equals(met);
  }
}
