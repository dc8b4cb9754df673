package com.faultlink;

import com.faultlink.config.ConfigException;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.InputConfig;
import com.faultlink.config.RestartConfig;
import com.faultlink.io.OutputLines;
import com.faultlink.io.AlignedFileSource;
import com.faultlink.runtime.RunSummary;
import com.faultlink.io.EmptyInputs;
import com.faultlink.runtime.KafkaReachability;
import com.faultlink.io.BoundedLineFormat;
import com.faultlink.io.FileOutputs;
import com.faultlink.io.FileReadPacing;
import com.faultlink.io.KafkaInputs;
import com.faultlink.io.KafkaOutputs;
import com.faultlink.io.KeyedLine;
import com.faultlink.io.EventTimes;
import com.faultlink.io.LineEventTime;
import com.faultlink.io.TimeSanity;
import com.faultlink.io.ParseLines;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.Complaint;
import com.faultlink.io.GoldenWindowTable;
import com.faultlink.io.OutputJson;
import com.faultlink.io.alertmanager.AlertmanagerSink;
import com.faultlink.io.jdbc.JdbcOutputs;
import com.faultlink.model.OpenTicket;
import com.faultlink.model.OutageStatus;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.ReferenceDataException;
import com.faultlink.reference.RegionTable;
import com.faultlink.reference.TopologyTable;
import com.faultlink.runtime.LatestCheckpoint;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.LineThrottle;
import com.faultlink.runtime.ScratchCheckpoints;
import com.faultlink.runtime.SinkReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

/**
 * Entry point: {@code FaultLinkJob CONFIG}, in two settings.
 *
 * <p><b>Local</b> ({@code jobs/run-local.sh}, plain {@code java}): reads the config and reference tables (a
 * problem stops the run here, with one message naming the key or file), runs the pipeline on an embedded
 * MiniCluster to the end of its inputs, shows progress, ends with a summary and the process's exit code.
 *
 * <p><b>On a cluster</b> ({@code flink run}, the REST API's {@code /jars/:id/run}, application mode,
 * the Kubernetes operator): {@code main} runs inside the client or the JobManager. It builds the same job,
 * submits it under a job name and returns (at once when the submission is detached); a bad config fails
 * the submission with the same message; so does a missing customer-key secret (no development key on a cluster,
 * nor in a local run that reads or writes Kafka). It never exits the JVM, never shows progress and never empties
 * output folders: a job resumed from a savepoint continues the files its earlier run wrote.
 */
public final class FaultLinkJob {
  private FaultLinkJob() {}

