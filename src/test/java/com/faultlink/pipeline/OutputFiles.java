package com.faultlink.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a run's outputs: the JSON Lines files under {@code <sinks.dir>/<stream>/}, leaving out files and folders
 * whose names start with {@code .} or {@code _} (not finished output).
 */
final class OutputFiles {
  /** Marks a field the record does not carry at all (as opposed to a JSON null). */
  static final String ABSENT = "<absent>";

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private OutputFiles() {}

  /** Every non-blank line of the stream's finished files; empty where the folder does not exist. */
  static List<String> lines(Path sinksDir, String stream) throws IOException {
    Path dir = sinksDir.resolve(stream);
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(p -> finished(dir, p)).sorted().toList();
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
    }
    return out;
  }

  /** Whether no part of the path below the stream folder starts with '.' or '_'. */
  private static boolean finished(Path streamDir, Path file) {
    for (Path part : streamDir.relativize(file)) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return false;
      }
    }
    return true;
  }

  /** The lines of every stream folder under {@code sinksDir}, by stream name. */
  static Map<String, List<String>> allStreams(Path sinksDir) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(sinksDir)) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        String name = d.getFileName().toString();
        if (!name.startsWith(".") && !name.startsWith("_")) {
          out.put(name, lines(sinksDir, name));
        }
      }
    }
    return out;
  }

  static List<JsonNode> records(Path sinksDir, String stream) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines(sinksDir, stream)) {
      out.add(parse(line));
    }
    return out;
  }

  static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("output line is not JSON: " + line, e);
    }
  }

  /**
   * The named fields of a record as the oracle writes them: texts, numbers as {@link Oracle#canon} BigDecimals,
   * null, and, for the named timestamp fields, {@link Oracle#instant} (instant and offset) so that the way a time
   * is spelt (seconds, fraction) does not matter but its instant and offset do.
   */
  static Map<String, Object> canonical(JsonNode record, List<String> fields, List<String> timestampFields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields) {
      JsonNode v = record.get(f);
      Object value;
      if (v == null) {
        value = ABSENT;
      } else if (v.isNull()) {
        value = null;
      } else if (v.isNumber()) {
        value = Oracle.canon(v.decimalValue());
      } else if (v.isTextual() && timestampFields.contains(f)) {
        value = timestamp(v.textValue());
      } else if (v.isTextual()) {
        value = v.textValue();
      } else {
        value = v.toString();
      }
      out.put(f, value);
    }
    return out;
  }

  private static String timestamp(String text) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(text);
      return t.toInstant() + " at " + t.getOffset();
    } catch (RuntimeException e) {
      return "unparsable timestamp " + text;
    }
  }
}
