package com.faultlink.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  @TempDir Path tmp;

  private Path sweepFile(Path base, String parameters) throws Exception {
    Path f = tmp.resolve("sweep.yaml");
    Files.writeString(f, "base: " + AnalysisFixtures.quote(base) + "\nout: " + AnalysisFixtures.quote(tmp.resolve("sweep"))
        + "\nparameters:\n" + parameters);
    return f;
  }

  private Path baseConfig() throws Exception {
    Path base = tmp.resolve("base.yaml");
    Files.writeString(base, AnalysisFixtures.yaml(AnalysisFixtures.generatedInputs(), tmp.resolve("base-out"), ""));
    return base;
  }

  @Test
  void everyCombinationIsOneRunTheFirstKeyVaryingSlowest() throws Exception {
    SweepSpec spec = SweepSpec.load(sweepFile(baseConfig(),
        "  attribution.tail: [PT15M, PT30M, PT60M]\n  attribution.neighborRadiusKm: [1.0, 2.5]\n"));
    List<SweepSpec.Combination> all = spec.combinations();
    assertThat(all).hasSize(6);
    assertThat(all.get(0).name()).isEqualTo("run-01");
    assertThat(all.stream().map(c -> SweepSpec.show(c.values().get("attribution.tail")) + " "
        + SweepSpec.show(c.values().get("attribution.neighborRadiusKm"))).toList())
        .containsExactly("PT15M 1.0", "PT15M 2.5", "PT30M 1.0", "PT30M 2.5", "PT60M 1.0", "PT60M 2.5");

    List<Sweep.Planned> plan = Sweep.plan(spec, Map.of());
    assertThat(plan.get(5).config().attribution().tail()).isEqualTo(Duration.ofMinutes(60));
    assertThat(plan.get(5).config().attribution().neighborRadiusKm()).isEqualTo(2.5);
    assertThat(plan.get(5).config().sinks().dir()).isEqualTo(tmp.resolve("sweep").resolve("run-06").toString());
  }

  @Test
  void anyKeyPathIsSetInTheConfigTreeMakingMissingSections() throws Exception {
    JsonNode base = SweepSpec.YAML.readTree("timezone: UTC\nattribution: {tail: PT30M}\n");
    ObjectNode patched = SweepSpec.patched(base, Map.of(
        "attribution.tail", SweepSpec.YAML.readTree("PT5M"),
        "golden.minOutages", SweepSpec.YAML.readTree("20"),
        "burst.significance", SweepSpec.YAML.readTree("0.001")));
    assertThat(patched.at("/attribution/tail").asText()).isEqualTo("PT5M");
    assertThat(patched.at("/golden/minOutages").asInt()).isEqualTo(20);
    assertThat(patched.at("/burst/significance").asDouble()).isEqualTo(0.001);
    assertThat(base.at("/attribution/tail").asText()).as("the base tree is left alone").isEqualTo("PT30M");
  }

  @Test
  void aKeyOrValueTheConfigRejectsStopsTheSweepBeforeAnyRunNamingTheRunAndKey() throws Exception {
    SweepSpec misspelt = SweepSpec.load(sweepFile(baseConfig(), "  attribution.tial: [PT15M]\n"));
    assertThatThrownBy(() -> Sweep.plan(misspelt, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("run-01").hasMessageContaining("'attribution.tial' is not a FaultLink setting");
    SweepSpec bad = SweepSpec.load(sweepFile(baseConfig(), "  attribution.tail: [PT15M, 30 minutes]\n"));
    assertThatThrownBy(() -> Sweep.plan(bad, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("run-02").hasMessageContaining("attribution.tail");
    assertThat(Files.exists(tmp.resolve("sweep"))).as("nothing ran").isFalse();
  }

  @Test
  void aSweepRunsEachCombinationAndComparesThem() throws Exception {
    Path file = sweepFile(baseConfig(), "  attribution.tail: [PT0S, PT60M]\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Sweep.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();

    List<String> csv = Files.readAllLines(tmp.resolve("sweep").resolve("comparison.csv"));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(0)).startsWith("run,attribution.tail,complaints,attributed,attributedPct,outages,"
        + "outagesWithComplaints,bursts,goldenWindows,burstThresholds,alerts,alertsPerWeek,");
    assertThat(csv.get(1)).startsWith("run-01,PT0S,");
    assertThat(csv.get(2)).startsWith("run-02,PT60M,");
    RunFigures noTail = RunFigures.read(new OutputStreams(tmp.resolve("sweep").resolve("run-01")));
    RunFigures longTail = RunFigures.read(new OutputStreams(tmp.resolve("sweep").resolve("run-02")));
    assertThat(noTail.complaints()).isPositive().isEqualTo(longTail.complaints());
    assertThat(longTail.attributed()).as("a longer tail attributes more").isGreaterThan(noTail.attributed());
    assertThat(longTail.weeks()).isGreaterThan(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("attributedPct").contains("run-02");
    assertThat(tmp.resolve("sweep").resolve("run-02").resolve("config.yaml")).content().contains("tail: PT60M");
    assertThat(tmp.resolve("sweep").resolve("run-02").resolve("run-summary.json")).exists();
  }

  @Test
  void absentStreamsCountAsZero() throws Exception {
    Files.createDirectories(tmp.resolve("empty").resolve("attributions"));
    RunFigures f = RunFigures.read(new OutputStreams(tmp.resolve("empty")));
    assertThat(f.complaints()).isZero();
    assertThat(f.alerts()).isZero();
    assertThat(f.alertsPerWeek()).isZero();
    assertThat(f.columns()).containsEntry("alerts.COMPLAINT_BURST", 0L).containsEntry("goldenWindows", 0L);
  }

  @Test
  void eachCitysLatestFittedWindowIsAColumnWithItsStatus() throws Exception {
    Path table = Files.createDirectories(tmp.resolve("cities").resolve("golden-window-table"));
    Files.writeString(table.resolve("part-0.jsonl"), String.join("\n",
        "{\"region\":\"Wuzhong\",\"technology\":\"*\",\"validFrom\":\"2026-10-06T10:00:00+08:00\",\"status\":\"estimated\",\"goldenWindowMinutes\":31.5}",
        "{\"region\":\"Wuzhong\",\"technology\":\"*\",\"validFrom\":\"2026-10-07T10:00:00+08:00\",\"status\":\"no-rise\",\"goldenWindowMinutes\":44.25}",
        "{\"region\":\"Wuzhong\",\"technology\":\"4G\",\"validFrom\":\"2026-10-08T10:00:00+08:00\",\"status\":\"estimated\",\"goldenWindowMinutes\":12}",
        "{\"region\":\"Guyuan\",\"technology\":\"*\",\"validFrom\":\"2026-10-05T10:00:00+08:00\",\"status\":\"too-few-outages\",\"goldenWindowMinutes\":null}",
        "{\"region\":\"*\",\"technology\":\"*\",\"validFrom\":\"2026-10-09T10:00:00+08:00\",\"status\":\"estimated\",\"goldenWindowMinutes\":40}",
        ""));
    Map<String, Object> c = RunFigures.read(new OutputStreams(tmp.resolve("cities"))).columns();
    assertThat(c).containsEntry("goldenWindow.Wuzhong", "44.25 no-rise").containsEntry("goldenWindow.Guyuan", "too-few-outages")
        .doesNotContainKey("goldenWindow.*");
  }
}
