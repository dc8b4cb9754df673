package com.faultlink.correlate;

import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.io.Serializable;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * {@link DuplicateFilter}'s decisions for a stream of millions of events (the alarms, nine in ten of them
 * noise), with cheaper state. {@link DuplicateFilter} keeps a value and an event-time timer per event id: on a
 * replay, registering, ordering and firing ten million timers was most of the cost of deduplication.
 *
 * <p>Here the stream is keyed by a bucket of the event id ({@link #bucketOf}, {@value #BUCKETS} buckets); each
 * bucket keeps a map from event id to the instant it is forgotten (the same instant {@link DuplicateFilter}'s
 * timer has: the event's time, or the watermark if later, plus the retention, rounded up to the minute). An id
 * counts as seen while that instant is after the current watermark, which is exactly while that timer would not
 * have fired yet, so every event is passed, dropped and counted (duplicates, late events) as {@link
 * DuplicateFilter} does. Memory is freed by one timer per bucket and purge slot (a quarter of the retention, at
 * least a minute), which scans the bucket: forgotten ids stay in memory at most a quarter of the retention longer
 * (a finer slot scans each id more often; on a replay a quarter costs less than the timers did).
 */
public final class BucketedDuplicateFilter<T> extends KeyedProcessFunction<Integer, T, T> {
  private static final long serialVersionUID = 1L;
  private static final long MINUTE = 60_000L;

  /** Buckets of event ids: many per key group (128 by default), a few hundred ids each on a province's alarms. */
  public static final int BUCKETS = 4096;

  /** The id that makes two events one. */
  @FunctionalInterface
  public interface EventId<T> extends Serializable {
    String of(T event);
  }

  private final EventId<T> eventId;
  private final long retentionMillis;
  private final long purgeSlotMillis;
  private final String duplicateCounter;
  private final boolean countLate;

  private transient MapState<String, Long> forgetAt;
  private transient RunCounter duplicates;
  private transient RunCounter late;

  public BucketedDuplicateFilter(EventId<T> eventId, Duration retention, String duplicateCounter, boolean countLate) {
    this.eventId = eventId;
    this.retentionMillis = retention.toMillis();
    this.purgeSlotMillis = Math.max(MINUTE, retentionMillis / 4 / MINUTE * MINUTE);
    this.duplicateCounter = duplicateCounter;
    this.countLate = countLate;
  }

  /** The bucket of an event id: the key to partition by. */
  public static int bucketOf(String eventId) {
    return Math.floorMod(eventId.hashCode(), BUCKETS);
  }

  /** The key selector for {@code keyBy}, with {@code Types.INT}. */
  public static <T> KeySelector<T, Integer> keyOf(EventId<T> eventId) {
    return event -> bucketOf(eventId.of(event));
  }

  @Override
  public void open(OpenContext openContext) {
    forgetAt = getRuntimeContext().getMapState(new MapStateDescriptor<>("forget-at", Types.STRING, Types.LONG));
    duplicates = RunCounter.register(getRuntimeContext(), duplicateCounter);
    late = RunCounter.register(getRuntimeContext(), CounterNames.LATE_EVENTS);
  }

  @Override
  public void processElement(T event, Context ctx, Collector<T> out) throws Exception {
    long watermark = ctx.timerService().currentWatermark();
    long time = ctx.timestamp() == null ? watermark : ctx.timestamp();
    if (countLate && time < watermark) {
      late.inc();
    }
    String id = eventId.of(event);
    Long until = forgetAt.get(id);
    if (until != null && until > watermark) {
      duplicates.inc();
      return;
    }
    long forget = saturatedRoundUp(Math.max(time, watermark) + retentionMillis, MINUTE);
    forgetAt.put(id, forget);
    ctx.timerService().registerEventTimeTimer(saturatedRoundUp(forget, purgeSlotMillis));
    out.collect(event);
  }

  /** Frees the ids of the bucket that are forgotten by now (each id's own slot has a timer). */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) throws Exception {
    Iterator<Map.Entry<String, Long>> it = forgetAt.iterator();
    while (it.hasNext()) {
      if (it.next().getValue() <= timestamp) {
        it.remove();
      }
    }
    if (forgetAt.isEmpty()) {
      forgetAt.clear();
    }
  }

  private static long saturatedRoundUp(long t, long unit) {
    if (t > Long.MAX_VALUE - unit) {
      return Long.MAX_VALUE;
    }
    return Math.floorDiv(t + unit - 1, unit) * unit;
  }
}
