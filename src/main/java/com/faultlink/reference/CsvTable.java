package com.faultlink.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the small, comma-separated reference tables: a header row, then plain unquoted fields. */
final class CsvTable {
  private CsvTable() {}

  /** Rows after the header, each checked against the expected header; blank lines skipped. */
  static List<String[]> read(Path file, String... expectedHeader) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReferenceDataException("cannot read " + file + ": " + e.getMessage());
    }
    if (lines.isEmpty()) {
      throw new ReferenceDataException(file + " is empty: expected the header " + String.join(",", expectedHeader));
    }
    String[] header = split(stripBom(lines.get(0)));
    if (!Arrays.equals(header, expectedHeader)) {
      throw new ReferenceDataException(
          file + ": header is '" + lines.get(0) + "', expected '" + String.join(",", expectedHeader) + "'");
    }
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = split(line);
      if (fields.length != expectedHeader.length) {
        throw new ReferenceDataException(
            file + " line " + (i + 1) + ": " + fields.length + " fields, expected " + expectedHeader.length);
      }
      rows.add(fields);
    }
    return rows;
  }

  static String where(Path file, int rowIndex) {
    return file + " line " + (rowIndex + 2);
  }

  private static String[] split(String line) {
    String[] parts = line.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].trim();
    }
    return parts;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
