package com.faultlink.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up check of Kafka bootstrap addresses, against loopback ports that are closed or listening. */
class KafkaReachabilityTest {
  /** A loopback port that nothing listens on: bound, then closed. */
  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aClosedPortIsUnreachableAtOnce() throws Exception {
    int port = closedPort();
    long t0 = System.nanoTime();
    String problem = KafkaReachability.unreachable("127.0.0.1:" + port, Duration.ofSeconds(5));
    assertThat(problem).startsWith("127.0.0.1:" + port + ": ").containsIgnoringCase("refused");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void oneListeningAddressOfTheListIsEnough() throws Exception {
    int closed = closedPort();
    try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(KafkaReachability.unreachable("127.0.0.1:" + closed + ", 127.0.0.1:" + open.getLocalPort(),
          Duration.ofSeconds(5))).isNull();
    }
  }

  @Test
  void anAddressWithoutAPortIsSaidSo() {
    assertThat(KafkaReachability.unreachable("broker-without-port", Duration.ofSeconds(1)))
        .isEqualTo("broker-without-port: not host:port");
  }
}
