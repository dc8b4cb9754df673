package com.faultlink.metrics;

import com.faultlink.model.Attribution;
import com.faultlink.reference.RegionTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/** Each decided complaint counts in its region and in {@code *} (all regions together). */
public final class ComplaintScopes extends RichFlatMapFunction<Attribution, ComplaintFact> {
  private static final long serialVersionUID = 1L;

  private final RegionTable regions;
  private transient RunCounter outsideTable;

  public ComplaintScopes(RegionTable regions) {
    this.regions = regions;
  }

  @Override
  public void open(OpenContext openContext) {
    outsideTable = RunCounter.register(getRuntimeContext(), CounterNames.COMPLAINTS_OUTSIDE_REGION_TABLE);
  }

  @Override
  public void flatMap(Attribution a, Collector<ComplaintFact> out) {
    if (regions.contains(a.region())) {
      out.collect(fact(a.region(), a));
    } else {
      outsideTable.inc();
    }
    out.collect(fact(MetricsReport.ALL, a));
  }

  private static ComplaintFact fact(String scope, Attribution a) {
    return new ComplaintFact(scope, a.complaintTime(), a.category(), a.customerKey(), a.faultCaused(), a.planned());
  }
}
