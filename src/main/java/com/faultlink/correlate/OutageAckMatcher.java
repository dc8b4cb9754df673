package com.faultlink.correlate;

import com.faultlink.model.Outage;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Finds, per cell (the key), the outage each acknowledged alarm belongs to — the outage of the cell open at the
 * alarm's raise (outages of one cell never overlap; a flap's later raise lies inside the outage it continues) — and
 * emits each outage's first acknowledgement once: the earliest acknowledgement of any of its alarms.
 *
 * <p>An acknowledgement is decided once the watermark passes its time plus the merge gap: by then every raise
 * before it has been assembled into its outage, and every acknowledgement stamped earlier has arrived (within the
 * out-of-orderness), so the first one is the first whatever the arrival order. One arriving after its outage's
 * first was emitted changes nothing (counted as late). An outage is forgotten a retention after its end.
 */
public final class OutageAckMatcher extends KeyedCoProcessFunction<String, Outage, AlarmAck, OutageAck> {
  private static final long serialVersionUID = 1L;

  private final long mergeGapMillis;
  private final long retentionMillis;

  private transient MapState<String, Outage> outages;
  /** Outages whose first acknowledgement was emitted, with its time. */
  private transient MapState<String, Long> firstAcks;
  private transient ListState<AlarmAck> pending;
  private transient RunCounter withoutOutage;
  private transient RunCounter late;

  /**
   * @param mergeGapMillis {@code outages.mergeGap}: how long after an acknowledgement its decision waits
   * @param retentionMillis how long after its end an outage can still receive an acknowledgement
   */
  public OutageAckMatcher(long mergeGapMillis, long retentionMillis) {
    this.mergeGapMillis = mergeGapMillis;
    this.retentionMillis = retentionMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    outages = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("ack-outages", Types.STRING, TypeInformation.of(Outage.class)));
    firstAcks = getRuntimeContext().getMapState(new MapStateDescriptor<>("first-acks", Types.STRING, Types.LONG));
    pending = getRuntimeContext().getListState(
        new ListStateDescriptor<>("pending-acks", TypeInformation.of(AlarmAck.class)));
    withoutOutage = RunCounter.register(getRuntimeContext(), CounterNames.ACKS_WITHOUT_OUTAGE);
    late = RunCounter.register(getRuntimeContext(), CounterNames.LATE_EVENTS);
  }

  @Override
  public void processElement1(Outage o, Context ctx, Collector<OutageAck> out) throws Exception {
    outages.put(o.outageId(), o);
    if (o.end() != null) {
      ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(o.end(), retentionMillis));
    }
  }

  @Override
  public void processElement2(AlarmAck ack, Context ctx, Collector<OutageAck> out) throws Exception {
    long decideAt = AlarmPairer.saturatedAdd(ack.ackAt(), mergeGapMillis);
    if (decideAt <= ctx.timerService().currentWatermark()) {
      decide(List.of(ack), out); // behind the watermark: decided now, against what is known
      return;
    }
    pending.add(ack);
    ctx.timerService().registerEventTimeTimer(decideAt);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OutageAck> out) throws Exception {
    List<AlarmAck> due = new ArrayList<>();
    List<AlarmAck> keep = new ArrayList<>();
    for (AlarmAck a : pending.get()) {
      (AlarmPairer.saturatedAdd(a.ackAt(), mergeGapMillis) <= timestamp ? due : keep).add(a);
    }
    if (!due.isEmpty()) {
      pending.update(keep);
      decide(due, out);
    }
    Iterator<Map.Entry<String, Outage>> it = outages.iterator();
    while (it.hasNext()) {
      Outage o = it.next().getValue();
      if (o.end() != null && AlarmPairer.saturatedAdd(o.end(), retentionMillis) <= timestamp) {
        firstAcks.remove(o.outageId());
        it.remove();
      }
    }
  }

  private void decide(List<AlarmAck> acks, Collector<OutageAck> out) throws Exception {
    List<AlarmAck> sorted = new ArrayList<>(acks);
    sorted.sort(Comparator.comparingLong(AlarmAck::ackAt).thenComparing(AlarmAck::alarmKey));
    for (AlarmAck a : sorted) {
      Outage o = outageAt(a.raisedAt());
      if (o == null) {
        withoutOutage.inc();
        continue;
      }
      Long first = firstAcks.get(o.outageId());
      if (first == null) {
        firstAcks.put(o.outageId(), a.ackAt());
        out.collect(new OutageAck(o, a.ackAt()));
      } else if (a.ackAt() < first) {
        late.inc();
      }
    }
  }

  /** The cell's outage open at {@code t}: started at or before it, not ended before it. */
  private Outage outageAt(long t) throws Exception {
    for (Outage o : outages.values()) {
      if (o.start() <= t && (o.end() == null || t <= o.end())) {
        return o;
      }
    }
    return null;
  }
}
