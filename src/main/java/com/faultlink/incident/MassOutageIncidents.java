package com.faultlink.incident;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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
 * Per region (the key): each {@code MASS_OUTAGE} alert with the incidents it contains ({@code incidents}: the
 * incidents of its listed outages, sorted). Its outages started at or before its {@code at}, so their membership is
 * decided by {@code at} plus {@code incidents.window}: the alert waits for the watermark to pass that instant (it is
 * sent that much later than before, its {@code at} unchanged) and names the incidents decided by then, so the list
 * does not depend on arrival order. Its resolution names the same incidents as its firing record. Only memberships of an incident are kept, each until {@code outages.maxOpen}
 * plus a day after its outage's start.
 */
public final class MassOutageIncidents extends KeyedCoProcessFunction<String, Alert, Membership, Alert> {
  private static final long serialVersionUID = 1L;
  private static final long DAY = 86_400_000L;

  private final long maxOpenMillis;
  private final long windowMillis;

  private transient ListState<Alert> waiting;
  private transient MapState<String, Membership> members;
  /** The incidents named by each firing episode, joined by newlines, until its resolution. */
  private transient MapState<String, String> named;

  public MassOutageIncidents(long maxOpenMillis, long windowMillis) {
    this.maxOpenMillis = maxOpenMillis;
    this.windowMillis = windowMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-alerts",
        TypeInformation.of(Alert.class)));
    members = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("members", Types.STRING, TypeInformation.of(Membership.class)));
    named = getRuntimeContext().getMapState(new MapStateDescriptor<>("named", Types.STRING, Types.STRING));
  }

  @Override
  public void processElement1(Alert a, Context ctx, Collector<Alert> out) throws Exception {
    waiting.add(a);
    ctx.timerService().registerEventTimeTimer(RootAlarmPairer.plus(a.at(), windowMillis));
  }

  @Override
  public void processElement2(Membership m, Context ctx, Collector<Alert> out) throws Exception {
    if (m.incidentId() == null) {
      return;
    }
    members.put(m.outageId(), m);
    ctx.timerService().registerEventTimeTimer(RootAlarmPairer.plus(m.start(), maxOpenMillis + DAY));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    List<Alert> due = WaitingAlerts.takeDue(waiting, a -> RootAlarmPairer.plus(a.at(), windowMillis) <= timestamp);
    for (Alert a : due) {
      List<String> incidents;
      String kept = named.get(a.alertId());
      if (a.status() == AlertStatus.RESOLVED && kept != null) {
        incidents = kept.isEmpty() ? List.of() : List.of(kept.split("\n"));
        named.remove(a.alertId());
      } else {
        TreeSet<String> ids = new TreeSet<>();
        if (a.explainingOutages() != null) {
          for (String outageId : a.explainingOutages()) {
            Membership m = members.get(outageId);
            if (m != null && m.decidedAt() <= RootAlarmPairer.plus(a.at(), windowMillis)) {
              ids.add(m.incidentId());
            }
          }
        }
        incidents = List.copyOf(ids);
        if (a.status() == AlertStatus.FIRING) {
          named.put(a.alertId(), String.join("\n", incidents));
        }
      }
      out.collect(a.withIncidents(incidents));
    }
    if (timestamp != Long.MAX_VALUE) {
      List<String> gone = new ArrayList<>();
      for (Membership m : members.values()) {
        if (RootAlarmPairer.plus(m.start(), maxOpenMillis + DAY) <= timestamp) {
          gone.add(m.outageId());
        }
      }
      for (String id : gone) {
        members.remove(id);
      }
    }
  }
}
