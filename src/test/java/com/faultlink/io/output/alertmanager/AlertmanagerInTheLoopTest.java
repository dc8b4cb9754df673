package com.faultlink.io.output.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.config.AlertmanagerConfig;
import com.faultlink.golden.MassOutageDetector;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.Outage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FaultLink's Alertmanager sink against a real Alertmanager (Debian's {@code prometheus-alertmanager} 0.25) running
 * the shipped {@code jobs/alertmanager/alertmanager.yml}: one incident pages once, its member outages' alerts are
 * inhibited, planned-work overruns go to the work's owner, resolutions end alerts, and a restarted Alertmanager
 * (alerts live only in its memory) gets back everything FaultLink still has firing.
 *
 * <p>The records are built here as the incident assembly and the golden-window alerter emit them (contract:
 * an {@code INCIDENT} alert carries its own {@code incidentId}, its outages' alerts the same one).
 */
class AlertmanagerInTheLoopTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long MINUTE = 60_000L;
  /** A transmission link drops at 17:00; its two cells' outages start 17:01 and 17:02. */
  private static final long T0 = OffsetDateTime.parse("2026-10-14T17:00:00+08:00").toInstant().toEpochMilli();
  private static final String INCIDENT_ID = "OMC-HW-2/A-1150";

  @TempDir Path work;

  private static Alert incident(AlertStatus status, long at) {
    return new Alert("INCIDENT/" + INCIDENT_ID, AlertType.INCIDENT, status, "Wuzhong", at, null, null, null, null,
        null, null, null, null, null, null, null, 2L, null, false, null, INCIDENT_ID, "lossOfSignal", null);
  }

  private static Alert golden(AlertType type, String outage, String cell, long start, double window,
      String incidentId, String workId) {
    double elapsed = type == AlertType.GOLDEN_WINDOW_AT_RISK ? window * 0.75 : window;
    return new Alert(type.name() + "/" + outage, type, AlertStatus.FIRING, "Wuzhong",
        start + (long) (elapsed * MINUTE), outage, cell, "4G", elapsed, window, null, null, null, null, null, null,
        null, null, workId != null, workId, incidentId, null, null);
  }

  /** The incident's member outages' golden-window alerts (same incidentId). */
  private static final Alert MEMBER_AT_RISK = golden(AlertType.GOLDEN_WINDOW_AT_RISK, "OMC-HW-2/A-1156",
      "NX-WZ-0031-1", T0 + MINUTE, 40, INCIDENT_ID, null);
  private static final Alert MEMBER_BREACHED = golden(AlertType.GOLDEN_WINDOW_BREACHED, "OMC-HW-2/A-1160",
      "NX-WZ-0031-2", T0 + 2 * MINUTE, 40, INCIDENT_ID, null);
  /** An outage of no incident in the same region at the same time: pages on its own. */
  private static final Alert LONE_BREACHED = golden(AlertType.GOLDEN_WINDOW_BREACHED, "OMC-HW-2/A-1171",
      "NX-WZ-0077-3", T0 + 3 * MINUTE, 40, null, null);
  /** A planned outage still open after its work W-3 ended. */
  private static final Alert OVERRUN = golden(AlertType.GOLDEN_WINDOW_BREACHED, "OMC-HW-2/A-1174",
      "NX-WZ-0102-1", T0, 40, null, "W-3");

  /**
   * Re-sends every 500 ms: a firing alert is sent with {@code endsAt} 2 s ahead (4 intervals), so a sender stalled
   * for a moment on this shared machine does not let it expire between two looks.
   */
  private static final Duration RESEND = Duration.ofMillis(500);

  private static AlertmanagerSink.Writer writer(String url) {
    AlertmanagerConfig config = new AlertmanagerConfig(url, "http://faultlink.example/alerts",
        RESEND, Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(2), 1000,
        Duration.ofSeconds(5));
    return new AlertmanagerSink.Writer(config, ZONE, new UnregisteredMetricsGroup(), List.of());
  }

  /** Alertmanager's view: active (not resolved) alerts by their alertId label. */
  private static Map<String, JsonNode> alerts(RealAlertmanager am) {
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode a : am.get("alerts")) {
      byId.put(a.path("labels").path("alertId").asText(), a);
    }
    return byId;
  }

  private static Map<String, JsonNode> await(RealAlertmanager am, String what,
      Predicate<Map<String, JsonNode>> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Map<String, JsonNode> seen = alerts(am);
      if (condition.test(seen)) {
        return seen;
      }
      assertThat(System.nanoTime()).as("waiting for %s; Alertmanager has %s", what, seen).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static boolean inhibited(JsonNode alert, String byFingerprint) {
    JsonNode status = alert.path("status");
    List<String> by = new ArrayList<>();
    status.path("inhibitedBy").forEach(f -> by.add(f.asText()));
    return "suppressed".equals(status.path("state").asText()) && by.equals(List.of(byFingerprint));
  }

  private static List<String> receivers(JsonNode alert) {
    List<String> names = new ArrayList<>();
    alert.path("receivers").forEach(r -> names.add(r.path("name").asText()));
    return names;
  }

  @Test
  void anIncidentPagesOnceItsMembersAreInhibitedAndResolutionsEndThem() throws Exception {
    try (RealAlertmanager am = RealAlertmanager.start(work)) {
      AlertmanagerSink.Writer w = writer(am.url());
      try {
        for (Alert a : List.of(MEMBER_AT_RISK, incident(AlertStatus.FIRING, T0 + 2 * MINUTE), MEMBER_BREACHED,
            LONE_BREACHED, OVERRUN)) {
          w.write(a, null);
        }
        String incidentKey = "INCIDENT/" + INCIDENT_ID;
        Map<String, JsonNode> seen = await(am, "the incident's members inhibited by it", m -> {
          if (m.size() != 5 || !m.containsKey(incidentKey)) {
            return false;
          }
          String fp = m.get(incidentKey).path("fingerprint").asText();
          return inhibited(m.get(MEMBER_AT_RISK.alertId()), fp) && inhibited(m.get(MEMBER_BREACHED.alertId()), fp);
        });
        System.out.println("Alertmanager /api/v2/alerts for one incident: " + am.get("alerts").toPrettyString());

        JsonNode page = seen.get(incidentKey);
        assertThat(page.path("status").path("state").asText()).isEqualTo("active");
        assertThat(page.path("labels").path("incidentId").asText()).isEqualTo(INCIDENT_ID);
        assertThat(page.path("labels").path("severity").asText()).isEqualTo("critical");
        assertThat(receivers(page)).containsExactly("noc-pager");
        assertThat(seen.get(MEMBER_BREACHED.alertId()).path("labels").path("incidentId").asText())
            .isEqualTo(INCIDENT_ID);
        assertThat(receivers(seen.get(MEMBER_AT_RISK.alertId()))).as("major: a ticket").containsExactly("noc-ticket");
        // Not in the incident: the same region and type, but no incidentId, so not inhibited.
        JsonNode lone = seen.get(LONE_BREACHED.alertId());
        assertThat(lone.path("status").path("state").asText()).isEqualTo("active");
        assertThat(lone.path("status").path("inhibitedBy")).isEmpty();
        assertThat(lone.path("labels").has("incidentId")).isFalse();
        assertThat(receivers(lone)).containsExactly("noc-pager");
        JsonNode overrun = seen.get(OVERRUN.alertId());
        assertThat(overrun.path("status").path("state").asText()).isEqualTo("active");
        assertThat(overrun.path("labels").path("planned").asText()).isEqualTo("true");
        assertThat(receivers(overrun)).as("an overrun goes to the work's owner").containsExactly("planned-work");

        // What pages: of the incident and its members, only the incident alert is active.
        assertThat(seen.values().stream().filter(a -> INCIDENT_ID.equals(a.path("labels").path("incidentId").asText()))
            .filter(a -> "active".equals(a.path("status").path("state").asText()))
            .map(a -> a.path("labels").path("alertname").asText())).containsExactly("INCIDENT");

        // The outages end, then the incident (contract: it ends when its root alarm and all its outages have).
        long end = T0 + 90 * MINUTE;
        w.write(MEMBER_AT_RISK.resolvedAt(end), null);
        w.write(MEMBER_BREACHED.resolvedAt(end + MINUTE), null);
        w.write(LONE_BREACHED.resolvedAt(end + MINUTE), null);
        await(am, "the members' resolutions", m -> m.keySet().equals(java.util.Set.of(incidentKey, OVERRUN.alertId())));
        w.write(incident(AlertStatus.FIRING, T0 + 2 * MINUTE).resolvedAt(end + 2 * MINUTE), null);
        w.write(OVERRUN.resolvedAt(end + 3 * MINUTE), null);
        await(am, "every alert resolved", Map::isEmpty);
      } finally {
        w.flush(true);
        w.close();
      }
    }
  }

  @Test
  void aRestartedAlertmanagerGetsBackEveryAlertStillFiringAndNothingResolved() throws Exception {
    try (RealAlertmanager am = RealAlertmanager.start(work)) {
      AlertmanagerSink.Writer w = writer(am.url());
      try {
        w.write(incident(AlertStatus.FIRING, T0 + 2 * MINUTE), null);
        w.write(MEMBER_AT_RISK, null);
        w.write(MEMBER_BREACHED, null);
        w.write(LONE_BREACHED, null);
        await(am, "four alerts", m -> m.size() == 4);
        w.write(LONE_BREACHED.resolvedAt(T0 + 60 * MINUTE), null);
        await(am, "the lone outage's resolution", m -> m.size() == 3);

        am.kill();
        // While it is down: a new alert, and a resolution it will never have seen the firing of.
        w.write(OVERRUN, null);
        w.write(MEMBER_AT_RISK.resolvedAt(T0 + 70 * MINUTE), null);
        am.restart(); // fresh storage: Alertmanager keeps alerts in memory only

        String incidentKey = "INCIDENT/" + INCIDENT_ID;
        Map<String, JsonNode> seen = await(am, "the alerts still firing, re-sent", m -> m.keySet()
            .equals(java.util.Set.of(incidentKey, MEMBER_BREACHED.alertId(), OVERRUN.alertId()))
            && inhibited(m.get(MEMBER_BREACHED.alertId()), m.get(incidentKey).path("fingerprint").asText()));
        assertThat(seen.get(incidentKey).path("status").path("state").asText()).isEqualTo("active");
        assertThat(seen.get(incidentKey).path("startsAt").asText()).as("as it first fired")
            .isEqualTo("2026-10-14T09:02:00.000Z");
        assertThat(seen.get(OVERRUN.alertId()).path("status").path("state").asText()).isEqualTo("active");
        // Nothing resolved comes back: several re-send intervals later the set is the same.
        Thread.sleep(4 * RESEND.toMillis());
        assertThat(alerts(am).keySet()).containsExactlyInAnyOrder(incidentKey, MEMBER_BREACHED.alertId(),
            OVERRUN.alertId());
      } finally {
        w.flush(true);
        w.close();
      }
    }
  }

  /**
   * Alertmanager expires a firing alert by itself at the {@code endsAt} it was last sent with (4 resend intervals
   * after that POST, docs/operations.md): re-sends keep it active well past one such lease, and once the sink stops
   * (a cancelled or crashed job that never resolves it) it ends within 4 intervals of the stop, by Alertmanager's
   * own clock, not after the shipped config's {@code resolve_timeout} of 5 minutes.
   */
  @Test
  void aFiringAlertNoLongerResentExpiresByItselfAtItsEndsAt() throws Exception {
    long lease = 4 * RESEND.toMillis();
    try (RealAlertmanager am = RealAlertmanager.start(work)) {
      AlertmanagerSink.Writer w = writer(am.url());
      long closedAt;
      long lastEndsAt;
      try {
        long before = System.currentTimeMillis();
        w.write(LONE_BREACHED, null);
        JsonNode first = await(am, "the alert", m -> m.containsKey(LONE_BREACHED.alertId()))
            .get(LONE_BREACHED.alertId());
        long firstEndsAt = Instant.parse(first.path("endsAt").asText()).toEpochMilli();
        assertThat(firstEndsAt).as("the endsAt FaultLink sent, not updatedAt + resolve_timeout")
            .isBetween(before + lease, System.currentTimeMillis() + lease);
        // Twice the lease: without the re-sends it would have expired; with them it stays active throughout.
        long until = System.currentTimeMillis() + 2 * lease;
        while (System.currentTimeMillis() < until) {
          assertThat(alerts(am)).as("active while re-sent").containsKey(LONE_BREACHED.alertId());
          Thread.sleep(100);
        }
        long renewed = Instant.parse(alerts(am).get(LONE_BREACHED.alertId()).path("endsAt").asText())
            .toEpochMilli();
        assertThat(renewed).as("each re-send renews endsAt").isGreaterThanOrEqualTo(firstEndsAt + lease);
      } finally {
        // a cancel (no end of input): the delivery thread stops at once, the alert is never resolved
        w.close();
        closedAt = System.currentTimeMillis();
      }
      Thread.sleep(200); // a POST cut short by the stop may still be landing
      JsonNode last = alerts(am).get(LONE_BREACHED.alertId());
      assertThat(last).as("still active right after the stop").isNotNull();
      lastEndsAt = Instant.parse(last.path("endsAt").asText()).toEpochMilli();
      assertThat(lastEndsAt - closedAt).as("the last lease: at most 4 intervals past the stop")
          .isBetween(lease - RESEND.toMillis() - 500, lease);

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long goneAt;
      while (true) {
        // Alertmanager lists an alert while its endsAt is not before its own now, taken during the GET
        long asked = System.currentTimeMillis();
        boolean listed = alerts(am).containsKey(LONE_BREACHED.alertId());
        long answered = System.currentTimeMillis();
        if (!listed) {
          goneAt = answered;
          break;
        }
        assertThat(asked).as("listed only until its endsAt").isLessThanOrEqualTo(lastEndsAt + 5);
        assertThat(System.nanoTime()).as("waiting for it to expire").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(goneAt).as("expired at its endsAt, not before").isGreaterThanOrEqualTo(lastEndsAt - 5);
      System.out.printf("stopped re-sending at %s; last endsAt %s (%d ms later); gone from /api/v2/alerts after "
          + "%d ms%n", Instant.ofEpochMilli(closedAt), Instant.ofEpochMilli(lastEndsAt), lastEndsAt - closedAt,
          goneAt - closedAt);
    }
  }

  private static Outage outage(int i, long start, Long end) {
    return new Outage("OMC/" + i, "C" + i, "S", "Wuzhong", "4G", start, end, null, false, null);
  }

  @Test
  void aMassOutageFromTheDetectorFiresAndIsResolvedWhenItsEpisodeEnds() throws Exception {
    List<Alert> records;
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = ProcessFunctionTestHarnesses
        .forKeyedProcessFunction(new MassOutageDetector(2, 5 * MINUTE, ZONE), Outage::region, Types.STRING)) {
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + MINUTE, null), T0 + MINUTE);
      h.processElement(outage(1, T0, T0 + 20 * MINUTE), T0 + 20 * MINUTE);
      h.processWatermark(T0 + 60 * MINUTE);
      records = h.extractOutputValues();
    }
    assertThat(records).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    try (RealAlertmanager am = RealAlertmanager.start(work)) {
      AlertmanagerSink.Writer w = writer(am.url());
      try {
        w.write(records.get(0), null);
        Map<String, JsonNode> seen = await(am, "the mass outage", m -> m.size() == 1);
        JsonNode alert = seen.get("MASS_OUTAGE/Wuzhong/2026-10-14T17:01:00+08:00");
        assertThat(alert).as("its alertId label").isNotNull();
        assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("MASS_OUTAGE");
        assertThat(alert.path("startsAt").asText()).isEqualTo("2026-10-14T09:01:00.000Z");
        assertThat(alert.path("annotations").path("outagesOpen").asText()).isEqualTo("2");
        assertThat(receivers(alert)).containsExactly("noc-pager");
        w.write(records.get(1), null);
        await(am, "its resolution", Map::isEmpty);
      } finally {
        w.flush(true);
        w.close();
      }
    }
  }
}
