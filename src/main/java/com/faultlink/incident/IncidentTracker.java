package com.faultlink.incident;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertIds;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.Incident;
import com.faultlink.model.Outage;
import com.faultlink.model.OutageImpact;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.OpenCount;
import com.faultlink.runtime.RunCounter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One incident (the key): its root alarm, its member outages and their impacts. It exists once it has an outage.
 *
 * <p>{@code INCIDENT} alert: once the watermark passes the instant its second outage's membership is decided, one
 * firing record, {@code at} = the second outage's start (by start, then outage id) or the root alarm's raise,
 * whichever is later, {@code outagesOpen} = its outages open then; {@code region} theirs, {@code *} where they lie in
 * several. Resolved ({@code at} = the end) when it ends: its root alarm has cleared and all its outages have ended,
 * judged once the watermark is a merge gap (and a window) past that end, so that a re-raise or a late member can
 * still show it had not.
 *
 * <p>The {@code incidents} record: once it has ended and every outage's impact (complaints) is known, or at the end of
 * a bounded input, still open ({@code end} null) where it has not ended. A root alarm never cleared counts as ended
 * {@code outages.maxOpen} after its raise (as its outages would be closed as stale), never at the end of the input.
 * A root alarm that never explains an outage leaves nothing, and its state goes a window after its clear.
 */
