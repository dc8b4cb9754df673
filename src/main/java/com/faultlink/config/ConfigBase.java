package com.faultlink.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code base: OTHER.yaml} at the top of a config: the config is that file with this one's keys laid over it, so
 * the sample configs (files, Kafka, cluster, province-month) share one set of tunables and cannot drift apart.
 * Mappings merge key by key at every depth; any other value replaces the base's; {@code ~} (null) removes the
 * base's key. A base may have a base of its own. Paths are relative to the working directory, as every path in
 * a config.
 */
final class ConfigBase {
  static final String KEY = "base";
  private static final int MAX_DEPTH = 8;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigBase() {}

  static JsonNode readYaml(String yaml, String what) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(what + " is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
  }

  /** The tree with its {@code base} chain resolved and merged in; without {@code base} the tree itself. */
  static JsonNode resolve(JsonNode tree) {
    return resolve(tree, new ArrayList<>());
  }

  private static JsonNode resolve(JsonNode tree, List<Path> chain) {
    if (tree == null || !tree.isObject() || !tree.has(KEY)) {
      return tree;
    }
    JsonNode ref = tree.get(KEY);
    if (!ref.isTextual() || ref.asText().isBlank()) {
      throw new ConfigException("config key 'base': expected the path of another config file");
    }
    Path file = Path.of(ref.asText().trim()).toAbsolutePath().normalize();
    if (chain.contains(file) || chain.size() >= MAX_DEPTH) {
      throw new ConfigException("config key 'base': " + file + " is its own base (through " + chain + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config key 'base': no such file: " + file);
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("config key 'base': cannot read " + file + ": " + e.getMessage());
    }
    chain.add(file);
    JsonNode base = resolve(readYaml(text, "base config " + file), chain);
    if (base == null || !base.isObject()) {
      throw new ConfigException("config key 'base': " + file + " is not a mapping of keys to values");
    }
    ObjectNode own = ((ObjectNode) tree).deepCopy();
    own.remove(KEY);
    return merge((ObjectNode) base.deepCopy(), own);
  }

  /** {@code over} laid over {@code base}: mappings merged, other values replaced, nulls removing the key. */
  static ObjectNode merge(ObjectNode base, ObjectNode over) {
    Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      JsonNode value = e.getValue();
      JsonNode current = base.get(e.getKey());
      if (value == null || value.isNull()) {
        base.remove(e.getKey());
      } else if (value.isObject() && current != null && current.isObject()) {
        merge((ObjectNode) current, (ObjectNode) value);
      } else {
        base.set(e.getKey(), value);
      }
    }
    return base;
  }
}
