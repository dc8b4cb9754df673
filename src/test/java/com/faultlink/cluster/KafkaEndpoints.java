package com.faultlink.cluster;

import com.faultlink.LocalKafkaBroker;
import com.faultlink.config.SinksConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The production path: the sample loaded into topics of a real broker ({@code in.*}, two partitions), each run
 * reading them with its own consumer group and writing {@code <run>.<stream>} with its own transactional ids;
 * outputs read back with {@code read_committed}, as the README tells consumers to.
 */
final class KafkaEndpoints implements PipelineEndpoints {
  private final Path samples = Path.of("sample-data").toAbsolutePath();
  private final LocalKafkaBroker broker;

  KafkaEndpoints(LocalKafkaBroker broker) {
    this.broker = broker;
  }

  /** Paced runs read one message per fetch ({@link LocalKafkaBroker#SLOW_CONSUMER}), whatever the pace. */
  @Override
  public String ioConfig(String run, int throttleEventsPerSecond) {
    String b = broker.bootstrap();
    String kafka = "bootstrapServers: '" + b + "', bounded: true, groupId: " + run + ", properties: "
        + (throttleEventsPerSecond > 0 ? LocalKafkaBroker.SLOW_CONSUMER : "{}");
    return String.join("\n",
        "sources:",
        "  alarms: {kafka: {topic: in.alarms, " + kafka + "}}",
        "  complaints: {kafka: {topic: in.complaints, " + kafka + "}}",
        "  works: {kafka: {topic: in.works, " + kafka + "}}",
        "reference:",
        "  cells: " + samples.resolve("cells.csv"),
        "  regions: " + samples.resolve("regions.csv"),
        "sinks:",
        "  kafka: {bootstrapServers: '" + b + "', topicPrefix: " + run + "., transactionalIdPrefix: " + run + "}",
        "");
  }

  @Override
  public Map<String, List<String>> outputs(String run) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String stream : SinksConfig.STREAMS) {
      List<String> values = new ArrayList<>();
      for (LocalKafkaBroker.Message m : broker.readAll(run + "." + stream, "read_committed")) {
        values.add(m.value());
      }
      values.sort(null);
      out.put(stream, values);
    }
    return out;
  }
}
