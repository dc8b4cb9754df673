package com.faultlink.io.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks an output folder against the JSON Schemas in docs/schemas/ (draft 2020-12): every record of every stream
 * folder, and run-summary.json. A stream folder without a schema is a problem too, so a new stream cannot ship
 * undocumented.
 */
public final class OutputSchemas {
  public static final Path SCHEMAS = Path.of("docs", "schemas");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** At most this many problems per file: one broken field repeats on every line. */
  private static final int PER_FILE = 5;

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> schemas = new HashMap<>();
  private final Path schemaDir;

  public OutputSchemas(Path schemaDir) {
    this.schemaDir = schemaDir;
  }

  /** The schema file of a stream (or of {@code run-summary}). */
  public static Path schemaFile(Path schemaDir, String stream) {
    return schemaDir.resolve(stream + ".schema.json");
  }

  private Schema schema(String stream) {
    return schemas.computeIfAbsent(stream, s -> {
      try (InputStream in = Files.newInputStream(schemaFile(schemaDir, s))) {
        return registry.getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Every problem found in {@code sinksDir}, each naming the file, line and field; empty when all is well. */
  public List<String> problems(Path sinksDir) throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> streams;
    try (Stream<Path> s = Files.list(sinksDir)) {
      streams = s.filter(Files::isDirectory).filter(OutputSchemas::finished).sorted().toList();
    }
    if (streams.isEmpty()) {
      problems.add(sinksDir + ": no stream folders");
    }
    for (Path folder : streams) {
      String stream = folder.getFileName().toString();
      if (!Files.isRegularFile(schemaFile(schemaDir, stream))) {
        problems.add(stream + ": no schema " + schemaFile(schemaDir, stream) + " (every stream needs one)");
        continue;
      }
      List<Path> parts;
      try (Stream<Path> s = Files.list(folder)) {
        parts = s.filter(Files::isRegularFile).filter(OutputSchemas::finished).sorted().toList();
      }
      for (Path part : parts) {
        int found = 0;
        int line = 0;
        for (String text : Files.readAllLines(part)) {
          line++;
          if (text.isBlank() || found >= PER_FILE) {
            continue;
          }
          for (String p : check(stream, JSON.readTree(text))) {
            problems.add(stream + "/" + part.getFileName() + ":" + line + ": " + p);
            found++;
          }
        }
      }
    }
    Path summary = sinksDir.resolve("run-summary.json");
    if (Files.isRegularFile(summary)) {
      for (String p : check("run-summary", JSON.readTree(summary.toFile()))) {
        problems.add("run-summary.json: " + p);
      }
    }
    return problems;
  }

  /** The problems of one record of {@code stream}. */
  public List<String> check(String stream, JsonNode record) {
    List<String> out = new ArrayList<>();
    for (Error e : schema(stream).validate(record)) {
      out.add(e.toString());
    }
    return out;
  }

  /** Names starting with '.' or '_' are not finished output (the contract). */
  private static boolean finished(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && !name.startsWith("_");
  }
}
