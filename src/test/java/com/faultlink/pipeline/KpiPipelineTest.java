package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KPI targets, complaint breakdowns, hotspots and time to acknowledge, through the whole pipeline on a MiniCluster
 * at parallelism 1 and 2, over a hand-made input whose every figure is worked out by hand below (in the comments
 * beside the lines and the assertions). Two lines are placed after newer ones (within the out-of-orderness): an
 * earlier acknowledgement after a later one of the same alarm, and an acknowledgement before its alarm's raise.
 *
 * <p>Network: Yinchuan site YC-S1 (cells YC-S1-1 4G, YC-S1-2 WLAN) and, 11 km away, YC-S2 (YC-S2-1 2G); Guyuan
 * site GY-S3 (GY-S3-1 5G). Yinchuan 100 000 subscribers, Guyuan 50 000. Week of Monday 2026-10-05, plus one
 * complaint on Monday 10-12 so that the week's KPI misses are resolved when the next week closes.
 */
class KpiPipelineTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  static Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String CELLS = String.join("\n",
      "cell_id,site_id,region,technology,lat,lon",
      "YC-S1-1,YC-S1,Yinchuan,4G,38.4700,106.2700",
      "YC-S1-2,YC-S1,Yinchuan,WLAN,38.4700,106.2700",
      "YC-S2-1,YC-S2,Yinchuan,2G,38.5700,106.2700",
      "GY-S3-1,GY-S3,Guyuan,5G,36.0000,106.2700", "");
  static final String REGIONS = "region,subscribers\nYinchuan,100000\nGuyuan,50000\n";

  private static int ev;

  private static String raise(String id, String cell, String cause, String time) {
    return "{\"eventId\":\"a" + (++ev) + "\",\"eventType\":\"AlarmCreateEvent\",\"eventTime\":\"" + time + "\","
        + "\"event\":{\"alarm\":{\"id\":\"" + id + "\",\"alarmType\":\"communicationsAlarm\",\"state\":\"raised\","
        + "\"perceivedSeverity\":\"critical\",\"probableCause\":\"" + cause + "\",\"alarmedObject\":{\"id\":\"" + cell
        + "\",\"@referredType\":\"Cell\"},\"alarmRaisedTime\":\"" + time + "\",\"sourceSystemId\":\"OMC-1\"}}}";
  }

  private static String clear(String id, String time) {
    return "{\"eventId\":\"a" + (++ev) + "\",\"eventType\":\"AlarmClearedEvent\",\"eventTime\":\"" + time + "\","
        + "\"event\":{\"alarm\":{\"id\":\"" + id + "\",\"sourceSystemId\":\"OMC-1\",\"perceivedSeverity\":\"cleared\","
        + "\"alarmClearedTime\":\"" + time + "\"}}}";
  }

  private static String ack(String id, String cell, String time) {
    return "{\"eventId\":\"a" + (++ev) + "\",\"eventType\":\"AlarmAttributeValueChangeEvent\",\"eventTime\":\"" + time
        + "\",\"event\":{\"alarm\":{\"id\":\"" + id + "\",\"state\":\"raised\",\"ackState\":\"acknowledged\","
        + "\"ackUserId\":\"noc-op-1\",\"alarmedObject\":{\"id\":\"" + cell + "\",\"@referredType\":\"Cell\"},"
        + "\"alarmChangedTime\":\"" + time + "\",\"sourceSystemId\":\"OMC-1\"}}}";
  }

  private static String complaint(String id, String cell, String region, String time, String channel,
      String severity, String customer) {
    String entities = (cell == null ? "" : "{\"role\":\"servingCell\",\"id\":\"" + cell + "\"},")
        + "{\"role\":\"region\",\"id\":\"" + region + "\"}";
    return "{\"eventId\":\"c-" + id + "\",\"eventType\":\"TroubleTicketCreateEvent\",\"eventTime\":\"" + time + "\","
        + "\"event\":{\"troubleTicket\":{\"id\":\"" + id + "\",\"ticketType\":\"complaint\",\"category\":\"voice\","
        + "\"creationDate\":\"" + time + "\""
        + (severity == null ? "" : ",\"severity\":\"" + severity + "\"")
        + (channel == null ? "" : ",\"channel\":{\"name\":\"" + channel + "\"}")
        + ",\"relatedParty\":[{\"role\":\"customer\",\"id\":\"" + customer + "\"}],"
        + "\"relatedEntity\":[" + entities + "]}}}";
  }

  private static final String D5 = "2026-10-05T";
  private static final String D6 = "2026-10-06T";
  private static final String TZ = "+08:00";

  static List<String> alarms() {
    ev = 0;
    return List.of(
        raise("A-1", "YC-S1-1", "cellOutage", D5 + "10:00:00" + TZ),      // O1 OMC-1/A-1, YC-S1-1, 10:00-11:00
        ack("A-1", "YC-S1-1", D5 + "10:12:00" + TZ),
        ack("A-1", "YC-S1-1", D5 + "10:08:00" + TZ),                      // earlier, placed later: first ack 8 min
        clear("A-1", D5 + "11:00:00" + TZ),
        raise("A-2", "YC-S2-1", "cellOutage", D5 + "12:00:00" + TZ),      // O2 OMC-1/A-2, YC-S2-1, 12:00-13:00
        clear("A-2", D5 + "12:30:00" + TZ),
        ack("A-3", "YC-S2-1", D5 + "12:36:00" + TZ),                      // ack of the flap's alarm, before its raise
        raise("A-3", "YC-S2-1", "cellOutage", D5 + "12:33:00" + TZ),      // within the 5 min merge gap: still O2
        clear("A-3", D5 + "13:00:00" + TZ),                               // O2's first ack: 12:36, 36 min
        raise("T-1", "YC-S1-1", "highTemperature", D5 + "14:00:00" + TZ), // no outage alarm: its ack is ignored
        ack("T-1", "YC-S1-1", D5 + "14:05:00" + TZ),
        raise("A-4", "GY-S3-1", "cellOutage", D6 + "09:00:00" + TZ),      // O3 OMC-1/A-4, 09:00-09:50, ack 20 min
        ack("A-4", "GY-S3-1", D6 + "09:20:00" + TZ),
        clear("A-4", D6 + "09:50:00" + TZ),
        raise("A-5", "YC-S1-2", "cellOutage", D6 + "15:00:00" + TZ),      // O4 OMC-1/A-5, 15:00-15:10, never acked
        clear("A-5", D6 + "15:10:00" + TZ));
  }

  static List<String> complaints() {
    return List.of(
        complaint("K1", "YC-S1-1", "Yinchuan", D5 + "10:20:00" + TZ, "hotline", "major", "13900000001"),   // O1
        complaint("K2", "YC-S1-2", "Yinchuan", D5 + "10:25:00" + TZ, "app", "minor", "13900000002"),       // O1 site
        complaint("K3", "YC-S2-1", "Yinchuan", D5 + "15:00:00" + TZ, "wechat", "critical", "13900000001"), // none
        complaint("K4", "YC-S2-1", "Yinchuan", D5 + "15:10:00" + TZ, "regulator", null, "13900000003"),    // none
        complaint("K5", "YC-S2-1", "Yinchuan", D5 + "16:00:00" + TZ, "越级", "blocker", "13900000004"),     // none
        complaint("K6", "YC-S1-2", "Yinchuan", D5 + "16:30:00" + TZ, "web", "minor", "13900000005"),       // none
        complaint("K7", null, "Yinchuan", D5 + "17:00:00" + TZ, "store", "minor", "13900000006"),          // no cell
        complaint("K8", "YC-S1-1", "Yinchuan", D5 + "17:30:00" + TZ, null, "minor", "13900000007"),        // none
        complaint("K9", "YC-S1-2", "Yinchuan", D6 + "09:00:00" + TZ, "sms", "minor", "13900000002"),       // none
        complaint("K11", "GY-S3-1", "Guyuan", D6 + "09:10:00" + TZ, "hotline", "major", "13900000009"),    // O3
        complaint("K12", "GY-S3-1", "Guyuan", D6 + "12:00:00" + TZ, "app", "minor", "13900000010"),        // none
        complaint("K10", "YC-S1-2", "Yinchuan", D6 + "15:05:00" + TZ, "hotline", "minor", "13900000008"),  // O4
        complaint("K13", "YC-S1-1", "Yinchuan", "2026-10-12T10:00:00" + TZ, "hotline", "minor", "13900000011"));
  }

  private static Path run(int parallelism) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in-" + parallelism));
    Files.write(in.resolve("alarms.jsonl"), alarms(), StandardCharsets.UTF_8);
    Files.write(in.resolve("complaints.jsonl"), complaints(), StandardCharsets.UTF_8);
    Files.writeString(in.resolve("cells.csv"), CELLS);
    Files.writeString(in.resolve("regions.csv"), REGIONS);
    Path out = tmp.resolve("out-" + parallelism);
    String yaml = String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: " + parallelism,
        "sources:",
        "  alarms: {file: '" + in.resolve("alarms.jsonl") + "'}",
        "  complaints: {file: '" + in.resolve("complaints.jsonl") + "'}",
        "reference:",
        "  cells: '" + in.resolve("cells.csv") + "'",
        "  regions: '" + in.resolve("regions.csv") + "'",
        "sinks: {dir: '" + out + "'}",
        "outOfOrderness: PT5M",
        "golden: {fixedWindow: PT20M}",
        "targets:",
        "  repeatComplaintRatePct: {max: 20, regions: {Yinchuan: 30}}",
        "  complaintsPer10k: {max: 0.5, regions: {Guyuan: 0.1}}",
        "  onTimeRatePct: {min: 95}",
        "  ackMeanMinutes: {max: 30, periods: [week]}",
        "hotspots: {top: 2}",
        "privacy: {customerKeySecret: kpi-pipeline-test}",
        "checkpointing: {interval: PT0.5S, dir: '" + tmp.resolve("cp-" + parallelism) + "'}",
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of());
    FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(OutputStream.nullOutputStream()));
    return out;
  }

  private static List<JsonNode> records(Path out, String stream) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (String line : OutputFiles.lines(out, stream)) {
      all.add(JSON.readTree(line));
    }
    return all;
  }

  private static JsonNode metrics(List<JsonNode> all, String region, String period, String start) {
    List<JsonNode> m = all.stream().filter(r -> r.get("region").asText().equals(region)
        && r.get("period").asText().equals(period) && r.get("periodStart").asText().equals(start)).toList();
    assertThat(m).as("%s %s %s", region, period, start).hasSize(1);
    return m.get(0);
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  private static Map<String, Object> check(JsonNode metrics, String metric) {
    JsonNode t = metrics.get("targets").get(metric);
    if (t == null) {
      return null;
    }
    Map<String, Object> out = new HashMap<>();
    out.put("op", t.get("op").asText());
    out.put("target", t.get("target").asDouble());
    out.put("value", t.get("value").isNull() ? null : t.get("value").asDouble());
    out.put("met", t.get("met").isNull() ? null : t.get("met").asBoolean());
    return out;
  }

  private static Map<String, Object> expectCheck(String op, double target, Double value, Boolean met) {
    Map<String, Object> out = new HashMap<>();
    out.put("op", op);
    out.put("target", target);
    out.put("value", value);
    out.put("met", met);
    return out;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void targetsBreakdownsHotspotsAndAcknowledgementsAreAsWorkedOutByHand(int parallelism) throws Exception {
    Path out = run(parallelism);

    // ---- time to acknowledge on outage-impacts: O1 10:00 -> first ack 10:08 (the 10:12 one came first);
    // O2 12:00 -> 12:36 (an ack of its flap's alarm, read before that alarm's raise); O3 09:00 -> 09:20; O4 none.
    Map<String, JsonNode> impacts = new HashMap<>();
    for (JsonNode i : records(out, "outage-impacts")) {
      impacts.put(i.get("outageId").asText(), i);
    }
    assertThat(impacts.keySet()).containsExactlyInAnyOrder("OMC-1/A-1", "OMC-1/A-2", "OMC-1/A-4", "OMC-1/A-5");
    assertThat(impacts.get("OMC-1/A-1").get("ackMinutes").asDouble()).isEqualTo(8.0);
    assertThat(impacts.get("OMC-1/A-2").get("ackMinutes").asDouble()).isEqualTo(36.0);
    assertThat(impacts.get("OMC-1/A-4").get("ackMinutes").asDouble()).isEqualTo(20.0);
    assertThat(impacts.get("OMC-1/A-5").get("ackMinutes").isNull()).isTrue();

    List<JsonNode> metrics = records(out, "metrics");
    // ---- acknowledgements per region and period (of the ack): Yinchuan 8 and 36 -> mean 22, p90 (nearest rank
    // ceil(0.9*2) = 2nd) 36; Guyuan 20; all regions 8, 20, 36 -> mean 21.333.. = 21.33, p90 3rd = 36.
    JsonNode ycWeek = metrics(metrics, "Yinchuan", "week", "2026-10-05");
    JsonNode gyWeek = metrics(metrics, "Guyuan", "week", "2026-10-05");
    JsonNode allWeek = metrics(metrics, "*", "week", "2026-10-05");
    assertThat(ycWeek.get("outagesAcknowledged").asLong()).isEqualTo(2);
    assertThat(ycWeek.get("ackMeanMinutes").asDouble()).isEqualTo(22.0);
    assertThat(ycWeek.get("ackP90Minutes").asDouble()).isEqualTo(36.0);
    assertThat(gyWeek.get("ackMeanMinutes").asDouble()).isEqualTo(20.0);
    assertThat(gyWeek.get("ackP90Minutes").asDouble()).isEqualTo(20.0);
    assertThat(allWeek.get("outagesAcknowledged").asLong()).isEqualTo(3);
    assertThat(allWeek.get("ackMeanMinutes").asDouble()).isEqualTo(21.33);
    assertThat(allWeek.get("ackP90Minutes").asDouble()).isEqualTo(36.0);
    JsonNode ycDay6 = metrics(metrics, "Yinchuan", "day", "2026-10-06");
    assertThat(ycDay6.get("outagesAcknowledged").asLong()).isZero();
    assertThat(ycDay6.get("ackMeanMinutes").isNull()).isTrue();

    // ---- breakdowns, Yinchuan's week: K1..K10 (K11, K12 are Guyuan's, K13 the next week's)
    Map<String, Long> channels = new LinkedHashMap<>();
    channels.put("hotline", 2L);   // K1, K10
    channels.put("app", 1L);       // K2
    channels.put("wechat", 1L);    // K3
    channels.put("web", 1L);       // K6
    channels.put("store", 1L);     // K7
    channels.put("sms", 1L);       // K9
    channels.put("regulator", 1L); // K4
    channels.put("越级", 1L);       // K5
    channels.put("other", 1L);     // K8: no channel
    assertThat(counts(ycWeek.get("complaintsByChannel"))).containsExactlyEntriesOf(channels);
    assertThat(ycWeek.get("escalatedComplaints").asLong()).isEqualTo(2);
    Map<String, Long> severities = new LinkedHashMap<>();
    severities.put("critical", 1L); // K3
    severities.put("major", 1L);    // K1
    severities.put("minor", 6L);    // K2 K6 K7 K8 K9 K10
    severities.put("other", 2L);    // K4 none, K5 "blocker"
    assertThat(counts(ycWeek.get("complaintsBySeverity"))).containsExactlyEntriesOf(severities);
    Map<String, Long> technologies = new LinkedHashMap<>();
    technologies.put("2G", 3L);      // K3 K4 K5 on YC-S2-1
    technologies.put("3G", 0L);
    technologies.put("4G", 2L);      // K1 K8 on YC-S1-1
    technologies.put("5G", 0L);
    technologies.put("WLAN", 4L);    // K2 K6 K9 K10 on YC-S1-2
    technologies.put("unknown", 1L); // K7 names no cell
    assertThat(counts(ycWeek.get("complaintsByTechnology"))).containsExactlyEntriesOf(technologies);
    assertThat(counts(gyWeek.get("complaintsByTechnology")).get("5G")).isEqualTo(2);
    // change of total complaints, Yinchuan's days: 10-05 has K1-K8 (8), 10-06 K9, K10 (2): -75 %
    assertThat(ycDay6.get("complaintsChangePct").asDouble()).isEqualTo(-75.0);
    assertThat(metrics(metrics, "Yinchuan", "day", "2026-10-05").get("complaintsChangePct").isNull()).isTrue();

    // ---- targets. repeatComplaintRatePct (max 20, Yinchuan 30): Yinchuan's week has 8 complainants, 2 of them
    // twice (…001: K1 K3; …002: K2 K9): 25 %, met only under Yinchuan's own bound; all regions: 10, 2 -> 20 % (at
    // the bound: met); Guyuan on 10-05 has no complainant: null, met null.
    assertThat(check(ycWeek, "repeatComplaintRatePct")).isEqualTo(expectCheck("max", 30, 25.0, true));
    assertThat(check(allWeek, "repeatComplaintRatePct")).isEqualTo(expectCheck("max", 20, 20.0, true));
    assertThat(check(metrics(metrics, "Guyuan", "day", "2026-10-05"), "repeatComplaintRatePct"))
        .isEqualTo(expectCheck("max", 20, null, null));
    // complaintsPer10k (max 0.5, Guyuan 0.1): Yinchuan 10 / 100 000 -> 1.0 missed; Guyuan 2 / 50 000 -> 0.4,
    // missed under its own bound; all 12 / 150 000 -> 0.8 missed.
    assertThat(check(ycWeek, "complaintsPer10k")).isEqualTo(expectCheck("max", 0.5, 1.0, false));
    assertThat(check(gyWeek, "complaintsPer10k")).isEqualTo(expectCheck("max", 0.1, 0.4, false));
    assertThat(check(allWeek, "complaintsPer10k")).isEqualTo(expectCheck("max", 0.5, 0.8, false));
    // onTimeRatePct: the ticket figures are null without tickets.lifecycle: met null, and no alert
    assertThat(check(ycWeek, "onTimeRatePct")).isEqualTo(expectCheck("min", 95, null, null));
    // ackMeanMinutes (max 30) only on weeks
    assertThat(check(ycWeek, "ackMeanMinutes")).isEqualTo(expectCheck("max", 30, 22.0, true));
    assertThat(check(ycDay6, "ackMeanMinutes")).isNull();

    // ---- KPI_MISSED for the weeks: complaintsPer10k of Yinchuan, Guyuan and *, at the week's end; resolved when
    // the next week closes (2026-10-12's week: Yinchuan 1 -> 0.1, Guyuan 0, * 0.07: all met, no new miss).
    List<JsonNode> weekMisses = records(out, "alerts").stream()
        .filter(a -> a.get("type").asText().equals("KPI_MISSED") && a.get("period").asText().equals("week")).toList();
    List<String> firing = new ArrayList<>();
    List<String> resolved = new ArrayList<>();
    for (JsonNode a : weekMisses) {
      assertThat(a.get("severity").asText()).isEqualTo("warning");
      (a.get("status").asText().equals("resolved") ? resolved : firing)
          .add(a.get("alertId").asText() + " @" + a.get("at").asText());
    }
    String id = "KPI_MISSED/%s/complaintsPer10k/week/2026-10-05T00:00:00+08:00";
    assertThat(firing).containsExactlyInAnyOrder(
        String.format(id, "Yinchuan") + " @2026-10-12T00:00:00+08:00",
        String.format(id, "Guyuan") + " @2026-10-12T00:00:00+08:00",
        String.format(id, "*") + " @2026-10-12T00:00:00+08:00");
    assertThat(resolved).containsExactlyInAnyOrder(
        String.format(id, "Yinchuan") + " @2026-10-19T00:00:00+08:00",
        String.format(id, "Guyuan") + " @2026-10-19T00:00:00+08:00",
        String.format(id, "*") + " @2026-10-19T00:00:00+08:00");
    JsonNode yc = weekMisses.stream().filter(a -> a.get("region").asText().equals("Yinchuan")).findFirst().get();
    assertThat(yc.get("value").asDouble()).isEqualTo(1.0);
    assertThat(yc.get("target").asDouble()).isEqualTo(0.5);
    assertThat(yc.get("metric").asText()).isEqualTo("complaintsPer10k");

    // ---- hotspots, week of 10-05 (top 2): complaints no outage explains, on known cells. Yinchuan: YC-S2-1 K3 K4 K5
    // (3), YC-S1-2 K6 K9 (2), YC-S1-1 K8 (1; K7 names no cell); sites YC-S1 3 (2 cells) and YC-S2 3: tie, by id.
    // Guyuan: GY-S3-1 K12 (1). Week of 10-12: YC-S1-1 K13.
    List<String> hotspots = records(out, "hotspots").stream().map(h -> h.get("region").asText() + " "
        + h.get("weekStart").asText() + " " + h.get("level").asText() + " #" + h.get("rank").asInt() + " "
        + h.get("id").asText() + " " + h.get("complaints").asLong() + " " + h.get("cells").asInt()).toList();
    assertThat(hotspots).containsExactlyInAnyOrder(
        "Yinchuan 2026-10-05 cell #1 YC-S2-1 3 1",
        "Yinchuan 2026-10-05 cell #2 YC-S1-2 2 1",
        "Yinchuan 2026-10-05 site #1 YC-S1 3 2",
        "Yinchuan 2026-10-05 site #2 YC-S2 3 1",
        "Guyuan 2026-10-05 cell #1 GY-S3-1 1 1",
        "Guyuan 2026-10-05 site #1 GY-S3 1 1",
        "Yinchuan 2026-10-12 cell #1 YC-S1-1 1 1",
        "Yinchuan 2026-10-12 site #1 YC-S1 1 1");
  }
}
