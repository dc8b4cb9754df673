package com.faultlink.burst;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.BurstConfig;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.Attribution;
import com.faultlink.model.Category;
import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Burst detection's cost follows the complaints, not the span of time: a region quiet for longer than {@link
 * BurstModel#FORGET_AFTER_HALF_LIVES} half-lives is not judged window by window through the silence; its history
 * starts again at its next complaint. (Both dates are plausible: the input limits allow them.)
 */
class BurstGapTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long DAY1 = t("2026-10-05T00:00");
  /** Three years later: about 105 000 windows of 15 minutes. */
  private static final long LATER = t("2029-10-05T00:00");
  private static final Duration HALF_LIFE = Duration.ofHours(6);

  private KeyedTwoInputStreamOperatorTestHarness<String, Attribution, Outage, Alert> harness;
  private BurstDetector detector;
  private int ids;

  @BeforeEach
  void open() throws Exception {
    BurstConfig config = new BurstConfig(Duration.ofMinutes(15), "every-day", 1e-5, 5, HALF_LIFE, 2,
        Duration.ofDays(1), null, 2, Duration.ofHours(6), 0.1, 1.0);
    detector = new BurstDetector(ZONE, config, 0);
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(detector, Attribution::region, Outage::region,
        Types.STRING);
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

  /** Two complaints in every window of [from, to), the watermark following. */
  private void background(long from, long to) throws Exception {
    for (long w = from; w < to; w += minutes(15)) {
      complaints(w + minutes(3), 1);
      complaints(w + minutes(11), 1);
      harness.processBothWatermarks(new Watermark(w + minutes(15)));
    }
  }

  @Test
  void yearsOfSilenceAreNotSteppedThroughWindowByWindow() throws Exception {
    background(DAY1, DAY1 + Duration.ofDays(2).toMillis());
    long before = detector.windowsJudged();
    assertThat(before).as("two days of windows").isEqualTo(2 * 96);

    background(LATER, LATER + Duration.ofDays(2).toMillis());
    // The silence is judged only until the history is forgotten (16 half-lives of 6 h = 4 days = 384 windows),
    // then the detector jumps to the next complaint: not 105 000 windows.
    long judgedAfterGap = detector.windowsJudged() - before;
    assertThat(judgedAfterGap).isLessThanOrEqualTo(2 * 96 + 16 * 24 + 1);
  }

  @Test
  void afterTheJumpTheRegionWarmsUpAgainAndThenDetectsABurst() throws Exception {
    background(DAY1, DAY1 + Duration.ofDays(2).toMillis());
    background(LATER, LATER + Duration.ofHours(12).toMillis());
    // Inside the new warm-up (P1D): no learned threshold, so 40 complaints raise no alert.
    complaints(LATER + Duration.ofHours(12).toMillis() + minutes(5), 40);
    background(LATER + Duration.ofHours(12).toMillis(), LATER + Duration.ofDays(2).toMillis());
    // Once warm again: a burst.
    long burstAt = LATER + Duration.ofDays(2).toMillis();
    complaints(burstAt + minutes(5), 40);
    harness.processBothWatermarks(new Watermark(burstAt + minutes(15)));
    assertThat(harness.extractOutputValues()).extracting(Alert::status, Alert::windowStart)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertStatus.FIRING, burstAt));
  }
}
