package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the output streams go: {@code dir} holds one folder per stream, {@code kafka} one topic per stream.
 * At least one of the two is set; with both, every stream is written to both.
 */
public record SinksConfig(String dir, KafkaSink kafka, AlertmanagerConfig alertmanager, JdbcConfig jdbc)
    implements Serializable {

  /**
   * Every output stream that goes to a topic: the contract's seven, in the order the README lists them, then
   * FaultLink's planned-work impacts, live outage status, incidents, weekly hotspots, the overdue-ticket worklist and the ticket
   * figures per tier (the analysts' golden-window table is a file only).
   */
  public static final List<String> STREAMS = List.of(
      "attributions", "outage-impacts", "alerts", "metrics", "golden-windows", "burst-thresholds", "dead-letters",
      "work-impacts", "outage-status", "incidents", "hotspots", "open-tickets", "ticket-metrics");

  /** A file sink only (tests, tools). */
  public SinksConfig(String dir) {
    this(dir, null, null, null);
  }

  /**
   * The output topics.
   *
   * @param topics the topic of each stream: {@code <topicPrefix><stream>} unless overridden
   * @param transactionalIdPrefix prefix of the sinks' Kafka transactional ids; each stream adds {@code -<stream>}.
   *     Two jobs writing to the same cluster must not share it.
   * @param transactionTimeout {@code transaction.timeout.ms}: at most the broker's {@code
   *     transaction.max.timeout.ms}; bounds how long a job may be down before its prepared output is aborted
   * @param properties Kafka producer settings passed through as they are (security, batching, timeouts)
   */
  public record KafkaSink(
      String bootstrapServers,
      String topicPrefix,
      Map<String, String> topics,
      String transactionalIdPrefix,
      Duration transactionTimeout,
      Map<String, String> properties)
      implements Serializable {

    /** Without the values of {@code properties}: they hold passwords ({@code sasl.jaas.config}, ssl.*). */
    @Override
    public String toString() {
      return "KafkaSink[bootstrapServers=" + bootstrapServers + ", topicPrefix=" + topicPrefix + ", topics=" + topics
          + ", transactionalIdPrefix=" + transactionalIdPrefix + ", transactionTimeout=" + transactionTimeout
          + ", properties=" + InputConfig.valuesHidden(properties) + "]";
    }

    public String topic(String stream) {
      return topics.get(stream);
    }
  }

  /** Producer settings that FaultLink sets itself, each from its own key. */
  static final Set<String> RESERVED_PRODUCER_PROPERTIES = Set.of(
      "bootstrap.servers", "transactional.id", "transaction.timeout.ms", "key.serializer", "value.serializer",
      "enable.idempotence");

  static SinksConfig read(ConfigNode node, Map<String, String> env) {
    KafkaSink kafka = node.has("kafka") ? kafka(node.child("kafka")) : null;
    String dir = node.outputDir("dir", kafka == null);
    if (kafka == null) {
      node.child("kafka");
    }
    AlertmanagerConfig am = node.has("alertmanager") ? AlertmanagerConfig.read(node.child("alertmanager"), env) : null;
    if (am == null) {
      node.child("alertmanager");
    }
    JdbcConfig jdbc = node.has("jdbc") ? JdbcConfig.read(node.child("jdbc"), env) : null;
    if (jdbc == null) {
      node.child("jdbc");
    }
    return new SinksConfig(dir, kafka, am, jdbc);
  }

  private static KafkaSink kafka(ConfigNode k) {
    String servers = k.requiredString("bootstrapServers");
    String prefix = k.requiredString("topicPrefix");
    Map<String, String> overrides = k.stringMap("topics", Set.of());
    for (String stream : overrides.keySet()) {
      if (!STREAMS.contains(stream)) {
        throw new ConfigException("config key '" + k.keyPath("topics") + "." + stream + "': not an output stream ("
            + String.join(", ", STREAMS) + ")");
      }
    }
    Map<String, String> topics = new LinkedHashMap<>();
    for (String stream : STREAMS) {
      topics.put(stream, overrides.getOrDefault(stream, prefix + stream));
    }
    String txPrefix = k.string("transactionalIdPrefix", "faultlink");
    Duration timeout = k.duration("transactionTimeout", Duration.ofMinutes(15), false);
    Map<String, String> props = k.stringMap("properties", RESERVED_PRODUCER_PROPERTIES);
    return new KafkaSink(servers, prefix, Map.copyOf(topics), txPrefix, timeout, props);
  }

  public SinksConfig withDir(String newDir) {
    return new SinksConfig(newDir, kafka, alertmanager, jdbc);
  }

  public SinksConfig withKafka(KafkaSink newKafka) {
    return new SinksConfig(dir, newKafka, alertmanager, jdbc);
  }

  public SinksConfig withAlertmanager(AlertmanagerConfig am) {
    return new SinksConfig(dir, kafka, am, jdbc);
  }

  public SinksConfig withJdbc(JdbcConfig j) {
    return new SinksConfig(dir, kafka, alertmanager, j);
  }
}
