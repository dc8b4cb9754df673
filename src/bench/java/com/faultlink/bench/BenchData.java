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
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[++i]);
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--lines" -> days = (int) Math.max(1, Math.round(Long.parseLong(args[++i]) / (double) LINES_PER_DAY));
        case "--storm" -> storm = true;
        case "--province-month" -> provinceMonth = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
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
