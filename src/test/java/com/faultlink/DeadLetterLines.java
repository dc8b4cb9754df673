package com.faultlink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead-letter lines without where their line was read ({@code file}, {@code topic}, {@code partition},
 * {@code offset}): for comparing runs whose inputs hold the same lines at other places (reordered, lines added,
 * read from Kafka instead of a file).
 */
public final class DeadLetterLines {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ORIGIN = List.of("file", "topic", "partition", "offset");

  private DeadLetterLines() {}

  public static List<String> withoutOrigin(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(withoutOrigin(l));
    }
    return out;
  }

  public static String withoutOrigin(String line) {
    try {
      ObjectNode d = (ObjectNode) JSON.readTree(line);
      d.remove(ORIGIN);
      return JSON.writeValueAsString(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
