package com.faultlink.burst;

import com.faultlink.burst.BurstCalendar.Window;
import com.faultlink.config.BurstConfig;
import com.faultlink.io.Timestamps;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertIds;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.Attribution;
import com.faultlink.model.BurstThreshold;
import com.faultlink.model.Outage;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
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
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Complaint bursts of one region (the key): counts the region's complaints per window (every complaint,
 * fault-caused or not, by its complaint time), judges each window with {@link BurstModel} once the watermark
 * has passed its end (plus the attribution's decision delay, so every on-time complaint of the window has
 * arrived), and emits a {@code COMPLAINT_BURST} alert when an episode starts and the same alert with status
 * {@code resolved} when it ends. Thresholds it makes public go to the {@link #THRESHOLDS} side output.
 *
 * <p>The second input is the outage snapshots of the region: an alert names the outages that were open at
 * any time during its first burst window ({@code explainingOutages}, sorted; empty: none known). Where every one
 * of them is planned, the burst is explained by planned work: {@code planned: true} and the smallest of their
 * {@code workId}s.
 *
 * <p>Windows are judged in order, each once; a window in which nothing arrived counts 0 (it is judged when
 * a later window is, or, while an episode is open, by a timer of its own, so episodes end on time). At the
 * end of a bounded input the windows after the region's last complaint are not judged. A complaint whose
 * window was already judged is counted ({@code lateForBurstWindow}) and otherwise ignored.
 *
 * <p>Work follows the complaints, not the span of time: a silence longer than {@link
 * BurstModel#forgetAfterMillis} (outside an episode) is not judged window by window; the region's history
 * starts again, warm-up included, at the window of its next complaint.
 */
public final class BurstDetector extends KeyedCoProcessFunction<String, Attribution, Outage, Alert> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<BurstThreshold> THRESHOLDS =
      new OutputTag<>("burst-thresholds", TypeInformation.of(BurstThreshold.class));

  private final ZoneId zone;
  private final BurstConfig config;
  private final long decisionDelayMillis;

  private transient BurstModel model;
  private transient ValueState<RegionBurstState> regionState;
  private transient MapState<Long, Long> counts;
  private transient MapState<String, Outage> outages;
  private transient ValueState<Alert> openAlert;
  private transient RunCounter late;
  /** Windows judged by this instance (tests: the work follows the complaints, not the span of time). */
  private transient long windowsJudged;

  /**
   * @param decisionDelayMillis how long after a complaint's time its attribution may still be emitted
   */
  public BurstDetector(ZoneId zone, BurstConfig config, long decisionDelayMillis) {
    this.zone = zone;
    this.config = config;
    this.decisionDelayMillis = decisionDelayMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    model = new BurstModel(
        new BurstCalendar(zone, config.window(), BurstCalendar.DayTypes.fromConfig(config.dayTypes())), config);
    regionState = getRuntimeContext().getState(
        new ValueStateDescriptor<>("burst-region", TypeInformation.of(RegionBurstState.class)));
    counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("burst-window-counts", Types.LONG, Types.LONG));
    outages = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("burst-outages", Types.STRING, TypeInformation.of(Outage.class)));
    openAlert = getRuntimeContext().getState(new ValueStateDescriptor<>("burst-open-alert", TypeInformation.of(Alert.class)));
    late = RunCounter.register(getRuntimeContext(), CounterNames.LATE_FOR_BURST_WINDOW);
  }

  /** Alert id of the episode starting with this window: stable across replays. */
  public static String alertId(String region, long windowStart, ZoneId zone) {
    return AlertIds.forRegion(AlertType.COMPLAINT_BURST, region, Timestamps.format(windowStart, zone));
  }

  @Override
  public void processElement1(Attribution a, Context ctx, Collector<Alert> out) throws Exception {
    RegionBurstState s = regionState.value();
    Window w = model.calendar().windowOf(a.complaintTime());
    if (s != null && s.nextWindow != Long.MIN_VALUE && w.start() < s.nextWindow) {
      late.inc();
      return;
    }
    Long before = counts.get(w.start());
    counts.put(w.start(), before == null ? 1L : before + 1);
    ctx.timerService().registerEventTimeTimer(decidedAt(w));
  }

  @Override
  public void processElement2(Outage o, Context ctx, Collector<Alert> out) throws Exception {
    RegionBurstState s = regionState.value();
    if (o.end() != null && s != null && s.nextWindow != Long.MIN_VALUE && o.end() <= s.nextWindow) {
      outages.remove(o.outageId()); // over before any window still to judge
    } else {
      outages.put(o.outageId(), o);
    }
  }

  private long decidedAt(Window w) {
    return w.end() + decisionDelayMillis;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    RegionBurstState s = regionState.value();
    TreeSet<Long> pending = new TreeSet<>();
    for (Long start : counts.keys()) {
      pending.add(start);
    }
    long firstPending = pending.isEmpty() ? Long.MAX_VALUE : pending.first();
    long lastPending = pending.isEmpty() ? Long.MIN_VALUE : pending.last();
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    if (s == null) {
      if (firstPending == Long.MAX_VALUE) {
        return;
      }
      s = model.newState();
    }
    Window w = model.calendar().windowOf(s.nextWindow == Long.MIN_VALUE ? firstPending : s.nextWindow);
    String region = ctx.getCurrentKey();
    boolean judged = false;
    while (decidedAt(w) <= timestamp && !(endOfInput && w.start() > lastPending)) {
      if (w.isEmpty()) {
        w = model.calendar().next(w);
        continue;
      }
      Long nextComplaint = pending.ceiling(w.start());
      if (!s.inEpisode && nextComplaint != null && nextComplaint - w.start() > model.forgetAfterMillis()) {
        // Silence long enough to have forgotten the history: its windows are not judged one by one (a region
        // quiet for years would cost a judgement per window); the next complaint's window starts it again.
        s = model.newState();
        w = model.calendar().windowOf(nextComplaint);
        judged = true;
        continue;
      }
      Long n = counts.get(w.start());
      if (n != null) {
        counts.remove(w.start());
      }
      BurstModel.Verdict v = model.judge(s, region, w, n == null ? 0L : n);
      windowsJudged++;
      if (v.published() != null) {
        ctx.output(THRESHOLDS, v.published());
      }
      if (v.event() == BurstModel.EpisodeEvent.STARTED) {
        List<Outage> open = openDuring(w);
        Alert alert = new Alert(alertId(region, w.start(), zone), AlertType.COMPLAINT_BURST, AlertStatus.FIRING,
            region, w.end(), null, null, null, null, null, null, w.start(), w.end(), v.count(), v.threshold(),
            v.expected(), null, ids(open), explainedByWork(open), work(open));
        openAlert.update(alert);
        out.collect(alert);
      } else if (v.event() == BurstModel.EpisodeEvent.ENDED) {
        Alert a = openAlert.value();
        if (a != null) {
          out.collect(a.resolvedAt(w.end()));
        }
        openAlert.clear();
      }
      judged = true;
      w = model.calendar().next(w);
    }
    if (judged) {
      regionState.update(s);
      forgetOutagesBefore(s.nextWindow);
    }
    if (s.inEpisode && !endOfInput) {
      // no complaint may come: the quiet windows that end the episode are judged by a timer of their own
      Window next = model.calendar().windowOf(s.nextWindow);
      ctx.timerService().registerEventTimeTimer(decidedAt(next));
    }
  }

  long windowsJudged() {
    return windowsJudged;
  }

  private List<Outage> openDuring(Window w) throws Exception {
    List<Outage> open = new ArrayList<>();
    for (Outage o : outages.values()) {
      if (o.start() < w.end() && (o.end() == null || o.end() > w.start())) {
        open.add(o);
      }
    }
    return open;
  }

  private static List<String> ids(List<Outage> open) {
    List<String> ids = new ArrayList<>();
    for (Outage o : open) {
      ids.add(o.outageId());
    }
    ids.sort(null);
    return ids;
  }

  /** A burst is explained by planned work when outages explain it and every one of them is planned. */
  static boolean explainedByWork(List<Outage> open) {
    return !open.isEmpty() && open.stream().allMatch(Outage::planned);
  }

  /** The work that explains it: the smallest {@code workId} among its outages' works (null: none announced). */
  static String work(List<Outage> open) {
    if (!explainedByWork(open)) {
      return null;
    }
    return open.stream().map(Outage::workId).filter(java.util.Objects::nonNull).sorted().findFirst().orElse(null);
  }

  private void forgetOutagesBefore(long from) throws Exception {
    Iterator<Map.Entry<String, Outage>> it = outages.iterator();
    while (it.hasNext()) {
      Outage o = it.next().getValue();
      if (o.end() != null && o.end() <= from) {
        it.remove();
      }
    }
  }
}
