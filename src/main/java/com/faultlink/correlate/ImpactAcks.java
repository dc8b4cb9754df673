package com.faultlink.correlate;

import com.faultlink.model.OutageImpact;
import com.faultlink.model.Rounding;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Adds each outage's time to acknowledge ({@code ackMinutes}: its start to the first acknowledgement of any of its
 * alarms) to its impact record (the key is the outage). An impact is held until the watermark reaches its own time
 * (its clear plus the settle time, or the end of the input), so every acknowledgement decided before then is in; a
 * first acknowledgement later than that is not on the impact (it still counts in the metrics). {@code ackMinutes}
 * stays null for an outage nobody acknowledged.
 */
public final class ImpactAcks extends KeyedCoProcessFunction<String, OutageImpact, OutageAck, OutageImpact> {
  private static final long serialVersionUID = 1L;

  private final long forgetAckAfterMillis;

  private transient ValueState<OutageImpact> impact;
  private transient ValueState<Long> ackAt;

  /** @param forgetAckAfterMillis how long an acknowledgement waits for its impact (longer than any outage lasts) */
  public ImpactAcks(long forgetAckAfterMillis) {
    this.forgetAckAfterMillis = forgetAckAfterMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    impact = getRuntimeContext().getState(new ValueStateDescriptor<>("impact", OutageImpact.class));
    ackAt = getRuntimeContext().getState(new ValueStateDescriptor<>("ack-at", Types.LONG));
  }

  @Override
  public void processElement1(OutageImpact i, Context ctx, Collector<OutageImpact> out) throws Exception {
    impact.update(i);
    Long at = ctx.timestamp();
    long when = at == null ? ctx.timerService().currentWatermark() + 1 : at;
    ctx.timerService().registerEventTimeTimer(Math.max(when, ctx.timerService().currentWatermark() + 1));
  }

  @Override
  public void processElement2(OutageAck a, Context ctx, Collector<OutageImpact> out) throws Exception {
    Long known = ackAt.value();
    if (known == null || a.ackAt() < known) {
      ackAt.update(a.ackAt());
    }
    ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(a.ackAt(), forgetAckAfterMillis));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OutageImpact> out) throws Exception {
    OutageImpact i = impact.value();
    if (i != null) {
      Long at = ackAt.value();
      out.collect(at == null ? i : i.withAckMinutes(Rounding.minutes(at - i.start())));
      impact.clear();
      ackAt.clear();
      return;
    }
    Long at = ackAt.value();
    if (at != null && AlarmPairer.saturatedAdd(at, forgetAckAfterMillis) <= timestamp) {
      ackAt.clear();
    }
  }
}
