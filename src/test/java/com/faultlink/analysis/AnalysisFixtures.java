package com.faultlink.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.tools.SampleDataGenerator;
import com.faultlink.tools.generator.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Inputs and configs the analysis tests share: a small generated set (made once per test JVM) and the sample. */
final class AnalysisFixtures {
  static final String[] STREAMS = {
    "attributions", "outage-impacts", "alerts", "metrics", "golden-windows", "burst-thresholds", "dead-letters"
  };

  private static Path generated;
  private static Path replayed;

  private AnalysisFixtures() {}

  /**
   * Nine days (two ISO weeks and a bit, from a Monday) of generated data with the generator's imperfections:
   * duplicated lines, lines up to two minutes out of order, damaged lines, orphan clears, open outages at the end.
   */
  static synchronized Path generatedInputs() throws IOException {
    if (generated == null) {
      Path dir = Files.createTempDirectory("faultlink-analysis-gen");
      SampleDataGenerator.generate(GeneratorOptions.parse("--out", dir.toString(), "--days", "9", "--seed", "11",
          "--sites-per-city", "30", "--outages-per-day", "14", "--background-complaints-per-day", "160",
          "--alarm-noise-per-day", "300"));
      generated = dir;
    }
    return generated;
  }

  /** The outputs of one replay of the generated set (made once per test JVM). */
  static synchronized Path replayedGenerated() throws Exception {
    if (replayed == null) {
      Path out = Files.createTempDirectory("faultlink-analysis-replay");
      FaultLinkConfig config = config(generatedInputs(), out);
      ReplayRunner.run(config, com.faultlink.reference.CellTable.load(Path.of(config.reference().cells())),
          com.faultlink.reference.RegionTable.load(Path.of(config.reference().regions())), ReplayRunner.Progress.NONE);
      replayed = out;
    }
    return replayed;
  }

  /** A config over {@code inputs} (a generated set's folder) writing to {@code out}. */
  static String yaml(Path inputs, Path out, String extra) {
    return String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: 2",
        "sources:",
        "  alarms: {file: " + quote(inputs.resolve("alarms.jsonl")) + "}",
        "  complaints: {file: " + quote(inputs.resolve("complaints.jsonl")) + "}",
        "  works: {file: " + quote(inputs.resolve("works.jsonl")) + "}",
        "reference:",
        "  cells: " + quote(inputs.resolve("cells.csv")),
        "  regions: " + quote(inputs.resolve("regions.csv")),
        "sinks:",
        "  dir: " + quote(out),
        "privacy: {customerKeySecret: analysis-test}",
        "checkpointing: {interval: PT0.5S}",
        extra,
        "");
  }

  static FaultLinkConfig config(Path inputs, Path out) {
    return ConfigLoader.parse(yaml(inputs, out, ""), Map.of());
  }

  static String quote(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** Every line of every stream, sorted (order across files and tasks is not part of the contract). */
  static Map<String, List<String>> streams(Path sinksDir) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String stream : STREAMS) {
      List<String> lines = new ArrayList<>();
      for (Path f : new OutputStreams(sinksDir).files(stream)) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            lines.add(line);
          }
        }
      }
      lines.sort(null);
      out.put(stream, lines);
    }
    return out;
  }

  /** Asserts two runs wrote the same lines to every stream, naming the first differences. */
  static void assertSameStreams(Path expected, Path actual, String what) throws IOException {
    Map<String, List<String>> want = streams(expected);
    Map<String, List<String>> got = streams(actual);
    for (String stream : STREAMS) {
      List<String> w = want.get(stream);
      List<String> g = got.get(stream);
      List<String> missing = new ArrayList<>(w);
      missing.removeAll(g);
      List<String> unexpected = new ArrayList<>(g);
      unexpected.removeAll(w);
      assertThat(g).withFailMessage("%s: stream %s differs (%d vs %d lines)%n  missing: %s%n  unexpected: %s", what,
          stream, w.size(), g.size(), head(missing), head(unexpected)).isEqualTo(w);
    }
  }

  private static List<String> head(List<String> l) {
    return l.size() <= 5 ? l : l.subList(0, 5);
  }

  /** Whether any file in the folder tree is unfinished (a name starting with '.'). */
  static boolean hasUnfinishedFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.anyMatch(p -> p.getFileName().toString().startsWith(".") && Files.isRegularFile(p));
    }
  }
}
