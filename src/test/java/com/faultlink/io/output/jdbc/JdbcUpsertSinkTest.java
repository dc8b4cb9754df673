package com.faultlink.io.output.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.JdbcConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One table's writer against a real PostgreSQL server that is down, comes back, or refuses a row. */
class JdbcUpsertSinkTest {
  private static final String SQL = "INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v";
  private static final JdbcStatementBuilder<String> FILL = (ps, row) -> {
    String[] kv = row.split(":");
    ps.setString(1, kv[0]);
    ps.setInt(2, Integer.parseInt(kv[1]));
  };
  private static TestPostgres pg;

  @BeforeAll
  static void startServer() throws Exception {
    pg = TestPostgres.start();
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE kv (k text PRIMARY KEY, v int NOT NULL CHECK (v >= 0))");
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void emptyTable() throws Exception {
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE kv");
    }
  }

  private static JdbcUpsertSink.Writer<String> writer(int maxBuffered) {
    JdbcConfig config = new JdbcConfig(pg.url(), TestPostgres.DB_USER, null, 100, Duration.ofMillis(20), 3)
        .with(maxBuffered, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    return new JdbcUpsertSink.Writer<>(config, "kv", SQL, FILL, StringSerializer.INSTANCE,
        new UnregisteredMetricsGroup(), null, 0);
  }

  private static Map<String, Integer> table() throws Exception {
    Map<String, Integer> rows = new TreeMap<>();
    try (Connection c = pg.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT k, v FROM kv")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getInt(2));
      }
    }
    return rows;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(until);
      Thread.sleep(20);
    }
  }

  @Test
  void rowsBufferedWhileTheDatabaseIsDownSurviveACheckpointAndArriveInOrder() throws Exception {
    pg.stopServer();
    byte[] state;
    JdbcUpsertSink.Writer<String> first = writer(100).start();
    try {
      for (String row : List.of("a:1", "b:2", "a:3")) {
        first.write(row, null);
      }
      Thread.sleep(300); // a few failed tries
      assertThat(first.counts.failures.get()).isPositive();
      state = first.snapshotState(1).get(0);
    } finally {
      first.close(); // a cancel or a failover: not the end of input, nothing counted as lost
      pg.startServer();
    }
    assertThat(first.counts.unwritten()).isZero();
    JdbcUpsertSink.Writer<String> restored = writer(100);
    restored.restore(state);
    restored.start();
    await(() -> restored.buffered() == 0, "the restored rows written");
    restored.flush(true);
    restored.close();
    assertThat(table()).as("the later a:3 wins, as in order").isEqualTo(Map.of("a", 3, "b", 2));
    assertThat(restored.counts.unwritten()).isZero();
  }

  @Test
  void aRowRefusedAsInvalidIsGivenUpAndTheOthersOfItsBatchAreWritten() throws Exception {
    JdbcUpsertSink.Writer<String> w = writer(100);
    for (String row : List.of("a:1", "b:-1", "c:2")) {
      w.write(row, null); // one batch: b violates the CHECK, which fails the whole transaction
    }
    w.start();
    await(() -> w.buffered() == 0, "the batch handled");
    w.flush(true);
    w.close();
    assertThat(table()).isEqualTo(Map.of("a", 1, "c", 2));
    assertThat(w.counts.rejected.get()).isEqualTo(1);
    assertThat(w.counts.unwritten()).isEqualTo(1);
  }

  @Test
  void beyondTheBoundTheOldestRowsAreDroppedAndAllUnwrittenRowsCountedAtTheEnd() throws Exception {
    pg.stopServer();
    JdbcUpsertSink.Writer<String> w = writer(2).start();
    try {
      for (String row : List.of("a:1", "b:2", "c:3")) {
        w.write(row, null);
      }
      w.flush(true); // the end of input with the database still down: one more try, then given up
      w.close();
    } finally {
      pg.startServer();
    }
    assertThat(w.counts.dropped.get()).as("a:1, the oldest").isEqualTo(1);
    assertThat(w.counts.unwrittenAtEnd.get()).isEqualTo(2);
    assertThat(w.counts.unwritten()).isEqualTo(3);
    assertThat(table()).isEmpty();
  }
}
