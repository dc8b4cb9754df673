package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.faultlink.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's entry point as an operator meets it ({@code java ... FaultLinkJob CONFIG}, as jobs/run-local.sh runs it,
 * in a process of its own): a Kafka job without a hash secret does not start (exit 2, one line naming the key); a file
 * run starts with the development key and says so once; a cluster submission without one fails.
 */
class SecretRefusalTest {
  @TempDir Path dir;
  private String head;

  @BeforeEach
  void files() throws IOException {
    for (String f : List.of("alarms.jsonl", "complaints.jsonl")) {
      Files.writeString(dir.resolve(f), "");
    }
    head = String.join("\n",
        "timezone: Asia/Shanghai",
        "reference: {cells: " + Path.of("sample-data/cells.csv").toAbsolutePath() + ", regions: "
            + Path.of("sample-data/regions.csv").toAbsolutePath() + "}",
        "");
  }

  private static JobProcess.Outcome main(Path config, Map<String, String> env) throws Exception {
    return JobProcess.main(config, env);
  }

  private Path kafkaConfig() throws IOException {
    // The broker is never contacted: the job refuses before it builds anything.
    return Files.writeString(dir.resolve("kafka.yaml"), head
        + "sources:\n"
        + "  alarms: {kafka: {bootstrapServers: '127.0.0.1:1', topic: faultlink.alarms, bounded: true}}\n"
        + "  complaints: {file: " + dir.resolve("complaints.jsonl") + "}\n"
        + "sinks: {dir: " + dir.resolve("out") + "}\n");
  }

  @Test
  void aKafkaJobWithoutASecretExitsTwoWithOneLineNamingTheKey() throws Exception {
    JobProcess.Outcome o = main(kafkaConfig(), Map.of());
    assertThat(o.exit()).as("%s", o.stderr()).isEqualTo(2);
    List<String> ours = o.stderr().stream().filter(l -> l.startsWith("faultlink:")).toList();
    assertThat(ours).hasSize(1);
    assertThat(ours.get(0)).startsWith("faultlink: config key 'privacy.customerKeySecret'")
        .contains(ConfigLoader.SECRET_ENV).contains("Kafka");
  }

  @Test
  void aFileRunUsesTheDevelopmentKeyAndSaysSoOnce() throws Exception {
    Path config = Files.writeString(dir.resolve("file.yaml"), head
        + "sources:\n"
        + "  alarms: {file: " + dir.resolve("alarms.jsonl") + "}\n"
        + "  complaints: {file: " + dir.resolve("complaints.jsonl") + "}\n"
        + "sinks: {dir: " + dir.resolve("out") + "}\n");
    JobProcess.Outcome o = main(config, Map.of());
    assertThat(o.exit()).as("%s", o.stderr()).isZero();
    assertThat(o.stderr().stream().filter(l -> l.contains("development key"))).hasSize(1);
    assertThat(o.stderr()).contains(ConfigLoader.developmentSecretWarning(ConfigLoader.load(config, Map.of())));

    // With a secret there is no warning: SecretsConfigTest (developmentSecretWarning is null).
  }

  @Test
  void aClusterSubmissionWithoutASecretFailsNamingTheKey() throws Exception {
    Path config = Files.writeString(dir.resolve("cluster.yaml"), head
        + "sources:\n"
        + "  alarms: {file: " + dir.resolve("alarms.jsonl") + "}\n"
        + "  complaints: {file: " + dir.resolve("complaints.jsonl") + "}\n"
        + "sinks: {dir: " + dir.resolve("out") + "}\n"
        + "privacy: {customerKeySecret: '${FAULTLINK_TEST_UNSET_SECRET_VARIABLE}'}\n");
    // A reference to a variable that is not set: the submission names the key and the variable.
    assertThatThrownBy(() -> ClusterSubmission.submit(new String[] {config.toString()}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("privacy.customerKeySecret").hasMessageContaining("FAULTLINK_TEST_UNSET_SECRET_VARIABLE");
    // No secret at all (the environment's variable aside): the development key is refused on a cluster.
    Path plain = Files.writeString(dir.resolve("cluster-plain.yaml"),
        Files.readString(config).replaceAll("privacy: .*\n", ""));
    if (System.getenv(ConfigLoader.SECRET_ENV) == null) {
      assertThatThrownBy(() -> ClusterSubmission.submit(new String[] {plain.toString()}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("faultlink: config key 'privacy.customerKeySecret'").hasMessageContaining("cluster");
    }
  }
}
