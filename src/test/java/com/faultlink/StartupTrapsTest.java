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
  }
}
