package com.faultlink.metrics;

import com.faultlink.model.Attribution;
import com.faultlink.reference.CellTable;
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
  private final CellTable cells;
  private final ComplaintGroups groups;
  private transient RunCounter outsideTable;

  /** Without breakdowns by channel, severity and technology (tests). */
  public ComplaintScopes(RegionTable regions) {
    this(regions, null, null);
  }

  /** @param cells the serving cells' technologies; {@code groups} the channel and severity groups */
  public ComplaintScopes(RegionTable regions, CellTable cells, ComplaintGroups groups) {
    this.regions = regions;
    this.cells = cells;
    this.groups = groups;
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

  private ComplaintFact fact(String scope, Attribution a) {
    if (groups == null) {
      return new ComplaintFact(scope, a.complaintTime(), a.category(), a.customerKey(), a.faultCaused(), a.planned());
    }
    return new ComplaintFact(scope, a.complaintTime(), a.category(), a.customerKey(), a.faultCaused(), a.planned(),
        groups.channelOf(a.channel()), ComplaintGroups.severityOf(a.severity()),
        ComplaintGroups.technologyOf(a.cellId() == null ? null : cells.get(a.cellId())), groups.escalated(a.channel()));
  }
}
