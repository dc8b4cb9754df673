package com.faultlink.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.GoldenConfig;
import com.faultlink.config.InputConfig;
import com.faultlink.io.output.GoldenWindowTable;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's acceptance, as a file run through the whole pipeline: three regions of 1 000 unplanned outages each
 * (every outage on a cell of its own, its site more than 2 km from every other, so each complaint is attributed to
 * exactly the outage it was generated for), with complaints on the outage's cell while it is open at
 *
 * <ul>
 *   <li>{@code StepRegion}: 0.02 per minute, 0.10 from 35 min (a step of 5x: the window is the step, 35 min);
 *   <li>{@code RiseRegion}: 0.005 + 0.001 t (the contract's window 32.5 min: baseline 0.0125, 3x 0.0375);
 *   <li>{@code FlatRegion}: 0.03, constant (no window).
 * </ul>
 *
 * <p>The true windows are derived from what this test wrote, by the contract's definition: the baseline is the
 * complaints that arrived in the first 15 minutes of their outage while it was open, divided by the open-outage
 * minutes in that span; the window is the first minute after the span at which the generating rate reaches 3 times
 * that baseline. For the step that is 35 (3x the baseline stays between 0.02 and 0.10), for the rise {@code (3b -
 * 0.005) / 0.001}, which differs from 32.5 by the baseline's own noise.
 */
class GoldenAcceptanceRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long MIN = 60_000L;
  /** 2026-09-01T00:00Z: in the past, so no line is dated ahead of the wall clock. */
  private static final long T0 = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();
  private static final int OUTAGES = 1000;
  private static final double RATIO = 3;
  private static final double BASELINE = 15;

  /** A region's generating rate per open outage-minute, its maximum (for thinning) and its place in time and space. */
  private record Shape(String region, String code, DoubleUnaryOperator rate, double maxRate, int index) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape("StepRegion", "ST", t -> t < 35 ? 0.02 : 0.10, 0.10, 0),
      new Shape("RiseRegion", "RI", t -> 0.005 + 0.001 * t, 0.005 + 0.001 * 150, 1),
      new Shape("FlatRegion", "FL", t -> 0.03, 0.03, 2));

  /** One generated outage: its cell, start and end (ms, as written) and its complaints' instants (ms, as written). */
  private record Outage(String region, String cell, long start, long end, long[] complaints) {}

  @TempDir static Path dir;
  static Map<String, List<Outage>> generated = new TreeMap<>();
  static List<JsonNode> published;
  static List<String> table;
  static double runSeconds;

  @BeforeAll
  static void generateAndRun() throws Exception {
    List<String[]> alarms = new ArrayList<>(); // {time, line}
    List<String[]> complaints = new ArrayList<>();
    StringBuilder cells = new StringBuilder("cell_id,site_id,region,technology,lat,lon\n");
    SplittableRandom r = new SplittableRandom(20);
    int event = 0;
    for (Shape s : SHAPES) {
      List<Outage> outages = new ArrayList<>();
      for (int i = 0; i < OUTAGES; i++) {
        String site = String.format("NX-%s-%04d", s.code(), i + 1);
        String cell = site + "-1";
        // A grid 0.05 degrees apart (>= 4 km at these latitudes): no cell is another's neighbour within 2 km.
        cells.append(cell).append(',').append(site).append(',').append(s.region()).append(",4G,")
            .append(String.format("%.3f,%.3f", 30 + 3 * s.index() + (i / 40) * 0.05, 100 + (i % 40) * 0.05))
            .append('\n');
        // One outage every 30 minutes per region, a few open at once (below golden.massOutageCount).
        long start = T0 + i * 30 * MIN + s.index() * 7 * MIN + r.nextInt(600) * 1000L;
        double d = Math.min(150, Math.max(1, 50 * Math.exp(0.8 * SyntheticOutages.gaussian(r))));
        long end = start + Math.round(d * 60) * 1000L;
        List<Long> times = new ArrayList<>();
        double t = 0;
        while (true) {
          t -= Math.log(1 - r.nextDouble()) / s.maxRate();
          long at = start + Math.round(t * MIN);
          if (at >= end) {
            break;
          }
          if (r.nextDouble() * s.maxRate() < s.rate().applyAsDouble(t)) {
            times.add(at);
          }
        }
        Outage o = new Outage(s.region(), cell, start, end, times.stream().mapToLong(Long::longValue).toArray());
        outages.add(o);
        String alarmId = "A-" + s.code() + "-" + (i + 1);
        alarms.add(new String[] {Long.toString(start), alarm("ev-a-" + (++event), alarmId, cell, start, null)});
        alarms.add(new String[] {Long.toString(end), alarm("ev-a-" + (++event), alarmId, cell, start, end)});
        for (long c : o.complaints()) {
          complaints.add(new String[] {Long.toString(c), complaint(++event, cell, s.region(), c)});
        }
      }
      generated.put(s.region(), outages);
    }
    Files.writeString(dir.resolve("cells.csv"), cells.toString());
    Files.writeString(dir.resolve("regions.csv"),
        "region,subscribers\nStepRegion,1000000\nRiseRegion,1000000\nFlatRegion,1000000\n");
    write(dir.resolve("alarms.jsonl"), alarms);
    write(dir.resolve("complaints.jsonl"), complaints);

    FaultLinkConfig base = ConfigLoader.load(Path.of("config/faultlink.yaml"));
    GoldenConfig g = base.golden();
    // The history holds a region's 1 000 outages, so its last estimate is on all the data written; re-estimated
    // every 250 outages (the learner's cost, not its answer, depends on it).
    GoldenConfig golden = new GoldenConfig(g.fixedWindow(), g.initialWindow(), g.minOutages(), g.warnFraction(),
        OUTAGES, 250, g.bootstrap(), g.confidence(), g.minWindow(), g.maxWindow(), g.massOutageCount(),
        g.maxIntervalWidth(), g.explosionRatio(), g.baselineMinutes(), g.gridStep(), g.minOpenAtWindow(),
        g.minBaselineComplaints(), g.falseWindowRate());
    assertThat(golden.explosionRatio()).isEqualTo(RATIO);
    assertThat(golden.baselineMinutes().toMinutes()).isEqualTo((long) BASELINE);
    Path out = dir.resolve("out");
    FaultLinkConfig config = base.withSinksDir(out.toString()).withParallelism(2).withGolden(golden)
        .withReference(new FaultLinkConfig.Reference(dir.resolve("cells.csv").toString(),
            dir.resolve("regions.csv").toString()))
        .withSources(new FaultLinkConfig.Sources(new InputConfig(dir.resolve("alarms.jsonl").toString()),
            new InputConfig(dir.resolve("complaints.jsonl").toString()), null, 0));
    long t0 = System.nanoTime();
    FaultLinkJob.run(config, CellTable.load(dir.resolve("cells.csv")), RegionTable.load(dir.resolve("regions.csv")),
        new PrintStream(new ByteArrayOutputStream()));
    runSeconds = (System.nanoTime() - t0) / 1e9;
    published = records(out.resolve("golden-windows"));
    table = Files.readAllLines(out.resolve(GoldenWindowTable.FILE));
    System.out.printf("golden acceptance run: %d alarm lines, %d complaint lines, pipeline %.1f s%n", alarms.size(),
        complaints.size(), runSeconds);
    // The pooled scope mixes the three shapes; printed, not asserted.
    published.stream().filter(w -> w.get("region").asText().equals("*")).forEach(w -> System.out.printf(
        "golden acceptance: */* from %d outages: %.2f [%.2f, %.2f]%n", w.get("outages").asLong(),
        w.get("goldenWindowMinutes").asDouble(), w.get("ciLowMinutes").asDouble(), w.get("ciHighMinutes").asDouble()));
  }

  private static String alarm(String eventId, String alarmId, String cell, long raised, Long cleared) {
    ObjectNode root = MAPPER.createObjectNode();
    long t = cleared == null ? raised : cleared;
    root.put("eventId", eventId).put("eventType", cleared == null ? "AlarmCreateEvent" : "AlarmClearedEvent")
        .put("eventTime", Instant.ofEpochMilli(t).toString());
    ObjectNode alarm = root.putObject("event").putObject("alarm");
    alarm.put("id", alarmId).put("alarmType", "communicationsAlarm")
        .put("state", cleared == null ? "raised" : "cleared")
        .put("perceivedSeverity", cleared == null ? "critical" : "cleared").put("probableCause", "cellOutage");
    alarm.putObject("alarmedObject").put("id", cell).put("@referredType", "Cell");
    alarm.put("alarmRaisedTime", Instant.ofEpochMilli(raised).toString());
    if (cleared != null) {
      alarm.put("alarmClearedTime", Instant.ofEpochMilli(cleared).toString());
    }
    alarm.put("sourceSystemId", "OMC-HW-1");
    return root.toString();
  }

  private static String complaint(int n, String cell, String region, long t) {
    ObjectNode root = MAPPER.createObjectNode();
    String time = Instant.ofEpochMilli(t).toString();
    root.put("eventId", "ev-c-" + n).put("eventType", "TroubleTicketCreateEvent").put("eventTime", time);
    ObjectNode tt = root.putObject("event").putObject("troubleTicket");
    tt.put("id", "TT-" + n).put("ticketType", "complaint").put("category", "data").put("creationDate", time)
        .put("severity", "minor");
    tt.putObject("channel").put("name", "app");
    var entities = tt.putArray("relatedEntity");
    entities.addObject().put("role", "servingCell").put("id", cell).put("@referredType", "Cell");
    entities.addObject().put("role", "region").put("id", region).put("@referredType", "GeographicArea");
    return root.toString();
  }

  private static void write(Path file, List<String[]> lines) throws IOException {
    lines.sort(Comparator.comparingLong(l -> Long.parseLong(l[0])));
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (String[] l : lines) {
        w.write(l[1]);
        w.write('\n');
      }
    }
  }

  private static List<JsonNode> records(Path stream) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(stream)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
        for (String l : Files.readAllLines(f)) {
          if (!l.isBlank()) {
            all.add(MAPPER.readTree(l));
          }
        }
      }
    }
    all.sort(Comparator.comparing((JsonNode n) -> n.get("validFrom").asText()));
    return all;
  }

  /**
   * The contract's window on the first {@code n} outages of a region to close (the learner's history at an
   * estimate): the data's own baseline, and the first minute after the baseline span at which the generating rate
   * reaches {@code RATIO} times it; NaN when it never does within 150 minutes.
   */
  private static double trueWindow(Shape s, long n) {
    List<Outage> first = generated.get(s.region()).stream().sorted(Comparator.comparingLong(Outage::end))
        .limit(n).toList();
    long complaints = 0;
    double exposure = 0;
    for (Outage o : first) {
      double d = (o.end() - o.start()) / (double) MIN;
      exposure += Math.min(d, BASELINE);
      for (long c : o.complaints()) {
        if ((c - o.start()) / (double) MIN < BASELINE) {
          complaints++;
        }
      }
    }
    double baseline = complaints / exposure;
    for (double t = BASELINE; t <= 150; t += 0.01) {
      if (s.rate().applyAsDouble(t) >= RATIO * baseline) {
        return Math.round(t * 100) / 100.0;
      }
    }
    return Double.NaN;
  }

  private static List<JsonNode> publishedFor(String region) {
    return published.stream().filter(g -> g.get("region").asText().equals(region)).toList();
  }

  private static JsonNode lastRegionWide(String region) {
    return publishedFor(region).stream().filter(g -> g.get("technology").asText().equals("*"))
        .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no estimate published for " + region + "/*"));
  }

  private static void print(Shape s) {
    for (JsonNode g : publishedFor(s.region())) {
      System.out.printf("golden acceptance: %s/%s from %d outages: %.2f [%.2f, %.2f]; true %.2f%n", s.region(),
          g.get("technology").asText(), g.get("outages").asLong(), g.get("goldenWindowMinutes").asDouble(),
          g.get("ciLowMinutes").asDouble(), g.get("ciHighMinutes").asDouble(), trueWindow(s, g.get("outages").asLong()));
    }
  }

  /** Every estimate published for the region (both its scopes, every re-estimation) covers its true window. */
  private static void everyIntervalCovers(Shape s) {
    assertThat(publishedFor(s.region())).allSatisfy(g -> {
      double truth = trueWindow(s, g.get("outages").asLong());
      assertThat(g.get("ciLowMinutes").asDouble()).as(g + " covers " + truth).isLessThanOrEqualTo(truth);
      assertThat(g.get("ciHighMinutes").asDouble()).as(g + " covers " + truth).isGreaterThanOrEqualTo(truth);
    });
  }

  @Test
  void theStepRegionsWindowIsWithin10PercentOf35_andItsIntervalsCoverIt() {
    Shape step = SHAPES.get(0);
    print(step);
    assertThat(trueWindow(step, OUTAGES)).isEqualTo(35.0);
    JsonNode last = lastRegionWide(step.region());
    assertThat(last.get("outages").asLong()).isEqualTo(OUTAGES);
    assertThat(last.get("goldenWindowMinutes").asDouble()).isCloseTo(35.0, within(3.5));
    everyIntervalCovers(step);
  }

  @Test
  void theRiseRegionsWindowIsWithin15PercentOfWhatItsOwnDataGive_andItsIntervalsCoverIt() {
    Shape rise = SHAPES.get(1);
    print(rise);
    double truth = trueWindow(rise, OUTAGES);
    // The data's baseline is within its noise of the contract's 0.0125 (about 185 complaints in the span: 7 %, so
    // 2.8 min on the window), so the window lies within 3 of those of 32.5.
    assertThat(truth).isBetween(24.0, 41.0);
    JsonNode last = lastRegionWide(rise.region());
    assertThat(last.get("outages").asLong()).isEqualTo(OUTAGES);
    assertThat(last.get("goldenWindowMinutes").asDouble()).isCloseTo(truth, within(0.15 * truth));
    everyIntervalCovers(rise);
    // ... and the contract's window of the generating rate itself.
    assertThat(publishedFor(rise.region())).allSatisfy(g -> {
      assertThat(g.get("ciLowMinutes").asDouble()).as(g.toString()).isLessThanOrEqualTo(32.5);
      assertThat(g.get("ciHighMinutes").asDouble()).as(g.toString()).isGreaterThanOrEqualTo(32.5);
    });
  }

  @Test
  void theConstantRegionPublishesNoEstimateAtAll() {
    String flat = SHAPES.get(2).region();
    assertThat(publishedFor(flat)).isEmpty();
    // ... though it was estimated: the analysts' table has its rows, none of them estimated.
    List<String> rows = table.stream().filter(l -> l.startsWith(flat + ",")).toList();
    rows.forEach(l -> System.out.println("golden acceptance: " + l));
    assertThat(rows).isNotEmpty().noneMatch(l -> l.contains(",estimated,"));
  }
}
