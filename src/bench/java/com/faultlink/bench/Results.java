package com.faultlink.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One measurement's figures, appended to the run's results file as {@code LABEL.key=value} lines. */
final class Results {
  private final String label;
  private final Map<String, String> values = new LinkedHashMap<>();

  Results(String label) {
    this.label = label;
  }

  void put(String key, Object value) {
    String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
    values.put(key, text.replace('\n', ' '));
  }

  /** The figures every end-to-end run reports: events over wall-clock and CPU seconds, and peak RSS. */
  void putThroughput(int parallelism, long events, double seconds, double cpuSeconds) {
    put("parallelism", parallelism);
    put("events", events);
    put("seconds", seconds);
    put("eventsPerSec", events / seconds);
    put("cpuSeconds", cpuSeconds);
    put("eventsPerCpuSec", events / cpuSeconds);
    put("peakRssMb", PipelineBench.Memory.peakRssKb() / 1024.0);
  }

  void appendTo(String file) throws IOException {
    StringBuilder s = new StringBuilder();
    values.forEach((k, v) -> s.append(label).append('.').append(k).append('=').append(v).append('\n'));
    if (file == null) {
      System.out.print(s);
      return;
    }
    Files.writeString(Path.of(file), s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
