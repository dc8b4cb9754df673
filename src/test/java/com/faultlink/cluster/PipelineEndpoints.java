package com.faultlink.cluster;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where a cluster test's job reads and writes: files ({@link FileEndpoints}) or Kafka topics ({@link
 * KafkaEndpoints}).
 */
interface PipelineEndpoints {
  /** The config's {@code sources} and {@code sinks} sections (YAML) for the run named {@code run}. */
  String ioConfig(String run, int throttleEventsPerSecond);

  /** Every output stream of the run, each as its records sorted (equal lists: nothing lost, nothing doubled). */
  Map<String, List<String>> outputs(String run) throws IOException;
}
