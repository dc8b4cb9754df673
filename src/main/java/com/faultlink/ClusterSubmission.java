package com.faultlink;

import com.faultlink.config.ConfigException;
import com.faultlink.reference.ReferenceDataException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code main} on a cluster ({@code flink run}, the REST API's {@code /jars/:id/run}, application mode, the
 * Kubernetes operator), inside the client or the JobManager: builds the same job and submits it under its job name.
 * Detached submissions return at once; an attached {@code flink run} waits for the job, as Flink's does. A bad
 * config or a missing customer-key secret fails the submission with the message a local run prints. It never exits
 * the JVM, never shows progress and never empties output folders: a job resumed from a savepoint continues the
 * files its earlier run wrote.
 */
final class ClusterSubmission {
  private ClusterSubmission() {}

  static void submit(String[] args) throws Exception {
    JobCommandLine line = JobCommandLine.cluster(args);
    JobSetup setup;
    try {
      setup = JobSetup.load(line.configFile(), true);
    } catch (ConfigException | ReferenceDataException e) {
      throw new IllegalArgumentException("faultlink: " + e.getMessage(), e);
    }
    StreamExecutionEnvironment env = JobEnvironment.of(setup.config(), false, new Configuration());
    FaultLinkJob.build(env, setup.config(), setup.cells(), setup.regions(), false);
    env.execute(line.jobName());
  }
}
