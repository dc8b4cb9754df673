package com.faultlink.bench;

import com.faultlink.runtime.LocalJob;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * One embedded cluster for a benchmark's warm-up and its measured run, as one long-lived TaskManager runs job after
 * job. On a cluster of its own each, the measured run started Flink's RPC system in a fresh class loader again (the
 * compiler threads took 10–12 CPU s of a province-month's measured run then, 4–11 s on one cluster).
 */
final class BenchCluster {
  private static final String TARGET = "faultlink-bench-cluster";

  private BenchCluster() {}

  /** A benchmark's main body. */
  interface Body {
    void run() throws Exception;
  }

  /**
   * Runs {@code body} and exits the JVM, 1 if it threw: a cluster kept for the measured run would otherwise keep the
   * JVM, and {@code bench.sh} with it, waiting after a failure.
   */
  static void exitAfter(Body body) {
    try {
      body.run();
    } catch (Throwable failed) {
      failed.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  /** A cluster as {@link LocalJob#start} makes one for a job at this parallelism, kept for the next job. */
  static MiniCluster start(Configuration conf, int parallelism) throws Exception {
    Configuration c = new Configuration(conf);
    c.set(RestOptions.BIND_PORT, "0");
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(c)
        .setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).setRpcServiceSharing(RpcServiceSharing.SHARED)
        .build());
    cluster.start();
    return cluster;
  }

  static LocalJob submit(MiniCluster cluster, StreamGraph graph) throws Exception {
    return new LocalJob(submitAsync(cluster, graph, BenchCluster.class.getClassLoader()).get(), cluster);
  }

  private static CompletableFuture<JobClient> submitAsync(MiniCluster cluster, StreamGraph graph, ClassLoader loader) {
    return cluster.submitJob(graph).thenApply(submitted -> new MiniClusterJobClient(submitted.getJobID(), cluster,
        loader, MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
  }

  /** An environment whose jobs (a table environment's too) run on {@code cluster}. */
  static StreamExecutionEnvironment environment(MiniCluster cluster, Configuration conf) {
    PipelineExecutor onCluster = (pipeline, configuration, loader) ->
        submitAsync(cluster, (StreamGraph) pipeline, loader);
    PipelineExecutorFactory factory = new PipelineExecutorFactory() {
      @Override
      public String getName() {
        return TARGET;
      }

      @Override
      public boolean isCompatibleWith(Configuration configuration) {
        return TARGET.equals(configuration.get(DeploymentOptions.TARGET));
      }

      @Override
      public PipelineExecutor getExecutor(Configuration configuration) {
        return onCluster;
      }
    };
    PipelineExecutorServiceLoader executors = new PipelineExecutorServiceLoader() {
      @Override
      public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
        return factory;
      }

      @Override
      public Stream<String> getExecutorNames() {
        return Stream.of(TARGET);
      }
    };
    Configuration c = new Configuration(conf);
    c.set(DeploymentOptions.TARGET, TARGET);
    return new StreamExecutionEnvironment(executors, c, BenchCluster.class.getClassLoader());
  }
}
