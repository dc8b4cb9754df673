package com.faultlink.tickets;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Each ticket fact counts in four scopes: its region over all tiers ({@code region}), its region and tier
 * ({@code region|tier}), and the same for all regions ({@code *}, {@code *|tier}).
 */
public final class TicketScopes implements FlatMapFunction<TicketPeriodFact, TicketPeriodFact> {
  private static final long serialVersionUID = 1L;
  public static final String ALL = "*";

  /** The scope of a region (or {@code *}) and one tier. */
  public static String scope(String region, String tier) {
    return region + "|" + tier;
  }

  @Override
  public void flatMap(TicketPeriodFact f, Collector<TicketPeriodFact> out) {
    String region = f.region() == null ? ALL : f.region();
    out.collect(f.inScope(region));
    out.collect(f.inScope(scope(region, f.tier())));
    if (!ALL.equals(region)) {
      out.collect(f.inScope(ALL));
      out.collect(f.inScope(scope(ALL, f.tier())));
    }
  }
}
