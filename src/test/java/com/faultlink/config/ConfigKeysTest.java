package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key table ({@link ConfigKeys}) against the loader and the page: the loader's reads, recorded while it parses
 * configs that reach every key, are the independent side; docs/configuration.md must be what {@link
 * ConfigReference} writes from the table.
 */
class ConfigKeysTest {
  /** Keys handled before the typed config is read (ConfigBase), so no reader records them. */
  private static final Set<String> READ_BEFORE_THE_LOADER = Set.of("base");

  @TempDir Path dir;
  private KeyReads minimal;
  private KeyReads all;

  @BeforeEach
  void parse() throws IOException {
    minimal = new KeyReads();
    ConfigLoader.parse(ConfigLoaderTestSupport.minimalConfig(dir), Map.of(), minimal);
    all = new KeyReads();
    ConfigLoader.parse(ConfigLoaderTestSupport.minimalConfig(dir), Map.of(), all);
    ConfigLoader.parse(Files.readString(Path.of("config/faultlink.yaml")), Map.of(), all);
    ConfigLoader.parse(Files.readString(Path.of("config/faultlink-kafka.yaml")), Map.of(), all);
    ConfigLoader.parse(everySection(), Map.of(), all);
  }

  /** The sample config with the optional sections it leaves out: a Kafka input, the outside sinks. */
  private static String everySection() {
    return String.join("\n",
        "base: config/faultlink.yaml",
        "sources:",
        "  works:",
        "    file: ~",
        "    kafka: {bootstrapServers: '127.0.0.1:9092', topic: w, bounded: false, groupId: g,",
        "            startingOffsets: latest, idleTimeout: PT1M, properties: {fetch.min.bytes: 1}}",
        "sinks:",
        "  kafka: {bootstrapServers: '127.0.0.1:9092', topicPrefix: 'f.', topics: {alerts: a},",
        "          transactionalIdPrefix: f, transactionTimeout: PT15M, properties: {linger.ms: 5}}",
        "  alertmanager: {url: 'http://127.0.0.1:9093'}",
        "  jdbc: {url: 'jdbc:postgresql://127.0.0.1:5432/f'}",
        "");
  }

  @Test
  void everyKeyTheLoaderReadsIsInTheTable() {
    assertThat(unlisted(all, ConfigKeys.all()))
        .as("keys the loader reads without a row in ConfigKeys: add one each (docs/development.md, Adding a config"
            + " key), then regenerate docs/configuration.md")
        .isEmpty();
  }

  @Test
  void everyKeyInTheTableIsReadByTheLoader() {
    assertThat(unread(all, ConfigKeys.all()))
        .as("rows of ConfigKeys that no parse read: remove them, or give everySection() the section that reads them")
        .isEmpty();
  }

  @Test
  void theTablesDefaultsAreTheCodes() {
    assertThat(wrongDefaults(all, minimal, ConfigKeys.all()))
        .as("defaults in ConfigKeys that differ from the code's").isEmpty();
  }

