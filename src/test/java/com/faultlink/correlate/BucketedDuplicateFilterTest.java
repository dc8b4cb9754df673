package com.faultlink.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class BucketedDuplicateFilterTest {
  private static final Duration RETENTION = Duration.ofMinutes(10);

  private static KeyedOneInputStreamOperatorTestHarness<Integer, String, String> bucketed() throws Exception {
    BucketedDuplicateFilter.EventId<String> id = s -> s;
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new BucketedDuplicateFilter<>(id, RETENTION, "duplicates", true), BucketedDuplicateFilter.keyOf(id),
        Types.INT);
  }

  @Test
  void theSecondEventWithTheSameIdIsDropped() throws Exception {
    try (var harness = bucketed()) {
      harness.processElement("ev-1", 1_000);
      harness.processElement("ev-2", 2_000);
      harness.processElement("ev-1", 3_000);
      assertThat(harness.extractOutputValues()).containsExactly("ev-1", "ev-2");
    }
  }

  @Test
  void anIdIsForgottenAfterTheRetentionAndItsMemoryFreedSoStateStaysBounded() throws Exception {
    try (var harness = bucketed()) {
      harness.processElement("ev-1", 1_000);
      harness.processElement("ev-2", 1_000 + Duration.ofMinutes(3).toMillis());
      assertThat(harness.numEventTimeTimers()).as("one purge timer per bucket and slot").isLessThanOrEqualTo(2);
      harness.processWatermark(1_000 + Duration.ofMinutes(11).toMillis());
      harness.processElement("ev-1", Duration.ofMinutes(12).toMillis());
      assertThat(harness.extractOutputValues()).containsExactly("ev-1", "ev-2", "ev-1");
      harness.processWatermark(Duration.ofMinutes(60).toMillis());
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aLateEventIsPassedOnNotDropped() throws Exception {
    try (var harness = bucketed()) {
      harness.processWatermark(50_000);
      harness.processElement("ev-late", 1_000);
      assertThat(harness.extractOutputValues()).containsExactly("ev-late");
    }
  }

  /**
   * The same decisions as {@link DuplicateFilter}, a value and a timer per id: random streams with duplicates,
   * out-of-order and late events, ids forgotten and seen again, watermarks between them.
   */
  @Test
  void decidesEveryEventAsTheFilterWithATimerPerId() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    for (int run = 0; run < 20; run++) {
      try (var expected = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
              new DuplicateFilter<String>(RETENTION, "duplicates", true), s -> s, Types.STRING);
          var actual = bucketed()) {
        long now = 0;
        long watermark = Long.MIN_VALUE;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
          now += random.nextInt(20_000);
          String id = ids.isEmpty() || random.nextInt(4) > 0 ? "ev-" + random.nextInt(100_000)
              : ids.get(ids.size() - 1 - random.nextInt(Math.min(ids.size(), 200)));
          ids.add(id);
          long time = now - random.nextInt(600_000); // some behind the watermark
          expected.processElement(id, time);
          actual.processElement(id, time);
          if (random.nextInt(10) == 0) {
            watermark = Math.max(watermark, now - 300_000);
            expected.processWatermark(watermark);
            actual.processWatermark(watermark);
          }
        }
        assertThat(actual.extractOutputValues()).as("run %d", run).isEqualTo(expected.extractOutputValues());
        assertThat(actual.extractOutputValues().size()).isLessThan(3000);
      }
    }
  }
}
