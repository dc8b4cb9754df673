package com.faultlink.io.output.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Timestamps;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One FaultLink alert in Prometheus Alertmanager's API shape ({@code POST /api/v2/alerts}, one element of the
 * array). Labels identify the alert and never change for the same {@code alertId} (Alertmanager deduplicates on
 * the label set): {@code alertname} (the type), {@code alertId}, {@code region}, {@code cellId} where the alert has
 * one, {@code severity}, {@code incidentId} where the alert belongs to an incident (the shipped
 * {@code jobs/alertmanager/alertmanager.yml} groups and inhibits on it), {@code planned}, {@code workId} where known,
 * {@code source=faultlink}. Everything else is
 * an annotation. {@code startsAt} is the firing record's {@code at}. Every POST carries an {@code endsAt}: while the
 * alert fires, {@value #FIRING_ENDS_AT_RESEND_INTERVALS} resend intervals after the POST ({@link #asSent}), so that
 * an alert no longer re-sent expires by itself; once resolved, the resolution's own {@code at}, but never later than
 * the moment it is handed over, so that Alertmanager takes it as resolved.
 */
public final class AlertmanagerPayload {
  /**
   * A firing alert is sent with {@code endsAt} this many resend intervals ahead: Alertmanager expires it by itself
   * then unless it is sent again. Four, as Prometheus does for its own alerts (4 × its resend delay, 1 min by
   * default): three re-sends in a row may be lost (a receiver restarting, a back-off, a POST timing out) before an
   * alert still firing drops out, while one FaultLink no longer sends (a job cancelled, crashed, or stopped sending
   * it) ends within 4 intervals, not Alertmanager's {@code resolve_timeout}.
   */
  public static final int FIRING_ENDS_AT_RESEND_INTERVALS = 4;

  private AlertmanagerPayload() {}

  /**
   * The alert while it fires, as kept for (re)sending: without {@code endsAt}, which {@link #asSent} stamps anew on
   * every POST.
   */
  public static ObjectNode firing(Alert a, ZoneId zone, String generatorUrl) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    ObjectNode labels = n.putObject("labels");
    labels.put("alertname", a.type().name());
    labels.put("alertId", a.alertId());
    labels.put("region", a.region());
    if (a.cellId() != null) {
      labels.put("cellId", a.cellId());
    }
    labels.put("severity", AlertText.severity(a.type()));
    if (a.incidentId() != null) {
      labels.put("incidentId", a.incidentId()); // an inhibit rule with equal: [incidentId] quiets member alerts
    }
    labels.put("planned", Boolean.toString(a.planned()));
    if (a.workId() != null) {
      labels.put("workId", a.workId());
    }
    labels.put("source", "faultlink");
    ObjectNode ann = n.putObject("annotations");
    ann.put("summary", AlertText.summary(a, zone));
    put(ann, "at", Timestamps.format(a.at(), zone));
    put(ann, "outageId", a.outageId());
    put(ann, "technology", a.technology());
    put(ann, "elapsedMinutes", a.elapsedMinutes());
    put(ann, "goldenWindowMinutes", a.goldenWindowMinutes());
    put(ann, "expectedComplaintsNextHour", a.expectedComplaintsNextHour());
    put(ann, "windowStart", a.windowStart() == null ? null : Timestamps.format(a.windowStart(), zone));
    put(ann, "windowEnd", a.windowEnd() == null ? null : Timestamps.format(a.windowEnd(), zone));
    put(ann, "count", a.count());
    put(ann, "threshold", a.threshold());
    put(ann, "expected", a.expected());
    put(ann, "outagesOpen", a.outagesOpen());
    if (a.explainingOutages() != null) {
      put(ann, "explainingOutages", String.join(",", a.explainingOutages()));
    }
    n.put("startsAt", Instant.ofEpochMilli(a.at()).toString());
    n.put("generatorURL", generatorUrl);
    return n;
  }

  /**
   * The same alert, resolved at {@code endsAtMillis}, but never before its {@code startsAt}: Alertmanager refuses
   * an alert ending before it starts (a resolution can be timed before its firing when the clear of a corrected
   * alarm arrives, or when the resolution is capped at the sending time of an alert dated ahead).
   */
  public static ObjectNode resolved(ObjectNode firing, long endsAtMillis) {
    ObjectNode n = firing.deepCopy();
    long ends = endsAtMillis;
    JsonNode starts = firing.get("startsAt");
    if (starts != null) {
      ends = Math.max(ends, Instant.parse(starts.asText()).toEpochMilli());
    }
    n.put("endsAt", Instant.ofEpochMilli(ends).toString());
    return n;
  }

  /**
   * The alert as one POST at {@code nowMillis} (wall clock: Alertmanager expires alerts by its own) carries it. A
   * firing alert (kept without {@code endsAt}) gets {@code endsAt} = now + {@value #FIRING_ENDS_AT_RESEND_INTERVALS}
   * × {@code resendInterval}, counted from its {@code startsAt} instead where that lies ahead of now (Alertmanager
   * refuses an alert ending before it starts); a resolution is sent with its own {@code endsAt}. {@code stored} is
   * not changed.
   */
  public static ObjectNode asSent(ObjectNode stored, long nowMillis, Duration resendInterval) {
    ObjectNode n = stored.deepCopy();
    if (!isResolutionPayload(stored)) {
      long from = nowMillis;
      JsonNode starts = stored.get("startsAt");
      if (starts != null) {
        from = Math.max(from, Instant.parse(starts.asText()).toEpochMilli());
      }
      n.put("endsAt", Instant.ofEpochMilli(from + FIRING_ENDS_AT_RESEND_INTERVALS * resendInterval.toMillis())
          .toString());
    }
    return n;
  }

  /** Whether a kept payload is a resolution: only a resolution is kept with an {@code endsAt}. */
  static boolean isResolutionPayload(ObjectNode payload) {
    return payload.hasNonNull("endsAt");
  }

  /** Whether a record resolves its alert. */
  public static boolean isResolution(Alert a) {
    return a.status() == AlertStatus.RESOLVED;
  }

  private static void put(ObjectNode n, String key, Object value) {
    if (value != null) {
      n.put(key, value.toString());
    }
  }
}
