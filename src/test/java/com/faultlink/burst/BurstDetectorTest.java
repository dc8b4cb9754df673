package com.faultlink.burst;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.BurstConfig;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.Attribution;
import com.faultlink.model.BurstThreshold;
import com.faultlink.model.Category;
import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The detector operator: windows judged when the watermark passes their end, one alert per episode and its
 * resolution, the warm-up, explaining outages, late complaints. Background: 2 complaints in every
 * 15-minute window (threshold 10 once learned); one band per time of day ({@code every-day}).
 */
class BurstDetectorTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long DAY1 = t("2026-10-05T00:00");
  private static final long DAY3 = t("2026-10-07T00:00");

  private KeyedTwoInputStreamOperatorTestHarness<String, Attribution, Outage, Alert> harness;
  private int ids;

  private static BurstConfig config(Duration warmup, Integer initialThreshold) {
    return new BurstConfig(Duration.ofMinutes(15), "every-day", 1e-5, 5, Duration.ofDays(14), 2, warmup,
        initialThreshold, 2, Duration.ofHours(6), 0.1, 1.0);
  }

  private void open(BurstConfig config) throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new BurstDetector(ZONE, config, 0),
        Attribution::region, Outage::region, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void complaints(long at, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      harness.processElement1(new Attribution("TT-" + ++ids, null, "Yinchuan", "C1a", MatchLevel.CELL, null, at,
          Category.VOICE, "k", false, false, null), at);
    }
  }

  /** Two complaints in every window of [from, to). */
  private void background(long from, long to) throws Exception {
    for (long w = from; w < to; w += minutes(15)) {
      complaints(w + minutes(3), 1);
      complaints(w + minutes(11), 1);
    }
  }

  private void watermark(long at) throws Exception {
    harness.processBothWatermarks(new Watermark(at));
  }

  private List<Alert> alerts() {
    return harness.extractOutputValues();
  }

  private List<BurstThreshold> thresholds() {
    return harness.getSideOutput(BurstDetector.THRESHOLDS).stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void anEpisodeStartsAtItsFirstBurstWindowAndEndsAfterTwoQuietWindows() throws Exception {
    open(config(Duration.ofDays(2), null));
    background(DAY1, t("2026-10-07T10:00"));
    complaints(t("2026-10-07T10:01"), 25); // 10:00-10:15: burst
    complaints(t("2026-10-07T10:20"), 14); // 10:15-10:30: still a burst, same episode
    complaints(t("2026-10-07T10:31"), 2);  // 10:30-10:45: quiet
    complaints(t("2026-10-07T10:50"), 3);  // 10:45-11:00: quiet: the episode ends
    background(t("2026-10-07T11:00"), t("2026-10-07T12:00"));

    watermark(t("2026-10-07T10:14"));
    assertThat(alerts()).as("decided only once the watermark passes the window's end").isEmpty();
    watermark(t("2026-10-07T10:15"));
    assertThat(alerts()).hasSize(1);
    Alert firing = alerts().get(0);
    assertThat(firing.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(firing.alertId()).isEqualTo("COMPLAINT_BURST/Yinchuan/2026-10-07T10:00:00+08:00");
    assertThat(firing.at()).isEqualTo(t("2026-10-07T10:15"));
    assertThat(firing.windowStart()).isEqualTo(t("2026-10-07T10:00"));
    assertThat(firing.windowEnd()).isEqualTo(t("2026-10-07T10:15"));
    assertThat(firing.count()).isEqualTo(25);
    assertThat(firing.threshold()).as("Poisson(2): P(X ≥ 11) ≤ 1e-5 < P(X ≥ 10)").isEqualTo(11.0);
    assertThat(firing.expected()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(firing.explainingOutages()).isEmpty();

    watermark(t("2026-10-07T10:45"));
    assertThat(alerts()).as("one alert per episode, not per window; one quiet window does not end it").hasSize(1);
    watermark(t("2026-10-07T11:00"));
    assertThat(alerts()).hasSize(2);
    Alert resolved = alerts().get(1);
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.alertId()).isEqualTo(firing.alertId());
    assertThat(resolved.at()).isEqualTo(t("2026-10-07T11:00"));
    assertThat(resolved.count()).isEqualTo(25);

    watermark(Long.MAX_VALUE);
    assertThat(alerts()).hasSize(2);
  }

  @Test
  void anEpisodeEndsOnTimeEvenWhenNoComplaintFollowsIt() throws Exception {
    open(config(Duration.ofDays(2), null));
    background(DAY1, t("2026-10-07T10:00"));
    complaints(t("2026-10-07T10:01"), 25);
    watermark(t("2026-10-07T10:40"));
    assertThat(alerts()).extracting(Alert::status).containsExactly(AlertStatus.FIRING);
    watermark(t("2026-10-07T10:45"));
    assertThat(alerts()).extracting(Alert::status, Alert::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertStatus.FIRING, t("2026-10-07T10:15")),
            org.assertj.core.groups.Tuple.tuple(AlertStatus.RESOLVED, t("2026-10-07T10:45")));
  }

  @Test
  void noAlertDuringTheWarmUpThenTheLearnedThresholdIsPublishedAndUsed() throws Exception {
    open(config(Duration.ofDays(2), null));
    background(DAY1, t("2026-10-06T16:00"));
    complaints(t("2026-10-06T16:01"), 25); // day 2: still warming up
    background(t("2026-10-06T16:15"), t("2026-10-07T10:00"));
    complaints(t("2026-10-07T10:01"), 25); // day 3: warm
    watermark(t("2026-10-07T10:15"));

    assertThat(alerts()).extracting(Alert::windowStart).containsExactly(t("2026-10-07T10:00"));
    List<BurstThreshold> published = thresholds();
    assertThat(published).as("no threshold before the warm-up is over")
        .allMatch(b -> b.validFrom() >= DAY3);
    assertThat(published).as("one per band as the warm-up ends, up to 10:00-10:15")
        .hasSize(40 + 1)
        .allMatch(b -> b.threshold() == 11.0 && b.windowMinutes() == 15.0 && b.region().equals("Yinchuan"));
    assertThat(published.get(0).band()).isEqualTo("daily 00:00-00:15");
    assertThat(published.get(0).validFrom()).isEqualTo(DAY3);
    assertThat(published.get(40).band()).isEqualTo("daily 10:00-10:15");
    assertThat(published.get(40).validFrom()).isEqualTo(t("2026-10-07T10:00"));
    assertThat(published.get(40).expected()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(published.get(40).distribution()).isEqualTo("poisson");
  }

  @Test
  void aConfiguredInitialThresholdAlertsDuringTheWarmUp() throws Exception {
    open(config(Duration.ofDays(2), 12));
    background(DAY1, t("2026-10-05T10:00"));
    complaints(t("2026-10-05T10:01"), 15);
    watermark(t("2026-10-05T10:15"));
    assertThat(alerts()).extracting(Alert::threshold, Alert::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(12.0, 15L));
    assertThat(thresholds()).first().satisfies(b -> {
      assertThat(b.distribution()).isEqualTo("configured");
      assertThat(b.validFrom()).isEqualTo(DAY1);
    });
  }

  @Test
  void theAlertNamesTheRegionsOutagesOpenDuringItsWindow() throws Exception {
    open(config(Duration.ofDays(2), null));
    background(DAY1, t("2026-10-07T10:00"));
    Outage before = new Outage("OMC/A-1", "C1a", "S1", "Yinchuan", "4G", t("2026-10-07T08:00"), t("2026-10-07T09:00"), null, false, null);
    Outage during = new Outage("OMC/A-3", "C2", "S2", "Yinchuan", "4G", t("2026-10-07T09:30"), t("2026-10-07T10:05"), null, false, null);
    Outage open = new Outage("OMC/A-2", "C1b", "S1", "Yinchuan", "5G", t("2026-10-07T10:12"), null, null, false, null);
    Outage after = new Outage("OMC/A-4", "C3", "S3", "Yinchuan", "4G", t("2026-10-07T10:15"), null, null, false, null);
    for (Outage o : List.of(before, during, open, after)) {
      harness.processElement2(o, o.start());
    }
    complaints(t("2026-10-07T10:01"), 25);
    watermark(t("2026-10-07T10:15"));
    assertThat(alerts()).singleElement().extracting(Alert::explainingOutages)
        .isEqualTo(List.of("OMC/A-2", "OMC/A-3"));
  }

  @Test
  void aComplaintForAnAlreadyJudgedWindowDoesNotChangeIt() throws Exception {
    open(config(Duration.ofDays(2), null));
    background(DAY1, t("2026-10-07T10:00"));
    complaints(t("2026-10-07T10:01"), 9);
    watermark(t("2026-10-07T10:20"));
    complaints(t("2026-10-07T10:02"), 5); // behind the watermark: its window was judged with 9
    watermark(Long.MAX_VALUE);
    assertThat(alerts()).isEmpty();
  }
}
