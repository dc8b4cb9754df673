package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.InputConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's acceptance run: the committed sample with every hostile line of the issue added (implausible
 * years first and in the middle, a too-late complaint, a clear stated before its raise, a duplicate eventId on
 * another alarm kind, a line far over {@code input.maxLineBytes}, a byte-order mark) gives the same outputs as
 * the sample alone, every stream but dead-letters, and each hostile line is a dead letter with a reason. The
 * expected outputs are the clean run's: what the hostile lines must not change, not figures from a run.
 */
class HostileSampleRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir Path dir;

  /** The sample holds damaged UTF-8 on purpose: lines are edited as bytes (one char per byte) and written back so. */
  private static final java.nio.charset.Charset BYTES = StandardCharsets.ISO_8859_1;

  /** U+FEFF as its UTF-8 bytes. */
  private static final String BOM = "\u00EF\u00BB\u00BF";

  @Test
  void hostileLinesChangeNothingButTheDeadLetters() throws Exception {
    List<String> alarms = Files.readAllLines(Path.of("sample-data/alarms.jsonl"), BYTES);
    List<String> complaints = Files.readAllLines(Path.of("sample-data/complaints.jsonl"), BYTES);
    String outageRaise = firstLine(alarms, "\"AlarmCreateEvent\"", "cellOutage");
    String noise = firstLine(alarms, "\"AlarmCreateEvent\"", "thresholdCrossed");
    String noiseEventId = field(noise, "eventId");
    String complaint = firstLine(complaints, "TroubleTicketCreateEvent", "servingCell");

    Map<String, String> hostileAlarms = new LinkedHashMap<>();
    hostileAlarms.put("h-a-1970-first", retime(rename(outageRaise, "h-a-1970-first", "H-1"), "1970-01-02T08:00:00+08:00"));
    hostileAlarms.put("h-a-1970-middle", retime(rename(outageRaise, "h-a-1970-middle", "H-2"), "1970-06-01T08:00:00+08:00"));
    hostileAlarms.put("h-a-9999", retime(rename(outageRaise, "h-a-9999", "H-3"), "9999-12-30T08:00:00+08:00"));
    // The eventId of a noise alarm read just before, now on an outage raise of the same time: one event, the first
    // read is kept (a reuse after dedup.retention would be a new event, rightly).
    hostileAlarms.put(noiseEventId, retime(rename(outageRaise, noiseEventId, "H-4"), field(noise, "eventTime")));
    // A clear stated two hours before its own raise.
    hostileAlarms.put("h-a-clear-before-raise", "{\"eventId\":\"h-a-clear-before-raise\",\"eventType\":\"AlarmClearedEvent\","
        + "\"eventTime\":\"2026-10-12T08:00:00+08:00\",\"event\":{\"alarm\":{\"id\":\"H-5\",\"state\":\"cleared\","
        + "\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
        + "\"alarmRaisedTime\":\"2026-10-12T10:00:00+08:00\",\"alarmClearedTime\":\"2026-10-12T08:00:00+08:00\","
        + "\"sourceSystemId\":\"OMC-HW-1\"}}}");
    hostileAlarms.put("h-a-huge", "{\"eventId\":\"h-a-huge\",\"eventType\":\"AlarmCreateEvent\",\"pad\":\""
        + "x".repeat(3 << 20) + "\"}");

    Map<String, String> hostileComplaints = new LinkedHashMap<>();
    hostileComplaints.put("h-c-9999", retime(renameTicket(complaint, "h-c-9999", "TT-H1"), "9999-12-30T08:00:00+08:00"));
    hostileComplaints.put("h-c-1970", retime(renameTicket(complaint, "h-c-1970", "TT-H2"), "1970-01-01T08:00:01+08:00"));
    // Placed among the last days of the sample, dated more than input.maxLateness (P2D) before them.
    hostileComplaints.put("h-c-too-late", retime(renameTicket(complaint, "h-c-too-late", "TT-H3"), "2026-10-10T12:00:00+08:00"));

    List<String> a = new ArrayList<>(alarms);
    a.add(0, hostileAlarms.get("h-a-1970-first"));
    a.add(a.size() / 3, hostileAlarms.get("h-a-1970-middle"));
    a.add(a.size() / 2, hostileAlarms.get("h-a-9999"));
    a.add(a.size() / 2 + 7, hostileAlarms.get("h-a-clear-before-raise"));
    a.add(a.indexOf(noise) + 3, hostileAlarms.get(noiseEventId));
    a.add(a.size() * 2 / 3, hostileAlarms.get("h-a-huge"));
    List<String> c = new ArrayList<>(complaints);
    c.add(c.size() / 2, hostileComplaints.get("h-c-9999"));
    c.add(c.size() / 4, hostileComplaints.get("h-c-1970"));
    c.add(c.size() - 20, hostileComplaints.get("h-c-too-late"));
    c.set(0, BOM + c.get(0));

    Path hostileAlarmFile = write("alarms-hostile.jsonl", a);
    Path hostileComplaintFile = write("complaints-hostile.jsonl", c);

    FaultLinkConfig base = ConfigLoader.load(Path.of("config/faultlink.yaml")).withParallelism(2);
    CellTable cells = CellTable.load(Path.of(base.reference().cells()));
    RegionTable regions = RegionTable.load(Path.of(base.reference().regions()));
    Path cleanOut = dir.resolve("clean");
    Path hostileOut = dir.resolve("hostile");

    long t0 = System.nanoTime();
    Map<String, Long> cleanCounters = FaultLinkJob.run(base.withSinksDir(cleanOut.toString()), cells, regions, quiet());
    long t1 = System.nanoTime();
    FaultLinkConfig hostile = base.withSinksDir(hostileOut.toString()).withSources(new FaultLinkConfig.Sources(
        new InputConfig(hostileAlarmFile.toString()), new InputConfig(hostileComplaintFile.toString()),
        base.sources().works(), 0));
    Map<String, Long> counters = FaultLinkJob.run(hostile, cells, regions, quiet());
    long t2 = System.nanoTime();
    System.out.printf("HostileSampleRunTest: clean run %.1f s, hostile run %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);

    Map<String, List<String>> cleanStreams = OutputFiles.allStreams(cleanOut);
    Map<String, List<String>> hostileStreams = OutputFiles.allStreams(hostileOut);
    assertThat(hostileStreams.keySet()).isEqualTo(cleanStreams.keySet());
    for (String stream : cleanStreams.keySet()) {
      if (stream.equals("dead-letters")) {
        continue;
      }
      List<String> onlyHostile = new ArrayList<>(hostileStreams.get(stream));
      cleanStreams.get(stream).forEach(onlyHostile::remove);
      List<String> onlyClean = new ArrayList<>(cleanStreams.get(stream));
      hostileStreams.get(stream).forEach(onlyClean::remove);
      assertThat(onlyHostile).as(stream + ": records only in the hostile run").isEmpty();
      assertThat(onlyClean).as(stream + ": records only in the clean run").isEmpty();
    }

    List<JsonNode> deadLetters = OutputFiles.records(hostileOut, "dead-letters");
    assertThat(deadLetters).hasSize(OutputFiles.records(cleanOut, "dead-letters").size()
        + hostileAlarms.size() + hostileComplaints.size() - 1 /* the duplicate is dropped and counted, not rejected */);
    for (String id : List.of("h-a-1970-first", "h-a-1970-middle", "h-a-9999", "h-a-clear-before-raise", "h-a-huge",
        "h-c-9999", "h-c-1970", "h-c-too-late")) {
      JsonNode letter = deadLetters.stream().filter(d -> d.get("raw").asText().contains("\"" + id + "\"")).findFirst()
          .orElseThrow(() -> new AssertionError("no dead letter for " + id));
      assertThat(letter.get("reason").asText()).as(id).isNotBlank();
      if (id.equals("h-a-huge")) {
        assertThat(letter.get("truncated").asBoolean()).isTrue();
      }
    }
    assertThat(counters.get("duplicateEvents")).as("the clean run's duplicates and the reused noise eventId")
        .isEqualTo(cleanCounters.get("duplicateEvents") + 1);

    // The contract's checker applies notBefore/notAfter and eventId dedup to the complaints it expects, not the
    // lateness rule (which depends on line order within a file): it is given the complaints without the too-late
    // line, which the dead-letter assertions above already account for.
    List<String> checkerView = new ArrayList<>(c);
    checkerView.remove(hostileComplaints.get("h-c-too-late"));
    Path checkerComplaints = write("complaints-checker-view.jsonl", checkerView);
    Path checker = Path.of("..", "shared", "contract", "check-outputs.py");
    Process p = new ProcessBuilder("python3", checker.toString(), hostileOut.toString(),
        "--complaints", checkerComplaints.toString(), "--cells", "sample-data/cells.csv")
        .redirectErrorStream(true).start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(report).contains("contract shape: OK");
  }

  private Path write(String name, List<String> lines) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, String.join("\n", lines) + "\n", BYTES);
    return f;
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  private static String firstLine(List<String> lines, String... parts) {
    return lines.stream().filter(l -> java.util.Arrays.stream(parts).allMatch(l::contains)).findFirst().orElseThrow();
  }

  /** The text value of the first {@code "name":"value"} in a line. */
  private static String field(String line, String name) {
    int i = line.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return line.substring(i, line.indexOf('"', i));
  }

  private static String rename(String alarm, String eventId, String alarmId) {
    return alarm.replace("\"eventId\":\"" + field(alarm, "eventId") + "\"", "\"eventId\":\"" + eventId + "\"")
        .replace("\"id\":\"" + field(alarm, "id") + "\"", "\"id\":\"" + alarmId + "\"");
  }

  private static String renameTicket(String complaint, String eventId, String ticketId) {
    return complaint.replace("\"eventId\":\"" + field(complaint, "eventId") + "\"", "\"eventId\":\"" + eventId + "\"")
        .replace("\"id\":\"" + field(complaint, "id") + "\"", "\"id\":\"" + ticketId + "\"");
  }

  /** The line with its eventTime and domain time (raise or creation) both set to {@code time}. */
  private static String retime(String line, String time) {
    String out = line.replace(field(line, "eventTime"), time);
    for (String domain : List.of("alarmRaisedTime", "creationDate")) {
      if (out.contains("\"" + domain + "\"")) {
        out = out.replace(field(out, domain), time);
      }
    }
    return out;
  }
}
