package com.faultlink.status;

import com.faultlink.correlate.AlarmPairer;
import com.faultlink.golden.GoldenWindowAlerter;
import com.faultlink.golden.WindowInForce;
import com.faultlink.model.Rounding;
import com.faultlink.model.Outage;
import com.faultlink.model.OutageStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns one outage's snapshots (first input; the key: {@code outageId}) into its status changes: {@code open} at its
 * start, {@code closed} at each clear, {@code reopened} when a re-raise within the merge gap withdraws a clear. The
 * snapshot written at the end of a bounded input for an outage still open changes nothing and is not a status.
 *
 * <p>Every status carries the golden window in force for the outage (second input), exactly the one its alerts
 * use: {@link GoldenWindowAlerter} chooses it once the watermark has passed the outage's start and sends it to
 * {@link GoldenWindowAlerter#WINDOWS_IN_FORCE}, and sends it again with every later snapshot. Until it has arrived
 * the outage's statuses wait here, in order (in practice only its {@code open}, for about one watermark step); the
 * first window that arrives is the outage's.
 *
 * <p>The last snapshot and the window are kept until the merge gap after a clear has passed (no re-raise can continue
 * the outage then); statuses still waiting for the window then keep it until it comes.
 */
public final class OutageStatusTracker extends KeyedCoProcessFunction<String, Outage, WindowInForce, OutageStatus> {
  private static final long serialVersionUID = 1L;

  private final long mergeGapMillis;
  private transient ValueState<Outage> last;
  private transient ValueState<Double> window;
  private transient ListState<OutageStatus> waiting;

  public OutageStatusTracker(long mergeGapMillis) {
    this.mergeGapMillis = mergeGapMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    last = getRuntimeContext().getState(new ValueStateDescriptor<>("last-snapshot", TypeInformation.of(Outage.class)));
    window = getRuntimeContext().getState(new ValueStateDescriptor<>("golden-window", Types.DOUBLE));
    waiting = getRuntimeContext().getListState(
        new ListStateDescriptor<>("awaiting-golden-window", TypeInformation.of(OutageStatus.class)));
  }

  @Override
  public void processElement1(Outage o, Context ctx, Collector<OutageStatus> out) throws Exception {
    Outage before = last.value();
    if (o.observedUntil() != null) {
      return;
    }
    last.update(o);
    if (o.end() != null) {
      emit(status(o, OutageStatus.CLOSED, o.end()), out);
      ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(o.end(), mergeGapMillis));
    } else if (before == null) {
      emit(status(o, OutageStatus.OPEN, o.start()), out);
    } else if (before.end() != null) {
      emit(status(o, OutageStatus.REOPENED, before.end()), out);
    }
  }

  @Override
  public void processElement2(WindowInForce w, Context ctx, Collector<OutageStatus> out) throws Exception {
    if (window.value() != null) {
      return; // sent again: the same window
    }
    boolean released = false;
    for (OutageStatus s : waiting.get()) {
      out.collect(s.withGoldenWindowMinutes(w.goldenWindowMinutes()));
      released = true;
    }
    waiting.clear();
    if (released && last.value() == null) {
      return; // the outage was already over: nothing more will need the window
    }
    window.update(w.goldenWindowMinutes());
  }

  private void emit(OutageStatus s, Collector<OutageStatus> out) throws Exception {
    Double w = window.value();
    if (w == null) {
      waiting.add(s);
    } else {
      out.collect(s.withGoldenWindowMinutes(w));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OutageStatus> out) throws Exception {
    Outage o = last.value();
    if (o != null && o.end() != null && AlarmPairer.saturatedAdd(o.end(), mergeGapMillis) <= timestamp) {
      last.clear();
      window.clear(); // statuses still waiting for it (if any) are released when it comes, and it is not kept
    }
  }

  /** The status record of snapshot {@code o} at {@code at}, its golden window not known yet. */
  public static OutageStatus status(Outage o, String status, long at) {
    return new OutageStatus(o.outageId(), o.cellId(), o.region(), o.technology(), status, at, o.start(), o.end(),
        Rounding.minutes(at - o.start()), null, o.planned(), o.workId(), o.plannedUntil(),
        OutageStatus.CLOSED.equals(status) ? o.endReason() : null);
  }
}
