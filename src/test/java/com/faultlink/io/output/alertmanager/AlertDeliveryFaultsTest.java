package com.faultlink.io.output.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.config.AlertmanagerConfig;
import com.faultlink.config.ConfigLoader;
import com.faultlink.runtime.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Receivers that fail in ways a healthy Alertmanager does not show: answering 500 for a long time, refusing a
 * batch because one alert in it is invalid (Alertmanager answers 400 for the whole POST), a resolution timed
 * before its start.
 */
class AlertDeliveryFaultsTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long T0 = 1_790_000_000_000L;
  private static final String BAD = "GOLDEN_WINDOW_BREACHED:OMC/bad";

  private static Alert breach(String outage, long at) {
    return new Alert("GOLDEN_WINDOW_BREACHED:" + outage, AlertType.GOLDEN_WINDOW_BREACHED, AlertStatus.FIRING,
        "Yinchuan", at, outage, "C1a", "4G", 45.0, 45.0, 3.5, null, null, null, null, null, null, null, false, null);
  }

  private static ObjectNode payload(Alert a) {
    return AlertmanagerPayload.firing(a, ZONE, "http://faultlink.example/alerts");
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(until);
      Thread.sleep(20);
    }
  }

  private static boolean holds(JsonNode body, String alertId) {
    for (JsonNode a : body) {
      if (a.get("labels").get("alertId").asText().equals(alertId)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void oneInvalidAlertInABatchNeitherBlocksTheOthersNorIsRetriedForever() throws Exception {
    AtomicInteger postsWithBad = new AtomicInteger();
    try (AlertReceiver receiver = new AlertReceiver().start()) {
      // Alertmanager validates every alert of a POST and refuses all of them for one invalid alert
      receiver.answering(body -> {
        if (holds(body, BAD)) {
          postsWithBad.incrementAndGet();
          return 400;
        }
        return 200;
      });
      AlertDelivery.Counts counts = new AlertDelivery.Counts();
      AlertDelivery d = new AlertDelivery(receiver.url(), Duration.ofMillis(200), Duration.ofMillis(50),
          Duration.ofMillis(200), Duration.ofSeconds(2), 1000, counts);
      for (int i = 0; i < 9; i++) {
        d.fire(breach("OMC/" + i, T0).alertId(), payload(breach("OMC/" + i, T0)));
        if (i == 3) {
          d.fire(BAD, payload(breach("OMC/bad", T0)));
        }
      }
      d.start();
      try {
        await(() -> receiver.alertsById().size() == 9, "the nine valid alerts accepted");
        await(() -> d.unsentCount() == 0, "nothing left unsent");
        int triesOfBad = postsWithBad.get();
        Thread.sleep(1000); // five resend intervals: a given-up alert is not sent again
        assertThat(postsWithBad.get()).as("POSTs holding the invalid alert after it was given up")
            .isEqualTo(triesOfBad);
        // 10 alerts halved down to the single invalid one: 10, 5, 3, 2, 1 alerts per POST holding it
        assertThat(triesOfBad).isLessThanOrEqualTo(5);
        assertThat(counts.rejected.get()).isEqualTo(1);
        assertThat(counts.undelivered()).isEqualTo(1);
      } finally {
        d.close();
      }
    }
  }

  @Test
  void aResolutionTimedBeforeItsStartEndsAtItsStart() {
    ObjectNode fired = payload(breach("OMC/1", T0));
    ObjectNode resolved = AlertmanagerPayload.resolved(fired, T0 - 60_000L);
    assertThat(resolved.get("startsAt").asText()).isEqualTo(Instant.ofEpochMilli(T0).toString());
    assertThat(resolved.get("endsAt").asText()).as("never before startsAt, which Alertmanager refuses")
        .isEqualTo(Instant.ofEpochMilli(T0).toString());
    assertThat(AlertmanagerPayload.resolved(fired, T0 + 60_000L).get("endsAt").asText())
        .isEqualTo(Instant.ofEpochMilli(T0 + 60_000L).toString());
  }

  @Test
  void newAlertsDoNotWakeTheBackoffOfAReceiverAnswering500() throws Exception {
    try (AlertReceiver receiver = new AlertReceiver().start()) {
      receiver.answering(body -> 500);
      AlertDelivery.Counts counts = new AlertDelivery.Counts();
      AlertDelivery d = new AlertDelivery(receiver.url(), Duration.ofMinutes(1), Duration.ofMillis(100),
          Duration.ofMillis(400), Duration.ofSeconds(2), 10_000, counts).start();
      try {
        long start = System.nanoTime();
        int i = 0;
        while (System.nanoTime() - start < Duration.ofMillis(3000).toNanos()) {
          Alert a = breach("OMC/" + i++, T0);
          d.fire(a.alertId(), payload(a)); // 20 new alerts a second
          Thread.sleep(50);
        }
        // tries at 0, then after waits of 0.1, 0.2, 0.4, 0.4, ... s: 0, 0.1, 0.3, 0.7, 1.1, 1.5, 1.9, 2.3, 2.7 s
        assertThat(receiver.requests()).as("POSTs in 3 s").isBetween(7, 10);
      } finally {
        d.close();
      }
    }
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthAndShownInNoLogNorThreadName() throws Exception {
    AtomicInteger posts = new AtomicInteger();
    try (AlertReceiver receiver = new AlertReceiver().start(); LogCapture logs = new LogCapture()) {
      receiver.answering(body -> posts.incrementAndGet() <= 2 ? 500 : 200); // a fault first: it is logged
      String url = receiver.url().replace("http://", "http://alice:s3cr%40t@");
      AlertDelivery.Counts counts = new AlertDelivery.Counts();
      AlertDelivery d = new AlertDelivery(url, Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(100),
          Duration.ofSeconds(2), 1000, counts).start();
      try {
        d.fire(breach("OMC/1", T0).alertId(), payload(breach("OMC/1", T0)));
        await(() -> receiver.alertsById().size() == 1, "the alert accepted");
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
            .anyMatch(n -> n.startsWith("faultlink-alertmanager-127.0.0.1:"))
            .noneMatch(n -> n.contains("alice") || n.contains("s3cr"));
      } finally {
        d.close(Duration.ofSeconds(1));
      }
      String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cr@t".getBytes(StandardCharsets.UTF_8));
      assertThat(receiver.authorizations()).hasSizeGreaterThanOrEqualTo(3).containsOnly(basic);
      assertThat(logs.text()).contains("not accepting alerts (HTTP 500)").contains("accepting alerts again")
          .contains("0 alerts never accepted").doesNotContain("alice").doesNotContain("s3cr");
    }
  }

  @Test
  void aBearerTokenComesFromTheEnvironmentAndIsShownNowhere() throws Exception {
    try (AlertReceiver receiver = new AlertReceiver().start(); LogCapture logs = new LogCapture()) {
      String yaml = String.join("\n", "timezone: UTC", "sources:", "  alarms: {file: sample-data/alarms.jsonl}",
          "  complaints: {file: sample-data/complaints.jsonl}",
          "reference: {cells: sample-data/cells.csv, regions: sample-data/regions.csv}",
          "sinks: {dir: out, alertmanager: {url: '" + receiver.url() + "', initialBackoff: PT0.05S}}");
      AlertmanagerConfig byEnv = ConfigLoader.parse(yaml, Map.of(AlertmanagerConfig.TOKEN_ENV, "tok-123"))
          .sinks().alertmanager();
      assertThat(byEnv.authorization()).isEqualTo("Bearer tok-123");
      assertThat(byEnv.toString()).doesNotContain("tok-123");
      AlertmanagerConfig byReference = ConfigLoader.parse(yaml.replace("initialBackoff", "bearerToken: '${AM_T}', x"
          .replace(", x", ", initialBackoff")), Map.of("AM_T", "tok-456")).sinks().alertmanager();
      assertThat(byReference.authorization()).isEqualTo("Bearer tok-456");
      AlertmanagerConfig basic = ConfigLoader.parse(yaml, Map.of(AlertmanagerConfig.USER_ENV, "bob",
          AlertmanagerConfig.PASSWORD_ENV, "pw")).sinks().alertmanager();
      assertThat(basic.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(
          StandardCharsets.UTF_8)));

      AlertmanagerSink.Writer writer = new AlertmanagerSink.Writer(byEnv, ZONE, new UnregisteredMetricsGroup(),
          List.of());
      writer.write(breach("OMC/1", T0), null);
      await(() -> receiver.alertsById().size() == 1, "the alert accepted");
      writer.flush(true);
      writer.close();
      assertThat(receiver.authorizations()).containsOnly("Bearer tok-123");
      assertThat(logs.text()).doesNotContain("tok-123");
    }
  }

  @Test
  void whatANeverAcceptingReceiverDidNotGetIsCountedAtTheEnd() throws Exception {
    try (AlertReceiver receiver = new AlertReceiver().start(); LogCapture logs = new LogCapture()) {
      receiver.answering(body -> 500);
      AlertDelivery.Counts counts = new AlertDelivery.Counts();
      AlertDelivery d = new AlertDelivery(receiver.url(), Duration.ofMinutes(1), Duration.ofMillis(50),
          Duration.ofMillis(100), Duration.ofSeconds(2), 3, counts).start();
      for (int i = 1; i <= 5; i++) {
        d.fire(breach("OMC/" + i, T0).alertId(), payload(breach("OMC/" + i, T0)));
      }
      d.resolve(breach("OMC/5", T0).alertId(), payload(breach("OMC/5", T0)), T0 + 60_000L);
      d.close(Duration.ofMillis(300));
      // five alerts, at most three pending: OMC/1 and OMC/2 dropped, OMC/3..5 unsent at the end
      assertThat(counts.dropped.get()).isEqualTo(2);
      assertThat(counts.unsentAtEnd.get()).isEqualTo(3);
      assertThat(counts.undelivered()).isEqualTo(5);
      assertThat(receiver.alertsById()).isEmpty();
      assertThat(logs.text()).contains("5 alerts never accepted (0 refused as invalid, 2 dropped beyond maxPending, "
          + "3 unsent at the end of the run)");
    }
  }
}
