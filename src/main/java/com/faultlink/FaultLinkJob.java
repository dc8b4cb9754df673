package com.faultlink;

import com.faultlink.config.ConfigException;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.InputConfig;
import com.faultlink.io.FileOutputs;
import com.faultlink.io.GoldenWindowTable;
import com.faultlink.io.OutputJson;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.ReferenceDataException;
import com.faultlink.reference.RegionTable;
import com.faultlink.runtime.CounterNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

/**
 * Entry point: {@code FaultLinkJob CONFIG}. Reads the config and reference tables (a problem stops the run
 * here, with one message naming the key or file), wires file sources and sinks around
 * {@link FaultLinkPipeline}, runs it, shows progress and ends with a summary of what was counted.
 */
public final class FaultLinkJob {
  private FaultLinkJob() {}

  public static void main(String[] args) {
    PrintStream err = System.err;
    if (args.length != 1 || args[0].startsWith("-")) {
      err.println("usage: FaultLinkJob CONFIG.yaml");
      System.exit(2);
    }
    FaultLinkConfig config;
    CellTable cells;
    RegionTable regions;
    try {
      config = ConfigLoader.load(Path.of(args[0]));
      cells = CellTable.load(Path.of(config.reference().cells()));
      regions = RegionTable.load(Path.of(config.reference().regions()));
    } catch (ConfigException | ReferenceDataException e) {
      err.println("faultlink: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (ConfigLoader.usesDevelopmentSecret(config)) {
      err.println("faultlink: warning: no privacy.customerKeySecret and no " + ConfigLoader.SECRET_ENV
          + " set; customer keys use the built-in development secret");
    }
    try {
      Map<String, Long> counters = run(config, cells, regions, err);
      Path dir = Path.of(config.sinks().dir());
      writeSummary(dir.resolve("run-summary.json"), counters);
      err.println("faultlink: done. outputs in " + dir + " (" + String.join(", ", FileOutputs.STREAMS) + "; "
          + GoldenWindowTable.FILE + ")");
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

  /** Runs the file pipeline to the end of its inputs; returns the job's counters. */
  public static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions, PrintStream progress)
      throws Exception {
    Path dir = Path.of(config.sinks().dir());
    StreamExecutionEnvironment env = environment(config);
    FaultLinkPipeline.Inputs inputs = new FaultLinkPipeline.Inputs(
        readLines(env, "alarms", config.sources().alarms()),
        readLines(env, "complaints", config.sources().complaints()),
        config.sources().works() == null ? null : readLines(env, "works", config.sources().works()));
    FaultLinkPipeline.Outputs outputs = new FaultLinkPipeline(config, cells, regions).build(inputs);
    FileOutputs.prepare(dir);
    writeFiles(outputs, dir, config.timezone());
    JobClient client = env.executeAsync("FaultLink");
    JobExecutionResult result = awaitWithProgress(client, progress);
    GoldenWindowTable.write(dir);
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String name : CounterNames.ALL) {
      Object v = result.getAllAccumulatorResults().get(name);
      counters.put(name, v instanceof Number ? ((Number) v).longValue() : 0L);
    }
    return counters;
  }

  static StreamExecutionEnvironment environment(FaultLinkConfig config) throws IOException {
    Configuration conf = new Configuration();
    String checkpoints = config.checkpointing().dir() != null
        ? config.checkpointing().dir()
        : Files.createTempDirectory("faultlink-checkpoints").toString();
    // Every event and state type is a POJO; a type that would fall back to Kryo fails the job at start.
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    // Accumulators (the progress line) travel with heartbeats: frequent ones keep the progress current.
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, Path.of(checkpoints).toUri().toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(config.parallelism());
    // File outputs are finished on checkpoints; a bounded run ends with a final one.
    env.enableCheckpointing(config.checkpointing().interval().toMillis());
    return env;
  }

  static DataStream<String> readLines(StreamExecutionEnvironment env, String name, InputConfig input) {
    FileSource<String> source = FileSource
        .forRecordStreamFormat(new TextLineInputFormat("UTF-8"), new org.apache.flink.core.fs.Path(Path.of(input.file()).toUri()))
        .build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Read " + name + " (file)")
        .uid("source-file-" + name);
  }

  static void writeFiles(FaultLinkPipeline.Outputs outputs, Path dir, ZoneId zone) {
    FileOutputs.write(outputs.attributions().map(a -> OutputJson.attribution(a, zone))
        .uid("json-attributions").name("JSON: attributions"), dir, "attributions");
    FileOutputs.write(outputs.outageImpacts().map(i -> OutputJson.outageImpact(i, zone))
        .uid("json-outage-impacts").name("JSON: outage impacts"), dir, "outage-impacts");
    FileOutputs.write(outputs.metrics().map(OutputJson::metrics)
        .uid("json-metrics").name("JSON: metrics"), dir, "metrics");
    FileOutputs.write(outputs.deadLetters().map(OutputJson::deadLetter)
        .uid("json-dead-letters").name("JSON: dead letters"), dir, "dead-letters");
    if (outputs.alerts() != null) {
      FileOutputs.write(outputs.alerts().map(a -> OutputJson.alert(a, zone))
          .uid("json-alerts").name("JSON: alerts"), dir, "alerts");
    }
    if (outputs.goldenWindows() != null) {
      FileOutputs.write(outputs.goldenWindows().map(g -> OutputJson.goldenWindow(g, zone))
          .uid("json-golden-windows").name("JSON: golden windows"), dir, "golden-windows");
    }
    if (outputs.goldenWindowTable() != null) {
      FileOutputs.write(outputs.goldenWindowTable().map(r -> OutputJson.goldenScopeReport(r, zone))
          .uid("json-golden-window-table").name("JSON: golden-window table"), dir, "golden-window-table");
    }
    if (outputs.burstThresholds() != null) {
      FileOutputs.write(outputs.burstThresholds().map(b -> OutputJson.burstThreshold(b, zone))
          .uid("json-burst-thresholds").name("JSON: burst thresholds"), dir, "burst-thresholds");
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

  private static void writeSummary(Path file, Map<String, Long> counters) throws IOException {
    StringBuilder json = new StringBuilder("{");
    counters.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    Files.writeString(file, json.append("}\n").toString());
  }
}
