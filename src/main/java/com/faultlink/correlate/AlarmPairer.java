package com.faultlink.correlate;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import com.faultlink.model.DeadLetter;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Pairs each alarm's raise with its clear, keyed by source system and {@code alarm.id}, whatever order they
 * arrive in, and tells outage assembly which cell each concerns. A clear that finds no raise waits a
 * retention period for one (it may come late), then is counted as a clear without raise.
 *
 * <p>Event-time timers clear every paired alarm. A raise that is never cleared (a stuck alarm) would stay
 * forever, one per alarm id: the state therefore also has a processing-time TTL ({@code state.ttl}, default
 * 30 days since it was written). A clear that arrives after its raise expired counts as a clear without raise.
 *
 * <p>Two clears are rejected here, where the raise is known, to {@link #REJECTED_CLEARS} with their line (the
 * contract's "Implausible times"): a clear stated before its raise (the alarm stays open), and a clear that the
 * parse stage found too late on its input, unless its raise is still open (a clear of an outage still open is
 * never too late).
 */
public final class AlarmPairer extends KeyedProcessFunction<String, AlarmEvent, CellAlarm> {
  private static final long serialVersionUID = 1L;

  /** Clears rejected by their raise (see above), as dead letters of the alarms input, lines uncut. */
  public static final OutputTag<DeadLetter> REJECTED_CLEARS = new OutputTag<>("rejected-clears") {};

  private final long retentionMillis;
  private final Duration ttl;

  private transient ValueState<AlarmEvent> raise;
  private transient ValueState<AlarmEvent> waitingClear;
  private transient ValueState<Boolean> cleared;
  private transient RunCounter duplicateRaises;
  private transient RunCounter clearsWithoutRaise;
  private transient RunCounter clearsBeforeRaise;
  private transient RunCounter deadLetters;
  private transient RunCounter tooLate;
  private transient RunCounter lateClearsApplied;

  public AlarmPairer(Duration retention) {
    this(retention, Duration.ofDays(30));
  }

  public AlarmPairer(Duration retention, Duration ttl) {
    this.retentionMillis = retention.toMillis();
    this.ttl = ttl;
  }

  private <T> ValueStateDescriptor<T> withTtl(ValueStateDescriptor<T> descriptor) {
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl).updateTtlOnCreateAndWrite().neverReturnExpired().build());
    return descriptor;
  }

  @Override
  public void open(OpenContext openContext) {
    raise = getRuntimeContext().getState(withTtl(new ValueStateDescriptor<>("raise", AlarmEvent.class)));
    waitingClear = getRuntimeContext().getState(withTtl(new ValueStateDescriptor<>("waiting-clear", AlarmEvent.class)));
    cleared = getRuntimeContext().getState(withTtl(new ValueStateDescriptor<>("cleared", Boolean.class)));
    duplicateRaises = RunCounter.register(getRuntimeContext(), CounterNames.DUPLICATE_RAISES);
    clearsWithoutRaise = RunCounter.register(getRuntimeContext(), CounterNames.CLEARS_WITHOUT_RAISE);
    clearsBeforeRaise = RunCounter.register(getRuntimeContext(), CounterNames.CLEARS_BEFORE_RAISE);
    deadLetters = RunCounter.register(getRuntimeContext(), CounterNames.DEAD_LETTERS);
    tooLate = RunCounter.register(getRuntimeContext(), CounterNames.TOO_LATE_LINES);
    lateClearsApplied = RunCounter.register(getRuntimeContext(), CounterNames.LATE_CLEARS_OF_OPEN_OUTAGES);
  }

  @Override
  public void processElement(AlarmEvent alarm, Context ctx, Collector<CellAlarm> out) throws Exception {
    if (alarm.kind() == AlarmKind.RAISE) {
      onRaise(alarm, ctx, out);
    } else {
      onClear(alarm, ctx, out);
    }
  }

  private void onRaise(AlarmEvent alarm, Context ctx, Collector<CellAlarm> out) throws Exception {
    if (raise.value() != null) {
      duplicateRaises.inc();
      return;
    }
    raise.update(alarm);
    out.collect(new CellAlarm(alarm.objectId(), alarm.alarmKey(), AlarmKind.RAISE, alarm.time(),
        alarm.plannedOutOfService()));
    AlarmEvent clear = waitingClear.value();
    if (clear != null) {
      waitingClear.clear();
      emitClear(alarm, clear, ctx, out);
    }
  }

  private void onClear(AlarmEvent clear, Context ctx, Collector<CellAlarm> out) throws Exception {
    AlarmEvent raised = raise.value();
    if (clear.tooLate()) {
      if (raised == null || cleared.value() != null) {
        tooLate.inc();
        reject(clear, "too late: alarmClearedTime " + java.time.Instant.ofEpochMilli(clear.time())
            + " is more than input.maxLateness before the newest time read before it on this input,"
            + " and its raise is not open", ctx);
        return;
      }
      lateClearsApplied.inc();
    }
    if (raised == null) {
      if (waitingClear.value() == null) {
        waitingClear.update(clear);
        ctx.timerService().registerEventTimeTimer(saturatedAdd(clear.time(), retentionMillis));
      } else {
        clearsWithoutRaise.inc();
      }
      return;
    }
    if (cleared.value() != null) {
      clearsWithoutRaise.inc();
      return;
    }
    emitClear(raised, clear, ctx, out);
  }

  private void emitClear(AlarmEvent raised, AlarmEvent clear, Context ctx, Collector<CellAlarm> out) {
    long time = clear.time();
    if (time < raised.time()) {
      // A clock error at the source: the clear is rejected and the alarm stays open for a clear that fits.
      clearsBeforeRaise.inc();
      reject(clear, "clear before its raise: alarmClearedTime " + java.time.Instant.ofEpochMilli(time)
          + " is before alarmRaisedTime " + java.time.Instant.ofEpochMilli(raised.time()), ctx);
      return;
    }
    try {
      cleared.update(Boolean.TRUE);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    out.collect(new CellAlarm(raised.objectId(), raised.alarmKey(), AlarmKind.CLEAR, time, false));
    ctx.timerService().registerEventTimeTimer(saturatedAdd(time, retentionMillis));
  }

  /** A clear parsed without its line (tests, tools) is counted only. */
  private void reject(AlarmEvent clear, String reason, Context ctx) {
    if (clear.line() != null) {
      deadLetters.inc();
      ctx.output(REJECTED_CLEARS, new DeadLetter("alarms", reason, clear.line(), false));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CellAlarm> out) throws Exception {
    AlarmEvent clear = waitingClear.value();
    if (clear != null && clear.time() + retentionMillis <= timestamp) {
      clearsWithoutRaise.inc();
      waitingClear.clear();
    }
    if (cleared.value() != null) {
      raise.clear();
      cleared.clear();
    }
  }

  public static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
