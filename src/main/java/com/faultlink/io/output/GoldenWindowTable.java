package com.faultlink.io.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The analysts' golden-window table: from the {@code golden-window-table} stream (a row per scope and
 * re-estimation), one CSV row per scope with its latest state — window, interval, rates, sample sizes, or
 * why it has no estimate of its own ({@code status} and {@code reason}, with the figures behind it) and which
 * scope applies instead. Written by a file run once its outputs
 * are finished.
 */
public final class GoldenWindowTable {
  public static final String FILE = "golden-window-table.csv";
  static final String[] COLUMNS = {
    "region", "technology", "validFrom", "status", "goldenWindowMinutes", "ciLowMinutes", "ciHighMinutes",
    "rateBeforePerHour", "rateAfterPerHour", "outages", "complaints", "highestRatio", "meanAfterRatio", "riseZ",
    "riseZCritical", "trendZ", "examinedUpToMinutes", "reason", "appliesInstead", "method"
  };

  private GoldenWindowTable() {}

  /** Reads {@code <dir>/golden-window-table/}, writes {@code <dir>/golden-window-table.csv}; returns the rows. */
  public static List<JsonNode> write(Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> latest = new TreeMap<>(Comparator.comparing((String k) -> k.startsWith("*|") ? 1 : 0)
        .thenComparing(k -> k.endsWith("|*") ? 1 : 0).thenComparing(k -> k));
    Path folder = dir.resolve(FileOutputs.EXTRA_STREAMS[0]);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path f : files.filter(Files::isRegularFile)
            .filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().startsWith("_"))
            .sorted().toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
              continue;
            }
            JsonNode row = mapper.readTree(line);
            String key = row.get("region").asText() + "|" + row.get("technology").asText();
            JsonNode known = latest.get(key);
            if (known == null || instant(row).isAfter(instant(known))) {
              latest.put(key, row);
            }
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", COLUMNS));
    for (JsonNode row : latest.values()) {
      List<String> cells = new ArrayList<>();
      for (String c : COLUMNS) {
        JsonNode v = row.get(c);
        cells.add(v == null || v.isNull() ? "" : csv(v.asText()));
      }
      lines.add(String.join(",", cells));
    }
    Files.write(dir.resolve(FILE), lines, StandardCharsets.UTF_8);
    return new ArrayList<>(latest.values());
  }

  private static OffsetDateTime instant(JsonNode row) {
    return OffsetDateTime.parse(row.get("validFrom").asText());
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
