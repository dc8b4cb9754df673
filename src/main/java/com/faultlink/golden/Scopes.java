package com.faultlink.golden;

import com.faultlink.model.ClosedOutage;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Golden-window scopes: region × technology, with {@code *} for all. Each closed outage counts in its own
 * scope and in the two pooled ones ({@code region/*}, {@code * / *}) that stand in for a scope with too few
 * outages. Planned outages are left out: their complaints follow the work's announcement, not the fault.
 */
public final class Scopes implements FlatMapFunction<ClosedOutage, ScopedClosedOutage> {
  private static final long serialVersionUID = 1L;
  public static final String ALL = "*";

  /** The key of a scope, e.g. {@code Yinchuan|4G}, {@code Yinchuan|*}, {@code *|*}. */
  public static String key(String region, String technology) {
    return region + "|" + technology;
  }

  /** The scopes an outage's alerts look in, most specific first. */
  public static String[] lookup(String region, String technology) {
    return new String[] {key(region, technology), key(region, ALL), key(ALL, ALL)};
  }

  /** {@code Yinchuan/4G} for logs and tables. */
  public static String label(String region, String technology) {
    return region + "/" + technology;
  }

  @Override
  public void flatMap(ClosedOutage o, Collector<ScopedClosedOutage> out) {
    if (o.planned()) {
      return;
    }
    out.collect(new ScopedClosedOutage(o.region(), o.technology(), o));
    out.collect(new ScopedClosedOutage(o.region(), ALL, o));
    out.collect(new ScopedClosedOutage(ALL, ALL, o));
  }
}
