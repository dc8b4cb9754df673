package com.faultlink.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.io.output.alertmanager.RealAlertmanager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus} (2.42) as a child process of a test, on a free loopback port, running the shipped
 * {@code jobs/prometheus/prometheus.yml} and {@code rules.yml} with only what a test must change: the targets'
 * ports (the test cluster's), a one-second scrape interval and an Alertmanager address where nothing listens.
 * A missing binary fails the test, naming the package ({@code .ci/run} installs it).
 */
public final class RealPrometheus implements AutoCloseable {
  private static final Path SHIPPED = Path.of("jobs", "prometheus").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private RealPrometheus(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts one in {@code dir} scraping a cluster whose JobManager serves its metrics on {@code jobManagerPort} and
   * whose TaskManagers on the two ports after it (jobs/cluster-local.sh hands the reporter ports out in order).
   */
  public static RealPrometheus start(Path dir, int jobManagerPort) throws IOException {
    Path binary = RealAlertmanager.require(
        System.getenv().getOrDefault("FAULTLINK_PROMETHEUS_BIN", "/usr/bin/prometheus"), "prometheus");
    String config = Files.readString(SHIPPED.resolve("prometheus.yml"))
        .replace("127.0.0.1:9249", "127.0.0.1:" + jobManagerPort)
        .replace("127.0.0.1:9250", "127.0.0.1:" + (jobManagerPort + 1))
        .replace("127.0.0.1:9251", "127.0.0.1:" + (jobManagerPort + 2))
        .replace("127.0.0.1:9093", "127.0.0.1:" + freePort())
        .replace("scrape_interval: 15s", "scrape_interval: 1s")
        .replace("evaluation_interval: 15s", "evaluation_interval: 1s");
    if (!config.contains("127.0.0.1:" + jobManagerPort) || !config.contains("scrape_interval: 1s")) {
      throw new AssertionError("jobs/prometheus/prometheus.yml changed shape: the test cannot point it at its "
          + "cluster:\n" + config);
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("prometheus.yml"), config);
    Files.copy(SHIPPED.resolve("rules.yml"), dir.resolve("rules.yml"));
    int port = freePort();
    Path log = dir.resolve("prometheus.log");
    Process p = new ProcessBuilder(List.of(binary.toString(),
        "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("data")),
        "--web.listen-address=127.0.0.1:" + port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    RealPrometheus prometheus = new RealPrometheus(p, port, log);
    prometheus.awaitReady();
    return prometheus;
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive()) {
        throw new AssertionError("prometheus ended at start (exit " + process.exitValue() + "): "
            + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("prometheus not ready within 60 s: " + Files.readString(log));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code GET /api/v1/<path>}'s {@code data}; fails unless Prometheus answers {@code success}. */
  public JsonNode api(String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/" + path))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(r.body());
      if (!"success".equals(body.path("status").asText())) {
        throw new AssertionError("GET /api/v1/" + path + ": " + r.body());
      }
      return body.path("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An instant query's result vector ({@code /api/v1/query}). */
  public JsonNode query(String promql) {
    return api("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
  }

  /** The value of a query that yields one sample, or NaN when it yields none. */
  public double value(String promql) {
    JsonNode result = query(promql);
    return result.size() == 1 ? Double.parseDouble(result.get(0).path("value").get(1).asText()) : Double.NaN;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
