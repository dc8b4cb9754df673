package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.tools.generator.GeneratorOptions;
import com.faultlink.tools.generator.GeneratorRecord;
import com.faultlink.tools.generator.SampleSet;
import com.faultlink.tools.generator.InjectedIncident;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's default set (the committed sample's bytes): the incidents it injected, as its own record says
 * (not as a run found them), come out with exactly their outages: the transmission faults behind the mass outages
 * and the power failures; the root alarm that explains no outage makes no incident; member outages' impacts and
 * golden alerts carry their incident; and the outputs pass the contract checker with --v2.
 */
class IncidentSampleRunTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  Path tmp;

  @Test
  void theInjectedIncidentsComeOutWithExactlyTheOutagesTheGeneratorPutInThem() throws Exception {
    Path in = tmp.resolve("in");
    SampleSet.Summary summary = SampleSet.write(GeneratorOptions.parse("--out", in.toString()));
    List<InjectedIncident> injected = GeneratorRecord.injectedIncidents(summary);
    assertThat(injected).extracting(InjectedIncident::cause).as("transmission faults and power failures")
        .contains("lossOfSignal", "powerSupplyFailure");
    assertThat(summary.rootWithoutOutage()).isNotNull();

    Path out = tmp.resolve("out");
    String yaml = String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: 2",
        "sources:",
        "  alarms: {file: " + quote(in.resolve("alarms.jsonl")) + "}",
        "  complaints: {file: " + quote(in.resolve("complaints.jsonl")) + "}",
        "  works: {file: " + quote(in.resolve("works.jsonl")) + "}",
        "reference:",
        "  cells: " + quote(in.resolve("cells.csv")),
        "  regions: " + quote(in.resolve("regions.csv")),
        "  topology: " + quote(in.resolve("topology.csv")),
        "sinks:",
        "  dir: " + quote(out),
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of());
    FaultLinkJob.run(config, CellTable.load(in.resolve("cells.csv")), RegionTable.load(in.resolve("regions.csv")),
        new PrintStream(OutputStream.nullOutputStream()));

    Map<String, JsonNode> incidents = new HashMap<>();
    for (JsonNode i : OutputFiles.records(out, "incidents")) {
      incidents.put(i.get("incidentId").asText(), i);
    }
    Map<String, String> incidentOf = new HashMap<>();
    for (InjectedIncident expected : injected) {
      JsonNode got = incidents.get(expected.incidentId());
      assertThat(got).as(expected.incidentId()).isNotNull();
      List<String> ids = new ArrayList<>();
      got.get("outageIds").forEach(n -> ids.add(n.asText()));
      assertThat(ids).as(expected.incidentId()).containsExactlyInAnyOrderElementsOf(expected.outageIds());
      assertThat(got.get("cause").asText()).isEqualTo(expected.cause());
      assertThat(got.get("rootObjectId").asText()).isEqualTo(expected.rootObjectId());
      assertThat(got.get("end").isNull()).as("ended inside the sample").isFalse();
      expected.outageIds().forEach(o -> incidentOf.put(o, expected.incidentId()));
    }
    assertThat(incidents).doesNotContainKey(summary.rootWithoutOutage());

    for (JsonNode i : OutputFiles.records(out, "outage-impacts")) {
      String expected = incidentOf.get(i.get("outageId").asText());
      if (expected != null) {
        assertThat(i.get("incidentId").asText()).as(i.get("outageId").asText()).isEqualTo(expected);
      } else {
        assertThat(i.get("incidentId").isNull() || !incidentOf.containsValue(i.get("incidentId").asText()))
            .as("no other outage in an injected incident: " + i.get("outageId").asText()).isTrue();
      }
    }
    int pages = 0;
    for (JsonNode a : OutputFiles.records(out, "alerts")) {
      String type = a.get("type").asText();
      if (type.startsWith("GOLDEN_WINDOW") && incidentOf.containsKey(a.get("outageId").asText())) {
        // golden alerts fire long after start + incidents.window, when membership is decided
        assertThat(a.get("incidentId").asText()).isEqualTo(incidentOf.get(a.get("outageId").asText()));
      }
      if (type.equals("INCIDENT") && a.get("status").asText().equals("firing")
          && incidentOf.containsValue(a.get("incidentId").asText())) {
        pages++;
      }
    }
    assertThat(pages).as("one page per injected incident (each has two or more outages)").isEqualTo(injected.size());

    Process p = new ProcessBuilder("python3", Path.of("..", "shared", "contract", "check-outputs.py").toString(),
        out.toString(), "--complaints", in.resolve("complaints.jsonl").toString(), "--cells",
        in.resolve("cells.csv").toString(), "--v2").redirectErrorStream(true).start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> problems = report.lines()
        .filter(l -> !l.startsWith("records:") && !l.startsWith("contract shape") && !l.endsWith("problem(s)")).toList();
    assertThat(problems).as(report).noneMatch(l -> l.contains("incident"));
  }

  private static String quote(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
