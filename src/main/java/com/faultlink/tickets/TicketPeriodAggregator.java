package com.faultlink.tickets;

import com.faultlink.metrics.PeriodCalendar;
import com.faultlink.metrics.PeriodTotals;
import com.faultlink.metrics.TicketTotals;
import com.faultlink.model.PeriodKind;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sums one scope's ticket facts per day, ISO week and month and emits each period's {@link TicketTotals} (as
 * {@link PeriodTotals} carrying only tickets, which the metrics report merges with the other totals of the scope)
 * once the watermark has passed its end plus the settle time: the same instant the other totals close, so the
 * report has both before it writes the period.
 */
public final class TicketPeriodAggregator extends KeyedProcessFunction<String, TicketPeriodFact, PeriodTotals> {
  private static final long serialVersionUID = 1L;

  private final ZoneId zone;
  private final long settleMillis;

  private transient PeriodCalendar calendar;
  private transient MapState<String, TicketTotals> counts;
  private transient MapState<String, String> lastEmitted;
  private transient RunCounter lateAfterClose;

  public TicketPeriodAggregator(ZoneId zone, long settleMillis) {
    this.zone = zone;
    this.settleMillis = settleMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    calendar = new PeriodCalendar(zone);
    counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("ticket-period-counts", Types.STRING,
        TypeInformation.of(TicketTotals.class)));
    lastEmitted = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("ticket-last-emitted-period", Types.STRING, Types.STRING));
    lateAfterClose = RunCounter.register(getRuntimeContext(), CounterNames.LATE_AFTER_PERIOD_CLOSED);
  }

  @Override
  public void processElement(TicketPeriodFact f, Context ctx, Collector<PeriodTotals> out) throws Exception {
    TicketTotals add = switch (f.kind()) {
      case DUE -> new TicketTotals(1, f.onTime() ? 1 : 0, 0, 0, 0);
      case RESOLVED -> new TicketTotals(0, 0, 1, f.resolutionMillis(), 0);
      case OVERDUE_AT -> new TicketTotals(0, 0, 0, 0, 1);
      case SEEN -> TicketTotals.ZERO;
    };
    boolean late = false;
    for (PeriodKind kind : PeriodKind.values()) {
      if (f.periodKind() != null && f.periodKind() != kind) {
        continue;
      }
      LocalDate start = calendar.periodStart(kind, f.time());
      String last = lastEmitted.get(kind.name());
      if (last != null && !start.isAfter(LocalDate.parse(last))) {
        late = true;
        continue;
      }
      String key = kind.name() + "|" + start;
      TicketTotals c = counts.get(key);
      if (c == null) {
        c = TicketTotals.ZERO;
        ctx.timerService().registerEventTimeTimer(calendar.endMillis(kind, start) + settleMillis);
      }
      counts.put(key, c.plus(add));
    }
    if (late) {
      lateAfterClose.inc();
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<PeriodTotals> out) throws Exception {
    List<String> due = new ArrayList<>();
    for (String key : counts.keys()) {
      String[] kp = key.split("\\|");
      if (calendar.endMillis(PeriodKind.valueOf(kp[0]), LocalDate.parse(kp[1])) + settleMillis <= timestamp) {
        due.add(key);
      }
    }
    due.sort(null);
    for (String key : due) {
      String[] kp = key.split("\\|");
      out.collect(PeriodTotals.ofTickets(ctx.getCurrentKey(), PeriodKind.valueOf(kp[0]), kp[1], counts.get(key)));
      counts.remove(key);
      String last = lastEmitted.get(kp[0]);
      if (last == null || kp[1].compareTo(last) > 0) {
        lastEmitted.put(kp[0], kp[1]);
      }
    }
  }
}
