package com.faultlink.bench;

import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.tools.KafkaLoad;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code LatencyBench --bootstrap HOST:PORT [--rate N] [--seconds S] [--warmup S] [--out-of-orderness PT2S]
 * [--checkpoint-interval PT1S] [--label NAME] [--results FILE]}:
 * end-to-end latency of the FaultLink job through Kafka at a steady input rate.
 *
 * <p>Submits the job ({@code FaultLinkJob.submit}: unbounded Kafka sources, exactly-once Kafka sinks) on an
 * embedded MiniCluster in this JVM, then drives live TMF642/TMF621 lines with event time = now, N lines/s in all:
 * one line in five a complaint, the rest alarms — mostly noise (causes other than {@code cellOutage}), plus a
 * {@code cellOutage} raise on a random cell every {@link #OUTAGE_EVERY} cleared {@link #OUTAGE_LASTS} later, so
 * that each outage breaches the 1-minute golden window. Half the complaints are on cells of open outages (cell-level
 * attributions), half anywhere. A {@code read_committed} consumer on the attributions and alerts topics records:
 * <ul>
 *   <li>complaint latency: wall clock when its attribution is read − wall clock when the complaint was sent;</li>
 *   <li>breach latency: wall clock when the outage's {@code GOLDEN_WINDOW_BREACHED} is read − (its raise time +
 *       the window), the instant the breach became a fact.</li>
 * </ul>
 * Samples count when the complaint was sent, or the breach fell, inside the measured span (after the warm-up);
 * load continues after it until every such sample is read (or a minute passes), so that event time moves on.
 * Prints a table; appends {@code NAME.key=value} figures to the results file.
 */
public final class LatencyBench {
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final Duration OUTAGE_EVERY = Duration.ofSeconds(2);
  static final Duration OUTAGE_LASTS = Duration.ofSeconds(90);
  static final String PREFIX = "lat.";
  private static final Pattern COMPLAINT_ID = Pattern.compile("\"complaintId\":\"([^\"]+)\"");
  private static final Pattern CELL_ID = Pattern.compile("\"cellId\":\"([^\"]+)\"");
  private static final String[] NOISE = {"highTemperature", "powerProblem", "linkFailure", "softwareError"};
  private static final String[] CATEGORIES = {"voice", "data", "messaging", "other"};

  private final String bootstrap;
  private final String outOfOrderness;
  private final String checkpoints;
  private final List<String[]> cells = new ArrayList<>(); // cell id, region
  private final Random random = new Random(7);
  /** Complaint id → wall-clock ms it was sent; removed when its attribution is read. */
  private final Map<String, Long> complaintsSent = new ConcurrentHashMap<>();
  /** Cell id → wall-clock ms its outage breaches (raise + window); removed when the alert is read. */
  private final Map<String, Long> breachDue = new ConcurrentHashMap<>();
  private final Histogram complaintMs = new Histogram(3_600_000L, 3);
  private final Histogram breachMs = new Histogram(3_600_000L, 3);
  private volatile long measureFrom = Long.MAX_VALUE;
  private volatile long measureUntil = Long.MAX_VALUE;
  private long seq;
  private volatile long attributionsRead;
  private volatile long breachesRead;

