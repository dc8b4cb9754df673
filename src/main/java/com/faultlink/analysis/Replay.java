package com.faultlink.analysis;

import com.faultlink.config.ConfigException;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.ReferenceDataException;
import com.faultlink.reference.RegionTable;
import com.faultlink.runtime.CommandArgs;
import com.faultlink.runtime.RunSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.util.ExceptionUtils;

/**
 * {@code Replay CONFIG [--out DIR] [--parallelism N]}: runs the pipeline over the
 * config's file inputs as fast as it goes, with a progress bar on standard error, and writes every output
 * stream and {@code run-summary.json} as {@code jobs/run-local.sh} does. Exit 0 on success, 2 for a bad
 * config, 1 for a failed run.
 */
public final class Replay {
  static final String USAGE = "usage: jobs/replay.sh CONFIG [--out DIR] [--parallelism N]";

  private Replay() {}

  public static void main(String[] args) {
    System.exit(run(args, System.err));
  }

  static int run(String[] args, PrintStream err) {
    if (args.length < 1 || args[0].startsWith("-")) {
      err.println(USAGE);
      return 2;
    }
    String out = null;
    int parallelism = 0;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> out = CommandArgs.valueAfter(args, i++);
          case "--parallelism" -> parallelism = (int) CommandArgs.wholeNumber(args[i], CommandArgs.valueAfter(args, i++), 1);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
    } catch (RuntimeException e) {
      err.println("faultlink: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    FaultLinkConfig config;
    CellTable cells;
    RegionTable regions;
    try {
      config = ConfigLoader.load(Path.of(args[0]));
      if (out != null) {
        config = config.withSinksDir(Path.of(out).toAbsolutePath().normalize().toString());
      }
      if (parallelism > 0) {
        config = config.withParallelism(parallelism);
      }
      ConfigLoader.requireRealSecret(config, false);
      cells = CellTable.load(Path.of(config.reference().cells()));
      regions = RegionTable.loadFor(cells, Path.of(config.reference().cells()),
          Path.of(config.reference().regions()));
    } catch (ConfigException | ReferenceDataException e) {
      err.println("faultlink: " + e.getMessage());
      return 2;
    }
    String devKey = ConfigLoader.developmentSecretWarning(config);
    if (devKey != null) {
      err.println(devKey);
    }
    InputSize.Lines size = InputSize.of(config);
    ProgressBar bar = new ProgressBar(err, ProgressBar.stderrIsTerminal(), "replay", size.lines(), size.estimated());
    err.printf("faultlink: replaying %,d MB of input into %s%n", size.bytes() >> 20, config.sinks().dir());
    try {
      Instant started = Instant.now();
      Map<String, Long> counters = ReplayRunner.run(config, cells, regions, bar::update);
      bar.finish(counters.getOrDefault("eventsRead", 0L));
      Path dir = Path.of(config.sinks().dir());
      RunSummary.write(dir.resolve("run-summary.json"), Path.of(args[0]), config, started, Instant.now(), counters);
      err.println("faultlink: done. outputs in " + dir);
      err.println("faultlink: counts " + counters);
      return 0;
    } catch (Exception e) {
      Throwable root = ExceptionUtils.stripExecutionException(e);
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      err.println();
      err.println("faultlink: replay failed: " + root.getClass().getSimpleName() + ": " + root.getMessage());
      return 1;
    }
  }
}
