package com.faultlink.io.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.config.AlertmanagerConfig;
import com.faultlink.golden.MassOutageDetector;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.Outage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The sink's writer fed with what the detectors emit, against a real HTTP receiver on loopback. */
class AlertmanagerSinkTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long T0 = OffsetDateTime.parse("2026-10-14T17:00:00+08:00").toInstant().toEpochMilli();
  private static final long MINUTE = 60_000L;

  private static Outage outage(int i, long start, Long end) {
    return new Outage("OMC/" + i, "C" + i, "S", "Wuzhong", "4G", start, end, null, false, null);
  }

  /** A MASS_OUTAGE episode from 17:01 (two outages open) to 17:20 (one cleared), as the detector reports it. */
  private static List<Alert> massOutageEpisode() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Outage, Alert> h = ProcessFunctionTestHarnesses
        .forKeyedProcessFunction(new MassOutageDetector(2, 5 * MINUTE, java.time.ZoneId.of("Asia/Shanghai")), Outage::region, Types.STRING)) {
      h.processElement(outage(1, T0, null), T0);
      h.processElement(outage(2, T0 + MINUTE, null), T0 + MINUTE);
      h.processElement(outage(1, T0, T0 + 20 * MINUTE), T0 + 20 * MINUTE);
      h.processWatermark(T0 + 60 * MINUTE);
      return h.extractOutputValues();
    }
  }

  @Test
  void aMassOutageIsResolvedInAlertmanagerWhenItsEpisodeEnds() throws Exception {
    List<Alert> records = massOutageEpisode();
    assertThat(records).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    try (AlertReceiver receiver = new AlertReceiver().start()) {
      AlertmanagerConfig config = new AlertmanagerConfig(receiver.url(), "http://faultlink.example/alerts",
          Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(2), 1000,
          Duration.ofSeconds(5));
      AlertmanagerSink.Writer writer = new AlertmanagerSink.Writer(config, ZONE, new UnregisteredMetricsGroup(),
          List.of());
      try {
        writer.write(records.get(0), null);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (receiver.received().size() < 2 && System.nanoTime() < until) {
          Thread.sleep(20); // sent, then re-sent while it fires
        }
        writer.write(records.get(1), null);
        JsonNode state = new ObjectMapper().readTree(writer.snapshotState(1).get(0));
        assertThat(state.get("firing").size()).as("no longer re-sent as firing after a restart").isZero();
      } finally {
        writer.flush(true); // the end of input, as Flink signals it
        writer.close(); // delivers what is unsent, within the close timeout
      }
      List<JsonNode> received = receiver.received();
      assertThat(received.size()).as("fired and re-sent before the resolution").isGreaterThanOrEqualTo(3);
      assertThat(receiver.alertsByLabels()).as("one alert: the resolution has the firing labels").hasSize(1);
      JsonNode alert = receiver.alertsById().get("MASS_OUTAGE/Wuzhong/2026-10-14T17:01:00+08:00");
      assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("MASS_OUTAGE");
      assertThat(alert.get("labels").get("severity").asText()).isEqualTo("critical");
      assertThat(alert.get("startsAt").asText()).isEqualTo("2026-10-14T09:01:00Z");
      assertThat(alert.get("endsAt").asText()).as("the episode's end").isEqualTo("2026-10-14T09:20:00Z");
      assertThat(alert.get("annotations").get("outagesOpen").asText()).isEqualTo("2");
      assertThat(received.get(received.size() - 1).has("endsAt")).as("nothing sent as firing after it").isTrue();
    }
  }
}
