package com.faultlink.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a run's output streams back: the JSON Lines files under {@code <sinks.dir>/<stream>/}, skipping
 * unfinished files (names starting with {@code .} or {@code _}). A stream whose folder is absent or empty
 * simply has no records: a run of a build without that stream compares as zero.
 */
public final class OutputStreams {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  public OutputStreams(Path sinksDir) {
    this.dir = sinksDir;
  }

  public Path dir() {
    return dir;
  }

  /** Calls {@code each} with every record of {@code stream}, file by file (bounded memory). */
  public void forEach(String stream, Consumer<JsonNode> each) {
    for (Path f : files(stream)) {
      try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.isBlank()) {
            each.accept(parse(f, line));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
  }

  /** Every record of {@code stream}. */
  public List<JsonNode> records(String stream) {
    List<JsonNode> out = new ArrayList<>();
    forEach(stream, out::add);
    return out;
  }

  private static JsonNode parse(Path f, String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not a JSON line in " + f + ": " + e.getOriginalMessage());
    }
  }

  /** The finished files of a stream, in name order; none when the folder does not exist. */
  List<Path> files(String stream) {
    Path folder = dir.resolve(stream);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).filter(p -> finished(folder, p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean finished(Path folder, Path file) {
    for (Path part : folder.relativize(file)) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return false;
      }
    }
    return true;
  }

  /** A text field, or null where absent or JSON null. */
  static String text(JsonNode r, String field) {
    JsonNode v = r.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** A number field, or null where absent, JSON null or not a number. */
  static Double number(JsonNode r, String field) {
    JsonNode v = r.get(field);
    return v == null || !v.isNumber() ? null : v.asDouble();
  }
}
