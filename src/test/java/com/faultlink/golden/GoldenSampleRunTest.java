package com.faultlink.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.GoldenWindowTable;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample, run twice (parallelism 2 and 1): golden windows between 30 and 60 minutes, and
 * alerts, estimates and metrics identical record for record, so alert ids are stable across runs.
 */
class GoldenSampleRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir static Path dir;
  static Path p2;
  static Path p1;

  @BeforeAll
  static void runTwice() throws Exception {
    p2 = run(2);
    p1 = run(1);
  }

  private static Path run(int parallelism) throws Exception {
    Path out = dir.resolve("p" + parallelism);
    FaultLinkConfig config = ConfigLoader.load(Path.of("config/faultlink.yaml"))
        .withSinksDir(out.toString()).withParallelism(parallelism);
    FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));
    return out;
  }

  private static List<String> lines(Path out, String stream) throws IOException {
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve(stream))) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(all::add);
      }
    }
    return all;
  }

  private static List<JsonNode> records(Path out, String stream) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> all = new ArrayList<>();
    for (String l : lines(out, stream)) {
      all.add(mapper.readTree(l));
    }
    return all;
  }

  @Test
  void theSampleShowsGoldenWindowsBetween30And60Minutes() throws IOException {
    Map<String, JsonNode> latest = new HashMap<>();
    for (JsonNode g : records(p2, "golden-windows")) {
      latest.merge(g.get("region").asText() + "|" + g.get("technology").asText(), g,
          (a, b) -> a.get("validFrom").asText().compareTo(b.get("validFrom").asText()) >= 0 ? a : b);
    }
    assertThat(latest).containsKey("*|*");
    assertThat(latest.get("*|*").get("goldenWindowMinutes").asDouble()).isBetween(30.0, 60.0);
    // 288 outages, 51 of them planned (not learned from)
    assertThat(latest.get("*|*").get("outages").asLong()).isGreaterThan(200);
    for (JsonNode g : latest.values()) {
      assertThat(g.get("goldenWindowMinutes").asDouble()).as(g.toString()).isBetween(30.0, 60.0);
      assertThat(g.get("ciLowMinutes").asDouble()).isLessThanOrEqualTo(g.get("goldenWindowMinutes").asDouble());
      assertThat(g.get("ciHighMinutes").asDouble()).isGreaterThanOrEqualTo(g.get("goldenWindowMinutes").asDouble());
    }
  }

  @Test
  void alertsEstimatesAndMetricsAreTheSameAtParallelism1And2() throws IOException {
    for (String stream : List.of("alerts", "golden-windows", "metrics", "golden-window-table")) {
      assertThat(lines(p1, stream)).as(stream).containsExactlyInAnyOrderElementsOf(lines(p2, stream));
    }
    List<JsonNode> alerts = records(p2, "alerts");
    assertThat(alerts).extracting(a -> a.get("type").asText())
        .contains("GOLDEN_WINDOW_AT_RISK", "GOLDEN_WINDOW_BREACHED", "MASS_OUTAGE");
    // One record per alert and status: a burst's resolution repeats its alertId with status resolved.
    assertThat(alerts).extracting(a -> a.get("alertId").asText() + "|" + a.path("status").asText("firing"))
        .doesNotHaveDuplicates();
    assertThat(Files.readString(p1.resolve(GoldenWindowTable.FILE)))
        .isEqualTo(Files.readString(p2.resolve(GoldenWindowTable.FILE)));
  }

  @Test
  void theSamplesMassOutagesAreResolvedWhenTheirEpisodesEnd() throws IOException {
    Map<String, String[]> firedResolved = new HashMap<>();
    for (JsonNode a : records(p2, "alerts")) {
      if (a.get("type").asText().equals("MASS_OUTAGE")) {
        firedResolved.computeIfAbsent(a.get("alertId").asText(), k -> new String[2])
            [a.get("status").asText().equals("resolved") ? 1 : 0] = a.get("at").asText();
      }
    }
    assertThat(firedResolved).containsOnlyKeys("MASS_OUTAGE:Wuzhong:2026-10-14T09:50:28Z",
        "MASS_OUTAGE:Guyuan:2026-10-17T04:11:54Z");
    assertThat(firedResolved.get("MASS_OUTAGE:Wuzhong:2026-10-14T09:50:28Z"))
        .containsExactly("2026-10-14T17:50:28+08:00", "2026-10-14T19:13:11+08:00");
    assertThat(firedResolved.get("MASS_OUTAGE:Guyuan:2026-10-17T04:11:54Z"))
        .containsExactly("2026-10-17T12:11:54+08:00", "2026-10-17T14:21:53+08:00");
  }

  @Test
  void everyOutageStatusCarriesTheGoldenWindowItsOutagesAlertsUse() throws IOException {
    assertThat(lines(p1, "outage-status")).containsExactlyInAnyOrderElementsOf(lines(p2, "outage-status"));
    Map<String, Double> alerted = new HashMap<>();
    for (JsonNode a : records(p2, "alerts")) {
      if (a.hasNonNull("outageId")) {
        alerted.put(a.get("outageId").asText(), a.get("goldenWindowMinutes").asDouble());
      }
    }
    List<JsonNode> status = records(p2, "outage-status");
    assertThat(status).hasSizeGreaterThan(500)
        .allSatisfy(s -> assertThat(s.get("goldenWindowMinutes").isNumber()).as(s.toString()).isTrue());
    long compared = 0;
    for (JsonNode s : status) {
      Double w = alerted.get(s.get("outageId").asText());
      if (w != null) {
        assertThat(s.get("goldenWindowMinutes").asDouble()).as(s.toString()).isEqualTo(w);
        compared++;
      }
    }
    assertThat(compared).as("statuses of outages that alerted").isGreaterThan(200);
  }

  @Test
  void everyMetricsRowCarriesTheShareRestoredInsideTheGoldenWindow() throws IOException {
    List<JsonNode> metrics = records(p2, "metrics");
    assertThat(metrics).allSatisfy(m -> assertThat(m.has("restoredInWindowPct")).isTrue());
    JsonNode month = metrics.stream().filter(m -> m.get("region").asText().equals("*")
        && m.get("period").asText().equals("month")).findFirst().orElseThrow();
    assertThat(month.get("restoredInWindowPct").asDouble()).isBetween(20.0, 90.0);
  }

  @Test
  void theAnalystsTableHasARowPerScopeSayingWhichScopesAreTooSmall() throws IOException {
    List<String> table = Files.readAllLines(p2.resolve(GoldenWindowTable.FILE));
    assertThat(table.get(0)).startsWith("region,technology,validFrom,status,goldenWindowMinutes,ciLowMinutes");
    assertThat(table).anyMatch(l -> l.startsWith("*,*,") && l.contains(",estimated,"));
    assertThat(table).anyMatch(l -> l.contains(",too-few-outages,") && l.contains("/*"));
  }
}
