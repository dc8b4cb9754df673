package com.faultlink.analysis;

import com.faultlink.FaultLinkJob;
import com.faultlink.JobEnvironment;
import com.faultlink.LocalRun;
import com.faultlink.RunProgress;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.LocalJob;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Runs the file pipeline over history on an embedded cluster, as fast as it goes, and reports progress.
 *
 * <p>The job is exactly the one {@code jobs/run-local.sh} runs (same sources, operators, sinks, streaming
 * execution, so the same outputs). What a replay changes is when it checkpoints: a live run checkpoints every
 * {@code checkpointing.interval} to survive failures, but a local replay never restarts (it fails at the
 * first error, like {@code run-local.sh}), and each checkpoint of the heap state backend copies all state —
 * in a profile of the 14-day set about a quarter of the CPU time. A replay therefore takes no periodic
 * checkpoints and triggers one itself once the sources have finished: the final checkpoint that finishes
 * every output file.
 */
public final class ReplayRunner {

  /** Something that wants the number of events read while the job runs. */
  @FunctionalInterface
  public interface Progress {
    void eventsRead(long n);

    Progress NONE = n -> { };
  }

  /** Effectively never: the replay triggers its one checkpoint itself. */
  static final Duration NO_PERIODIC_CHECKPOINTS = Duration.ofDays(365);

  private ReplayRunner() {}

  /** Runs the job to the end of its inputs; returns its counters (the run summary's, by name). */
  public static Map<String, Long> run(FaultLinkConfig config, CellTable cells, RegionTable regions,
      Progress progress) throws Exception {
    StreamExecutionEnvironment env = JobEnvironment.of(config, true);
    FaultLinkJob.build(env, config, cells, regions, true);
    Configuration conf = new Configuration();
    conf.addAll(Configuration.fromMap(env.getConfiguration().toMap()));
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, NO_PERIODIC_CHECKPOINTS);
    env.configure(conf);
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName("FaultLink replay");
    LocalJob job = LocalJob.start(graph, conf);
    JobExecutionResult result = await(job.client(), job.cluster(), progress);
    return LocalRun.finish(config, result, job.client().getJobID());
  }

  private static JobExecutionResult await(JobClient client, MiniCluster cluster, Progress progress) throws Exception {
    CompletableFuture<JobExecutionResult> done = client.getJobExecutionResult();
    CompletableFuture<?> checkpoint = null;
    long reported = 0;
    while (true) {
      try {
        JobExecutionResult result = done.get(500, TimeUnit.MILLISECONDS);
        // A short replay can end before the first poll: the final count is always reported, so a progress
        // display ends on the true total.
        Object total = result.getAllAccumulatorResults().get(CounterNames.EVENTS_READ);
        progress.eventsRead(total instanceof Number ? ((Number) total).longValue() : 0L);
        return result;
      } catch (TimeoutException stillRunning) {
        long read = RunProgress.eventsRead(client);
        if (read > reported) { // an unanswered poll (UNKNOWN) or no news reports nothing: the count never goes back
          progress.eventsRead(read);
          reported = read;
        }
        // Once every source has read its input, the rest of the job drains and then waits for a checkpoint
        // to finish its output files: trigger one (again, should one come too early or fail).
        if ((checkpoint == null || checkpoint.isDone()) && sourcesFinished(cluster, client.getJobID())) {
          checkpoint = trigger(cluster, client.getJobID());
        }
      }
    }
  }

  /** A checkpoint, or nothing where the job (and its per-job cluster) has just finished. */
  private static CompletableFuture<?> trigger(MiniCluster cluster, JobID job) {
    try {
      return cluster.triggerCheckpoint(job).exceptionally(e -> null);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Whether every subtask of every source vertex has finished (a failed or cancelled job: no). */
  static boolean sourcesFinished(MiniCluster cluster, JobID job) {
    try {
      AccessExecutionGraph graph = cluster.getExecutionGraph(job).get(1, TimeUnit.SECONDS);
      if (graph.getState() != JobStatus.RUNNING) {
        return false;
      }
      boolean anySource = false;
      for (AccessExecutionJobVertex v : graph.getVerticesTopologically()) {
        if (v.getName().startsWith("Source:")) {
          anySource = true;
          if (v.getAggregateState() != ExecutionState.FINISHED) {
            return false;
          }
        }
      }
      return anySource;
    } catch (Exception e) {
      return false;
    }
  }
}