public final class IncidentTracker extends KeyedProcessFunction<String, IncidentFact, Incident>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<Alert> ALERTS = new OutputTag<>("incident-alerts") {};
  private static final Comparator<Outage> START_ORDER =
      Comparator.comparingLong(Outage::start).thenComparing(Outage::outageId);

  private final long settleMillis;
  private final long maxOpenMillis;
  private final long retentionMillis;

  private transient ValueState<RootAlarm> root;
  /** The first member fact: the incident's cause and root object. */
  private transient ValueState<IncidentFact> identity;
  private transient MapState<String, Outage> members;
  private transient MapState<String, Long> decidedAt;
  private transient MapState<String, OutageImpact> impacts;
  private transient ValueState<Alert> firing;
  private transient ValueState<Long> resolvedAt;
  /** Set once written: until when its id is remembered. */
  private transient ValueState<Long> done;
  private transient RunCounter written;
  /** Incidents paging now (a firing INCIDENT alert): the gauge jobs/prometheus/rules.yml alerts on. */
  private transient OpenCount incidentsOpen;

  /**
   * @param settleMillis how long after an end nothing can undo it: the larger of the merge gap and the window
   * @param retentionMillis how long a written incident's id is remembered, so a late fact makes no second record
   */
  public IncidentTracker(long settleMillis, long maxOpenMillis, long retentionMillis) {
    this.settleMillis = settleMillis;
    this.maxOpenMillis = maxOpenMillis;
    this.retentionMillis = retentionMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    getRuntimeContext().getMetricGroup().gauge(CounterNames.INCIDENTS_OPEN, incidentsOpen);
    root = getRuntimeContext().getState(new ValueStateDescriptor<>("root", TypeInformation.of(RootAlarm.class)));
    identity = getRuntimeContext().getState(
        new ValueStateDescriptor<>("identity", TypeInformation.of(IncidentFact.class)));
    members = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("members", Types.STRING, TypeInformation.of(Outage.class)));
    decidedAt = getRuntimeContext().getMapState(new MapStateDescriptor<>("decided-at", Types.STRING, Types.LONG));
    impacts = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("impacts", Types.STRING, TypeInformation.of(OutageImpact.class)));
    firing = getRuntimeContext().getState(new ValueStateDescriptor<>("firing", TypeInformation.of(Alert.class)));
    resolvedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("resolved-at", Types.LONG));
    done = getRuntimeContext().getState(new ValueStateDescriptor<>("done", Types.LONG));
    written = RunCounter.register(getRuntimeContext(), CounterNames.INCIDENTS);
  }

  @Override
  public void processElement(IncidentFact f, Context ctx, Collector<Incident> out) throws Exception {
    if (done.value() != null) {
      return; // written already: a late fact changes nothing
    }
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    if (f.root() != null) {
      RootAlarm r = f.root();
      root.update(r);
      ctx.timerService().registerEventTimeTimer(r.clear() != null ? plus(r.clear(), settleMillis)
          : plus(r.raise(), maxOpenMillis + settleMillis));
    } else if (f.outage() != null) {
      Outage o = f.outage();
      if (!members.contains(o.outageId())) {
        decidedAt.put(o.outageId(), f.decidedAt());
        ctx.timerService().registerEventTimeTimer(f.decidedAt());
      }
      if (f.cause() != null && identity.value() == null) {
        identity.update(f);
      }
      members.put(o.outageId(), o);
      if (o.end() != null) {
        ctx.timerService().registerEventTimeTimer(plus(o.end(), settleMillis));
      }
    } else if (f.impact() != null) {
      impacts.put(f.impact().outageId(), f.impact());
      if (resolvedAt.value() != null) {
        emitIfComplete(false, out);
        forgetLater(ctx.timerService());
      }
    }
  }

  /** The {@code incidentsOpen} gauge's value in this task. */
  long incidentsOpen() {
    return incidentsOpen.getValue();
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    incidentsOpen = OpenCount.restore(context, CounterNames.INCIDENTS_OPEN);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    incidentsOpen.snapshot(context);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Incident> out) throws Exception {
    Long until = done.value();
    if (until != null) {
      if (timestamp != Long.MAX_VALUE && timestamp >= until) {
        done.clear(); // remembered long enough
      }
      return;
    }
    boolean endOfInput = timestamp == Long.MAX_VALUE;
    List<Outage> decided = new ArrayList<>();
    for (Map.Entry<String, Outage> e : members.entries()) {
      Long at = decidedAt.get(e.getKey());
      if (at != null && at <= timestamp) {
        decided.add(e.getValue());
      }
    }
    if (decided.isEmpty()) {
      RootAlarm r = root.value();
      if (!endOfInput && r != null && members.isEmpty() && rootEnd(r, timestamp, false) != null
          && plus(rootEnd(r, timestamp, false), settleMillis) <= timestamp) {
        clearAll(); // a root alarm that explained no outage
      }
      return;
    }
    decided.sort(START_ORDER);
    if (firing.value() == null && resolvedAt.value() == null && decided.size() >= 2) {
      fire(decided, ctx);
    }
    if (resolvedAt.value() == null) {
      Long end = endOf(timestamp, endOfInput);
      if (end != null && (endOfInput || plus(end, settleMillis) <= timestamp)) {
        resolvedAt.update(end);
        Alert f = firing.value();
        if (f != null) {
          ctx.output(ALERTS, f.resolvedAt(end));
          incidentsOpen.closed();
        }
      }
    }
    if (resolvedAt.value() != null) {
      emitIfComplete(endOfInput, out);
    } else if (endOfInput) {
      emit(null, out);
    }
    forgetLater(ctx.timerService());
  }

  /** Once written, its id is remembered a retention (so a late fact makes no second record), then forgotten. */
  private void forgetLater(org.apache.flink.streaming.api.TimerService timers) throws Exception {
    if (done.value() != null && done.value() == Long.MIN_VALUE) {
      long wm = timers.currentWatermark();
      if (wm == Long.MAX_VALUE) {
        return;
      }
      long until = plus(Math.max(wm, 0), retentionMillis);
      done.update(until);
      timers.registerEventTimeTimer(until);
    }
  }

  private void fire(List<Outage> decided, OnTimerContext ctx) throws Exception {
    IncidentFact id = identity.value();
    RootAlarm r = root.value();
    long at = decided.get(1).start();
    if (r != null) {
      at = Math.max(at, r.raise());
    } else if (id != null && id.rootRaise() != null) {
      at = Math.max(at, id.rootRaise());
    }
    long open = 0;
    TreeSet<String> regions = new TreeSet<>();
    for (Outage o : decided) {
      regions.add(o.region());
      if (o.start() <= at && (o.end() == null || o.end() > at)) {
        open++;
      }
    }
    String incidentId = ctx.getCurrentKey();
    String region = regions.size() == 1 ? regions.first() : "*";
    Alert a = new Alert(AlertIds.forIncident(incidentId), AlertType.INCIDENT, AlertStatus.FIRING, region, at, null,
        null, null, null, null, null, null, null, null, null, null, open, null, false, null, incidentId,
        id != null ? id.cause() : (r != null ? r.cause() : null), null);
    firing.update(a);
    ctx.output(ALERTS, a);
    incidentsOpen.opened();
  }

  /** When the incident ended, as far as is known at {@code now}; null while it has not. */
  private Long endOf(long now, boolean endOfInput) throws Exception {
    long end = Long.MIN_VALUE;
    RootAlarm r = root.value();
    IncidentFact id = identity.value();
    boolean rooted = r != null || (id != null && id.rootObjectId() != null);
    if (rooted) {
      Long rEnd = r == null ? null : rootEnd(r, now, endOfInput);
      if (rEnd == null) {
        return null;
      }
      end = rEnd;
    }
    boolean any = false;
    for (Outage o : members.values()) {
      if (o.end() == null) {
        return null;
      }
      any = true;
      end = Math.max(end, o.end());
    }
    return any ? end : null;
  }

  /** The root alarm's clear, or its stale instant once passed (not at the end of the input). */
  private Long rootEnd(RootAlarm r, long now, boolean endOfInput) {
    if (r.clear() != null) {
      return r.clear();
    }
    long stale = plus(r.raise(), maxOpenMillis);
    return !endOfInput && stale <= now ? stale : null;
  }

  private void emitIfComplete(boolean endOfInput, Collector<Incident> out) throws Exception {
    for (String outageId : members.keys()) {
      if (!impacts.contains(outageId) && !endOfInput) {
        return;
      }
    }
    emit(resolvedAt.value(), out);
  }

  private void emit(Long end, Collector<Incident> out) throws Exception {
    List<Outage> all = new ArrayList<>();
    members.values().forEach(all::add);
    if (all.isEmpty()) {
      clearAll();
      return;
    }
    IncidentFact id = identity.value();
    RootAlarm r = root.value();
    TreeSet<String> regions = new TreeSet<>();
    TreeSet<String> ids = new TreeSet<>();
    TreeSet<String> sites = new TreeSet<>();
    TreeSet<String> cells = new TreeSet<>();
    long first = Long.MAX_VALUE;
    long complaints = 0;
    for (Outage o : all) {
      regions.add(o.region());
      ids.add(o.outageId());
      sites.add(o.siteId());
      cells.add(o.cellId());
      first = Math.min(first, o.start());
      OutageImpact i = impacts.get(o.outageId());
      complaints += i == null ? 0 : i.complaints();
    }
    Long rootRaise = r != null ? Long.valueOf(r.raise()) : id == null ? null : id.rootRaise();
    String incidentId = all.isEmpty() ? null : (id != null ? id.incidentId() : r.incidentId());
    out.collect(new Incident(incidentId, id != null ? id.cause() : r.cause(),
        id != null ? id.rootObjectId() : r.objectId(), List.copyOf(regions), rootRaise != null ? rootRaise : first,
        end, r == null ? null : r.clear(), List.copyOf(ids), sites.size(), cells.size(), complaints));
    written.inc();
    clearAll();
    done.update(Long.MIN_VALUE); // written; forgetLater sets until when it is remembered
  }

  private void clearAll() {
    root.clear();
    identity.clear();
    members.clear();
    decidedAt.clear();
    impacts.clear();
    firing.clear();
    resolvedAt.clear();
  }

  static long plus(long t, long d) {
    return RootAlarmPairer.plus(t, d);
  }
}
