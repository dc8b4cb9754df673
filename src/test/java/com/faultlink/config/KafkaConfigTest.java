package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Running on Kafka" keys: read with their defaults, and every mistake named at start. */
class KafkaConfigTest {
  @TempDir Path dir;
  private String head;

  @BeforeEach
  void files() throws IOException {
    for (String f : List.of("complaints.jsonl", "cells.csv", "regions.csv")) {
      Files.writeString(dir.resolve(f), "");
    }
    head = String.join("\n",
        "timezone: Asia/Shanghai",
        "reference: {cells: " + dir.resolve("cells.csv") + ", regions: " + dir.resolve("regions.csv") + "}",
        "");
  }

  private FaultLinkConfig parse(String alarms, String sinks) {
    return ConfigLoader.parse(head + "sources:\n  alarms: " + alarms + "\n  complaints: {file: "
        + dir.resolve("complaints.jsonl") + "}\nsinks: " + sinks + "\n", Map.of());
  }

  private static final String TOPIC = "{kafka: {bootstrapServers: '127.0.0.1:9092', topic: faultlink.alarms}}";
  private static final String TOPICS_OUT = "{kafka: {bootstrapServers: '127.0.0.1:9092', topicPrefix: 'faultlink.'}}";

  @Test
  void theContractsKafkaKeysGetTheDocumentedDefaults() {
    FaultLinkConfig c = parse(TOPIC, TOPICS_OUT);
    InputConfig.KafkaInput in = c.sources().alarms().kafka();
    assertThat(c.sources().alarms().isKafka()).isTrue();
    assertThat(c.sources().complaints().isKafka()).isFalse();
    assertThat(in.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(in.topic()).isEqualTo("faultlink.alarms");
    assertThat(in.bounded()).isFalse();
    assertThat(in.groupId()).isEqualTo("faultlink");
    assertThat(in.startingOffsets()).isEqualTo(InputConfig.StartingOffsets.COMMITTED);
    assertThat(in.idleTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(in.properties()).isEmpty();

    SinksConfig.KafkaSink out = c.sinks().kafka();
    assertThat(c.sinks().dir()).isNull();
    assertThat(out.topic("alerts")).isEqualTo("faultlink.alerts");
    assertThat(out.topic("dead-letters")).isEqualTo("faultlink.dead-letters");
    assertThat(out.transactionalIdPrefix()).isEqualTo("faultlink");
    assertThat(out.transactionTimeout()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aBoundedReplayStartsAtTheEarliestOffsetByDefault() {
    FaultLinkConfig c = parse("{kafka: {bootstrapServers: b:9092, topic: t, bounded: true}}", TOPICS_OUT);
    assertThat(c.sources().alarms().kafka().startingOffsets()).isEqualTo(InputConfig.StartingOffsets.EARLIEST);
  }

  @Test
  void everyOptionalKeyIsRead() {
    FaultLinkConfig c = parse("{kafka: {bootstrapServers: b:9092, topic: t, groupId: noc, idleTimeout: PT0S,"
        + " startingOffsets: '2026-10-05T00:00:00+08:00', properties: {security.protocol: SASL_SSL,"
        + " max.poll.records: 100}}}",
        "{dir: " + dir.resolve("out") + ", kafka: {bootstrapServers: b:9092, topicPrefix: fl., transactionalIdPrefix:"
        + " fl-prod, transactionTimeout: PT5M, topics: {alerts: noc.alerts}, properties: {compression.type: lz4}}}");
    InputConfig.KafkaInput in = c.sources().alarms().kafka();
    assertThat(in.groupId()).isEqualTo("noc");
    assertThat(in.idleTimeout()).isZero();
    assertThat(in.startingOffsets()).isEqualTo(InputConfig.StartingOffsets.TIMESTAMP);
    assertThat(in.startTimestamp()).isEqualTo(1_791_129_600_000L);
    assertThat(in.properties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("max.poll.records", "100");
    SinksConfig.KafkaSink out = c.sinks().kafka();
    assertThat(c.sinks().dir()).endsWith("out");
    assertThat(out.topic("alerts")).isEqualTo("noc.alerts");
    assertThat(out.topic("metrics")).isEqualTo("fl.metrics");
    assertThat(out.transactionalIdPrefix()).isEqualTo("fl-prod");
    assertThat(out.transactionTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(out.properties()).containsEntry("compression.type", "lz4");
  }

  @Test
  void aMissingTopicIsNamed() {
    assertThatThrownBy(() -> parse("{kafka: {bootstrapServers: b:9092}}", TOPICS_OUT))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sources.alarms.kafka.topic' is missing");
  }

  @Test
  void aMissingTopicPrefixIsNamed() {
    assertThatThrownBy(() -> parse(TOPIC, "{kafka: {bootstrapServers: b:9092}}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sinks.kafka.topicPrefix' is missing");
  }

  @Test
  void anUnknownKafkaKeyIsNamedWithItsPath() {
    assertThatThrownBy(() -> parse("{kafka: {bootstrapServers: b:9092, topic: t, bounde: true}}", TOPICS_OUT))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sources.alarms.kafka.bounde'");
    assertThatThrownBy(() -> parse(TOPIC, "{kafka: {bootstrapServers: b:9092, topicPrefix: p, topicprefix: q}}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sinks.kafka.topicprefix'");
  }

  @Test
  void anInputIsAFileOrATopicNotBoth() {
    assertThatThrownBy(() -> parse("{file: " + dir.resolve("complaints.jsonl") + ", kafka: {bootstrapServers: b:9092,"
        + " topic: t}}", TOPICS_OUT))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sources.alarms' needs exactly one of");
    assertThatThrownBy(() -> parse("{}", TOPICS_OUT))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sources.alarms' needs exactly one of");
  }

  @Test
  void outputsGoSomewhere() {
    assertThatThrownBy(() -> parse(TOPIC, "{}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sinks.dir' is missing");
  }

  @Test
  void settingsFaultLinkMakesItselfAreNotPassedThrough() {
    assertThatThrownBy(() -> parse("{kafka: {bootstrapServers: b:9092, topic: t, properties: {group.id: x}}}",
        TOPICS_OUT))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sources.alarms.kafka.properties.group.id'");
    assertThatThrownBy(() -> parse(TOPIC, "{kafka: {bootstrapServers: b:9092, topicPrefix: p,"
        + " properties: {transaction.timeout.ms: 3600000}}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sinks.kafka.properties.transaction.timeout.ms'");
  }

  @Test
  void aTopicOverrideMustNameAStream() {
    assertThatThrownBy(() -> parse(TOPIC, "{kafka: {bootstrapServers: b:9092, topicPrefix: p, topics: {alert: a}}}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sinks.kafka.topics.alert'");
  }

  @Test
  void badStartingOffsetsAreNamed() {
    assertThatThrownBy(() -> parse("{kafka: {bootstrapServers: b:9092, topic: t, startingOffsets: newest}}",
        TOPICS_OUT))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sources.alarms.kafka.startingOffsets'");
  }

  @Test
  void theTransactionTimeoutMustOutlastACheckpointInterval() {
    assertThatThrownBy(() -> ConfigLoader.parse(head + "sources:\n  alarms: " + TOPIC + "\n  complaints: " + TOPIC
        + "\nsinks: {kafka: {bootstrapServers: b:9092, topicPrefix: p, transactionTimeout: PT10S}}\n"
        + "checkpointing: {interval: PT30S}\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sinks.kafka.transactionTimeout'");
  }

  @Test
  void theCommittedKafkaConfigIsValid() {
    FaultLinkConfig c = ConfigLoader.load(Path.of("config/faultlink-kafka.yaml"));
    assertThat(c.sources().alarms().kafka().bounded()).isTrue();
    assertThat(c.sources().works().isKafka()).isFalse();
    assertThat(c.sinks().kafka().topic("alerts")).isEqualTo("faultlink.alerts");
  }
}
