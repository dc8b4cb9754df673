package com.faultlink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import com.faultlink.tools.KafkaLoad;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real Kafka broker in its own process, started through {@code jobs/kafka-local.sh} (the script the README
 * tells operators to use) on free ports, with its data in a test folder. It can be stopped and started again
 * with its data, like a broker that goes down for a while.
 */
public final class LocalKafkaBroker implements AutoCloseable {
  private final Path home;
  private final int port;
  private final int controllerPort;
  private final Thread stopAtExit;

  private LocalKafkaBroker(Path home) {
    this.home = home;
    this.port = freePort();
    this.controllerPort = freePort();
    this.stopAtExit = new Thread(() -> script("stop"));
  }

  public static LocalKafkaBroker start(Path home) {
    LocalKafkaBroker broker = new LocalKafkaBroker(home);
    Runtime.getRuntime().addShutdownHook(broker.stopAtExit);
    broker.script("start");
    return broker;
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  public void stop() {
    script("stop");
  }

  /**
   * SIGKILL, as a crashed machine or the kernel's OOM killer would: no controlled shutdown, no flush, the log
   * recovered when it starts again ({@link #startAgain}).
   */
  public void kill() {
    try {
      long pid = Long.parseLong(java.nio.file.Files.readString(home.resolve("broker.pid")).trim());
      ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("broker not running"));
      broker.destroyForcibly();
      broker.onExit().get(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("could not kill the broker", e);
    }
  }

  public void startAgain() {
    script("start");
  }

  @Override
  public void close() {
    script("stop");
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private String script(String command) {
    try {
      ProcessBuilder pb = new ProcessBuilder("bash", "jobs/kafka-local.sh", command).redirectErrorStream(true);
      pb.environment().put("KAFKA_LOCAL_HOME", home.toString());
      pb.environment().put("KAFKA_LOCAL_PORT", Integer.toString(port));
      pb.environment().put("KAFKA_LOCAL_CONTROLLER_PORT", Integer.toString(controllerPort));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("jobs/kafka-local.sh " + command + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample inputs' topics: {@code in.alarms}, {@code in.complaints}, {@code in.works}. */
  public static final List<String> SAMPLE_TOPICS = List.of("in.alarms", "in.complaints", "in.works");

  /**
   * Loads {@code sample-data/<input>.jsonl} into {@link #SAMPLE_TOPICS}, {@code partitions} each, one message per
   * line, each in its own record batch: a source that fetches one batch at a time (see {@link #SLOW_CONSUMER})
   * then reads slowly enough to be interrupted mid-stream.
   */
  public void loadSample(int partitions) throws Exception {
    Map<String, List<byte[]>> lines = new LinkedHashMap<>();
    for (String topic : SAMPLE_TOPICS) {
      lines.put(topic, KafkaLoad.lines(Path.of("sample-data", topic.substring(3) + ".jsonl")));
    }
    KafkaLoad.createTopics(bootstrap(), lines.keySet(), partitions);
    try (KafkaProducer<byte[], byte[]> producer = unbatchedProducer()) {
      KafkaLoad.load(producer, lines, 0, null);
    }
  }

  /** Consumer settings (YAML) that make each fetch wait 5 ms for one record batch: a slow, steady reader. */
  public static final String SLOW_CONSUMER = "{max.partition.fetch.bytes: 1, fetch.max.bytes: 1,"
      + " fetch.min.bytes: 100000000, fetch.max.wait.ms: 5}";

  /** Each message in its own record batch, so that a one-batch fetch reads one line. */
  public KafkaProducer<byte[], byte[]> unbatchedProducer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "0");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1000000");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** A record as a consumer sees it: key and value as text. */
  public record Message(String key, String value) {}

  /**
   * Everything committed to {@code topic} so far, read from the beginning with {@code isolation.level} as
   * given, up to the end offsets at the time of the call; an absent topic is empty.
   */
  public List<Message> readAll(String topic, String isolationLevel) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    if (!topics().contains(topic)) {
      return List.of();
    }
    List<Message> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
          .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(60)) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within 120 s");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          out.add(new Message(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
              r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }

  public Set<String> topics() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(p)) {
      return admin.listTopics().names().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot list the topics of " + bootstrap(), e);
    }
  }
}
