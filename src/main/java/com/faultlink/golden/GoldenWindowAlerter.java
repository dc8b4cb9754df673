package com.faultlink.golden;

import com.faultlink.config.GoldenConfig;
import com.faultlink.model.GoldenOutcome;
import com.faultlink.model.Rounding;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertIds;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.GoldenWindow;
import com.faultlink.model.Outage;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Golden-window alerts of one outage (the key: {@code outageId}), from its snapshots (first input) and the
 * learned estimates (broadcast).
 *
 * <p><b>The window.</b> When the watermark passes the outage's start, every estimate valid from that
 * instant or earlier has arrived (the learner emits each one before its watermark passes its {@code
 * validFrom}), so the window in force at the start is known for certain: {@code golden.fixedWindow} if
 * set, else the latest estimate with {@code validFrom ≤ start} of the outage's scope, else of {@code
 * region/*}, else of {@code * / *}, else {@code golden.initialWindow}.
 *
 * <p><b>The alerts.</b> {@code GOLDEN_WINDOW_AT_RISK} at start + warn fraction × window and {@code
 * GOLDEN_WINDOW_BREACHED} at start + window, on event-time timers; each fires if and only if the outage is
 * open at that instant, which depends only on the outage's event-time end, never on when its clear
 * arrived: once the watermark has passed the instant every clear stamped before it has been applied, and a
 * clear stamped after it (even one that arrived earlier) leaves the outage open at the instant. A clear
 * stamped before the instant is final only when a re-raise can no longer continue the outage (merge gap);
 * until then the decision waits. At the end of a bounded input an outage still open counts as open up to
 * the input's last event ({@link Outage#observedUntil()}), never beyond. Each alert's id is its type and
 * the outage id, and state remembers what was decided, so it is sent at most once.
 *
 * <p><b>Resolution.</b> An alert that fired is resolved when its outage clears: once the clear is final (the
 * merge gap after it has passed) a record with the same {@code alertId}, {@code status resolved} and {@code at} =
 * the clear follows. An outage still open at the end of a bounded input stays unresolved.
 *
 * <p><b>Planned outages</b> ({@link Outage#planned()}, unless {@code planned.alertAsUsual}) raise nothing while
 * their work lasts ({@link Outage#plannedUntil()}). Still open when it ends, they overran: each alert is raised at
 * its usual instant, or at the work's end where that instant falls inside the work, if and only if the outage is
 * still open then, marked {@code planned} with the {@code workId}.
 *
 * <p>The breach decision is also the outage's outcome for the NOC's figure (restored inside its window or
 * not, at the usual instant whether planned or not), sent to {@link #OUTCOMES}. The window itself goes to {@link
 * #WINDOWS_IN_FORCE} once chosen, and again with every later snapshot of the outage (so a consumer that missed it,
 * e.g. after an upgrade from a savepoint taken before windows were sent, gets it with the outage's next change): the
 * outage's status records carry the same window as its alerts.
 */
public final class GoldenWindowAlerter extends KeyedBroadcastProcessFunction<String, Outage, GoldenWindow, Alert> {
  private static final long serialVersionUID = 1L;

  /** Learned estimates per scope key, in {@code validFrom} order. */
  public static final MapStateDescriptor<String, List<GoldenWindow>> ESTIMATES = new MapStateDescriptor<>(
      "golden-windows", Types.STRING, Types.LIST(TypeInformation.of(GoldenWindow.class)));

  /** Per outage, whether it was restored inside its golden window. */
  public static final OutputTag<GoldenOutcome> OUTCOMES =
      new OutputTag<>("golden-outcomes", TypeInformation.of(GoldenOutcome.class));

  /**
   * Per outage, the golden window in force at its start: when chosen (timestamp: the start), then with every later
   * snapshot (the same window).
   */
  public static final OutputTag<WindowInForce> WINDOWS_IN_FORCE =
      new OutputTag<>("golden-windows-in-force", TypeInformation.of(WindowInForce.class));

  private static final int AT_RISK = 1;
  private static final int BREACHED = 2;

  private final GoldenConfig golden;
  private final long mergeGapMillis;
  private final long retentionMillis;
  private final boolean plannedAlertAsUsual;

  private transient ValueState<Outage> outage;
  private transient ValueState<AppliedWindow> window;
  private transient ValueState<Integer> decided;
  private transient ValueState<Integer> fired;

  /**
   * @param mergeGapMillis a re-raise this soon after a clear continues the outage
   * @param retentionMillis how long superseded estimates and decisions are kept for late outages
   */
  public GoldenWindowAlerter(GoldenConfig golden, long mergeGapMillis, long retentionMillis) {
    this(golden, mergeGapMillis, retentionMillis, false);
  }

