package com.faultlink.incident;

import com.faultlink.io.Timestamps;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Pairs a root-cause alarm's raise with its clear, keyed by source system and {@code alarm.id}, and names its
 * incident: {@code <sourceSystemId>/<alarm.id>}, or for a raise of an id its source system reused after a clear
 * (within {@code dedup.retention} of it), that with {@code @<raise instant>} appended.
 *
 * <p>Raises and clears are taken in event-time order (each waits for the watermark to pass its time), not in
 * arrival order: which raise of a reused id is the first, and which clear ends which raise, then do not depend on
 * how the lines were shuffled within the out-of-orderness. Emits the alarm when it is raised ({@code clear} null)
 * and again when it clears. A raise never cleared is forgotten {@code outages.maxOpen} after it, as an outage would
 * be closed as stale then (not at the end of a bounded input: nothing is decided past the input). Duplicate raises
 * and clears without an open raise are counted and ignored.
 */
public final class RootAlarmPairer extends KeyedProcessFunction<String, AlarmEvent, RootAlarm> {
  private static final long serialVersionUID = 1L;

  private static final Comparator<AlarmEvent> EVENT_TIME_ORDER = Comparator.comparingLong(AlarmEvent::time)
      .thenComparing(a -> a.kind() == AlarmKind.RAISE ? 0 : 1).thenComparing(AlarmEvent::eventId);

  private final long retentionMillis;
  private final long maxOpenMillis;
  private final ZoneId zone;

  private transient MapState<String, AlarmEvent> waiting;
  private transient ValueState<RootAlarm> open;
  /** The last clear of this id, while remembered: a raise after it reuses the id. */
  private transient ValueState<Long> lastClear;
  private transient RunCounter ignored;
  private transient RunCounter raised;

  public RootAlarmPairer(Duration retention, Duration maxOpen, ZoneId zone) {
    this.retentionMillis = retention.toMillis();
    this.maxOpenMillis = maxOpen.toMillis();
    this.zone = zone;
  }

  @Override
  public void open(OpenContext openContext) {
    waiting = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("waiting", Types.STRING, TypeInformation.of(AlarmEvent.class)));
    open = getRuntimeContext().getState(new ValueStateDescriptor<>("open", TypeInformation.of(RootAlarm.class)));
    lastClear = getRuntimeContext().getState(new ValueStateDescriptor<>("last-clear", Types.LONG));
    ignored = RunCounter.register(getRuntimeContext(), CounterNames.ROOT_ALARMS_UNPAIRED);
    raised = RunCounter.register(getRuntimeContext(), CounterNames.ROOT_ALARMS);
  }

  @Override
  public void processElement(AlarmEvent alarm, Context ctx, Collector<RootAlarm> out) throws Exception {
    waiting.put(alarm.eventId(), alarm);
    ctx.timerService().registerEventTimeTimer(alarm.time());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RootAlarm> out) throws Exception {
    List<AlarmEvent> due = new ArrayList<>();
    Iterator<Map.Entry<String, AlarmEvent>> it = waiting.iterator();
    while (it.hasNext()) {
      AlarmEvent a = it.next().getValue();
      if (a.time() <= timestamp) {
        due.add(a);
        it.remove();
      }
    }
    due.sort(EVENT_TIME_ORDER);
    for (AlarmEvent a : due) {
      if (a.kind() == AlarmKind.RAISE) {
        raise(a, ctx, out);
      } else {
        clear(a, ctx, out);
      }
    }
    RootAlarm current = open.value();
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    if (current != null && !endOfInput && plus(current.raise(), maxOpenMillis) <= timestamp) {
      open.clear(); // never cleared: forgotten as its outages are closed as stale
    }
    Long cleared = lastClear.value();
    if (cleared != null && plus(cleared, retentionMillis) <= timestamp) {
      lastClear.clear();
    }
  }

  private void raise(AlarmEvent a, OnTimerContext ctx, Collector<RootAlarm> out) throws Exception {
    if (open.value() != null) {
      ignored.inc();
      return;
    }
    String id = a.alarmKey();
    if (lastClear.value() != null) {
      id = id + "@" + Timestamps.format(a.time(), zone);
    }
    RootAlarm r = new RootAlarm(id, a.probableCause(), a.objectId(), a.objectType(), a.time(), null);
    open.update(r);
    raised.inc();
    ctx.timerService().registerEventTimeTimer(plus(a.time(), maxOpenMillis));
    out.collect(r);
  }

  private void clear(AlarmEvent a, OnTimerContext ctx, Collector<RootAlarm> out) throws Exception {
    RootAlarm r = open.value();
    if (r == null || a.time() < r.raise()) {
      ignored.inc();
      return;
    }
    open.clear();
    lastClear.update(a.time());
    ctx.timerService().registerEventTimeTimer(plus(a.time(), retentionMillis));
    out.collect(r.clearedAt(a.time()));
  }

  static long plus(long t, long d) {
    long r = t + d;
    return ((t ^ r) & (d ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
