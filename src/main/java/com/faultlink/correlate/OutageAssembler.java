package com.faultlink.correlate;

import com.faultlink.config.PlannedConfig;
import com.faultlink.model.AlarmKind;
import com.faultlink.model.Outage;
import com.faultlink.model.PlannedWork;
import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.OpenCount;
import com.faultlink.runtime.RunCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns one cell's paired outage alarms into outages. The cell is out of service while any of its outage
 * alarms is raised; an outage runs from the first raise to the last clear, and a raise within the merge gap
 * after a clear continues it (flapping), the gap included. Alarms are applied in event-time order once the
 * watermark has passed them, so arrival order within the out-of-orderness does not matter.
 *
 * <p>Emits an {@link Outage} snapshot whenever the outage opens, clears or is re-raised, and, at the end of
 * a bounded input, once more for an outage still open, with the input's last event time (the horizon,
 * broadcast on the second input).
 *
 * <p><b>Planned works</b> come on the broadcast input too. An outage is planned when, at its first raise, an
 * announced work covers its cell ({@link WorkMatcher}), or that raise carries {@code OUT_OF_SERVICE} (then, with
 * no announced work, its window is {@code planned.defaultWindow} from its start and its {@code workId} null). The
 * decision is taken when the watermark passes the raise; the broadcast input's watermark includes the works
 * input's, so every work read before then is known (a works file is read to its end before any alarm is applied:
 * a bounded works input holds event time back until it ends). Works ended longer than {@code planned.retention}
 * ago are forgotten.
 *
 * <p><b>Stale outages.</b> An outage still open {@code outages.maxOpen} after its start is closed at that instant
 * ({@link Outage#closedAsStale}, {@code endReason stale}), once the watermark passes it: its alarms were raised and
 * never cleared in time (a lost clear, a stuck alarm), and an outage that never ends would swallow every later outage
 * of its cell and keep its alerts firing. Everything this operator knew of it goes at once: a later clear of one of
 * its alarms is counted ({@code clearsAfterStale}), not applied, and a later raise on the cell starts a new outage
 * (even within the merge gap: a stale outage is never continued). A clear stamped at the stale instant itself still
 * clears; a raise at that instant starts the new outage. At the end of a bounded input event time stops at the
 * input's last event (the horizon): an outage whose stale instant lies beyond it stays open, never closed for lack
 * of input.
 *
 * <p>The number of outages open right now is the gauge {@code openOutages} (per task; sum over tasks).
 */
public final class OutageAssembler extends KeyedBroadcastProcessFunction<String, CellAlarm, AssemblyNotice, Outage>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  public static final MapStateDescriptor<String, Long> HORIZON =
      new MapStateDescriptor<>("input-horizon", Types.STRING, Types.LONG);
  private static final String HORIZON_KEY = "newest";

  /** Announced works by id (the latest record of an id wins). */
  public static final MapStateDescriptor<String, PlannedWork> WORKS =
      new MapStateDescriptor<>("planned-works", Types.STRING, TypeInformation.of(PlannedWork.class));

  private static final Comparator<CellAlarm> APPLY_ORDER = Comparator.comparingLong(CellAlarm::time)
      .thenComparing(a -> a.kind() == AlarmKind.RAISE ? 0 : 1)
      .thenComparing(CellAlarm::alarmKey);

  private final CellTable cells;
  private final long mergeGapMillis;
  private final long defaultWindowMillis;
  private final long workRetentionMillis;
  private final long maxOpenMillis;

  private transient MapState<Long, List<CellAlarm>> pending;
  private transient ValueState<Outage> outage;
  private transient MapState<String, Long> activeAlarms;
  private transient RunCounter opened;
  private transient RunCounter flapsMerged;
  private transient RunCounter plannedOutages;
  private transient RunCounter staleOutages;
  private transient RunCounter clearsAfterStale;
  private transient OpenCount openOutages;
  /**
   * The announced works of the broadcast state by start, and the longest one's length: a view rebuilt after the
   * works change (only a work notice changes them), so that a new outage looks at the works that started in the
   * last longest-work span rather than at all of them (a dense province announces hundreds a night).
   */
  private transient PlannedWork[] worksByStart;
  private transient long longestWorkMillis;

  public OutageAssembler(CellTable cells, Duration mergeGap) {
    this(cells, mergeGap, PlannedConfig.DEFAULTS);
  }

  public OutageAssembler(CellTable cells, Duration mergeGap, PlannedConfig planned) {
    this(cells, mergeGap, planned, Duration.ofDays(30));
  }

  /** @param maxOpen {@code outages.maxOpen}: an outage still open this long after its start is closed as stale */
  public OutageAssembler(CellTable cells, Duration mergeGap, PlannedConfig planned, Duration maxOpen) {
    this.maxOpenMillis = maxOpen.toMillis();
    this.cells = cells;
    this.mergeGapMillis = mergeGap.toMillis();
    this.defaultWindowMillis = planned.defaultWindow().toMillis();
    this.workRetentionMillis = planned.retention().toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-alarms", Types.LONG,
        Types.LIST(TypeInformation.of(CellAlarm.class))));
    outage = getRuntimeContext().getState(new ValueStateDescriptor<>("outage", Outage.class));
    activeAlarms = getRuntimeContext().getMapState(new MapStateDescriptor<>("active-alarms", Types.STRING, Types.LONG));
    opened = RunCounter.register(getRuntimeContext(), CounterNames.OUTAGES_OPENED);
    flapsMerged = RunCounter.register(getRuntimeContext(), CounterNames.FLAPS_MERGED);
    plannedOutages = RunCounter.register(getRuntimeContext(), CounterNames.PLANNED_OUTAGES);
    staleOutages = RunCounter.register(getRuntimeContext(), CounterNames.STALE_OUTAGES);
    clearsAfterStale = RunCounter.register(getRuntimeContext(), CounterNames.CLEARS_AFTER_STALE);
    getRuntimeContext().getMetricGroup().gauge(CounterNames.OPEN_OUTAGES, openOutages);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    openOutages = OpenCount.restore(context, CounterNames.OPEN_OUTAGES);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    openOutages.snapshot(context);
  }

  @Override
  public void processElement(CellAlarm alarm, ReadOnlyContext ctx, Collector<Outage> out) throws Exception {
    List<CellAlarm> atTime = pending.get(alarm.time());
    if (atTime == null) {
      atTime = new ArrayList<>(1);
    }
    atTime.add(alarm);
    pending.put(alarm.time(), atTime);
    // A timer behind the watermark (a late alarm) fires with the next watermark.
    ctx.timerService().registerEventTimeTimer(alarm.time());
  }

  @Override
  public void processBroadcastElement(AssemblyNotice notice, Context ctx, Collector<Outage> out) throws Exception {
    if (notice.work() != null) {
      worksByStart = null;
      if (notice.work().announced()) {
        ctx.getBroadcastState(WORKS).put(notice.work().workId(), notice.work());
      }
      forgetEndedWorks(ctx);
      return;
    }
    BroadcastState<String, Long> state = ctx.getBroadcastState(HORIZON);
    Long known = state.get(HORIZON_KEY);
    if (known == null || notice.horizon() > known) {
      state.put(HORIZON_KEY, notice.horizon());
    }
  }

  private void forgetEndedWorks(Context ctx) throws Exception {
    long watermark = ctx.currentWatermark();
    Iterator<Map.Entry<String, PlannedWork>> it = ctx.getBroadcastState(WORKS).iterator();
    while (it.hasNext()) {
      if (AlarmPairer.saturatedAdd(it.next().getValue().end(), workRetentionMillis) < watermark) {
        it.remove();
      }
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Outage> out) throws Exception {
    // At the end of a bounded input the final watermark fires every timer: event time really reached only the
    // horizon, and no outage is closed as stale past it.
    long reached = ctx.timerService().currentWatermark() == Long.MAX_VALUE ? horizonOrMin(ctx) : timestamp;
    for (CellAlarm alarm : takeDue(timestamp)) {
      closeIfStale(Math.min(alarm.time(), reached), alarm.kind() == AlarmKind.RAISE, out);
      apply(alarm, ctx, out);
    }
    closeIfStale(Math.min(timestamp, reached), true, out);
    Outage current = outage.value();
    if (current == null) {
      return;
    }
    if (!current.isOpen() && timestamp >= current.end() + mergeGapMillis) {
      // Past the merge gap: no re-raise can continue it any more.
      outage.clear();
      activeAlarms.clear();
    } else if (timestamp == Long.MAX_VALUE && current.isOpen()) {
      out.collect(current.observedUntil(horizon(ctx, current)));
    }
  }

  /**
   * Closes the open outage as stale if event time {@code now} has reached its stale instant ({@code atInstant}: also
   * when it is exactly there; false for a clear at that instant, which still clears it). Forgets it and its alarms.
   */
  private void closeIfStale(long now, boolean atInstant, Collector<Outage> out) throws Exception {
    Outage current = outage.value();
    if (current == null || !current.isOpen()) {
      return;
    }
    long staleAt = staleAt(current);
    if (now > staleAt || (atInstant && now == staleAt)) {
      staleOutages.inc();
      openOutages.closed();
      outage.clear();
      activeAlarms.clear();
      out.collect(current.closedAsStale(staleAt));
    }
  }

  private long staleAt(Outage o) {
    return AlarmPairer.saturatedAdd(o.start(), maxOpenMillis);
  }

  private List<CellAlarm> takeDue(long timestamp) throws Exception {
    List<CellAlarm> due = new ArrayList<>();
    Iterator<Map.Entry<Long, List<CellAlarm>>> it = pending.iterator();
    while (it.hasNext()) {
      Map.Entry<Long, List<CellAlarm>> e = it.next();
      if (e.getKey() <= timestamp) {
        due.addAll(e.getValue());
        it.remove();
      }
    }
    if (!due.isEmpty() && pending.isEmpty()) {
      pending.clear(); // the heap backend keeps an emptied map per key until it is cleared
    }
    due.sort(APPLY_ORDER);
    return due;
  }

  private void apply(CellAlarm alarm, OnTimerContext ctx, Collector<Outage> out) throws Exception {
    Outage current = outage.value();
    if (alarm.kind() == AlarmKind.RAISE) {
      if (current != null && !current.isOpen()
          && (alarm.time() - current.end() > mergeGapMillis || alarm.time() >= staleAt(current))) {
        current = null; // the previous outage is over (or would be stale now); this raise starts a new one
        activeAlarms.clear();
      }
      activeAlarms.put(alarm.alarmKey(), alarm.time());
      if (current == null) {
        Cell cell = cells.get(alarm.cellId());
        Outage started = plannedOrNot(new Outage(alarm.alarmKey(), cell.cellId(), cell.siteId(), cell.region(),
            cell.technology(), alarm.time(), null, null, false, null, null), cell, alarm, ctx);
        outage.update(started);
        opened.inc();
        openOutages.opened();
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        ctx.timerService().registerEventTimeTimer(staleAt(started));
        out.collect(started);
      } else if (!current.isOpen()) {
        Outage reopened = current.withEnd(null);
        outage.update(reopened);
        flapsMerged.inc();
        openOutages.opened();
        out.collect(reopened);
      }
    } else if (current != null && current.isOpen() && activeAlarms.contains(alarm.alarmKey())) {
      activeAlarms.remove(alarm.alarmKey());
      if (activeAlarms.isEmpty()) {
        Outage closed = current.withEnd(Math.max(alarm.time(), current.start()));
        outage.update(closed);
        openOutages.closed();
        ctx.timerService().registerEventTimeTimer(AlarmPairer.saturatedAdd(closed.end(), mergeGapMillis));
        out.collect(closed);
      }
    } else if (current == null || !activeAlarms.contains(alarm.alarmKey())) {
      // Every clear reaching here was paired with a raise applied here: its outage was closed as stale since.
      clearsAfterStale.inc();
    }
  }

  /** The new outage, marked planned where a work covers it or its raise says so. */
  private Outage plannedOrNot(Outage o, Cell cell, CellAlarm raise, OnTimerContext ctx) throws Exception {
    PlannedWork work = WorkMatcher.choose(worksThatMayCover(o.start(), ctx), cell, o.start());
    if (work != null) {
      plannedOutages.inc();
      return new Outage(o.outageId(), o.cellId(), o.siteId(), o.region(), o.technology(), o.start(), null, null,
          true, work.workId(), work.end());
    }
    if (raise.plannedOutOfService()) {
      plannedOutages.inc();
      return new Outage(o.outageId(), o.cellId(), o.siteId(), o.region(), o.technology(), o.start(), null, null,
          true, null, AlarmPairer.saturatedAdd(o.start(), defaultWindowMillis));
    }
    return o;
  }

  /** The works whose window may hold {@code time}: started at or before it, at most the longest work's length. */
  private List<PlannedWork> worksThatMayCover(long time, OnTimerContext ctx) throws Exception {
    if (worksByStart == null) {
      List<PlannedWork> all = new ArrayList<>();
      long longest = 0;
      for (Map.Entry<String, PlannedWork> e : ctx.getBroadcastState(WORKS).immutableEntries()) {
        PlannedWork w = e.getValue();
        all.add(w);
        long length = w.end() - w.start();
        longest = Math.max(longest, length < 0 ? Long.MAX_VALUE : length); // an overflow: any length
      }
      all.sort(Comparator.comparingLong(PlannedWork::start));
      worksByStart = all.toArray(new PlannedWork[0]);
      longestWorkMillis = longest;
    }
    List<PlannedWork> may = new ArrayList<>();
    int lo = 0;
    int hi = worksByStart.length; // first index whose start is after time
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (worksByStart[mid].start() <= time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo - 1; i >= 0; i--) {
      long since = time - worksByStart[i].start();
      if (since >= 0 && since > longestWorkMillis) {
        break; // started too long ago to still cover it, as every earlier one
      }
      may.add(worksByStart[i]);
    }
    return may;
  }

  /** The last event time of a bounded input, once known; else the earliest instant (nothing reached). */
  private static long horizonOrMin(OnTimerContext ctx) throws Exception {
    Long newest = ctx.getBroadcastState(HORIZON).get(HORIZON_KEY);
    return newest == null ? Long.MIN_VALUE : newest;
  }

  private static long horizon(OnTimerContext ctx, Outage current) throws Exception {
    ReadOnlyBroadcastState<String, Long> state = ctx.getBroadcastState(HORIZON);
    Long newest = state.get(HORIZON_KEY);
    return newest == null ? current.start() : Math.max(newest, current.start());
  }
}
