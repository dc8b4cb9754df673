package com.faultlink.metrics;

import com.faultlink.config.KpiConfig;
import com.faultlink.io.Timestamps;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertIds;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.KpiMiss;
import com.faultlink.model.MetricValues;
import com.faultlink.model.RegionMetrics;
import com.faultlink.model.TargetCheck;
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
import org.apache.flink.util.OutputTag;

/**
 * Judges each metrics record against the configured KPI targets: the record leaves with a {@link TargetCheck} per
 * target (value, bound in force for its region, met), and each missed target raises a {@code KPI_MISSED} alert on
 * {@link #MISSES}, at the period's end. The alert stays firing while that figure is the latest of its kind: it is
 * resolved when the region's next period of the same kind closes (the next record's period end), which may raise a
 * miss of its own. A null value (no complainants, no ticket due) meets nothing and misses nothing.
 *
 * <p>Runs as one key after {@link MetricsReport}, whose rows come a period at a time in order.
 */
public final class TargetJudge extends KeyedProcessFunction<String, RegionMetrics, RegionMetrics> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<Alert> MISSES = new OutputTag<>("kpi-missed", TypeInformation.of(Alert.class));

  private final List<KpiConfig.Target> targets;
  private final ZoneId zone;

  private transient PeriodCalendar calendar;
  /** The firing miss per region, period kind and metric. */
  private transient MapState<String, Alert> firing;

  public TargetJudge(List<KpiConfig.Target> targets, ZoneId zone) {
    this.targets = List.copyOf(targets);
    this.zone = zone;
  }

  @Override
  public void open(OpenContext openContext) {
    calendar = new PeriodCalendar(zone);
    firing = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("kpi-missed-firing", Types.STRING, TypeInformation.of(Alert.class)));
  }

  /** The checks of one record, in config order (targets not for its period kind left out); pure. */
  public static List<TargetCheck> checks(RegionMetrics m, List<KpiConfig.Target> targets) {
    List<TargetCheck> out = new ArrayList<>(targets.size());
    for (KpiConfig.Target t : targets) {
      if (!t.appliesTo(m.period())) {
        continue;
      }
      double bound = t.boundFor(m.region());
      Double value = MetricValues.of(m, t.metric());
      Boolean met = value == null ? null
          : TargetCheck.MAX.equals(t.op()) ? value <= bound : value >= bound;
      out.add(new TargetCheck(t.metric(), t.op(), bound, value, met));
    }
    return out;
  }

  @Override
  public void processElement(RegionMetrics m, Context ctx, Collector<RegionMetrics> out) throws Exception {
    if (targets.isEmpty()) {
      out.collect(m);
      return;
    }
    List<TargetCheck> checks = checks(m, targets);
    RegionMetrics judged = m.withTargets(checks);
    out.collect(judged);
    LocalDate start = LocalDate.parse(m.periodStart());
    long periodEnd = calendar.endMillis(m.period(), start);
    for (TargetCheck c : checks) {
      String key = m.region() + "|" + m.period() + "|" + c.metric();
      Alert previous = firing.get(key);
      if (previous != null) {
        ctx.output(MISSES, previous.resolvedAt(periodEnd));
        firing.remove(key);
      }
      if (c.missed()) {
        String startInstant = Timestamps.format(calendar.startMillis(m.period(), start), zone);
        Alert a = new Alert(AlertIds.forKpi(m.region(), c.metric(), m.period(), startInstant), AlertType.KPI_MISSED,
            AlertStatus.FIRING, m.region(), periodEnd, null, null, null, null, null, null, null, null, null,
            null, null, null, null, false, null,
            new KpiMiss(m.period(), m.periodStart(), c.metric(), c.op(), c.target(), c.value()));
        ctx.output(MISSES, a);
        firing.put(key, a);
      }
    }
  }
}
