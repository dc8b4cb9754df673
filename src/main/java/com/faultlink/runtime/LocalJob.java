package com.faultlink.runtime;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A job on an embedded cluster of its own, with a handle on that cluster: the replay and the benchmark trigger
 * checkpoints and read the execution graph through it, which a {@link JobClient} alone does not offer.
 */
public record LocalJob(JobClient client, MiniCluster cluster) {

  public static LocalJob start(StreamGraph graph, Configuration conf) throws Exception {
    AtomicReference<MiniCluster> cluster = new AtomicReference<>();
    JobClient client = LocalExecutor.createWithFactory(conf, c -> {
      MiniCluster m = new MiniCluster(c);
      cluster.set(m);
      return m;
    }).execute(graph, conf, Thread.currentThread().getContextClassLoader()).get();
    return new LocalJob(client, cluster.get());
  }
}
