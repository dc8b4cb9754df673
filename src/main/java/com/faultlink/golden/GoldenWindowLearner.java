package com.faultlink.golden;

import com.faultlink.config.GoldenConfig;
import com.faultlink.metrics.Rounding;
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
 * golden.reestimateEvery}-th outage ({@link ChangePointEstimator}, bootstrap seeded from the scope and the instant, so a replay gives the
 * same interval). Where it has at least {@code
 * golden.minOutages} outages, a significant rise and an interval no wider than {@code
 * golden.maxIntervalWidth}, publishes a {@link GoldenWindow} valid from the settle instant of the outage that
 * triggered it. Otherwise it publishes nothing (what applied before stays: its own last estimate, else the
 * pooled scope's), says so in the log when that changes, and reports it in the analysts' table ({@link
 * #TABLE}).
 */
public final class GoldenWindowLearner extends KeyedProcessFunction<String, ScopedClosedOutage, GoldenWindow> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(GoldenWindowLearner.class);

  /**
   * A rise is significant when twice the log-likelihood ratio against one constant rate reaches this:
   * χ²₁ at 0.999, kept strict because the change point is chosen as the best of many candidates.
   */
  static final double MIN_LIKELIHOOD_RATIO = 10.83;

  /** A window is a candidate only where at least this many of the scope's outages are still open at it. */
  static final int MIN_OPEN_AT_WINDOW = 5;

  /** Rows of the analysts' table: every re-estimation, estimate or not. */
  public static final OutputTag<GoldenScopeReport> TABLE =
      new OutputTag<>("golden-window-table", TypeInformation.of(GoldenScopeReport.class));

  private final GoldenConfig golden;

  private transient ChangePointEstimator estimator;
  private transient MapState<Long, List<ClosedOutage>> pending;
  private transient ListState<ClosedOutage> history;
  private transient ValueState<Long> seenTotal;
  private transient ValueState<String> lastStatus;

  public GoldenWindowLearner(GoldenConfig golden) {
    this.golden = golden;
  }

  @Override
  public void open(OpenContext openContext) {
    estimator = new ChangePointEstimator(golden.minWindow().toSeconds() / 60.0,
        golden.maxWindow().toSeconds() / 60.0, 1.0, golden.bootstrap(), golden.confidence(), MIN_OPEN_AT_WINDOW);
    TypeInformation<ClosedOutage> type = TypeInformation.of(ClosedOutage.class);
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Types.LONG, Types.LIST(type)));
    history = getRuntimeContext().getListState(new ListStateDescriptor<>("history", type));
    seenTotal = getRuntimeContext().getState(new ValueStateDescriptor<>("outages-seen", Types.LONG));
    lastStatus = getRuntimeContext().getState(new ValueStateDescriptor<>("last-status", Types.STRING));
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
      if (first || everyN || enough) {
        estimate(scope[0], scope[1], batch.getKey(), kept, out, ctx);
      }
    }
    history.update(kept);
    seenTotal.update(seen);
  }

  private void estimate(String region, String technology, long validFrom, List<ClosedOutage> outages,
      Collector<GoldenWindow> out, OnTimerContext ctx) throws Exception {
    String label = Scopes.label(region, technology);
    String pooled = pooledFor(region, technology);
    long complaints = 0;
    List<ChangePointEstimator.Sample> samples = new ArrayList<>(outages.size());
    for (ClosedOutage o : outages) {
      double d = o.durationMinutes();
      double[] lags = whileOpen(o.lagsMinutes(), d);
      complaints += lags.length;
      samples.add(new ChangePointEstimator.Sample(d, lags));
    }
    if (outages.size() < golden.minOutages()) {
      report(ctx, new GoldenScopeReport(region, technology, validFrom, "too-few-outages", outages.size(), complaints,
          null, null, null, null, null, null, pooled, null));
      statusChanged("too-few-outages", label + ": " + outages.size() + " closed outages, fewer than golden.minOutages "
          + golden.minOutages() + ": no estimate of its own, " + pooled + " applies");
      return;
    }
    long seed = ctx.getCurrentKey().hashCode() * 1_000_003L + validFrom;
    ChangePointEstimator.Estimate e = estimator.estimate(samples, seed);
    if (e == null || e.fit().likelihoodRatio() < MIN_LIKELIHOOD_RATIO) {
      report(ctx, new GoldenScopeReport(region, technology, validFrom, "no-rise", outages.size(), complaints, null,
          null, null, null, null, e == null ? null : Rounding.halfUp2(e.fit().likelihoodRatio()), pooled, null));
      statusChanged("no-rise", label + ": " + outages.size() + " closed outages show no significant rise of the"
          + " complaint rate: no estimate of its own, " + pooled + " applies");
      return;
    }
    ChangePointEstimator.Fit f = e.fit();
    double widthMinutes = e.ciHighMinutes() - e.ciLowMinutes();
    if (widthMinutes > golden.maxIntervalWidth().toMinutes()) {
      report(ctx, new GoldenScopeReport(region, technology, validFrom, "imprecise", outages.size(), complaints,
          Rounding.halfUp2(f.windowMinutes()), Rounding.halfUp2(e.ciLowMinutes()), Rounding.halfUp2(e.ciHighMinutes()),
          Rounding.halfUp2(f.ratePerMinuteBefore() * 60), Rounding.halfUp2(f.ratePerMinuteAfter() * 60),
          Rounding.halfUp2(f.likelihoodRatio()), pooled, ChangePointEstimator.METHOD));
      statusChanged("imprecise", label + ": " + outages.size() + " closed outages give a window known only to within "
          + Math.round(widthMinutes) + " min, wider than golden.maxIntervalWidth: not published, what applied"
          + " before stays (" + pooled + " if nothing of its own)");
      return;
    }
    GoldenWindow w = new GoldenWindow(region, technology, validFrom, Rounding.halfUp2(f.windowMinutes()),
        Rounding.halfUp2(e.ciLowMinutes()), Rounding.halfUp2(e.ciHighMinutes()), outages.size(), complaints,
        Rounding.halfUp2(f.ratePerMinuteBefore() * 60), Rounding.halfUp2(f.ratePerMinuteAfter() * 60),
        ChangePointEstimator.METHOD);
    out.collect(w);
    report(ctx, new GoldenScopeReport(region, technology, validFrom, "estimated", outages.size(), complaints,
        w.goldenWindowMinutes(), w.ciLowMinutes(), w.ciHighMinutes(), w.rateBeforePerHour(), w.rateAfterPerHour(),
        Rounding.halfUp2(f.likelihoodRatio()), null, w.method()));
    statusChanged("estimated", label + ": golden window learned from " + outages.size() + " outages");
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
      LOG.info("golden window {}", message);
    }
  }
}
