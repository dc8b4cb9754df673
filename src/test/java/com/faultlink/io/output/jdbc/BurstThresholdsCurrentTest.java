package com.faultlink.io.output.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.BurstThreshold;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * burst-thresholds in PostgreSQL: the change log upserted as the sink does, and the view
 * {@code burst_thresholds_current} of jobs/sql/faultlink.sql giving each band's latest threshold.
 */
class BurstThresholdsCurrentTest {
  private static TestPostgres pg;

  @BeforeAll
  static void startServer() throws Exception {
    pg = TestPostgres.start();
    pg.createTables();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private static long t(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static void upsert(Connection c, BurstThreshold b) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(JdbcOutputs.BURST_THRESHOLDS)) {
      JdbcOutputs.burstThreshold(ps, b);
      ps.executeUpdate();
    }
  }

  @Test
  void theViewHasEachBandsLatestThreshold() throws Exception {
    String weekday = "weekday 09:00-09:15";
    String weekend = "weekend 09:00-09:15";
    try (Connection c = pg.connect()) {
      upsert(c, new BurstThreshold("Wuzhong", weekday, t("2026-10-12T00:00:00Z"), 15, 5, 0.4, "poisson"));
      upsert(c, new BurstThreshold("Wuzhong", weekday, t("2026-10-19T00:00:00Z"), 15, 7, 0.9, "poisson"));
      upsert(c, new BurstThreshold("Wuzhong", weekend, t("2026-10-12T00:00:00Z"), 15, 4, 0.3, "poisson"));
      upsert(c, new BurstThreshold("Guyuan", weekday, t("2026-10-05T00:00:00Z"), 15, 6, 0.5, "configured"));
      // A replay writes the same change again, here with another figure: the row is replaced, not added.
      upsert(c, new BurstThreshold("Wuzhong", weekday, t("2026-10-19T00:00:00Z"), 15, 8, 1.1, "negative-binomial"));

      List<String> rows = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT region, band, valid_from, threshold, distribution FROM burst_thresholds_current ORDER BY 1, 2")) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "|" + rs.getString(2) + "|"
              + rs.getObject(3, java.time.OffsetDateTime.class).toInstant() + "|" + rs.getDouble(4) + "|"
              + rs.getString(5));
        }
      }
      assertThat(rows).containsExactly(
          "Guyuan|weekday 09:00-09:15|2026-10-05T00:00:00Z|6.0|configured",
          "Wuzhong|weekday 09:00-09:15|2026-10-19T00:00:00Z|8.0|negative-binomial",
          "Wuzhong|weekend 09:00-09:15|2026-10-12T00:00:00Z|4.0|poisson");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM burst_thresholds")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the change log keeps every change").isEqualTo(4);
      }
    }
  }
}
