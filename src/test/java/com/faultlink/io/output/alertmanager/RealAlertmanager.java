package com.faultlink.io.output.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus-alertmanager} (0.25) as a child process of the test, on a free loopback port, with
 * the shipped {@code jobs/alertmanager/alertmanager.yml}, its own storage folder and no cluster (a single
 * instance gossips with nobody). A missing binary fails the test, naming the package: CI ({@code .ci/run})
 * installs it, so a skip would hide a broken CI.
 */
public final class RealAlertmanager implements AutoCloseable {
  public static final Path CONFIG = Path.of("jobs", "alertmanager", "alertmanager.yml").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path binary;
  private final Path workDir;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private int starts;

  private RealAlertmanager(Path binary, Path workDir, int port) {
    this.binary = binary;
    this.workDir = workDir;
    this.port = port;
  }

  /** Where Debian's package puts the server ({@code FAULTLINK_ALERTMANAGER_BIN} overrides); fails if absent. */
  public static Path binary() {
    return require(System.getenv().getOrDefault("FAULTLINK_ALERTMANAGER_BIN", "/usr/bin/prometheus-alertmanager"),
        "prometheus-alertmanager");
  }

  /** Debian's {@code amtool} (same package); fails if absent. */
  public static Path amtool() {
    return require(System.getenv().getOrDefault("FAULTLINK_AMTOOL_BIN", "/usr/bin/amtool"),
        "prometheus-alertmanager");
  }

  public static Path require(String path, String debianPackage) {
    Path p = Path.of(path);
    if (!Files.isExecutable(p)) {
      throw new AssertionError(p + " not found: this test runs the real server from Debian's '" + debianPackage
          + "' package (apt-get install " + debianPackage + "; .ci/run installs it)");
    }
    return p;
  }

  /** Starts one on a free port; its storage folders live under {@code workDir}. */
  public static RealAlertmanager start(Path workDir) throws IOException {
    RealAlertmanager am = new RealAlertmanager(binary(), workDir, freePort());
    am.startProcess();
    return am;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the server again on the same port, with fresh storage (what a replaced container has). */
  public void restart() throws IOException {
    kill();
    startProcess();
  }

  /** SIGKILL, as a crashed host: no shutdown, nothing flushed. Alertmanager keeps alerts only in memory. */
  public void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private void startProcess() throws IOException {
    starts++;
    Path storage = Files.createDirectories(workDir.resolve("storage-" + starts));
    Path log = workDir.resolve("alertmanager-" + starts + ".log");
    process = new ProcessBuilder(List.of(binary.toString(),
        "--config.file=" + CONFIG,
        "--storage.path=" + storage,
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=",
        "--log.level=info"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!ready()) {
      if (!process.isAlive()) {
        throw new AssertionError("alertmanager ended at start (exit " + process.exitValue() + "): "
            + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("alertmanager not ready within 30 s: " + Files.readString(log));
      }
      sleep(50);
    }
  }

  private boolean ready() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET /api/v2/<path>} as JSON. */
  public JsonNode get(String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v2/" + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET /api/v2/" + path + ": " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    kill();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
