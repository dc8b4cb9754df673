package com.faultlink.config;

import java.io.Serializable;

/** Where the output streams go: {@code dir} holds one folder per stream. */
public record SinksConfig(String dir) implements Serializable {

  static SinksConfig read(ConfigNode node) {
    return new SinksConfig(node.outputDir("dir", true));
  }

  public SinksConfig withDir(String newDir) {
    return new SinksConfig(newDir);
  }
}
