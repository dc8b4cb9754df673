package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.FaultLinkPipeline;
import com.faultlink.model.AlarmEvent;
import org.junit.jupiter.api.Test;

/** A raw line's event time in the source is exactly what the parsed event's would be; bad lines move nothing. */
class LineEventTimeTest {
  private final LineEventTime<AlarmEvent> time = new LineEventTime<>(FaultLinkPipeline.alarmParsers(), AlarmEvent::time);

  private static final String RAISE = "{\"eventId\":\"ev-1\",\"eventType\":\"AlarmCreateEvent\","
      + "\"eventTime\":\"2011-09-05T08:00:30+08:00\",\"event\":{\"alarm\":{\"id\":\"A-17\",\"state\":\"raised\","
      + "\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
      + "\"alarmRaisedTime\":\"2011-09-05T08:00:00+08:00\",\"sourceSystemId\":\"OMC-ZTE-1\"}}}";

  @Test
  void anAcceptedLineTakesItsDomainTime() {
    assertThat(time.extractTimestamp(RAISE, 42L)).isEqualTo(java.time.Instant.parse("2011-09-05T00:00:00Z").toEpochMilli());
  }

  @Test
  void aRejectedOrSkippedLineNeverMovesTheWatermark() {
    assertThat(time.extractTimestamp("not json", 42L)).isEqualTo(Long.MIN_VALUE);
    assertThat(time.extractTimestamp("", 42L)).isEqualTo(Long.MIN_VALUE);
    // A damaged line with a far-future time must not push event time there.
    assertThat(time.extractTimestamp(RAISE.replace("\"eventId\":\"ev-1\",", "")
        .replace("2011-09-05T08:00:00", "2099-01-01T00:00:00"), 42L)).isEqualTo(Long.MIN_VALUE);
    assertThat(time.extractTimestamp(RAISE.replace("AlarmCreateEvent", "AlarmAttributeValueChangeEvent"), 42L))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aLineDatedImplausiblyGetsNoTimestamp_soItMovesNoWatermark() {
    long start = java.time.Instant.parse("2026-12-07T00:00:00Z").toEpochMilli();
    LineEventTime<AlarmEvent> checked = new LineEventTime<>(FaultLinkPipeline.alarmParsers(), EventTimes.alarms(),
        new TimeSanity(com.faultlink.config.InputLimits.defaults(), false, start));
    String plausible = RAISE.replace("2011-09-05", "2026-10-05");
    assertThat(checked.extractTimestamp(plausible, 42L))
        .isEqualTo(java.time.Instant.parse("2026-10-05T00:00:00Z").toEpochMilli());
    // 2011 is plausible (after 2000), so the unchanged sample line keeps its time ...
    assertThat(checked.extractTimestamp(RAISE, 42L)).isEqualTo(time.extractTimestamp(RAISE, 42L));
    // ... while 9999 (domain time or eventTime) and 1970 get none.
    assertThat(checked.extractTimestamp(plausible.replace("2026-10-05T08:00:00+08:00", "9999-12-30T00:00:00+08:00"),
        42L)).isEqualTo(Long.MIN_VALUE);
    assertThat(checked.extractTimestamp(plausible.replace("2026-10-05T08:00:30+08:00", "9999-12-30T00:00:00+08:00"),
        42L)).isEqualTo(Long.MIN_VALUE);
    assertThat(checked.extractTimestamp(plausible.replace("2026-10-05T08:00:00+08:00", "1970-01-01T08:00:00+08:00"),
        42L)).isEqualTo(Long.MIN_VALUE);
  }
}
