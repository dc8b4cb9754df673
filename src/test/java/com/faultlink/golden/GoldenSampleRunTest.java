package com.faultlink.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.output.GoldenWindowTable;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.tools.generator.GeneratorRecord;
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
 * The committed sample, run twice (parallelism 2 and 1): golden windows as the generator made them, and
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

  /**
   * The contract's true window of a scope, from what the generator put in ({@link GeneratorRecord}) and what the run
   * attributed. The generator's fault rate of each open outage, averaged over the scope's unplanned outages open at
   * {@code u} (their cities and technologies), has the shape {@code g(u)}; attribution also gives outages complaints
   * the generator did not make for them (background complaints of their region while they are open) at some rate
   * {@code c}, and the hour of day and the outages' levels scale the fault rate by some {@code s}. So the attributed
   * rate is {@code s·g(u) + c}: {@code s} and {@code c} are solved from the attributed rate over the baseline span
   * and over 60-120 minutes, and the window is the first {@code u} after 15 minutes at which {@code s·g(u) + c}
   * reaches 3 times the attributed baseline.
   */
  private static double trueWindow(List<JsonNode> outages, Map<String, List<Double>> lags, double ratio) {
    double step = 0.05;
    double[] gOf = new double[(int) (180 / step)];
    for (int k = 0; k < gOf.length; k++) {
      double u = (k + 0.5) * step;
      double rate = 0;
      int open = 0;
      for (JsonNode o : outages) {
        if (o.get("durationMinutes").asDouble() > u) {
          rate += GeneratorRecord.expectedRate(o.get("region").asText(), o.get("technology").asText(), u);
          open++;
        }
      }
      gOf[k] = open == 0 ? Double.NaN : rate / open;
    }
    double[] attributed = new double[2]; // complaints while open in [0, 15) and [60, 120)
    double[] exposure = new double[2];
    double[] generated = new double[2]; // exposure-weighted g over the same spans
    for (JsonNode o : outages) {
      double d = o.get("durationMinutes").asDouble();
      for (double lag : lags.getOrDefault(o.get("outageId").asText(), List.of())) {
        if (lag < d && lag < 15) {
          attributed[0]++;
        } else if (lag < d && lag >= 60 && lag < 120) {
          attributed[1]++;
        }
      }
      exposure[0] += Math.min(d, 15);
      exposure[1] += Math.max(0, Math.min(d, 120) - 60);
    }
    for (int k = 0; k < gOf.length; k++) {
      double u = (k + 0.5) * step;
      long open = outages.stream().filter(o -> o.get("durationMinutes").asDouble() > u).count();
      if (u < 15) {
        generated[0] += gOf[k] * open * step;
      } else if (u >= 60 && u < 120) {
        generated[1] += gOf[k] * open * step;
      }
    }
    double b0 = attributed[0] / exposure[0];
    double b1 = attributed[1] / exposure[1];
    double g0 = generated[0] / exposure[0];
    double g1 = generated[1] / exposure[1];
    double s = (b1 - b0) / (g1 - g0);
    double c = b0 - s * g0;
    for (int k = (int) (15 / step); k < gOf.length; k++) {
      if (s * gOf[k] + c >= ratio * b0) {
        return k * step;
      }
    }
    return Double.NaN;
  }

  @Test
  void theSamplesWindowsAreTheGeneratorsTrueWindows() throws IOException {
    Map<String, JsonNode> latest = new HashMap<>();
    for (JsonNode g : records(p2, "golden-windows")) {
      latest.merge(g.get("region").asText() + "|" + g.get("technology").asText(), g,
          (a, b) -> a.get("validFrom").asText().compareTo(b.get("validFrom").asText()) >= 0 ? a : b);
    }
    assertThat(latest).containsKey("*|*");
    // the sample's unplanned outages (planned ones are not learned from)
    assertThat(latest.get("*|*").get("outages").asLong()).isGreaterThan(200);
    List<JsonNode> unplanned = records(p2, "outage-impacts").stream()
        .filter(o -> !o.get("planned").asBoolean() && o.hasNonNull("end")).toList();
    Map<String, List<Double>> lags = new HashMap<>();
    for (JsonNode a : records(p2, "attributions")) {
      if (a.hasNonNull("outageId") && a.hasNonNull("lagMinutes")) {
        lags.computeIfAbsent(a.get("outageId").asText(), k -> new ArrayList<>()).add(a.get("lagMinutes").asDouble());
      }
    }
    for (JsonNode g : latest.values()) {
      String region = g.get("region").asText();
      String technology = g.get("technology").asText();
      List<JsonNode> scope = unplanned.stream()
          .filter(o -> region.equals("*") || o.get("region").asText().equals(region))
          .filter(o -> technology.equals("*") || o.get("technology").asText().equals(technology)).toList();
      double truth = trueWindow(scope, lags, 3);
      double w = g.get("goldenWindowMinutes").asDouble();
      System.out.printf("golden sample: %s/%s window %.2f [%.2f, %.2f] from %d outages; generator's true window %.2f%n",
          region, technology, w, g.get("ciLowMinutes").asDouble(), g.get("ciHighMinutes").asDouble(),
          g.get("outages").asLong(), truth);
      // The interval covers it (to within a grid step: the true window is found to the 0.05 minute here, the
      // attributed lags are rounded). The point estimate is printed, not bounded: on the sample's 230 outages the
      // pooled curve is a mixture of steps at 30-62 minutes (cities x technologies), and the estimate lay 8 minutes
      // from the truth (docs/golden-window.md).
      assertThat(g.get("ciLowMinutes").asDouble() - 1).as(g.toString()).isLessThanOrEqualTo(truth);
      assertThat(g.get("ciHighMinutes").asDouble() + 1).as(g.toString()).isGreaterThanOrEqualTo(truth);
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
    // The episodes, from the outages: per region, the unplanned outages open at each start and end instant; an
    // episode starts where they reach golden.massOutageCount (10) and ends where they fall below it.
    Map<String, java.util.TreeMap<java.time.Instant, Integer>> changes = new HashMap<>();
    for (JsonNode o : records(p2, "outage-impacts")) {
      if (o.get("planned").asBoolean()) {
        continue;
      }
      java.util.TreeMap<java.time.Instant, Integer> c =
          changes.computeIfAbsent(o.get("region").asText(), k -> new java.util.TreeMap<>());
      c.merge(java.time.OffsetDateTime.parse(o.get("start").asText()).toInstant(), 1, Integer::sum);
      if (o.hasNonNull("end")) {
        c.merge(java.time.OffsetDateTime.parse(o.get("end").asText()).toInstant(), -1, Integer::sum);
      }
    }
    Map<String, java.time.Instant[]> expected = new HashMap<>();
    for (Map.Entry<String, java.util.TreeMap<java.time.Instant, Integer>> region : changes.entrySet()) {
      int open = 0;
      java.time.Instant[] episode = null;
      for (Map.Entry<java.time.Instant, Integer> change : region.getValue().entrySet()) {
        open += change.getValue();
        if (episode == null && open >= 10) {
          episode = new java.time.Instant[] {change.getKey(), null};
          // the id scheme: TYPE/region/crossing instant, written as the outputs write timestamps (sample: +08:00)
          expected.put("MASS_OUTAGE/" + region.getKey() + "/" + com.faultlink.io.Timestamps.format(
              change.getKey().toEpochMilli(), java.time.ZoneId.of("Asia/Shanghai")), episode);
        } else if (episode != null && open < 10) {
          episode[1] = change.getKey();
          episode = null;
        }
      }
    }
    assertThat(expected).as("the sample has mass outages").isNotEmpty();
    assertThat(firedResolved).containsOnlyKeys(expected.keySet());
    for (Map.Entry<String, java.time.Instant[]> e : expected.entrySet()) {
      String[] seen = firedResolved.get(e.getKey());
      assertThat(java.time.OffsetDateTime.parse(seen[0]).toInstant()).isEqualTo(e.getValue()[0]);
      assertThat(seen[1] == null ? null : java.time.OffsetDateTime.parse(seen[1]).toInstant())
          .as(e.getKey() + " resolved").isEqualTo(e.getValue()[1]);
    }
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
