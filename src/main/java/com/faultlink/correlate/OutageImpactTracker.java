package com.faultlink.correlate;

import com.faultlink.model.Rounding;
import com.faultlink.model.Attribution;
import com.faultlink.model.ClosedOutage;
import com.faultlink.model.Outage;
import com.faultlink.model.OutageImpact;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sums up one outage (the key): its latest snapshot (first input) and the complaints attributed to it
 * (second input). Emits one impact once the outage is closed and nothing can change its figures any more —
 * its tail and merge gap have passed — or, at the end of a bounded input, while it is still open.
 *
 * <p>A closed outage is also sent to {@link #CLOSED_OUTAGES} with its complaints' lags, for golden-window
 * learning.
 */
public final class OutageImpactTracker extends KeyedCoProcessFunction<String, Outage, Attribution, OutageImpact> {
  private static final long serialVersionUID = 1L;

  /** Closed, settled outages with their complaints' lags. */
  public static final OutputTag<ClosedOutage> CLOSED_OUTAGES =
      new OutputTag<>("closed-outages", TypeInformation.of(ClosedOutage.class));

  private final long settleMillis;
  private final long retentionMillis;

  private transient ValueState<Outage> outage;
  private transient ValueState<Long> complaints;
  private transient ValueState<Double> firstLag;
  private transient ListState<Double> lags;
  private transient RunCounter lateAfterImpact;

  /**
   * @param settleMillis after the clear, how long until no complaint or re-raise can change the outage
   * @param retentionMillis how long complaints for an unknown (already reported) outage are held
   */
  public OutageImpactTracker(long settleMillis, long retentionMillis) {
    this.settleMillis = settleMillis;
    this.retentionMillis = retentionMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    outage = getRuntimeContext().getState(new ValueStateDescriptor<>("outage", Outage.class));
    complaints = getRuntimeContext().getState(new ValueStateDescriptor<>("complaints", Long.class));
    firstLag = getRuntimeContext().getState(new ValueStateDescriptor<>("first-lag", Double.class));
    lags = getRuntimeContext().getListState(new ListStateDescriptor<>("lags", Types.DOUBLE));
    lateAfterImpact = RunCounter.register(getRuntimeContext(), CounterNames.LATE_AFTER_IMPACT);
  }

  @Override
  public void processElement1(Outage snapshot, Context ctx, Collector<OutageImpact> out) throws Exception {
    outage.update(snapshot);
    if (snapshot.end() != null) {
      ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(snapshot.end(), settleMillis));
    } else if (snapshot.observedUntil() != null) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
  }

  @Override
  public void processElement2(Attribution a, Context ctx, Collector<OutageImpact> out) throws Exception {
    Long n = complaints.value();
    complaints.update(n == null ? 1L : n + 1);
    Double lag = firstLag.value();
    if (lag == null || a.lagMinutes() < lag) {
      firstLag.update(a.lagMinutes());
    }
    lags.add(a.lagMinutes());
    if (outage.value() == null) {
      // Either its snapshot is still on the way, or the outage was already reported (a late complaint).
      ctx.timerService().registerEventTimeTimer(
          AlarmPairer.saturatedAdd(Math.max(a.complaintTime(), ctx.timerService().currentWatermark()), retentionMillis));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OutageImpact> out) throws Exception {
    Outage o = outage.value();
    if (o == null) {
      Long orphaned = complaints.value();
      if (orphaned != null) {
        lateAfterImpact.inc(orphaned);
      }
      clear();
      return;
    }
    boolean settled = o.end() != null && AlarmPairer.saturatedAdd(o.end(), settleMillis) <= timestamp;
    boolean endOfInput = timestamp == Long.MAX_VALUE;
    if (!settled && !endOfInput) {
      return; // a timer of an earlier snapshot: the outage was re-raised since
    }
    Long until = o.knownUntil();
    long n = complaints.value() == null ? 0 : complaints.value();
    out.collect(new OutageImpact(o.outageId(), o.cellId(), o.region(), o.technology(), o.start(), o.end(),
        until == null ? 0.0 : Rounding.minutes(until - o.start()), n, firstLag.value(), o.planned(), o.workId(),
        o.endReason()));
    if (settled) {
      List<Double> all = new ArrayList<>();
      lags.get().forEach(all::add);
      ctx.output(CLOSED_OUTAGES, new ClosedOutage(o.outageId(), o.region(), o.technology(), o.start(), o.end(),
          AlarmPairer.saturatedAdd(o.end(), settleMillis), o.planned(), all));
    }
    clear();
  }

  private void clear() {
    outage.clear();
    complaints.clear();
    firstLag.clear();
    lags.clear();
  }
}
