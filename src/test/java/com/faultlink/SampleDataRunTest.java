package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.output.OutputSchemas;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.tools.SampleDataGenerator;
import com.faultlink.tools.generator.GeneratorOptions;
import com.faultlink.tools.generator.SampleSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample, run with the committed config, passes the contract's own shape checker, and its counters are
 * what the generator put in.
 */
class SampleDataRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir Path out;
  @TempDir Path scratch;

  @Test
  void theSampleRunsOutputsPassTheContractChecker() throws Exception {
    FaultLinkConfig config = ConfigLoader.load(Path.of("config/faultlink.yaml"))
        .withSinksDir(out.toString()).withParallelism(2);
    Map<String, Long> counters = FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));

    // Expected figures from the generator's own record: the committed sample is its default output, byte for byte.
    Path generated = scratch.resolve("generated");
    SampleSet.Summary made = SampleDataGenerator.generate(GeneratorOptions.parse(new String[] {"--out", generated.toString()}));
    for (String f : List.of("alarms.jsonl", "complaints.jsonl", "works.jsonl", "cells.csv", "regions.csv", "topology.csv")) {
      assertThat(Files.readAllBytes(Path.of("sample-data", f))).as("sample-data/" + f + " is the generator's default output"
          + " (regenerate it as sample-data/RECIPE.md says)").isEqualTo(Files.readAllBytes(generated.resolve(f)));
    }
    assertThat(counters.get("deadLetters")).as("the sample's damaged lines")
        .isEqualTo(made.alarms().damaged() + made.complaints().damaged());
    // A repeated eventId is a duplicate whatever kind of alarm it is.
    assertThat(counters.get("duplicateEvents")).as("the sample's repeated lines")
        .isEqualTo(made.alarms().duplicates() + made.complaints().duplicates());
    assertThat(counters.get("outagesOpened")).isEqualTo(made.outages());
    Path clean = scratch.resolve("clean");
    SampleDataGenerator.generate(GeneratorOptions.parse(new String[] {"--out", clean.toString(), "--clean"}));
    // ... and acknowledgements of alarms on objects that are no cell of the table (they cannot concern an outage)
    SampleFacts facts = SampleFacts.read(Path.of("sample-data"));
    assertThat(counters.get("nonOutageAlarms")).as("the sample's noise alarm events, once each")
        .isEqualTo(noiseAlarmEvents(clean) + facts.acksOffTheCellTable());
    assertThat(counters.get("rootAlarms")).as("raises of root-cause alarms in the sample").isPositive();
    assertThat(counters.get("ticketStatusesForUnknownTickets")).as("RECIPE: 1 for an unknown ticket").isEqualTo(1);

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
    // Every stream folder against its JSON Schema in docs/schemas/ (OutputSchemasTest tests the checker).
    assertThat(new OutputSchemas(OutputSchemas.SCHEMAS).problems(out)).isEmpty();

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


  /**
   * Alarm events of the clean set (no repeats, no damaged lines) that take no cell of the table out of service:
   * other causes, other object types, unknown cells; acknowledgements are another event type, skipped and counted
   * apart.
   */
  private static long noiseAlarmEvents(Path clean) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> cells = new HashSet<>();
    List<String> rows = Files.readAllLines(clean.resolve("cells.csv"));
    rows.subList(1, rows.size()).forEach(r -> cells.add(r.split(",", -1)[0]));
    long n = 0;
    for (String line : Files.readAllLines(clean.resolve("alarms.jsonl"))) {
      JsonNode e = mapper.readTree(line);
      if (e.path("eventType").asText().equals("AlarmAttributeValueChangeEvent")) {
        continue;
      }
      JsonNode alarm = e.path("event").path("alarm");
      JsonNode object = alarm.path("alarmedObject");
      if (!alarm.path("probableCause").asText().equals("cellOutage") || !object.path("@referredType").asText().equals("Cell")
          || !cells.contains(object.path("id").asText())) {
        n++;
      }
    }
    return n;
  }
}
