package com.faultlink.burst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired pipeline on a small synthetic file set: nine days of background complaints in two cities
 * (a week of warm-up), then a burst in Yinchuan during an outage there. The outputs carry the contract's
 * fields (checked by the contract's own checker) and are the same at parallelism 1 and 2.
 */
class BurstPipelineTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OffsetDateTime START = OffsetDateTime.of(2026, 10, 5, 0, 0, 0, 0, ZoneOffset.ofHours(8));
  private static final OffsetDateTime BURST = START.plusDays(8).plusHours(10).plusMinutes(5);

  @TempDir static Path dir;

  @BeforeAll
  static void writeInputs() throws IOException {
    List<String> complaints = new ArrayList<>();
    Random rnd = new Random(5);
    int n = 0;
    for (int minute = 0; minute < 9 * 1440; minute += 1) {
      OffsetDateTime t = START.plusMinutes(minute);
      int hour = t.getHour();
      double perMinute = hour < 7 ? 0.03 : 0.15; // about 2 per 15 minutes by day
      for (String city : List.of("Yinchuan", "Guyuan")) {
        if (rnd.nextDouble() < perMinute) {
          complaints.add(complaint(++n, t.plusSeconds(rnd.nextInt(60)), city));
        }
      }
    }
    for (int i = 0; i < 30; i++) {
      complaints.add(complaint(++n, BURST.plusSeconds(20L * i), "Yinchuan"));
    }
    complaints.sort((a, b) -> time(a).compareTo(time(b)));
    Files.write(dir.resolve("complaints.jsonl"), complaints);
    Files.write(dir.resolve("alarms.jsonl"), List.of(
        alarm("ev-a1", "AlarmCreateEvent", "raised", BURST.minusMinutes(30), null),
        alarm("ev-a2", "AlarmClearedEvent", "cleared", BURST.minusMinutes(30), BURST.plusMinutes(50))));
    Files.writeString(dir.resolve("faultlink.yaml"), String.join("\n",
        "timezone: Asia/Shanghai",
        "sources:",
        "  alarms: {file: " + dir.resolve("alarms.jsonl") + "}",
        "  complaints: {file: " + dir.resolve("complaints.jsonl") + "}",
        "reference:",
        "  cells: " + Path.of("sample-data/cells.csv").toAbsolutePath(),
        "  regions: " + Path.of("sample-data/regions.csv").toAbsolutePath(),
        "sinks: {dir: " + dir.resolve("out") + "}",
        "burst: {warmup: P7D}",
        ""));
  }

  private static String time(String line) {
    int i = line.indexOf("\"eventTime\":\"") + 13;
    return OffsetDateTime.parse(line.substring(i, line.indexOf('"', i))).toInstant().toString();
  }

  private static String complaint(int id, OffsetDateTime at, String city) {
    return "{\"eventId\":\"ev-c" + id + "\",\"eventType\":\"TroubleTicketCreateEvent\",\"eventTime\":\"" + at + "\","
        + "\"event\":{\"troubleTicket\":{\"id\":\"TT-" + id + "\",\"ticketType\":\"complaint\",\"category\":\"data\","
        + "\"creationDate\":\"" + at + "\",\"severity\":\"minor\",\"channel\":{\"name\":\"app\"},"
        + "\"relatedParty\":[{\"role\":\"customer\",\"id\":\"139950" + String.format("%05d", id % 100000) + "\"}],"
        + "\"relatedEntity\":[{\"role\":\"region\",\"id\":\"" + city + "\",\"@referredType\":\"GeographicArea\"}]}}}";
  }

  private static String alarm(String eventId, String type, String state, OffsetDateTime raised, OffsetDateTime cleared) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + type + "\",\"eventTime\":\""
        + (cleared == null ? raised : cleared) + "\",\"event\":{\"alarm\":{\"id\":\"A-1\",\"alarmType\":\"communicationsAlarm\","
        + "\"state\":\"" + state + "\",\"perceivedSeverity\":\"" + (cleared == null ? "critical" : "cleared") + "\","
        + "\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
        + "\"alarmRaisedTime\":\"" + raised + "\"" + (cleared == null ? "" : ",\"alarmClearedTime\":\"" + cleared + "\"")
        + ",\"sourceSystemId\":\"OMC-HW-1\"}}}";
  }

  private static List<String> run(int parallelism, String out) throws Exception {
    FaultLinkConfig config = ConfigLoader.load(dir.resolve("faultlink.yaml"))
        .withSinksDir(dir.resolve(out).toString()).withParallelism(parallelism);
    FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));
    List<String> lines = new ArrayList<>();
    for (String stream : List.of("alerts", "burst-thresholds")) {
      try (Stream<Path> files = Files.list(dir.resolve(out).resolve(stream))) {
        for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
          Files.readAllLines(f).forEach(l -> lines.add(stream + " " + l));
        }
      }
    }
    lines.sort(null);
    return lines;
  }

  @Test
  void burstAlertsAndThresholdsCarryTheContractsFieldsWhateverTheParallelism() throws Exception {
    List<String> two = run(2, "out2");

    List<JsonNode> alerts = new ArrayList<>();
    List<JsonNode> thresholds = new ArrayList<>();
    for (String line : two) {
      JsonNode n = JSON.readTree(line.substring(line.indexOf(' ') + 1));
      if (line.startsWith("alerts ")) {
        if (n.get("type").asText().equals("COMPLAINT_BURST")) {
          alerts.add(n); // golden-window alerts of the synthetic outages are not this test's subject
        }
      } else {
        thresholds.add(n);
      }
    }
    assertThat(alerts).extracting(a -> a.get("status").asText()).containsExactly("firing", "resolved");
    JsonNode firing = alerts.stream().filter(a -> a.get("status").asText().equals("firing")).findFirst().get();
    assertThat(firing.get("type").asText()).isEqualTo("COMPLAINT_BURST");
    assertThat(firing.get("region").asText()).isEqualTo("Yinchuan");
    assertThat(firing.get("windowStart").asText()).isEqualTo("2026-10-13T10:00:00+08:00");
    assertThat(firing.get("windowEnd").asText()).isEqualTo("2026-10-13T10:15:00+08:00");
    assertThat(firing.get("at").asText()).isEqualTo("2026-10-13T10:15:00+08:00");
    assertThat(firing.get("count").asLong()).isGreaterThanOrEqualTo(30);
    assertThat(firing.get("threshold").asDouble()).isPositive();
    assertThat(firing.get("expected").asDouble()).isBetween(0.5, 5.0);
    assertThat(firing.get("explainingOutages")).hasSize(1);
    assertThat(firing.get("explainingOutages").get(0).asText()).isEqualTo("OMC-HW-1/A-1");

    assertThat(thresholds).as("from the end of the week of warm-up, for both cities").isNotEmpty()
        .allMatch(t -> t.get("validFrom").asText().compareTo("2026-10-12") >= 0)
        .allMatch(t -> t.get("windowMinutes").asDouble() == 15.0);
    assertThat(thresholds).extracting(t -> t.get("region").asText()).contains("Yinchuan", "Guyuan");
    assertThat(thresholds).extracting(t -> t.get("band").asText()).contains("weekday 10:00-10:15");

    Path checker = Path.of("..", "shared", "contract", "check-outputs.py");
    Process p = new ProcessBuilder("python3", checker.toString(), dir.resolve("out2").toString(),
        "--complaints", dir.resolve("complaints.jsonl").toString()).redirectErrorStream(true).start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(report).isZero();

    assertThat(run(1, "out1")).as("the same records at parallelism 1").isEqualTo(two);
  }
}
