package com.faultlink.incident;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per outage (the key): its golden-window alerts with the incident it belongs to, from the instant its membership
 * is decided on. Each alert waits for the watermark to pass its {@code at}: by then a membership decided at or
 * before {@code at} has arrived, so whether an alert carries the id does not depend on which path was faster.
 * Alerts leave in {@code at} order (a firing record before its resolution), a resolution with the incident its firing
 * record was sent with (Alertmanager tells alerts apart by their labels). The membership is forgotten {@code
 * outages.maxOpen} plus a day after the outage's start, when no alert of it can come any more.
 */
public final class AlertIncidentTagger extends KeyedCoProcessFunction<String, Alert, Membership, Alert> {
  private static final long serialVersionUID = 1L;
  private static final long DAY = 86_400_000L;

  private final long maxOpenMillis;

  private transient ListState<Alert> waiting;
  private transient ValueState<Membership> membership;
  /** The incident each fired alert was sent with ("" for none): its resolution carries the same (labels match). */
  private transient MapState<String, String> firedWith;

  public AlertIncidentTagger(long maxOpenMillis) {
    this.maxOpenMillis = maxOpenMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-alerts",
        TypeInformation.of(Alert.class)));
    membership = getRuntimeContext().getState(
        new ValueStateDescriptor<>("membership", TypeInformation.of(Membership.class)));
    firedWith = getRuntimeContext().getMapState(new MapStateDescriptor<>("fired-with", Types.STRING, Types.STRING));
  }

  @Override
  public void processElement1(Alert a, Context ctx, Collector<Alert> out) throws Exception {
    waiting.add(a);
    ctx.timerService().registerEventTimeTimer(a.at());
  }

  @Override
  public void processElement2(Membership m, Context ctx, Collector<Alert> out) throws Exception {
    membership.update(m);
    ctx.timerService().registerEventTimeTimer(RootAlarmPairer.plus(m.start(), maxOpenMillis + DAY));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    List<Alert> due = WaitingAlerts.takeDue(waiting, a -> a.at() <= timestamp);
    Membership m = membership.value();
    for (Alert a : due) {
      String incident = m != null && m.incidentId() != null && m.decidedAt() <= a.at() ? m.incidentId() : null;
      if (a.status() == AlertStatus.RESOLVED) {
        String fired = firedWith.get(a.alertId());
        if (fired != null) {
          incident = fired.isEmpty() ? null : fired;
          firedWith.remove(a.alertId());
        }
      } else {
        firedWith.put(a.alertId(), incident == null ? "" : incident);
      }
      out.collect(incident != null ? a.withIncidentId(incident) : a);
    }
    if (m != null && timestamp != Long.MAX_VALUE
        && RootAlarmPairer.plus(m.start(), maxOpenMillis + DAY) <= timestamp) {
      membership.clear();
      firedWith.clear();
    }
  }
}
