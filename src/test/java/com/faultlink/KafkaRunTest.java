package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.LocalKafkaBroker.Message;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.SinksConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.tools.KafkaLoad;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a real Kafka broker (Apache Kafka's own, in its own process, started by {@code
 * jobs/kafka-local.sh}): Kafka in, Kafka out, exactly once across a cancel and restore and across a broker
 * outage, and malformed messages quarantined in the dead-letter topic.
 *
 * <p>The sample data is loaded once into topics of two partitions, one message per line, each in its own record
 * batch ({@link LocalKafkaBroker#loadSample}): a source that fetches one batch at a time
 * ({@link LocalKafkaBroker#SLOW_CONSUMER}) then reads it slowly enough to be interrupted mid-stream.
 */
class KafkaRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir static Path tmp;
  static LocalKafkaBroker broker;
  static CellTable cells;
  static RegionTable regions;
  /** What the file run writes on the sample, sorted lines by stream. */
  static Map<String, List<String>> expected;

  @BeforeAll
  static void brokerSampleTopicsAndTheFileRun() throws Exception {
    broker = LocalKafkaBroker.start(tmp.resolve("kafka"));
    FaultLinkConfig fileRun = ConfigLoader.load(Path.of("config/faultlink.yaml"))
        .withSinksDir(tmp.resolve("file-run").toString()).withParallelism(2);
    cells = CellTable.load(Path.of(fileRun.reference().cells()));
    regions = RegionTable.load(Path.of(fileRun.reference().regions()));

    broker.loadSample(2);

    FaultLinkJob.run(fileRun, cells, regions, quiet());
    expected = new LinkedHashMap<>();
    for (String stream : SinksConfig.STREAMS) {
      List<String> out = new ArrayList<>();
      try (Stream<Path> files = Files.list(tmp.resolve("file-run").resolve(stream))) {
        for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
          out.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
      }
      out.sort(Comparator.naturalOrder());
      expected.put(stream, out);
    }
    // One attribution per complaint: the distinct creation events of the sample less its damaged copies.
    long complaints = new String(Files.readAllBytes(Path.of("sample-data", "complaints.jsonl")), StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith("{\"eventId\":\"ev-c-") && !l.startsWith("{\"eventId\":\"ev-c-bad-")
            && l.contains("\"TroubleTicketCreateEvent\""))
        .map(l -> l.substring(0, l.indexOf(','))).distinct().count();
    assertThat(expected.get("attributions")).hasSize((int) complaints);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private static long sampleLines(String file) throws java.io.IOException {
    long n = 0;
    for (byte b : java.nio.file.Files.readAllBytes(java.nio.file.Path.of("sample-data", file))) {
      n += b == '\n' ? 1 : 0;
    }
    return n;
  }

  @Test
  void kafkaToKafkaGivesTheRecordsOfTheFileRun() throws Exception {
    FaultLinkConfig config = config("same", "{}", true, tmp.resolve("cp-same"));
    Map<String, Long> counters = FaultLinkJob.run(config, cells, regions, quiet());

    // every line of the three sample inputs (complaints with their ticket status lines)
    assertThat(counters.get("eventsRead")).isEqualTo(sampleLines("alarms.jsonl") + sampleLines("complaints.jsonl")
        + sampleLines("works.jsonl"));
    assertSameAsFileRun("same.");
    // Record keys: one outage, one region, one input on one partition.
    for (Message m : broker.readAll("same.outage-impacts", "read_committed")) {
      assertThat(m.value()).contains("\"outageId\":\"" + m.key() + "\"");
    }
    for (Message m : broker.readAll("same.metrics", "read_committed")) {
      assertThat(m.value()).startsWith("{\"region\":\"" + m.key() + "\"");
    }
    for (Message m : broker.readAll("same.dead-letters", "read_committed")) {
      assertThat(m.value()).startsWith("{\"source\":\"" + m.key() + "\"");
    }
  }

  @Test
  void cancelledMidStreamAndRestoredFromItsLastCheckpointAReadCommittedConsumerSeesEveryRecordOnce()
      throws Exception {
    Path checkpoints = tmp.resolve("cp-restart");
    JobClient first = FaultLinkJob.submit(config("restart", LocalKafkaBroker.SLOW_CONSUMER, false, checkpoints),
        cells, regions, new Configuration());
    try {
      awaitTrue("committed attributions from the first run", Duration.ofMinutes(3),
          () -> !broker.readAll("restart.attributions", "read_committed").isEmpty());
    } finally {
      cancel(first);
    }
    int committedBefore = broker.readAll("restart.attributions", "read_committed").size();
    assertThat(committedBefore).as("cancelled mid-stream").isBetween(1, expected.get("attributions").size() - 1);

    Path last = lastCheckpoint(checkpoints.resolve(first.getJobID().toHexString()));
    Configuration restore = new Configuration();
    restore.set(StateRecoveryOptions.SAVEPOINT_PATH, last.toUri().toString());
    FaultLinkJob.run(config("restart", "{}", false, checkpoints), cells, regions, quiet(), restore);

    assertSameAsFileRun("restart.");
    assertThat(broker.readAll("restart.attributions", "read_uncommitted").size())
        .as("records the cancelled run wrote but never committed are there, aborted")
        .isGreaterThanOrEqualTo(expected.get("attributions").size());
  }

  @Test
  void aBrokerStoppedForAWhileAndStartedAgainLosesNothing() throws Exception {
    JobClient job = FaultLinkJob.submit(
        config("outage", LocalKafkaBroker.SLOW_CONSUMER, false, tmp.resolve("cp-outage")), cells, regions,
        new Configuration());
    try {
      awaitTrue("committed attributions before the outage", Duration.ofMinutes(3),
          () -> !broker.readAll("outage.attributions", "read_committed").isEmpty());
      broker.stop();
      TimeUnit.SECONDS.sleep(10);
      broker.startAgain();
      job.getJobExecutionResult().get(8, TimeUnit.MINUTES);
    } finally {
      cancel(job);
    }

    assertSameAsFileRun("outage.");
  }

  @Test
  void malformedMessagesGoToTheDeadLetterTopicAndTheJobKeepsRunning() throws Exception {
    KafkaLoad.createTopics(broker.bootstrap(), List.of("bad.alarms", "bad.complaints"), 1);
    String yaml = String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: 2",
        "sources:",
        "  alarms: {kafka: {bootstrapServers: '" + broker.bootstrap() + "', topic: bad.alarms, groupId: bad}}",
        "  complaints: {kafka: {bootstrapServers: '" + broker.bootstrap() + "', topic: bad.complaints, groupId: bad}}",
        "reference: {cells: sample-data/cells.csv, regions: sample-data/regions.csv}",
        "sinks:",
        "  kafka: {bootstrapServers: '" + broker.bootstrap() + "', topicPrefix: bad., transactionalIdPrefix: bad}",
        "deadLetters: {maxRawChars: 100, origin: true}",
        "checkpointing: {interval: PT1S, dir: " + tmp.resolve("cp-bad") + "}",
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of());
    JobClient job = FaultLinkJob.submit(config, cells, regions, new Configuration());
    try {
      deadLettersWhileRunning(job);
    } finally {
      cancel(job);
    }
  }

  private static void deadLettersWhileRunning(JobClient job) throws Exception {
    byte[] notUtf8 = concat("{\"eventId\":\"ev-x\",\"eventType\":\"AlarmCreateEvent\",\"note\":\"".getBytes(
        StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xC3, (byte) 0x28}, "\"".getBytes(StandardCharsets.UTF_8));
    String oversized = "{\"eventId\":\"ev-big\",\"filler\":\"" + "x".repeat(300_000);
    // Where the broker put each message: what its dead letter must name.
    Map<String, List<Long>> offsetsByRaw = new LinkedHashMap<>();
    Map<String, Integer> partitionByRaw = new LinkedHashMap<>();
    try (KafkaProducer<byte[], byte[]> producer = broker.unbatchedProducer()) {
      String cutRaw = oversized.substring(0, 100);
      for (Map.Entry<String, byte[]> m : List.of(
          Map.entry("this is not JSON", "this is not JSON".getBytes(StandardCharsets.UTF_8)),
          Map.entry(new String(notUtf8, StandardCharsets.UTF_8), notUtf8),
          Map.entry("", new byte[0]),
          new java.util.AbstractMap.SimpleEntry<>("", (byte[]) null), // a tombstone
          Map.entry(cutRaw, oversized.getBytes(StandardCharsets.UTF_8)))) {
        RecordMetadata at = send(producer, "bad.alarms", m.getValue());
        offsetsByRaw.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(at.offset());
        partitionByRaw.put(m.getKey(), at.partition());
      }
    }
    awaitTrue("five dead letters", Duration.ofMinutes(3),
        () -> broker.readAll("bad.dead-letters", "read_committed").size() >= 5);
    List<String> letters = values(broker.readAll("bad.dead-letters", "read_committed"));
    assertThat(letters).hasSize(5);
    assertThat(letters).anySatisfy(l -> assertThat(l)
        .contains("\"raw\":\"this is not JSON\"").contains("\"truncated\":false").contains("not valid JSON"));
    assertThat(letters).anySatisfy(l -> assertThat(l)
        .contains("\"raw\":\"{\\\"eventId\\\":\\\"ev-x\\\",\\\"eventType\\\":\\\"AlarmCreateEvent\\\",\\\"note\\\":\\\""
            + "\uFFFD\uFFFD(\\\"\""));
    assertThat(letters.stream().filter(l -> l.contains("\"raw\":\"\"") && l.contains("empty line"))).hasSize(2);
    String cut = oversized.substring(0, 100).replace("\"", "\\\"") + "\"";
    assertThat(letters).anySatisfy(l -> assertThat(l).contains("\"raw\":\"" + cut).contains("\"truncated\":true"));
    assertThat(letters).allSatisfy(l -> assertThat(l).startsWith("{\"source\":\"alarms\""));
    // Each names its topic, partition and offset, as the broker gave them when it took the message.
    Map<String, List<Long>> namedOffsets = new LinkedHashMap<>();
    for (String l : letters) {
      com.fasterxml.jackson.databind.JsonNode d = new ObjectMapper().readTree(l);
      String raw = d.get("raw").asText();
      assertThat(d.get("topic").asText()).as(l).isEqualTo("bad.alarms");
      assertThat(d.get("partition").asInt()).as(l).isEqualTo(partitionByRaw.get(raw));
      assertThat(d.get("file").isNull()).as(l).isTrue();
      namedOffsets.computeIfAbsent(raw, k -> new ArrayList<>()).add(d.get("offset").asLong());
    }
    namedOffsets.values().forEach(o -> o.sort(Comparator.naturalOrder()));
    assertThat(namedOffsets).isEqualTo(offsetsByRaw);
    assertThat(status(job)).isEqualTo(JobStatus.RUNNING);

    try (KafkaProducer<byte[], byte[]> producer = broker.unbatchedProducer()) {
      send(producer, "bad.alarms", KafkaLoad.lines(Path.of("sample-data/alarms.jsonl")).get(0));
      send(producer, "bad.alarms", "[\"still running\"]".getBytes(StandardCharsets.UTF_8));
    }
    awaitTrue("the sixth dead letter", Duration.ofMinutes(3),
        () -> broker.readAll("bad.dead-letters", "read_committed").size() >= 6);
    assertThat(values(broker.readAll("bad.dead-letters", "read_committed")))
        .anySatisfy(l -> assertThat(l).contains("still running"));
    // Counters reach the client with the task managers' heartbeats: wait for them.
    awaitTrue("seven lines read, six of them dead letters", Duration.ofMinutes(1), () -> {
      Map<String, Object> counters = accumulators(job);
      return Long.valueOf(7).equals(counters.get("eventsRead")) && Long.valueOf(6).equals(counters.get("deadLetters"));
    });
  }

  // ---------------------------------------------------------------------------------------------------------

  /**
   * A job reading the sample topics ({@code in.*}, works included), writing to {@code <name>.<stream>}, with
   * its own consumer group and transactional ids; every other setting is the sample config's, as in the file
   * run it is compared with.
   */
  private static FaultLinkConfig config(String name, String consumerProperties, boolean worksFromKafka,
      Path checkpoints) throws IOException {
    String b = broker.bootstrap();
    String kafka = "bootstrapServers: '" + b + "', bounded: true, groupId: " + name + ", properties: "
        + consumerProperties;
    String yaml = String.join("\n",
        "parallelism: 2",
        "sources:",
        "  alarms: {kafka: {topic: in.alarms, " + kafka + "}}",
        "  complaints: {kafka: {topic: in.complaints, " + kafka + "}}",
        worksFromKafka ? "  works: {kafka: {topic: in.works, " + kafka + "}}" : "  works: {file: sample-data/works.jsonl}",
        "sinks:",
        "  kafka: {bootstrapServers: '" + b + "', topicPrefix: " + name + "., transactionalIdPrefix: " + name + "}",
        "checkpointing: {interval: PT1S, dir: " + checkpoints + "}",
        "");
    return ConfigLoader.parse(sampleConfigWith(yaml), Map.of());
  }

  /** The sample config with the top-level sections of {@code overrides} replacing its own. */
  private static String sampleConfigWith(String overrides) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, Object> config = yaml.readValue(Path.of("config/faultlink.yaml").toFile(), LinkedHashMap.class);
    config.values().removeIf(Objects::isNull);
    config.putAll(yaml.readValue(overrides, LinkedHashMap.class));
    return yaml.writeValueAsString(config);
  }

  /** Every output topic holds exactly the lines of the file run: nothing missing, nothing twice. */
  private static void assertSameAsFileRun(String prefix) {
    for (String stream : SinksConfig.STREAMS) {
      List<String> got = values(broker.readAll(prefix + stream, "read_committed"));
      got.sort(Comparator.naturalOrder());
      assertThat(got).as(prefix + stream).containsExactlyElementsOf(expected.get(stream));
    }
  }

  private static List<String> values(List<Message> messages) {
    return messages.stream().map(Message::value).collect(Collectors.toCollection(ArrayList::new));
  }

  private static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value)
      throws Exception {
    return producer.send(new ProducerRecord<>(topic, value)).get(1, TimeUnit.MINUTES);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Cancels a job that is still running and waits until it is gone. */
  private static void cancel(JobClient job) throws Exception {
    if (!status(job).isGloballyTerminalState()) {
      job.cancel().get(1, TimeUnit.MINUTES);
    }
    awaitTrue("the job ended", Duration.ofMinutes(2), () -> status(job).isGloballyTerminalState());
  }

  private static Map<String, Object> accumulators(JobClient job) {
    try {
      return job.getAccumulators().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JobStatus status(JobClient job) {
    try {
      return job.getJobStatus().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  /** The newest completed checkpoint of a job (the one holding {@code _metadata} with the highest number). */
  private static Path lastCheckpoint(Path jobDir) throws IOException {
    try (Stream<Path> dirs = Files.list(jobDir)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
          .filter(d -> Files.exists(d.resolve("_metadata")))
          .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(4))))
          .orElseThrow(() -> new AssertionError("no completed checkpoint in " + jobDir));
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }
}
