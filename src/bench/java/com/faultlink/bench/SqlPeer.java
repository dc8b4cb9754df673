package com.faultlink.bench;

import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * {@code SqlPeer --config FILE --parallelism N --out DIR --label NAME --results FILE [--warmup CONFIG]}: the
 * peer a user would otherwise write — same-cell complaint-to-outage attribution as Flink SQL interval joins over the same files, on
 * an embedded MiniCluster like the pipeline (streaming, heap state, checkpoints every 2 s, which the file sink needs
 * to commit).
 *
 * <p>What it does: alarms and complaints read with Flink's {@code json} format (damaged lines skipped), event time
 * from {@code eventTime} with the same 5-minute out-of-orderness; an outage is a {@code cellOutage} raise joined to
 * its clear (same source system and alarm id, within a day; LEFT join: still open when none came); each complaint
 * is joined to the outages of its serving cell that started at most a day before it and had not ended more than
 * 30 minutes before it. What it does not do, and FaultLink does: duplicate events and tickets, flapping merged into
 * one outage, the cell table (unknown cells), site and neighbour levels, the one best outage per complaint (a
 * complaint matching two outages is written twice; one matching none is not written), planned works, dead letters,
 * every other output stream. It is the floor a hand-written SQL job starts from, not an equivalent. With
 * {@code --warmup}, the same job runs once over CONFIG's files first, unmeasured, on the same embedded cluster, as
 * the pipeline's does.
 */
public final class SqlPeer {
  private SqlPeer() {}

