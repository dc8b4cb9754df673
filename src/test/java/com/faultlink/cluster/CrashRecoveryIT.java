package com.faultlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.FaultLinkJob;
import com.faultlink.LocalKafkaBroker;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes, not clean stops: the job's own process ({@code jobs/run-local.sh}, Kafka in and out) killed with
 * SIGKILL and restarted from its last checkpoint ({@code --restore}), and the Kafka broker killed with SIGKILL
 * and started again while the job runs. Both end with exactly a clean file run's records for a {@code
 * read_committed} consumer: nothing lost, nothing doubled. The sources fetch one message at a time, so each run
 * takes tens of seconds and the crash falls mid-stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {
  private static final Path RUN_LOCAL = Path.of("jobs", "run-local.sh").toAbsolutePath();
  /** Both runs hash subscribers with the same key, so that their outputs can be compared. */
  private static final String PRIVACY = "privacy: {customerKeySecret: crash-recovery-test-secret}\n";

  /** Kept when a test fails: the job processes' logs are in {@code <run>.log}. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path work;
  private LocalKafkaBroker broker;
  private KafkaEndpoints kafka;
  private Map<String, List<String>> clean;

  @BeforeAll
  void brokerSampleTopicsAndACleanFileRun() throws Exception {
    broker = LocalKafkaBroker.start(work.resolve("kafka"));
    broker.loadSample(2);
    kafka = new KafkaEndpoints(broker);

    FileEndpoints files = new FileEndpoints(work);
    Path config = work.resolve("clean.yaml");
    Files.writeString(config, "timezone: Asia/Shanghai\nparallelism: 2\n" + files.ioConfig("clean", 0) + PRIVACY);
    FaultLinkConfig c = ConfigLoader.load(config);
    FaultLinkJob.run(c, CellTable.load(Path.of(c.reference().cells())),
        RegionTable.load(Path.of(c.reference().regions())), new PrintStream(new ByteArrayOutputStream()));
    clean = files.outputs("clean");
    assertThat(clean.get("attributions")).hasSizeGreaterThan(6000);
  }

  @AfterAll
  void stopTheBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  /** A config reading the sample topics and writing {@code <run>.<stream>}, checkpoints under {@code <run>-cp}. */
  private Path config(String run, String file, boolean slow) throws IOException {
    Path path = work.resolve(file);
    Files.writeString(path, "timezone: Asia/Shanghai\nparallelism: 2\n" + kafka.ioConfig(run, slow ? 1 : 0)
        + "checkpointing: {interval: PT1S, dir: " + work.resolve(run + "-cp") + "}\n" + PRIVACY);
    return path;
  }

  /** {@code jobs/run-local.sh ARGS} in a process of its own, its output in {@code <log>}. */
  private Process runLocal(String log, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", RUN_LOCAL.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve(log).toFile());
    pb.environment().put("FAULTLINK_HEAP", "768m");
    return pb.start();
  }

  private void awaitSuccess(Process job, String log, Duration timeout) throws Exception {
    if (!job.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      job.destroyForcibly();
      throw new AssertionError("the job did not end within " + timeout + "; see " + work.resolve(log));
    }
    assertThat(job.exitValue()).as("exit code; output:\n" + Files.readString(work.resolve(log))).isZero();
  }

  /** The newest completed checkpoint under {@code dir} ({@code <job id>/chk-N} holding {@code _metadata}). */
  private static Optional<Path> latestCheckpoint(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(dir, 3)) {
      return files.filter(f -> f.getFileName().toString().equals("_metadata"))
          .map(Path::getParent)
          .filter(d -> d.getFileName().toString().startsWith("chk-"))
          .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(4))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int committed(String run) {
    return broker.readAll(run + ".attributions", "read_committed").size();
  }

  @Test
  void aJobProcessKilledMidStreamIsRestoredFromItsLastCheckpointWithNothingLostAndNothingDoubled()
      throws Exception {
    Process job = runLocal("crash.log", config("crash", "crash.yaml", true).toString());
    LocalFlinkCluster.await("a completed checkpoint and committed attributions", Duration.ofMinutes(3), () -> {
      assertThat(job.isAlive()).as("the job is running").isTrue();
      return latestCheckpoint(work.resolve("crash-cp")).isPresent() && committed("crash") > 0;
    });

    job.toHandle().destroyForcibly(); // run-local.sh execs java: this is the job's JVM, SIGKILLed
    assertThat(job.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(job.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    int before = committed("crash");
    assertThat(before).as("killed mid-stream").isBetween(1, clean.get("attributions").size() - 1);

    Path last = latestCheckpoint(work.resolve("crash-cp")).orElseThrow();
    System.out.printf("job process killed with %d attributions committed; last checkpoint %s%n", before, last);
    Process restored = runLocal("crash-restored.log", config("crash", "crash-restored.yaml", false).toString(),
        "--restore", "latest");
    awaitSuccess(restored, "crash-restored.log", Duration.ofMinutes(4));
    assertThat(Files.readString(work.resolve("crash-restored.log"))).contains("faultlink: restoring " + last);

    assertThat(kafka.outputs("crash")).isEqualTo(clean);
  }

  @Test
  void aBrokerKilledMidRunAndStartedAgainLosesNothingAndDoublesNothing() throws Exception {
    Process job = runLocal("broker-kill.log", config("brokerkill", "brokerkill.yaml", true).toString());
    LocalFlinkCluster.await("committed attributions before the broker is killed", Duration.ofMinutes(3), () -> {
      assertThat(job.isAlive()).as("the job is running").isTrue();
      return committed("brokerkill") > 0;
    });

    broker.kill();
    TimeUnit.SECONDS.sleep(10);
    assertThat(job.isAlive()).as("the job waits for the broker").isTrue();
    broker.startAgain();
    awaitSuccess(job, "broker-kill.log", Duration.ofMinutes(6));

    assertThat(kafka.outputs("brokerkill")).isEqualTo(clean);
  }
}
