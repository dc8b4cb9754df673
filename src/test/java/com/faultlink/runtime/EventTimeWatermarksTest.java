package com.faultlink.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class EventTimeWatermarksTest {
  private static final long MIN = 60_000;

  private static final class Collected implements WatermarkOutput {
    final List<Long> marks = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
      marks.add(watermark.getTimestamp());
    }

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    long last() {
      return marks.get(marks.size() - 1);
    }
  }

  @Test
  void whileEventsFlowTheWatermarkFollowsThemAndWhenQuietItFollowsTheWallClock() {
    AtomicLong clock = new AtomicLong(1_000 * MIN);
    EventTimeWatermarks.WallClockWhenIdle<String> g =
        new EventTimeWatermarks.WallClockWhenIdle<>(5 * MIN, MIN, clock::get);
    Collected out = new Collected();
    g.onEvent("e", 1_000 * MIN, out);
    g.onPeriodicEmit(out);
    assertThat(out.last()).isEqualTo(995 * MIN - 1);
    clock.addAndGet(30_000); // 30 s quiet: not yet idle
    g.onPeriodicEmit(out);
    assertThat(out.marks).hasSize(1);
    clock.set(1_060 * MIN); // an hour of silence at night
    g.onPeriodicEmit(out);
    assertThat(out.last()).as("wall clock minus the out-of-orderness").isEqualTo(1_055 * MIN - 1);
    g.onEvent("late", 1_020 * MIN, out); // an event behind the wall clock does not move it back
    g.onPeriodicEmit(out);
    assertThat(out.last()).isEqualTo(1_055 * MIN - 1);
    assertThat(out.marks).isSorted();
  }

  @Test
  void aBoundedSourceNeverLooksAtTheClock() {
    java.time.Duration five = java.time.Duration.ofMinutes(5);
    java.time.Duration one = java.time.Duration.ofMinutes(1);
    assertThat(EventTimeWatermarks.<String>forSource(false, true, five, one, (s, p) -> 0L)
        .createWatermarkGenerator(null))
        .isInstanceOf(org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks.class);
    assertThat(EventTimeWatermarks.<String>forSource(true, false, five, one, (s, p) -> 0L)
        .createWatermarkGenerator(null))
        .isInstanceOf(org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks.class);
    assertThat(EventTimeWatermarks.<String>forSource(true, true, five, one, (s, p) -> 0L)
        .createWatermarkGenerator(null))
        .isInstanceOf(EventTimeWatermarks.WallClockWhenIdle.class);
  }
}
