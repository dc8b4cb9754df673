package com.faultlink;

import com.faultlink.config.ConfigException;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.input.EmptyInputs;
import com.faultlink.io.output.FileOutputs;
import com.faultlink.io.output.GoldenWindowTable;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.ReferenceDataException;
import com.faultlink.reference.RegionTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.LatestCheckpoint;
import com.faultlink.runtime.RunSummary;
import com.faultlink.runtime.SinkReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

/**
 * A local run ({@code jobs/run-local.sh}, plain {@code java}): reads the config and reference tables (a problem
 * stops the run here, with one message naming the key or file), runs the job on an embedded MiniCluster to the end
 * of its inputs, shows progress, ends with the run summary and an exit code: 0 done, 1 the run failed, 2 the
 * command line, config or tables are wrong.
 */
public final class LocalRun {
  private LocalRun() {}

  static int main(String[] args, PrintStream err) {
    JobCommandLine line = JobCommandLine.local(args);
    if (line == null) {
      err.println(JobCommandLine.LOCAL_USAGE);
      return 2;
    }
    JobSetup setup;
    try {
      setup = JobSetup.load(line.configFile(), false);
    } catch (ConfigException | ReferenceDataException e) {
      err.println("faultlink: " + e.getMessage());
      return 2;
    }
    FaultLinkConfig config = setup.config();
    String devKey = ConfigLoader.developmentSecretWarning(config);
    if (devKey != null) {
      err.println(devKey);
    }
    EmptyInputs.warnings(config).forEach(err::println);
    String restoreFrom = line.restoreFrom();
    if ("latest".equals(restoreFrom)) {
      // After a crash (kill -9, a lost machine) the run left its last completed checkpoint in checkpointing.dir.
      String folder = config.checkpointing().dir();
      if (folder == null || folder.contains("://")) {
        err.println("faultlink: --restore latest needs checkpointing.dir, a local folder, in " + line.config());
        return 2;
      }
      Optional<Path> latest = LatestCheckpoint.in(Path.of(folder));
      if (latest.isEmpty()) {
        err.println("faultlink: --restore latest: no completed checkpoint in " + folder);
        return 2;
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
      Map<String, Long> counters = run(config, setup.cells(), setup.regions(), err, line.jobName(), extra);
      done(err, line.configFile(), config, started, counters);
      return 0;
    } catch (Exception e) {
      Throwable root = ExceptionUtils.stripExecutionException(e);
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      err.println("faultlink: run failed: " + root.getClass().getSimpleName() + ": " + root.getMessage());
      return 1;
    }
  }

  /** The run summary file beside the outputs, and the last lines: where the outputs are, and the counts. */
  private static void done(PrintStream err, Path configFile, FaultLinkConfig config, Instant started,
      Map<String, Long> counters) throws IOException {
    if (config.sinks().dir() != null) {
      Path dir = Path.of(config.sinks().dir());
      RunSummary.write(dir.resolve("run-summary.json"), configFile, config, started, Instant.now(), counters);
      err.println("faultlink: done. outputs in " + dir + " (" + String.join(", ", FileOutputs.allStreams()) + "; "
          + GoldenWindowTable.FILE + ")");
    }
    if (config.sinks().kafka() != null) {
      err.println("faultlink: done. outputs in Kafka topics " + String.join(", ", config.sinks().kafka().topics()
          .entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList()));
    }
    err.println("faultlink: counts " + counters);
  }

  /** Runs the job to the end of its inputs on an embedded cluster, printing progress; returns its counters. */
  static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions, PrintStream progress,
      String jobName, Configuration extra) throws Exception {
    JobClient client = submit(config, cells, regions, extra, jobName);
    JobExecutionResult result = RunProgress.await(client, progress);
    return finish(config, result, client.getJobID());
  }

  /** Builds the job on an embedded cluster and submits it; returns at once. A file output's folders are emptied. */
  static JobClient submit(FaultLinkConfig config, CellTable cells, RegionTable regions, Configuration extra,
      String jobName) throws Exception {
    StreamExecutionEnvironment env = JobEnvironment.of(config, true, extra);
    FaultLinkJob.build(env, config, cells, regions, true);
    return env.executeAsync(jobName);
  }

  /**
   * What every local run and replay does once its job has finished: writes the analysts' golden-window CSV beside
   * the streams, and returns the job's counters with what the outside sinks did not deliver.
   */
  public static Map<String, Long> finish(FaultLinkConfig config, JobExecutionResult result, JobID job)
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
}
