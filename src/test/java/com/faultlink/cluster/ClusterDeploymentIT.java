package com.faultlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.LocalKafkaBroker;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.monitoring.RealPrometheus;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * FaultLink in production shape: a real standalone Flink cluster (JobManager and TaskManagers as separate
 * processes, started by {@code jobs/cluster-local.sh}) reading and writing a real Kafka broker (Kafka's own,
 * in its own process, started by {@code jobs/kafka-local.sh}), against a clean run of the same sample from
 * files on an embedded cluster: a killed TaskManager, a stop with savepoint and a resume at another
 * parallelism each end with exactly the clean run's records for a {@code read_committed} consumer. The
 * sources fetch one message at a time so the job is mid-stream when the test acts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterDeploymentIT {
  /** Any pace: Kafka runs read one message per fetch, the sample in about 20 s. */
  private static final int PACE = 250;
  /** Every line of the sample's three inputs: what a run from the start reads. */
  private static final long SAMPLE_LINES = sampleLines("alarms.jsonl") + sampleLines("complaints.jsonl")
      + sampleLines("works.jsonl");

  private static long sampleLines(String file) {
    try {
      return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("sample-data", file)),
          java.nio.charset.StandardCharsets.UTF_8).lines().count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir static Path work;
  private LocalFlinkCluster cluster;
  private LocalKafkaBroker broker;
  private PipelineEndpoints io;
  private Map<String, List<String>> clean;

  @BeforeAll
  void startTheClusterAndRunCleanly() throws Exception {
    broker = LocalKafkaBroker.start(work.resolve("kafka"));
    broker.loadSample(2);
    io = new FileEndpoints(work);
    cluster = new LocalFlinkCluster(Files.createDirectories(work.resolve("cluster")));
    long t0 = System.nanoTime();
    assertThat(cluster.start()).isEqualTo("http://127.0.0.1:" + cluster.restPort);
    System.out.printf("cluster started in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    FaultLinkConfig config = ConfigLoader.load(writeConfig("clean", 0, "")).withParallelism(2);
    FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));
    clean = io.outputs("clean");
    assertThat(clean.get("attributions")).hasSizeGreaterThan(6000);
    io = new KafkaEndpoints(broker);
  }

  @AfterAll
  void stopTheClusterAndTheBroker() {
    if (cluster != null) {
      cluster.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private Path writeConfig(String run, int pace, String extra) throws IOException {
    Path file = work.resolve(run + ".yaml");
    Files.writeString(file, "timezone: Asia/Shanghai\n" + io.ioConfig(run, pace)
        + "checkpointing: {interval: PT1S}\n" + extra);
    return file;
  }

  private String submit(String... args) {
    String job = cluster.run(args);
    assertThat(job).as("the job id").matches("[0-9a-f]{32}");
    return job;
  }

  private void awaitMidStream(String job) {
    LocalFlinkCluster.await("a completed checkpoint", Duration.ofSeconds(120),
        () -> cluster.completedCheckpoints(job) >= 1 && "RUNNING".equals(cluster.jobState(job)));
  }

  private long eventsRead(String job) {
    for (JsonNode acc : cluster.get("/jobs/" + job + "/accumulators").path("user-task-accumulators")) {
      if ("eventsRead".equals(acc.path("name").asText())) {
        return Long.parseLong(acc.path("value").asText());
      }
    }
    return 0;
  }

  @Test
  void aKilledTaskManagerIsRecoveredFromWithNothingLostAndNothingDoubled() throws Exception {
    String job = submit("submit", writeConfig("kill", PACE, "").toString());
    awaitMidStream(job);

    long killedAt = System.currentTimeMillis();
    cluster.killTaskManager(1);
    cluster.run("add-taskmanager");
    assertThat(cluster.run("status")).contains("taskmanager-1 pid").contains("dead")
        .contains("taskmanager-2 pid").contains(job);
    cluster.awaitJobState(job, Duration.ofMinutes(4), "FINISHED"::equals);

    JsonNode restored = cluster.get("/jobs/" + job + "/checkpoints").path("latest").path("restored");
    assertThat(restored.isMissingNode() || restored.isNull()).as("the job restored a checkpoint").isFalse();
    System.out.printf("TaskManager killed mid-stream: restored checkpoint %d %.1f s after the kill%n",
        restored.path("id").asLong(), (restored.path("restore_timestamp").asLong() - killedAt) / 1e3);

    assertThat(io.outputs("kill")).isEqualTo(clean);
  }

  @Test
  void aJobStoppedWithASavepointResumesAtAnotherParallelismAndContinuesItsOutputs() throws Exception {
    Path config = writeConfig("upgrade", PACE, "state: {backend: rocksdb}\n");
    String first = submit("submit", config.toString(), "--parallelism", "2");
    awaitMidStream(first);

    // A stop-with-savepoint that a task declines leaves the job running; an operator tries again. It was seen
    // declined ("Task local checkpoint failure") in about one run in three on the shared machine, cause not yet
    // found: the first failure is printed with the TaskManagers' errors, and a second failure fails the test.
    String savepoint;
    try {
      savepoint = cluster.run("savepoint", first, "--stop");
    } catch (IllegalStateException declined) {
      System.out.println("savepoint declined once, trying again: " + declined.getMessage());
      savepoint = cluster.run("savepoint", first, "--stop");
    }
    assertThat(savepoint).startsWith("file:");
    // the savepoint completes a moment before the job's last tasks have finished
    cluster.awaitJobState(first, Duration.ofSeconds(60), "FINISHED"::equals);
    long readBefore = eventsRead(first);

    String second = submit("submit", config.toString(), "--parallelism", "1", "--from-savepoint", savepoint);
    cluster.awaitJobState(second, Duration.ofMinutes(4), "FINISHED"::equals);
    JsonNode vertices = cluster.get("/jobs/" + second).path("vertices");
    assertThat(vertices).allSatisfy(v -> assertThat(v.path("parallelism").asInt()).isEqualTo(1));
    long readAfter = eventsRead(second);
    System.out.printf("savepoint %s: %d lines read before it, %d after%n", savepoint, readBefore, readAfter);
    assertThat(readAfter).as("the resumed job continues where the savepoint was taken")
        .isPositive().isLessThan(SAMPLE_LINES);

    assertThat(io.outputs("upgrade")).isEqualTo(clean);
  }

  @Test
  void theTaskManagersPrometheusEndpointServesFaultLinksMetricsAndPrometheusScrapesThem() throws Exception {
    // Prometheus (Debian's, with the shipped jobs/prometheus config and rules) scrapes the cluster from before
    // the job starts, so that it sees the job while it runs.
    try (RealPrometheus prometheus = RealPrometheus.start(work.resolve("prometheus"), cluster.prometheusFirstPort)) {
      String job = submit("submit", writeConfig("metrics", PACE, "").toString());
      awaitMidStream(job);
      scrapedDirectly();
      scrapedByPrometheus(prometheus, job);
      cluster.run("cancel", job);
      assertThat(cluster.jobState(job)).isEqualTo("CANCELED");
    }
  }

  private void scrapedDirectly() {
    Set<String> wanted = Set.of("_eventsRead", "_deadLetters", "_lateEvents", "_duplicateEvents", "_openOutages",
        "_recordsWritten", "_watermarkLagMillis", "_numRecordsIn", "_numRecordsOut");
    String[] scrape = {null};
    LocalFlinkCluster.await("FaultLink's metrics on a Prometheus endpoint", Duration.ofSeconds(60), () -> {
      for (int port = cluster.prometheusFirstPort; port < cluster.prometheusFirstPort + 8; port++) {
        String body = cluster.text("http://127.0.0.1:" + port + "/metrics");
        if (body != null && wanted.stream().allMatch(body::contains)) {
          scrape[0] = body;
          return true;
        }
      }
      return false;
    });
    assertThat(scrape[0]).contains("flink_taskmanager_job_task_operator_eventsRead")
        .contains("stream=\"attributions\"");
  }

  /** Prometheus has FaultLink's series under the names jobs/prometheus/rules.yml uses, and has loaded the rules. */
  private void scrapedByPrometheus(RealPrometheus prometheus, String job) {
    String read = "sum(flink_taskmanager_job_task_operator_eventsRead{job_id=\"" + job + "\"})";
    double[] value = {Double.NaN};
    LocalFlinkCluster.await("events read, scraped by Prometheus", Duration.ofSeconds(60), () -> {
      value[0] = prometheus.value(read);
      return value[0] > 0;
    });
    assertThat(cluster.jobState(job)).as("scraped while the job runs").isEqualTo("RUNNING");
    System.out.printf("Prometheus: %s = %.0f while the job runs%n", read, value[0]);
    assertThat(prometheus.value("up{job=\"flink-jobmanager\"}")).as("the JobManager scraped").isEqualTo(1.0);
    for (String series : List.of("flink_taskmanager_job_task_operator_deadLetters",
        "flink_taskmanager_job_task_operator_stream_watermarkLagMillis",
        "flink_jobmanager_job_numberOfCompletedCheckpoints", "flink_jobmanager_job_numberOfFailedCheckpoints",
        "flink_jobmanager_job_numRestarts")) {
      assertThat(prometheus.query(series + "{job_id=\"" + job + "\"}")).as("a rule's metric: %s", series)
          .isNotEmpty();
    }
    assertThat(prometheus.value("sum(flink_jobmanager_job_numberOfCompletedCheckpoints{job_id=\"" + job + "\"})"))
        .as("the checkpoint awaited above").isGreaterThanOrEqualTo(1.0);
    JsonNode groups = prometheus.api("rules").path("groups");
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).path("rules")).as("rules.yml loaded").hasSize(10);
  }
}
