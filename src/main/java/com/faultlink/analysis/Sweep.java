package com.faultlink.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.config.ConfigException;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.ReferenceDataException;
import com.faultlink.reference.RegionTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.ExceptionUtils;

/**
 * {@code Sweep SWEEP.yaml}: one replay per combination of the sweep's parameter values, each into its own
 * folder ({@code <out>/run-01/}, with the exact config it ran as {@code config.yaml}), then a comparison
 * table, printed and written as {@code <out>/comparison.csv}. Every config is built and validated before the
 * first run starts.
 */
public final class Sweep {
  static final String USAGE = "usage: jobs/sweep.sh SWEEP.yaml";

  private Sweep() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** A planned run: its combination and the config it runs with. */
  record Planned(SweepSpec.Combination combination, FaultLinkConfig config, String yaml) {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1 || args[0].startsWith("-")) {
      err.println(USAGE);
      return 2;
    }
    SweepSpec spec;
    List<Planned> plan;
    try {
      spec = SweepSpec.load(Path.of(args[0]));
      plan = plan(spec, System.getenv());
      for (Planned p : plan) {
        ConfigLoader.requireRealSecret(p.config(), false);
      }
    } catch (ConfigException e) {
      err.println("faultlink: " + e.getMessage());
      return 2;
    }
    // Every run of a sweep has the same key: said once for the sweep.
    String devKey = plan.isEmpty() ? null : ConfigLoader.developmentSecretWarning(plan.get(0).config());
    if (devKey != null) {
      err.println(devKey);
    }
    err.printf("faultlink: sweep of %d runs (%s) into %s%n", plan.size(), String.join(" × ",
        spec.parameters().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList()), spec.out());
    try {
      List<Map<String, Object>> rows = runAll(spec, plan, err);
      ComparisonTable table = new ComparisonTable(rows);
      Path csv = spec.out().resolve("comparison.csv");
      Files.writeString(csv, table.csv());
      out.print(table.text());
      err.println("faultlink: comparison written to " + csv);
      return 0;
    } catch (ConfigException | ReferenceDataException e) {
      err.println("faultlink: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      Throwable root = ExceptionUtils.stripExecutionException(e);
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      err.println("faultlink: sweep failed: " + root.getClass().getSimpleName() + ": " + root.getMessage());
      return 1;
    }
  }

  /** Every run's config, from the base YAML with the combination's keys set; any rejection stops here. */
  static List<Planned> plan(SweepSpec spec, Map<String, String> env) {
    JsonNode base;
    try {
      base = SweepSpec.YAML.readTree(Files.readString(spec.base()));
    } catch (IOException e) {
      throw new ConfigException("cannot read base config " + spec.base() + ": " + e.getMessage());
    }
    List<Planned> plan = new ArrayList<>();
    for (SweepSpec.Combination c : spec.combinations()) {
      Map<String, JsonNode> values = new LinkedHashMap<>(c.values());
      ObjectNode tree = SweepSpec.patched(base, values);
      ObjectNode sinks = tree.get("sinks") instanceof ObjectNode s ? s : tree.putObject("sinks");
      sinks.put("dir", spec.out().resolve(c.name()).toString());
      if (spec.parallelism() > 0) {
        tree.put("parallelism", spec.parallelism());
      }
      String yaml = SweepSpec.yaml(tree);
      FaultLinkConfig config;
      try {
        config = ConfigLoader.parse(yaml, env);
      } catch (ConfigException e) {
        throw new ConfigException(c.name() + " " + describe(c) + ": " + e.getMessage());
      }
      plan.add(new Planned(c, config, yaml));
    }
    return plan;
  }

  static String describe(SweepSpec.Combination c) {
    List<String> parts = new ArrayList<>();
    c.values().forEach((k, v) -> parts.add(k + "=" + SweepSpec.show(v)));
    return "(" + String.join(", ", parts) + ")";
  }

  private static List<Map<String, Object>> runAll(SweepSpec spec, List<Planned> plan, PrintStream err)
      throws Exception {
    Map<String, CellTable> cellTables = new HashMap<>();
    Map<String, RegionTable> regionTables = new HashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Planned p : plan) {
      FaultLinkConfig config = p.config();
      Path dir = Path.of(config.sinks().dir());
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("config.yaml"), "# " + p.combination().name() + " of sweep " + spec.out()
          + ": " + describe(p.combination()) + "\n" + p.yaml());
      CellTable cells = cellTables.get(config.reference().cells());
      if (cells == null) {
        cells = CellTable.load(Path.of(config.reference().cells()));
        cellTables.put(config.reference().cells(), cells);
      }
      RegionTable regions = regionTables.get(config.reference().regions());
      if (regions == null) {
        regions = RegionTable.loadFor(cells, Path.of(config.reference().cells()),
          Path.of(config.reference().regions()));
        regionTables.put(config.reference().regions(), regions);
      }
      InputSize.Lines size = InputSize.of(config);
      String label = p.combination().name() + "/" + plan.size() + " " + describe(p.combination());
      ProgressBar bar = new ProgressBar(err, ProgressBar.stderrIsTerminal(), label, size.lines(), size.estimated());
      long started = System.nanoTime();
      java.time.Instant startedAt = java.time.Instant.now();
      Map<String, Long> counters = ReplayRunner.run(config, cells, regions, bar::update);
      bar.finish(counters.getOrDefault("eventsRead", 0L));
      com.faultlink.runtime.RunSummary.write(dir.resolve("run-summary.json"), dir.resolve("config.yaml"), config,
          startedAt, java.time.Instant.now(), counters);
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("run", p.combination().name());
      p.combination().values().forEach((k, v) -> row.put(k, SweepSpec.show(v)));
      row.putAll(RunFigures.read(new OutputStreams(dir)).columns());
      row.put("seconds", RunFigures.round2(seconds));
      rows.add(row);
    }
    return rows;
  }
}
