package com.faultlink.incident;

import com.faultlink.model.Outage;
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
import org.apache.flink.util.OutputTag;

/**
 * Per site (the key): which root-cause alarm's incident each outage of the site belongs to. An outage belongs to a
 * root alarm that reaches its site when it starts no earlier than {@code incidents.window} before the alarm's raise
 * and before its clear (or while it is still raised); where several fit, the earliest raise wins, then the smallest
 * incident id.
 *
 * <p>Decided once the watermark passes the outage's start plus the window: by then every root alarm that can fit has
 * been raised (a fitting raise is no later than that instant) and every clear before the start is known, so the
 * decision does not depend on arrival order or parallelism. One {@link Membership} per outage (for outages no root
 * alarm explains only where the grouping of unknown causes is off: it decides those), and from the decision on
 * every snapshot of a member outage goes to its incident ({@link #MEMBERS}), of an unexplained one to the grouping
 * of unknown causes ({@link #UNROOTED}).
 *
 * <p>A root alarm is forgotten a window after its clear (no outage still undecided can fit it then), or {@code
 * outages.maxOpen} after its raise if never cleared; an outage once it has ended and a merge gap has passed.
 */
public final class IncidentMembership extends KeyedCoProcessFunction<String, Outage, SiteRoot, Membership> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<IncidentFact> MEMBERS = new OutputTag<>("incident-members") {};
  public static final OutputTag<Outage> UNROOTED = new OutputTag<>("unrooted-outages") {};

  private static final String NONE = "";

  private final long windowMillis;
  private final long mergeGapMillis;
  private final long maxOpenMillis;
  private final boolean groupUnknown;

  private transient MapState<String, RootAlarm> roots;
  /** Outages of the site, latest snapshot. */
  private transient MapState<String, Outage> outages;
  /** Decided outages: their incident id, {@link #NONE} where none. */
  private transient MapState<String, String> decided;
  private transient MapState<String, Long> decidedAt;

  public IncidentMembership(long windowMillis, long mergeGapMillis, long maxOpenMillis, boolean groupUnknown) {
    this.windowMillis = windowMillis;
    this.mergeGapMillis = mergeGapMillis;
    this.maxOpenMillis = maxOpenMillis;
    this.groupUnknown = groupUnknown;
  }

  @Override
  public void open(OpenContext openContext) {
    roots = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("roots", Types.STRING, TypeInformation.of(RootAlarm.class)));
    outages = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("outages", Types.STRING, TypeInformation.of(Outage.class)));
    decided = getRuntimeContext().getMapState(new MapStateDescriptor<>("decided", Types.STRING, Types.STRING));
    decidedAt = getRuntimeContext().getMapState(new MapStateDescriptor<>("decided-at", Types.STRING, Types.LONG));
  }

  @Override
  public void processElement1(Outage o, Context ctx, Collector<Membership> out) throws Exception {
    outages.put(o.outageId(), o);
    String incident = decided.get(o.outageId());
    if (incident == null) {
      ctx.timerService().registerEventTimeTimer(plus(o.start(), windowMillis));
      return;
    }
    forward(o, incident, decidedAt.get(o.outageId()), ctx);
    if (o.end() != null) {
      ctx.timerService().registerEventTimeTimer(plus(o.end(), mergeGapMillis));
    }
  }

  @Override
  public void processElement2(SiteRoot r, Context ctx, Collector<Membership> out) throws Exception {
    RootAlarm root = r.root();
    RootAlarm known = roots.get(root.incidentId());
    if (known != null && known.clear() != null && root.clear() == null) {
      return; // its clear is known already (a raise never overtakes its clear on one channel; kept safe anyway)
    }
    roots.put(root.incidentId(), root);
    ctx.timerService().registerEventTimeTimer(root.clear() != null ? plus(root.clear(), windowMillis)
        : plus(root.raise(), maxOpenMillis));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Membership> out) throws Exception {
    List<Outage> due = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (Map.Entry<String, Outage> e : outages.entries()) {
      Outage o = e.getValue();
      if (!decided.contains(o.outageId())) {
        if (plus(o.start(), windowMillis) <= timestamp) {
          due.add(o);
        }
      } else if (o.end() != null && plus(o.end(), mergeGapMillis) <= timestamp
          && ctx.timerService().currentWatermark() != Long.MAX_VALUE) {
        gone.add(o.outageId());
      }
    }
    for (Outage o : due) {
      decide(o, ctx, out);
    }
    for (String id : gone) {
      outages.remove(id);
      decided.remove(id);
      decidedAt.remove(id);
    }
    Iterator<Map.Entry<String, RootAlarm>> it = roots.iterator();
    while (it.hasNext()) {
      RootAlarm r = it.next().getValue();
      long forgetAt = r.clear() != null ? plus(r.clear(), windowMillis) : plus(r.raise(), maxOpenMillis);
      if (forgetAt <= timestamp && ctx.timerService().currentWatermark() != Long.MAX_VALUE) {
        it.remove();
      }
    }
  }

  private void decide(Outage o, OnTimerContext ctx, Collector<Membership> out) throws Exception {
    RootAlarm best = null;
    for (RootAlarm r : roots.values()) {
      if (r.explains(o.start(), windowMillis) && (best == null || r.raise() < best.raise()
          || (r.raise() == best.raise() && r.incidentId().compareTo(best.incidentId()) < 0))) {
        best = r;
      }
    }
    long at = plus(o.start(), windowMillis);
    String incident = best == null ? NONE : best.incidentId();
    decided.put(o.outageId(), incident);
    decidedAt.put(o.outageId(), at);
    if (best != null) {
      out.collect(new Membership(o.outageId(), o.region(), o.start(), best.incidentId(), at));
      ctx.output(MEMBERS, IncidentFact.member(best.incidentId(), o, at, best.cause(), best.objectId(), best.raise()));
    } else if (groupUnknown && !o.planned()) {
      ctx.output(UNROOTED, o);
    } else {
      out.collect(new Membership(o.outageId(), o.region(), o.start(), null, at));
    }
    if (o.end() != null) {
      ctx.timerService().registerEventTimeTimer(plus(o.end(), mergeGapMillis));
    }
  }

  /** A later snapshot of a decided outage, to whoever tracks it. */
  private void forward(Outage o, String incident, Long at, Context ctx) {
    if (!NONE.equals(incident)) {
      ctx.output(MEMBERS, IncidentFact.member(incident, o, at == null ? o.start() : at, null, null, null));
    } else if (groupUnknown && !o.planned()) {
      ctx.output(UNROOTED, o);
    }
  }

  static long plus(long t, long d) {
    return RootAlarmPairer.plus(t, d);
  }
}
