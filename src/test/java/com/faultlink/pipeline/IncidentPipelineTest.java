package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incidents on the whole pipeline at parallelism 1 and 2, with root alarms arriving after their outages (within
 * the out-of-orderness), a power failure whose site drops 90 minutes later, two root alarms raised together on one
 * site (the smaller id wins), a cleared root alarm whose id is raised again, and a group of unknown cause. Every
 * expected figure is worked out by hand from the lines below (minutes after T0).
 */
class IncidentPipelineTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  Path tmp;

  private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
  private static final long MIN = 60_000L;
  /** Wednesday 2026-10-14 08:00 +08:00. */
  private static final long T0 = OffsetDateTime.parse("2026-10-14T08:00:00+08:00").toInstant().toEpochMilli();

  private static String ts(long minutes) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(T0 + minutes * MIN), ZONE)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
  }

  private static String alarm(String type, String source, String id, String cause, String object, String objectType,
      long raised, Long cleared) {
    long at = cleared == null ? raised : cleared;
    return "{\"eventId\":\"" + source + "-" + id + (cleared == null ? "-r" : "-c") + at + "\",\"eventType\":\"" + type
        + "\",\"eventTime\":\"" + ts(at) + "\",\"event\":{\"alarm\":{\"id\":\"" + id + "\",\"alarmType\":\"x\","
        + "\"state\":\"" + (cleared == null ? "raised" : "cleared") + "\",\"perceivedSeverity\":\"major\","
        + "\"probableCause\":\"" + cause + "\",\"alarmedObject\":{\"id\":\"" + object + "\",\"@referredType\":\""
        + objectType + "\"},\"alarmRaisedTime\":\"" + ts(raised) + "\""
        + (cleared == null ? "" : ",\"alarmClearedTime\":\"" + ts(cleared) + "\"")
        + ",\"sourceSystemId\":\"" + source + "\"}}}";
  }

  private static String raise(String source, String id, String cause, String object, String type, long at) {
    return alarm("AlarmCreateEvent", source, id, cause, object, type, at, null);
  }

  private static String clear(String source, String id, String cause, String object, String type, long raised,
      long at) {
    return alarm("AlarmClearedEvent", source, id, cause, object, type, raised, at);
  }

  /** An outage: raise and clear lines of a cellOutage alarm. */
  private static String[] outage(String id, String cell, long start, long end) {
    return new String[] {raise("OMC", id, "cellOutage", cell, "Cell", start),
        clear("OMC", id, "cellOutage", cell, "Cell", start, end)};
  }

  private Path inputs() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.write(in.resolve("cells.csv"), List.of("cell_id,site_id,region,technology,lat,lon",
        "S1-1,S1,Yinchuan,4G,38.4800,106.2300", "S1-2,S1,Yinchuan,5G,38.4800,106.2300",
        "S2-1,S2,Yinchuan,4G,38.4900,106.2400", "S3-1,S3,Wuzhong,4G,37.9900,106.2000",
        "S4-1,S4,Wuzhong,4G,37.8000,105.9000", "S4-2,S4,Wuzhong,5G,37.8000,105.9000",
        "S5-1,S5,Wuzhong,4G,37.8050,105.9050"), StandardCharsets.UTF_8);
    Files.write(in.resolve("regions.csv"), List.of("region,subscribers", "Yinchuan,1000000", "Wuzhong,500000"),
        StandardCharsets.UTF_8);
    Files.write(in.resolve("topology.csv"), List.of("object_id,object_type,site_id", "TX-A,Transmission,S1",
        "TX-A,Transmission,S2"), StandardCharsets.UTF_8);
    String[] o1 = outage("O-1", "S1-1", 0, 61);
    String[] o2 = outage("O-2", "S1-2", 25, 62);
    String[] o3 = outage("O-3", "S2-1", 30, 65);
    String[] o4 = outage("O-4", "S3-1", 10, 40);
    String[] o5 = outage("O-5", "S3-1", 190, 310);
    String[] o6 = outage("O-6", "S1-1", 200, 230);
    String[] o7 = outage("O-7", "S2-1", 402, 460);
    String[] o8 = outage("O-8", "S1-1", 403, 455);
    String[] o9 = outage("O-9", "S4-1", 600, 640);
    String[] o10 = outage("O-10", "S4-2", 603, 641);
    String[] o11 = outage("O-11", "S5-1", 607, 642);
    List<String> lines = new ArrayList<>(List.of(
        raise("PWR", "P-1", "powerSupplyFailure", "S1", "Site", 2),
        o1[0], // 2 minutes behind: the outage line arrives after a root alarm raised after it
        raise("TNMS", "A-1", "lossOfSignal", "TX-A", "Transmission", 2),
        o4[0],
        clear("PWR", "P-1", "powerSupplyFailure", "S1", "Site", 2, 20),
        o2[0], o3[0], o4[1],
        clear("TNMS", "A-1", "lossOfSignal", "TX-A", "Transmission", 2, 60),
        o1[1], o2[1], o3[1],
        raise("PWR", "P-2", "powerSupplyFailure", "S3", "Site", 100),
        o5[0], o6[0], o6[1],
        clear("PWR", "P-2", "powerSupplyFailure", "S3", "Site", 100, 300),
        o5[1],
        o7[0], o8[0],
        raise("TNMS", "A-1", "lossOfSignal", "TX-A", "Transmission", 400), // 3 minutes behind its outages
        clear("TNMS", "A-1", "lossOfSignal", "TX-A", "Transmission", 400, 450),
        o8[1], o7[1],
        o9[0], o10[0], o11[0], o9[1], o10[1], o11[1]));
    Files.write(in.resolve("alarms.jsonl"), lines, StandardCharsets.UTF_8);
    Files.write(in.resolve("complaints.jsonl"), List.of(), StandardCharsets.UTF_8);
    return in;
  }

  private Path run(Path in, int parallelism) throws Exception {
    Path out = tmp.resolve("out-" + parallelism);
    String yaml = String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: " + parallelism,
        "sources:",
        "  alarms: {file: " + quote(in.resolve("alarms.jsonl")) + "}",
        "  complaints: {file: " + quote(in.resolve("complaints.jsonl")) + "}",
        "reference:",
        "  cells: " + quote(in.resolve("cells.csv")),
        "  regions: " + quote(in.resolve("regions.csv")),
        "  topology: " + quote(in.resolve("topology.csv")),
        "sinks:",
        "  dir: " + quote(out),
        "golden: {fixedWindow: PT20M}",
        "privacy: {customerKeySecret: incident-test}",
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of());
    FaultLinkJob.run(config, CellTable.load(in.resolve("cells.csv")), RegionTable.load(in.resolve("regions.csv")),
        new PrintStream(OutputStream.nullOutputStream()));
    return out;
  }

  private static String quote(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  @Test
  void incidentsComeOutAsWorkedOutByHandAtParallelismOneAndTwo() throws Exception {
    Path in = inputs();
    String reRaise = "TNMS/A-1@" + ts(400);
    Map<String, String> incidents = new TreeMap<>(Map.of(
        "PWR/P-1", "powerSupplyFailure S1 start " + ts(2) + " end " + ts(61) + " [OMC/O-1]",
        "TNMS/A-1", "lossOfSignal TX-A start " + ts(2) + " end " + ts(65) + " [OMC/O-2, OMC/O-3]",
        "PWR/P-2", "powerSupplyFailure S3 start " + ts(190 - 90) + " end " + ts(310) + " [OMC/O-5]",
        reRaise, "lossOfSignal TX-A start " + ts(400) + " end " + ts(460) + " [OMC/O-7, OMC/O-8]",
        "unknown/OMC/O-9", "unknown null start " + ts(600) + " end " + ts(642)
            + " [OMC/O-10, OMC/O-11, OMC/O-9]"));
    // One page per incident of two or more outages (none for PWR/P-1, PWR/P-2): at its second outage's start or its
    // root's raise if later; resolved when its root has cleared and its outages have ended.
    List<String> pages = List.of(
        "INCIDENT/TNMS/A-1 firing " + ts(30) + " open 2 Yinchuan",
        "INCIDENT/TNMS/A-1 resolved " + ts(65) + " open 2 Yinchuan",
        "INCIDENT/" + reRaise + " firing " + ts(403) + " open 2 Yinchuan",
        "INCIDENT/" + reRaise + " resolved " + ts(460) + " open 2 Yinchuan",
        "INCIDENT/unknown/OMC/O-9 firing " + ts(603) + " open 2 Wuzhong",
        "INCIDENT/unknown/OMC/O-9 resolved " + ts(642) + " open 2 Wuzhong");
    Map<String, String> memberOf = new TreeMap<>(Map.of("OMC/O-1", "PWR/P-1", "OMC/O-2", "TNMS/A-1",
        "OMC/O-3", "TNMS/A-1", "OMC/O-4", "-", "OMC/O-5", "PWR/P-2", "OMC/O-6", "-", "OMC/O-7", reRaise,
        "OMC/O-8", reRaise, "OMC/O-9", "unknown/OMC/O-9", "OMC/O-10", "unknown/OMC/O-9"));
    memberOf.put("OMC/O-11", "unknown/OMC/O-9");

    for (int p : new int[] {1, 2}) {
      Path out = run(in, p);
      Map<String, String> got = new TreeMap<>();
      for (JsonNode i : OutputFiles.records(out, "incidents")) {
        TreeSet<String> ids = new TreeSet<>();
        i.get("outageIds").forEach(n -> ids.add(n.asText()));
        got.put(i.get("incidentId").asText(), i.get("cause").asText() + " " + i.get("rootObjectId").asText()
            + " start " + i.get("start").asText() + " end " + i.get("end").asText() + " " + ids);
        assertThat(i.get("outages").asInt()).isEqualTo(ids.size());
      }
      assertThat(got).as("parallelism " + p).isEqualTo(incidents);

      Map<String, String> tagged = new TreeMap<>();
      for (JsonNode i : OutputFiles.records(out, "outage-impacts")) {
        tagged.put(i.get("outageId").asText(), i.get("incidentId").isNull() ? "-" : i.get("incidentId").asText());
      }
      assertThat(tagged).as("outage-impacts, parallelism " + p).isEqualTo(memberOf);

      List<String> incidentAlerts = new ArrayList<>();
      for (JsonNode a : OutputFiles.records(out, "alerts")) {
        String type = a.get("type").asText();
        if (type.equals("INCIDENT")) {
          incidentAlerts.add(a.get("alertId").asText() + " " + a.get("status").asText() + " " + a.get("at").asText()
              + " open " + a.get("outagesOpen").asInt() + " " + a.get("region").asText());
          assertThat(a.get("incidentId").asText()).isEqualTo(a.get("alertId").asText().substring(9));
          assertThat(a.get("severity").asText()).isEqualTo("critical");
        } else if (type.startsWith("GOLDEN_WINDOW")) {
          // every golden alert is at least 20 minutes after its outage's start: membership is decided by then
          String expected = memberOf.get(a.get("outageId").asText());
          assertThat(a.get("incidentId").isNull() ? "-" : a.get("incidentId").asText())
              .as(a.get("alertId").asText()).isEqualTo(expected);
        }
      }
      assertThat(incidentAlerts).as("parallelism " + p).containsExactlyInAnyOrderElementsOf(pages);
    }
  }
}
