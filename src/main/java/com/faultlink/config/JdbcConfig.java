package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * {@code sinks.jdbc}: a PostgreSQL database that also receives metrics, golden windows, outage impacts, work
 * impacts, open outages and alerts, as idempotent upserts into the tables of {@code jobs/sql/faultlink.sql}. The
 * database is not the job's own: when it is unreachable the job goes on, buffering rows within a bound
 * ({@code docs/failure-sinks.md}).
 *
 * @param password {@code password}, else the environment variable {@code FAULTLINK_JDBC_PASSWORD}, else none
 * @param batchSize rows written per table in one transaction
 * @param batchInterval buffered rows are written at least this often
 * @param maxRetries no longer used: a failed write is retried with back-off until it succeeds or the run ends
 *     (read so that older configs still load)
 * @param maxBufferedRows rows kept per table and writer while the database is unreachable; beyond it the oldest are
 *     dropped and counted
 * @param initialBackoff first wait after a failed write; doubles up to {@code maxBackoff}
 * @param maxBackoff the longest wait between two tries
 * @param connectTimeout a connection (or a statement's answer) taking longer has failed
 * @param closeTimeout at the end of a bounded run, how long buffered rows are still tried
 */
public record JdbcConfig(String url, String user, String password, int batchSize, Duration batchInterval,
    int maxRetries, int maxBufferedRows, Duration initialBackoff, Duration maxBackoff, Duration connectTimeout,
    Duration closeTimeout) implements Serializable {

  public static final String PASSWORD_ENV = "FAULTLINK_JDBC_PASSWORD";

  /** With the default bounds and timings (tests). */
  public JdbcConfig(String url, String user, String password, int batchSize, Duration batchInterval,
      int maxRetries) {
    this(url, user, password, batchSize, batchInterval, maxRetries, 100_000, Duration.ofSeconds(1),
        Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  static JdbcConfig read(ConfigNode node, Map<String, String> env) {
    String url = node.requiredString("url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new ConfigException("config key '" + node.keyPath("url") + "': '" + UrlCredentials.redact(url)
          + "' is not a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/faultlink");
    }
    String password = node.string("password", null);
    if (password == null) {
      password = env.get(PASSWORD_ENV);
    }
    return new JdbcConfig(url, node.string("user", null), password, node.integer("batchSize", 500, 1, 100_000),
        node.duration("batchInterval", Duration.ofSeconds(1), true), node.integer("maxRetries", 3, 0, 100),
        node.integer("maxBufferedRows", 100_000, 1, 100_000_000),
        node.duration("initialBackoff", Duration.ofSeconds(1), false),
        node.duration("maxBackoff", Duration.ofMinutes(1), false),
        node.duration("connectTimeout", Duration.ofSeconds(10), false),
        node.duration("closeTimeout", Duration.ofSeconds(10), true));
  }

  /** The same database with other bounds and timings (tests). */
  public JdbcConfig with(int newMaxBufferedRows, Duration newInitialBackoff, Duration newMaxBackoff,
      Duration newConnectTimeout, Duration newCloseTimeout) {
    return new JdbcConfig(url, user, password, batchSize, batchInterval, maxRetries, newMaxBufferedRows,
        newInitialBackoff, newMaxBackoff, newConnectTimeout, newCloseTimeout);
  }

  @Override
  public String toString() {
    return "JdbcConfig[url=" + UrlCredentials.redact(url) + ", user=" + (user == null ? "none" : "***")
        + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
