package com.faultlink.golden;

import com.faultlink.io.Timestamps;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertIds;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.Outage;
import java.time.ZoneId;
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
 * reach {@code golden.massOutageCount}, at the instant they first do. The episode ends at the first instant the
 * count falls below it again: a {@code resolved} record with the same {@code alertId} and the firing record's
 * figures, {@code at} that instant. The next crossing is a new episode with a new alert.
 *
 * <p>No hysteresis beyond the merge gap: a cell that clears and is re-raised within the gap is one outage that
 * never left the count, so a flapping cell neither ends nor restarts an episode; outages that really clear end it.
 * (A count band, e.g. resolving only below a lower count, would keep an alert firing while fewer outages are open
 * than the threshold that defines it.)
 *
 * <p>The count is taken in event time at every outage start and end, once the watermark is a merge gap
 * past the instant (a re-raise within the gap could still show that an outage cleared just before was in
 * fact still open), so it does not depend on arrival order or parallelism; the alert and its resolution are
 * therefore sent one merge gap after their instants, their {@code at} is the instant itself. The alert id is
 * the region and the crossing instant. The open episode's firing record is keyed state (checkpointed), so after
 * a restart its resolution still follows, once, under the same id. An episode still open at the end of a bounded
 * input stays unresolved. Planned outages do not count.
 */
public final class MassOutageDetector extends KeyedProcessFunction<String, Outage, Alert> {
  private static final long serialVersionUID = 1L;
  /** At most this many open outage ids are listed in the alert. */
  static final int MAX_LISTED = 20;

  private final int threshold;
  private final long mergeGapMillis;
  /** The outputs' timezone: the crossing instant in the alert id is written in it. */
  private final ZoneId zone;

  private transient MapState<String, Outage> outages;
  private transient MapState<Long, Boolean> instants;
  /** The firing record of the open episode; empty between episodes. */
  private transient ValueState<Alert> episode;
  private transient ValueState<Long> countedUntil;

  public MassOutageDetector(int threshold, long mergeGapMillis, ZoneId zone) {
    this.threshold = threshold;
    this.mergeGapMillis = mergeGapMillis;
    this.zone = zone;
  }

  @Override
  public void open(OpenContext openContext) {
    outages = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("outages", Types.STRING, TypeInformation.of(Outage.class)));
    instants = getRuntimeContext().getMapState(new MapStateDescriptor<>("instants", Types.LONG, Types.BOOLEAN));
    episode = getRuntimeContext().getState(new ValueStateDescriptor<>("episode", TypeInformation.of(Alert.class)));
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
      // Counted first, listed (and sorted) only when an episode fires: an instant per outage start and end, each
      // scanning the region's open outages, made sorting them every time the detector's main cost where outages
      // are dense.
      int openCount = openCountAt(t);
      Alert firing = episode.value();
      if (firing == null && openCount >= threshold) {
        List<String> open = openAt(t);
        String region = ctx.getCurrentKey();
        firing = new Alert(AlertIds.forRegion(AlertType.MASS_OUTAGE, region, Timestamps.format(t, zone)), AlertType.MASS_OUTAGE,
            AlertStatus.FIRING, region, t, null, null, null, null, null, null, null, null, null, null, null,
            (long) open.size(), open.subList(0, Math.min(MAX_LISTED, open.size())), false, null);
        episode.update(firing);
        out.collect(firing);
      } else if (firing != null && openCount < threshold) {
        episode.clear();
        out.collect(firing.resolvedAt(t));
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

  /** How many outages are open at {@code t}: as many as {@link #openAt} lists. */
  private int openCountAt(long t) throws Exception {
    int n = 0;
    for (Outage o : outages.values()) {
      if (isOpenAt(o, t)) {
        n++;
      }
    }
    return n;
  }

  private static boolean isOpenAt(Outage o, long t) {
    boolean started = o.start() <= t;
    boolean notEnded = o.end() == null ? o.observedUntil() == null || o.observedUntil() >= t : o.end() > t;
    return started && notEnded;
  }

  /** Ids of the outages open at {@code t}, sorted. */
  private List<String> openAt(long t) throws Exception {
    List<String> open = new ArrayList<>();
    for (Outage o : outages.values()) {
      if (isOpenAt(o, t)) {
        open.add(o.outageId());
      }
    }
    open.sort(null);
    return open;
  }
}
