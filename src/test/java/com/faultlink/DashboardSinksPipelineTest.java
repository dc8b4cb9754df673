package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.JdbcConfig;
import com.faultlink.io.output.alertmanager.AlertReceiver;
import com.faultlink.io.output.jdbc.TestPostgres;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample data, with its planned works, run on a MiniCluster (parallelism 2) into a real PostgreSQL server and a
 * real HTTP Alertmanager stand-in on loopback, twice into the same database and receiver (the second run plays a job
 * that restarts and writes its records again): the tables hold exactly the file outputs, once, and the receiver
 * holds each alert once under its {@code alertId}.
 */
class DashboardSinksPipelineTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static TestPostgres pg;
  private static AlertReceiver receiver;

  @BeforeAll
  static void startServers() throws Exception {
    pg = TestPostgres.start();
    pg.createTables();
    pg.createTables(); // the DDL may be run again (upgrades)
    receiver = new AlertReceiver().start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (receiver != null) {
      receiver.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  private static Path run(String name) throws Exception {
    Path out = tmp.resolve(name);
    FaultLinkConfig base = ConfigLoader.load(Path.of("config/faultlink.yaml")).withSinksDir(out.toString())
        .withParallelism(2);
    FaultLinkConfig config = base.withSinks(base.sinks()
        .withAlertmanager(ConfigLoader.parse(String.join("\n", "timezone: UTC", "sources:",
                "  alarms: {file: sample-data/alarms.jsonl}", "  complaints: {file: sample-data/complaints.jsonl}",
                "reference: {cells: sample-data/cells.csv, regions: sample-data/regions.csv}",
                "sinks: {dir: " + out + ", alertmanager: {url: '" + receiver.url() + "'}}"), Map.of())
            .sinks().alertmanager().with(receiver.url(), Duration.ofMinutes(1), Duration.ofMillis(100),
                Duration.ofSeconds(10)))
        .withJdbc(new JdbcConfig(pg.url(), TestPostgres.DB_USER, null, 200, Duration.ofMillis(200), 3)));
    FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));
    return out;
  }

  @Test
  void tablesAndAlertmanagerHoldExactlyTheFileOutputsOnceEvenAfterARestart() throws Exception {
    Path first = run("first");
    Map<String, Integer> rowsAfterFirst = rowCounts();
    Path second = run("second"); // the same records written again, as after a restart from a checkpoint
    assertThat(rowCounts()).as("no duplicate rows after writing everything again").isEqualTo(rowsAfterFirst);
    assertThat(lines(second, "metrics")).containsExactlyInAnyOrderElementsOf(lines(first, "metrics"));

    // metrics: every row, every figure
    Set<String> fileMetrics = new TreeSet<>();
    for (JsonNode m : records(first, "metrics")) {
      fileMetrics.add(String.join("|", m.get("region").asText(), m.get("period").asText(),
          m.get("periodStart").asText(), m.get("outages").asText(), m.get("plannedOutages").asText(),
          num(m.get("outageHours")), m.get("complaints").asText(), m.get("plannedComplaints").asText(),
          num(m.get("complaintsPer10k")), num(m.get("repeatComplaintRatePct")), num(m.get("faultComplaintsChangePct"))));
    }
    assertThat(query("SELECT region, period, period_start, outages, planned_outages, outage_hours, complaints, "
        + "planned_complaints, complaints_per_10k, repeat_complaint_rate_pct, fault_complaints_change_pct FROM metrics"))
        .isEqualTo(fileMetrics);
    // the later figures: breakdowns, acknowledgements, tickets and targets, as in the file record
    Set<String> fileLaterFigures = new TreeSet<>();
    boolean ticketFigures = false;
    boolean targetsChecked = false;
    for (JsonNode m : records(first, "metrics")) {
      List<String> cols = new ArrayList<>(List.of(m.get("region").asText(), m.get("period").asText(),
          m.get("periodStart").asText(), m.get("periodEnd").asText(), num(m.get("restoredInWindowPct")),
          num(m.get("complaintsChangePct")), canonical(m.get("complaintsByChannel")),
          canonical(m.get("complaintsBySeverity")), canonical(m.get("complaintsByTechnology")),
          num(m.get("escalatedComplaints")), num(m.get("outagesAcknowledged")), num(m.get("ackMeanMinutes")),
          num(m.get("ackP90Minutes"))));
      for (String f : List.of("ticketsDue", "ticketsResolvedOnTime", "onTimeRatePct", "ticketsResolved",
          "meanResolutionHours", "ticketsOverdueOpen")) {
        cols.add(num(m.get(f)));
        ticketFigures |= !m.get(f).isNull();
      }
      cols.add(canonical(m.get("targets")));
      targetsChecked |= m.get("targets").size() > 0;
      fileLaterFigures.add(String.join("|", cols));
    }
    assertThat(ticketFigures).as("the sample config computes ticket figures").isTrue();
    assertThat(targetsChecked).as("the sample config sets targets").isTrue();
    Set<String> tableLaterFigures = new TreeSet<>();
    for (String row : query("SELECT region, period, period_start, period_end, restored_in_window_pct, "
        + "complaints_change_pct, complaints_by_channel, complaints_by_severity, complaints_by_technology, "
        + "escalated_complaints, outages_acknowledged, ack_mean_minutes, ack_p90_minutes, tickets_due, "
        + "tickets_resolved_on_time, on_time_rate_pct, tickets_resolved, mean_resolution_hours, tickets_overdue_open, "
        + "targets FROM metrics")) {
      List<String> cols = new ArrayList<>();
      for (String c : row.split("\\|", -1)) {
        cols.add(c.startsWith("{") ? canonical(JSON.readTree(c)) : c);
      }
      tableLaterFigures.add(String.join("|", cols));
    }
    assertThat(tableLaterFigures).isEqualTo(fileLaterFigures);

    Set<String> fileImpacts = new TreeSet<>();
    for (JsonNode i : records(first, "outage-impacts")) {
      fileImpacts.add(String.join("|", i.get("outageId").asText(), instant(i.get("start")), instant(i.get("end")),
          num(i.get("durationMinutes")), i.get("complaints").asText(), num(i.get("firstComplaintLagMinutes")),
          i.get("planned").asText(), i.get("workId").asText("null")));
    }
    assertThat(query("SELECT outage_id, start_at, end_at, duration_minutes, complaints, first_complaint_lag_minutes, "
        + "planned, work_id FROM outage_impacts")).isEqualTo(fileImpacts);

    Set<String> fileWorks = new TreeSet<>();
    for (JsonNode w : records(first, "work-impacts")) {
      fileWorks.add(String.join("|", w.get("workId").asText(), instant(w.get("start")), w.get("outages").asText(),
          w.get("complaints").asText(), num(w.get("overrunMinutes"))));
    }
    assertThat(fileWorks).as("the sample's works").hasSizeGreaterThan(10);
    assertThat(query("SELECT work_id, start_at, outages, complaints, overrun_minutes FROM work_impacts"))
        .isEqualTo(fileWorks);

    Set<String> fileStatus = new TreeSet<>();
    Map<String, JsonNode> latest = new TreeMap<>();
    for (JsonNode s : records(first, "outage-status")) {
      fileStatus.add(String.join("|", s.get("outageId").asText(), s.get("status").asText(), instant(s.get("at")),
          num(s.get("goldenWindowMinutes"))));
      JsonNode before = latest.get(s.get("outageId").asText());
      if (before == null || laterStatus(s, before)) {
        latest.put(s.get("outageId").asText(), s);
      }
    }
    assertThat(fileStatus).as("every status carries its outage's golden window").noneMatch(r -> r.endsWith("|null"));
    assertThat(query("SELECT outage_id, status, at, golden_window_minutes FROM outage_status")).isEqualTo(fileStatus);
    Set<String> fileOpen = new TreeSet<>();
    latest.values().forEach(s -> fileOpen.add(String.join("|", s.get("outageId").asText(), s.get("status").asText(),
        num(s.get("goldenWindowMinutes")))));
    assertThat(query("SELECT outage_id, status, golden_window_minutes FROM open_outages")).isEqualTo(fileOpen);
    assertThat(query("SELECT outage_id FROM open_outages WHERE status <> 'closed'")).as("open at the end of the sample")
        .isNotEmpty();

    // open_tickets: the latest worklist state of each ticket (by event time, then near < overdue < gone)
    Map<String, JsonNode> latestTicket = new TreeMap<>();
    for (JsonNode t : records(first, "open-tickets")) {
      JsonNode before = latestTicket.get(t.get("ticketId").asText());
      int byTime = before == null ? 1 : instant(t.get("at")).compareTo(instant(before.get("at")));
      if (byTime > 0 || (byTime == 0 && ticketRank(t) > ticketRank(before))) {
        latestTicket.put(t.get("ticketId").asText(), t);
      }
    }
    Set<String> fileTickets = new TreeSet<>();
    latestTicket.values().forEach(t -> fileTickets.add(String.join("|", t.get("ticketId").asText(),
        t.get("status").asText(), instant(t.get("at")), t.get("tier").asText(), instant(t.get("deadline")),
        t.get("outageId").asText("null"))));
    assertThat(fileTickets).as("the sample's worklist").hasSizeGreaterThan(100);
    assertThat(query("SELECT ticket_id, status, at, tier, deadline, outage_id FROM open_tickets"))
        .isEqualTo(fileTickets);

    Map<String, String[]> fileAlerts = new TreeMap<>();
    for (JsonNode a : records(first, "alerts")) {
      String[] firedResolved = fileAlerts.computeIfAbsent(a.get("alertId").asText(), k -> new String[] {"null", "null"});
      firedResolved["resolved".equals(a.get("status").asText()) ? 1 : 0] = instant(a.get("at"));
    }
    Set<String> fileAlertRows = new TreeSet<>();
    fileAlerts.forEach((id, fr) -> fileAlertRows.add(String.join("|", id, fr[1].equals("null") ? "firing" : "resolved",
        fr[0], fr[1])));
    assertThat(fileAlerts).as("the sample's alerts").isNotEmpty();
    assertThat(query("SELECT alert_id, status, fired_at, resolved_at FROM alerts")).isEqualTo(fileAlertRows);

    // Alertmanager: each alert once under its alertId (two runs, re-sent records deduplicated by labels)
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (receiver.alertsById().size() < fileAlerts.size() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(receiver.alertsById().keySet()).isEqualTo(fileAlerts.keySet());
    assertThat(receiver.alertsByLabels()).as("one alert per alertId").hasSameSizeAs(fileAlerts);
    assertThat(fileAlerts.values()).as("both kinds in the sample").anyMatch(fr -> fr[1].equals("null"))
        .anyMatch(fr -> !fr[1].equals("null"));
    fileAlerts.forEach((id, fr) -> {
      AlertReceiver.Arrival got = receiver.latestById().get(id);
      assertThat(got.alert().get("startsAt").asText()).as(id).isEqualTo(fr[0]);
      // every POST has an endsAt: ahead of its arrival while firing, not after it once resolved
      boolean resolved = !fr[1].equals("null");
      assertThat(got.resolved()).as("%s resolved", id).isEqualTo(resolved);
      if (resolved) {
        // the resolution's own instant (the sample lies in the past), never before the alert's start
        Instant ends = Instant.parse(fr[1]).isBefore(Instant.parse(fr[0])) ? Instant.parse(fr[0])
            : Instant.parse(fr[1]);
        assertThat(Instant.ofEpochMilli(got.endsAtMillis())).as("%s endsAt", id).isEqualTo(ends);
      }
    });
  }

  @Test
  void everyQueryOfTheGrafanaDashboardRunsOnTheTables() throws Exception {
    JsonNode dashboard = JSON.readTree(Path.of("jobs/grafana/faultlink-dashboard.json").toFile());
    List<String> queries = new ArrayList<>();
    dashboard.findValues("rawSql").forEach(q -> queries.add(q.asText()));
    dashboard.path("templating").path("list").forEach(v -> queries.add(v.path("query").asText()));
    assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
    try (Connection c = pg.connect(); Statement st = c.createStatement()) {
      for (String q : queries) {
        String sql = q.replaceAll("\\$__timeFilter\\([^)]*\\)", "TRUE").replace("$region", "'All'");
        st.executeQuery(sql).close();
      }
    }
  }

  private static boolean laterStatus(JsonNode a, JsonNode b) {
    int byTime = instant(a.get("at")).compareTo(instant(b.get("at")));
    return byTime > 0 || (byTime == 0 && rank(a) > rank(b));
  }

  private static int rank(JsonNode s) {
    return switch (s.get("status").asText()) {
      case "open" -> 0;
      case "closed" -> 1;
      default -> 2;
    };
  }

  private static int ticketRank(JsonNode t) {
    return switch (t.get("status").asText()) {
      case "nearDeadline" -> 0;
      case "overdue" -> 1;
      default -> 2;
    };
  }

  private static Map<String, Integer> rowCounts() throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (String t : List.of("metrics", "outage_impacts", "work_impacts", "outage_status", "open_outages", "alerts",
        "open_tickets")) {
      counts.put(t, query("SELECT * FROM " + t).size());
    }
    return counts;
  }

  /** Rows as {@code a|b|c}: timestamps as UTC instants, numbers without trailing zeros, null as {@code null}. */
  private static Set<String> query(String sql) throws Exception {
    Set<String> rows = new TreeSet<>();
    int n = 0;
    try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        n++;
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          if (v == null) {
            cols.add("null");
          } else if (md.getColumnType(i) == java.sql.Types.TIMESTAMP) {
            cols.add(rs.getObject(i, OffsetDateTime.class).toInstant().toString());
          } else if (v instanceof Number) {
            cols.add(new java.math.BigDecimal(v.toString()).stripTrailingZeros().toPlainString());
          } else {
            cols.add(v.toString());
          }
        }
        rows.add(String.join("|", cols));
      }
    }
    assertThat(rows).as("rows of %s are distinct", sql).hasSize(n);
    return rows;
  }

  private static String num(JsonNode v) {
    return v == null || v.isNull() ? "null" : v.decimalValue().stripTrailingZeros().toPlainString();
  }

  /** A JSON value with its object keys sorted and its numbers plain: jsonb keeps neither the order nor the text. */
  private static String canonical(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isObject()) {
      List<String> fields = new ArrayList<>();
      TreeSet<String> names = new TreeSet<>();
      v.fieldNames().forEachRemaining(names::add);
      names.forEach(f -> fields.add(f + ":" + canonical(v.get(f))));
      return "{" + String.join(",", fields) + "}";
    }
    return v.isNumber() ? num(v) : v.asText();
  }

  private static String instant(JsonNode v) {
    return v == null || v.isNull() ? "null" : OffsetDateTime.parse(v.asText()).toInstant().toString();
  }

  private static List<String> lines(Path out, String stream) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve(stream))) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    return lines;
  }

  private static List<JsonNode> records(Path out, String stream) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : lines(out, stream)) {
      records.add(JSON.readTree(line));
    }
    return records;
  }
}
