package com.faultlink.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/** {@code BenchSummary RESULTS_FILE}: the figures of one {@code jobs/bench.sh} run as a table. */
public final class BenchSummary {
  private final Properties p = new Properties();
  private final StringBuilder out = new StringBuilder();

  private BenchSummary(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
  }

  public static void main(String[] args) throws IOException {
    BenchSummary s = new BenchSummary(Path.of(args[0]));
    s.print();
    System.out.print(s.out);
  }

  private String get(String key) {
    return p.getProperty(key);
  }

  private double num(String key) {
    String v = get(key);
    return v == null ? Double.NaN : Double.parseDouble(v);
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private void print() {
    line("FaultLink benchmark, %s", get("run.date"));
    if (get("data") == null) { // --dense-only
      line("machine: %s cores; load average (1, 5, 15 min) before: %s, after: %s", get("run.cores"),
          get("run.loadBefore"), get("run.loadAfter"));
      dense();
      return;
    }
    line("input: %s — %,d lines (%,d alarms, %,d complaints, %,d works; %.0f MB), %s days", get("data"),
        (long) num("dataLines"), (long) num("dataAlarms"), (long) num("dataComplaints"), (long) num("dataWorks"),
        num("dataBytes") / 1e6, get("run.days"));
    line("machine: %s cores; load average (1, 5, 15 min) before: %s, after: %s", get("run.cores"),
        get("run.loadBefore"), get("run.loadAfter"));
    String warmup = get("run.warmup");
    if (warmup != null) {
      line(warmup.startsWith("none") ? "warm-up: none, every run in a cold JVM"
          : "warm-up: every pipeline and SQL run ran its job once on %s first, in the same JVM", warmup);
    }
    if (get("ceiling.warmupLines") != null) {
      line("the ceiling's warm-up: %,d lines parsed before its timed pass", (long) num("ceiling.warmupLines"));
    }
    line("");
    line("%-34s %12s %9s %8s %13s %10s", "run", "events/s", "wall s", "CPU s", "events/CPU-s", "peak RSS");
    row("pipeline, parallelism 1", "p1", true);
    row("pipeline, parallelism 2", "p2", true);
    row("parse-only ceiling (1 thread)", "ceiling", false);
    row("the same, after the other runs", "ceilingAfter", false);
    row("Flink SQL interval join, p=2", "sql", true);
    line("");
    line("steady state (between the instants when 20 %% and 90 %% of the input had been read; start-up, the JIT's "
        + "first pass and the final drain outside it, as the ceiling's warm-up is):");
    line("%-34s %12s %9s %8s %13s", "run", "events/s", "from s", "to s", "events/CPU-s");
    steadyRow("pipeline, parallelism 1", "p1");
    steadyRow("pipeline, parallelism 2", "p2");
    line("");
    String ceiling = faster("ceiling", "ceilingAfter");
    line("ratios against the %s ceiling run (the faster of the two)", ceiling.equals("ceiling") ? "first" : "second");
    double ratio = num("p2.eventsPerSec") / num(ceiling + ".eventsPerSec");
    line("pipeline (p=2) / parse-only ceiling: %.3f (%.1f %%) by wall clock over the whole run; %.3f per CPU second",
        ratio, ratio * 100, num("p2.eventsPerCpuSec") / num(ceiling + ".eventsPerCpuSec"));
    double steady = num("p2.steadyEventsPerSec") / num(ceiling + ".eventsPerSec");
    if (!Double.isNaN(steady)) {
      line("pipeline (p=2) / parse-only ceiling in the steady state: %.3f (%.1f %%) by wall clock; %.3f per CPU "
          + "second", steady, steady * 100, num("p2.steadyEventsPerCpuSec") / num(ceiling + ".eventsPerCpuSec"));
    }
    if (get("sql.eventsPerSec") != null) {
      line("pipeline (p=2) / Flink SQL peer (p=2): %.2f by wall clock, %.2f per CPU second; the peer wrote %,d "
          + "same-cell attribution rows", num("p2.eventsPerSec") / num("sql.eventsPerSec"),
          num("p2.eventsPerCpuSec") / num("sql.eventsPerCpuSec"), (long) num("sql.rowsWritten"));
    }
    for (String run : new String[] {"p1", "p2"}) {
      if (get(run + ".checkpoints") != null) {
        line("%s state: %s checkpoints completed%s (interval %s, %s backend), longest time between two %.0f s; largest %.1f MB at %.0f s, last %.1f MB; at the "
            + "largest: %s", run, get(run + ".checkpoints"),
            get(run + ".checkpointsFailed") == null ? "" : ", " + get(run + ".checkpointsFailed") + " failed",
            get(run + ".checkpointInterval"), get(run + ".stateBackend"), num(run + ".longestCheckpointGapSec"),
            num(run + ".maxStateMb"), num(run + ".maxStateAtSec"), num(run + ".lastStateMb"), get(run + ".maxStateTop"));
      }
    }
    for (String run : new String[] {"p1", "p2", "storm"}) {
      if (get(run + ".checkpointFailures") != null) {
        line("%s checkpoint failures: %s", run, get(run + ".checkpointFailures"));
      }
    }
    if (get("p2.stateTimelineMb") != null) {
      line("p2 state timeline (s since submission: MB): %s", get("p2.stateTimelineMb"));
    }
    if (get("storm.events") != null) {
      storm();
    }
    if (get("dense") != null) {
      dense();
    }
  }

  /** The dense set's figures (issue 21), measured in the same run. */
  private void dense() {
    line("");
    line("dense set: %s — %,d lines (%,d alarms, %,d complaints; %.0f MB), %s days at density x%s", get("dense"),
        (long) num("denseLines"), (long) num("denseAlarms"), (long) num("denseComplaints"), num("denseBytes") / 1e6,
        get("denseDays"), get("denseDensity"));
    line("%-34s %12s %9s %8s %13s %10s", "run", "events/s", "wall s", "CPU s", "events/CPU-s", "peak RSS");
    row("parse-only ceiling (1 thread)", "denseCeiling", false);
    String state = get("denseWarmup") == null ? "warm" : get("denseWarmup");
    row("pipeline, parallelism 2 (" + state + ")", "denseP2", true);
    row("Flink SQL interval join, p=2 (" + state + ")", "denseSql", true);
    double lines = num("denseLines");
    double seconds = num("denseProcess.seconds");
    double cpu = num("denseProcess.userSeconds") + num("denseProcess.systemSeconds");
    if (!Double.isNaN(seconds)) {
      line("%-34s %,12.0f %9.1f %8.1f %,13.0f %10s", "whole process, p=2, cold", lines / seconds, seconds, cpu,
          lines / cpu, String.format(Locale.ROOT, "%,.0f MB", num("denseProcess.peakRssKb") / 1024));
    }
    double floorSeconds = num("denseFloor.seconds");
    if (!Double.isNaN(floorSeconds)) {
      double floorCpu = num("denseFloor.userSeconds") + num("denseFloor.systemSeconds");
      line("%-34s %12s %9.1f %8.1f %13s %10s", String.format(Locale.ROOT, "start-up floor (%,d lines)",
          (long) num("denseFloor.lines")), "-", floorSeconds, floorCpu, "-",
          String.format(Locale.ROOT, "%,.0f MB", num("denseFloor.peakRssKb") / 1024));
    }
    row("the ceiling, after the other runs", "denseCeilingAfter", false);
    String ceiling = faster("denseCeiling", "denseCeilingAfter");
    double c = num(ceiling + ".eventsPerSec");
    line("whole process / faster ceiling: %.3f; pipeline / faster ceiling: %.3f", lines / seconds / c,
        num("denseP2.eventsPerSec") / c);
    if (!Double.isNaN(floorSeconds)) {
      line("0.3 of the faster ceiling is %.1f s of wall clock for the whole set; the start-up floor alone takes %.1f s",
          lines / (0.3 * c), floorSeconds);
    }
    if (get("denseSql.eventsPerSec") != null) {
      line("pipeline (p=2) / SQL peer (p=2): %.2f by wall clock, %.2f per CPU second; whole process / "
          + "SQL peer: %.2f; peak RSS whole process %,.0f MB, pipeline %,.0f MB, peer %,.0f MB",
          num("denseP2.eventsPerSec") / num("denseSql.eventsPerSec"),
          num("denseP2.eventsPerCpuSec") / num("denseSql.eventsPerCpuSec"),
          lines / seconds / num("denseSql.eventsPerSec"), num("denseProcess.peakRssKb") / 1024,
          num("denseP2.peakRssMb"), num("denseSql.peakRssMb"));
    }
  }

  /** Of two runs, the label of the one with more events/s (the first where the second was not run). */
  private String faster(String first, String second) {
    return num(second + ".eventsPerSec") > num(first + ".eventsPerSec") ? second : first;
  }

  /** A state size, or why there is none. */
  private String mb(String key) {
    String v = get(key);
    return v == null || v.startsWith("-") ? "(no checkpoint completed)"
        : String.format(Locale.ROOT, "%.1f MB", Double.parseDouble(v));
  }

  private void row(String name, String key, boolean rss) {
    if (get(key + ".eventsPerSec") == null) {
      line("%-34s %12s", name, "(not run)");
      return;
    }
    line("%-34s %,12.0f %9.1f %8.1f %,13.0f %10s", name, num(key + ".eventsPerSec"), num(key + ".seconds"),
        num(key + ".cpuSeconds"), num(key + ".eventsPerCpuSec"),
        rss ? String.format(Locale.ROOT, "%,.0f MB", num(key + ".peakRssMb")) : "-");
  }

  private void steadyRow(String name, String key) {
    if (get(key + ".steadyEventsPerSec") == null) {
      line("%-34s %12s", name, get(key + ".eventsPerSec") == null ? "(not run)" : "(too short to sample)");
      return;
    }
    line("%-34s %,12.0f %9.1f %8.1f %,13.0f", name, num(key + ".steadyEventsPerSec"), num(key + ".steadyFromSec"),
        num(key + ".steadyUntilSec"), num(key + ".steadyEventsPerCpuSec"));
  }

  private void storm() {
    line("");
    line("alarm storm: %,d alarm lines from %s to %s on the %s cells of %s (%,d cellOutage lines: every cell drops "
        + "and flaps; %,d re-sent duplicates; the rest sympathetic alarms), merged into the same input (%,d lines)",
        (long) num("stormAddedLines"), get("stormStart"), get("stormEnd"), get("stormCells"), get("stormRegion"),
        (long) num("stormOutageLines"), (long) num("stormDuplicates"), (long) num("stormLines"));
    line("%-34s %12s %9s %8s %13s %10s", "run", "events/s", "wall s", "CPU s", "events/CPU-s", "peak RSS");
    row("pipeline p=2, without the storm", "p2", true);
    row("pipeline p=2, with the storm", "storm", true);
    line("storm lines seen at the alarm source: %,d, read between %.1f s and %.1f s after submission (%.1f s)",
        (long) num("storm.stormLinesSeen"), num("storm.stormReadFromSec"),
        num("storm.stormReadFromSec") + num("storm.stormReadSeconds"), num("storm.stormReadSeconds"));
    double without = num("p2.windowOutputSeconds");
    line("the storm's ten minutes of event time at the attributions (the end of the pipeline): passed from %.1f s to "
        + "%.1f s = %.1f s of wall clock (the same ten minutes without the storm: %s); the last storm line read "
        + "to event time past the storm at the attributions: %.1f s", num("storm.windowOutputFromSec"),
        num("storm.windowOutputUntilSec"), num("storm.windowOutputSeconds"),
        without < 0.2 ? "within one watermark step (watermarks are emitted every 200 ms)"
            : String.format(Locale.ROOT, "%.1f s", without), num("storm.stormOutputLagSec"));
    double through = num("storm.windowOutputUntilSec") - num("storm.stormReadFromSec");
    line("kept up: %s — from its first line read to its end at the attributions the storm took %.1f s, %s the 600 s "
        + "it lasts (100 000 alarms in 600 s = 167 alarms/s on top of the usual traffic); the longest time without a "
        + "completed checkpoint was %.1f s (without the storm %.1f s)",
        through < 600 ? "yes" : "NO", through, through < 600 ? "well within" : "longer than",
        num("storm.longestCheckpointGapSec"), num("p2.longestCheckpointGapSec"));
    line("state (checkpointed, full size): largest before the storm %s, while it was read %s, after it %s; last "
        + "%.1f MB (without the storm: largest %.1f MB, last %.1f MB)", mb("storm.stateBeforeStormMaxMb"),
        mb("storm.stateDuringStormMaxMb"), mb("storm.stateAfterStormMaxMb"), num("storm.lastStateMb"),
        num("p2.maxStateMb"), num("p2.lastStateMb"));
    line("peak heap used %.0f MB (without the storm %.0f MB) of %.0f MB", num("storm.peakHeapUsedMb"),
        num("p2.peakHeapUsedMb"), num("storm.maxHeapMb"));
    line("at the largest: %s", get("storm.maxStateTop"));
    line("state timeline with the storm (s: MB): %s", get("storm.stateTimelineMb"));
    line("outputs: outages opened %,d (without the storm %,d), MASS_OUTAGE alerts in %s %s, alerts %,d (%,d), "
        + "duplicate events dropped %,d (%,d)", (long) num("storm.outagesOpened"), (long) num("p2.outagesOpened"),
        get("stormRegion"), get("storm.massOutageAlertsInRegion"), (long) num("storm.alertsEmitted"),
        (long) num("p2.alertsEmitted"), (long) num("storm.duplicateEvents"), (long) num("p2.duplicateEvents"));
  }
}
