package com.faultlink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A view of one YAML mapping that remembers which keys were read, so that after the typed config is built
 * every key nobody asked for is reported as unknown, with its full path: a misspelt tunable must stop the
 * run, not be silently ignored.
 */
final class ConfigNode {
  private final JsonNode node;
  private final String path;
  private final Set<String> read = new LinkedHashSet<>();
  private final List<ConfigNode> children = new ArrayList<>();
  private final KeyReads reads;

  ConfigNode(JsonNode node, String path) {
    this(node, path, KeyReads.NONE);
  }

  /** A mapping whose reads (key paths and the defaults the code gives them) go to {@code reads}. */
  ConfigNode(JsonNode node, String path, KeyReads reads) {
    this.reads = reads;
    if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
      throw new ConfigException("config key '" + path + "' must be a mapping of keys to values");
    }
    this.node = node == null || node.isNull() || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node;
    this.path = path;
  }

  /** This mapping's own path, e.g. {@code sources.alarms}. */
  String path() {
    return path;
  }

  String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * The keys of this mapping, as written, in their order (a mapping of names the user chooses, e.g. {@code
   * tickets.tiers}); each still counts as unknown until read.
   */
  List<String> keys() {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  boolean has(String key) {
    JsonNode v = node.get(spelling(key));
    return v != null && !v.isNull();
  }

  ConfigNode child(String key) {
    String k = spelling(key);
    read.add(key);
    read.add(k);
    ConfigNode c = new ConfigNode(node.get(k), keyPath(k), reads);
    reads.mapping(keyPath(key));
    children.add(c);
    return c;
  }

  private JsonNode value(String key) {
    String k = spelling(key);
    read.add(key);
    read.add(k);
    JsonNode v = node.get(k);
    return v == null || v.isNull() ? null : v;
  }

  /**
   * The spelling of {@code key} this mapping uses: British and American spellings of "neighbour" are both
   * accepted (the keys mix them: {@code attribution.neighborRadiusKm}, {@code burst.neighbourSlots}); both at once
   * is an error.
   */
  private String spelling(String key) {
    String other = key.contains("neighbour") ? key.replace("neighbour", "neighbor")
        : key.contains("neighbor") ? key.replace("neighbor", "neighbour") : null;
    if (other == null || !node.has(other)) {
      return key;
    }
    if (node.has(key)) {
      throw new ConfigException("config key '" + keyPath(key) + "' is also written as '" + keyPath(other)
          + "': keep one");
    }
    return other;
  }

  private ConfigException bad(String key, String problem) {
    return new ConfigException("config key '" + keyPath(key) + "': " + problem);
  }

  String string(String key, String fallback) {
    reads.leaf(keyPath(key), fallback);
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isValueNode() || v.isBoolean()) {
      throw bad(key, "expected a text value");
    }
    String s = v.asText().trim();
    if (s.isEmpty()) {
      throw bad(key, "must not be empty");
    }
    return s;
  }

  String requiredString(String key) {
    String s = string(key, null);
    if (s == null) {
      throw new ConfigException("config key '" + keyPath(key) + "' is missing");
    }
    return s;
  }

  Duration duration(String key, Duration fallback, boolean mayBeZero) {
    reads.leaf(keyPath(key), fallback);
    String s = string(key, null);
    if (s == null) {
      return fallback;
    }
    Duration d;
    try {
      d = Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(key, "'" + s + "' is not an ISO-8601 duration such as PT30M or P1D");
    }
    if (d.isNegative() || (!mayBeZero && d.isZero())) {
      throw bad(key, "'" + s + "' must be " + (mayBeZero ? "zero or positive" : "positive"));
    }
    return d;
  }

  double number(String key, double fallback, double min, double max) {
    reads.leaf(keyPath(key), fallback);
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw bad(key, "'" + v.asText() + "' is not a number");
    }
    double d = v.asDouble();
    if (!(d >= min && d <= max)) {
      throw bad(key, d + " is outside [" + min + ", " + max + "]");
    }
    return d;
  }

  int integer(String key, int fallback, int min, int max) {
    reads.leaf(keyPath(key), fallback);
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw bad(key, "'" + v.asText() + "' is not a whole number");
    }
    int i = v.asInt();
    if (i < min || i > max) {
      throw bad(key, i + " is outside [" + min + ", " + max + "]");
    }
    return i;
  }

  boolean bool(String key, boolean fallback) {
    reads.leaf(keyPath(key), fallback);
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw bad(key, "'" + v.asText() + "' is not true or false");
    }
    return v.asBoolean();
  }

  List<String> strings(String key, List<String> fallback) {
    reads.leaf(keyPath(key), fallback);
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      out.add(v.asText().trim());
    } else if (v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isTextual() || e.asText().isBlank()) {
          throw bad(key, "expected a list of non-empty texts");
        }
        out.add(e.asText().trim());
      }
    } else {
      throw bad(key, "expected a list of texts");
    }
    if (out.isEmpty()) {
      throw bad(key, "must list at least one value");
    }
    return List.copyOf(out);
  }

  /**
   * A mapping of names to scalar values, passed through as texts (e.g. Kafka client properties); empty when
   * absent. Its keys are not checked against a list, except that {@code reserved} ones are rejected: FaultLink
   * sets those itself from keys of its own.
   */
  java.util.Map<String, String> stringMap(String key, Set<String> reserved) {
    reads.leaf(keyPath(key), null);
    JsonNode v = value(key);
    if (v == null) {
      return java.util.Map.of();
    }
    if (!v.isObject()) {
      throw bad(key, "expected a mapping of names to values");
    }
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    Iterator<java.util.Map.Entry<String, JsonNode>> fields = v.fields();
    while (fields.hasNext()) {
      java.util.Map.Entry<String, JsonNode> e = fields.next();
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (reserved.contains(name)) {
        throw new ConfigException("config key '" + keyPath(key) + "." + name + "': set by FaultLink itself;"
            + " use its own key (see config/faultlink.yaml)");
      }
      if (value == null || value.isNull() || !value.isValueNode()) {
        throw new ConfigException("config key '" + keyPath(key) + "." + name + "': expected a text, number or"
            + " true/false");
      }
      out.put(name, value.asText());
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** A path that must exist (a file, or a folder of files); relative paths are relative to the working directory. */
  String existingPath(String key, boolean required) {
    String s = required ? requiredString(key) : string(key, null);
    if (s == null) {
      return null;
    }
    Path p = Path.of(s).toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw bad(key, "no such file: " + p);
    }
    if (!Files.isReadable(p)) {
      throw bad(key, "cannot read " + p);
    }
    return p.toString();
  }

  /** A folder that may not exist yet. */
  String outputDir(String key, boolean required) {
    String s = required ? requiredString(key) : string(key, null);
    if (s == null) {
      return null;
    }
    return outputDirOf(key, s);
  }

  private String outputDirOf(String key, String s) {
    Path p = Path.of(s).toAbsolutePath().normalize();
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw bad(key, p + " exists and is not a folder");
    }
    return p.toString();
  }

  /** A text value that must be one of {@code allowed} (compared as written). */
  String oneOf(String key, String fallback, String... allowed) {
    reads.leaf(keyPath(key), fallback);
    String s = string(key, null);
    if (s == null) {
      return fallback;
    }
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    throw bad(key, "'" + s + "' is not one of " + String.join(", ", allowed));
  }

  /**
   * A storage location for checkpoints or savepoints: a URI with a scheme ({@code s3://…}, {@code file:///…})
   * as written, or a local folder, made absolute.
   */
  String storageLocation(String key) {
    String s = string(key, null);
    if (s == null) {
      return null;
    }
    if (s.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return s;
    }
    return outputDirOf(key, s);
  }

  /** Reports the first key, at any depth, that no part of the config read. */
  void rejectUnknownKeys() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!read.contains(k)) {
        String near = closest(k, read);
        throw new ConfigException("config key '" + keyPath(k) + "' is not a FaultLink setting"
            + (near == null ? "" : "; did you mean '" + keyPath(near) + "'?")
            + " (see config/faultlink.yaml for every key)");
      }
    }
    for (ConfigNode c : children) {
      c.rejectUnknownKeys();
    }
  }

  /** The known key closest to a misspelt one, if it is close enough to be what was meant. */
  static String closest(String key, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = k.equalsIgnoreCase(key) ? 0 : editDistance(key.toLowerCase(), k.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 4) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
