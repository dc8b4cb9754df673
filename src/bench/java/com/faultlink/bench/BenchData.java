package com.faultlink.bench;

import com.faultlink.tools.SampleDataGenerator;
import com.faultlink.tools.generator.GeneratorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code BenchData --dir DIR (--days N | --lines N) [--storm] | --province-month}: the benchmark's input set, made once and reused.
 *
 * <p>The generator ({@link SampleDataGenerator}) at the README's "bigger data set" rates — 400 sites per city (about
 * 7 000 cells), 300 outages, 8 000 background complaints and 30 000 noise alarms a day, about
 * {@value #LINES_PER_DAY} lines a day — from Monday 2026-10-05, seed 7, into {@code DIR/dN/} with a config
 * {@code bench.yaml}. {@code --lines N} picks the number of days that comes closest. With {@code --storm}, also
 * {@code DIR/dN-storm/}: the same set with an alarm storm ({@link StormWriter}) in Yinchuan at 10:00 on the middle
 * day. With {@code --province-month}, the README's province-month instead ({@code DIR/pm/}). Prints the set's facts as {@code key=value} lines (read by {@code jobs/bench.sh}).
 *
 * <p>{@code --dense [--days N] [--density K]} (issue 21): a network where outages are dense ({@link #generateDense},
 * into {@code DIR/dense-N-xK/}); its facts are printed with the prefix {@code dense}.
 */
public final class BenchData {
  /** Lines a day at these rates (measured: 14 days, 1.04 M lines). */
  static final int LINES_PER_DAY = 74_000;
  static final LocalDate START = LocalDate.of(2026, 10, 5);
  static final String STORM_REGION = "Yinchuan";

  private BenchData() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of("/tmp/bench-data");
    int days = 4;
    boolean storm = false;
    boolean provinceMonth = false;
    boolean dense = false;
    int density = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[++i]);
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--lines" -> days = (int) Math.max(1, Math.round(Long.parseLong(args[++i]) / (double) LINES_PER_DAY));
        case "--storm" -> storm = true;
        case "--province-month" -> provinceMonth = true;
        case "--dense" -> dense = true;
        case "--density" -> density = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (dense) {
      Path set = dir.resolve("dense-" + days + "d-x" + density);
      generateDense(set, days, density);
      System.out.println("denseDays=" + days);
      System.out.println("denseDensity=" + density);
      print("dense", set);
      return;
    }
    if (provinceMonth && storm) {
      throw new IllegalArgumentException("--storm goes with --days or --lines, not with --province-month");
    }
    Path base = provinceMonth ? dir.resolve("pm") : dir.resolve("d" + days);
    if (provinceMonth) {
      days = generateProvinceMonth(base);
    } else {
      generate(base, days);
    }
    System.out.println("days=" + days);
    print("data", base);
    if (storm) {
      Path stormDir = dir.resolve("d" + days + "-storm");
      long startSecond = START.plusDays(days / 2).atTime(10, 0).toEpochSecond(ZoneOffset.ofHours(8));
      Path done = stormDir.resolve(".complete");
      if (!Files.exists(done)) {
        Files.createDirectories(stormDir);
        for (String f : List.of("complaints.jsonl", "works.jsonl", "cells.csv", "regions.csv")) {
          Files.deleteIfExists(stormDir.resolve(f));
          Files.createSymbolicLink(stormDir.resolve(f), base.resolve(f));
        }
        StormWriter.Storm s = StormWriter.write(base.resolve("cells.csv"), base.resolve("alarms.jsonl"),
            stormDir.resolve("alarms.jsonl"), STORM_REGION, startSecond, 11);
        writeConfig(stormDir);
        Files.writeString(done, String.format(Locale.ROOT,
            "stormRegion=%s%nstormCells=%d%nstormStart=%s%nstormEnd=%s%nstormAddedLines=%d%nstormOutageLines=%d%n"
                + "stormDuplicates=%d%n",
            s.region(), s.cells(), StormWriter.text(s.start()), StormWriter.text(s.end()), s.lines(), s.outageLines(),
            s.duplicates()));
      }
      print("storm", stormDir);
      System.out.print(Files.readString(done));
    }
  }

  static void generate(Path base, int days) throws IOException {
    Path done = base.resolve(".complete");
    if (Files.exists(done)) {
      return;
    }
    System.err.printf("bench: generating %d days into %s%n", days, base);
    SampleDataGenerator.generate(GeneratorOptions.parse("--out", base.toString(), "--start", START.toString(),
        "--days", Integer.toString(days), "--seed", "7", "--sites-per-city", "400", "--outages-per-day", "300",
        "--background-complaints-per-day", "8000", "--alarm-noise-per-day", "30000"));
    writeConfig(base);
    Files.writeString(done, "days=" + days + "\n");
  }

  /** Dense cities: sites per city (Yinchuan 1.5 times, Shizuishan 0.75 times), within this radius (km). */
  static final int DENSE_SITES_PER_CITY = 2000;
  static final double DENSE_CITY_KM = 11.3; // a disc of 400 km², as 20 × 20 km
  static final double DENSE_OUTAGES_PER_DAY = 8000;
  static final double DENSE_NOISE_PER_DAY = 56_000;
  static final double DENSE_BACKGROUND_PER_DAY = 10_000;
  /** Complaints per complaining outage: about one (the set: 72 000 fault complaints from 240 000 outages). */
  static final double DENSE_FAULT_COMPLAINT_LEVEL = 0.04;
  /**
   * Lines a unit of {@code --outages-per-day} brings (its alarms, planned works, mass outages, complaints), and a
   * noise alarm brings (raise, mostly a clear), measured on one day of these settings (8 000 and 32 000 outages
   * without noise: 4.43 and 4.26; 27 846 noise alarms without outages: 2.06): the density series trades noise for
   * outages at about the same line count.
   */
  static final double LINES_PER_OUTAGE = 4.35;
  static final double LINES_PER_NOISE_ALARM = 2.06;

  /**
   * The issue-21 set: five cities of about 2 000 sites within 20 × 20 km each ({@code --city-km}), {@value
   * #DENSE_OUTAGES_PER_DAY} unplanned outages a day times {@code density}, 30 % of them causing complaints ({@code
   * --complaining-outages 0.3}), background complaints and noise alarms as the set per day. At density K the
   * noise is lowered by the lines the added outages bring, so that the sets of one length have about the same
   * number of lines: what grows is the work per line.
   */
  static void generateDense(Path base, int days, int density) throws IOException {
    Path done = base.resolve(".complete");
    if (Files.exists(done)) {
      return;
    }
    double outages = DENSE_OUTAGES_PER_DAY * density;
    double noise = Math.max(0, DENSE_NOISE_PER_DAY
        - (density - 1) * DENSE_OUTAGES_PER_DAY * LINES_PER_OUTAGE / LINES_PER_NOISE_ALARM);
    System.err.printf(Locale.ROOT, "bench: generating the dense set (%d days, %.0f outages a day) into %s%n", days,
        outages, base);
    SampleDataGenerator.generate(GeneratorOptions.parse("--out", base.toString(), "--start", START.toString(),
        "--days", Integer.toString(days), "--seed", "21", "--sites-per-city", Integer.toString(DENSE_SITES_PER_CITY),
        "--city-km", Double.toString(DENSE_CITY_KM), "--outages-per-day", Double.toString(outages),
        "--complaining-outages", "0.3", "--fault-complaint-level", Double.toString(DENSE_FAULT_COMPLAINT_LEVEL),
        "--background-complaints-per-day", Double.toString(DENSE_BACKGROUND_PER_DAY),
        "--alarm-noise-per-day", Double.toString(noise)));
    writeConfig(base);
    Files.writeString(done, "days=" + days + "\n");
  }

  /**
   * The scale set of the README's "Scale: a province-month" ({@code SampleDataGenerator --province-month}: 10 000
   * sites, about 10 M alarm lines, 4 GB), made once into {@code base}; returns its number of days.
   */
  static int generateProvinceMonth(Path base) throws IOException {
    Path done = base.resolve(".complete");
    if (!Files.exists(done)) {
      System.err.printf("bench: generating the province-month into %s (about 4 GB, half a minute)%n", base);
      GeneratorOptions options = GeneratorOptions.parse("--out", base.toString(), "--province-month");
      SampleDataGenerator.generate(options);
      writeConfig(base);
      Files.writeString(done, "days=" + options.days() + "\n");
    }
    return Integer.parseInt(Files.readString(done).trim().substring("days=".length()));
  }

  /** The config of a set: the contract's keys and defaults, outputs under the set's {@code out/} (runs override). */
  static void writeConfig(Path set) throws IOException {
    Files.writeString(set.resolve("bench.yaml"), String.join("\n",
        "# Written by com.faultlink.bench.BenchData for jobs/bench.sh; every other key has its default.",
        "timezone: Asia/Shanghai",
        "sources:",
        "  alarms:     {file: " + set.resolve("alarms.jsonl") + "}",
        "  complaints: {file: " + set.resolve("complaints.jsonl") + "}",
        "  works:      {file: " + set.resolve("works.jsonl") + "}",
        "reference:",
        "  cells: " + set.resolve("cells.csv"),
        "  regions: " + set.resolve("regions.csv"),
        "sinks:",
        "  dir: " + set.resolve("out"),
        "input:",
        "  notAfter: '2100-01-01T00:00:00Z'   # long synthetic sets run past today: not implausible here",
        ""));
  }

  private static void print(String key, Path set) throws IOException {
    long alarms = lines(set.resolve("alarms.jsonl"));
    long complaints = lines(set.resolve("complaints.jsonl"));
    long works = lines(set.resolve("works.jsonl"));
    long bytes = Files.size(set.resolve("alarms.jsonl")) + Files.size(set.resolve("complaints.jsonl"))
        + Files.size(set.resolve("works.jsonl"));
    System.out.printf(Locale.ROOT, "%s=%s%n%sLines=%d%n%sAlarms=%d%n%sComplaints=%d%n%sWorks=%d%n%sBytes=%d%n",
        key, set, key, alarms + complaints + works, key, alarms, key, complaints, key, works, key, bytes);
  }

  static long lines(Path file) throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int r;
      while ((r = in.read(buf)) > 0) {
        for (int i = 0; i < r; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }
}
