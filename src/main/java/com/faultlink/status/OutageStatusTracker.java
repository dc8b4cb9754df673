package com.faultlink.status;

import com.faultlink.correlate.AlarmPairer;
import com.faultlink.metrics.Rounding;
import com.faultlink.model.Outage;
import com.faultlink.model.OutageStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns one outage's snapshots (the key: {@code outageId}) into its status changes: {@code open} at its start,
 * {@code closed} at each clear, {@code reopened} when a re-raise within the merge gap withdraws a clear. The
 * snapshot written at the end of a bounded input for an outage still open changes nothing and is not a status.
 * The last snapshot is kept until the merge gap after a clear has passed (no re-raise can continue it then).
 */
public final class OutageStatusTracker extends KeyedProcessFunction<String, Outage, OutageStatus> {
  private static final long serialVersionUID = 1L;

  private final long mergeGapMillis;
  private transient ValueState<Outage> last;

  public OutageStatusTracker(long mergeGapMillis) {
    this.mergeGapMillis = mergeGapMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    last = getRuntimeContext().getState(new ValueStateDescriptor<>("last-snapshot", TypeInformation.of(Outage.class)));
  }

  @Override
  public void processElement(Outage o, Context ctx, Collector<OutageStatus> out) throws Exception {
    Outage before = last.value();
    if (o.observedUntil() != null) {
      return;
    }
    last.update(o);
    if (o.end() != null) {
      out.collect(status(o, OutageStatus.CLOSED, o.end()));
      ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(o.end(), mergeGapMillis));
    } else if (before == null) {
      out.collect(status(o, OutageStatus.OPEN, o.start()));
    } else if (before.end() != null) {
      out.collect(status(o, OutageStatus.REOPENED, before.end()));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OutageStatus> out) throws Exception {
    Outage o = last.value();
    if (o != null && o.end() != null && AlarmPairer.saturatedAdd(o.end(), mergeGapMillis) <= timestamp) {
      last.clear();
    }
  }

  /** The status record of snapshot {@code o} at {@code at}. */
  public static OutageStatus status(Outage o, String status, long at) {
    return new OutageStatus(o.outageId(), o.cellId(), o.region(), o.technology(), status, at, o.start(), o.end(),
        Rounding.minutes(at - o.start()), null, o.planned(), o.workId(), o.plannedUntil());
  }
}
