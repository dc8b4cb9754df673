package com.faultlink.metrics;

import com.faultlink.model.ComplaintBreakdown;
import com.faultlink.model.PeriodKind;
import com.faultlink.model.RegionMetrics;
import com.faultlink.model.Rounding;
import com.faultlink.model.TicketMetrics;
import org.apache.flink.util.OutputTag;
import com.faultlink.reference.RegionTable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns the scopes' raw period totals into the report rows: one per region of the region table and
 * {@code *}, for every period from the first one with data to the last, zeros included, with complaints per
 * 10 000 subscribers and the change against the previous period. Runs as a single key: its input is a
 * handful of rows per period, whatever the event volume.
 */
public final class MetricsReport extends KeyedProcessFunction<String, PeriodTotals, RegionMetrics> {
  private static final long serialVersionUID = 1L;
  public static final String ALL = "*";

  private final ZoneId zone;
  private final long settleMillis;
  private final RegionTable regions;
  /** The service tiers whose ticket figures go to {@link #TICKET_METRICS}; null: no ticket lifecycle. */
  private final List<String> tiers;

  /** Per region (and {@code *}), service tier and period: the ticket figures of that tier alone. */
  public static final OutputTag<TicketMetrics> TICKET_METRICS = new OutputTag<>("ticket-metrics") {};

  private transient PeriodCalendar calendar;
  private transient MapState<String, PeriodTotals> buffered;
  private transient MapState<String, String> nextPeriod;
  private transient MapState<String, String> lastPeriodWithData;
  private transient MapState<String, PeriodTotals> previous;

  private final ComplaintGroups groups;

  public MetricsReport(ZoneId zone, long settleMillis, RegionTable regions) {
    this(zone, settleMillis, regions, ComplaintGroups.defaults(), null);
  }

  /**
   * @param groups the channel names every record lists (zeros included)
   * @param tiers the ticket tiers (tickets.lifecycle on: ticket figures, zeros included), or null (figures null)
   */
  public MetricsReport(ZoneId zone, long settleMillis, RegionTable regions, ComplaintGroups groups, List<String> tiers) {
    this.zone = zone;
    this.settleMillis = settleMillis;
    this.regions = regions;
    this.groups = groups;
    this.tiers = tiers == null ? null : List.copyOf(tiers);
  }

