package com.faultlink.tools;

import com.faultlink.runtime.CommandArgs;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints the records of one FaultLink output topic as a dashboard would read them: committed transactions only
 * ({@code isolation.level=read_committed}), so output of a checkpoint that never completed is never shown. One
 * JSON line per record on standard output, from the beginning (or the last {@code --last} records of each
 * partition), then follows new records until {@code --idle} passes with none (0: until interrupted).
 */
public final class KafkaTail {
  static final String USAGE = String.join("\n",
      "usage: jobs/kafka-tail.sh STREAM [--bootstrap HOST:PORT] [--topic-prefix PREFIX] [--last N] [--idle SECONDS]",
      "  STREAM          an output stream (alerts, attributions, metrics, ...) or, with --topic-prefix '', a topic",
      "  --bootstrap     default 127.0.0.1:9092 (jobs/kafka-local.sh)",
      "  --topic-prefix  default faultlink. (sinks.kafka.topicPrefix)",
      "  --last          start this many records before each partition's end (default: from the beginning)",
      "  --idle          stop after this many seconds without a record (default 10; 0: follow until Ctrl-C)");

  private KafkaTail() {}

  record Options(String topic, String bootstrap, long last, long idleSeconds) {}

  /** The options, or an {@link IllegalArgumentException} whose message says in plain words what is wrong. */
  static Options parse(String[] args) {
    if (args.length == 0 || args[0].startsWith("-")) {
      throw new IllegalArgumentException("name the stream to read, e.g. alerts");
    }
    String stream = args[0];
    String bootstrap = "127.0.0.1:9092";
    String prefix = "faultlink.";
    long last = -1;
    long idle = 10;
    for (int i = 1; i < args.length; i += 2) {
      String v = CommandArgs.valueAfter(args, i);
      switch (args[i]) {
        case "--bootstrap" -> bootstrap = v;
        case "--topic-prefix" -> prefix = v;
        case "--last" -> last = CommandArgs.wholeNumber(args[i], v, 0);
        case "--idle" -> idle = CommandArgs.wholeNumber(args[i], v, 0);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new Options(prefix + stream, bootstrap, last, idle);
  }

  public static void main(String[] args) {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("kafka-tail: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    System.exit(tail(o, System.out));
  }

  /** Prints the topic's committed records; the exit code: 0, or 1 when the topic does not exist. */
  static int tail(Options o, PrintStream out) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<PartitionInfo> infos = consumer.partitionsFor(o.topic(), Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        System.err.println("kafka-tail: no topic " + o.topic() + " on " + o.bootstrap());
        return 1;
      }
      List<TopicPartition> partitions = new ArrayList<>();
      infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      if (o.last() >= 0) {
        consumer.endOffsets(partitions).forEach((tp, end) ->
            consumer.seek(tp, Math.max(consumer.position(tp), end - o.last())));
      }
      long quietSince = System.nanoTime();
      while (o.idleSeconds() == 0 || System.nanoTime() - quietSince < o.idleSeconds() * 1_000_000_000L) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> r : records) {
          out.println(r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8));
        }
        if (!records.isEmpty()) {
          out.flush();
          quietSince = System.nanoTime();
        }
      }
    }
    return 0;
  }
}