  /** @param plannedAlertAsUsual {@code planned.alertAsUsual}: planned outages alert as unplanned ones do */
  public GoldenWindowAlerter(GoldenConfig golden, long mergeGapMillis, long retentionMillis,
      boolean plannedAlertAsUsual) {
    this.golden = golden;
    this.mergeGapMillis = mergeGapMillis;
    this.retentionMillis = retentionMillis;
    this.plannedAlertAsUsual = plannedAlertAsUsual;
  }

  @Override
  public void open(OpenContext openContext) {
    outage = getRuntimeContext().getState(new ValueStateDescriptor<>("outage", Outage.class));
    window = getRuntimeContext().getState(new ValueStateDescriptor<>("window", AppliedWindow.class));
    decided = getRuntimeContext().getState(new ValueStateDescriptor<>("decided", Types.INT));
    fired = getRuntimeContext().getState(new ValueStateDescriptor<>("fired", Types.INT));
  }

  @Override
  public void processElement(Outage snapshot, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
    if (outage.value() == null && window.value() == null) {
      ctx.timerService().registerEventTimeTimer(snapshot.start());
    }
    outage.update(snapshot);
    AppliedWindow w = window.value();
    if (w != null) {
      ctx.output(WINDOWS_IN_FORCE, windowInForce(snapshot, w)); // again, for a status that waits for it
    }
    if (snapshot.end() != null) {
      ctx.timerService().registerEventTimeTimer(plus(snapshot.end(), mergeGapMillis));
    }
  }

  @Override
  public void processBroadcastElement(GoldenWindow estimate, Context ctx, Collector<Alert> out) throws Exception {
    BroadcastState<String, List<GoldenWindow>> state = ctx.getBroadcastState(ESTIMATES);
    String scope = Scopes.key(estimate.region(), estimate.technology());
    List<GoldenWindow> known = state.get(scope);
    List<GoldenWindow> updated = new ArrayList<>(known == null ? List.of() : known);
    int at = updated.size();
    while (at > 0 && updated.get(at - 1).validFrom() > estimate.validFrom()) {
      at--;
    }
    updated.add(at, estimate);
    // Bounded: an estimate superseded more than the retention behind the watermark no longer decides any
    // outage's window (outages resolve when the watermark passes their start; only one that arrives later
    // than the retention could need it). Estimates may arrive well ahead of this operator's watermark, so
    // it is the watermark, not the newest estimate, that decides.
    long horizon = ctx.currentWatermark() == Long.MIN_VALUE ? Long.MIN_VALUE : ctx.currentWatermark() - retentionMillis;
    while (updated.size() > 1 && updated.get(1).validFrom() <= horizon) {
      updated.remove(0);
    }
    state.put(scope, updated);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    Outage o = outage.value();
    if (o == null) {
      if (timestamp == Long.MAX_VALUE || decided.value() != null) {
        decided.clear(); // the retention of a finished outage's decisions has passed
        fired.clear();
      }
      return;
    }
    AppliedWindow w = window.value();
    if (w == null) {
      w = windowInForce(o, ctx.getBroadcastState(ESTIMATES));
      window.update(w);
      ctx.output(WINDOWS_IN_FORCE, windowInForce(o, w));
      ctx.timerService().registerEventTimeTimer(alertAt(o, w, golden.warnFraction()));
      ctx.timerService().registerEventTimeTimer(alertAt(o, w, 1.0));
    }
    int done = decided.value() == null ? 0 : decided.value();
    done = decide(AT_RISK, golden.warnFraction(), o, w, done, timestamp, ctx, out);
    done = decide(BREACHED, 1.0, o, w, done, timestamp, ctx, out);
    decided.update(done);
    boolean final_ = o.end() != null && timestamp >= plus(o.end(), mergeGapMillis);
    int firing = fired.value() == null ? 0 : fired.value();
    if (final_ && firing != 0) {
      // the outage is over for good: its alerts are resolved at its clear
      for (int which : new int[] {AT_RISK, BREACHED}) {
        if ((firing & which) != 0) {
          out.collect(alert(which, o, w, AlertStatus.RESOLVED, o.end()));
        }
      }
      fired.update(0);
    }
    if (done == (AT_RISK | BREACHED) && (final_ || timestamp == Long.MAX_VALUE)) {
      // Keep only what was decided, for a late snapshot of the same outage; forget it after the retention.
      outage.clear();
      window.clear();
      if (timestamp != Long.MAX_VALUE) {
        ctx.timerService().registerEventTimeTimer(plus(timestamp, retentionMillis));
      }
    }
  }

