package com.faultlink.metrics;

import com.faultlink.model.ComplaintBreakdown;
import com.faultlink.model.Outage;
import com.faultlink.model.PeriodKind;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts one scope's (a region's, or {@code *}'s) complaints and outages per day, ISO week and month, and
 * emits each period's raw totals once the watermark has passed its end plus the settle time (tail and merge
 * gap), when no on-time complaint or clear can change it any more.
 *
 * <p>A period is emitted here only where something happened in it or an outage ran through it; the report
 * stage fills in the zeros. Outage hours are the part of each outage inside the period; an outage still
 * open at the end of a bounded input counts until the input's last event.
 */
public final class RegionPeriodAggregator
    extends KeyedCoProcessFunction<String, ComplaintFact, ScopedOutage, PeriodTotals> {
  private static final long serialVersionUID = 1L;
  private static final PeriodKind[] KINDS = PeriodKind.values();

  private final ZoneId zone;
  private final long settleMillis;
  private final ComplainantStore.Layout layout;

  private transient PeriodCalendar calendar;
  private transient MapState<String, PeriodCounts> counts;
  /**
   * Complaints per customer and period, one collection per period kind: closing a day scans only the open days'
   * customers, not the open weeks' and month's as well (a province's month holds some 200 000). Customers are
   * numbers ({@link #customerNumber}), in the layout that suits the state backend ({@link ComplainantStore}).
   */
  private transient ComplainantStore complainants;
  /**
   * Where savepoints of the other backend, or from before customers were numbers, hold them; emptied into the store
   * above per scope on first use.
   */
  private transient ComplainantSource[] leftBehind;
  private transient Set<String> scopesMigrated;
  private transient MapState<String, Outage> outages;
  private transient MapState<String, String> lastEmitted;
  private transient RunCounter lateAfterClose;
  /** Per kind, the period the last event fell in: events come nearly in time order, so mostly the next one's too. */
  private transient Period[] recent;
  /** Parsed {@code last-emitted-period} values: a handful of distinct dates, read for every event and timer. */
  private transient Map<String, LocalDate> parsedDates;

  /** Complainants in the heap backend's layout. */
  public RegionPeriodAggregator(ZoneId zone, long settleMillis) {
    this(zone, settleMillis, false);
  }

  /** @param rocksDb whether state is on RocksDB: complainants kept as a map entry each, not as a table */
  public RegionPeriodAggregator(ZoneId zone, long settleMillis, boolean rocksDb) {
    this.zone = zone;
    this.settleMillis = settleMillis;
    this.layout = rocksDb ? ComplainantStore.Layout.ENTRIES : ComplainantStore.Layout.TABLE;
  }

  @Override
  public void open(OpenContext openContext) {
    calendar = new PeriodCalendar(zone);
    counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("period-counts", Types.STRING,
        TypeInformation.of(PeriodCounts.class)));
    ComplainantStore[] stores = ComplainantStore.open(getRuntimeContext(), layout);
    complainants = stores[0];
    leftBehind = new ComplainantSource[] {stores[1], ComplainantStore.textKeyed(getRuntimeContext())};
    scopesMigrated = new HashSet<>();
    outages = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("outages", Types.STRING, TypeInformation.of(Outage.class)));
    lastEmitted = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("last-emitted-period", Types.STRING, Types.STRING));
    lateAfterClose = RunCounter.register(getRuntimeContext(), CounterNames.LATE_AFTER_PERIOD_CLOSED);
    recent = new Period[KINDS.length];
    parsedDates = new HashMap<>();
  }

  /** A period with what each event needs of it, worked out once. */
  private record Period(LocalDate start, String key, long fromMillis, long toMillis) {
    boolean contains(long time) {
      return fromMillis <= time && time < toMillis;
    }
  }

  private Period periodOf(PeriodKind kind, long time) {
    Period p = recent[kind.ordinal()];
    if (p == null || !p.contains(time)) {
      LocalDate start = calendar.periodStart(kind, time);
      p = new Period(start, periodKey(kind, start), calendar.startMillis(kind, start), calendar.endMillis(kind, start));
      recent[kind.ordinal()] = p;
    }
    return p;
  }

  private LocalDate date(String isoDate) {
    if (parsedDates.size() > 4096) {
      parsedDates.clear();
    }
    return parsedDates.computeIfAbsent(isoDate, LocalDate::parse);
  }

  static String periodKey(PeriodKind kind, LocalDate start) {
    return kind.name() + "|" + start;
  }

  /**
   * A customer as a number: the keys are {@link com.faultlink.io.input.CustomerKeyHasher}'s 16 hex digits, 64 bits, so the
   * number is the key itself, not a hash of it; anything else (never produced by the parsers) is folded to 64 bits.
   */
  static long customerNumber(String customerKey) {
    if (customerKey.length() == 16) {
      try {
        return Long.parseUnsignedLong(customerKey, 16);
      } catch (NumberFormatException notHex) {
        // folded below
      }
    }
    long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits
    for (int i = 0; i < customerKey.length(); i++) {
      h = (h ^ customerKey.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /**
   * Moves a scope's complainants from where older savepoints, or savepoints of the other backend, hold them into
   * the store in use; a no-op after the first call for the scope in this task, and where nothing was restored.
   */
  private void migrateComplainants(String scope) throws Exception {
    if (!scopesMigrated.add(scope)) {
      return;
    }
    for (ComplainantSource source : leftBehind) {
      complainants.absorb(source);
    }
  }

  @Override
  public void processElement1(ComplaintFact f, Context ctx, Collector<PeriodTotals> out) throws Exception {
    migrateComplainants(ctx.getCurrentKey());
    countInPeriods(f.time(), ctx, (kind, period, c) -> {
      c.addComplaint(f.category(), f.faultCaused(), f.planned());
      c.addGroups(f);
      if (f.customerKey() != null) {
        int n = complainants.increment(kind, period, customerNumber(f.customerKey()));
        if (n == 1) {
          c.complainants++;
        } else if (n == 2) {
          c.repeatComplainants++;
        }
      }
    });
  }

  @Override
  public void processElement2(ScopedOutage so, Context ctx, Collector<PeriodTotals> out) throws Exception {
    Outage o = so.outage();
    if (so.isAck()) {
      double minutes = (so.ackAt() - o.start()) / 60_000.0;
      countInPeriods(so.ackAt(), ctx, (kind, period, c) -> c.ackMinutes.add(minutes));
      return;
    }
    if (so.isOutcome()) {
      countOutcome(o, so.restoredInWindow(), ctx);
      return;
    }
    boolean firstSnapshot = !outages.contains(o.outageId());
    outages.put(o.outageId(), o);
    if (!firstSnapshot) {
      return;
    }
    countInPeriods(o.start(), ctx, (kind, period, c) -> {
      c.outages++;
      if (o.planned()) {
        c.plannedOutages++;
      }
    });
  }

  /** A golden-window outcome counts in the periods of the outage's start. */
  private void countOutcome(Outage o, boolean restored, Context ctx) throws Exception {
    if (o.planned()) {
      return;
    }
    countInPeriods(o.start(), ctx, (kind, period, c) -> {
      c.goldenOutcomes++;
      if (restored) {
        c.restoredInWindow++;
      }
    });
  }

  /** Changes the day's, week's and month's counts that contain {@code time}. */
  @FunctionalInterface
  private interface PeriodUpdate {
    void apply(PeriodKind kind, LocalDate periodStart, PeriodCounts counts) throws Exception;
  }

  /**
   * Applies {@code update} to the counts of every period kind containing {@code time}; a period already
   * reported is left as it is, and the event is counted once as late.
   */
  private void countInPeriods(long time, Context ctx, PeriodUpdate update) throws Exception {
    boolean late = false;
    for (PeriodKind kind : KINDS) {
      Period p = periodOf(kind, time);
      if (alreadyEmitted(kind, p.start())) {
        late = true;
        continue;
      }
      PeriodCounts c = counts.get(p.key());
      if (c == null) {
        c = new PeriodCounts();
        ctx.timerService().registerEventTimeTimer(p.toMillis() + settleMillis);
      }
      update.apply(kind, p.start(), c);
      counts.put(p.key(), c);
    }
    if (late) {
      lateAfterClose.inc();
    }
  }

  private long closesAt(PeriodKind kind, LocalDate p) {
    return calendar.endMillis(kind, p) + settleMillis;
  }

  private boolean alreadyEmitted(PeriodKind kind, LocalDate p) throws Exception {
    String last = lastEmitted.get(kind.name());
    return last != null && !p.isAfter(date(last));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<PeriodTotals> out) throws Exception {
    migrateComplainants(ctx.getCurrentKey());
    List<String[]> due = new ArrayList<>();
    for (String key : counts.keys()) {
      String[] kp = key.split("\\|");
      if (closesAt(PeriodKind.valueOf(kp[0]), LocalDate.parse(kp[1])) <= timestamp) {
        due.add(kp);
      }
    }
    due.sort(Comparator.<String[], String>comparing(kp -> kp[0]).thenComparing(kp -> kp[1]));
    for (String[] kp : due) {
      PeriodKind kind = PeriodKind.valueOf(kp[0]);
      LocalDate p = LocalDate.parse(kp[1]);
      emit(ctx.getCurrentKey(), kind, p, out);
      carryOpenOutages(kind, p, ctx);
    }
    if (!due.isEmpty()) {
      forgetFinishedOutages();
    }
  }

  private void emit(String scope, PeriodKind kind, LocalDate p, Collector<PeriodTotals> out) throws Exception {
    String key = periodKey(kind, p);
    PeriodCounts c = counts.get(key);
    long from = calendar.startMillis(kind, p);
    long to = calendar.endMillis(kind, p);
    long outageMillis = 0;
    for (Outage o : outages.values()) {
      Long until = o.knownUntil();
      outageMillis += calendar.overlapMillis(o.start(), until == null ? to : until, kind, p);
    }
    out.collect(new PeriodTotals(scope, kind, p.toString(), c.outages, c.plannedOutages, outageMillis,
        c.complaints, c.faultComplaints, c.plannedComplaints, c.voice, c.data, c.messaging, c.other,
        c.complainants, c.repeatComplainants, c.goldenOutcomes, c.restoredInWindow,
        new ComplaintBreakdown(c.byChannel, c.bySeverity, c.byTechnology, c.escalated), c.ackMinutes.size(),
        AckTimes.mean(c.ackMinutes), AckTimes.p90(c.ackMinutes), null));
    counts.remove(key);
    complainants.removePeriod(kind, p);
    lastEmitted.put(kind.name(), p.toString());
  }

  /** An outage that runs on past this period makes the next one worth reporting, complaints or not. */
  private void carryOpenOutages(PeriodKind kind, LocalDate p, OnTimerContext ctx) throws Exception {
    long end = calendar.endMillis(kind, p);
    for (Outage o : outages.values()) {
      Long until = o.knownUntil();
      if (o.start() < end && (until == null || until > end)) {
        LocalDate next = calendar.next(kind, p);
        String key = periodKey(kind, next);
        if (!counts.contains(key)) {
          counts.put(key, new PeriodCounts());
          ctx.timerService().registerEventTimeTimer(closesAt(kind, next));
        }
        return;
      }
    }
  }

  private void forgetFinishedOutages() throws Exception {
    long reportedUntil = Long.MAX_VALUE;
    for (PeriodKind kind : KINDS) {
      String last = lastEmitted.get(kind.name());
      reportedUntil = Math.min(reportedUntil,
          last == null ? Long.MIN_VALUE : calendar.endMillis(kind, date(last)));
    }
    Iterator<Map.Entry<String, Outage>> it = outages.iterator();
    while (it.hasNext()) {
      Long until = it.next().getValue().knownUntil();
      if (until != null && until <= reportedUntil) {
        it.remove();
      }
    }
  }
}
