package com.faultlink.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.faultlink.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter sweep: a base config, where the runs go, and for each chosen config key (any key path the
 * config accepts, e.g. {@code attribution.tail} or {@code golden.minOutages}) the values to try. Every
 * combination is one run; its config is the base YAML with those keys set, loaded by the ordinary config
 * loader, so a key or value it rejects stops the sweep before the first run, with the loader's message.
 *
 * <pre>
 * base: config/faultlink.yaml        # relative paths: to the working directory, as in a config
 * out: out/sweep
 * parameters:
 *   attribution.tail: [PT15M, PT30M]
 *   attribution.neighborRadiusKm: [1.0, 2.0]
 * </pre>
 */
public record SweepSpec(Path base, Path out, int parallelism, Map<String, List<JsonNode>> parameters) {

  static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  /** One combination: the value of each swept key, in the spec's key order. */
  public record Combination(int index, Map<String, JsonNode> values) {
    /** The run's folder name, {@code run-01}... */
    public String name() {
      return String.format("run-%02d", index);
    }
  }

  public static SweepSpec load(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new ConfigException("sweep file " + file + " is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("cannot read sweep file " + file + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("sweep file " + file + " must be a mapping with base, out and parameters");
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!List.of("base", "out", "parallelism", "parameters").contains(k)) {
        throw new ConfigException("sweep key '" + k + "' is not one of base, out, parallelism, parameters");
      }
    }
    String base = text(root, "base", null);
    if (base == null) {
      throw new ConfigException("sweep key 'base' is missing: the config every run starts from");
    }
    String out = text(root, "out", "out/sweep");
    int parallelism = root.path("parallelism").asInt(0);
    JsonNode params = root.get("parameters");
    if (params == null || !params.isObject() || params.isEmpty()) {
      throw new ConfigException("sweep key 'parameters' must map config keys to lists of values");
    }
    Map<String, List<JsonNode>> parameters = new LinkedHashMap<>();
    params.fields().forEachRemaining(e -> {
      List<JsonNode> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(values::add);
      } else {
        values.add(e.getValue());
      }
      if (values.isEmpty()) {
        throw new ConfigException("sweep parameter '" + e.getKey() + "' lists no values");
      }
      if (e.getKey().isBlank() || e.getKey().startsWith(".") || e.getKey().endsWith(".")) {
        throw new ConfigException("sweep parameter '" + e.getKey() + "' is not a config key path such as attribution.tail");
      }
      parameters.put(e.getKey(), values);
    });
    return new SweepSpec(Path.of(base).toAbsolutePath().normalize(), Path.of(out).toAbsolutePath().normalize(),
        parallelism, parameters);
  }

  private static String text(JsonNode root, String key, String fallback) {
    JsonNode v = root.get(key);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  /** Every combination of the values, the first key varying slowest. */
  public List<Combination> combinations() {
    List<Map<String, JsonNode>> all = new ArrayList<>();
    all.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<JsonNode>> p : parameters.entrySet()) {
      List<Map<String, JsonNode>> next = new ArrayList<>();
      for (Map<String, JsonNode> partial : all) {
        for (JsonNode v : p.getValue()) {
          Map<String, JsonNode> m = new LinkedHashMap<>(partial);
          m.put(p.getKey(), v);
          next.add(m);
        }
      }
      all = next;
    }
    List<Combination> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      out.add(new Combination(i + 1, all.get(i)));
    }
    return out;
  }

  /** The base config's YAML tree with each key path set to its value (missing mappings are made). */
  public static ObjectNode patched(JsonNode base, Map<String, JsonNode> values) {
    ObjectNode root = base == null || !base.isObject() ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) base).deepCopy();
    for (Map.Entry<String, JsonNode> e : values.entrySet()) {
      String[] parts = e.getKey().split("\\.");
      ObjectNode node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        JsonNode child = node.get(parts[i]);
        if (child == null || !child.isObject()) {
          child = node.putObject(parts[i]);
        }
        node = (ObjectNode) child;
      }
      node.set(parts[parts.length - 1], e.getValue().deepCopy());
    }
    return root;
  }

  /** A value as a table cell: text as written, lists as {@code [a, b]}. */
  public static String show(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      ((ArrayNode) v).forEach(x -> parts.add(show(x)));
      return "[" + String.join(" ", parts) + "]";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  public static String yaml(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
