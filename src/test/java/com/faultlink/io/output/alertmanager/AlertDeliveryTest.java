package com.faultlink.io.output.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Delivery to a real HTTP receiver on loopback that is down, slow to come back, or restarted. A recording stand-in
 * ({@link AlertReceiver}), not the real Alertmanager: these tests check the wire itself (how often a firing alert
 * is re-sent, the {@code endsAt} each POST carries: a few resend intervals ahead while it fires, the resolution's
 * instant once resolved; that nothing is sent as firing after it), which
 * Alertmanager's API does not show (it lists no resolved alert). The same behaviours end to end against the real
 * one: {@link AlertmanagerInTheLoopTest}.
 */
class AlertDeliveryTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long T0 = 1_790_000_000_000L;

  private static Alert breach(String outage, AlertStatus status, long at) {
    return new Alert("GOLDEN_WINDOW_BREACHED:" + outage, AlertType.GOLDEN_WINDOW_BREACHED, status, "Yinchuan", at,
        outage, "C1a", "4G", 45.0, 45.0, 3.5, null, null, null, null, null, null, null, true, "W-3");
  }

  private static AlertDelivery delivery(String url, AlertDelivery.Counts counts) {
    return new AlertDelivery(url, Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(400),
        Duration.ofSeconds(2), 1000, counts);
  }

  private static void fire(AlertDelivery d, Alert a) {
    d.fire(a.alertId(), AlertmanagerPayload.firing(a, ZONE, "http://faultlink.example/alerts"));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(until);
      Thread.sleep(20);
    }
  }

  @Test
  void aReceiverThatIsDownAndComesBackGetsEveryAlertEachUnderItsOneAlertId() throws Exception {
    AlertDelivery.Counts counts = new AlertDelivery.Counts();
    try (AlertReceiver receiver = new AlertReceiver(); AlertDelivery d = delivery(receiver.url(), counts).start()) {
      long before = System.nanoTime();
      fire(d, breach("OMC/1", AlertStatus.FIRING, T0));
      fire(d, breach("OMC/2", AlertStatus.FIRING, T0 + 1000));
      fire(d, breach("OMC/3", AlertStatus.FIRING, T0 + 2000));
      d.resolve("GOLDEN_WINDOW_BREACHED:OMC/3",
          AlertmanagerPayload.firing(breach("OMC/3", AlertStatus.RESOLVED, T0 + 9000), ZONE, "x"), T0 + 9000);
      assertThat(Duration.ofNanos(System.nanoTime() - before)).as("never blocks the caller")
          .isLessThan(Duration.ofMillis(500));
      await(() -> counts.failures.get() >= 3, "failed attempts while the receiver is down");

      receiver.start();
      await(() -> receiver.alertsById().size() == 3, "all three alerts");
      await(() -> receiver.received().size() >= 6, "firing alerts sent again");

      assertThat(receiver.alertsByLabels()).as("one alert per label set").hasSize(3);
      AlertReceiver.Arrival resolvedArrival = receiver.latestById().get("GOLDEN_WINDOW_BREACHED:OMC/3");
      assertThat(resolvedArrival.resolved()).as("endsAt not after its arrival").isTrue();
      JsonNode resolved = resolvedArrival.alert();
      assertThat(resolved.get("endsAt").asText()).as("the resolution's instant").isEqualTo("2026-09-21T14:13:29Z");
      assertThat(resolved.get("startsAt").asText()).as("as it fired").isEqualTo("2026-09-21T14:13:22Z");
      AlertReceiver.Arrival firingArrival = receiver.latestById().get("GOLDEN_WINDOW_BREACHED:OMC/1");
      assertThat(firingArrival.resolved()).as("a firing alert's endsAt lies ahead of its arrival").isFalse();
      JsonNode firing = firingArrival.alert();
      assertThat(firing.get("labels").get("alertname").asText()).isEqualTo("GOLDEN_WINDOW_BREACHED");
      assertThat(firing.get("labels").get("region").asText()).isEqualTo("Yinchuan");
      assertThat(firing.get("labels").get("cellId").asText()).isEqualTo("C1a");
      assertThat(firing.get("labels").get("workId").asText()).isEqualTo("W-3");
      assertThat(firing.get("annotations").get("elapsedMinutes").asText()).isEqualTo("45.0");
      assertThat(firing.get("generatorURL").asText()).isEqualTo("http://faultlink.example/alerts");
      List<AlertReceiver.Arrival> resent = receiver.arrivals().stream()
          .filter(a -> a.alert().get("labels").get("alertId").asText().equals("GOLDEN_WINDOW_BREACHED:OMC/3"))
          .toList();
      assertThat(resent).as("a resolved alert is not sent again as firing").isNotEmpty()
          .allMatch(AlertReceiver.Arrival::resolved)
          .allMatch(a -> a.alert().get("endsAt").asText().equals("2026-09-21T14:13:29Z"));
    }
  }

  @Test
  void aRestoredDeliveryResendsWhatFiredBeforeTheRestartUnderTheSameLabels() throws Exception {
    AlertDelivery.Counts counts = new AlertDelivery.Counts();
    try (AlertReceiver receiver = new AlertReceiver()) {
      String snapshot;
      try (AlertDelivery first = delivery(receiver.url(), counts)) {
        fire(first, breach("OMC/1", AlertStatus.FIRING, T0));
        fire(first, breach("OMC/2", AlertStatus.FIRING, T0));
        first.resolve("GOLDEN_WINDOW_BREACHED:OMC/2",
            AlertmanagerPayload.firing(breach("OMC/2", AlertStatus.RESOLVED, T0 + 5000), ZONE, "x"), T0 + 5000);
        snapshot = first.snapshot(); // never started: the receiver got nothing before the "crash"
      }
      receiver.start();
      try (AlertDelivery second = delivery(receiver.url(), counts)) {
        second.restore(snapshot);
        second.start();
        await(() -> receiver.alertsById().size() == 2, "both alerts after the restart");
        // the job replays its records since the checkpoint: the same alert again
        fire(second, breach("OMC/1", AlertStatus.FIRING, T0));
        await(() -> receiver.received().size() >= 4, "re-sent");
      }
      assertThat(receiver.alertsByLabels()).as("no alert created twice").hasSize(2);
      assertThat(receiver.latestById().get("GOLDEN_WINDOW_BREACHED:OMC/2").resolved()).isTrue();
      assertThat(receiver.alertsById().get("GOLDEN_WINDOW_BREACHED:OMC/2").get("endsAt").asText())
          .isEqualTo("2026-09-21T14:13:25Z");
      assertThat(receiver.latestById().get("GOLDEN_WINDOW_BREACHED:OMC/1").resolved()).isFalse();
      assertThat(receiver.received().stream().map(a -> a.get("startsAt").asText()).distinct())
          .containsExactly("2026-09-21T14:13:20Z");
    }
  }

  /**
   * Every POST of a firing alert, first and re-sent, carries {@code endsAt} = the moment it is sent (wall clock) + 4
   * resend intervals (docs/operations.md, "Alerts to Alertmanager": as Prometheus does, 4 × its resend delay).
   * The sender is one thread that POSTs one request at a time, so each sending lies after the test's clock before
   * {@code fire} and after the previous arrival, and before its own arrival: a multiple of 3 would put it after its
   * arrival, one of 5 before {@code fire} (unless a loopback POST took longer than the 2 s interval).
   */
  @Test
  void aFiringAlertIsSentWithEndsAtFourResendIntervalsAfterEachSending() throws Exception {
    long resend = 2000;
    String id = "GOLDEN_WINDOW_BREACHED:OMC/1";
    try (AlertReceiver receiver = new AlertReceiver().start();
        AlertDelivery d = new AlertDelivery(receiver.url(), Duration.ofMillis(resend), Duration.ofMillis(50),
            Duration.ofMillis(400), Duration.ofSeconds(2), 1000, new AlertDelivery.Counts()).start()) {
      long before = System.currentTimeMillis();
      fire(d, breach("OMC/1", AlertStatus.FIRING, T0));
      await(() -> receiver.arrivals().size() >= 3, "the first POST and two re-sends");
      List<AlertReceiver.Arrival> sent = receiver.arrivals();
      assertThat(sent).allMatch(a -> a.alert().get("labels").get("alertId").asText().equals(id));
      long previousEnd = before + 4 * resend - 1;
      long notBefore = before;
      for (AlertReceiver.Arrival a : sent) {
        long sentAt = a.endsAtMillis() - 4 * resend;
        assertThat(sentAt).as("endsAt - 4 x resendInterval: the moment it was sent")
            .isBetween(notBefore, a.atMillis());
        assertThat(a.endsAtMillis()).as("each re-send moves endsAt ahead").isGreaterThan(previousEnd);
        assertThat(a.resolved()).isFalse();
        assertThat(a.alert().get("startsAt").asText()).as("startsAt stays the alert's own")
            .isEqualTo("2026-09-21T14:13:20Z");
        previousEnd = a.endsAtMillis();
        notBefore = a.atMillis();
      }
      assertThat(sent.get(sent.size() - 1).endsAtMillis() - sent.get(0).endsAtMillis())
          .as("two re-sends, a resend interval apart").isGreaterThanOrEqualTo(2 * resend - 100);

      // A resolution keeps its own endsAt: the resolution's instant, however late it is sent.
      d.resolve(id, AlertmanagerPayload.firing(breach("OMC/1", AlertStatus.RESOLVED, T0 + 9000), ZONE, "x"),
          T0 + 9000);
      await(() -> receiver.latestById().get(id).resolved(), "the resolution");
      assertThat(receiver.alertsById().get(id).get("endsAt").asText()).isEqualTo("2026-09-21T14:13:29Z");
    }
  }

  @Test
  void aFullPendingSetDropsTheOldestAndCountsIt() {
    AlertDelivery.Counts counts = new AlertDelivery.Counts();
    AlertDelivery d = new AlertDelivery("http://127.0.0.1:9", Duration.ofMinutes(1), Duration.ofMillis(50),
        Duration.ofMillis(50), Duration.ofSeconds(1), 2, counts);
    fire(d, breach("OMC/1", AlertStatus.FIRING, T0));
    fire(d, breach("OMC/2", AlertStatus.FIRING, T0));
    fire(d, breach("OMC/3", AlertStatus.FIRING, T0));
    assertThat(d.unsentIds()).containsExactly("GOLDEN_WINDOW_BREACHED:OMC/2", "GOLDEN_WINDOW_BREACHED:OMC/3");
    // OMC/1 was never accepted: one undelivered alert; it is also no longer re-sent as firing
    assertThat(counts.dropped.get()).isEqualTo(1);
    assertThat(counts.resendsDropped.get()).isEqualTo(1);
    assertThat(counts.undelivered()).isEqualTo(1);
    d.close();
  }
}