  @Override
  public void open(OpenContext openContext) {
    calendar = new PeriodCalendar(zone);
    TypeInformation<PeriodTotals> totals = TypeInformation.of(PeriodTotals.class);
    buffered = getRuntimeContext().getMapState(new MapStateDescriptor<>("buffered-totals", Types.STRING, totals));
    nextPeriod = getRuntimeContext().getMapState(new MapStateDescriptor<>("next-period", Types.STRING, Types.STRING));
    lastPeriodWithData = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("last-period-with-data", Types.STRING, Types.STRING));
    previous = getRuntimeContext().getMapState(new MapStateDescriptor<>("previous-totals", Types.STRING, totals));
  }

  private static String key(PeriodKind kind, String periodStart, String scope) {
    return kind.name() + "|" + periodStart + "|" + scope;
  }

  @Override
  public void processElement(PeriodTotals t, Context ctx, Collector<RegionMetrics> out) throws Exception {
    // A scope's period comes as two records where tickets are read: its other totals and its ticket totals.
    String k = key(t.kind(), t.periodStart(), t.scope());
    PeriodTotals prior = buffered.get(k);
    buffered.put(k, prior == null ? t : PeriodTotals.merge(prior, t));
    String last = lastPeriodWithData.get(t.kind().name());
    if (last == null || t.periodStart().compareTo(last) > 0) {
      lastPeriodWithData.put(t.kind().name(), t.periodStart());
    }
    ctx.timerService().registerEventTimeTimer(
        calendar.endMillis(t.kind(), LocalDate.parse(t.periodStart())) + settleMillis);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RegionMetrics> out) throws Exception {
    for (PeriodKind kind : PeriodKind.values()) {
      String last = lastPeriodWithData.get(kind.name());
      if (last == null) {
        continue;
      }
      String next = nextPeriod.get(kind.name());
      LocalDate p = LocalDate.parse(next != null ? next : earliestBuffered(kind));
      LocalDate lastWithData = LocalDate.parse(last);
      while (!p.isAfter(lastWithData) && calendar.endMillis(kind, p) + settleMillis <= timestamp) {
        emitPeriod(kind, p, ctx, out);
        p = calendar.next(kind, p);
      }
      nextPeriod.put(kind.name(), p.toString());
    }
  }

  private String earliestBuffered(PeriodKind kind) throws Exception {
    String earliest = null;
    String prefix = kind.name() + "|";
    for (String k : buffered.keys()) {
      if (k.startsWith(prefix)) {
        String p = k.split("\\|")[1];
        if (earliest == null || p.compareTo(earliest) < 0) {
          earliest = p;
        }
      }
    }
    return earliest;
  }

  private void emitPeriod(PeriodKind kind, LocalDate p, OnTimerContext ctx, Collector<RegionMetrics> out)
      throws Exception {
    String start = p.toString();
    List<String> scopes = new ArrayList<>(regions.regions());
    scopes.add(ALL);
    for (String scope : scopes) {
      PeriodTotals t = buffered.get(key(kind, start, scope));
      if (t == null) {
        t = PeriodTotals.zero(scope, kind, start);
      }
      String prevKey = kind.name() + "|" + scope;
      RegionMetrics row = toMetrics(t, previous.get(prevKey), regions.subscribers(scope), groups);
      if (tiers != null) {
        row = row.withTickets((t.tickets() == null ? TicketTotals.ZERO : t.tickets()).figures());
        for (String tier : tiers) {
          PeriodTotals tt = buffered.get(key(kind, start, scope + "|" + tier));
          ctx.output(TICKET_METRICS, new TicketMetrics(scope, kind, start, tier,
              (tt == null || tt.tickets() == null ? TicketTotals.ZERO : tt.tickets()).figures()));
        }
      }
      out.collect(row);
      previous.put(prevKey, t);
    }
    // Totals of regions outside the region table are inside '*' already; drop their own rows.
    String prefix = kind.name() + "|" + start + "|";
    Iterator<String> it = buffered.keys().iterator();
    while (it.hasNext()) {
      if (it.next().startsWith(prefix)) {
        it.remove();
      }
    }
  }

  /** The report row: rounded rates, and changes from unrounded values. */
  static RegionMetrics toMetrics(PeriodTotals t, PeriodTotals prev, long subscribers) {
    return toMetrics(t, prev, subscribers, ComplaintGroups.defaults());
  }

  static RegionMetrics toMetrics(PeriodTotals t, PeriodTotals prev, long subscribers, ComplaintGroups groups) {
    double hours = t.outageMillis() / 3_600_000.0;
    Double outagesChange = prev == null ? null : Rounding.changePct(prev.outages(), t.outages());
    Double hoursChange = prev == null ? null : Rounding.changePct(prev.outageMillis() / 3_600_000.0, hours);
    Double faultChange = prev == null ? null : Rounding.changePct(prev.faultComplaints(), t.faultComplaints());
    Double complaintsChange = prev == null ? null : Rounding.changePct(prev.complaints(), t.complaints());
    return new RegionMetrics(t.scope(), t.kind(), t.periodStart(), t.outages(), t.plannedOutages(),
        Rounding.halfUp2(hours), t.complaints(), t.faultComplaints(), t.plannedComplaints(),
        Rounding.per10k(t.complaints(), subscribers), Rounding.per10k(t.voice(), subscribers),
        Rounding.per10k(t.data(), subscribers), Rounding.per10k(t.messaging(), subscribers),
        Rounding.per10k(t.other(), subscribers), t.complainants(), t.repeatComplainants(),
        Rounding.ratePct(t.repeatComplainants(), t.complainants()), outagesChange, hoursChange, faultChange,
        Rounding.ratePct(t.restoredInWindow(), t.goldenOutcomes()), complaintsChange,
        allNamed(t.breakdown(), groups), t.outagesAcknowledged(), Rounding.halfUp2OrNull(t.ackMeanMinutes()),
        Rounding.halfUp2OrNull(t.ackP90Minutes()), List.of(), null);
  }

  /** Every group name present, zeros included, in a map Flink and the writer both take as it is. */
  private static ComplaintBreakdown allNamed(ComplaintBreakdown b, ComplaintGroups groups) {
    return new ComplaintBreakdown(named(groups.channels(), b.byChannel()),
        named(ComplaintGroups.SEVERITIES, b.bySeverity()), named(ComplaintGroups.TECHNOLOGIES, b.byTechnology()),
        b.escalated());
  }

  private static Map<String, Long> named(List<String> names, Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, counts == null ? 0L : counts.getOrDefault(n, 0L));
    }
    return out;
  }
}
