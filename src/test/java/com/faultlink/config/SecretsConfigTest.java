package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash key is a real secret on Kafka and clusters; passwords come from ${ENV} and are never shown. */
class SecretsConfigTest {
  @TempDir Path dir;
  private String head;
  private String fileSources;

  @BeforeEach
  void files() throws IOException {
    for (String f : List.of("alarms.jsonl", "complaints.jsonl", "cells.csv", "regions.csv")) {
      Files.writeString(dir.resolve(f), "");
    }
    head = String.join("\n",
        "timezone: Asia/Shanghai",
        "reference: {cells: " + dir.resolve("cells.csv") + ", regions: " + dir.resolve("regions.csv") + "}",
        "");
    fileSources = "sources:\n  alarms: {file: " + dir.resolve("alarms.jsonl") + "}\n  complaints: {file: "
        + dir.resolve("complaints.jsonl") + "}\n";
  }

  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
      + "username=\"faultlink\" password=\"${KAFKA_PASSWORD}\";";

  private String kafkaSourceConfig() {
    return head + "sources:\n"
        + "  alarms: {kafka: {bootstrapServers: '127.0.0.1:9092', topic: faultlink.alarms,"
        + " properties: {security.protocol: SASL_SSL, sasl.mechanism: PLAIN, sasl.jaas.config: '" + JAAS + "'}}}\n"
        + "  complaints: {file: " + dir.resolve("complaints.jsonl") + "}\n"
        + "sinks: {dir: " + dir.resolve("out") + "}\n";
  }

  @Test
  void aKafkaSourceWithoutASecretIsRefusedNamingTheKeyAndTheVariable() {
    FaultLinkConfig c = ConfigLoader.parse(kafkaSourceConfig(), Map.of("KAFKA_PASSWORD", "pw"));
    assertThat(ConfigLoader.usesDevelopmentSecret(c)).isTrue();
    assertThatThrownBy(() -> ConfigLoader.requireRealSecret(c, false)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config key 'privacy.customerKeySecret'")
        .hasMessageContaining(ConfigLoader.SECRET_ENV).hasMessageContaining("Kafka");
  }

  @Test
  void aKafkaSinkAloneIsAKafkaJobToo() {
    FaultLinkConfig c = ConfigLoader.parse(head + fileSources
        + "sinks: {kafka: {bootstrapServers: '127.0.0.1:9092', topicPrefix: 'faultlink.'}}\n", Map.of());
    assertThatThrownBy(() -> ConfigLoader.requireRealSecret(c, false)).hasMessageContaining("Kafka");
  }

  @Test
  void aFileRunMayUseTheDevelopmentKeyAndSaysSoButNotOnACluster() {
    FaultLinkConfig c = ConfigLoader.parse(head + fileSources + "sinks: {dir: out}\n", Map.of());
    assertThatCode(() -> ConfigLoader.requireRealSecret(c, false)).doesNotThrowAnyException();
    assertThat(ConfigLoader.developmentSecretWarning(c)).startsWith("faultlink: warning: ")
        .contains("privacy.customerKeySecret").contains(ConfigLoader.SECRET_ENV).doesNotContain("\n");
    assertThatThrownBy(() -> ConfigLoader.requireRealSecret(c, true))
        .hasMessageStartingWith("config key 'privacy.customerKeySecret'").hasMessageContaining("cluster");
  }

  @Test
  void aSecretFromTheEnvironmentOrAnEnvReferenceIsAccepted() {
    FaultLinkConfig fromEnv = ConfigLoader.parse(kafkaSourceConfig(),
        Map.of("KAFKA_PASSWORD", "pw", ConfigLoader.SECRET_ENV, "from-the-environment"));
    assertThat(fromEnv.customerKeySecret()).isEqualTo("from-the-environment");
    assertThatCode(() -> ConfigLoader.requireRealSecret(fromEnv, true)).doesNotThrowAnyException();
    assertThat(ConfigLoader.developmentSecretWarning(fromEnv)).isNull();

    FaultLinkConfig fromRef = ConfigLoader.parse(kafkaSourceConfig()
        + "privacy: {customerKeySecret: '${HASH_KEY}'}\n", Map.of("KAFKA_PASSWORD", "pw", "HASH_KEY", "k8s-secret"));
    assertThat(fromRef.customerKeySecret()).isEqualTo("k8s-secret");
    assertThatCode(() -> ConfigLoader.requireRealSecret(fromRef, false)).doesNotThrowAnyException();
  }

  @Test
  void anEmptySecretIsNoSecret() {
    assertThatThrownBy(() -> ConfigLoader.parse(kafkaSourceConfig() + "privacy: {customerKeySecret: '${HASH_KEY}'}\n",
        Map.of("KAFKA_PASSWORD", "pw", "HASH_KEY", "  ")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("config key 'privacy.customerKeySecret'");
    FaultLinkConfig blankEnv = ConfigLoader.parse(kafkaSourceConfig(),
        Map.of("KAFKA_PASSWORD", "pw", ConfigLoader.SECRET_ENV, " "));
    assertThatThrownBy(() -> ConfigLoader.requireRealSecret(blankEnv, false)).isInstanceOf(ConfigException.class);
  }

  @Test
  void kafkaPasswordsComeFromTheEnvironmentAndAreNeverShown() {
    String password = "Pa55-w0rd-from-env";
    String secret = "hash-key-from-env";
    FaultLinkConfig c = ConfigLoader.parse(kafkaSourceConfig().replace("sinks: {dir: " + dir.resolve("out") + "}",
            "sinks: {dir: " + dir.resolve("out") + ", kafka: {bootstrapServers: '127.0.0.1:9092', topicPrefix: 'f.',"
                + " properties: {sasl.jaas.config: '" + JAAS + "', ssl.key.password: '${KAFKA_PASSWORD}'}}}"),
        Map.of("KAFKA_PASSWORD", password, ConfigLoader.SECRET_ENV, secret));
    String jaas = c.sources().alarms().kafka().properties().get("sasl.jaas.config");
    assertThat(jaas).contains("password=\"" + password + "\"").doesNotContain("${");
    assertThat(c.sinks().kafka().properties().get("sasl.jaas.config")).isEqualTo(jaas);
    assertThat(c.sinks().kafka().properties().get("ssl.key.password")).isEqualTo(password);
    // Whatever prints a config (an exception, a log line, a debugger) shows neither.
    for (String shown : List.of(c.toString(), c.sources().toString(), c.sources().alarms().toString(),
        c.sinks().toString(), c.sinks().kafka().toString())) {
      assertThat(shown).doesNotContain(password).doesNotContain(secret);
    }
    assertThat(c.sources().alarms().kafka().toString()).contains("sasl.jaas.config=***");
  }

  @Test
  void aMissingPasswordVariableStopsTheRunNamingTheKeyNotAValue() {
    assertThatThrownBy(() -> ConfigLoader.parse(kafkaSourceConfig(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.alarms.kafka.properties.sasl.jaas.config")
        .hasMessageContaining("KAFKA_PASSWORD");
  }
}
