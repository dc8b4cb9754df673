package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample, run with the committed config, passes the contract's own shape checker. */
class SampleDataRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir Path out;

  @Test
  void theSampleRunsOutputsPassTheContractChecker() throws Exception {
    FaultLinkConfig config = ConfigLoader.load(Path.of("config/faultlink.yaml"))
        .withSinksDir(out.toString()).withParallelism(2);
    Map<String, Long> counters = FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));

    assertThat(counters.get("deadLetters")).as("the sample's damaged lines").isEqualTo(10);
    // 3 repeated outage-alarm lines, 11 repeated noise-alarm lines and 23 repeated complaint lines: a repeated
    // eventId is a duplicate whatever kind of alarm it is; noise is counted once per event (1736 lines - 11 repeats).
    assertThat(counters.get("duplicateEvents")).as("the sample's repeated lines").isEqualTo(37);
    // ... and acknowledgements of alarms on objects that are no cell of the table (they cannot concern an outage)
    SampleFacts facts = SampleFacts.read(Path.of("sample-data"));
    assertThat(counters.get("nonOutageAlarms")).as("the sample's noise alarm events")
        .isEqualTo(1725 + facts.acksOffTheCellTable());
    assertThat(counters.get("outagesOpened")).isEqualTo(288);

    Path checker = Path.of("..", "shared", "contract", "check-outputs.py");
    assertThat(checker).as("the data contract beside the project").exists();
    Process p = new ProcessBuilder("python3", checker.toString(), out.toString(),
        "--complaints", "sample-data/complaints.jsonl", "--cells", "sample-data/cells.csv")
        .redirectErrorStream(true).start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(report).isZero();
    assertThat(report).contains("contract shape: OK");
    assertThat(Files.list(out.resolve("attributions")).count()).isPositive();

    // Time to acknowledge: every outage's ackMinutes is its first alarm's earliest acknowledgement minus its start
    // (the generator acknowledges first alarms only: RECIPE.md), null where that alarm has none.
    ObjectMapper json = new ObjectMapper();
    Map<String, Double> ackMinutes = new TreeMap<>();
    Map<String, Double> expectedAck = new TreeMap<>();
    for (String line : lines(out.resolve("outage-impacts"))) {
      JsonNode i = json.readTree(line);
      String id = i.get("outageId").asText();
      ackMinutes.put(id, i.get("ackMinutes").isNull() ? null : i.get("ackMinutes").asDouble());
      Long ack = facts.firstAck().get(id);
      long start = OffsetDateTime.parse(i.get("start").asText()).toInstant().toEpochMilli();
      expectedAck.put(id, ack == null ? null : Math.round((ack - start) / 600.0) / 100.0);
    }
    assertThat(ackMinutes).isEqualTo(expectedAck);
    assertThat(ackMinutes.values().stream().filter(v -> v != null).count()).as("acknowledged outages")
        .isGreaterThan(150);

    // Breakdowns of the whole month (the sample's three weeks) for all regions, against the complaints file.
    JsonNode month = null;
    for (String line : lines(out.resolve("metrics"))) {
      JsonNode m = json.readTree(line);
      if (m.get("region").asText().equals("*") && m.get("period").asText().equals("month")) {
        month = m;
      }
    }
    assertThat(month).isNotNull();
    assertThat(month.get("escalatedComplaints").asLong()).isEqualTo(facts.escalated());
    assertThat(month.get("complaintsByChannel").get("regulator").asLong()).isEqualTo(facts.byChannel("regulator"));
    assertThat(month.get("complaintsByChannel").get("越级").asLong()).isEqualTo(facts.byChannel("越级"));
    assertThat(month.get("complaintsByChannel").get("hotline").asLong()).isEqualTo(facts.byChannel("hotline"));
    assertThat(month.get("complaintsBySeverity").get("critical").asLong()).isEqualTo(facts.bySeverity("critical"));
    assertThat(month.get("complaintsBySeverity").get("major").asLong()).isEqualTo(facts.bySeverity("major"));
    assertThat(month.get("complaintsByTechnology").get("WLAN").asLong()).isEqualTo(facts.byTechnology("WLAN"));
    assertThat(month.get("complaintsByTechnology").get("unknown").asLong()).isEqualTo(facts.byTechnology("unknown"));
    assertThat(month.get("complaints").asLong()).isEqualTo(facts.complaints());
  }

  private static java.util.List<String> lines(Path streamDir) throws java.io.IOException {
    java.util.List<String> all = new java.util.ArrayList<>();
    try (var files = Files.list(streamDir)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!l.isBlank()) {
            all.add(l);
          }
        }
      }
    }
    return all;
  }
}
