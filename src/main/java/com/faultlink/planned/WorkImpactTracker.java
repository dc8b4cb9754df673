package com.faultlink.planned;

import com.faultlink.correlate.AlarmPairer;
import com.faultlink.model.Rounding;
import com.faultlink.model.Outage;
import com.faultlink.model.PlannedWork;
import com.faultlink.model.WorkImpact;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
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
 * Sums up one announced work (the key: {@code workId}) from the work, its planned outages' snapshots and the
 * complaints attributed to them. Emits one {@link WorkImpact} once the watermark has passed the work's end and
 * every clear of its outages by the settle time (tail, merge gap) — when no on-time complaint or re-raise can
 * change the figures — or at the end of a bounded input. A complaint arriving after that is counted
 * ({@code lateForWorkImpact}).
 */
public final class WorkImpactTracker extends KeyedProcessFunction<String, WorkFact, WorkImpact> {
  private static final long serialVersionUID = 1L;

  private final long settleMillis;
  private final long retentionMillis;

  private transient ValueState<PlannedWork> work;
  private transient MapState<String, Outage> outages;
  private transient ValueState<Long> complaints;
  private transient ValueState<Boolean> reported;
  private transient RunCounter late;

  /**
   * @param settleMillis after a clear, how long until no complaint or re-raise can change an outage
   * @param retentionMillis how long a reported work is remembered (late complaints are counted, not re-reported)
   */
  public WorkImpactTracker(long settleMillis, long retentionMillis) {
    this.settleMillis = settleMillis;
    this.retentionMillis = retentionMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    work = getRuntimeContext().getState(new ValueStateDescriptor<>("work", TypeInformation.of(PlannedWork.class)));
    outages = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("work-outages", Types.STRING, TypeInformation.of(Outage.class)));
    complaints = getRuntimeContext().getState(new ValueStateDescriptor<>("work-complaints", Types.LONG));
    reported = getRuntimeContext().getState(new ValueStateDescriptor<>("work-reported", Types.BOOLEAN));
    late = RunCounter.register(getRuntimeContext(), CounterNames.LATE_FOR_WORK_IMPACT);
  }

  @Override
  public void processElement(WorkFact f, Context ctx, Collector<WorkImpact> out) throws Exception {
    if (reported.value() != null) {
      if (f.complaint() != null) {
        late.inc();
      }
      return;
    }
    if (f.work() != null) {
      work.update(f.work());
      ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(f.work().end(), settleMillis));
    } else if (f.outage() != null) {
      Outage o = f.outage();
      outages.put(o.outageId(), o);
      if (o.end() != null) {
        ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(o.end(), settleMillis));
      }
    } else if (f.complaint() != null) {
      Long n = complaints.value();
      complaints.update(n == null ? 1L : n + 1);
    }
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<WorkImpact> out) throws Exception {
    if (reported.value() != null) {
      clear();
      return;
    }
    PlannedWork w = work.value();
    boolean endOfInput = timestamp == Long.MAX_VALUE;
    if (w == null) {
      if (endOfInput) {
        clear(); // outages of a work that is not in the works input: nothing to report
      }
      return;
    }
    if (!endOfInput && !settled(w, timestamp)) {
      return;
    }
    long n = 0;
    long overrunning = 0;
    long overrun = 0;
    long minutes = 0;
    for (Outage o : outages.values()) {
      n++;
      Long until = o.knownUntil();
      if (until != null) {
        minutes += until - o.start();
      }
      long past = until == null ? 0 : Math.max(0, until - w.end());
      if (until == null || past > 0) {
        overrunning++;
      }
      overrun = Math.max(overrun, past);
    }
    Long c = complaints.value();
    out.collect(new WorkImpact(w.workId(), w.start(), w.end(), n, c == null ? 0 : c, Rounding.minutes(minutes),
        overrunning, Rounding.minutes(overrun)));
    clear();
    if (!endOfInput) {
      reported.update(Boolean.TRUE);
      ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(timestamp, retentionMillis));
    }
  }

  private boolean settled(PlannedWork w, long now) throws Exception {
    if (AlarmPairer.saturatedAdd(w.end(), settleMillis) > now) {
      return false;
    }
    for (Outage o : outages.values()) {
      if (o.end() == null || AlarmPairer.saturatedAdd(o.end(), settleMillis) > now) {
        return false;
      }
    }
    return true;
  }

  private void clear() {
    work.clear();
    outages.clear();
    complaints.clear();
    reported.clear();
  }
}
