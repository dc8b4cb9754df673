package com.faultlink.bench;

import com.faultlink.BenchWiring;
import com.faultlink.JobEnvironment;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.output.GoldenWindowTable;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.LocalJob;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.checkpoint.FailedCheckpointStats;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * {@code PipelineBench --config FILE --parallelism N --out DIR --label NAME --results FILE [--storm]
 * [--window FROM UNTIL] [--warmup CONFIG]}: the whole
 * FaultLink job ({@link BenchWiring}: file sources, {@code FaultLinkPipeline}, file sinks) on an embedded
 * MiniCluster in this JVM, as {@code jobs/run-local.sh} runs it (streaming, heap state, checkpoints every
 * {@code checkpointing.interval}, default 2 s). Run it in a JVM of its own: the peak RSS is the process's.
 *
 * <p>Measures, and appends to the results file as {@code NAME.key=value}: events read (every input line, as the
 * job counts them), wall-clock seconds from submission to the finished job and events/s over them, process CPU
 * seconds over the same span, peak RSS ({@code VmHWM}) and peak heap used, and the checkpoints: how many, the
 * largest and the last full state size, the longest time between two of them, which operators held most at the
 * largest, and a timeline. With {@code --window}, an {@link EventTimeProbe} on the attributions notes when their
 * event time passed FROM and UNTIL (ISO-8601 instants): how long the whole pipeline took over those minutes. With
 * {@code --storm}, a probe after the alarm source notes when the first and the last storm line was read, how many
 * lines (of every input) were read in between, and the state size at the checkpoints before, during and after.
 *
 * <p>With {@code --warmup}, the job first runs once over CONFIG's files in this JVM (outputs to {@code DIR-warmup}),
 * unmeasured: the measured run then finds its code compiled.
 *
 * <p>Probes after both file sources count the lines read; from that progress, sampled every 250 ms, the <em>steady
 * state</em>: events/s and CPU seconds between the instants when 20 % and 90 % of the input had been read.
 */
public final class PipelineBench {
  private PipelineBench() {}

  /** Wall-clock instants the storm probe saw (the MiniCluster runs in this JVM: statics are shared). */
  static final AtomicLong STORM_FIRST = new AtomicLong();
  static final AtomicLong STORM_LAST = new AtomicLong();
  static final AtomicLong STORM_SEEN = new AtomicLong();

  /** Input lines read so far, published by the source probes in steps of {@value SourceProbe#STEP}. */
  static final AtomicLong LINES_READ = new AtomicLong();

  /**
   * Pass-through chained after a file source: counts the lines read (the read progress the steady-state window is
   * cut from) and, on the alarms with {@code stormLines}, notes storm lines by their event-id prefix. Publishes its
   * count every {@value #STEP} lines so that the two reading tasks do not contend on one counter per line.
   */
  static final class SourceProbe implements MapFunction<String, String> {
    private static final long serialVersionUID = 1L;
    static final int STEP = 1024;

    private final boolean stormLines;
    private transient int unpublished;

    SourceProbe(boolean stormLines) {
      this.stormLines = stormLines;
    }

    @Override
    public String map(String line) {
      if (++unpublished == STEP) {
        LINES_READ.addAndGet(STEP);
        unpublished = 0;
      }
      if (stormLines && line.startsWith(StormWriter.LINE_PREFIX)) {
        long now = System.nanoTime();
        STORM_FIRST.compareAndSet(0, now);
        STORM_LAST.set(now);
        STORM_SEEN.incrementAndGet();
      }
      return line;
    }
  }

  /** Failed (or expired) checkpoints, as the job's checkpoint statistics last counted them. */
  static final AtomicLong FAILED_CHECKPOINTS = new AtomicLong();

  /** Why checkpoints failed: each distinct message, with the last checkpoint that failed so. */
  static final Map<String, Long> FAILURES = new java.util.concurrent.ConcurrentHashMap<>();

  /** One completed checkpoint: when (ns since submission, from its last acknowledgement), its full state size, and state per vertex. */
  record Checkpoint(long id, long atNanos, long stateSize, Map<String, Long> perVertex) {}

