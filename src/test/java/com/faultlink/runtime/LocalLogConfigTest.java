package com.faultlink.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/**
 * jobs/log4j2-local.properties, the console log of local runs, replays and sweeps: Kafka clients' transient
 * warnings stay off the console, FaultLink's own lines and Flink's warnings stay on it.
 */
class LocalLogConfigTest {
  /** The console lines written while {@code logging} runs against the local config. */
  private static List<String> console(java.util.function.Consumer<LoggerContext> logging) {
    PrintStream before = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    LoggerContext ctx = null;
    try {
      ctx = Configurator.initialize("local-log-probe", null,
          Path.of("jobs/log4j2-local.properties").toAbsolutePath().toUri());
      logging.accept(ctx);
    } finally {
      if (ctx != null) {
        Configurator.shutdown(ctx);
      }
      System.setErr(before);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void anOutputTopicBeingCreatedAndTheFirstOffsetCommitsPrintNothing() {
    List<String> lines = console(ctx -> {
      Logger net = ctx.getLogger("org.apache.kafka.clients.NetworkClient");
      for (int i = 0; i < 44; i++) {
        net.warn("[Producer clientId=faultlink-alerts-0] Error while fetching metadata with correlation id {} : "
            + "{{}={}}", i, "faultlink.alerts", i % 2 == 0 ? "UNKNOWN_TOPIC_OR_PARTITION" : "LEADER_NOT_AVAILABLE");
      }
      Logger sender = ctx.getLogger("org.apache.kafka.clients.producer.internals.Sender");
      sender.warn("[Producer clientId=p] Got error produce response with correlation id 12 on topic-partition "
          + "faultlink.outage-impacts-1, retrying (2147483646 attempts left). Error: NOT_LEADER_OR_FOLLOWER");
      ctx.getLogger("org.apache.flink.connector.kafka.source.reader.KafkaSourceReader").warn(
          "Failed to commit consumer offsets for checkpoint 1", new RuntimeException("The coordinator is not available."));
    });
    assertThat(lines).isEmpty();
  }

  @Test
  void aFloodOfClientWarningsIsCutToAFewAndErrorsAndOurLinesAllPass() {
    List<String> lines = console(ctx -> {
      Logger net = ctx.getLogger("org.apache.kafka.clients.NetworkClient");
      for (int i = 0; i < 500; i++) {
        net.warn("[AdminClient clientId=x] Connection to node -1 (/127.0.0.1:9) could not be established.");
      }
      ctx.getLogger("org.apache.kafka.clients.producer.KafkaProducer").error("a real error");
      ctx.getLogger("com.faultlink.golden.GoldenWindowLearner").info("one summary line");
      ctx.getLogger("org.apache.flink.runtime.taskmanager.Task").warn("a Flink warning");
    });
    assertThat(lines).filteredOn(l -> l.contains("could not be established")).hasSizeBetween(1, 4);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("a real error"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("one summary line"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("a Flink warning"));
  }
}
