package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Input hardening through the whole file pipeline: Windows-exported files (a BOM, CRLF), a line over
 * {@code input.maxLineBytes}, and subscriber numbers in an alarm id, a source system id, ticket ids, an unknown
 * cell id and a region name. The BOM'ed first lines are events, the long line is a truncated dead letter, and no
 * output but the dead letters holds any of the numbers.
 */
class HostileInputRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final String SECRET = "hostile-input-test-secret";
  private static final String BOM = "\uFEFF";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Map<String, Long> counters;

  static String raise(String eventId, String alarmId, String source, String cell, String time) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"AlarmCreateEvent\",\"eventTime\":\"" + time + "\","
        + "\"event\":{\"alarm\":{\"id\":\"" + alarmId + "\",\"alarmType\":\"communicationsAlarm\",\"state\":\"raised\","
        + "\"perceivedSeverity\":\"critical\",\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"" + cell
        + "\",\"@referredType\":\"Cell\"},\"alarmRaisedTime\":\"" + time + "\",\"sourceSystemId\":\"" + source + "\"}}}";
  }

  static String clear(String eventId, String alarmId, String source, String time) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"AlarmClearedEvent\",\"eventTime\":\"" + time + "\","
        + "\"event\":{\"alarm\":{\"id\":\"" + alarmId + "\",\"state\":\"cleared\",\"perceivedSeverity\":\"cleared\","
        + "\"alarmClearedTime\":\"" + time + "\",\"sourceSystemId\":\"" + source + "\"}}}";
  }

  static String complaint(String eventId, String ticket, String cell, String region, String time, String extra) {
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"TroubleTicketCreateEvent\",\"eventTime\":\"" + time + "\","
        + "\"event\":{\"troubleTicket\":{\"id\":\"" + ticket + "\",\"ticketType\":\"complaint\",\"category\":\"voice\","
        + "\"creationDate\":\"" + time + "\",\"severity\":\"minor\"," + extra
        + "\"relatedParty\":[{\"role\":\"customer\",\"id\":\"18795597980\"}],"
        + "\"relatedEntity\":[{\"role\":\"servingCell\",\"id\":\"" + cell + "\",\"@referredType\":\"Cell\"},"
        + "{\"role\":\"region\",\"id\":\"" + region + "\",\"@referredType\":\"GeographicArea\"}]}}}";
  }

  /** The mask of a national number, derived from HMAC-SHA256 directly: sub# and its first 8 bytes as letters a-p. */
  static String mask(String digits) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] h = mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder("sub#");
    for (int i = 0; i < 8; i++) {
      out.append((char) ('a' + ((h[i] >> 4) & 0xf))).append((char) ('a' + (h[i] & 0xf)));
    }
    return out.toString();
  }

  @BeforeAll
  static void run() throws Exception {
    String t0 = "2026-10-05T08:00:00+08:00";
    Files.writeString(dir.resolve("alarms.jsonl"), BOM
        + raise("ev-a-1", "A-13995000005", "OMC-13995000006", "NX-YC-0001-1", t0) + "\r\n"
        + clear("ev-a-2", "A-13995000005", "OMC-13995000006", "2026-10-05T09:00:00+08:00") + "\r\n");
    String oversized = complaint("ev-c-big", "TT-13995000007", "NX-YC-0001-1", "Yinchuan",
        "2026-10-05T08:30:00+08:00", "\"description\":\"" + "long ".repeat(1000) + "\",");
    assertThat(oversized.length()).isGreaterThan(4096);
    Files.writeString(dir.resolve("complaints.jsonl"), BOM
        + complaint("ev-c-1", "TT-BOM-1", "NX-YC-0001-1", "Yinchuan", "2026-10-05T08:10:00+08:00", "") + "\r\n"
        + complaint("ev-c-2", "TT-139-9500-0004", "NX-YC-0001-1", "Yinchuan", "2026-10-05T08:20:00+08:00", "") + "\r\n"
        + complaint("ev-c-3", "TT-13995000001", "CELL-13995000002", "Yinchuan 13995000003",
            "2026-10-05T08:25:00+08:00", "") + "\r\n"
        + oversized + "\r\n");
    String yaml = String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: 2",
        "sources:",
        "  alarms: {file: " + dir.resolve("alarms.jsonl") + "}",
        "  complaints: {file: " + dir.resolve("complaints.jsonl") + "}",
        "reference: {cells: sample-data/cells.csv, regions: sample-data/regions.csv}",
        "sinks: {dir: " + dir.resolve("out") + "}",
        "input: {maxLineBytes: 4096}",
        "privacy: {customerKeySecret: '${TEST_SECRET}'}",
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of("TEST_SECRET", SECRET));
    counters = FaultLinkJob.run(config, CellTable.load(Path.of("sample-data/cells.csv")),
        RegionTable.load(Path.of("sample-data/regions.csv")), new PrintStream(new ByteArrayOutputStream()));
  }

  static List<JsonNode> records(String stream) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    Path d = dir.resolve("out").resolve(stream);
    if (!Files.isDirectory(d)) {
      return out;
    }
    try (Stream<Path> files = Files.list(d)) {
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

  @Test
  void theByteOrderMarkedFirstLinesAreEvents() throws Exception {
    List<JsonNode> atts = records("attributions");
    JsonNode first = atts.stream().filter(a -> a.get("complaintId").asText().equals("TT-BOM-1")).findFirst()
        .orElseThrow(() -> new AssertionError("the BOM'ed first complaint is not attributed: " + atts));
    // Its outage comes from the BOM'ed first alarm line.
    assertThat(first.get("outageId").asText()).isEqualTo("OMC-" + mask("13995000006") + "/A-" + mask("13995000005"));
    assertThat(first.get("matchLevel").asText()).isEqualTo("cell");
    assertThat(records("outage-impacts")).hasSize(1);
  }

  @Test
  void theLongLineIsATruncatedDeadLetterAndTheOnlyOne() throws IOException {
    assertThat(counters.get("deadLetters")).isEqualTo(1L);
    List<JsonNode> dead = records("dead-letters");
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).get("reason").asText()).contains("input.maxLineBytes");
    assertThat(dead.get(0).get("truncated").asBoolean()).isTrue();
    assertThat(dead.get(0).get("raw").asText()).startsWith("{\"eventId\":\"ev-c-big\"");
    assertThat(dead.get(0).get("raw").asText().length()).isLessThanOrEqualTo(4096);
  }

  @Test
  void subscriberNumbersCopiedFromInputsAreMasked() throws Exception {
    List<JsonNode> atts = records("attributions");
    assertThat(atts).extracting(a -> a.get("complaintId").asText()).containsExactlyInAnyOrder(
        "TT-BOM-1", "TT-" + mask("13995000004"), "TT-" + mask("13995000001"));
    String ticket = "TT-" + mask("13995000001");
    JsonNode unknownCell = atts.stream()
        .filter(a -> a.get("complaintId").asText().equals(ticket)).findFirst().orElseThrow();
    assertThat(unknownCell.get("cellId").asText()).isEqualTo("CELL-" + mask("13995000002"));
    assertThat(unknownCell.get("region").asText()).isEqualTo("Yinchuan " + mask("13995000003"));
    assertThat(unknownCell.get("matchLevel").asText()).isEqualTo("none");
  }

  @Test
  void noOutputButTheDeadLettersHoldsASubscriberNumber() throws IOException {
    Pattern number = Pattern.compile(ConfigLoader.DEFAULT_SUBSCRIBER_PATTERN);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir.resolve("out"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      if (dir.resolve("out").relativize(f).startsWith("dead-letters")) {
        continue;
      }
      String text = Files.readString(f);
      assertThat(number.matcher(text).find()).as("%s: %s", f, text).isFalse();
      assertThat(text.replaceAll("[^0-9]", "")).as("%s", f).doesNotContain("13995000");
    }
    // The quarantine keeps what it was given.
    assertThat(records("dead-letters").get(0).get("raw").asText()).contains("13995000007");
  }
}
