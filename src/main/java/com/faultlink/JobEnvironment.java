package com.faultlink;

import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.RestartConfig;
import com.faultlink.runtime.ScratchCheckpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's settings: no Kryo, max parallelism, checkpointing (interval, mode, storage), state backend,
 * and, on a cluster, the restart strategy and checkpoints kept on cancellation (to roll back from).
 * Local runs fail at the first error (no restarts), so that a failed run ends with exit 1.
 */
public final class JobEnvironment {
  private JobEnvironment() {}

  public static StreamExecutionEnvironment of(FaultLinkConfig config, boolean local) throws IOException {
    return of(config, local, new Configuration());
  }

  /** The same, with extra Flink settings (restoring from a checkpoint, say). */
  public static StreamExecutionEnvironment of(FaultLinkConfig config, boolean local, Configuration extra)
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
}
