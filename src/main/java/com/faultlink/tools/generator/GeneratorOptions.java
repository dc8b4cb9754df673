package com.faultlink.tools.generator;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to generate. The defaults make the committed sample; {@code --province-month} sets the sizes of a
 * benchmark (about 10 million alarm lines and 300 000 complaints over 30 days); explicit flags win over both.
 *
 * @param sitesPerCity the average number of sites per city: Yinchuan gets 1.5 times it, Shizuishan 0.75 times
 *     (the five weights sum to 5, so the province has 5 times this many sites)
 * @param outagesPerDay mean number of unplanned cell outages per day over the province (planned-work and
 *     mass outages come on top)
 * @param backgroundComplaintsPerDay mean number of complaints per day not caused by an outage
 * @param alarmNoisePerDay mean number of alarms per day that are not outages (each raise usually has a clear)
 * @param clean no duplicates, no out-of-order lines, no damaged lines, no orphan clears
 * @param cityKm where positive, every city's sites stand within this radius (km) of its centre, the inner 40 % of
 *     it the dense core (the benchmark's dense cities: 2 000 sites in about 20 × 20 km); 0: each city's own extent
 * @param complainingOutages the share of outages that cause complaints at all (the others cause none); 1: every
 *     outage, as in the sample
 * @param faultComplaintLevel multiplies the rate of the complaints an outage causes; 1: the sample's
 */
public record GeneratorOptions(
    Path out,
    LocalDate start,
    int days,
    long seed,
    int sitesPerCity,
    double outagesPerDay,
    double backgroundComplaintsPerDay,
    double alarmNoisePerDay,
    boolean clean,
    boolean provinceMonth,
    double cityKm,
    double complainingOutages,
    double faultComplaintLevel) {

  public static final String USAGE =
      "usage: SampleDataGenerator --out DIR [--start 2026-10-05] [--days 21] [--seed 7] [--sites-per-city 80]\n"
          + "       [--outages-per-day 20] [--background-complaints-per-day 220] [--alarm-noise-per-day 40]\n"
          + "       [--clean] [--province-month] [--city-km 0] [--complaining-outages 1]\n"
          + "       [--fault-complaint-level 1]";

  public GeneratorOptions {
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    if (days < 1 || sitesPerCity < 1 || outagesPerDay < 0 || backgroundComplaintsPerDay < 0 || alarmNoisePerDay < 0) {
      throw new IllegalArgumentException("days and sites-per-city must be at least 1, rates not negative");
    }
    if (!(cityKm >= 0) || !(complainingOutages >= 0 && complainingOutages <= 1) || !(faultComplaintLevel >= 0)) {
      throw new IllegalArgumentException(
          "city-km and fault-complaint-level must not be negative, complaining-outages between 0 and 1");
    }
  }

  public long startSecond() {
    return TimeText.midnight(start);
  }

  public long endSecond() {
    return TimeText.midnight(start.plusDays(days));
  }

  public static GeneratorOptions parse(String... args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (!name.equals("clean") && !name.equals("province-month")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      flags.put(name, value == null ? "true" : value);
    }
    boolean province = Boolean.parseBoolean(flags.getOrDefault("province-month", "false"));
    // Defaults: the committed sample, or the benchmark preset.
    int days = province ? 30 : 21;
    int sites = province ? 2000 : 80;
    double outages = province ? 400 : 20;
    double background = province ? 7400 : 220;
    double noise = province ? 158_000 : 40;
    Path out = null;
    LocalDate start = LocalDate.of(2026, 10, 5);
    long seed = 7;
    boolean clean = false;
    double cityKm = 0;
    double complaining = 1;
    double faultLevel = 1;
    for (Map.Entry<String, String> f : flags.entrySet()) {
      String v = f.getValue();
      try {
        switch (f.getKey()) {
          case "out" -> out = Path.of(v);
          case "start" -> start = LocalDate.parse(v);
          case "days" -> days = Integer.parseInt(v);
          case "seed" -> seed = Long.parseLong(v);
          case "sites-per-city" -> sites = Integer.parseInt(v);
          case "outages-per-day" -> outages = Double.parseDouble(v);
          case "background-complaints-per-day" -> background = Double.parseDouble(v);
          case "alarm-noise-per-day" -> noise = Double.parseDouble(v);
          case "clean" -> clean = Boolean.parseBoolean(v);
          case "city-km" -> cityKm = Double.parseDouble(v);
          case "complaining-outages" -> complaining = Double.parseDouble(v);
          case "fault-complaint-level" -> faultLevel = Double.parseDouble(v);
          case "province-month" -> {
            // handled above
          }
          default -> throw new IllegalArgumentException("unknown flag --" + f.getKey());
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException("--" + f.getKey() + ": cannot read '" + v + "'");
      }
    }
    return new GeneratorOptions(out, start, days, seed, sites, outages, background, noise, clean, province, cityKm,
        complaining, faultLevel);
  }

  /** Whether the data starts on a Monday, so that weeks in the metrics are whole. */
  public boolean startsOnMonday() {
    return start.getDayOfWeek() == DayOfWeek.MONDAY;
  }
}
