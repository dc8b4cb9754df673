package com.faultlink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Parses a YAML snippet for tests of one config section. */
final class ConfigLoaderTestSupport {
  private ConfigLoaderTestSupport() {}

  static JsonNode yaml(String text) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
