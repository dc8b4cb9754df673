package com.faultlink.cluster;

import com.faultlink.config.SinksConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The committed sample data as file inputs; each run writes its own output folder. */
final class FileEndpoints implements PipelineEndpoints {
  private final Path samples = Path.of("sample-data").toAbsolutePath();
  private final Path base;

  FileEndpoints(Path base) {
    this.base = base;
  }

  Path sinksDir(String run) {
    return base.resolve(run).resolve("out");
  }

  @Override
  public String ioConfig(String run, int throttleEventsPerSecond) {
    return String.join("\n",
        "sources:",
        "  alarms: {file: " + samples.resolve("alarms.jsonl") + "}",
        "  complaints: {file: " + samples.resolve("complaints.jsonl") + "}",
        "  works: {file: " + samples.resolve("works.jsonl") + "}",
        throttleEventsPerSecond > 0 ? "  throttleEventsPerSecond: " + throttleEventsPerSecond : "",
        "reference:",
        "  cells: " + samples.resolve("cells.csv"),
        "  regions: " + samples.resolve("regions.csv"),
        "sinks:",
        "  dir: " + sinksDir(run),
        "");
  }

  @Override
  public Map<String, List<String>> outputs(String run) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String stream : SinksConfig.STREAMS) {
      List<String> lines = new ArrayList<>();
      Path folder = sinksDir(run).resolve(stream);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path f : files.toList()) {
            String name = f.getFileName().toString();
            if (!name.startsWith(".") && !name.startsWith("_") && Files.isRegularFile(f)) {
              lines.addAll(Files.readAllLines(f));
            }
          }
        }
      }
      lines.sort(null);
      out.put(stream, lines);
    }
    return out;
  }
}
