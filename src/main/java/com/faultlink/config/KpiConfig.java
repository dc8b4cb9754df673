package com.faultlink.config;

import com.faultlink.model.MetricValues;
import com.faultlink.model.PeriodKind;
import com.faultlink.model.TargetCheck;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KPI targets, complaint breakdowns and hotspots (the {@code targets}, {@code breakdowns} and {@code hotspots}
 * config sections).
 *
 * @param targets one bound per metric, in config order; empty: no targets
 * @param escalationChannels channel names counted as escalations ("越级投诉": the regulator and the like)
 * @param hotspotsTop how many cells and how many sites each region's weekly hotspot list names
 */
public record KpiConfig(List<Target> targets, List<String> escalationChannels, int hotspotsTop)
    implements Serializable {

  public static final KpiConfig DEFAULTS = new KpiConfig(List.of(), List.of("regulator", "越级"), 10);

  /**
   * A bound on one metrics field.
   *
   * @param op {@link TargetCheck#MAX} or {@link TargetCheck#MIN}
   * @param regionBounds per-region overrides of {@code bound} (same {@code op}); a region not named uses
   *     {@code bound}; {@code *} (all regions together) may be named too
   * @param periods the period kinds it applies to (default all: day, week, month); records of other kinds carry no
   *     check of it and raise no alert
   */
  public record Target(String metric, String op, double bound, Map<String, Double> regionBounds,
      List<PeriodKind> periods) implements Serializable {
    public Target(String metric, String op, double bound, Map<String, Double> regionBounds) {
      this(metric, op, bound, regionBounds, List.of(PeriodKind.values()));
    }

    public boolean appliesTo(PeriodKind kind) {
      return periods.contains(kind);
    }

    public double boundFor(String region) {
      Double b = regionBounds.get(region);
      return b != null ? b : bound;
    }
  }

  static KpiConfig read(ConfigNode targetsNode, ConfigNode breakdowns, ConfigNode hotspots) {
    List<Target> targets = new ArrayList<>();
    for (String metric : targetsNode.keys()) {
      ConfigNode t = targetsNode.child(metric);
      if (!MetricValues.known(metric)) {
        throw new ConfigException("config key '" + t.path() + "': no metrics field of that name; a target names"
            + " one of " + MetricValues.names());
      }
      boolean hasMax = t.has(TargetCheck.MAX);
      boolean hasMin = t.has(TargetCheck.MIN);
      if (hasMax == hasMin) {
        throw new ConfigException("config key '" + t.path() + "': give exactly one of 'max' (met at or below it)"
            + " or 'min' (met at or above it)");
      }
      String op = hasMax ? TargetCheck.MAX : TargetCheck.MIN;
      double bound = t.number(op, 0, -1e12, 1e12);
      Map<String, Double> regions = new LinkedHashMap<>();
      ConfigNode r = t.child("regions");
      for (String region : r.keys()) {
        if (!r.has(region)) {
          throw new ConfigException("config key '" + r.keyPath(region) + "': expected a number (the region's "
              + op + ")");
        }
        regions.put(region, r.number(region, 0, -1e12, 1e12));
      }
      List<PeriodKind> periods = new ArrayList<>();
      for (String k : t.strings("periods", List.of("day", "week", "month"))) {
        PeriodKind kind = switch (k.toLowerCase(java.util.Locale.ROOT)) {
          case "day" -> PeriodKind.DAY;
          case "week" -> PeriodKind.WEEK;
          case "month" -> PeriodKind.MONTH;
          default -> throw new ConfigException("config key '" + t.keyPath("periods") + "': '" + k
              + "' is not day, week or month");
        };
        periods.add(kind);
      }
      targets.add(new Target(metric, op, bound, Map.copyOf(regions), List.copyOf(periods)));
    }
    List<String> escalation = breakdowns.strings("escalationChannels", DEFAULTS.escalationChannels());
    int top = hotspots.integer("top", DEFAULTS.hotspotsTop(), 1, 1000);
    return new KpiConfig(List.copyOf(targets), escalation, top);
  }

  /**
   * The region overrides naming no region of the region table (nor {@code *}), as config keys: they never apply. Not
   * an error — one config may serve several region tables (a province's, a test's) — but the job says so at start.
   */
  public java.util.List<String> overridesOutside(java.util.Collection<String> tableRegions) {
    java.util.List<String> out = new ArrayList<>();
    for (Target t : targets) {
      for (String region : t.regionBounds().keySet()) {
        if (!"*".equals(region) && !tableRegions.contains(region)) {
          out.add("targets." + t.metric() + ".regions." + region);
        }
      }
    }
    return out;
  }
}
