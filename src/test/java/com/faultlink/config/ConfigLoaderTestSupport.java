package com.faultlink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Parses a YAML snippet for tests of one config section. */
final class ConfigLoaderTestSupport {
  private ConfigLoaderTestSupport() {}

  /**
   * The contract's minimal config (timezone, the two inputs, both tables, an output folder) over empty files made
   * in {@code dir}; a test adds the keys it is about after it.
   */
  static String minimalConfig(Path dir) throws IOException {
    for (String f : List.of("alarms.jsonl", "complaints.jsonl", "cells.csv", "regions.csv")) {
      Files.writeString(dir.resolve(f), "");
    }
    return String.join("\n",
        "timezone: Asia/Shanghai",
        "sources:",
        "  alarms: {file: " + dir.resolve("alarms.jsonl") + "}",
        "  complaints: {file: " + dir.resolve("complaints.jsonl") + "}",
        "reference:",
        "  cells: " + dir.resolve("cells.csv"),
        "  regions: " + dir.resolve("regions.csv"),
        "sinks:",
        "  dir: " + dir.resolve("out"),
        "");
  }

  static JsonNode yaml(String text) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
