package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: a Kafka run against a broker that is not there says so in one line within 30 s, naming the config key,
 * and exits 2 (it printed 2,527 WARN lines over 65 s before a TimeoutException).
 */
class UnreachableBrokerTest {
  @TempDir Path dir;

  @Test
  void aClosedBrokerPortIsOneLineNamingTheKeyWithinThirtySeconds() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    // The Kafka sample config, its brokers moved to the closed port.
    Path config = Files.writeString(dir.resolve("kafka.yaml"), String.join("\n",
        "base: " + Path.of("config/faultlink-kafka.yaml").toAbsolutePath(),
        "sources:",
        "  alarms: {kafka: {bootstrapServers: '127.0.0.1:" + port + "'}}",
        "  complaints: {kafka: {bootstrapServers: '127.0.0.1:" + port + "'}}",
        "sinks: {kafka: {bootstrapServers: '127.0.0.1:" + port + "'}}", ""));
    long t0 = System.nanoTime();
    JobProcess.Outcome o = JobProcess.main(config, Map.of("FAULTLINK_CUSTOMER_KEY_SECRET", "test-secret"));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(o.exit()).as("%s", o.stderr()).isEqualTo(2);
    assertThat(took).as("JVM start included").isLessThan(Duration.ofSeconds(30));
    assertThat(o.ours()).singleElement().asString()
        .contains("config key 'sources.alarms.kafka.bootstrapServers'").contains("127.0.0.1:" + port)
        .contains("no Kafka broker reachable");
    assertThat(o.stderr()).doesNotContain("WARN");
  }
}