  public static void main(String[] args) {
    BenchCluster.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    String configFile = null;
    String out = "/tmp/bench-data/out/sql";
    String label = "sql";
    String results = null;
    int parallelism = 2;
    String warmupConfig = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> configFile = args[++i];
        case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
        case "--out" -> out = args[++i];
        case "--label" -> label = args[++i];
        case "--results" -> results = args[++i];
        case "--warmup" -> warmupConfig = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Run warmup = null;
    MiniCluster cluster = null;
    if (warmupConfig != null) {
      long w0 = System.nanoTime();
      cluster = BenchCluster.start(new Configuration(), parallelism);
      warmup = attribute(cluster, warmupConfig, parallelism, Path.of(out + "-warmup").toAbsolutePath());
      System.err.printf("bench: warm-up on %s took %.1f s%n", warmupConfig, (System.nanoTime() - w0) / 1e9);
    }
    Path outDir = Path.of(out).toAbsolutePath();
    Run run = attribute(cluster, configFile, parallelism, outDir);
    long rows = 0;
    try (Stream<Path> files = Files.walk(outDir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))::iterator) {
        rows += BenchData.lines(f);
      }
    }
    long events = run.events();
    double seconds = (run.t1() - run.t0()) / 1e9;
    double cpuSeconds = (run.cpu1() - run.cpu0()) / 1e9;
    Results r = new Results(label);
    r.putThroughput(parallelism, events, seconds, cpuSeconds);
    r.put("rowsWritten", rows);
    System.err.printf("bench: %s: %,d events in %.1f s = %,.0f events/s, %.1f CPU s, %,d attribution rows%n", label,
        events, seconds, events / seconds, cpuSeconds, rows);
    r.appendTo(results);
    // At the end, not after each run: the embedded cluster may still be cleaning up a finished job's checkpoints.
    if (cluster != null) {
      cluster.close();
    }
    deleteTree(run.checkpoints());
    if (warmup != null) {
      deleteTree(warmup.checkpoints());
    }
  }

  /** One run of the SQL job: its input lines, the wall-clock and process CPU instants around it, its checkpoints. */
  record Run(long events, long t0, long t1, long cpu0, long cpu1, Path checkpoints) {}

  /**
   * Runs the SQL attribution over the files of {@code configFile} into {@code outDir} (emptied first), on {@code
   * cluster} or, where null, on an embedded cluster of its own.
   */
  private static Run attribute(MiniCluster cluster, String configFile, int parallelism, Path outDir)
      throws Exception {
    FaultLinkConfig config = ConfigLoader.load(Path.of(configFile));
    Path alarms = Path.of(config.sources().alarms().file()).toAbsolutePath();
    Path complaints = Path.of(config.sources().complaints().file()).toAbsolutePath();
    deleteTree(outDir);
    Path checkpoints = Files.createTempDirectory("faultlink-bench-sql");

    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(2));
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = cluster == null ? StreamExecutionEnvironment.getExecutionEnvironment(conf)
        : BenchCluster.environment(cluster, conf);
    env.setParallelism(parallelism);
    StreamTableEnvironment t = StreamTableEnvironment.create(env);

    String ts = "COALESCE(TO_TIMESTAMP_LTZ(eventTime, 'yyyy-MM-dd''T''HH:mm:ssXXX'), TO_TIMESTAMP_LTZ(0, 3))";
    t.executeSql("CREATE TEMPORARY TABLE alarms ("
        + " eventId STRING, eventType STRING, eventTime STRING,"
        + " event ROW<alarm ROW<id STRING, state STRING, probableCause STRING, alarmedObject ROW<id STRING>,"
        + "   sourceSystemId STRING>>,"
        + " t AS " + ts + ","
        + " WATERMARK FOR t AS t - INTERVAL '5' MINUTE"
        + ") WITH ('connector' = 'filesystem', 'path' = '" + alarms.toUri() + "', 'format' = 'json',"
        + " 'json.ignore-parse-errors' = 'true')");
    t.executeSql("CREATE TEMPORARY TABLE complaints ("
        + " eventId STRING, eventType STRING, eventTime STRING,"
        + " event ROW<troubleTicket ROW<id STRING, relatedEntity ARRAY<ROW<`role` STRING, id STRING>>>>,"
        + " t AS " + ts + ","
        + " WATERMARK FOR t AS t - INTERVAL '5' MINUTE"
        + ") WITH ('connector' = 'filesystem', 'path' = '" + complaints.toUri() + "', 'format' = 'json',"
        + " 'json.ignore-parse-errors' = 'true')");
    t.executeSql("CREATE TEMPORARY TABLE attributions ("
        + " complaintId STRING, cellId STRING, outageId STRING, lagMinutes DOUBLE"
        + ") WITH ('connector' = 'filesystem', 'path' = '" + outDir.toUri() + "', 'format' = 'json')");
    t.executeSql("CREATE TEMPORARY VIEW raises AS"
        + " SELECT event.alarm.sourceSystemId AS src, event.alarm.id AS aid, event.alarm.alarmedObject.id AS cell, t"
        + " FROM alarms WHERE eventType = 'AlarmCreateEvent' AND event.alarm.probableCause = 'cellOutage'");
    t.executeSql("CREATE TEMPORARY VIEW clears AS"
        + " SELECT event.alarm.sourceSystemId AS src, event.alarm.id AS aid, t FROM alarms"
        + " WHERE eventType = 'AlarmClearedEvent'"
        + "   OR (eventType = 'AlarmStateChangeEvent' AND LOWER(event.alarm.state) = 'cleared')");
    t.executeSql("CREATE TEMPORARY VIEW outages AS"
        + " SELECT r.cell, r.src || '/' || r.aid AS outageId, r.t AS startT, c.t AS endT"
        + " FROM raises r LEFT JOIN clears c"
        + "   ON r.src = c.src AND r.aid = c.aid AND c.t BETWEEN r.t AND r.t + INTERVAL '1' DAY");
    t.executeSql("CREATE TEMPORARY VIEW located AS"
        + " SELECT c.event.troubleTicket.id AS ticket, e.id AS cell, c.t"
        + " FROM complaints c CROSS JOIN UNNEST(c.event.troubleTicket.relatedEntity) AS e(`role`, id)"
        + " WHERE c.eventType = 'TroubleTicketCreateEvent' AND e.`role` = 'servingCell'");
    String insert = "INSERT INTO attributions"
        + " SELECT l.ticket, l.cell, o.outageId, TIMESTAMPDIFF(SECOND, o.startT, l.t) / 60.0"
        + " FROM located l JOIN outages o"
        + "   ON l.cell = o.cell AND l.t BETWEEN o.startT AND o.startT + INTERVAL '1' DAY"
        + "   AND (o.endT IS NULL OR l.t <= o.endT + INTERVAL '30' MINUTE)";
    if (Boolean.getBoolean("bench.sql.explain")) {
      System.err.println(t.explainSql(insert));
    }

    long events = BenchData.lines(alarms) + BenchData.lines(complaints);
    long cpu0 = PipelineBench.Memory.processCpuNanos();
    long t0 = System.nanoTime();
    t.executeSql(insert).await();
    long t1 = System.nanoTime();
    long cpu1 = PipelineBench.Memory.processCpuNanos();
    return new Run(events, t0, t1, cpu0, cpu1, checkpoints);
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p); // one the cluster was still cleaning up may be gone by now
      }
    }
  }
}