  private int decide(int which, double fraction, Outage o, AppliedWindow w, int done, long now, OnTimerContext ctx,
      Collector<Alert> out) {
    if ((done & which) != 0) {
      return done;
    }
    long usual = instant(o, w, fraction);
    long at = alertAt(o, w, fraction);
    if (now < at) {
      return done;
    }
    Openness state = openAt(o, at, now, mergeGapMillis);
    if (state == Openness.WAIT) {
      return done; // cleared before the instant, but a re-raise could still continue it: wait
    }
    boolean open = state == Openness.OPEN;
    if (which == BREACHED) {
      Openness atUsual = at == usual ? state : openAt(o, usual, now, mergeGapMillis);
      if (atUsual != Openness.BEYOND_INPUT) {
        ctx.output(OUTCOMES, new GoldenOutcome(o, w.windowMinutes(), atUsual != Openness.OPEN));
      }
    }
    if (open) {
      out.collect(alert(which, o, w, AlertStatus.FIRING, at));
      try {
        fired.update((fired.value() == null ? 0 : fired.value()) | which);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return done | which;
  }

  private static WindowInForce windowInForce(Outage o, AppliedWindow w) {
    return new WindowInForce(o.outageId(), Rounding.halfUp2(w.windowMinutes()), w.source());
  }

  /**
   * The alert of {@code which} for outage {@code o}: firing at its instant, or resolved at {@code at} (the clear),
   * the other fields those of the firing record.
   */
  private Alert alert(int which, Outage o, AppliedWindow w, AlertStatus status, long at) {
    double fraction = which == AT_RISK ? golden.warnFraction() : 1.0;
    long firedAt = alertAt(o, w, fraction);
    AlertType type = which == AT_RISK ? AlertType.GOLDEN_WINDOW_AT_RISK : AlertType.GOLDEN_WINDOW_BREACHED;
    Double expected = w.expectedNextHour((firedAt - o.start()) / 60_000.0);
    // elapsedMinutes is the outage time elapsed at the record's own instant: at the clear for a resolution.
    return new Alert(AlertIds.forOutage(type, o.outageId()), type, status, o.region(), at,
        o.outageId(), o.cellId(), o.technology(), Rounding.minutes(at - o.start()),
        Rounding.halfUp2(w.windowMinutes()), expected == null ? null : Rounding.halfUp2(expected),
        null, null, null, null, null, null, null, o.planned(), o.workId(), null, null, null, firedAt, null, null);
  }

  /**
   * When the alert at {@code fraction} of the window is decided: its usual instant, or for a planned outage held
   * back while its work lasts, the work's end where the usual instant falls inside the work.
   */
  long alertAt(Outage o, AppliedWindow w, double fraction) {
    long usual = instant(o, w, fraction);
    if (o.planned() && !plannedAlertAsUsual && o.plannedUntil() != null) {
      return Math.max(usual, o.plannedUntil());
    }
    return usual;
  }

  /** What is known, once the watermark has reached {@code now ≥ at}, about whether an outage is open at {@code at}. */
  enum Openness {
    OPEN,
    CLOSED,
    /** Cleared before the instant, but a re-raise within the merge gap could still continue it. */
    WAIT,
    /** Still open where a bounded input ended, before the instant: not known to be open at it. */
    BEYOND_INPUT
  }

  static Openness openAt(Outage o, long at, long now, long mergeGapMillis) {
    if (o.start() > at) {
      return Openness.CLOSED;
    }
    if (o.end() == null) {
      return o.observedUntil() == null || o.observedUntil() >= at ? Openness.OPEN : Openness.BEYOND_INPUT;
    }
    if (o.end() > at) {
      return Openness.OPEN;
    }
    boolean final_ = now == Long.MAX_VALUE || now >= plus(o.end(), mergeGapMillis);
    return final_ ? Openness.CLOSED : Openness.WAIT;
  }

  /** The instant {@code start + fraction × window}, to the millisecond. */
  static long instant(Outage o, AppliedWindow w, double fraction) {
    return o.start() + Math.round(w.windowMinutes() * fraction * 60_000.0);
  }

  private AppliedWindow windowInForce(Outage o, ReadOnlyBroadcastState<String, List<GoldenWindow>> estimates)
      throws Exception {
    GoldenWindow learned = null;
    String source = null;
    for (String scope : Scopes.lookup(o.region(), o.technology())) {
      learned = latestValidAt(estimates.get(scope), o.start());
      if (learned != null) {
        source = scope;
        break;
      }
    }
    Double before = learned == null ? null : learned.rateBeforePerHour();
    Double after = learned == null ? null : learned.rateAfterPerHour();
    if (golden.fixedWindow() != null) {
      return new AppliedWindow(golden.fixedWindow().toMillis() / 60_000.0, "fixed", before, after);
    }
    if (learned != null) {
      return new AppliedWindow(learned.goldenWindowMinutes(), source, before, after);
    }
    return new AppliedWindow(golden.initialWindow().toMillis() / 60_000.0, "initial", null, null);
  }

  private static GoldenWindow latestValidAt(List<GoldenWindow> estimates, long at) {
    GoldenWindow best = null;
    if (estimates != null) {
      for (GoldenWindow g : estimates) {
        if (g.validFrom() <= at) {
          best = g;
        }
      }
    }
    return best;
  }

  /** {@code t + d}, saturating at {@link Long#MAX_VALUE}. */
  static long plus(long t, long d) {
    long r = t + d;
    return ((t ^ r) & (d ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
