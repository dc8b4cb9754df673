package com.faultlink.incident;

import com.faultlink.model.OutageImpact;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per outage (the key): its impact record with the incident it belongs to. Every outage gets exactly one {@link
 * Membership}; its impact (written once the outage is closed and its tail has passed, or at the end of the input)
 * waits here for it, whichever comes first.
 */
public final class ImpactIncidentTagger
    extends KeyedCoProcessFunction<String, OutageImpact, Membership, OutageImpact> {
  private static final long serialVersionUID = 1L;

  private transient ValueState<OutageImpact> waiting;
  private transient ValueState<Membership> membership;

  @Override
  public void open(OpenContext openContext) {
    waiting = getRuntimeContext().getState(
        new ValueStateDescriptor<>("waiting-impact", TypeInformation.of(OutageImpact.class)));
    membership = getRuntimeContext().getState(
        new ValueStateDescriptor<>("membership", TypeInformation.of(Membership.class)));
  }

  @Override
  public void processElement1(OutageImpact impact, Context ctx, Collector<OutageImpact> out) throws Exception {
    Membership m = membership.value();
    if (m != null) {
      membership.clear();
      out.collect(impact.withIncidentId(m.incidentId()));
    } else {
      waiting.update(impact);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
  }

  @Override
  public void processElement2(Membership m, Context ctx, Collector<OutageImpact> out) throws Exception {
    OutageImpact impact = waiting.value();
    if (impact != null) {
      waiting.clear();
      out.collect(impact.withIncidentId(m.incidentId()));
    } else {
      membership.update(m);
    }
  }

  /** The end of a bounded input with no decision: cannot happen (every outage is decided by then); written as none. */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OutageImpact> out) throws Exception {
    OutageImpact impact = waiting.value();
    if (impact != null) {
      waiting.clear();
      out.collect(impact);
    }
  }
}