  public static void main(String[] args) {
    BenchCluster.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    String configFile = null;
    String out = null;
    String label = "pipeline";
    String results = null;
    int parallelism = 2;
    boolean storm = false;
    long windowFrom = -1;
    long windowUntil = -1;
    String warmupConfig = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> configFile = args[++i];
        case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
        case "--out" -> out = args[++i];
        case "--label" -> label = args[++i];
        case "--results" -> results = args[++i];
        case "--storm" -> storm = true;
        case "--warmup" -> warmupConfig = args[++i];
        case "--window" -> {
          windowFrom = OffsetDateTime.parse(args[++i]).toInstant().toEpochMilli();
          windowUntil = OffsetDateTime.parse(args[++i]).toInstant().toEpochMilli();
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    MiniCluster warmCluster = warmupConfig == null ? null
        : warmUp(warmupConfig, parallelism, out == null ? null : out + "-warmup");
    long from = windowFrom;
    long until = windowUntil;
    Wired wired = wire(configFile, parallelism, out, "FaultLink bench (" + label + ")", new SourceProbe(storm),
        from < 0 ? null : outputs -> outputs.attributions()
            .transform("Bench probe: event time of attributions", Types.STRING, new EventTimeProbe<>(from, until))
            .uid("bench-probe-attributions").sinkTo(new DiscardingSink<>()).name("Bench probe: discard"));
    FaultLinkConfig config = wired.config();

    Results r = new Results(label);
    ThreadCpu threadCpu = new ThreadCpu();
    long cpu0 = Memory.processCpuNanos();
    long t0 = System.nanoTime();
    long wall0 = System.currentTimeMillis();
    LocalJob job = warmCluster == null ? LocalJob.start(wired.graph(), wired.conf())
        : BenchCluster.submit(warmCluster, wired.graph());
    JobClient client = job.client();

    TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    List<long[]> progress = new ArrayList<>(); // {ns since submission, lines read, process CPU ns}
    long peakHeap = 0;
    CompletableFuture<JobExecutionResult> done = client.getJobExecutionResult();
    JobExecutionResult result;
    while (true) {
      try {
        result = done.get(250, TimeUnit.MILLISECONDS);
        break;
      } catch (TimeoutException running) {
        progress.add(new long[] {System.nanoTime() - t0, LINES_READ.get(), Memory.processCpuNanos() - cpu0});
        peakHeap = Math.max(peakHeap, Memory.heapUsed());
        collect(job.cluster(), client, wall0, checkpoints);
        threadCpu.sample();
      }
    }
    threadCpu.sample();
    long t1 = System.nanoTime();
    long cpu1 = Memory.processCpuNanos();
    peakHeap = Math.max(peakHeap, Memory.heapUsed());
    GoldenWindowTable.write(Path.of(config.sinks().dir()));

    long events = counter(result, CounterNames.EVENTS_READ);
    double seconds = (t1 - t0) / 1e9;
    r.putThroughput(parallelism, events, seconds, (cpu1 - cpu0) / 1e9);
    r.put("peakHeapUsedMb", peakHeap / (1024.0 * 1024));
    r.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024.0 * 1024));
    r.put("checkpointInterval", config.checkpointing().interval().toString());
    r.put("stateBackend", config.state().backend());
    for (String name : List.of(CounterNames.DEAD_LETTERS, CounterNames.DUPLICATE_EVENTS,
        CounterNames.OUTAGES_OPENED, CounterNames.COMPLAINTS_ATTRIBUTED, CounterNames.ALERTS_EMITTED)) {
      r.put(name, counter(result, name));
    }
    steadyStateFigures(r, progress, events);
    checkpointFigures(r, checkpoints, storm);
    if (windowFrom >= 0) {
      windowFigures(r, t0);
    }
    if (storm) {
      stormFigures(r, t0, checkpoints);
    }
    System.err.printf("bench: %s: %,d events in %.1f s = %,.0f events/s, %.1f CPU s, peak RSS %.0f MB%n", label,
        events, seconds, events / seconds, (cpu1 - cpu0) / 1e9, Memory.peakRssKb() / 1024.0);
    System.err.printf("bench: %s: CPU seconds by Java thread (subtasks together; sampled every 250 ms; of %.1f process CPU s):%n",
        label, (cpu1 - cpu0) / 1e9);
    System.err.print(threadCpu.table(16));
    r.appendTo(results);
  }

  /** A job wired for a run: its config (parallelism and sinks set), its graph and the configuration to start it with. */
  private record Wired(FaultLinkConfig config, StreamGraph graph, Configuration conf) {}

  /** The whole job over CONFIG's files at this parallelism, its sinks under {@code out} where given, with the probes. */
  private static Wired wire(String configFile, int parallelism, String out, String jobName, SourceProbe alarmProbe,
      java.util.function.Consumer<com.faultlink.FaultLinkPipeline.Outputs> outputProbes) throws Exception {
    FaultLinkConfig config = ConfigLoader.load(Path.of(configFile)).withParallelism(parallelism);
    if (out != null) {
      config = config.withSinksDir(out);
    }
    CellTable cells = CellTable.load(Path.of(config.reference().cells()));
    RegionTable regions = RegionTable.load(Path.of(config.reference().regions()));
    StreamExecutionEnvironment env = JobEnvironment.of(config, true);
    BenchWiring.build(env, config, cells, regions, alarmProbe, new SourceProbe(false), outputProbes);
    Configuration conf = new Configuration();
    conf.addAll(Configuration.fromMap(env.getConfiguration().toMap()));
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(jobName);
    return new Wired(config, graph, conf);
  }

  /**
   * Runs the job once over CONFIG's files, unmeasured, on the cluster the measured run will use, so that the measured
   * run finds the code compiled, as on a long-lived TaskManager.
   */
  private static MiniCluster warmUp(String configFile, int parallelism, String out) throws Exception {
    Wired wired = wire(configFile, parallelism, out, "FaultLink bench warm-up", new SourceProbe(false), null);
    long t0 = System.nanoTime();
    MiniCluster cluster = BenchCluster.start(wired.conf(), parallelism);
    BenchCluster.submit(cluster, wired.graph()).client().getJobExecutionResult().get();
    LINES_READ.set(0);
    System.err.printf("bench: warm-up on %s took %.1f s%n", configFile, (System.nanoTime() - t0) / 1e9);
    return cluster;
  }

  private static long counter(JobExecutionResult result, String name) {
    Object v = result.getAllAccumulatorResults().get(name);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  /** Where the steady-state window starts and ends, as fractions of the input read. */
  static final double STEADY_FROM = 0.2;
  static final double STEADY_UNTIL = 0.9;

  /**
   * The rate while the job is warm and still reading: lines read between the instants when 20 % and 90 % of the
   * input had been read (interpolated between the 250 ms progress samples), over the wall-clock and CPU time in
   * between. Start-up, the JIT's first pass and the drain at the end fall outside, as the parse-only ceiling's
   * warm-up does for it. The sources are back-pressured, so reading cannot run ahead of the pipeline by more than
   * its network buffers (plus the complaints held for their decision, which are part of its work).
   */
  static void steadyStateFigures(Results r, List<long[]> progress, long events) {
    double[] from = at(progress, STEADY_FROM * events);
    double[] until = at(progress, STEADY_UNTIL * events);
    if (from == null || until == null || until[0] <= from[0]) {
      return;
    }
    double lines = (STEADY_UNTIL - STEADY_FROM) * events;
    double seconds = (until[0] - from[0]) / 1e9;
    double cpu = (until[1] - from[1]) / 1e9;
    r.put("steadyFromSec", from[0] / 1e9);
    r.put("steadyUntilSec", until[0] / 1e9);
    r.put("steadyEventsPerSec", lines / seconds);
    r.put("steadyCpuSeconds", cpu);
    r.put("steadyEventsPerCpuSec", lines / cpu);
  }

  /** {ns since submission, process CPU ns} when {@code lines} lines had been read, or null if never seen. */
  static double[] at(List<long[]> progress, double lines) {
    long[] before = null;
    for (long[] p : progress) {
      if (p[1] >= lines) {
        if (before == null) {
          return null; // crossed before the first sample: no instant to interpolate from
        }
        double f = (lines - before[1]) / Math.max(1, p[1] - before[1]);
        return new double[] {before[0] + f * (p[0] - before[0]), before[2] + f * (p[2] - before[2])};
      }
      before = p;
    }
    return null;
  }

  /** Notes every completed checkpoint in the graph's (short) history that is not noted yet. */
  private static void collect(MiniCluster cluster, JobClient client, long wall0, TreeMap<Long, Checkpoint> seen) {
    try {
      AccessExecutionGraph graph = cluster.getExecutionGraph(client.getJobID()).get(1, TimeUnit.SECONDS);
      FAILED_CHECKPOINTS.set(graph.getCheckpointStatsSnapshot().getCounts().getNumberOfFailedCheckpoints());
      Map<JobVertexID, ? extends AccessExecutionJobVertex> vertices = graph.getAllVertices();
      for (AbstractCheckpointStats c : graph.getCheckpointStatsSnapshot().getHistory().getCheckpoints()) {
        if (c instanceof FailedCheckpointStats f && f.getFailureMessage() != null) {
          FAILURES.merge(f.getFailureMessage().replaceAll("\\s+", " "), f.getCheckpointId(), Math::max);
        }
        if (c.getStatus() != CheckpointStatsStatus.COMPLETED || seen.containsKey(c.getCheckpointId())) {
          continue;
        }
        Map<String, Long> perVertex = new LinkedHashMap<>();
        for (TaskStateStats t : c.getAllTaskStateStats()) {
          AccessExecutionJobVertex v = vertices.get(t.getJobVertexId());
          perVertex.merge(v == null ? t.getJobVertexId().toString() : shortName(v.getName()), t.getStateSize(),
              Long::sum);
        }
        long at = (c.getLatestAckTimestamp() - wall0) * 1_000_000L;
        seen.put(c.getCheckpointId(), new Checkpoint(c.getCheckpointId(), at, c.getStateSize(), perVertex));
      }
    } catch (Exception e) {
      // the job is finishing, or its graph is not there yet: next time
    }
  }

  private static String shortName(String vertexName) {
    String s = vertexName.replace("\n", " ");
    int arrow = s.indexOf(" -> ");
    if (arrow > 0) {
      s = s.substring(0, arrow) + " -> …";
    }
    return s.length() > 70 ? s.substring(0, 69) + "…" : s;
  }

  private static void checkpointFigures(Results r, TreeMap<Long, Checkpoint> checkpoints, boolean timeline) {
    r.put("checkpoints", checkpoints.size());
    r.put("checkpointsFailed", FAILED_CHECKPOINTS.get());
    if (!FAILURES.isEmpty()) {
      r.put("checkpointFailures", String.join(" | ", FAILURES.keySet()));
    }
    if (checkpoints.isEmpty()) {
      return;
    }
    long gap = 0;
    long previous = checkpoints.firstEntry().getValue().atNanos;
    for (Checkpoint c : checkpoints.values()) {
      gap = Math.max(gap, c.atNanos - previous);
      previous = c.atNanos;
    }
    r.put("longestCheckpointGapSec", gap / 1e9);
    Checkpoint max = checkpoints.values().stream().max(Comparator.comparingLong(Checkpoint::stateSize)).get();
    r.put("maxStateMb", max.stateSize / (1024.0 * 1024));
    r.put("maxStateAtSec", max.atNanos / 1e9);
    r.put("lastStateMb", checkpoints.lastEntry().getValue().stateSize / (1024.0 * 1024));
    List<Map.Entry<String, Long>> top = new ArrayList<>(max.perVertex.entrySet());
    top.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(3, top.size()); i++) {
      s.append(i > 0 ? "; " : "").append(top.get(i).getKey()).append(' ')
          .append(String.format(java.util.Locale.ROOT, "%.1f MB", top.get(i).getValue() / (1024.0 * 1024)));
    }
    r.put("maxStateTop", s.toString());
    StringBuilder line = new StringBuilder();
    int step = Math.max(1, checkpoints.size() / 24);
    int i = 0;
    for (Checkpoint c : checkpoints.values()) {
      if (i++ % step == 0 || c == checkpoints.lastEntry().getValue()) {
        line.append(line.length() > 0 ? " " : "")
            .append(String.format(java.util.Locale.ROOT, "%.0fs:%.1f", c.atNanos / 1e9, c.stateSize / (1024.0 * 1024)));
      }
    }
    r.put("stateTimelineMb", line.toString());
  }

  /**
   * When the attributions' event time passed the window's start and end, and the wall-clock seconds in between:
   * how long the pipeline took to get through those minutes of event time, all the way to attribution.
   */
  private static void windowFigures(Results r, long t0) {
    long from = EventTimeProbe.PASSED_FROM.get();
    long until = EventTimeProbe.PASSED_UNTIL.get();
    if (from == 0 || until == 0) {
      return;
    }
    r.put("windowOutputFromSec", (from - t0) / 1e9);
    r.put("windowOutputUntilSec", (until - t0) / 1e9);
    r.put("windowOutputSeconds", (until - from) / 1e9);
    if (STORM_LAST.get() != 0) {
      r.put("stormOutputLagSec", (until - STORM_LAST.get()) / 1e9);
    }
  }

  private static void stormFigures(Results r, long t0, TreeMap<Long, Checkpoint> checkpoints) {
    long first = STORM_FIRST.get();
    long last = STORM_LAST.get();
    r.put("stormLinesSeen", STORM_SEEN.get());
    if (first == 0) {
      return;
    }
    double window = (last - first) / 1e9;
    r.put("stormReadFromSec", (first - t0) / 1e9);
    r.put("stormReadSeconds", window);
    r.put("stormSpeedupOverRealTime", StormWriter.STORM_SECONDS / Math.max(window, 1e-3));
    long before = -1;
    long during = -1;
    long after = -1;
    for (Checkpoint c : checkpoints.values()) {
      long at = t0 + c.atNanos;
      if (at < first) {
        before = Math.max(before, c.stateSize);
      } else if (at <= last + 5_000_000_000L) {
        during = Math.max(during, c.stateSize);
      } else {
        after = Math.max(after, c.stateSize);
      }
    }
    // -1: no checkpoint completed in that span
    r.put("stateBeforeStormMaxMb", before < 0 ? -1.0 : before / (1024.0 * 1024));
    r.put("stateDuringStormMaxMb", during < 0 ? -1.0 : during / (1024.0 * 1024));
    r.put("stateAfterStormMaxMb", after < 0 ? -1.0 : after / (1024.0 * 1024));
  }

  /**
   * CPU time per thread name, subtask indexes and numbers blanked so that a task's subtasks add up; a thread's time is
   * its last sample, so a thread that ends between two samples loses up to 250 ms. Shows where a run's CPU went, in
   * Java threads: the collector's and the JIT compiler's threads are not among them (the rest of the process CPU).
   */
  static final class ThreadCpu {
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> cpuById = new java.util.HashMap<>();
    private final Map<Long, String> nameById = new java.util.HashMap<>();
    private final Map<Long, Long> before = new java.util.HashMap<>();

    /** From now on: the time threads already running (main, a warm-up's leftovers) spent before is left out. */
    ThreadCpu() {
      sample();
      before.putAll(cpuById);
    }

    void sample() {
      for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (t == null) {
          continue;
        }
        long cpu = threads.getThreadCpuTime(t.getThreadId());
        if (cpu > 0) {
          cpuById.put(t.getThreadId(), cpu);
          nameById.put(t.getThreadId(), t.getThreadName().replaceAll("[0-9]+", "#"));
        }
      }
    }

    String table(int rows) {
      Map<String, Long> byName = new java.util.HashMap<>();
      cpuById.forEach((id, cpu) -> byName.merge(nameById.get(id), cpu - before.getOrDefault(id, 0L), Long::sum));
      StringBuilder b = new StringBuilder();
      byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
          .forEach(e -> b.append(String.format(java.util.Locale.ROOT, "  %7.1f  %s%n", e.getValue() / 1e9,
              e.getKey().length() > 120 ? e.getKey().substring(0, 120) + "…" : e.getKey())));
      return b.toString();
    }
  }

  /** Process memory and CPU, read from the JVM and /proc. */
  static final class Memory {
    private Memory() {}

    static long heapUsed() {
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          used += pool.getUsage().getUsed();
        }
      }
      return used;
    }

    /** Peak resident set size of this process ({@code VmHWM} in /proc/self/status), in kB. */
    static long peakRssKb() {
      try {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (Exception e) {
        // not Linux
      }
      return -1;
    }

    static long processCpuNanos() {
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
    }
  }
}
