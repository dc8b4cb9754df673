package com.faultlink.metrics;

import com.faultlink.model.Attribution;
import com.faultlink.model.Hotspot;
import com.faultlink.model.PeriodKind;
import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The weekly hotspot list of one region (the key): its cells and sites ranked by complaints that no outage explains
 * (decided complaints with no outage, on a cell of the cell table), the top {@code top} of each, once the ISO week
 * has closed (its end plus the metrics' settle time, as for the period metrics). Ranks: most complaints first, ties
 * by id. A complaint decided after its week's list was written is counted as late and left out.
 */
public final class HotspotRanker extends KeyedProcessFunction<String, Attribution, Hotspot> {
  private static final long serialVersionUID = 1L;

  private final CellTable cells;
  private final ZoneId zone;
  private final long settleMillis;
  private final int top;

  private transient PeriodCalendar calendar;
  /** Unexplained complaints per {@code weekStart|cellId}. */
  private transient MapState<String, Long> counts;
  private transient ValueState<String> lastWeekWritten;
  private transient RunCounter late;

  public HotspotRanker(CellTable cells, ZoneId zone, long settleMillis, int top) {
    this.cells = cells;
    this.zone = zone;
    this.settleMillis = settleMillis;
    this.top = top;
  }

  /** Whether a decided complaint can count: no outage explains it, and it names a cell of the table. */
  public static boolean unexplainedOnKnownCell(Attribution a, CellTable cells) {
    return a.outageId() == null && a.cellId() != null && cells.get(a.cellId()) != null;
  }

  @Override
  public void open(OpenContext openContext) {
    calendar = new PeriodCalendar(zone);
    counts = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("hotspot-counts", Types.STRING, Types.LONG));
    lastWeekWritten = getRuntimeContext().getState(new ValueStateDescriptor<>("hotspot-last-week", Types.STRING));
    late = RunCounter.register(getRuntimeContext(), CounterNames.LATE_AFTER_PERIOD_CLOSED);
  }

  @Override
  public void processElement(Attribution a, Context ctx, Collector<Hotspot> out) throws Exception {
    LocalDate week = calendar.periodStart(PeriodKind.WEEK, a.complaintTime());
    String last = lastWeekWritten.value();
    if (last != null && !week.isAfter(LocalDate.parse(last))) {
      late.inc();
      return;
    }
    String key = week + "|" + a.cellId();
    Long n = counts.get(key);
    counts.put(key, n == null ? 1L : n + 1);
    ctx.timerService().registerEventTimeTimer(calendar.endMillis(PeriodKind.WEEK, week) + settleMillis);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Hotspot> out) throws Exception {
    Map<String, Map<String, Long>> due = new HashMap<>();
    Iterator<Map.Entry<String, Long>> it = counts.iterator();
    while (it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      String[] wc = e.getKey().split("\\|", 2);
      LocalDate week = LocalDate.parse(wc[0]);
      if (calendar.endMillis(PeriodKind.WEEK, week) + settleMillis <= timestamp) {
        due.computeIfAbsent(wc[0], w -> new HashMap<>()).put(wc[1], e.getValue());
        it.remove();
      }
    }
    for (String week : new TreeSet<>(due.keySet())) {
      for (Hotspot h : rank(ctx.getCurrentKey(), week, due.get(week), cells, top)) {
        out.collect(h);
      }
      lastWeekWritten.update(week);
    }
  }

  /** One region's week: its top cells, then its top sites. Pure, for tests. */
  public static List<Hotspot> rank(String region, String week, Map<String, Long> perCell, CellTable cells, int top) {
    Map<String, Long> perSite = new HashMap<>();
    Map<String, Integer> cellsPerSite = new HashMap<>();
    for (Map.Entry<String, Long> e : perCell.entrySet()) {
      String site = cells.get(e.getKey()).siteId();
      perSite.merge(site, e.getValue(), Long::sum);
      cellsPerSite.merge(site, 1, Integer::sum);
    }
    Comparator<Map.Entry<String, Long>> order = Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey());
    List<Hotspot> out = new ArrayList<>();
    List<Map.Entry<String, Long>> byCell = new ArrayList<>(perCell.entrySet());
    byCell.sort(order);
    for (int i = 0; i < Math.min(top, byCell.size()); i++) {
      Cell c = cells.get(byCell.get(i).getKey());
      out.add(new Hotspot(region, week, "cell", c.cellId(), c.siteId(), c.technology(), i + 1,
          byCell.get(i).getValue(), 1));
    }
    List<Map.Entry<String, Long>> bySite = new ArrayList<>(perSite.entrySet());
    bySite.sort(order);
    for (int i = 0; i < Math.min(top, bySite.size()); i++) {
      String site = bySite.get(i).getKey();
      out.add(new Hotspot(region, week, "site", site, site, null, i + 1, bySite.get(i).getValue(),
          cellsPerSite.get(site)));
    }
    return out;
  }
}