  public static void main(String[] args) throws Exception {
    if (!(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment)) {
      submitToCluster(args);
      return;
    }
    PrintStream err = System.err;
    String restoreFrom = null;
    if (args.length == 3 && args[1].equals("--restore")) {
      restoreFrom = args[2];
    } else if (args.length != 1) {
      args = new String[] {"-"};
    }
    if (args[0].startsWith("-")) {
      err.println("usage: FaultLinkJob CONFIG.yaml [--restore CHECKPOINT_OR_SAVEPOINT|latest]");
      System.exit(2);
    }
    FaultLinkConfig config;
    CellTable cells;
    RegionTable regions;
    try {
      config = ConfigLoader.load(Path.of(args[0]));
      ConfigLoader.requireRealSecret(config, false);
      if (ConfigLoader.usesKafka(config)) {
        KafkaReachability.require(config); // one line now, not minutes of client retries
      }
      cells = CellTable.load(Path.of(config.reference().cells()));
      regions = RegionTable.loadFor(cells, Path.of(config.reference().cells()),
          Path.of(config.reference().regions()));
      TopologyTable.forConfig(config.reference().topology(), cells); // a bad row refuses the start here
    } catch (ConfigException | ReferenceDataException e) {
      err.println("faultlink: " + e.getMessage());
      System.exit(2);
      return;
    }
    String devKey = ConfigLoader.developmentSecretWarning(config);
    if (devKey != null) {
      err.println(devKey);
    }
    EmptyInputs.warnings(config).forEach(err::println);
    if ("latest".equals(restoreFrom)) {
      // After a crash (kill -9, a lost machine) the run left its last completed checkpoint in checkpointing.dir.
      String folder = config.checkpointing().dir();
      if (folder == null || folder.contains("://")) {
        err.println("faultlink: --restore latest needs checkpointing.dir, a local folder, in " + args[0]);
        System.exit(2);
      }
      Optional<Path> latest = LatestCheckpoint.in(Path.of(folder));
      if (latest.isEmpty()) {
        err.println("faultlink: --restore latest: no completed checkpoint in " + folder);
        System.exit(2);
      }
      restoreFrom = latest.get().toString();
      err.println("faultlink: restoring " + restoreFrom);
    }
    try {
      Configuration extra = new Configuration();
      if (restoreFrom != null) {
        extra.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
      }
      Instant started = Instant.now();
      Map<String, Long> counters = run(config, cells, regions, err, jobName(Path.of(args[0])), extra);
      if (config.sinks().dir() != null) {
        Path dir = Path.of(config.sinks().dir());
        RunSummary.write(dir.resolve("run-summary.json"), Path.of(args[0]), config, started, Instant.now(), counters);
        err.println("faultlink: done. outputs in " + dir + " (" + String.join(", ", FileOutputs.allStreams()) + "; "
            + GoldenWindowTable.FILE + ")");
      }
      if (config.sinks().kafka() != null) {
        err.println("faultlink: done. outputs in Kafka topics " + String.join(", ", config.sinks().kafka().topics()
            .entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList()));
      }
      err.println("faultlink: counts " + counters);
      System.exit(0);
    } catch (Exception e) {
      Throwable root = ExceptionUtils.stripExecutionException(e);
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      err.println("faultlink: run failed: " + root.getClass().getSimpleName() + ": " + root.getMessage());
      System.exit(1);
    }
  }

  /** The job's name in the web UI, the REST API and the metrics: FaultLink and its config file's name. */
  static String jobName(Path configFile) {
    return "FaultLink (" + configFile.getFileName() + ")";
  }

  /**
   * On a cluster: builds the job and submits it. Detached submissions (REST, {@code flink run -d},
   * application mode) return at once; an attached {@code flink run} waits for the job, as Flink's does.
   */
  static void submitToCluster(String[] args) throws Exception {
    if (args.length != 1 || args[0].startsWith("-")) {
      throw new IllegalArgumentException("usage: FaultLinkJob CONFIG.yaml (the config file's path, readable where "
          + "the job's main runs: the JobManager for REST and application submissions)");
    }
    FaultLinkConfig config;
    CellTable cells;
    RegionTable regions;
    try {
      config = ConfigLoader.load(Path.of(args[0]));
      ConfigLoader.requireRealSecret(config, true);
      cells = CellTable.load(Path.of(config.reference().cells()));
      regions = RegionTable.loadFor(cells, Path.of(config.reference().cells()),
          Path.of(config.reference().regions()));
      TopologyTable.forConfig(config.reference().topology(), cells); // a bad row refuses the start here
    } catch (ConfigException | ReferenceDataException e) {
      throw new IllegalArgumentException("faultlink: " + e.getMessage(), e);
    }
    StreamExecutionEnvironment env = environment(config, false, new Configuration());
    build(env, config, cells, regions, false);
    env.execute(jobName(Path.of(args[0])));
  }

