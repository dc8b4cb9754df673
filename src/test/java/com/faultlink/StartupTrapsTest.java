package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22's start-up trap: tables that disagree stop the job, naming the region, before anything runs. */
class StartupTrapsTest {
  @TempDir Path dir;

  @Test
  void aCellTableRegionMissingFromTheRegionTableExitsTwoNamingIt() throws Exception {
    Files.writeString(dir.resolve("alarms.jsonl"), "");
    Files.writeString(dir.resolve("complaints.jsonl"), "");
    List<String> regions = Files.readAllLines(Path.of("sample-data/regions.csv"));
    String dropped = regions.get(2).split(",")[0];
    List<String> fewer = regions.stream().filter(l -> !l.startsWith(dropped + ",")).toList();
    Path regionFile = Files.write(dir.resolve("regions.csv"), fewer);
    Path config = Files.writeString(dir.resolve("c.yaml"), String.join("\n",
        "timezone: Asia/Shanghai",
        "sources: {alarms: {file: " + dir.resolve("alarms.jsonl") + "}, complaints: {file: "
            + dir.resolve("complaints.jsonl") + "}}",
        "reference: {cells: " + Path.of("sample-data/cells.csv").toAbsolutePath() + ", regions: " + regionFile + "}",
        "sinks: {dir: " + dir.resolve("out") + "}", ""));
    JobProcess.Outcome o = JobProcess.main(config, Map.of("FAULTLINK_CUSTOMER_KEY_SECRET", "test-secret"));
    assertThat(o.exit()).as("%s", o.stderr()).isEqualTo(2);
    assertThat(o.ours()).hasSize(1);
    assertThat(o.ours().get(0)).contains("region " + dropped).contains("regions.csv");
    assertThat(dir.resolve("out")).as("nothing ran").doesNotExist();
  }

  @Test
  void anEmptyComplaintsFileIsSaidOnceAndTheRunGoesOn() throws Exception {
    Files.writeString(dir.resolve("complaints.jsonl"), "");
    Path config = Files.writeString(dir.resolve("empty.yaml"), String.join("\n",
        "timezone: Asia/Shanghai",
        "sources: {alarms: {file: " + Path.of("sample-data/alarms.jsonl").toAbsolutePath() + "}, complaints: {file: "
            + dir.resolve("complaints.jsonl") + "}}",
        "reference: {cells: " + Path.of("sample-data/cells.csv").toAbsolutePath() + ", regions: "
            + Path.of("sample-data/regions.csv").toAbsolutePath() + "}",
        "sinks: {dir: " + dir.resolve("out") + "}", ""));
    JobProcess.Outcome o = JobProcess.main(config, Map.of("FAULTLINK_CUSTOMER_KEY_SECRET", "test-secret"));
    assertThat(o.exit()).as("%s", o.stderr()).isZero();
    assertThat(o.ours()).filteredOn(l -> l.contains("is empty")).singleElement().asString()
        .contains("sources.complaints").contains(dir.resolve("complaints.jsonl").toString());
    assertThat(o.ours()).filteredOn(l -> l.contains("sources.alarms")).isEmpty();

    // run-summary.json says what ran, when, on what: the build, the config and its hash, the inputs and their sizes.
    com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("out").resolve("run-summary.json").toFile());
    assertThat(summary.get("version").asText()).isEqualTo(com.faultlink.runtime.RunSummary.version())
        .isNotEqualTo("unknown");
    assertThat(summary.get("configFile").asText()).isEqualTo(config.toAbsolutePath().normalize().toString());
    assertThat(summary.get("configSha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(config))));
    assertThat(summary.at("/inputs/complaints/bytes").asLong()).isZero();
    assertThat(summary.at("/inputs/alarms/bytes").asLong()).isEqualTo(Files.size(Path.of("sample-data/alarms.jsonl")));
    java.time.OffsetDateTime started = java.time.OffsetDateTime.parse(summary.get("startedAt").asText());
    java.time.OffsetDateTime ended = java.time.OffsetDateTime.parse(summary.get("endedAt").asText());
    assertThat(started.getOffset().getTotalSeconds()).as("the configured timezone's offset").isEqualTo(8 * 3600);
    assertThat(ended).isAfterOrEqualTo(started);
    assertThat(summary.get("durationSeconds").asDouble())
        .isCloseTo(java.time.Duration.between(started, ended).toMillis() / 1000.0, org.assertj.core.data.Offset.offset(0.2));
    assertThat(summary.get("eventsRead").asLong()).as("the counters, flat as before").isPositive();
  }
}
