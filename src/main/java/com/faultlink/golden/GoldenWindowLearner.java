package com.faultlink.golden;

import com.faultlink.config.GoldenConfig;
import com.faultlink.model.GoldenScopeReport;
import com.faultlink.model.Rounding;
import com.faultlink.model.ClosedOutage;
import com.faultlink.model.GoldenWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns one scope's golden window (the key: {@code region|technology}) from its closed outages.
 *
 * <p>Outages are taken in event-time order of when they became final ({@link ClosedOutage#settledAt()},
 * then {@code outageId}), once the watermark has passed that instant, so the estimates do not depend on
 * arrival order or parallelism. The history is the last {@code golden.history} outages of the scope
 * (bounded state, a sliding window that follows changes in the network). The scope is re-estimated at
 * its first outage (for the table), when it reaches {@code golden.minOutages}, after every {@code
 * golden.reestimateEvery}-th outage ({@link GoldenWindowEstimator}, bootstrap seeded from the scope and the
 * instant, so a replay gives the same interval), but at most once per {@code golden.reestimateInterval} of event
 * time (settle instants): a count reached sooner waits for the first outage after the interval. So a scope costs at
 * most one re-estimation an interval however many outages it closes (a dense province-month closed 8 000 a day, and
 * re-estimating every 10th outage was a third of the job's time). Where it has at least {@code golden.minOutages} outages, data
 * that show the complaint rate reaching {@code golden.explosionRatio} times its baseline and an interval no wider
 * than {@code golden.maxIntervalWidth}, publishes a {@link GoldenWindow} valid from the settle instant of the outage that
 * triggered it. Otherwise it publishes nothing (what applied before stays: its own last estimate, else the
 * pooled scope's), says so in the log when that changes, and reports it in the analysts' table ({@link
 * #TABLE}).
 */
public final class GoldenWindowLearner extends KeyedProcessFunction<String, ScopedClosedOutage, GoldenWindow> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(GoldenWindowLearner.class);
  private static final long SUMMARY_EVERY_NANOS = 60_000_000_000L;

  /** Status changes since the last summary line, by status (per task, not state: a log matter only). */
  private transient java.util.Map<String, Integer> changes;
  private transient long lastSummaryAt;

  /** Rows of the analysts' table: every re-estimation, estimate or not. */
  public static final OutputTag<GoldenScopeReport> TABLE =
      new OutputTag<>("golden-window-table", TypeInformation.of(GoldenScopeReport.class));

  private final GoldenConfig golden;

  private transient GoldenWindowEstimator estimator;
  private transient MapState<Long, List<ClosedOutage>> pending;
  private transient ListState<ClosedOutage> history;
  private transient ValueState<Long> seenTotal;
  private transient ValueState<String> lastStatus;
  /** The settle instant of the scope's last re-estimation, and whether a count-due one waits for the interval. */
  private transient ValueState<Long> lastEstimateAt;
  private transient ValueState<Boolean> estimateOwed;

  public GoldenWindowLearner(GoldenConfig golden) {
    this.golden = golden;
  }

  @Override
  public void open(OpenContext openContext) {
    estimator = estimator(golden);
    TypeInformation<ClosedOutage> type = TypeInformation.of(ClosedOutage.class);
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Types.LONG, Types.LIST(type)));
    history = getRuntimeContext().getListState(new ListStateDescriptor<>("history", type));
    seenTotal = getRuntimeContext().getState(new ValueStateDescriptor<>("outages-seen", Types.LONG));
    lastStatus = getRuntimeContext().getState(new ValueStateDescriptor<>("last-status", Types.STRING));
    lastEstimateAt = getRuntimeContext().getState(new ValueStateDescriptor<>("last-estimate-at", Types.LONG));
    estimateOwed = getRuntimeContext().getState(new ValueStateDescriptor<>("estimate-owed", Types.BOOLEAN));
    changes = new java.util.TreeMap<>();
    lastSummaryAt = System.nanoTime();
  }

  /** The estimator the settings describe. */
  public static GoldenWindowEstimator estimator(GoldenConfig golden) {
    return new GoldenWindowEstimator(golden.explosionRatio(), GoldenConfig.minutes(golden.baselineMinutes()),
        GoldenConfig.minutes(golden.gridStep()), GoldenConfig.minutes(golden.maxWindow()), golden.minOpenAtWindow(),
        golden.minBaselineComplaints(), golden.bootstrap(), golden.confidence(), golden.falseWindowRate());
  }

  @Override
  public void processElement(ScopedClosedOutage s, Context ctx, Collector<GoldenWindow> out) throws Exception {
    long at = s.outage().settledAt();
    List<ClosedOutage> atTime = pending.get(at);
    if (atTime == null) {
      atTime = new ArrayList<>(1);
    }
    atTime.add(s.outage());
    pending.put(at, atTime);
    ctx.timerService().registerEventTimeTimer(at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<GoldenWindow> out) throws Exception {
    TreeMap<Long, List<ClosedOutage>> due = new TreeMap<>();
    Iterator<Map.Entry<Long, List<ClosedOutage>>> it = pending.iterator();
    while (it.hasNext()) {
      Map.Entry<Long, List<ClosedOutage>> e = it.next();
      if (e.getKey() <= timestamp) {
        due.put(e.getKey(), e.getValue());
        it.remove();
      }
    }
    List<ClosedOutage> kept = new ArrayList<>();
    history.get().forEach(kept::add);
    long seen = seenTotal.value() == null ? 0 : seenTotal.value();
    String[] scope = ctx.getCurrentKey().split("\\|", 2);
    Long last = lastEstimateAt.value();
    boolean owed = Boolean.TRUE.equals(estimateOwed.value());
    long interval = golden.reestimateInterval().toMillis();
    for (Map.Entry<Long, List<ClosedOutage>> batch : due.entrySet()) {
      // Outages that became final at the same instant go in together: one estimate per scope and instant.
      List<ClosedOutage> outages = new ArrayList<>(batch.getValue());
      outages.sort(Comparator.comparing(ClosedOutage::outageId));
      kept.addAll(outages);
      if (kept.size() > golden.history()) {
        kept = new ArrayList<>(kept.subList(kept.size() - golden.history(), kept.size()));
      }
      long before = seen;
      seen += outages.size();
      boolean first = before == 0;
      boolean everyN = seen / golden.reestimateEvery() > before / golden.reestimateEvery();
      boolean enough = before < golden.minOutages() && seen >= golden.minOutages();
      boolean countDue = everyN || owed;
      boolean intervalPassed = last == null || batch.getKey() - last >= interval;
      if (first || enough || countDue && intervalPassed) {
        estimate(scope[0], scope[1], batch.getKey(), kept, out, ctx);
        last = batch.getKey();
        owed = false;
      } else {
        owed = countDue;
      }
    }
    history.update(kept);
    seenTotal.update(seen);
    if (last != null) {
      lastEstimateAt.update(last);
    }
    estimateOwed.update(owed ? Boolean.TRUE : null);
  }

  private void estimate(String region, String technology, long validFrom, List<ClosedOutage> outages,
      Collector<GoldenWindow> out, OnTimerContext ctx) throws Exception {
    String label = Scopes.label(region, technology);
    String pooled = pooledFor(region, technology);
    long complaints = 0;
    List<GoldenWindowEstimator.Sample> samples = new ArrayList<>(outages.size());
    for (ClosedOutage o : outages) {
      double d = o.durationMinutes();
      double[] lags = whileOpen(o.lagsMinutes(), d);
      complaints += lags.length;
      samples.add(new GoldenWindowEstimator.Sample(d, lags));
    }
    if (outages.size() < golden.minOutages()) {
      String reason = outages.size() + " closed outages, fewer than golden.minOutages " + golden.minOutages();
      report(ctx, new GoldenScopeReport(region, technology, validFrom, GoldenWindowEstimator.TOO_FEW, outages.size(),
          complaints, null, null, null, null, null, null, null, null, null, null, null, reason, pooled, null));
      statusChanged(GoldenWindowEstimator.TOO_FEW, label + ": " + reason + ": no estimate of its own, " + pooled
          + " applies");
      return;
    }
    long seed = ctx.getCurrentKey().hashCode() * 1_000_003L + validFrom;
    GoldenWindowEstimator.Estimate e = estimator.estimate(samples, seed);
    String status = e.status();
    if (GoldenWindowEstimator.ESTIMATED.equals(status)
        && e.ciHighMinutes() - e.ciLowMinutes() > GoldenConfig.minutes(golden.maxIntervalWidth())) {
      status = GoldenWindowEstimator.IMPRECISE;
    }
    String reason = reason(status, e);
    GoldenScopeReport row = new GoldenScopeReport(region, technology, validFrom, status, outages.size(), complaints,
        round(e.windowMinutes()), round(e.ciLowMinutes()), round(e.ciHighMinutes()), perHour(e.baselinePerMinute()),
        perHour(e.rateAtWindowPerMinute()), round(e.highestRatio()), round(e.meanAfterRatio()), round(e.riseZ()),
        round(e.riseZCritical()), round(e.trendZ()), round(e.examinedUpToMinutes()), reason,
        GoldenWindowEstimator.ESTIMATED.equals(status) ? null : pooled, GoldenWindowEstimator.METHOD);
    if (GoldenWindowEstimator.ESTIMATED.equals(status)) {
      out.collect(new GoldenWindow(region, technology, validFrom, row.goldenWindowMinutes(), row.ciLowMinutes(),
          row.ciHighMinutes(), outages.size(), complaints, row.rateBeforePerHour(), row.rateAfterPerHour(),
          GoldenWindowEstimator.METHOD));
      report(ctx, row);
      statusChanged(status, label + ": golden window learned from " + outages.size() + " outages");
      return;
    }
    report(ctx, row);
    statusChanged(status, label + ": " + reason + ": not published, what applied before stays (" + pooled
        + " if nothing of its own)");
  }

  /** Why a scope has the status it has, with the figures, for the table (an analyst reads it). */
  private String reason(String status, GoldenWindowEstimator.Estimate e) {
    String ratio = fmt(golden.explosionRatio()) + "x";
    String baseline = fmt(GoldenConfig.minutes(golden.baselineMinutes())) + " min";
    switch (status) {
      case GoldenWindowEstimator.TOO_FEW:
        if (e.baselinePerMinute() == null) {
          return "fewer than golden.minOpenAtWindow " + golden.minOpenAtWindow() + " outages still open after the "
              + baseline + " baseline";
        }
        return e.baselineComplaints() + " complaints in the first " + baseline
            + ", fewer than golden.minBaselineComplaints " + golden.minBaselineComplaints();
      case GoldenWindowEstimator.FALLING:
        return "the rate after the first " + baseline + " is " + fmt(e.meanAfterRatio())
            + "x the baseline (z " + fmt(e.trendZ()) + "): it falls, it never reaches " + ratio;
      case GoldenWindowEstimator.NO_RISE:
        return "highest fitted rate " + fmt(e.highestRatio()) + "x the baseline up to "
            + fmt(e.examinedUpToMinutes()) + " min; evidence of reaching " + ratio + " z " + fmt(e.riseZ())
            + ", " + fmt(e.riseZCritical()) + " needed";
      case GoldenWindowEstimator.IMPRECISE:
        if (e.windowMinutes() == null) {
          return "the rate exceeds " + ratio + " the baseline somewhere (z " + fmt(e.riseZ())
              + ") but its monotone fit never reaches it";
        }
        return "interval " + fmt(e.ciLowMinutes()) + "-" + fmt(e.ciHighMinutes()) + " min is wider than"
            + " golden.maxIntervalWidth " + fmt(GoldenConfig.minutes(golden.maxIntervalWidth())) + " min"
            + (e.bootstrapNoCrossing() > 0 ? " (" + e.bootstrapNoCrossing() + " resamples never reach " + ratio + ")"
                : "");
      default:
        return "the rate reaches " + ratio + " the baseline at " + fmt(e.windowMinutes()) + " min (z "
            + fmt(e.riseZ()) + ", " + fmt(e.riseZCritical()) + " needed)";
    }
  }

  private static String fmt(Double v) {
    return v == null ? "-" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.valueOf(Rounding.halfUp2(v));
  }

  private static Double round(Double v) {
    return v == null || !Double.isFinite(v) ? null : Rounding.halfUp2(v);
  }

  private static Double perHour(Double perMinute) {
    return perMinute == null ? null : Rounding.halfUp2(perMinute * 60);
  }

  /** The lags in {@code [0, d)}: complaints while the outage was open. */
  private static double[] whileOpen(List<Double> lags, double d) {
    double[] open = new double[lags.size()];
    int k = 0;
    for (Double lag : lags) {
      if (lag >= 0 && lag < d) {
        open[k++] = lag;
      }
    }
    return k == open.length ? open : Arrays.copyOf(open, k);
  }

  private static String pooledFor(String region, String technology) {
    if (!Scopes.ALL.equals(technology)) {
      return Scopes.label(region, Scopes.ALL);
    }
    return Scopes.ALL.equals(region) ? "golden.initialWindow" : Scopes.label(Scopes.ALL, Scopes.ALL);
  }

  private static void report(OnTimerContext ctx, GoldenScopeReport r) {
    ctx.output(TABLE, r);
  }

  private void statusChanged(String status, String message) throws Exception {
    if (!status.equals(lastStatus.value())) {
      lastStatus.update(status);
      LOG.debug("golden window {}", message);
      changes.merge(status, 1, Integer::sum);
      long now = System.nanoTime();
      if (now - lastSummaryAt >= SUMMARY_EVERY_NANOS) {
        summarize();
        lastSummaryAt = now;
      }
    }
  }

  /**
   * One INFO line for the scopes whose status changed since the last one (at most one a minute per task, and one
   * at the end): a scope's own reasons are at DEBUG and, with their figures, in the golden-window table.
   */
  private void summarize() {
    if (changes.isEmpty()) {
      return;
    }
    int total = changes.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder by = new StringBuilder();
    changes.forEach((status, n) -> by.append(by.length() == 0 ? "" : ", ").append(status).append(' ').append(n));
    LOG.info("golden windows: {} scope(s) changed status ({}); why, per scope: golden-window-table", total, by);
    changes.clear();
  }

  @Override
  public void close() throws Exception {
    summarize();
    super.close();
  }
}
