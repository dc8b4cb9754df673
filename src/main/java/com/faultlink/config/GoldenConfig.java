package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;

/** Golden-window settings. @param fixedWindow when set, used instead of the learned golden window */
public record GoldenConfig(Duration fixedWindow) implements Serializable {

  static GoldenConfig read(ConfigNode node) {
    return new GoldenConfig(node.duration("fixedWindow", null, false));
  }
}
