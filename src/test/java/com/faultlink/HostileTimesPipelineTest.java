package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, "one event hangs the run": the committed sample with hostile lines added (a complaint and an alarm dated
 * 9999-12-30, a 1970 line first in each file, a 1970 outage raise in the middle, lines days too late) gives the same
 * outputs as the clean sample, every stream but the dead letters compared as sets; the hostile lines are in the dead
 * letters with their reasons; and it takes about as long. Before the time checks, the 9999 lines made the run step
 * through every period and burst window up to that year (it never ended), and the 1970 lines added 146 000 metrics
 * rows and a 57-year outage.
 */
class HostileTimesPipelineTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String ALARM_1970_FIRST = "{\"eventId\":\"ev-hostile-a1\",\"eventType\":\"AlarmCreateEvent\","
      + "\"eventTime\":\"1970-01-01T08:00:00+08:00\",\"event\":{\"alarm\":{\"id\":\"A-H1\","
      + "\"alarmType\":\"communicationsAlarm\",\"state\":\"raised\",\"perceivedSeverity\":\"critical\","
      + "\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
      + "\"alarmRaisedTime\":\"1970-01-01T08:00:00+08:00\",\"sourceSystemId\":\"OMC-HW-1\"}}}";
  static final String ALARM_1970_MIDDLE = ALARM_1970_FIRST.replace("ev-hostile-a1", "ev-hostile-a2")
      .replace("A-H1", "A-H2").replace("NX-YC-0001-1", "NX-GY-0001-1");
  static final String ALARM_9999 = ALARM_1970_FIRST.replace("ev-hostile-a1", "ev-hostile-a3")
      .replace("A-H1", "A-H3").replace("1970-01-01T08:00:00", "9999-12-30T08:00:00");
  /** Plausible, but ten days behind the lines around it in the file. */
  static final String ALARM_TOO_LATE = ALARM_1970_FIRST.replace("ev-hostile-a1", "ev-hostile-a4")
      .replace("A-H1", "A-H4").replace("1970-01-01T08:00:00", "2026-10-05T01:00:00");

  static final String COMPLAINT_1970_FIRST = "{\"eventId\":\"ev-hostile-c1\",\"eventType\":\"TroubleTicketCreateEvent\","
      + "\"eventTime\":\"1970-01-01T08:00:00+08:00\",\"event\":{\"troubleTicket\":{\"id\":\"TT-H1\","
      + "\"ticketType\":\"complaint\",\"category\":\"voice\",\"creationDate\":\"1970-01-01T08:00:00+08:00\","
      + "\"severity\":\"minor\",\"channel\":{\"name\":\"app\"},"
      + "\"relatedParty\":[{\"role\":\"customer\",\"id\":\"13995000001\"}],"
      + "\"relatedEntity\":[{\"role\":\"servingCell\",\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"}]}}}";
  static final String COMPLAINT_9999 = COMPLAINT_1970_FIRST.replace("ev-hostile-c1", "ev-hostile-c2")
      .replace("TT-H1", "TT-H2").replace("1970-01-01T08:00:00", "9999-12-30T08:00:00");
  static final String COMPLAINT_TOO_LATE = COMPLAINT_1970_FIRST.replace("ev-hostile-c1", "ev-hostile-c3")
      .replace("TT-H3", "TT-H3").replace("TT-H1", "TT-H3").replace("1970-01-01T08:00:00", "2026-10-05T01:00:00");

  @TempDir Path dir;

  @Test
  @Timeout(600)
  void hostileTimesChangeNoOutputButTheDeadLetters() throws Exception {
    Path alarms = dir.resolve("alarms.jsonl");
    Path complaints = dir.resolve("complaints.jsonl");
    // Byte for byte: the sample has damaged lines, invalid UTF-8 among them.
    List<byte[]> alarmLines = lines(Path.of("sample-data/alarms.jsonl"));
    List<byte[]> complaintLines = lines(Path.of("sample-data/complaints.jsonl"));
    assertThat(new String(alarmLines.get(alarmLines.size() / 2), StandardCharsets.UTF_8))
        .as("the middle of the file is ten days in").contains("2026-10-1");
    assertThat(new String(complaintLines.get(complaintLines.size() / 2), StandardCharsets.UTF_8)).contains("2026-10-1");
    write(alarms, withHostile(alarmLines, ALARM_1970_FIRST, ALARM_1970_MIDDLE, ALARM_9999, ALARM_TOO_LATE));
    write(complaints, withHostile(complaintLines, COMPLAINT_1970_FIRST, null, COMPLAINT_9999, COMPLAINT_TOO_LATE));

    // A clean run first pays the JIT's and the cluster's warm-up; then the hostile run and a clean run, timed.
    Path cleanOut = dir.resolve("clean-out");
    Map<String, Long> cleanCounters = run(config(Path.of("sample-data/alarms.jsonl"),
        Path.of("sample-data/complaints.jsonl"), cleanOut));
    long t0 = System.nanoTime();
    Path hostileOut = dir.resolve("hostile-out");
    Map<String, Long> hostileCounters = run(config(alarms, complaints, hostileOut));
    long hostileMillis = (System.nanoTime() - t0) / 1_000_000;
    long t1 = System.nanoTime();
    run(config(Path.of("sample-data/alarms.jsonl"), Path.of("sample-data/complaints.jsonl"), dir.resolve("again")));
    long cleanMillis = (System.nanoTime() - t1) / 1_000_000;
    System.out.printf("hostile-times run %d ms, clean run %d ms%n", hostileMillis, cleanMillis);

    Map<String, List<String>> clean = streams(cleanOut);
    Map<String, List<String>> hostile = streams(hostileOut);
    assertThat(hostile.keySet()).isEqualTo(clean.keySet());
    assertThat(clean.get("metrics")).as("the clean sample's metrics").hasSizeLessThan(1000);
    for (String stream : clean.keySet()) {
      if (!stream.equals("dead-letters")) {
        assertThat(new HashSet<>(hostile.get(stream))).as(stream).isEqualTo(new HashSet<>(clean.get(stream)));
        assertThat(hostile.get(stream)).as(stream + ": no record twice").hasSameSizeAs(clean.get(stream));
      }
    }

    Map<String, String> added = addedDeadLetters(clean.get("dead-letters"), hostile.get("dead-letters"));
    assertThat(added).containsOnlyKeys(ALARM_1970_FIRST, ALARM_1970_MIDDLE, ALARM_9999, ALARM_TOO_LATE,
        COMPLAINT_1970_FIRST, COMPLAINT_9999, COMPLAINT_TOO_LATE);
    assertThat(added.get(ALARM_1970_FIRST)).isEqualTo("implausible time: alarmRaisedTime 1970-01-01T00:00:00Z is"
        + " before input.notBefore (2000-01-01T00:00:00Z)");
    assertThat(added.get(ALARM_1970_MIDDLE)).isEqualTo(added.get(ALARM_1970_FIRST));
    assertThat(added.get(ALARM_9999)).startsWith("implausible time: alarmRaisedTime 9999-12-30T00:00:00Z is after"
        + " input.notAfter (");
    assertThat(added.get(COMPLAINT_9999)).startsWith("implausible time: creationDate 9999-12-30T00:00:00Z is after"
        + " input.notAfter (");
    assertThat(added.get(COMPLAINT_1970_FIRST)).isEqualTo("implausible time: creationDate 1970-01-01T00:00:00Z is"
        + " before input.notBefore (2000-01-01T00:00:00Z)");
    assertThat(added.get(ALARM_TOO_LATE)).startsWith("too late: alarmRaisedTime 2026-10-04T17:00:00Z is more than"
        + " input.maxLateness (PT48H) before 2026-10-");
    assertThat(added.get(COMPLAINT_TOO_LATE)).startsWith("too late: creationDate 2026-10-04T17:00:00Z");

    assertThat(hostileCounters.get("implausibleTimes") - cleanCounters.get("implausibleTimes")).isEqualTo(5);
    assertThat(hostileCounters.get("tooLateLines") - cleanCounters.get("tooLateLines")).isEqualTo(2);
    assertThat(hostileCounters.get("deadLetters") - cleanCounters.get("deadLetters")).isEqualTo(7);
    // Before: the 9999 lines never ended; a 1970 line first took 60 s instead of 18 s.
    assertThat(hostileMillis).as("comparable time").isLessThan(2 * cleanMillis + 5_000);
  }

  /** First line first, the middle line and the far-future line in the middle, the late line three quarters in. */
  private static List<byte[]> withHostile(List<byte[]> lines, String first, String middle, String future,
      String late) {
    List<byte[]> out = new ArrayList<>(lines);
    out.add(out.size() * 3 / 4, late.getBytes(StandardCharsets.UTF_8));
    out.add(out.size() / 2, future.getBytes(StandardCharsets.UTF_8));
    if (middle != null) {
      out.add(out.size() / 2 + 7, middle.getBytes(StandardCharsets.UTF_8));
    }
    out.add(0, first.getBytes(StandardCharsets.UTF_8));
    return out;
  }

  private static List<byte[]> lines(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        out.add(java.util.Arrays.copyOfRange(all, from, i));
        from = i + 1;
      }
    }
    if (from < all.length) {
      out.add(java.util.Arrays.copyOfRange(all, from, all.length));
    }
    return out;
  }

  private static void write(Path file, List<byte[]> lines) throws IOException {
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
  }

  private FaultLinkConfig config(Path alarms, Path complaints, Path out) throws IOException {
    String yaml = Files.readString(Path.of("config/faultlink.yaml"), StandardCharsets.UTF_8)
        .replace("sample-data/alarms.jsonl", alarms.toAbsolutePath().toString())
        .replace("sample-data/complaints.jsonl", complaints.toAbsolutePath().toString());
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return ConfigLoader.load(file).withSinksDir(out.toString()).withParallelism(2);
  }

  private static Map<String, Long> run(FaultLinkConfig config) throws Exception {
    return FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));
  }

  private static Map<String, List<String>> streams(Path out) throws IOException {
    Map<String, List<String>> streams = new HashMap<>();
    try (Stream<Path> dirs = Files.list(out)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        String name = d.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(d)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            if (d.relativize(f).toString().startsWith(".") || f.getFileName().toString().startsWith(".")
                || f.getFileName().toString().startsWith("_")) {
              continue;
            }
            Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(lines::add);
          }
        }
        streams.put(name, lines);
      }
    }
    return streams;
  }

  /** The dead letters of the hostile run that the clean run has not: raw line → reason. */
  private static Map<String, String> addedDeadLetters(List<String> clean, List<String> hostile) throws IOException {
    Set<String> before = new HashSet<>(clean);
    Map<String, String> added = new HashMap<>();
    for (String line : hostile) {
      if (!before.contains(line)) {
        JsonNode d = JSON.readTree(line);
        assertThat(d.get("source").asText()).isIn("alarms", "complaints");
        added.put(d.get("raw").asText(), d.get("reason").asText());
      }
    }
    return added;
  }
}
