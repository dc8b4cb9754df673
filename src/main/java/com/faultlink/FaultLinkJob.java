package com.faultlink;

import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.PrintStream;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point: {@code FaultLinkJob CONFIG}, in two settings. Run by {@code java} ({@code jobs/run-local.sh}) it is
 * a {@link LocalRun}: the job on an embedded MiniCluster to the end of its inputs, with progress, a run summary and
 * an exit code. Run by a cluster's client or JobManager ({@code flink run}, REST, application mode, the Kubernetes
 * operator) it is a {@link ClusterSubmission}: the same job, submitted. Either way the job is {@link #build}: the
 * configured sources ({@link JobInputs}) → {@link FaultLinkPipeline} → the configured sinks ({@link JobOutputs}),
 * with the settings of {@link JobEnvironment}.
 */
public final class FaultLinkJob {
  private FaultLinkJob() {}

  public static void main(String[] args) throws Exception {
    if (!(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment)) {
      ClusterSubmission.submit(args);
      return;
    }
    System.exit(LocalRun.main(args, System.err));
  }

  /**
   * Sources (files or Kafka topics) → pipeline → sinks (files, Kafka topics, Alertmanager, database). A local
   * run replaces the output folders; a cluster run keeps them.
   */
  public static void build(StreamExecutionEnvironment env, FaultLinkConfig config, CellTable cells, RegionTable regions,
      boolean replaceOutputs) {
    FaultLinkPipeline.Inputs inputs = JobInputs.read(env, config, cells);
    FaultLinkPipeline.Outputs outputs = new FaultLinkPipeline(config, cells, regions).build(inputs);
    JobOutputs.write(outputs, config, replaceOutputs);
  }

  /** Runs the job to the end of its inputs on an embedded cluster (tests, tools); returns the job's counters. */
  public static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions, PrintStream progress)
      throws Exception {
    return run(config, cells, regions, progress, new Configuration());
  }

  /** The same, with extra Flink settings (e.g. {@code execution.state-recovery.path} to resume from a checkpoint). */
  public static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions, PrintStream progress,
      Configuration extra) throws Exception {
    return LocalRun.run(config, cells, regions, progress, "FaultLink", extra);
  }

  /**
   * Builds the job on an embedded cluster from the config's sources and sinks (files, Kafka topics, or both)
   * and submits it; returns at once. A file output's folders are emptied first.
   */
  public static JobClient submit(FaultLinkConfig config, CellTable cells, RegionTable regions, Configuration extra)
      throws Exception {
    return LocalRun.submit(config, cells, regions, extra, "FaultLink");
  }
}
