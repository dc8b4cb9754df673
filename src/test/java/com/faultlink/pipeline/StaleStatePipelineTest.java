package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded, consistent state on the whole pipeline (MiniCluster, parallelism 2): a clear is never lost to an earlier
 * expiry of pairing state, an outage open {@code outages.maxOpen} is closed as stale with its alerts resolved, and a
 * repeated {@code eventId} is one event whatever kind of alarm the copy claims to be. Every expected figure is worked
 * out by hand from the lines below.
 */
class StaleStatePipelineTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  Path tmp;

  private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;
  /** Monday 2026-09-07 08:00 +08:00. */
  private static final long T0 = OffsetDateTime.parse("2026-09-07T08:00:00+08:00").toInstant().toEpochMilli();

  // ------------------------------------------------------------------------------------------ lines

  private static String ts(long millis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZONE).toString();
  }

  private static String raise(String eventId, String alarmId, String cell, String cause, long at) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"AlarmCreateEvent\",\"eventTime\":\"" + ts(at)
        + "\",\"event\":{\"alarm\":{\"id\":\"" + alarmId + "\",\"alarmType\":\"communicationsAlarm\","
        + "\"state\":\"raised\",\"perceivedSeverity\":\"critical\",\"probableCause\":\"" + cause + "\","
        + "\"alarmedObject\":{\"id\":\"" + cell + "\",\"@referredType\":\"Cell\"},\"alarmRaisedTime\":\"" + ts(at)
        + "\",\"sourceSystemId\":\"OMC\"}}}";
  }

  private static String clear(String eventId, String alarmId, String cell, long raised, long at) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"AlarmClearedEvent\",\"eventTime\":\"" + ts(at)
        + "\",\"event\":{\"alarm\":{\"id\":\"" + alarmId + "\",\"alarmType\":\"communicationsAlarm\","
        + "\"state\":\"cleared\",\"perceivedSeverity\":\"cleared\",\"probableCause\":\"cellOutage\","
        + "\"alarmedObject\":{\"id\":\"" + cell + "\",\"@referredType\":\"Cell\"},\"alarmRaisedTime\":\"" + ts(raised)
        + "\",\"alarmClearedTime\":\"" + ts(at) + "\",\"sourceSystemId\":\"OMC\"}}}";
  }

  private static String complaint(String id, String cell, long at) {
    return "{\"eventId\":\"ev-" + id + "\",\"eventType\":\"TroubleTicketCreateEvent\",\"eventTime\":\"" + ts(at)
        + "\",\"event\":{\"troubleTicket\":{\"id\":\"" + id + "\",\"ticketType\":\"complaint\",\"category\":\"voice\","
        + "\"creationDate\":\"" + ts(at) + "\",\"severity\":\"minor\",\"channel\":{\"name\":\"app\"},"
        + "\"relatedParty\":[{\"role\":\"customer\",\"id\":\"13995000001\"}],"
        + "\"relatedEntity\":[{\"role\":\"servingCell\",\"id\":\"" + cell + "\",\"@referredType\":\"Cell\"}]}}}";
  }

  private static String cell(int i) {
    return String.format("NX-YC-%04d-1", i);
  }

  /** Ten cells, one per site, about 11 km apart (no neighbours). */
  private Path inputs(List<String> alarms, List<String> complaints) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    List<String> cells = new ArrayList<>(List.of("cell_id,site_id,region,technology,lat,lon"));
    for (int i = 1; i <= 10; i++) {
      cells.add(cell(i) + "," + cell(i).substring(0, 10) + ",Yinchuan,4G," + (38.0 + i * 0.1) + ",106.2");
    }
    Files.write(in.resolve("cells.csv"), cells, StandardCharsets.UTF_8);
    Files.write(in.resolve("regions.csv"), List.of("region,subscribers", "Yinchuan,1000000"), StandardCharsets.UTF_8);
    Files.write(in.resolve("alarms.jsonl"), alarms, StandardCharsets.UTF_8);
    Files.write(in.resolve("complaints.jsonl"), complaints, StandardCharsets.UTF_8);
    return in;
  }

  private record Run(Path out, Map<String, Long> counters) {}

  private Run run(Path in, int linesPerSecond, String... extraYaml) throws Exception {
    Path out = tmp.resolve("out");
    String yaml = String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: 2",
        "sources:",
        "  alarms: {file: " + quote(in.resolve("alarms.jsonl")) + "}",
        "  complaints: {file: " + quote(in.resolve("complaints.jsonl")) + "}",
        linesPerSecond > 0 ? "  throttleEventsPerSecond: " + linesPerSecond : "",
        "reference:",
        "  cells: " + quote(in.resolve("cells.csv")),
        "  regions: " + quote(in.resolve("regions.csv")),
        "sinks:",
        "  dir: " + quote(out),
        "privacy: {customerKeySecret: stale-state-test}",
        "checkpointing: {interval: PT0.5S, dir: " + quote(tmp.resolve("checkpoints")) + "}",
        String.join("\n", extraYaml),
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of());
    Map<String, Long> counters = FaultLinkJob.run(config, CellTable.load(in.resolve("cells.csv")),
        RegionTable.load(in.resolve("regions.csv")), new PrintStream(OutputStream.nullOutputStream()));
    return new Run(out, counters);
  }

  private static String quote(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static Long time(JsonNode n) {
    return n == null || n.isNull() ? null : OffsetDateTime.parse(n.asText()).toInstant().toEpochMilli();
  }

  // ------------------------------------------------------------------------------------------ the tests

  /**
   * The case: every clear reaches the pairer after its raise's pairing state would have expired under a
   * processing-time TTL ({@code state.ttl} 10 ms, lines paced at 10 a second, so a raise and its clear are a second
   * apart). Each cell's first outage then never closed and swallowed its second: 10 outages instead of 20, each open
   * to the end and alerted. No state expiry may lose a clear: 20 outages of 10 minutes, no alert.
   */
  @Test
  void aClearArrivingLongAfterItsRaiseClosesItsOutageWhateverTheStateTtl() throws Exception {
    List<String> alarms = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      long base = T0 + round * 3 * HOUR;
      for (int c = 1; c <= 10; c++) {
        alarms.add(raise("ev-r" + round + "-" + c, "A-" + round + "-" + c, cell(c), "cellOutage", base + c * MIN));
      }
      for (int c = 1; c <= 10; c++) {
        alarms.add(clear("ev-c" + round + "-" + c, "A-" + round + "-" + c, cell(c), base + c * MIN,
            base + (10 + c) * MIN));
      }
    }
    Run r = run(inputs(alarms, List.of()), 10, "state: {ttl: PT0.01S}",
        "golden: {fixedWindow: PT20M, massOutageCount: 50}");
    List<JsonNode> impacts = OutputFiles.records(r.out(), "outage-impacts");
    List<org.assertj.core.groups.Tuple> expected = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      long base = T0 + round * 3 * HOUR;
      for (int c = 1; c <= 10; c++) {
        expected.add(tuple("OMC/A-" + round + "-" + c, cell(c), base + c * MIN, base + (10 + c) * MIN, "cleared",
            10.0));
      }
    }
    assertThat(impacts).extracting(i -> i.get("outageId").asText(), i -> i.get("cellId").asText(),
            i -> time(i.get("start")), i -> time(i.get("end")), i -> i.path("endReason").asText(null),
            i -> i.get("durationMinutes").asDouble())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(OutputFiles.records(r.out(), "alerts")).as("10-minute outages under a 20-minute window").isEmpty();
    assertThat(r.counters().get("clearsWithoutRaise")).isZero();
  }

  /**
   * {@code outages.maxOpen} P1D. Cell 1's outage (alarms A-1 at T0 and A-1b at T0+12h, neither cleared in time) is
   * closed as stale at T0+24h; its alerts are resolved then. A-1b's clear at T0+26h is still paired (its raise is
   * remembered up to T0+36h) and counted by assembly, not applied; A-1's clear at T0+26h finds its raise forgotten
   * (at T0+24h) and counts as a clear without raise. A raise on cell 1 at T0+27h starts a new outage. Cell 3's
   * outage, open 35 minutes when the input ends (T0+28h05), is not stale: end and endReason stay null.
   */
  @Test
  void anOutageOpenMaxOpenIsClosedAsStaleItsAlertsResolvedAndLaterClearsCountedNotApplied() throws Exception {
    List<String> alarms = List.of(
        raise("ev-a1", "A-1", cell(1), "cellOutage", T0),
        raise("ev-a1b", "A-1b", cell(1), "cellOutage", T0 + 12 * HOUR),
        raise("ev-b1", "B-1", cell(2), "cellOutage", T0 + 25 * HOUR),
        clear("ev-b1c", "B-1", cell(2), T0 + 25 * HOUR, T0 + 25 * HOUR + 10 * MIN),
        clear("ev-a1c", "A-1", cell(1), T0, T0 + 26 * HOUR),
        clear("ev-a1bc", "A-1b", cell(1), T0 + 12 * HOUR, T0 + 26 * HOUR + MIN),
        raise("ev-a2", "A-2", cell(1), "cellOutage", T0 + 27 * HOUR),
        clear("ev-a2c", "A-2", cell(1), T0 + 27 * HOUR, T0 + 27 * HOUR + 20 * MIN),
        raise("ev-c1", "C-1", cell(3), "cellOutage", T0 + 27 * HOUR + 30 * MIN),
        raise("ev-b2", "B-2", cell(2), "cellOutage", T0 + 28 * HOUR),
        clear("ev-b2c", "B-2", cell(2), T0 + 28 * HOUR, T0 + 28 * HOUR + 5 * MIN));
    List<String> complaints = List.of(
        complaint("TT-1", cell(1), T0 + 2 * HOUR),
        complaint("TT-2", cell(1), T0 + 24 * HOUR + 20 * MIN)); // inside the tail after the stale end
    Run r = run(inputs(alarms, complaints), 0, "outages: {maxOpen: P1D}", "golden: {fixedWindow: PT20M}");

    long day = 24 * HOUR;
    assertThat(OutputFiles.records(r.out(), "outage-impacts"))
        .extracting(i -> i.get("outageId").asText(), i -> time(i.get("start")), i -> time(i.get("end")),
            i -> i.path("endReason").asText(null), i -> i.get("durationMinutes").asDouble(),
            i -> i.get("complaints").asLong(), i -> i.path("incidentId").isNull())
        .containsExactlyInAnyOrder(
            tuple("OMC/A-1", T0, T0 + day, "stale", 1440.0, 2L, true),
            tuple("OMC/B-1", T0 + 25 * HOUR, T0 + 25 * HOUR + 10 * MIN, "cleared", 10.0, 0L, true),
            tuple("OMC/A-2", T0 + 27 * HOUR, T0 + 27 * HOUR + 20 * MIN, "cleared", 20.0, 0L, true),
            tuple("OMC/C-1", T0 + 27 * HOUR + 30 * MIN, null, null, 35.0, 0L, true),
            tuple("OMC/B-2", T0 + 28 * HOUR, T0 + 28 * HOUR + 5 * MIN, "cleared", 5.0, 0L, true));

    // Golden window 20 min, at risk at 15: fired while open, resolved at the (stale or cleared) end.
    assertThat(OutputFiles.records(r.out(), "alerts"))
        .extracting(a -> a.get("type").asText(), a -> a.get("status").asText(), a -> a.get("outageId").asText(),
            a -> time(a.get("at")))
        .containsExactlyInAnyOrder(
            tuple("GOLDEN_WINDOW_AT_RISK", "firing", "OMC/A-1", T0 + 15 * MIN),
            tuple("GOLDEN_WINDOW_BREACHED", "firing", "OMC/A-1", T0 + 20 * MIN),
            tuple("GOLDEN_WINDOW_AT_RISK", "resolved", "OMC/A-1", T0 + day),
            tuple("GOLDEN_WINDOW_BREACHED", "resolved", "OMC/A-1", T0 + day),
            tuple("GOLDEN_WINDOW_AT_RISK", "firing", "OMC/A-2", T0 + 27 * HOUR + 15 * MIN),
            tuple("GOLDEN_WINDOW_AT_RISK", "resolved", "OMC/A-2", T0 + 27 * HOUR + 20 * MIN),
            tuple("GOLDEN_WINDOW_AT_RISK", "firing", "OMC/C-1", T0 + 27 * HOUR + 45 * MIN),
            tuple("GOLDEN_WINDOW_BREACHED", "firing", "OMC/C-1", T0 + 27 * HOUR + 50 * MIN));

    assertThat(OutputFiles.records(r.out(), "outage-status"))
        .filteredOn(s -> s.get("outageId").asText().equals("OMC/A-1"))
        .extracting(s -> s.get("status").asText(), s -> time(s.get("at")), s -> s.path("endReason").asText(null))
        .containsExactly(tuple("open", T0, null), tuple("closed", T0 + day, "stale"));
    assertThat(OutputFiles.records(r.out(), "attributions"))
        .extracting(a -> a.get("complaintId").asText(), a -> a.get("outageId").asText(), a -> a.get("lagMinutes").asDouble())
        .containsExactlyInAnyOrder(tuple("TT-1", "OMC/A-1", 120.0), tuple("TT-2", "OMC/A-1", 1460.0));

    assertThat(r.counters()).containsEntry("staleOutages", 1L).containsEntry("clearsAfterStale", 1L)
        .containsEntry("clearsWithoutRaise", 1L).containsEntry("outagesOpened", 5L);
    assertContractShape(r.out(), tmp.resolve("in/complaints.jsonl"), tmp.resolve("in/cells.csv"));
  }

  /**
   * The same {@code eventId} twice on one input is one event, the first read, whatever the copy says: a copy claiming
   * another cause on another cell is a duplicate (not noise), and an outage raise reusing a noise alarm's id is a
   * duplicate too (no outage). Before, noise was dropped before deduplication, so the first copy counted as noise and
   * the second made an outage.
   */
  @Test
  void aRepeatedEventIdIsOneEventWhateverKindOfAlarmTheCopyClaims() throws Exception {
    List<String> alarms = List.of(
        raise("ev-x", "X-1", cell(4), "cellOutage", T0 + HOUR),
        raise("ev-x", "X-9", cell(5), "highTemperature", T0 + HOUR + MIN), // a copy: dropped, counted
        clear("ev-xc", "X-1", cell(4), T0 + HOUR, T0 + HOUR + 10 * MIN),
        raise("ev-y", "Y-0", cell(6), "highTemperature", T0 + 2 * HOUR), // noise, read first
        raise("ev-y", "Y-1", cell(6), "cellOutage", T0 + 2 * HOUR + MIN), // its id again: dropped, no outage
        clear("ev-yc", "Y-1", cell(6), T0 + 2 * HOUR + MIN, T0 + 2 * HOUR + 30 * MIN));
    Run r = run(inputs(alarms, List.of()), 0);

    assertThat(OutputFiles.records(r.out(), "outage-impacts")).extracting(i -> i.get("outageId").asText())
        .containsExactly("OMC/X-1");
    assertThat(r.counters()).containsEntry("duplicateEvents", 2L).containsEntry("nonOutageAlarms", 1L)
        .containsEntry("outagesOpened", 1L);
  }

  /** The contract's shape checker, with the fields it added on 2026-12-07 required where this stream has them. */
  private static void assertContractShape(Path out, Path complaints, Path cells) throws Exception {
    Path checker = Path.of("../shared/contract/check-outputs.py");
    Process p = new ProcessBuilder("python3", checker.toString(), out.toString(), "--complaints",
        complaints.toString(), "--cells", cells.toString()).redirectErrorStream(true).start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(report).isZero();
  }
}
