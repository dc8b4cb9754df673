package com.faultlink.correlate;

import com.faultlink.metrics.Rounding;
import com.faultlink.model.Attribution;
import com.faultlink.model.Complaint;
import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Attributes the complaints of one cell (the key) to the outages that may explain them: this cell's, its
 * site's and its neighbours' (first input: complaints; second: outage snapshots fanned out to this cell).
 *
 * <p>A complaint is decided only once the watermark has passed its time (plus, where the tail is shorter
 * than the merge gap, the difference): by then every on-time raise, clear and re-raise that can matter is
 * known, so the decision does not depend on arrival order or parallelism. A complaint that arrives behind
 * the watermark is decided at once against the outages still held, and marked late.
 */
public final class ComplaintAttributor extends KeyedCoProcessFunction<String, Complaint, CandidateOutage, Attribution> {
  private static final long serialVersionUID = 1L;

  private final long tailMillis;
  private final long decisionDelayMillis;
  private final long retentionMillis;

  private transient MapState<String, CandidateOutage> candidates;
  private transient MapState<Long, List<Complaint>> waiting;
  private transient RunCounter attributed;
  private transient RunCounter lateDecided;

  /**
   * @param retentionMillis how long after an outage's tail it is still held for late complaints
   */
  public ComplaintAttributor(long tailMillis, long decisionDelayMillis, long retentionMillis) {
    this.tailMillis = tailMillis;
    this.decisionDelayMillis = decisionDelayMillis;
    this.retentionMillis = retentionMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    candidates = getRuntimeContext().getMapState(new MapStateDescriptor<>("candidate-outages", Types.STRING,
        TypeInformation.of(CandidateOutage.class)));
    waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-complaints", Types.LONG,
        Types.LIST(TypeInformation.of(Complaint.class))));
    attributed = RunCounter.register(getRuntimeContext(), CounterNames.COMPLAINTS_ATTRIBUTED);
    lateDecided = RunCounter.register(getRuntimeContext(), CounterNames.LATE_COMPLAINTS);
  }

  @Override
  public void processElement1(Complaint complaint, Context ctx, Collector<Attribution> out) throws Exception {
    long decideAt = complaint.time() + decisionDelayMillis;
    if (decideAt <= ctx.timerService().currentWatermark()) {
      lateDecided.inc();
      out.collect(decide(complaint, true));
      return;
    }
    List<Complaint> list = waiting.get(decideAt);
    if (list == null) {
      list = new ArrayList<>(1);
    }
    list.add(complaint);
    waiting.put(decideAt, list);
    ctx.timerService().registerEventTimeTimer(decideAt);
  }

  @Override
  public void processElement2(CandidateOutage candidate, Context ctx, Collector<Attribution> out) throws Exception {
    candidates.put(candidate.outage().outageId(), candidate);
    Outage o = candidate.outage();
    if (o.end() != null) {
      ctx.timerService().registerEventTimeTimer(expiry(o));
    }
  }

  private long expiry(Outage o) {
    return AlarmPairer.saturatedAdd(o.end(), tailMillis + decisionDelayMillis + retentionMillis);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Attribution> out) throws Exception {
    List<Complaint> due = waiting.get(timestamp);
    if (due != null) {
      waiting.remove(timestamp);
      for (Complaint c : due) {
        out.collect(decide(c, false));
      }
    }
    Iterator<Map.Entry<String, CandidateOutage>> it = candidates.iterator();
    while (it.hasNext()) {
      Outage o = it.next().getValue().outage();
      if (o.end() != null && expiry(o) <= timestamp) {
        it.remove();
      }
    }
    if (candidates.isEmpty()) {
      candidates.clear(); // drops the key's empty map as well
    }
  }

  private Attribution decide(Complaint c, boolean late) throws Exception {
    CandidateOutage best = AttributionRule.choose(candidates.values(), c.time(), tailMillis);
    if (best == null) {
      return new Attribution(c.ticketId(), null, c.region(), c.cellId(), MatchLevel.NONE, null, c.time(),
          c.category(), c.customerKey(), late, false, null);
    }
    attributed.inc();
    Outage o = best.outage();
    return new Attribution(c.ticketId(), o.outageId(), c.region(), c.cellId(), best.level(),
        Rounding.minutes(c.time() - o.start()), c.time(), c.category(), c.customerKey(), late, o.planned(),
        o.workId());
  }

  /** The decision for a complaint that names no known cell: no outage, by the contract's default. */
  public static Attribution unattributable(Complaint c) {
    return new Attribution(c.ticketId(), null, c.region(), c.cellId(), MatchLevel.NONE, null, c.time(),
        c.category(), c.customerKey(), false, false, null);
  }
}
