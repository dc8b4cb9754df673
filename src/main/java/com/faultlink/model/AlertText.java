package com.faultlink.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a person reads of an alert: its severity and a one-line summary, the same in the {@code alerts} stream
 * and in Alertmanager. Severity follows what the NOC does about it: {@code critical} pages now (a breached
 * golden window, many outages at once, an incident: one page for its outages), {@code major} is acted on within the hour (an outage nearing its window,
 * a complaint burst), {@code warning} is for the record.
 */
public final class AlertText {
  public static final String CRITICAL = "critical";
  public static final String MAJOR = "major";
  public static final String WARNING = "warning";

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

  private AlertText() {}

  public static String severity(AlertType type) {
    return switch (type) {
      case GOLDEN_WINDOW_BREACHED, MASS_OUTAGE, INCIDENT -> CRITICAL;
      case GOLDEN_WINDOW_AT_RISK, COMPLAINT_BURST, TICKETS_OVERDUE -> MAJOR;
      case KPI_MISSED -> WARNING;
    };
  }

  /** One line: where, what, since when; a resolution says so first. Times in the output timezone. */
  public static String summary(Alert a, ZoneId zone) {
    String where = a.cellId() != null ? "cell " + a.cellId() + " (" + a.region()
        + (a.technology() != null ? " " + a.technology() : "") + ")" : a.region();
    String what = switch (a.type()) {
      case GOLDEN_WINDOW_AT_RISK -> "outage " + a.outageId() + " open " + minutes(a.elapsedMinutes())
          + " of its " + minutes(a.goldenWindowMinutes()) + " golden window";
      case GOLDEN_WINDOW_BREACHED -> "outage " + a.outageId() + " past its " + minutes(a.goldenWindowMinutes())
          + " golden window";
      case COMPLAINT_BURST -> a.count() + " complaints in the window from " + clock(a.windowStart(), zone)
          + " (threshold " + number(a.threshold()) + ", usual " + number(a.expected()) + ")";
      case MASS_OUTAGE -> a.outagesOpen() + " outages open at once"
          + (a.incidents() != null && !a.incidents().isEmpty() ? " (incidents " + String.join(", ", a.incidents()) + ")"
              : "");
      case INCIDENT -> "incident " + a.incidentId() + " (" + a.cause() + "): " + a.outagesOpen()
          + " outages open";
      case KPI_MISSED -> a.kpi() == null ? "KPI target missed" : a.kpi().metric() + " " + number(a.kpi().value())
          + " missed its target (" + (TargetCheck.MAX.equals(a.kpi().op()) ? "at most " : "at least ")
          + number(a.kpi().target()) + ") in the " + a.kpi().period().json() + " from " + a.kpi().periodStart();
      case TICKETS_OVERDUE -> a.count() + " " + a.tier() + " tickets overdue";
    };
    String planned = a.planned() ? " [planned work" + (a.workId() != null ? " " + a.workId() : "") + "]" : "";
    String text = where + ": " + what + planned;
    return a.status() == AlertStatus.RESOLVED ? "resolved " + clock(a.at(), zone) + ": " + text : text;
  }

  private static String minutes(Double m) {
    if (m == null) {
      return "?";
    }
    return m >= 120 ? number(m / 60.0) + " h" : number(m) + " min";
  }

  private static String number(Double v) {
    if (v == null) {
      return "?";
    }
    double r = Math.round(v * 10.0) / 10.0;
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }

  private static String clock(Long epochMillis, ZoneId zone) {
    return epochMillis == null ? "?" : CLOCK.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }
}
