package com.faultlink.golden;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.Outage;
import java.util.ArrayList;
import java.util.Iterator;
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
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * {@code MASS_OUTAGE} for one region (the key): one alert per episode in which the region's open outages
 * reach {@code golden.massOutageCount}, at the instant they first do. The episode ends when the count falls
 * below it again; the next crossing is a new episode with a new alert.
 *
 * <p>The count is taken in event time at every outage start and end, once the watermark is a merge gap
 * past the instant (a re-raise within the gap could still show that an outage cleared just before was in
 * fact still open), so it does not depend on arrival order or parallelism; the alert is therefore sent one
 * merge gap after the crossing, its {@code at} is the crossing itself. The alert id is the region and that
 * instant. Planned outages do not count.
 */
public final class MassOutageDetector extends KeyedProcessFunction<String, Outage, Alert> {
  private static final long serialVersionUID = 1L;
  /** At most this many open outage ids are listed in the alert. */
  static final int MAX_LISTED = 20;

  private final int threshold;
  private final long mergeGapMillis;

  private transient MapState<String, Outage> outages;
  private transient MapState<Long, Boolean> instants;
  private transient ValueState<Long> episodeStart;
  private transient ValueState<Long> countedUntil;

  public MassOutageDetector(int threshold, long mergeGapMillis) {
    this.threshold = threshold;
    this.mergeGapMillis = mergeGapMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    outages = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("outages", Types.STRING, TypeInformation.of(Outage.class)));
    instants = getRuntimeContext().getMapState(new MapStateDescriptor<>("instants", Types.LONG, Types.BOOLEAN));
    episodeStart = getRuntimeContext().getState(new ValueStateDescriptor<>("episode-start", Types.LONG));
    countedUntil = getRuntimeContext().getState(new ValueStateDescriptor<>("counted-until", Types.LONG));
  }

  @Override
  public void processElement(Outage o, Context ctx, Collector<Alert> out) throws Exception {
    if (o.planned()) {
      return;
    }
    boolean first = !outages.contains(o.outageId());
    outages.put(o.outageId(), o);
    if (first) {
      mark(o.start(), ctx);
    }
    if (o.end() != null) {
      mark(o.end(), ctx);
    }
  }

  private void mark(long instant, Context ctx) throws Exception {
    Long counted = countedUntil.value();
    if (counted != null && instant <= counted) {
      return; // a late snapshot: that instant was counted already, and an episode is announced once
    }
    instants.put(instant, true);
    ctx.timerService().registerEventTimeTimer(GoldenWindowAlerter.plus(instant, mergeGapMillis));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    long until = timestamp == Long.MAX_VALUE ? Long.MAX_VALUE : timestamp - mergeGapMillis;
    TreeSet<Long> due = new TreeSet<>();
    Iterator<Long> it = instants.keys().iterator();
    while (it.hasNext()) {
      long t = it.next();
      if (t <= until) {
        due.add(t);
        it.remove();
      }
    }
    if (!due.isEmpty()) {
      countedUntil.update(due.last());
    }
    for (long t : due) {
      List<String> open = openAt(t);
      Long episode = episodeStart.value();
      if (episode == null && open.size() >= threshold) {
        episodeStart.update(t);
        String region = ctx.getCurrentKey();
        out.collect(new Alert(AlertIds.forRegion(AlertType.MASS_OUTAGE, region, t), AlertType.MASS_OUTAGE,
            AlertStatus.FIRING, region, t, null, null, null, null, null, null, null, null, null, null, null,
            (long) open.size(), open.subList(0, Math.min(MAX_LISTED, open.size())), false, null));
      } else if (episode != null && open.size() < threshold) {
        episodeStart.clear();
      }
    }
    // Outages that ended at or before the last instant counted can no longer be open at a later one.
    Iterator<Map.Entry<String, Outage>> o = outages.iterator();
    while (o.hasNext()) {
      Outage x = o.next().getValue();
      if ((x.end() != null && x.end() <= until) || timestamp == Long.MAX_VALUE) {
        o.remove();
      }
    }
  }

  /** Ids of the outages open at {@code t}, sorted. */
  private List<String> openAt(long t) throws Exception {
    List<String> open = new ArrayList<>();
    for (Outage o : outages.values()) {
      boolean started = o.start() <= t;
      boolean notEnded = o.end() == null ? o.observedUntil() == null || o.observedUntil() >= t : o.end() > t;
      if (started && notEnded) {
        open.add(o.outageId());
      }
    }
    open.sort(null);
    return open;
  }
}
