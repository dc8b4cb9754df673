package com.faultlink.tickets;

import com.faultlink.io.Timestamps;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertIds;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * {@code TICKETS_OVERDUE} per region and tier (keyed {@code region|tier}): the number of the scope's tickets past
 * their deadline, neither resolved nor cancelled, followed in event-time order (the changes of one instant
 * together); it fires when the number reaches {@code tickets.overdueAlertCount} and is resolved when it falls below.
 * The alert's {@code at} is the instant the count reached it; its id names the scope and that instant.
 */
public final class TicketOverdueAlerter extends KeyedProcessFunction<String, OverdueChange, Alert> {
  private static final long serialVersionUID = 1L;

  private final int threshold;
  private final ZoneId zone;

  private transient MapState<Long, Integer> pending;
  private transient ValueState<Long> overdue;
  private transient ValueState<Alert> firing;

  public TicketOverdueAlerter(int threshold, ZoneId zone) {
    this.threshold = threshold;
    this.zone = zone;
  }

  @Override
  public void open(OpenContext openContext) {
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("overdue-changes", Types.LONG, Types.INT));
    overdue = getRuntimeContext().getState(new ValueStateDescriptor<>("overdue-count", Types.LONG));
    firing = getRuntimeContext().getState(new ValueStateDescriptor<>("firing-alert",
        org.apache.flink.api.common.typeinfo.TypeInformation.of(Alert.class)));
  }

  @Override
  public void processElement(OverdueChange c, Context ctx, Collector<Alert> out) throws Exception {
    Integer sum = pending.get(c.time());
    pending.put(c.time(), (sum == null ? 0 : sum) + c.delta());
    ctx.timerService().registerEventTimeTimer(c.time());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    List<Long> times = new ArrayList<>();
    for (Long t : pending.keys()) {
      if (t <= timestamp) {
        times.add(t);
      }
    }
    times.sort(null);
    String[] regionTier = ctx.getCurrentKey().split("\\|", 2);
    long n = overdue.value() == null ? 0 : overdue.value();
    for (long t : times) {
      n += pending.get(t);
      pending.remove(t);
      Alert open = firing.value();
      if (open == null && n >= threshold) {
        Alert a = new Alert(AlertIds.forRegionTier(AlertType.TICKETS_OVERDUE, regionTier[0], regionTier[1],
            Timestamps.format(t, zone)), AlertType.TICKETS_OVERDUE, AlertStatus.FIRING, regionTier[0], t, null, null,
            null, null, null, null, null, null, n, null, null, null, null, false, null, regionTier[1]);
        firing.update(a);
        out.collect(a);
      } else if (open != null && n < threshold) {
        out.collect(open.resolvedAt(t).withCount(n));
        firing.clear();
      }
    }
    overdue.update(n);
  }
}