  /** Runs the file pipeline to the end of its inputs on an embedded cluster; returns the job's counters. */
  public static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions, PrintStream progress)
      throws Exception {
    return run(config, cells, regions, progress, "FaultLink", new Configuration());
  }

  /** The same, with extra Flink settings (e.g. {@code execution.state-recovery.path} to resume from a checkpoint). */
  public static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions, PrintStream progress,
      Configuration extra) throws Exception {
    return run(config, cells, regions, progress, "FaultLink", extra);
  }

  static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions, PrintStream progress,
      String jobName) throws Exception {
    return run(config, cells, regions, progress, jobName, new Configuration());
  }

  static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions, PrintStream progress,
      String jobName, Configuration extra) throws Exception {
    JobClient client = submit(config, cells, regions, extra, jobName);
    JobExecutionResult result = awaitWithProgress(client, progress);
    return finishRun(config, result, client.getJobID());
  }

  /**
   * What every local run and replay does once its job has finished: writes the analysts' golden-window CSV beside
   * the streams, and returns the job's counters with what the outside sinks did not deliver.
   */
  public static Map<String, Long> finishRun(FaultLinkConfig config, JobExecutionResult result, JobID job)
      throws IOException {
    if (config.sinks().dir() != null) {
      GoldenWindowTable.write(Path.of(config.sinks().dir()));
    }
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String name : CounterNames.ALL) {
      Object v = result.getAllAccumulatorResults().get(name);
      counters.put(name, v instanceof Number ? ((Number) v).longValue() : 0L);
    }
    // what Alertmanager and the database did not get, where configured (sink writers have no accumulators)
    counters.putAll(SinkReport.take(job.toString()));
    return counters;
  }

  /**
   * Builds the job on an embedded cluster from the config's sources and sinks (files, Kafka topics, or both)
   * and submits it; returns at once. A file output's folders are emptied first.
   */
  public static JobClient submit(FaultLinkConfig config, CellTable cells, RegionTable regions, Configuration extra)
      throws Exception {
    return submit(config, cells, regions, extra, "FaultLink");
  }

  static JobClient submit(FaultLinkConfig config, CellTable cells, RegionTable regions, Configuration extra,
      String jobName) throws Exception {
    StreamExecutionEnvironment env = environment(config, true, extra);
    build(env, config, cells, regions, true);
    return env.executeAsync(jobName);
  }

  /**
   * Sources (files or Kafka topics) → pipeline → sinks (files, Kafka topics, Alertmanager, database). A local
   * run replaces the output folders; a cluster run keeps them.
   */
  public static void build(StreamExecutionEnvironment env, FaultLinkConfig config, CellTable cells, RegionTable regions,
      boolean replaceOutputs) {
    FaultLinkPipeline.Outputs outputs = new FaultLinkPipeline(config, cells, regions).build(inputs(env, config, cells));
    writeOutputs(outputs, config, replaceOutputs);
  }

  /** The configured sources' lines: files, or Kafka topics timed per partition in the source. */
  static FaultLinkPipeline.Inputs inputs(StreamExecutionEnvironment env, FaultLinkConfig config, CellTable cells) {
    FaultLinkConfig.Sources sources = config.sources();
    int throttle = sources.throttleEventsPerSecond();
    int maxLine = config.input().maxLineBytes();
    boolean unbounded = unbounded(sources.alarms()) || unbounded(sources.complaints());
    ParseLines.ParserFactory<AlarmEvent> alarmParsers = FaultLinkPipeline.alarmParsers(config);
    ParseLines.ParserFactory<Complaint> complaintParsers = FaultLinkPipeline.complaintParsers(config, cells);
    // Lines dated implausibly take no part in timing: they are rejected after parsing.
    TimeSanity sanity = FaultLinkPipeline.timeSanity(config, unbounded);
    return new FaultLinkPipeline.Inputs(
        readLines(env, "alarms", sources.alarms(), throttle, maxLine,
            timedAtSource(config, unbounded, alarmParsers, EventTimes.alarms(), sanity),
            FileReadPacing.of(alarmParsers, EventTimes.alarms(), sanity, config.outOfOrderness())),
        readLines(env, "complaints", sources.complaints(), throttle, maxLine,
            timedAtSource(config, unbounded, complaintParsers, EventTimes.complaints(), sanity),
            FileReadPacing.of(complaintParsers, EventTimes.complaints(), sanity, config.outOfOrderness())),
        sources.works() == null ? null
            : readLines(env, "works", sources.works(), throttle, maxLine, WatermarkStrategy.noWatermarks(),
                WatermarkStrategy.noWatermarks()),
        unbounded, sources.alarms().isKafka(), sources.complaints().isKafka());
  }

  /** Every output stream to the configured sinks: files, Kafka topics, Alertmanager, the database. */
  static void writeOutputs(FaultLinkPipeline.Outputs outputs, FaultLinkConfig config, boolean replaceOutputs) {
    Map<String, DataStream<KeyedLine>> lines = outputLines(outputs, config.timezone());
    if (config.sinks().dir() != null) {
      Path dir = Path.of(config.sinks().dir());
      if (replaceOutputs) {
        FileOutputs.prepare(dir);
      } else {
        FileOutputs.claimForCluster(dir);
      }
      lines.forEach((stream, l) -> FileOutputs.writeKeyed(l, dir, stream));
      writeGoldenWindowTable(outputs, dir, config.timezone());
    }
    if (config.sinks().kafka() != null) {
      lines.forEach((stream, l) -> KafkaOutputs.write(l, config.sinks().kafka(), stream));
    }
    writeToDashboards(outputs, config);
  }

  private static boolean unbounded(InputConfig input) {
    return input.isKafka() && !input.kafka().bounded();
  }

  /**
   * A Kafka input's watermarks: the pipeline's, with each line's domain time as its timestamp ({@link
   * Long#MIN_VALUE}, moving nothing, for a line dated implausibly).
   */
  private static <T> WatermarkStrategy<String> timedAtSource(FaultLinkConfig config, boolean unbounded,
      ParseLines.ParserFactory<T> parsers, EventTimes<T> times, TimeSanity sanity) {
    return FaultLinkPipeline.<String>watermarks(config, unbounded, new LineEventTime<>(parsers, times, sanity));
  }

  /** Alerts to Alertmanager, tables to the database, where configured. */
  static void writeToDashboards(FaultLinkPipeline.Outputs outputs, FaultLinkConfig config) {
    if (config.sinks().alertmanager() != null && outputs.alerts() != null) {
      // One writer: an alert's firing and resolved records must meet in the same one.
      outputs.alerts().sinkTo(new AlertmanagerSink(config.sinks().alertmanager(), config.timezone()))
          .setParallelism(1).uid("sink-alertmanager").name("Send alerts (Alertmanager)");
    }
    if (config.sinks().jdbc() != null) {
      JdbcOutputs.write(config.sinks().jdbc(), outputs.metrics(), outputs.goldenWindows(), outputs.outageImpacts(),
          outputs.workImpacts(), outputs.outageStatus() == null ? null
              : outputs.outageStatus().keyBy(OutageStatus::outageId).map(s -> s).returns(OutageStatus.class)
                  .uid("outage-status-by-outage").name("Outage status by outage"),
          outputs.alerts(), outputs.incidents());
      JdbcOutputs.writeBurstThresholds(config.sinks().jdbc(), outputs.burstThresholds());
      if (outputs.openTickets() != null) {
        JdbcOutputs.writeOpenTickets(config.sinks().jdbc(), outputs.openTickets().keyBy(OpenTicket::ticketId)
            .map(t -> t).returns(OpenTicket.class).uid("open-tickets-by-ticket").name("Open tickets by ticket"));
      }
    }
  }

  /**
   * The job's settings: no Kryo, max parallelism, checkpointing (interval, mode, storage), state backend,
   * and, on a cluster, the restart strategy and checkpoints kept on cancellation (to roll back from).
   * Local runs fail at the first error (no restarts), so that a failed run ends with exit 1.
   */
  public static StreamExecutionEnvironment environment(FaultLinkConfig config, boolean local) throws IOException {
    return environment(config, local, new Configuration());
  }

  /** The same, with extra Flink settings (restoring from a checkpoint, say). */
  public static StreamExecutionEnvironment environment(FaultLinkConfig config, boolean local, Configuration extra)
      throws IOException {
    Configuration conf = new Configuration();
    // Every event and state type is a POJO; a type that would fall back to Kryo fails the job at start.
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    // Every event type is immutable (records) and no function changes or keeps a record it passes on, so chained
    // operators may hand records on without a serializer copy each (it was a tenth of the alarm source's time).
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    conf.set(PipelineOptions.MAX_PARALLELISM, config.state().maxParallelism());
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointing().interval());
    conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
        config.checkpointing().exactlyOnce() ? CheckpointingMode.EXACTLY_ONCE : CheckpointingMode.AT_LEAST_ONCE);
    conf.set(StateBackendOptions.STATE_BACKEND, config.state().backend());
    if (config.state().rocksDb()) {
      conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    }
    String checkpoints = config.checkpointing().dir();
    if (checkpoints == null && local) {
      checkpoints = ScratchCheckpoints.create().toString();
    }
    if (checkpoints != null) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
          checkpoints.contains("://") ? checkpoints : Path.of(checkpoints).toUri().toString());
    }
    if (local) {
      // Accumulators (the progress line) travel with heartbeats: frequent ones keep the progress current.
      conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, RestartConfig.NONE);
    } else {
      restartStrategy(conf, config.restart());
    }
    // A cancelled job keeps its last checkpoint, to be resumed from (run-local.sh --restore, rollbacks):
    // with Kafka, without a gap or a duplicate.
    conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.addAll(extra);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    if (config.parallelism() > 0) {
      env.setParallelism(config.parallelism());
    }
    return env;
  }

  static void restartStrategy(Configuration conf, RestartConfig restart) {
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, restart.strategy());
    switch (restart.strategy()) {
      case RestartConfig.FIXED -> {
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restart.attempts());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, restart.delay());
      }
      case RestartConfig.EXPONENTIAL -> {
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, restart.delay());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, restart.maxDelay());
      }
      default -> { }
    }
  }

  /**
   * The lines of one input. A file is read whole, paced by {@code fileWatermarks} (its lines are timed after
   * parsing); a Kafka topic per partition, timed in the source with {@code kafkaWatermarks}. Either way a line
   * longer than {@code maxLineBytes} is cut while it is read and handed on as an {@link
   * com.faultlink.io.OversizedLine}, to be dead-lettered; a UTF-8 byte-order mark is dropped.
   */
  static DataStream<String> readLines(StreamExecutionEnvironment env, String name, InputConfig input, int throttle,
      int maxLineBytes, WatermarkStrategy<String> kafkaWatermarks, WatermarkStrategy<String> fileWatermarks) {
    if (input.isKafka()) {
      return KafkaInputs.read(env, name, input.kafka(), kafkaWatermarks, maxLineBytes);
    }
    FileSource<String> source = FileSource
        .forRecordStreamFormat(new BoundedLineFormat(maxLineBytes),
            new org.apache.flink.core.fs.Path(Path.of(input.file()).toUri()))
        .build();
    DataStream<String> lines = env.fromSource(new AlignedFileSource<>(source), fileWatermarks, "Read " + name + " (file)")
        .uid("source-file-" + name);
    if (throttle > 0) {
      lines = lines.map(new LineThrottle(throttle)).uid("throttle-" + name).name("Pace " + name);
    }
    return lines;
  }

  /**
   * Every output stream the pipeline produces, as JSON lines with their Kafka record keys (the README's
   * "Record keys" table), by stream name; the same lines go to files and topics. Streams this configuration
   * does not produce are absent.
   */
  static Map<String, DataStream<KeyedLine>> outputLines(FaultLinkPipeline.Outputs outputs, ZoneId zone) {
    Map<String, DataStream<KeyedLine>> lines = new LinkedHashMap<>();
    lines.put("attributions", json(outputs.attributions(), "attributions",
        a -> new KeyedLine(a.outageId() != null ? a.outageId() : a.complaintId(), OutputJson.attribution(a, zone))));
    lines.put("outage-impacts", json(outputs.outageImpacts(), "outage-impacts",
        i -> new KeyedLine(i.outageId(), OutputJson.outageImpact(i, zone))));
    if (outputs.alerts() != null) {
      lines.put("alerts", json(outputs.alerts(), "alerts", a -> new KeyedLine(a.region(), OutputJson.alert(a, zone))));
    }
    lines.put("metrics", json(outputs.metrics(), "metrics", m -> new KeyedLine(m.region(), OutputJson.metrics(m))));
    if (outputs.goldenWindows() != null) {
      lines.put("golden-windows", json(outputs.goldenWindows(), "golden-windows",
          g -> new KeyedLine(g.region(), OutputJson.goldenWindow(g, zone))));
    }
    if (outputs.burstThresholds() != null) {
      lines.put("burst-thresholds", json(outputs.burstThresholds(), "burst-thresholds",
          b -> new KeyedLine(b.region(), OutputJson.burstThreshold(b, zone))));
    }
    lines.put("dead-letters", json(outputs.deadLetters(), "dead-letters",
        d -> new KeyedLine(d.source(), OutputJson.deadLetter(d))));
    if (outputs.workImpacts() != null) {
      lines.put("work-impacts", json(outputs.workImpacts(), "work-impacts",
          w -> new KeyedLine(w.workId(), OutputJson.workImpact(w, zone))));
    }
    if (outputs.outageStatus() != null) {
      lines.put("outage-status", json(outputs.outageStatus(), "outage-status",
          st -> new KeyedLine(st.outageId(), OutputJson.outageStatus(st, zone))));
    }
    if (outputs.incidents() != null) {
      lines.put("incidents", json(outputs.incidents(), "incidents",
          i -> new KeyedLine(i.incidentId(), OutputJson.incident(i, zone))));
    }
    if (outputs.hotspots() != null) {
      lines.put("hotspots", json(outputs.hotspots(), "hotspots",
          h -> new KeyedLine(h.region(), OutputJson.hotspot(h))));
    }
    if (outputs.openTickets() != null) {
      lines.put("open-tickets", json(outputs.openTickets(), "open-tickets",
          t -> new KeyedLine(t.ticketId(), OutputJson.openTicket(t, zone))));
    }
    if (outputs.ticketMetrics() != null) {
      lines.put("ticket-metrics", json(outputs.ticketMetrics(), "ticket-metrics",
          m -> new KeyedLine(m.region(), OutputJson.ticketMetrics(m))));
    }
    return lines;
  }

  private static <T> DataStream<KeyedLine> json(DataStream<T> records, String stream, OutputLines.ToLine<T> toLine) {
    return records.transform("JSON: " + stream, TypeInformation.of(KeyedLine.class),
        new OutputLines<>(stream, toLine)).uid("json-" + stream);
  }

  /** The analysts' golden-window table: a file only. */
  static void writeGoldenWindowTable(FaultLinkPipeline.Outputs outputs, Path dir, ZoneId zone) {
    if (outputs.goldenWindowTable() != null) {
      FileOutputs.write(outputs.goldenWindowTable().map(r -> OutputJson.goldenScopeReport(r, zone))
          .uid("json-golden-window-table").name("JSON: golden-window table"), dir, "golden-window-table");
    }
  }

  private static JobExecutionResult awaitWithProgress(JobClient client, PrintStream progress) throws Exception {
    CompletableFuture<JobExecutionResult> done = client.getJobExecutionResult();
    long started = System.nanoTime();
    long lastRead = 0;
    long lastAt = started;
    while (true) {
      try {
        return done.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException stillRunning) {
        long read = eventsRead(client);
        long now = System.nanoTime();
        double rate = (read - lastRead) / Math.max(1e-9, (now - lastAt) / 1e9);
        progress.printf("faultlink: %,d events read (%,.0f/s), %ds elapsed%n", read, rate, (now - started) / 1_000_000_000L);
        lastRead = read;
        lastAt = now;
      } catch (ExecutionException e) {
        throw e;
      }
    }
  }

  private static long eventsRead(JobClient client) {
    try {
      Object v = client.getAccumulators().get(1, TimeUnit.SECONDS).get(CounterNames.EVENTS_READ);
      return v instanceof Number ? ((Number) v).longValue() : 0L;
    } catch (Exception e) {
      return 0L;
    }
  }
}
