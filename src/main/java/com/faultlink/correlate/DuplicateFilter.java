package com.faultlink.correlate;

import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first event of each key through and drops (and counts) the others. The key is forgotten a
 * retention period of event time after it was seen, by an event-time timer, so state stays bounded and a
 * replay forgets exactly what the live run forgot.
 *
 * <p>Being the first keyed operator of its stream, it is also where events behind the watermark — later
 * than the configured out-of-orderness — are counted (when {@code countLate}); they are passed on, not
 * dropped: see the late-events policy in the README.
 */
public final class DuplicateFilter<T> extends KeyedProcessFunction<String, T, T> {
  private static final long serialVersionUID = 1L;
  private static final long MINUTE = 60_000L;

  private final long retentionMillis;
  private final String duplicateCounter;
  private final boolean countLate;

  private transient ValueState<Boolean> seen;
  private transient RunCounter duplicates;
  private transient RunCounter late;

  public DuplicateFilter(Duration retention, String duplicateCounter, boolean countLate) {
    this.retentionMillis = retention.toMillis();
    this.duplicateCounter = duplicateCounter;
    this.countLate = countLate;
  }

  @Override
  public void open(OpenContext openContext) {
    seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Boolean.class));
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
    if (seen.value() != null) {
      duplicates.inc();
      return;
    }
    seen.update(Boolean.TRUE);
    // Rounded up to the minute so that keys seen close together share one timer firing.
    long forgetAt = Math.max(time, watermark) + retentionMillis;
    ctx.timerService().registerEventTimeTimer(saturatedRoundUp(forgetAt));
    out.collect(event);
  }

  private static long saturatedRoundUp(long t) {
    if (t > Long.MAX_VALUE - MINUTE) {
      return Long.MAX_VALUE;
    }
    return Math.floorDiv(t + MINUTE - 1, MINUTE) * MINUTE;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) {
    seen.clear();
  }
}