  @Test
  void everyKeyOfTheExampleConfigsIsInTheTable() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("config"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString()
          .startsWith("sweep")).sorted().toList()) {
        JsonNode tree = ConfigBase.readYaml(Files.readString(f), f.toString());
        walk(tree, "", f, problems);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void thePageIsWhatTheGeneratorWrites() throws IOException {
    assertThat(Files.readString(Path.of("docs/configuration.md")))
        .as("docs/configuration.md is generated: run jobs/analysis-java.sh com.faultlink.config.ConfigReference")
        .isEqualTo(ConfigReference.render());
  }

  // The checks above can fail: each finds what a made-up table or a made-up read gets wrong.

  @Test
  void aKeyReadButNotListedIsFound() {
    KeyReads reads = new KeyReads();
    reads.leaf("golden.reestimateEvery", 10);
    reads.leaf("golden.somethingNew", 3);
    List<ConfigKeys.Key> table = List.of(ConfigKeys.key("golden.reestimateEvery", "10", null, "m"));
    assertThat(unlisted(reads, table)).containsExactly("golden.somethingNew");
  }

  @Test
  void aListedKeyNobodyReadsIsFound() {
    KeyReads reads = new KeyReads();
    reads.leaf("sources.alarms.kafka.topic", null);
    reads.mapping("sources.alarms.kafka");
    List<ConfigKeys.Key> table = List.of(ConfigKeys.key("sources.<input>.kafka.topic", null, "required", "m"),
        ConfigKeys.key("sources.<input>.kafka", null, "x", "m"), ConfigKeys.key("sources.gone", "1", null, "m"));
    assertThat(unread(reads, table)).containsExactly("sources.gone");
  }

  @Test
  void aDefaultThatDiffersFromTheCodesIsFound() {
    KeyReads reads = new KeyReads();
    reads.leaf("a.window", null);
    reads.leaf("a.window", Duration.ofDays(30));
    reads.leaf("a.count", 5);
    reads.leaf("a.ratio", 0.75);
    reads.leaf("a.causes", List.of("cellOutage"));
    reads.leaf("a.undocumented", 7);
    List<ConfigKeys.Key> table = List.of(ConfigKeys.key("a.window", "P30D", null, "m"),
        ConfigKeys.key("a.count", "6", null, "m"), ConfigKeys.key("a.ratio", "0.75", null, "m"),
        ConfigKeys.key("a.causes", "[cellOutage]", null, "m"), ConfigKeys.key("a.undocumented", null, "unset", "m"));
    assertThat(wrongDefaults(reads, reads, table)).containsExactly(
        "a.count: the table says 6, the code 5", "a.undocumented: the code's default is 7; give it in the table");
  }

  // ---- the checks

  private static ConfigKeys.Key find(List<ConfigKeys.Key> table, String path) {
    return table.stream().filter(k -> k.matches(path)).findFirst().orElse(null);
  }

  static List<String> unlisted(KeyReads reads, List<ConfigKeys.Key> table) {
    return reads.leaves().keySet().stream().filter(p -> find(table, p) == null).toList();
  }

  static List<String> unread(KeyReads reads, List<ConfigKeys.Key> table) {
    return table.stream().map(ConfigKeys.Key::path).filter(p -> !READ_BEFORE_THE_LOADER.contains(p))
        .filter(p -> Stream.concat(reads.leaves().keySet().stream(), reads.mappings().stream())
            .noneMatch(r -> ConfigKeys.key(p, null, null, "").matches(r)))
        .toList();
  }

  /**
   * A literal default must equal every default the code gives the key; a key the code gives a default in a
   * minimal config must have a literal in the table (it may still be worded otherwise on the page).
   */
  static List<String> wrongDefaults(KeyReads all, KeyReads minimal, List<ConfigKeys.Key> table) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<Object>> read : all.leaves().entrySet()) {
      ConfigKeys.Key key = find(table, read.getKey());
      if (key == null) {
        continue;
      }
      Set<Object> given = read.getValue().stream().filter(Objects::nonNull).collect(Collectors.toSet());
      if (key.defaultValue() != null) {
        for (Object code : given) {
          if (!same(key.defaultValue(), code)) {
            problems.add(read.getKey() + ": the table says " + key.defaultValue() + ", the code " + shown(code));
          }
        }
      } else if (minimal.leaves().containsKey(read.getKey()) && given.size() == 1) {
        problems.add(read.getKey() + ": the code's default is " + shown(given.iterator().next())
            + "; give it in the table");
      }
    }
    return problems;
  }

  private static String shown(Object code) {
    return code instanceof List<?> l ? "[" + l.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]"
        : String.valueOf(code);
  }

  private static boolean same(String literal, Object code) {
    try {
      if (code instanceof Duration d) {
        return Duration.parse(literal).equals(d);
      }
      if (code instanceof Number n) {
        return Double.parseDouble(literal) == n.doubleValue();
      }
      if (code instanceof Boolean b) {
        return literal.equals(b.toString());
      }
    } catch (RuntimeException e) {
      return false;
    }
    return literal.equals(shown(code));
  }

  /** Every key path of an example config, down to a key of the table. */
  private static void walk(JsonNode node, String path, Path file, List<String> problems) {
    if (!path.isEmpty() && (find(ConfigKeys.all(), path.replace("neighbour", "neighbor")) != null
        || find(ConfigKeys.all(), path.replace("neighbor", "neighbour")) != null)) {
      return;
    }
    if (node.isNull() && ConfigKeys.all().stream().anyMatch(k -> k.path().startsWith(path + "."))) {
      return; // a section with every key commented out
    }
    if (!node.isObject()) {
      problems.add(file + ": " + path + " is not in ConfigKeys");
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      walk(node.get(n), path.isEmpty() ? n : path + "." + n, file, problems);
    }
  }
}
