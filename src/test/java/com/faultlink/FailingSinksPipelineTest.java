package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.config.AlertmanagerConfig;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.JdbcConfig;
import com.faultlink.io.output.alertmanager.AlertReceiver;
import com.faultlink.io.output.jdbc.TestPostgres;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample data run on a MiniCluster (parallelism 2) while the sinks that are not the job's own fail: a real
 * PostgreSQL server down at start, or stopped and started again mid-run; an Alertmanager stand-in answering 500.
 * Each run ends, its file outputs are a clean run's, and what the failing sinks did not get is in the run's
 * counts; rows buffered while the database was away arrive once it is back, leaving the clean run's tables.
 */
class FailingSinksPipelineTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final List<String> TABLES =
      List.of("metrics", "golden_windows", "outage_impacts", "work_impacts", "outage_status", "open_outages", "alerts",
          "incidents", "open_tickets", "burst_thresholds");

  @TempDir static Path tmp;
  private static TestPostgres pg;
  private static AlertReceiver receiver;
  private static Map<String, List<String>> cleanFiles;
  private static Map<String, Set<String>> cleanTables;

  @BeforeAll
  static void cleanRun() throws Exception {
    pg = TestPostgres.start();
    pg.createTables();
    receiver = new AlertReceiver().start();
    Map<String, Long> counts = run("clean", 0, 100_000);
    cleanFiles = files(tmp.resolve("clean"));
    cleanTables = tables();
    assertThat(counts.get(CounterNames.JDBC_UNWRITTEN)).isZero();
    assertThat(counts.get(CounterNames.ALERTMANAGER_UNDELIVERED)).isZero();
    assertThat(cleanTables.get("metrics")).isNotEmpty();
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (receiver != null) {
      receiver.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  private static Map<String, Long> run(String name, int throttle, int maxBufferedRows) throws Exception {
    Path out = tmp.resolve(name);
    String yaml = Files.readString(Path.of("config/faultlink.yaml"));
    if (throttle > 0) {
      yaml = yaml.replace("# throttleEventsPerSecond: 500", "throttleEventsPerSecond: " + throttle);
    }
    FaultLinkConfig base = ConfigLoader.parse(yaml, Map.of()).withSinksDir(out.toString()).withParallelism(2);
    FaultLinkConfig config = base.withSinks(base.sinks()
        .withAlertmanager(new AlertmanagerConfig(receiver.url(), "http://faultlink.example/alerts",
            Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(2), 10_000,
            Duration.ofSeconds(2)))
        .withJdbc(new JdbcConfig(pg.url(), TestPostgres.DB_USER, null, 200, Duration.ofMillis(200), 3)
            .with(maxBufferedRows, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofSeconds(30))));
    return FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void aDatabaseDownAtStartAndAReceiverAnswering500StopNothingAndWhatTheyMissedIsCounted() throws Exception {
    truncateTables();
    receiver.answering(body -> 500);
    pg.stopServer();
    Map<String, Long> counts;
    try (LogCapture logs = new LogCapture()) {
      counts = run("all-down", 0, 20);
      assertThat(logs.text()).contains("database unavailable").contains("alerts never accepted")
          .contains("rows never written");
    } finally {
      pg.startServer();
      receiver.answering(body -> 200);
    }
    assertThat(files(tmp.resolve("all-down"))).as("file outputs of a clean run").isEqualTo(cleanFiles);

    // every alert, in its latest state per alertId, is what Alertmanager would have held
    Set<String> alertIds = new TreeSet<>();
    for (String line : cleanFiles.get("alerts")) {
      alertIds.add(new ObjectMapper().readTree(line).get("alertId").asText());
    }
    assertThat(counts.get(CounterNames.ALERTMANAGER_UNDELIVERED)).as("alerts never accepted")
        .isEqualTo(alertIds.size());
    // every row the tables would have had: one per record of each table's stream, outage status twice
    long rows = cleanFiles.get("metrics").size() + cleanFiles.get("golden-windows").size()
        + cleanFiles.get("outage-impacts").size() + cleanFiles.get("work-impacts").size()
        + 2L * cleanFiles.get("outage-status").size() + cleanFiles.get("alerts").size()
        + cleanFiles.get("incidents").size() + cleanFiles.get("open-tickets").size()
        + cleanFiles.get("burst-thresholds").size();
    assertThat(counts.get(CounterNames.JDBC_UNWRITTEN)).as("rows never written").isEqualTo(rows);
    // at most 20 rows buffered per table and writer (10 tables, 2 writers each); the rest dropped as they came
    assertThat(counts.get(CounterNames.JDBC_UNWRITTEN_AT_END)).isBetween(1L, 10 * 2 * 20L);
    assertThat(counts.get(CounterNames.JDBC_DROPPED))
        .isEqualTo(rows - counts.get(CounterNames.JDBC_UNWRITTEN_AT_END));
    assertThat(tables().values()).as("nothing written").allMatch(Set::isEmpty);
  }

  @Test
  void rowsBufferedWhileTheDatabaseIsAwayArriveWhenItIsBack() throws Exception {
    truncateTables();
    pg.stopServer(); // down at start
    Map<String, Long> counts;
    try (LogCapture logs = new LogCapture()) {
      CompletableFuture<Map<String, Long>> running = CompletableFuture.supplyAsync(() -> {
        try {
          return run("db-back", 400, 100_000);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      awaitLog(logs, "database unavailable", 1);
      pg.startServer();
      awaitLog(logs, "database reachable again", 1);
      int downs = occurrences(logs.text(), "database unavailable");
      pg.stopServer(); // and away again mid-run
      awaitLog(logs, "database unavailable", downs + 1);
      pg.startServer();
      assertThat(running).as("the run goes on while the database comes and goes").isNotDone();
      counts = running.get();
      assertThat(logs.text()).contains("database unavailable").contains("database reachable again");
    }
    assertThat(files(tmp.resolve("db-back"))).as("file outputs of a clean run").isEqualTo(cleanFiles);
    assertThat(counts.get(CounterNames.JDBC_UNWRITTEN)).isZero();
    assertThat(tables()).as("the clean run's tables").isEqualTo(cleanTables);
  }

  private static void awaitLog(LogCapture logs, String text, int times) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (occurrences(logs.text(), text) < times) {
      assertThat(System.nanoTime()).as("waiting for the log line: %s", text).isLessThan(until);
      Thread.sleep(50);
    }
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static void truncateTables() throws Exception {
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE " + String.join(", ", TABLES));
    }
  }

  /** Every row of every table, as {@code a|b|c}. */
  private static Map<String, Set<String>> tables() throws Exception {
    Map<String, Set<String>> out = new TreeMap<>();
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      for (String t : TABLES) {
        Set<String> rows = new TreeSet<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              cols.add(String.valueOf(rs.getObject(i)));
            }
            rows.add(String.join("|", cols));
          }
        }
        out.put(t, rows);
      }
    }
    return out;
  }

  /** Every output stream's lines, sorted (the order across parallel writers is not part of the contract). */
  private static Map<String, List<String>> files(Path out) throws Exception {
    Map<String, List<String>> streams = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(out)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(d)) {
          for (Path f : parts.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
            lines.addAll(Files.readAllLines(f));
          }
        }
        lines.sort(null);
        streams.put(d.getFileName().toString(), lines);
      }
    }
    return streams;
  }
}
