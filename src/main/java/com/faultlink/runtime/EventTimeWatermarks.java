package com.faultlink.runtime;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermark strategies of FaultLink's inputs: bounded out-of-orderness behind the newest event, and, for
 * unbounded (live) sources, a wall-clock fallback when the input goes quiet.
 *
 * <p>Why: every decision in FaultLink waits for the watermark. In a live run at night a source may carry no
 * event for an hour; with plain bounded out-of-orderness the watermark would stand still and a breach due
 * at 03:10 would only fire with the next event. {@code withIdleness} does not help: it only stops an idle
 * split from holding others back, it never moves time forward. With {@link #live} the generator, once no
 * event has arrived for {@code idleAfter} (processing time), advances the watermark to the wall clock
 * minus the out-of-orderness, as if an event stamped "now" had arrived; the watermark never goes back, and
 * as soon as events flow again it follows them. This assumes event time is roughly wall-clock time, which
 * holds for a live feed and not for a replay: bounded inputs (files, {@code bounded: true} topics) must use
 * {@link #bounded}, end with the final watermark, and never look at the clock.
 */
public final class EventTimeWatermarks {
  private EventTimeWatermarks() {}

  /** Reads the wall clock (epoch millis); a seam for tests. */
  @FunctionalInterface
  public interface WallClock extends Serializable {
    long now();
  }

  /** Bounded out-of-orderness only: bounded inputs and replays. */
  public static <T> WatermarkStrategy<T> bounded(Duration outOfOrderness, SerializableTimestampAssigner<T> time) {
    return WatermarkStrategy.<T>forBoundedOutOfOrderness(outOfOrderness).withTimestampAssigner(time);
  }

  /** Bounded out-of-orderness, following the wall clock once no event arrived for {@code idleAfter}. */
  public static <T> WatermarkStrategy<T> live(Duration outOfOrderness, Duration idleAfter,
      SerializableTimestampAssigner<T> time) {
    return live(outOfOrderness, idleAfter, time, System::currentTimeMillis);
  }

  public static <T> WatermarkStrategy<T> live(Duration outOfOrderness, Duration idleAfter,
      SerializableTimestampAssigner<T> time, WallClock clock) {
    long ooo = outOfOrderness.toMillis();
    long idle = idleAfter.toMillis();
    return WatermarkStrategy.<T>forGenerator(ctx -> new WallClockWhenIdle<>(ooo, idle, clock))
        .withTimestampAssigner(time);
  }

  /** Either, by whether the source is unbounded and the switch is on. */
  public static <T> WatermarkStrategy<T> forSource(boolean unbounded, boolean followWallClockWhenIdle,
      Duration outOfOrderness, Duration idleAfter, SerializableTimestampAssigner<T> time) {
    return unbounded && followWallClockWhenIdle
        ? live(outOfOrderness, idleAfter, time)
        : bounded(outOfOrderness, time);
  }

  /** The generator behind {@link #live}. */
  public static final class WallClockWhenIdle<T> implements WatermarkGenerator<T> {
    private final long outOfOrdernessMillis;
    private final long idleAfterMillis;
    private final WallClock clock;
    private long newestEvent = Long.MIN_VALUE;
    private long lastEventAt;
    private long emitted = Long.MIN_VALUE;

    public WallClockWhenIdle(long outOfOrdernessMillis, long idleAfterMillis, WallClock clock) {
      this.outOfOrdernessMillis = outOfOrdernessMillis;
      this.idleAfterMillis = idleAfterMillis;
      this.clock = clock;
      this.lastEventAt = clock.now();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
      newestEvent = Math.max(newestEvent, eventTimestamp);
      lastEventAt = clock.now();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      long candidate = newestEvent == Long.MIN_VALUE ? Long.MIN_VALUE : newestEvent - outOfOrdernessMillis - 1;
      long now = clock.now();
      if (now - lastEventAt >= idleAfterMillis) {
        candidate = Math.max(candidate, now - outOfOrdernessMillis - 1);
      }
      if (candidate > emitted) {
        emitted = candidate;
        output.emitWatermark(new Watermark(candidate));
      }
    }
  }
}
