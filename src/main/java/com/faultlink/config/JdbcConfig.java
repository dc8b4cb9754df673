package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * {@code sinks.jdbc}: a PostgreSQL database that also receives metrics, golden windows, outage impacts, work
 * impacts, open outages and alerts, as idempotent upserts into the tables of {@code jobs/sql/faultlink.sql}.
 *
 * @param password {@code password}, else the environment variable {@code FAULTLINK_JDBC_PASSWORD}, else none
 * @param batchSize rows buffered per table before they are written (they are also written on every checkpoint)
 * @param batchInterval buffered rows are written at least this often
 * @param maxRetries attempts of a failed batch before the job fails (and restarts from its checkpoint)
 */
public record JdbcConfig(String url, String user, String password, int batchSize, Duration batchInterval,
    int maxRetries) implements Serializable {

  public static final String PASSWORD_ENV = "FAULTLINK_JDBC_PASSWORD";

  static JdbcConfig read(ConfigNode node, Map<String, String> env) {
    String url = node.requiredString("url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new ConfigException("config key '" + node.keyPath("url") + "': '" + url
          + "' is not a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/faultlink");
    }
    String password = node.string("password", null);
    if (password == null) {
      password = env.get(PASSWORD_ENV);
    }
    return new JdbcConfig(url, node.string("user", null), password, node.integer("batchSize", 500, 1, 100_000),
        node.duration("batchInterval", Duration.ofSeconds(1), true), node.integer("maxRetries", 3, 0, 100));
  }

  @Override
  public String toString() {
    return "JdbcConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
