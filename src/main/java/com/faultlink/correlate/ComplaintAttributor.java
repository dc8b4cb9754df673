package com.faultlink.correlate;

import com.faultlink.model.Rounding;
import com.faultlink.model.Attribution;
import com.faultlink.model.Complaint;
import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.NeighbourIndex;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Attributes the complaints of one key to the outages that may explain them (first input: complaints; second:
 * outage snapshots fanned out by {@link OutageFanOut}). The pipeline keys by area ({@link AttributionAreas}: the
 * complaint's site's, and every area with a site the outage concerns); keying by site ({@link #siteOf}) gives the
 * same decisions, because every decision is made per complaint with the exact relations, whatever else the key
 * holds.
 * Complaints naming no known cell (key {@link #NO_SITE}) are not attributed, by the contract's default.
 * Per complaint, an outage of its own cell is at level {@code cell}, of another cell of its site at
 * {@code site}, of a neighbour of its cell at {@code neighbor}; an outage sent to the site for another of its
 * cells' neighbours (or for another site of the area) does not concern it. The same decisions as keying by cell
 * and sending every outage to each cell concerned, with a handful of copies of an outage instead of a couple of
 * hundred.
 *
 * <p>Outages are held until {@link #expiry}, as they were with one timer per outage and key; they are dropped by one
 * timer per key and purge slot (a quarter of the retention, at least a minute) instead, and an outage past its
 * expiry but not yet dropped is not seen (a decision at instant {@code T} sees those expiring at {@code T} or
 * later, a late one those expiring after the watermark), so the decisions are those the per-outage timers gave.
 * In a dense city an area held some 60 outage copies a site, each with its own timer, whose firing also scanned all
 * of them: that was most of the attribution's cost.
 *
 * <p>A complaint is decided only once the watermark has passed its time (plus, where the tail is shorter
 * than the merge gap, the difference): by then every on-time raise, clear and re-raise that can matter is
 * known, so the decision does not depend on arrival order or parallelism. A complaint that arrives behind
 * the watermark is decided at once against the outages still held, and marked late.
 */
public final class ComplaintAttributor extends KeyedCoProcessFunction<String, Complaint, OutageNearSite, Attribution> {
  private static final long serialVersionUID = 1L;

  private final CellTable cells;
  private final double neighborRadiusKm;
  private final long tailMillis;
  private final long decisionDelayMillis;
  private final long retentionMillis;
  private final long purgeSlotMillis;

  private transient NeighbourIndex index;
  private transient MapState<String, Outage> candidates;
  private transient MapState<Long, List<Complaint>> waiting;
  private transient RunCounter attributed;
  private transient RunCounter lateDecided;

  /**
   * @param retentionMillis how long after an outage's tail it is still held for late complaints
   */
  public ComplaintAttributor(CellTable cells, double neighborRadiusKm, long tailMillis, long decisionDelayMillis,
      long retentionMillis) {
    this.cells = cells;
    this.neighborRadiusKm = neighborRadiusKm;
    this.tailMillis = tailMillis;
    this.decisionDelayMillis = decisionDelayMillis;
    this.retentionMillis = retentionMillis;
    this.purgeSlotMillis = Math.max(MINUTE, retentionMillis / 4 / MINUTE * MINUTE);
  }

  private static final long MINUTE = 60_000L;

  /**
   * The key of a complaint that names no cell of the table: all of them, decided on arrival. They come through
   * this operator rather than beside it so that every attribution leaves one operator, and the attributions'
   * output (JSON, sink) runs in its task instead of behind a network hop.
   */
  public static final String NO_SITE = "";

  /** The key of a complaint by area (the pipeline's): its cell's site's area, or {@link #NO_SITE}. */
  public static KeySelector<Complaint, String> areaOf(AttributionAreas areas) {
    return complaint -> complaint.onKnownCell() ? areas.ofCell(complaint.cellId()) : NO_SITE;
  }

  /** The key of a complaint: its cell's site, or {@link #NO_SITE}. */
  public static KeySelector<Complaint, String> siteOf(CellTable cells) {
    return complaint -> complaint.onKnownCell() ? cells.get(complaint.cellId()).siteId() : NO_SITE;
  }

  @Override
  public void open(OpenContext openContext) {
    index = NeighbourIndex.shared(cells, neighborRadiusKm);
    candidates = getRuntimeContext().getMapState(new MapStateDescriptor<>("outages-near-site", Types.STRING,
        TypeInformation.of(Outage.class)));
    waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-complaints", Types.LONG,
        Types.LIST(TypeInformation.of(Complaint.class))));
    attributed = RunCounter.register(getRuntimeContext(), CounterNames.COMPLAINTS_ATTRIBUTED);
    lateDecided = RunCounter.register(getRuntimeContext(), CounterNames.LATE_COMPLAINTS);
  }

  @Override
  public void processElement1(Complaint complaint, Context ctx, Collector<Attribution> out) throws Exception {
    if (!complaint.onKnownCell()) {
      out.collect(unattributable(complaint));
      return;
    }
    long decideAt = complaint.time() + decisionDelayMillis;
    if (decideAt <= ctx.timerService().currentWatermark()) {
      lateDecided.inc();
      long watermark = ctx.timerService().currentWatermark();
      out.collect(decide(complaint, true, watermark == Long.MAX_VALUE ? Long.MAX_VALUE : watermark + 1));
      return;
    }
    List<Complaint> list = waiting.get(decideAt);
    if (list == null) {
      list = new ArrayList<>(1);
    }
    list.add(complaint);
    waiting.put(decideAt, list);
    ctx.timerService().registerEventTimeTimer(decideAt);
  }

  @Override
  public void processElement2(OutageNearSite near, Context ctx, Collector<Attribution> out) throws Exception {
    Outage o = near.outage();
    candidates.put(o.outageId(), o);
    if (o.end() != null) {
      ctx.timerService().registerEventTimeTimer(roundUp(expiry(o), purgeSlotMillis));
    }
  }

  private long expiry(Outage o) {
    return AlarmPairer.saturatedAdd(o.end(), tailMillis + decisionDelayMillis + retentionMillis);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Attribution> out) throws Exception {
    List<Complaint> due = waiting.get(timestamp);
    if (due != null) {
      waiting.remove(timestamp);
      for (Complaint c : due) {
        out.collect(decide(c, false, timestamp));
      }
    }
    if (timestamp % purgeSlotMillis != 0 && timestamp != Long.MAX_VALUE) {
      return; // a decision instant only; the outages are dropped at the slots' ends
    }
    Iterator<Map.Entry<String, Outage>> it = candidates.iterator();
    while (it.hasNext()) {
      Outage o = it.next().getValue();
      if (o.end() != null && expiry(o) <= timestamp) {
        it.remove();
      }
    }
    if (candidates.isEmpty()) {
      candidates.clear(); // drops the key's empty map as well
    }
  }

  /**
   * The decision for a complaint, among the outages held that do not expire before {@code seenFrom} (those the
   * per-outage timers of old would still have held).
   */
  private Attribution decide(Complaint c, boolean late, long seenFrom) throws Exception {
    List<CandidateOutage> near = new ArrayList<>();
    String siteId = cells.get(c.cellId()).siteId();
    for (Outage o : candidates.values()) {
      if (o.end() != null && expiry(o) < seenFrom || !AttributionRule.covers(o, c.time(), tailMillis)) {
        continue;
      }
      MatchLevel level = levelOf(o, c.cellId(), siteId);
      if (level != null) {
        near.add(new CandidateOutage(c.cellId(), level, o));
      }
    }
    CandidateOutage best = AttributionRule.choose(near, c.time(), tailMillis);
    if (best == null) {
      return new Attribution(c.ticketId(), null, c.region(), c.cellId(), MatchLevel.NONE, null, c.time(),
          c.category(), c.customerKey(), late, false, null, c.channel(), c.severity());
    }
    attributed.inc();
    Outage o = best.outage();
    return new Attribution(c.ticketId(), o.outageId(), c.region(), c.cellId(), best.level(),
        Rounding.minutes(c.time() - o.start()), c.time(), c.category(), c.customerKey(), late, o.planned(),
        o.workId(), c.channel(), c.severity());
  }

  private static long roundUp(long t, long unit) {
    if (t > Long.MAX_VALUE - unit) {
      return Long.MAX_VALUE;
    }
    return Math.floorDiv(t + unit - 1, unit) * unit;
  }

  /** How close an outage is to a complaint's cell: its cell, its site, a neighbour, or (null) none of them. */
  private MatchLevel levelOf(Outage o, String cellId, String siteId) {
    if (o.cellId().equals(cellId)) {
      return MatchLevel.CELL;
    }
    if (o.siteId().equals(siteId)) {
      return MatchLevel.SITE;
    }
    return index.areNeighbours(o.cellId(), cellId) ? MatchLevel.NEIGHBOR : null;
  }

  /** The decision for a complaint that names no known cell: no outage, by the contract's default. */
  public static Attribution unattributable(Complaint c) {
    return new Attribution(c.ticketId(), null, c.region(), c.cellId(), MatchLevel.NONE, null, c.time(),
        c.category(), c.customerKey(), false, false, null, c.channel(), c.severity());
  }
}
