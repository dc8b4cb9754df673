package com.faultlink.metrics;

import com.faultlink.correlate.OutageAck;
import com.faultlink.model.GoldenOutcome;
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

  /** Each golden-window outcome counts in its outage's region and in {@code *}. */
  public static final class Outcomes implements FlatMapFunction<GoldenOutcome, ScopedOutage> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(GoldenOutcome g, Collector<ScopedOutage> out) {
      out.collect(new ScopedOutage(g.outage().region(), g.outage(), g.restoredInWindow()));
      out.collect(new ScopedOutage(MetricsReport.ALL, g.outage(), g.restoredInWindow()));
    }
  }

  /** Each outage's first acknowledgement counts in its outage's region and in {@code *}, in the ack's periods. */
  public static final class Acks implements FlatMapFunction<OutageAck, ScopedOutage> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(OutageAck a, Collector<ScopedOutage> out) {
      out.collect(new ScopedOutage(a.outage().region(), a.outage(), null, a.ackAt()));
      out.collect(new ScopedOutage(MetricsReport.ALL, a.outage(), null, a.ackAt()));
    }
  }
}
