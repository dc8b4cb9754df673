package com.faultlink.config;

import java.io.Serializable;
import java.util.Map;

/**
 * Where the output streams go: {@code dir} holds one folder per stream; {@code alertmanager} (optional) also
 * receives every alert; {@code jdbc} (optional) also receives metrics, golden windows, impacts, open outages and
 * alerts.
 */
public record SinksConfig(String dir, AlertmanagerConfig alertmanager, JdbcConfig jdbc) implements Serializable {

  public SinksConfig(String dir) {
    this(dir, null, null);
  }

  static SinksConfig read(ConfigNode node, Map<String, String> env) {
    String dir = node.outputDir("dir", true);
    AlertmanagerConfig am = node.has("alertmanager") ? AlertmanagerConfig.read(node.child("alertmanager")) : null;
    if (am == null) {
      node.child("alertmanager");
    }
    JdbcConfig jdbc = node.has("jdbc") ? JdbcConfig.read(node.child("jdbc"), env) : null;
    if (jdbc == null) {
      node.child("jdbc");
    }
    return new SinksConfig(dir, am, jdbc);
  }

  public SinksConfig withDir(String newDir) {
    return new SinksConfig(newDir, alertmanager, jdbc);
  }

  public SinksConfig withAlertmanager(AlertmanagerConfig am) {
    return new SinksConfig(dir, am, jdbc);
  }

  public SinksConfig withJdbc(JdbcConfig j) {
    return new SinksConfig(dir, alertmanager, j);
  }
}
