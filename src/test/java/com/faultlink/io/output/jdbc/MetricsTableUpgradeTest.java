package com.faultlink.io.output.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jobs/sql/faultlink.sql run again over a metrics table of the first release (the table without the later figures)
 * gives it every column the sink writes, and keeps its rows.
 */
class MetricsTableUpgradeTest {
  private static TestPostgres pg;

  /** The metrics table as the first release's DDL made it. */
  private static final String FIRST_RELEASE_METRICS = """
      CREATE TABLE metrics (
        region text NOT NULL, period text NOT NULL, period_start date NOT NULL, outages bigint NOT NULL,
        planned_outages bigint NOT NULL, outage_hours double precision NOT NULL, complaints bigint NOT NULL,
        fault_complaints bigint NOT NULL, planned_complaints bigint NOT NULL,
        complaints_per_10k double precision NOT NULL, voice_per_10k double precision NOT NULL,
        data_per_10k double precision NOT NULL, messaging_per_10k double precision NOT NULL,
        other_per_10k double precision NOT NULL, complainants bigint NOT NULL, repeat_complainants bigint NOT NULL,
        repeat_complaint_rate_pct double precision, outages_change_pct double precision,
        outage_hours_change_pct double precision, fault_complaints_change_pct double precision,
        PRIMARY KEY (region, period, period_start))""";

  @BeforeAll
  static void startServer() throws Exception {
    pg = TestPostgres.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void anOlderMetricsTableGetsEveryColumnTheSinkWrites() throws Exception {
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      st.execute(FIRST_RELEASE_METRICS);
      st.execute("INSERT INTO metrics VALUES ('Yinchuan', 'day', '2026-10-05', 1, 0, 2.5, 3, 1, 0, 0.3, 0.1, 0.1, "
          + "0.1, 0, 3, 0, 0, null, null, null)");
    }
    pg.createTables();

    List<String> written = insertedColumns(JdbcOutputs.METRICS);
    List<String> columns = new ArrayList<>();
    try (Connection c = pg.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'metrics'")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    assertThat(written).hasSize(37);
    assertThat(columns).containsAll(written);
    try (Connection c = pg.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT outages, period_end FROM metrics WHERE region = 'Yinchuan'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(1);
      assertThat(rs.getObject(2)).as("a row written before the upgrade has no period end").isNull();
    }
  }

  /** The columns an {@code INSERT INTO t (a, b, ...)} names. */
  private static List<String> insertedColumns(String sql) {
    String list = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')'));
    List<String> names = new ArrayList<>();
    for (String name : list.split(",")) {
      names.add(name.strip());
    }
    return names;
  }
}
