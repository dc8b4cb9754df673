package com.faultlink.config;

import java.io.Serializable;

/** Where one input is read from: a file (or a folder of files). */
public record InputConfig(String file) implements Serializable {

  static InputConfig read(ConfigNode node) {
    return new InputConfig(node.existingPath("file", true));
  }
}
