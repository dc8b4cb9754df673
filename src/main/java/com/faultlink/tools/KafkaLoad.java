package com.faultlink.tools;

import com.faultlink.runtime.CommandArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Loads input files into Kafka topics, one message per line, byte for byte (the value is the line's bytes
 * without its line break; no key), at a chosen rate: {@code jobs/kafka-load.sh}.
 *
 * <p>Lines are split as the file source splits them ({@code \n}, {@code \r\n} or {@code \r}), so a Kafka run
 * sees the same lines as a file run. The inputs are interleaved in proportion to their length (their lines
 * span the same time), and each topic's lines go round-robin to its partitions, so every partition keeps the
 * file's order. Missing topics are created with {@code --partitions} partitions.
 */
public final class KafkaLoad {
  static final String USAGE = String.join("\n",
      "usage: KafkaLoad [--bootstrap HOST:PORT] [--topic-prefix PREFIX] [--rate LINES_PER_SECOND] [--partitions N]",
      "                 [--alarms FILE] [--complaints FILE] [--works FILE]",
      "  defaults: --bootstrap 127.0.0.1:9092 --topic-prefix faultlink. --rate 0 (as fast as possible)",
      "            --partitions 2 and the files of sample-data/; --works none skips an input");

  private KafkaLoad() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = "127.0.0.1:9092";
    String prefix = "faultlink.";
    double rate = 0;
    int partitions = 2;
    Map<String, String> files = new LinkedHashMap<>();
    files.put("alarms", "sample-data/alarms.jsonl");
    files.put("complaints", "sample-data/complaints.jsonl");
    files.put("works", "sample-data/works.jsonl");
    try {
      for (int i = 0; i < args.length; i += 2) {
        String v = CommandArgs.valueAfter(args, i);
        switch (args[i]) {
          case "--bootstrap" -> bootstrap = v;
          case "--topic-prefix" -> prefix = v;
          case "--rate" -> rate = CommandArgs.number(args[i], v, 0);
          case "--partitions" -> partitions = (int) CommandArgs.wholeNumber(args[i], v, 1);
          case "--alarms", "--complaints", "--works" -> files.put(args[i].substring(2), v);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (rate < 0 || partitions < 1) {
        throw new IllegalArgumentException("--rate must be 0 or more, --partitions 1 or more");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("kafka-load: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Map<String, List<byte[]>> lines = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!f.getValue().equals("none")) {
        lines.put(prefix + f.getKey(), lines(Files.readAllBytes(Path.of(f.getValue()))));
      }
    }
    createTopics(bootstrap, lines.keySet(), partitions);
    long started = System.nanoTime();
    long sent = load(producer(bootstrap), lines, rate, System.err);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.err.printf("kafka-load: %,d lines into %s in %.1f s (%,.0f/s)%n", sent, String.join(", ", lines.keySet()),
        seconds, sent / Math.max(seconds, 1e-9));
  }

  /** A producer that writes each line once, in order, acknowledged by every in-sync replica. */
  public static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** Creates the topics that do not exist yet. */
  public static void createTopics(String bootstrap, Iterable<String> topics, int partitions)
      throws InterruptedException, ExecutionException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      for (String topic : topics) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        } catch (java.util.concurrent.TimeoutException e) {
          throw new IllegalStateException("no answer from Kafka at " + bootstrap + " within 60 s", e);
        }
      }
    }
  }

  /**
   * Sends the lines of each topic, interleaved in proportion to their counts, round-robin over each topic's
   * partitions, at {@code rate} lines per second in all (0: as fast as the producer goes); closes the producer
   * once everything is acknowledged. Returns the number of lines sent.
   */
  public static long load(KafkaProducer<byte[], byte[]> producer, Map<String, List<byte[]>> lines, double rate,
      java.io.PrintStream progress) throws InterruptedException, ExecutionException {
    long total = lines.values().stream().mapToLong(List::size).sum();
    Map<String, Integer> partitions = new LinkedHashMap<>();
    Map<String, Integer> next = new LinkedHashMap<>();
    for (String topic : lines.keySet()) {
      partitions.put(topic, producer.partitionsFor(topic).size());
      next.put(topic, 0);
    }
    long started = System.nanoTime();
    long lastReport = started;
    java.util.concurrent.Future<?> last = null;
    try (producer) {
      for (long sent = 0; sent < total; sent++) {
        // The topic that is furthest behind its share of the lines sent so far goes next.
        String topic = null;
        double behind = Double.MAX_VALUE;
        for (Map.Entry<String, List<byte[]>> e : lines.entrySet()) {
          int done = next.get(e.getKey());
          if (done < e.getValue().size()) {
            double share = (double) done / e.getValue().size();
            if (share < behind) {
              behind = share;
              topic = e.getKey();
            }
          }
        }
        int i = next.get(topic);
        next.put(topic, i + 1);
        last = producer.send(new ProducerRecord<>(topic, i % partitions.get(topic), null, lines.get(topic).get(i)));
        if (rate > 0) {
          long due = started + (long) ((sent + 1) * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
        long now = System.nanoTime();
        if (progress != null && now - lastReport > 5_000_000_000L) {
          progress.printf("kafka-load: %,d of %,d lines sent%n", sent + 1, total);
          lastReport = now;
        }
      }
      producer.flush();
      if (last != null) {
        last.get();
      }
    }
    return total;
  }

  /** The lines of a file's bytes, split at {@code \n}, {@code \r\n} or {@code \r}, line breaks removed. */
  public static List<byte[]> lines(byte[] bytes) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < bytes.length) {
      byte b = bytes[i];
      if (b == '\n' || b == '\r') {
        out.add(java.util.Arrays.copyOfRange(bytes, start, i));
        i += (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < bytes.length) {
      out.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return out;
  }

  /** The lines of a file. */
  public static List<byte[]> lines(Path file) throws IOException {
    return lines(Files.readAllBytes(file));
  }
}
