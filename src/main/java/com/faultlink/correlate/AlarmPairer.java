package com.faultlink.correlate;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import com.faultlink.model.DeadLetter;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
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
 * <p>All state goes on event-time timers: a paired alarm a retention after its clear, a clear without raise a
 * retention after its time, and a raise never cleared (a stuck alarm, a lost clear) at its raise + {@code
 * outages.maxOpen}. By then outage assembly has closed the outage it belongs to as stale (that outage started no
 * later than this raise), so forgetting it can leave no outage open: a clear stamped later counts as a clear
 * without raise, whenever it arrives. Until then a clear is paired and passed on even if its outage was closed as stale meanwhile
 * (assembly counts it, {@code clearsAfterStale}). There is no processing-time TTL: a TTL on the wall clock expires
 * state that event time still needs (a slow or paused job, a replay, a restore from an old savepoint), and a clear
 * arriving after its raise expired left its outage open for ever, swallowing every later outage of its cell.
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

  /**
   * Acknowledgements of outage alarms, with their raise: each alarm's first one, and an earlier one arriving later
   * (disorder). An acknowledgement before its raise's time is counted ({@code acksIgnored}) and dropped; one whose
   * raise has not come yet waits for it as a clear does.
   */
  public static final OutputTag<AlarmAck> ACKS = new OutputTag<>("alarm-acks") {};

  private final long retentionMillis;
  private final long maxOpenMillis;

  private transient ValueState<AlarmEvent> raise;
  private transient ValueState<AlarmEvent> waitingClear;
  private transient ValueState<Boolean> cleared;
  /** The earliest acknowledgement passed on, or waiting for its raise. */
  private transient ValueState<Long> acked;
  private transient RunCounter acksIgnored;
  private transient RunCounter duplicateRaises;
  private transient RunCounter clearsWithoutRaise;
  private transient RunCounter clearsBeforeRaise;
  private transient RunCounter deadLetters;
  private transient RunCounter tooLate;
  private transient RunCounter lateClearsApplied;

  public AlarmPairer(Duration retention) {
    this(retention, Duration.ofDays(30));
  }

  /**
   * @param retention how long a clear waits for its raise, and a paired alarm is remembered after its clear
   * @param maxOpen {@code outages.maxOpen}: a raise not cleared this long after it is forgotten
   */
  public AlarmPairer(Duration retention, Duration maxOpen) {
    this.retentionMillis = retention.toMillis();
    this.maxOpenMillis = maxOpen.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    raise = getRuntimeContext().getState(new ValueStateDescriptor<>("raise", AlarmEvent.class));
    waitingClear = getRuntimeContext().getState(new ValueStateDescriptor<>("waiting-clear", AlarmEvent.class));
    cleared = getRuntimeContext().getState(new ValueStateDescriptor<>("cleared", Boolean.class));
    acked = getRuntimeContext().getState(new ValueStateDescriptor<>("acked", Long.class));
    acksIgnored = RunCounter.register(getRuntimeContext(), CounterNames.ACKS_IGNORED);
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
    } else if (alarm.kind() == AlarmKind.ACK) {
      onAck(alarm.time(), ctx);
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
    ctx.timerService().registerEventTimeTimer(staleAt(alarm));
    out.collect(new CellAlarm(alarm.objectId(), alarm.alarmKey(), AlarmKind.RAISE, alarm.time(),
        alarm.plannedOutOfService()));
    Long ackWaiting = acked.value();
    if (ackWaiting != null) {
      acked.clear();
      onAck(ackWaiting, ctx);
    }
    AlarmEvent clear = waitingClear.value();
    if (clear != null) {
      waitingClear.clear();
      if (clear.time() > staleAt(alarm)) {
        clearsWithoutRaise.inc(); // as if it had come after its raise: stamped past the raise's stale instant
      } else {
        emitClear(alarm, clear, ctx, out);
      }
    }
  }

  /** Passes on the alarm's earliest acknowledgement; before its raise is known, keeps it waiting for the raise. */
  private void onAck(long at, Context ctx) throws Exception {
    AlarmEvent raised = raise.value();
    Long before = acked.value();
    if (before != null && before <= at) {
      return; // not its first
    }
    if (raised == null) {
      if (before == null) {
        ctx.timerService().registerEventTimeTimer(saturatedAdd(at, retentionMillis));
      }
      acked.update(at);
      return;
    }
    if (at < raised.time()) {
      acksIgnored.inc();
      return;
    }
    acked.update(at);
    ctx.output(ACKS, new AlarmAck(raised.objectId(), raised.alarmKey(), raised.time(), at));
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
    if (clear.time() > staleAt(raised)) {
      // Its raise counts as forgotten from its stale instant on, whether or not the watermark got there before
      // this clear arrived: the same clear is counted the same way whatever the arrival order.
      raise.clear();
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
    // Cleared: the retention decides now. (Deleted first: where both instants coincide the timer is kept.)
    ctx.timerService().deleteEventTimeTimer(staleAt(raised));
    ctx.timerService().registerEventTimeTimer(saturatedAdd(time, retentionMillis));
  }

  /** A clear parsed without its line (tests, tools) is counted only. */
  private void reject(AlarmEvent clear, String reason, Context ctx) {
    if (clear.line() != null) {
      deadLetters.inc();
      ctx.output(REJECTED_CLEARS, new DeadLetter("alarms", reason, clear.line(), false));
    }
  }

  private long staleAt(AlarmEvent raised) {
    return saturatedAdd(raised.time(), maxOpenMillis);
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
      acked.clear();
    } else if (raise.value() != null && staleAt(raise.value()) <= timestamp) {
      raise.clear(); // never cleared: its outage was closed as stale by now
      acked.clear();
    }
    Long ack = acked.value();
    if (ack != null && raise.value() == null && saturatedAdd(ack, retentionMillis) <= timestamp) {
      acksIgnored.inc(); // waited a retention for a raise that never came
      acked.clear();
    }
  }

  public static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
