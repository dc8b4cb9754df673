package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole file job at parallelism 2: every rejected line's dead letter names its file, as the config writes it,
 * and its line number, as counted in the file itself (a byte-order mark and CRLF line ends included).
 */
class DeadLetterOriginRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aRejectedFileLineNamesItsFileAndLineNumber() throws Exception {
    String t0 = "2026-10-05T08:00:00+08:00";
    List<String> badAlarms = List.of("not JSON at all", "{\"eventId\":\"ev-a-bad\",\"eventType\":\"AlarmCreateEvent\"}",
        "");
    List<String> alarms = List.of(
        HostileInputRunTest.raise("ev-a-1", "A-1", "OMC-1", "NX-YC-0001-1", t0),
        badAlarms.get(0),
        HostileInputRunTest.raise("ev-a-2", "A-2", "OMC-1", "NX-YC-0002-1", t0),
        HostileInputRunTest.clear("ev-a-3", "A-1", "OMC-1", "2026-10-05T09:00:00+08:00"),
        badAlarms.get(1),
        badAlarms.get(2),
        HostileInputRunTest.clear("ev-a-4", "A-2", "OMC-1", "2026-10-05T09:30:00+08:00"));
    List<String> badComplaints = List.of("[\"an array\"]");
    List<String> complaints = List.of(
        badComplaints.get(0),
        HostileInputRunTest.complaint("ev-c-1", "TT-1", "NX-YC-0001-1", "Yinchuan", "2026-10-05T08:10:00+08:00", ""));
    Path alarmFile = dir.resolve("alarms.jsonl");
    Path complaintFile = dir.resolve("complaints.jsonl");
    Files.writeString(alarmFile, "\uFEFF" + String.join("\r\n", alarms) + "\r\n");
    Files.writeString(complaintFile, String.join("\n", complaints)); // no end after the last line
    String yaml = String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: 2",
        "sources:",
        "  alarms: {file: " + alarmFile + "}",
        "  complaints: {file: " + complaintFile + "}",
        "reference: {cells: sample-data/cells.csv, regions: sample-data/regions.csv}",
        "sinks: {dir: " + dir.resolve("out") + "}",
        "deadLetters: {origin: true}",
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of());

    FaultLinkJob.run(config, CellTable.load(Path.of("sample-data/cells.csv")),
        RegionTable.load(Path.of("sample-data/regions.csv")), new PrintStream(new ByteArrayOutputStream()));

    // Expected: each bad line at its place in the file as written, counted from the file's own bytes.
    List<String> expected = new ArrayList<>();
    expected.addAll(expectedFor("alarms", alarmFile, Set.copyOf(badAlarms)));
    expected.addAll(expectedFor("complaints", complaintFile, Set.copyOf(badComplaints)));
    assertThat(expected).hasSize(4);
    List<String> got = new ArrayList<>();
    for (JsonNode d : records(dir.resolve("out").resolve("dead-letters"))) {
      got.add(d.get("source").asText() + " " + d.get("file").asText() + ":" + d.get("offset").asLong() + " "
          + d.get("raw").asText() + " topic=" + d.get("topic") + " partition=" + d.get("partition"));
    }
    assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<String> expectedFor(String source, Path file, Set<String> bad) throws Exception {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\n", -1);
    int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (bad.contains(line)) {
        out.add(source + " " + file + ":" + (i + 1) + " " + line + " topic=null partition=null");
      }
    }
    return out;
  }

  private static List<JsonNode> records(Path folder) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            out.add(JSON.readTree(line));
          }
        }
      }
    }
    return out;
  }
}