  private LatencyBench(String bootstrap, String outOfOrderness, String checkpoints) throws Exception {
    this.bootstrap = bootstrap;
    this.outOfOrderness = outOfOrderness;
    this.checkpoints = checkpoints;
    List<String> lines = Files.readAllLines(Path.of("sample-data/cells.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      cells.add(new String[] {f[0], f[2]});
    }
  }

  public static void main(String[] args) throws Exception {
    String bootstrap = null;
    String label = "latency";
    String results = null;
    int rate = 100;
    int seconds = 120;
    int warmup = 20;
    String outOfOrderness = "PT2S";
    String checkpoints = "PT1S";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--bootstrap" -> bootstrap = args[++i];
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--out-of-orderness" -> outOfOrderness = args[++i];
        case "--checkpoint-interval" -> checkpoints = args[++i];
        case "--label" -> label = args[++i];
        case "--results" -> results = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (bootstrap == null) {
      throw new IllegalArgumentException("--bootstrap HOST:PORT is required");
    }
    new LatencyBench(bootstrap, outOfOrderness, checkpoints).run(rate, seconds, warmup, label, results);
    System.exit(0); // the MiniCluster's threads
  }

  /** The job's config: live Kafka in and out, small out-of-orderness, frequent checkpoints, a fixed 1-min window. */
  String config() {
    String kafka = "bootstrapServers: \"" + bootstrap + "\", startingOffsets: earliest, idleTimeout: PT1S";
    return String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: 2",
        "sources:",
        "  alarms: {kafka: {" + kafka + ", topic: " + PREFIX + "alarms}}",
        "  complaints: {kafka: {" + kafka + ", topic: " + PREFIX + "complaints}}",
        "reference: {cells: sample-data/cells.csv, regions: sample-data/regions.csv}",
        "sinks:",
        "  kafka: {bootstrapServers: \"" + bootstrap + "\", topicPrefix: \"" + PREFIX + "\","
            + " transactionalIdPrefix: latency-" + System.currentTimeMillis() + "}",
        "outOfOrderness: " + outOfOrderness,
        "watermarks: {idleAfter: PT1S}",
        "golden: {fixedWindow: " + WINDOW + "}",
        "checkpointing: {interval: " + checkpoints + "}",
        "");
  }

