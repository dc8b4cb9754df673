package com.faultlink.runtime;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * A count that operations read in two places: Flink's metric system (dashboards, Prometheus) and the job's
 * accumulators (the summary a file run prints at its end). Names are the same in both.
 */
public final class RunCounter {
  private final LongCounter accumulator;
  private final Counter metric;

  private RunCounter(LongCounter accumulator, Counter metric) {
    this.accumulator = accumulator;
    this.metric = metric;
  }

  public static RunCounter register(RuntimeContext context, String name) {
    return new RunCounter(context.getLongCounter(name), context.getMetricGroup().counter(name));
  }

  public void inc() {
    accumulator.add(1L);
    metric.inc();
  }

  public void inc(long n) {
    accumulator.add(n);
    metric.inc(n);
  }
}
