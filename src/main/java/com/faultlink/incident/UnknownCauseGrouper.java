package com.faultlink.incident;

import com.faultlink.config.IncidentsConfig;
import com.faultlink.model.Outage;
import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.GeoDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per region (the key): groups the outages that no root-cause alarm explains into incidents of cause {@code
 * unknown} ({@code incidents.unknown}). Outages are taken in start order (then outage id); each one not yet grouped
 * seeds a group of the ungrouped outages that start within {@code unknown.window} after it on a site within {@code
 * unknown.radiusKm} of its own (its own site included). A group of at least {@code minOutages} outages on at least
 * {@code minSites} sites is an incident, {@code unknown/<seed outageId>}; otherwise the seed belongs to none and the
 * others wait for their own turn.
 *
 * <p>A seed is judged once the watermark passes its start plus {@code incidents.window} plus {@code unknown.window}:
 * every outage that can join it has been found unexplained by then (each is passed on at its own start plus
 * {@code incidents.window}). So the membership of these outages is decided later than a root alarm's, at that
 * instant; their alerts from then on carry it. Deterministic: the order is the outages' own, not their arrival.
 */
public final class UnknownCauseGrouper extends KeyedProcessFunction<String, Outage, Membership> {
  private static final long serialVersionUID = 1L;
  public static final String CAUSE = "unknown";
  private static final String NONE = "";
  private static final Comparator<Outage> START_ORDER =
      Comparator.comparingLong(Outage::start).thenComparing(Outage::outageId);

  private final CellTable cells;
  private final long incidentWindowMillis;
  private final IncidentsConfig.Unknown rule;
  private final long mergeGapMillis;

  private transient MapState<String, Outage> outages;
  private transient MapState<String, String> assigned;
  private transient MapState<String, Long> assignedAt;

  public UnknownCauseGrouper(CellTable cells, long incidentWindowMillis, IncidentsConfig.Unknown rule,
      long mergeGapMillis) {
    this.cells = cells;
    this.incidentWindowMillis = incidentWindowMillis;
    this.rule = rule;
    this.mergeGapMillis = mergeGapMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    outages = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("outages", Types.STRING, TypeInformation.of(Outage.class)));
    assigned = getRuntimeContext().getMapState(new MapStateDescriptor<>("assigned", Types.STRING, Types.STRING));
    assignedAt = getRuntimeContext().getMapState(new MapStateDescriptor<>("assigned-at", Types.STRING, Types.LONG));
  }

  private long seedTime(Outage o) {
    return IncidentMembership.plus(o.start(), incidentWindowMillis + rule.window().toMillis());
  }

  @Override
  public void processElement(Outage o, Context ctx, Collector<Membership> out) throws Exception {
    outages.put(o.outageId(), o);
    String incident = assigned.get(o.outageId());
    if (incident == null) {
      ctx.timerService().registerEventTimeTimer(seedTime(o));
      return;
    }
    if (!NONE.equals(incident)) {
      ctx.output(IncidentMembership.MEMBERS, IncidentFact.member(incident, o, assignedAt.get(o.outageId()), null,
          null, null));
    }
    if (o.end() != null) {
      ctx.timerService().registerEventTimeTimer(IncidentMembership.plus(o.end(), mergeGapMillis));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Membership> out) throws Exception {
    List<Outage> open = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    for (Map.Entry<String, Outage> e : outages.entries()) {
      Outage o = e.getValue();
      if (!assigned.contains(o.outageId())) {
        open.add(o);
      } else if (o.end() != null && !endOfInput
          && IncidentMembership.plus(o.end(), mergeGapMillis) <= timestamp) {
        gone.add(o.outageId());
      }
    }
    open.sort(START_ORDER);
    Set<String> taken = new HashSet<>();
    for (Outage seed : open) {
      if (seedTime(seed) > timestamp) {
        break;
      }
      if (taken.contains(seed.outageId())) {
        continue;
      }
      List<Outage> group = new ArrayList<>();
      Set<String> sites = new HashSet<>();
      for (Outage o : open) {
        if (o.start() > seed.start() + rule.window().toMillis()) {
          break;
        }
        if (o.start() >= seed.start() && !taken.contains(o.outageId()) && near(seed, o)) {
          group.add(o);
          sites.add(o.siteId());
        }
      }
      long at = seedTime(seed);
      if (group.size() >= rule.minOutages() && sites.size() >= rule.minSites()) {
        String id = CAUSE + "/" + seed.outageId();
        for (Outage o : group) {
          taken.add(o.outageId());
          assign(o, id, at, ctx, out);
          ctx.output(IncidentMembership.MEMBERS, IncidentFact.member(id, o, at, CAUSE, null, null));
        }
      } else {
        taken.add(seed.outageId());
        assign(seed, NONE, at, ctx, out);
      }
    }
    for (String id : gone) {
      outages.remove(id);
      assigned.remove(id);
      assignedAt.remove(id);
    }
  }

  private void assign(Outage o, String incident, long at, OnTimerContext ctx, Collector<Membership> out)
      throws Exception {
    assigned.put(o.outageId(), incident);
    assignedAt.put(o.outageId(), at);
    out.collect(new Membership(o.outageId(), o.region(), o.start(), NONE.equals(incident) ? null : incident, at));
    if (o.end() != null) {
      ctx.timerService().registerEventTimeTimer(IncidentMembership.plus(o.end(), mergeGapMillis));
    }
  }

  private boolean near(Outage a, Outage b) {
    if (a.siteId().equals(b.siteId())) {
      return true;
    }
    Cell ca = cells.get(a.cellId());
    Cell cb = cells.get(b.cellId());
    return ca != null && cb != null && GeoDistance.km(ca.lat(), ca.lon(), cb.lat(), cb.lon()) <= rule.radiusKm();
  }
}