  void run(int rate, int seconds, int warmup, String label, String resultsFile) throws Exception {
    FaultLinkConfig config = ConfigLoader.parse(config(), Map.of());
    KafkaLoad.createTopics(bootstrap, List.of(PREFIX + "alarms", PREFIX + "complaints"), 2);
    KafkaLoad.createTopics(bootstrap, List.of(PREFIX + "attributions", PREFIX + "alerts"), 2);
    JobClient job = FaultLinkJob.submit(config, CellTable.load(Path.of("sample-data/cells.csv")),
        RegionTable.load(Path.of("sample-data/regions.csv")), new Configuration());
    while (job.getJobStatus().get() != JobStatus.RUNNING) {
      Thread.sleep(200);
    }
    AtomicBoolean stop = new AtomicBoolean();
    Thread reader = new Thread(() -> read(stop), "latency-reader");
    reader.start();

    long start = System.currentTimeMillis();
    measureFrom = start + warmup * 1000L;
    measureUntil = measureFrom + seconds * 1000L;
    System.err.printf("bench: latency: job running; %d lines/s, warm-up %d s, measuring %d s; out-of-orderness %s,"
        + " checkpoints every %s%n", rate, warmup, seconds, outOfOrderness, checkpoints);
    long drainedBy = drive(rate, start, measureUntil + 60_000L);
    stop.set(true);
    reader.join();
    job.cancel().get();

    System.err.printf("bench: latency: read %d attributions and %d breach alerts in all (warm-up and drain included)%n",
        attributionsRead, breachesRead);
    long missingComplaints = complaintsSent.values().stream().filter(this::measured).count();
    long missingBreaches = breachDue.values().stream().filter(this::measured).count();
    Results r = new Results(label);
    r.put("rate", rate);
    r.put("seconds", seconds);
    r.put("warmup", warmup);
    r.put("outOfOrderness", outOfOrderness);
    r.put("checkpointInterval", checkpoints);
    r.put("drainSeconds", (drainedBy - measureUntil) / 1000.0);
    put(r, "complaint", complaintMs, missingComplaints);
    put(r, "breach", breachMs, missingBreaches);
    r.appendTo(resultsFile);
    System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s %7s %8s%n", "latency through Kafka (ms)", "p50", "p99", "max",
        "count", "missing");
    row("complaint sent -> attribution read", complaintMs, missingComplaints);
    row("breach instant -> BREACHED read", breachMs, missingBreaches);
  }

  private boolean measured(long t) {
    return t >= measureFrom && t < measureUntil;
  }

  private static void put(Results r, String what, Histogram h, long missing) {
    r.put(what + ".p50Ms", h.getValueAtPercentile(50));
    r.put(what + ".p99Ms", h.getValueAtPercentile(99));
    r.put(what + ".maxMs", h.getMaxValue());
    r.put(what + ".count", h.getTotalCount());
    r.put(what + ".missing", missing);
  }

  private static void row(String name, Histogram h, long missing) {
    System.out.printf(Locale.ROOT, "%-36s %,9d %,9d %,9d %,7d %,8d%n", name, h.getValueAtPercentile(50),
        h.getValueAtPercentile(99), h.getMaxValue(), h.getTotalCount(), missing);
  }

  /**
   * Sends at {@code rate} lines/s from {@code start} until every measured sample is read or {@code deadline};
   * returns when it stopped.
   */
  private long drive(int rate, long start, long deadline) throws Exception {
    Map<String, Long> openUntil = new HashMap<>(); // cell → wall-clock ms of its clear
    Map<String, String> alarmIds = new HashMap<>(); // cell → its open outage's alarm id
    Map<String, Long> raisedAt = new HashMap<>(); // cell → its open outage's raise time
    Set<String> used = new HashSet<>(); // a cell has one outage per run: a second would merge into the first
    long nextOutage = start;
    try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(bootstrap)) {
      for (long n = 0; ; n++) {
        long now = System.currentTimeMillis();
        if (now >= measureUntil && (now >= deadline || !pending())) {
          return now;
        }
        long due = start + n * 1000L / rate;
        if (due > now) {
          Thread.sleep(due - now);
          now = System.currentTimeMillis();
        }
        for (var it = openUntil.entrySet().iterator(); it.hasNext(); ) {
          var e = it.next();
          if (e.getValue() <= now) {
            send(producer, "alarms",
                alarm(alarmIds.remove(e.getKey()), e.getKey(), "cellOutage", raisedAt.remove(e.getKey()), now));
            it.remove();
          }
        }
        if (now >= nextOutage) {
          String cell = randomCell()[0];
          if (used.add(cell)) {
            String id = "LAT-" + (++seq);
            alarmIds.put(cell, id);
            raisedAt.put(cell, now);
            openUntil.put(cell, now + OUTAGE_LASTS.toMillis());
            breachDue.put(cell, now + WINDOW.toMillis());
            send(producer, "alarms", alarm(id, cell, "cellOutage", now, 0));
          }
          nextOutage += OUTAGE_EVERY.toMillis();
        }
        if (n % 5 == 0) {
          String[] cell = randomCell();
          if (!openUntil.isEmpty() && random.nextBoolean()) {
            String c = new ArrayList<>(openUntil.keySet()).get(random.nextInt(openUntil.size()));
            cell = cells.stream().filter(x -> x[0].equals(c)).findFirst().orElseThrow();
          }
          String id = "TT-LAT-" + (++seq);
          complaintsSent.put(id, now);
          send(producer, "complaints", complaint(id, cell, now));
        } else {
          String cell = randomCell()[0];
          String id = "LAT-" + (++seq);
          String cause = NOISE[random.nextInt(NOISE.length)];
          // a noise alarm: raised now, or (one in three) a clear of one raised a second ago
          send(producer, "alarms", random.nextInt(3) == 0 ? alarm(id, cell, cause, now - 1000, now)
              : alarm(id, cell, cause, now, 0));
        }
      }
    }
  }

  private boolean pending() {
    return complaintsSent.values().stream().anyMatch(this::measured)
        || breachDue.values().stream().anyMatch(this::measured);
  }

  private String[] randomCell() {
    return cells.get(random.nextInt(cells.size()));
  }

  private final Map<String, Integer> partitions = new HashMap<>();

  /** Round-robin over the topic's two partitions: both see lines all the time (an idle one would be skipped). */
  private void send(KafkaProducer<byte[], byte[]> producer, String topic, String line) {
    int partition = partitions.merge(topic, 1, (a, b) -> a ^ b);
    producer.send(new ProducerRecord<>(PREFIX + topic, partition, null, line.getBytes(StandardCharsets.UTF_8)));
  }

  /** A TMF642 raise ({@code clearedAt} 0) or clear of alarm {@code id}. */
  private String alarm(String id, String cell, String cause, long raisedAt, long clearedAt) {
    boolean clear = clearedAt != 0;
    String t = Instant.ofEpochMilli(clear ? clearedAt : raisedAt).toString();
    String raised = Instant.ofEpochMilli(raisedAt).toString();
    return "{\"eventId\":\"ev-" + id + (clear ? "-c" : "") + "\",\"eventType\":\""
        + (clear ? "AlarmClearedEvent" : "AlarmCreateEvent") + "\",\"eventTime\":\"" + t + "\",\"event\":{\"alarm\":"
        + "{\"id\":\"" + id + "\",\"alarmType\":\"communicationsAlarm\",\"state\":\"" + (clear ? "cleared" : "raised")
        + "\",\"perceivedSeverity\":\"" + (clear ? "cleared" : "critical") + "\",\"probableCause\":\"" + cause
        + "\",\"alarmedObject\":{\"id\":\"" + cell + "\",\"@referredType\":\"Cell\"},\"alarmRaisedTime\":\"" + raised
        + "\"" + (clear ? ",\"alarmClearedTime\":\"" + t + "\"" : "") + ",\"sourceSystemId\":\"OMC-LAT-1\"}}}";
  }

  private String complaint(String id, String[] cell, long now) {
    String t = Instant.ofEpochMilli(now).toString();
    return "{\"eventId\":\"ev-" + id + "\",\"eventType\":\"TroubleTicketCreateEvent\",\"eventTime\":\"" + t
        + "\",\"event\":{\"troubleTicket\":{\"id\":\"" + id + "\",\"ticketType\":\"complaint\",\"category\":\""
        + CATEGORIES[random.nextInt(CATEGORIES.length)] + "\",\"creationDate\":\"" + t
        + "\",\"severity\":\"minor\",\"channel\":{\"name\":\"app\"},\"relatedParty\":[{\"role\":\"customer\",\"id\":\""
        + (19900000000L + random.nextInt(1_000_000)) + "\"}],\"relatedEntity\":[{\"role\":\"servingCell\",\"id\":\""
        + cell[0] + "\",\"@referredType\":\"Cell\"},{\"role\":\"region\",\"id\":\"" + cell[1]
        + "\",\"@referredType\":\"GeographicArea\"}]}}}";
  }

  /** Reads attributions and alerts as committed, recording each measured sample once. */
  private void read(AtomicBoolean stop) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-bench-" + System.currentTimeMillis());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(PREFIX + "attributions", PREFIX + "alerts"));
      while (!stop.get()) {
        for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(50))) {
          long now = System.currentTimeMillis();
          String v = new String(rec.value(), StandardCharsets.UTF_8);
          if (rec.topic().endsWith("attributions")) {
            attributionsRead++;
            record(complaintsSent, match(COMPLAINT_ID, v), now, complaintMs);
          } else if (v.contains("\"type\":\"GOLDEN_WINDOW_BREACHED\"") && !v.contains("\"status\":\"resolved\"")) {
            breachesRead++;
            record(breachDue, match(CELL_ID, v), now, breachMs);
          }
        }
      }
    }
  }

  private void record(Map<String, Long> pending, String key, long now, Histogram h) {
    Long from = key == null ? null : pending.remove(key);
    if (from != null && measured(from)) {
      h.recordValue(Math.max(0, now - from));
    }
  }

  private static String match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
