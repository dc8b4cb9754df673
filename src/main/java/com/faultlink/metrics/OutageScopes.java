package com.faultlink.metrics;

import com.faultlink.model.Outage;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Each outage snapshot counts in its cell's region and in {@code *}. */
public final class OutageScopes implements FlatMapFunction<Outage, ScopedOutage> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(Outage o, Collector<ScopedOutage> out) {
    out.collect(new ScopedOutage(o.region(), o));
    out.collect(new ScopedOutage(MetricsReport.ALL, o));
  }
}
