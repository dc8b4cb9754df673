package com.faultlink.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real local cluster of {@code jobs/cluster-local.sh}, driven through that script on free ports: what a
 * NOC engineer types, plus the REST reads and process kills a test needs.
 */
final class LocalFlinkCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCRIPT = Path.of("jobs", "cluster-local.sh").toAbsolutePath();

  private final Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final int restPort;
  final int prometheusFirstPort;
  String restAddress;

  LocalFlinkCluster(Path dir) {
    this(dir, false);
  }

  /**
   * A cluster in {@code dir}; with {@code scriptMemory}, the script's own memory defaults (what an operator gets),
   * else the smaller processes the sample-sized tests need.
   */
  LocalFlinkCluster(Path dir, boolean scriptMemory) {
    this.dir = dir;
    restPort = freePort();
    prometheusFirstPort = freePortRange(8);
    env.put("FAULTLINK_CLUSTER_DIR", dir.toString());
    env.put("FAULTLINK_REST_PORT", Integer.toString(restPort));
    env.put("FAULTLINK_RPC_PORT", Integer.toString(freePort()));
    env.put("FAULTLINK_PROMETHEUS_PORTS", prometheusFirstPort + "-" + (prometheusFirstPort + 7));
    env.put("FAULTLINK_TM_SLOTS", "2");
    if (!scriptMemory) {
      env.put("FAULTLINK_TM_MEMORY", "1280m");
      env.put("FAULTLINK_JM_MEMORY", "900m");
    }
    // Maven built the jar before integration-test; the script must not start a build inside this one.
    env.put("FAULTLINK_NO_BUILD", "1");
    // A cluster job refuses the development key: the JobManager, where the job's main runs, has a secret.
    env.put("FAULTLINK_CUSTOMER_KEY_SECRET", "local-cluster-test-secret");
  }

  /** Runs one verb of the script; returns its standard output, trimmed; fails with its error output. */
  String run(String... args) {
    Outcome o = attempt(args);
    if (o.exitCode() != 0) {
      throw new IllegalStateException("cluster-local.sh " + String.join(" ", args) + " exited " + o.exitCode()
          + ": " + o.err() + o.out() + taskManagerErrors());
    }
    return o.out();
  }

  /** The TaskManagers' logged errors and exceptions (first lines), so a failed verb says what the tasks saw. */
  private String taskManagerErrors() {
    StringBuilder b = new StringBuilder();
    try (var files = Files.list(dir.resolve("log"))) {
      for (Path log : files.filter(f -> f.getFileName().toString().startsWith("taskmanager")).sorted().toList()) {
        List<String> hits = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains(" ERROR ") || l.contains("Exception")).limit(30).toList();
        if (!hits.isEmpty()) {
          b.append("\n--- ").append(log.getFileName()).append(":\n").append(String.join("\n", hits));
        }
      }
    } catch (IOException | RuntimeException e) {
      b.append("\n(no TaskManager log: ").append(e).append(')');
    }
    return b.toString();
  }

  /** How one run of the script ended: its exit code, standard output (trimmed) and error output. */
  record Outcome(int exitCode, String out, String err) {}

  /** Runs one verb of the script, whatever its exit code. */
  Outcome attempt(String... args) {
    return attempt(Map.of(), args);
  }

  /** Runs one verb of the script with {@code moreEnv} besides the cluster's settings, whatever its exit code. */
  Outcome attempt(Map<String, String> moreEnv, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    try {
      Path err = Files.createTempFile(dir, "script", ".err");
      ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
      pb.environment().putAll(env);
      pb.environment().putAll(moreEnv);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("cluster-local.sh " + String.join(" ", args) + " timed out");
      }
      return new Outcome(p.exitValue(), out, Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String start() {
    restAddress = run("start");
    return restAddress;
  }

  /** {@code start-application ARGS}: an application cluster that runs the job at once; returns its job id. */
  String startApplication(String... args) {
    List<String> command = new ArrayList<>(List.of("start-application"));
    command.addAll(List.of(args));
    String[] lines = run(command.toArray(String[]::new)).split("\\R");
    restAddress = lines[0];
    return lines[lines.length - 1];
  }

  /** Waits until the JobManager's process has ended (an application cluster's ends after its job). */
  void awaitJobManagerExit(Duration timeout) throws IOException {
    long pid = Long.parseLong(Files.readString(dir.resolve("pids").resolve("jobmanager.pid")).trim());
    ProcessHandle.of(pid).ifPresent(jm -> await("the JobManager to end", timeout, () -> !jm.isAlive()));
  }

  /** The REST response at {@code path} as the JobManager archived it when job {@code jobId} ended. */
  JsonNode archived(String jobId, String path) throws IOException {
    for (JsonNode entry : JSON.readTree(dir.resolve("completed-jobs").resolve(jobId).toFile()).path("archive")) {
      if (path.equals(entry.path("path").asText())) {
        return JSON.readTree(entry.path("json").asText());
      }
    }
    throw new AssertionError("no " + path + " in the archive of job " + jobId);
  }

  @Override
  public void close() {
    run("stop");
  }

  JsonNode get(String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restAddress + path))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body at an address on this machine, or null when nothing answers there. */
  String text(String url) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String jobState(String jobId) {
    return get("/jobs/" + jobId).path("state").asText();
  }

  long completedCheckpoints(String jobId) {
    return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
  }

  /** Waits until {@code condition} holds, polling; fails naming {@code what} after {@code timeout}. */
  static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  String awaitJobState(String jobId, Duration timeout, Predicate<String> wanted) {
    String[] state = {null};
    await("job " + jobId + " state", timeout, () -> {
      state[0] = jobState(jobId);
      if ("FAILED".equals(state[0]) && !wanted.test("FAILED")) {
        throw new AssertionError("job " + jobId + " failed: " + get("/jobs/" + jobId + "/exceptions"));
      }
      return wanted.test(state[0]);
    });
    return state[0];
  }

  /** The process id of TaskManager {@code n} (1 is the one {@code start} launched). */
  long taskManagerPid(int n) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("pids").resolve("taskmanager-" + n + ".pid")).trim());
  }

  /** SIGKILL, as a crashed machine or an OOM kill would: no shutdown hooks, no goodbye to the JobManager. */
  void killTaskManager(int n) throws IOException {
    long pid = taskManagerPid(n);
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("TaskManager " + n + " not running"));
    handle.destroyForcibly();
    await("TaskManager " + n + " to die", Duration.ofSeconds(30), () -> !handle.isAlive());
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePortRange(int length) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(20_000, 40_000);
      boolean free = true;
      for (int p = first; p < first + length && free; p++) {
        try (ServerSocket s = new ServerSocket(p)) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new IllegalStateException("no free port range");
  }
}
