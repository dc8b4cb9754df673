package com.faultlink.io.output.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * What one POST carries: a firing alert expires by itself 4 resend intervals after it is sent (docs/operations.md,
 * "Alerts to Alertmanager"), a resolution ends at its own instant.
 */
class AlertmanagerPayloadTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** 2026-09-21T14:13:20Z. */
  private static final long T0 = 1_790_000_000_000L;
  private static final Duration RESEND = Duration.ofMinutes(1);

  private static ObjectNode fired(long at) {
    Alert a = new Alert("GOLDEN_WINDOW_BREACHED:OMC/1", AlertType.GOLDEN_WINDOW_BREACHED, AlertStatus.FIRING,
        "Yinchuan", at, "OMC/1", "C1a", "4G", 45.0, 45.0, 3.5, null, null, null, null, null, null, null, false, null);
    return AlertmanagerPayload.firing(a, ZONE, "http://faultlink.example/alerts");
  }

  @Test
  void aFiringAlertIsSentWithEndsAtFourResendIntervalsAfterItsSending() {
    ObjectNode stored = fired(T0);
    long now = T0 + 3_600_000L + 123;
    ObjectNode sent = AlertmanagerPayload.asSent(stored, now, RESEND);
    // now + 4 min: 15:13:20.123 + 4 min
    assertThat(sent.get("endsAt").asText()).isEqualTo("2026-09-21T15:17:20.123Z");
    assertThat(sent.get("startsAt").asText()).isEqualTo("2026-09-21T14:13:20Z");
    assertThat(sent.get("labels")).isEqualTo(stored.get("labels"));
    assertThat(stored.has("endsAt")).as("the kept state is not stamped: each sending stamps its own").isFalse();
  }

  @Test
  void aFiringAlertDatedAheadOfTheClockExpiresFourIntervalsAfterItsStart() {
    // Alertmanager refuses endsAt before startsAt; an alert dated ahead (a data clock ahead of the wall clock)
    // counts its lease from its start.
    ObjectNode sent = AlertmanagerPayload.asSent(fired(T0), T0 - 3_600_000L, RESEND);
    assertThat(sent.get("endsAt").asText()).isEqualTo("2026-09-21T14:17:20Z");
  }

  @Test
  void aResolutionIsSentWithItsOwnEndsAtHoweverLate() {
    ObjectNode resolution = AlertmanagerPayload.resolved(fired(T0), T0 + 90_000L);
    ObjectNode sent = AlertmanagerPayload.asSent(resolution, T0 + 86_400_000L, RESEND);
    assertThat(sent.get("endsAt").asText()).isEqualTo(Instant.ofEpochMilli(T0 + 90_000L).toString())
        .isEqualTo("2026-09-21T14:14:50Z");
  }
}
