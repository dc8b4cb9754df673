package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline on a Flink MiniCluster, over the small input set of {@link TestData}, checked stream by stream
 * against figures the {@link Oracle} computes from the same files by brute force; then the same inputs reordered
 * within the out-of-orderness, at parallelism 1 and 2, must give the same outputs; and the outputs must pass the
 * contract's own shape checker.
 *
 * <p>One baseline run (parallelism 2) is shared by the tests that only read its outputs.
 */
class PipelineOracleTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  static Path tmp;

  private static final long SEED = 20_260_829L;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Oracle.Settings SETTINGS =
      new Oracle.Settings(ZONE, Duration.ofMinutes(5), Duration.ofMinutes(30), 2.0, Set.of("cellOutage"));

  /** One pipeline run: where its inputs and outputs are, and the job's counters. */
  private record Run(Path inputs, Path out, Map<String, Long> counters) {}

  private static TestData data;
  private static Run baseline;
  private static Oracle.Result expected;

  /** The shared run at parallelism 2 on the base files (made in the first test that needs it: the MiniCluster
   * is the context environment only inside a test). */
  private static synchronized Run baseline() throws Exception {
    if (baseline == null) {
      data = TestData.generate(SEED);
      Path in = Files.createDirectories(tmp.resolve("base"));
      data.writeTo(in);
      baseline = run(in, tmp.resolve("base-out"), 2);
    }
    return baseline;
  }

  private static synchronized Oracle.Result oracle() throws Exception {
    if (expected == null) {
      Path in = baseline().inputs();
      expected = Oracle.compute(in.resolve(TestData.ALARMS), in.resolve(TestData.COMPLAINTS),
          in.resolve(TestData.CELLS), in.resolve(TestData.REGIONS), SETTINGS);
    }
    return expected;
  }

  private static Run run(Path inputs, Path out, int parallelism) throws Exception {
    return run(inputs, out, parallelism, "outages: {causes: [cellOutage], mergeGap: PT5M}");
  }

  private static Run run(Path inputs, Path out, int parallelism, String outagesYaml) throws Exception {
    String yaml = String.join("\n",
        "timezone: Asia/Shanghai",
        "parallelism: " + parallelism,
        "sources:",
        "  alarms: {file: " + quote(inputs.resolve(TestData.ALARMS)) + "}",
        "  complaints: {file: " + quote(inputs.resolve(TestData.COMPLAINTS)) + "}",
        "reference:",
        "  cells: " + quote(inputs.resolve(TestData.CELLS)),
        "  regions: " + quote(inputs.resolve(TestData.REGIONS)),
        "sinks:",
        "  dir: " + quote(out),
        "outOfOrderness: PT5M",
        outagesYaml,
        "attribution: {neighborRadiusKm: 2.0, tail: PT30M}",
        // A fixed golden window: once the pipeline writes golden-window alerts, the determinism checks cover them.
        "golden: {fixedWindow: PT20M}",
        "privacy: {customerKeySecret: pipeline-oracle-test}",
        "checkpointing: {interval: PT0.5S, dir: " + quote(out.resolveSibling(out.getFileName() + "-checkpoints")) + "}",
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of());
    CellTable cells = CellTable.load(Path.of(config.reference().cells()));
    RegionTable regions = RegionTable.load(Path.of(config.reference().regions()));
    Map<String, Long> counters =
        FaultLinkJob.run(config, cells, regions, new PrintStream(OutputStream.nullOutputStream()));
    return new Run(inputs, out, counters);
  }

  private static String quote(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  // ------------------------------------------------------------------------------------- against the oracle

  @Test
  void everyComplaintIsAttributedAsTheContractSays() throws Exception {
    Map<String, Map<String, Object>> actual =
        keyed(baseline().out(), "attributions", Oracle.ATTRIBUTION_FIELDS, List.of(), "complaintId");
    assertSameRecords("attributions", oracle().attributions, actual);
  }

  @Test
  void everyOutageHasItsImpactWithEveryField() throws Exception {
    Map<String, Map<String, Object>> actual =
        keyed(baseline().out(), "outage-impacts", Oracle.IMPACT_FIELDS, List.of("start", "end"), "outageId");
    assertSameRecords("outage-impacts", oracle().outageImpacts, actual);
  }

  @Test
  void metricsHaveEveryRegionAndPeriodWithEveryFigure() throws Exception {
    Map<String, Map<String, Object>> actual =
        keyed(baseline().out(), "metrics", Oracle.METRIC_FIELDS, List.of(), "region", "period", "periodStart");
    assertSameRecords("metrics", oracle().metrics, actual);
  }

  @Test
  void everyRejectedLineIsADeadLetterWithItsSourceAndTheLineItself() throws Exception {
    List<String> actual = new ArrayList<>();
    for (JsonNode r : OutputFiles.records(baseline().out(), "dead-letters")) {
      assertThat(r.path("reason").asText("")).as("reason of %s", r).isNotBlank();
      actual.add(r.path("source").asText("<no source>") + " | " + r.path("raw").asText("<no raw>"));
    }
    List<String> wanted = oracle().deadLetters.stream().map(d -> d.source() + " | " + d.raw()).toList();
    assertThat(actual)
        .withFailMessage("dead-letters differ from the oracle%n  missing: %s%n  unexpected: %s",
            minus(wanted, actual), minus(actual, wanted))
        .containsExactlyInAnyOrderElementsOf(wanted);
  }

  @Test
  void countersCountTheDuplicatesDamagedLinesAndSkippedTypesTheDataHolds() throws Exception {
    Map<String, Long> c = baseline().counters();
    TestData.Injected injected = data.injected();
    Oracle.Result o = oracle();
    // The oracle reads the same numbers out of the files as the generator says it put in.
    assertThat(o.duplicateEvents).isEqualTo(injected.duplicateEventLines());
    assertThat(o.duplicateTickets).isEqualTo(injected.duplicateTicketLines());
    assertThat(o.deadLetters).hasSize(injected.damagedLines());
    assertThat(o.skippedEventTypes).isEqualTo(injected.skippedLines());
    assertThat(o.nonOutageAlarms).isEqualTo(injected.noiseLines());

    assertThat(c.get("duplicateEvents")).as("duplicateEvents").isEqualTo(injected.duplicateEventLines());
    assertThat(c.get("duplicateTickets")).as("duplicateTickets").isEqualTo(injected.duplicateTicketLines());
    assertThat(c.get("deadLetters")).as("deadLetters").isEqualTo(injected.damagedLines());
    assertThat(c.get("skippedEventTypes")).as("skippedEventTypes").isEqualTo(injected.skippedLines());
    assertThat(c.get("nonOutageAlarms")).as("nonOutageAlarms, distinct noise events (a repeated noise line is a duplicate)")
        .isEqualTo(injected.noiseLines());
  }

  /** Guards the test itself: a change to the generator must not quietly drop the cases that matter. */
  @Test
  void theDataExercisesEveryRuleTheOracleChecks() throws Exception {
    Oracle.Result o = oracle();
    Map<Object, Long> levels = o.attributions.values().stream()
        .collect(Collectors.groupingBy(a -> a.get("matchLevel"), TreeMap::new, Collectors.counting()));
    assertThat(levels).as("match levels").containsKeys("cell", "site", "neighbor", "none");
    assertThat(levels.get("neighbor")).as("neighbour attributions").isGreaterThanOrEqualTo(3);
    assertThat(o.outageImpacts).as("outages").hasSizeBetween(35, 50);
    assertThat(o.mergedOutages).as("outages made of several alarms (flapping, two systems)").isGreaterThanOrEqualTo(4);
    assertThat(o.openOutages).as("outages open at the end").isEqualTo(1);
    assertThat(o.outageImpacts.values()).as("an outage without complaints")
        .anyMatch(i -> i.get("firstComplaintLagMinutes") == null);
    assertThat(o.attributions).as("complaints").hasSizeBetween(350, 500);
    assertThat(o.attributions.values()).as("a complaint with an unknown cell")
        .anyMatch(a -> a.get("cellId") != null && a.get("cellId").toString().contains("-09"));
    assertThat(o.attributions.values()).as("a complaint naming only a region").anyMatch(a -> a.get("cellId") == null);
    assertThat(o.metrics).as("3 regions and * × (4 days + 2 weeks + 2 months)").hasSize(32);
    assertThat(o.metrics.get("Guyuan|day|2026-08-31")).as("Guyuan on Monday, with no data at all")
        .containsEntry("complaints", BigDecimal.ZERO).containsEntry("outageHours", BigDecimal.ZERO);
    assertThat(o.metrics.get("*|day|2026-08-31")).as("Monday: outage time carried from Sunday, nothing else")
        .containsEntry("complaints", BigDecimal.ZERO).containsEntry("outages", BigDecimal.ZERO)
        .doesNotContainEntry("outageHours", BigDecimal.ZERO);
    assertThat(o.metrics.values()).as("repeat complainants")
        .anyMatch(m -> m.get("repeatComplainants") instanceof BigDecimal b && b.signum() > 0);
  }

  /**
   * Checks the oracle itself on the hand-placed cases, against figures worked out by hand from the contract (ids
   * are sourceSystemId/alarm.id of an outage's first raise, as the generator numbers them per source system).
   */
  @Test
  void theOracleGetsTheHandPlacedCasesRight() throws Exception {
    Oracle.Result o = oracle();
    // Attribution: levels, the tail and the start inclusive, the latest start, then the smallest id.
    expectAttribution(o, "atStart", "OMC-ZTE-1/A-1005", "cell", "0");
    expectAttribution(o, "secondBeforeStart", null, "none", null);
    expectAttribution(o, "atTail", "OMC-ZTE-1/A-1005", "cell", "70");
    expectAttribution(o, "secondAfterTail", null, "none", null);
    expectAttribution(o, "inTailOfFirst", "OMC-HW-1/A-1006", "cell", "12");
    expectAttribution(o, "laterStartWins", "OMC-HW-1/A-1007", "cell", "0.98");
    expectAttribution(o, "inFlapGap", "OMC-HW-1/A-1004", "cell", "12.5");
    expectAttribution(o, "sameStartSmallerId", "OMC-HW-1/A-1008", "site", "5");
    expectAttribution(o, "oneClosedOneOpen", "OMC-HW-1/A-1008", "site", "45");
    expectAttribution(o, "siteOfTwoSystems", "OMC-HW-1/A-5000", "site", "30");
    expectAttribution(o, "lagHalfUp", "OMC-HW-1/A-5000", "cell", "7.01");
    expectAttribution(o, "siteOfClearFirst", "OMC-ZTE-1/A-1004", "site", "1");
    expectAttribution(o, "neighbourOfClearFirst", "OMC-ZTE-1/A-1004", "neighbor", "0.75");
    expectAttribution(o, "openOutage", "OMC-HW-1/A-1010", "cell", "60");
    expectAttribution(o, "neighbourOfOpen", "OMC-HW-1/A-1010", "neighbor", "120");
    expectAttribution(o, "notANeighbour", null, "none", null);
    expectAttribution(o, "beforeMidnight", "OMC-HW-1/A-1001", "site", "35");
    expectAttribution(o, "afterMidnight", "OMC-HW-1/A-1001", "cell", "60");
    expectAttribution(o, "unknownCell", null, "none", null);
    assertThat(o.attributions.get(data.ticket("unknownCell")))
        .containsEntry("cellId", "NX-YC-0901-1").containsEntry("region", "Yinchuan");
    assertThat(o.attributions.get(data.ticket("wrongRegion")))
        .containsEntry("cellId", "NX-GY-0001-1").containsEntry("region", "Guyuan");
    assertThat(o.attributions.get(data.ticket("regionOnly")))
        .containsEntry("cellId", null).containsEntry("region", "Yinchuan").containsEntry("matchLevel", "none");

    // Outages: flapping merged (also exactly at the gap), not a second over it; two systems; clear line first.
    expectOutage(o, "OMC-HW-1/A-1001", TestData.SAT + hours(23, 20), TestData.SUN + hours(0, 50), "90");
    expectOutage(o, "OMC-HW-1/A-1002", TestData.SAT + hours(10, 0), TestData.SAT + hours(10, 40), "40");
    expectOutage(o, "OMC-ZTE-1/A-1001", TestData.SUN + hours(14, 0), TestData.SUN + hours(15, 0), "60");
    expectOutage(o, "OMC-HW-1/A-1004", TestData.SUN + hours(9, 0), TestData.SUN + hours(9, 30), "30");
    expectOutage(o, "OMC-HW-1/A-1006", TestData.SUN + hours(11, 0), TestData.SUN + hours(11, 10), "10");
    expectOutage(o, "OMC-HW-1/A-1007", TestData.SUN + hours(11, 15) + 1000, TestData.SUN + hours(11, 30), "14.98");
    expectOutage(o, "OMC-HW-1/A-5000", TestData.TUE + hours(8, 0), TestData.TUE + hours(8, 45), "45");
    expectOutage(o, "OMC-ZTE-1/A-1004", TestData.SAT + hours(15, 0), TestData.SAT + hours(15, 1) + 30_000, "1.5");
    expectOutage(o, "OMC-HW-2/A-1001", TestData.TUE + hours(15, 0), TestData.TUE + hours(15, 25) + 300, "25.01");
    expectOutage(o, "OMC-HW-1/A-1010", TestData.TUE + hours(20, 0), null, "235"); // open until the last event, 23:55
    assertThat(o.outageImpacts.get("OMC-HW-1/A-1010")).as("open: no end reason").containsEntry("endReason", null);
    assertThat(o.outageImpacts.get("OMC-HW-1/A-1002")).containsEntry("endReason", "cleared");
    expectOutage(o, "OMC-HW-1/A-1011", TestData.SUN + hours(23, 30), TestData.SUN + hours(24, 20), "50");
    expectOutage(o, "OMC-HW-2/A-1002", TestData.TUE + hours(23, 20), TestData.TUE + hours(23, 40), "20");
    expectOutage(o, "OMC-ZTE-1/A-1007", TestData.QUIET_FROM + 10 * TestData.MIN,
        TestData.QUIET_FROM + 16 * TestData.MIN, "6");
    assertThat(o.outageImpacts.get("OMC-ZTE-1/A-1007")).as("an outage without complaints")
        .containsEntry("complaints", BigDecimal.ZERO).containsEntry("firstComplaintLagMinutes", null);
    expectAttribution(o, "beforeMonday", "OMC-HW-1/A-1011", "cell", "10");
    expectAttribution(o, "beforeEnd", "OMC-HW-2/A-1002", "cell", "30");
    assertThat(o.outageImpacts).as("alarms merged into other outages")
        .doesNotContainKeys("OMC-HW-1/A-1003", "OMC-HW-1/A-1005", "OMC-ZTE-1/A-1002", "OMC-ZTE-1/A-1003",
            "OMC-HW-2/A-5000");

    // Metrics: 60 min 18 s is 1.005 h, half up 1.01; a region without cells; a day without data.
    assertThat(o.metrics.get("Guyuan|day|2026-09-01")).containsEntry("outages", BigDecimal.ONE)
        .containsEntry("outageHours", num("1.01"));
    assertThat(o.metrics.get("Shizuishan|week|2026-08-31")).containsEntry("complaints", BigDecimal.ZERO)
        .containsEntry("repeatComplaintRatePct", null).containsEntry("outagesChangePct", null);
    assertThat(o.metrics.get("*|day|2026-08-31")).containsEntry("outagesChangePct", num("-100"))
        .containsEntry("complainants", BigDecimal.ZERO).containsEntry("repeatComplaintRatePct", null);
    assertThat(o.metrics.get("Yinchuan|day|2026-08-31")).containsEntry("outageHours", num("0.33"))
        .containsEntry("outages", BigDecimal.ZERO).containsEntry("faultComplaintsChangePct", num("-100"));
    assertThat(o.metrics.get("Guyuan|day|2026-08-31")).containsEntry("outageHours", BigDecimal.ZERO)
        .containsEntry("outageHoursChangePct", num("-100"));
    assertThat(o.metrics.get("Guyuan|day|2026-09-01")).containsEntry("outageHoursChangePct", null);
    assertThat(o.metrics.get("*|day|2026-09-01")).containsEntry("outagesChangePct", null);
    assertThat(o.metrics.get("*|month|2026-08-01")).containsEntry("outagesChangePct", null);
  }

  private static long hours(int h, int m) {
    return h * TestData.HOUR + m * TestData.MIN;
  }

  private static void expectAttribution(Oracle.Result o, String label, String outageId, String level, String lag) {
    Map<String, Object> a = o.attributions.get(data.ticket(label));
    assertThat(a).as(label).isNotNull();
    assertThat(a.get("outageId")).as("%s outageId", label).isEqualTo(outageId);
    assertThat(a.get("matchLevel")).as("%s matchLevel", label).isEqualTo(level);
    assertThat(a.get("lagMinutes")).as("%s lagMinutes", label)
        .isEqualTo(lag == null ? null : num(lag));
  }

  private static void expectOutage(Oracle.Result o, String id, long start, Long end, String minutes) {
    Map<String, Object> i = o.outageImpacts.get(id);
    assertThat(i).as(id).isNotNull();
    assertThat(i.get("start")).as("%s start", id).isEqualTo(Oracle.instant(start, ZONE));
    assertThat(i.get("end")).as("%s end", id).isEqualTo(end == null ? null : Oracle.instant(end, ZONE));
    assertThat(i.get("durationMinutes")).as("%s durationMinutes", id)
        .isEqualTo(num(minutes));
  }

  /** A number as the oracle's records hold it. */
  private static Object num(String decimal) {
    return Oracle.canon(new BigDecimal(decimal));
  }

  // ------------------------------------------------------------------------------------------ stale outages

  /**
   * With {@code outages.maxOpen} PT3H the one outage open at the end (OMC-HW-1/A-1010, from Tuesday 20:00, the input
   * ending at 23:55) is closed as stale at 23:00: 180 minutes, by hand; every other outage is shorter. The pipeline
   * agrees with the oracle on impacts, attributions and metrics.
   */
  @Test
  void withAShortMaxOpenTheOutageStillOpenIsClosedAsStaleAsTheOracleSays() throws Exception {
    Run base = baseline();
    Oracle.Result o = Oracle.compute(base.inputs().resolve(TestData.ALARMS),
        base.inputs().resolve(TestData.COMPLAINTS), base.inputs().resolve(TestData.CELLS),
        base.inputs().resolve(TestData.REGIONS), new Oracle.Settings(ZONE, Duration.ofMinutes(5),
            Duration.ofMinutes(30), 2.0, Set.of("cellOutage"), Duration.ofHours(3)));
    expectOutage(o, "OMC-HW-1/A-1010", TestData.TUE + hours(20, 0), TestData.TUE + hours(23, 0), "180");
    assertThat(o.outageImpacts.get("OMC-HW-1/A-1010")).containsEntry("endReason", "stale");
    assertThat(o.outageImpacts.values()).as("the others").filteredOn(i -> "stale".equals(i.get("endReason")))
        .hasSize(1);
    assertThat(o.openOutages).isZero();

    Run run = run(base.inputs(), tmp.resolve("max-open-out"), 2,
        "outages: {causes: [cellOutage], mergeGap: PT5M, maxOpen: PT3H}");
    assertSameRecords("outage-impacts", o.outageImpacts,
        keyed(run.out(), "outage-impacts", Oracle.IMPACT_FIELDS, List.of("start", "end"), "outageId"));
    assertSameRecords("attributions", o.attributions,
        keyed(run.out(), "attributions", Oracle.ATTRIBUTION_FIELDS, List.of(), "complaintId"));
    assertSameRecords("metrics", o.metrics,
        keyed(run.out(), "metrics", Oracle.METRIC_FIELDS, List.of(), "region", "period", "periodStart"));
    assertThat(run.counters().get("staleOutages")).isEqualTo(1L);
  }

  // ------------------------------------------------------------------------------------------- determinism

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void linesReorderedWithinTheOutOfOrdernessGiveTheSameOutputs(int parallelism) throws Exception {
    Run base = baseline();
    Path in = Files.createDirectories(tmp.resolve("shuffled-p" + parallelism));
    data.writeShuffledTo(in, SEED + parallelism);
    assertThat(Files.readAllBytes(in.resolve(TestData.COMPLAINTS)))
        .as("the shuffle moves lines").isNotEqualTo(Files.readAllBytes(base.inputs().resolve(TestData.COMPLAINTS)));

    Run shuffled = run(in, tmp.resolve("shuffled-p" + parallelism + "-out"), parallelism);

    Map<String, List<String>> expectedStreams = OutputFiles.allStreams(base.out());
    Map<String, List<String>> actualStreams = OutputFiles.allStreams(shuffled.out());
    assertThat(actualStreams.keySet()).isEqualTo(expectedStreams.keySet());
    for (String stream : expectedStreams.keySet()) {
      List<String> want = expectedStreams.get(stream);
      List<String> got = actualStreams.get(stream);
      // dead letters included: without deadLetters.origin they name no line number, which reordering would move
      assertThat(got)
          .withFailMessage("%s at parallelism %d, lines reordered, differs from the base run%n  missing: %s%n"
              + "  unexpected: %s", stream, parallelism, minus(want, got), minus(got, want))
          .containsExactlyInAnyOrderElementsOf(want);
    }
    for (String counter : List.of("duplicateEvents", "duplicateTickets", "deadLetters")) {
      assertThat(shuffled.counters().get(counter)).as(counter).isEqualTo(base.counters().get(counter));
    }
  }

  // ---------------------------------------------------------------------------------------- contract checker

  @Test
  void outputsPassTheContractChecker() throws Exception {
    Run base = baseline();
    Path checker = Path.of("../shared/contract/check-outputs.py");
    assertThat(Files.isRegularFile(checker))
        .withFailMessage("the contract checker is missing: expected %s (relative to the working directory %s); "
                + "the shared contract folder must sit beside the project",
            checker.toAbsolutePath().normalize(), Path.of("").toAbsolutePath())
        .isTrue();
    Process p = new ProcessBuilder("python3", checker.toString(), base.out().toString(),
        "--complaints", base.inputs().resolve(TestData.COMPLAINTS).toString(),
        "--cells", base.inputs().resolve(TestData.CELLS).toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("checker finished").isTrue();
    assertThat(p.exitValue()).withFailMessage("check-outputs.py exited %d:%n%s", p.exitValue(), output).isZero();
  }

  // ----------------------------------------------------------------------------------------------- helpers

  /** The stream's records, canonical, by key; a key seen twice is kept under a marked second key. */
  private static Map<String, Map<String, Object>> keyed(Path out, String stream, List<String> fields,
      List<String> timestampFields, String... keyFields) throws IOException {
    Map<String, Map<String, Object>> byKey = new TreeMap<>();
    for (JsonNode r : OutputFiles.records(out, stream)) {
      List<String> parts = new ArrayList<>();
      for (String k : keyFields) {
        parts.add(r.path(k).asText("null"));
      }
      String key = String.join("|", parts);
      while (byKey.containsKey(key)) {
        key = key + " (again)";
      }
      byKey.put(key, OutputFiles.canonical(r, fields, timestampFields));
    }
    return byKey;
  }

  private static void assertSameRecords(String stream, Map<String, Map<String, Object>> wanted,
      Map<String, Map<String, Object>> actual) {
    List<String> diff = new ArrayList<>();
    Set<String> keys = new TreeSet<>(wanted.keySet());
    keys.addAll(actual.keySet());
    for (String k : keys) {
      Map<String, Object> e = wanted.get(k);
      Map<String, Object> a = actual.get(k);
      if (a == null) {
        diff.add("missing    " + k + ": " + e);
      } else if (e == null) {
        diff.add("unexpected " + k + ": " + a);
      } else if (!e.equals(a)) {
        for (String f : e.keySet()) {
          if (!Objects.equals(e.get(f), a.get(f))) {
            diff.add("differs    " + k + " " + f + ": oracle " + show(e.get(f)) + ", pipeline " + show(a.get(f)));
          }
        }
      }
    }
    String report = diff.size() <= 60 ? String.join("\n  ", diff)
        : String.join("\n  ", diff.subList(0, 60)) + "\n  ... and " + (diff.size() - 60) + " more";
    assertThat(actual)
        .withFailMessage("%s: %d difference(s) between the pipeline (%d records) and the oracle (%d records):%n  %s",
            stream, diff.size(), actual.size(), wanted.size(), report)
        .isEqualTo(wanted);
  }

  /** Numbers in plain notation (90, not 9E+1). */
  private static String show(Object v) {
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(x -> x.getKey() + "=" + show(x.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(v);
  }

  /** The elements of {@code a} not matched one for one in {@code b}. */
  private static List<String> minus(List<String> a, List<String> b) {
    List<String> rest = new ArrayList<>(a);
    for (String x : b) {
      rest.remove(x);
    }
    return rest.size() <= 20 ? rest : rest.subList(0, 20);
  }
}
