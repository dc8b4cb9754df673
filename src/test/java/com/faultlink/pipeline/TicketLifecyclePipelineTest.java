package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.input.CustomerKeyHasher;
import com.faultlink.io.input.SubscriberMask;
import com.faultlink.model.PeriodKind;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ticket lifecycle through the whole pipeline on a MiniCluster, in Europe/Berlin across the end of summer time
 * (2026-10-25, a 25-hour day) and a month's end, with its lines out of order within the out-of-orderness (statuses
 * ahead of their tickets among them), duplicates, a status stated before its ticket, one for a ticket never created,
 * reopens and cancellations. Every ticket figure of {@code metrics} and {@code ticket-metrics}, every {@code
 * open-tickets} record and every {@code TICKETS_OVERDUE} alert is compared with what this test derives from the
 * tickets it generated, by the contract's rules, with no Flink and no FaultLink code but the subscriber mask (local
 * periods from {@code java.time} alone).
 */
class TicketLifecyclePipelineTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  static Path tmp;

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final long HOUR = 3_600_000L;
  private static final String[] REGIONS = {"Berlin", "Hamburg"};
  private static final String[] SEVERITIES = {"critical", "major", "minor", null};
  private static final String[] TIERS = {"urgent", "important", "normal", "normal"};
  private static final long[] TIER_HOURS = {2, 24, 72, 72};
  private static final int ALERT_AT = 3;
  private static final String SECRET = "ticket-pipeline-test";
  private static final String SUBSCRIBER = "13995000001";

  private record Ticket(String id, String region, String tier, long created, long deadline, List<long[]> ends,
      List<Object[]> statuses) {
    TicketOracle.Ticket rules() {
      return new TicketOracle.Ticket(id, region, tier, created, deadline, ends);
    }
  }

  /** A line and its domain time; {@code order} is where it is placed. */
  private record Line(long time, double order, String text) {}

  private static long sec(long ms) {
    return ms / 1000 * 1000;
  }

  private static long local(String t) {
    return LocalDateTime.parse(t).atZone(ZONE).toInstant().toEpochMilli();
  }

  private static String iso(long ms) {
    return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(ms), ZONE).toString();
  }

  // ------------------------------------------------------------------------------------------ inputs

  private static final List<Ticket> TICKETS = new ArrayList<>();
  private static final List<Line> LINES = new ArrayList<>();
  private static long horizon;

  private static synchronized void generate() {
    if (!TICKETS.isEmpty()) {
      return;
    }
    Random r = new Random(24);
    long from = local("2026-10-19T00:00");
    long span = local("2026-11-03T00:00") - from;
    int event = 0;
    for (int k = 1; k <= 260; k++) {
      int sev = r.nextInt(4);
      long created = from + (long) (r.nextDouble() * span) / 1000 * 1000;
      String id = k == 7 ? "TT-" + SUBSCRIBER : "TT-" + k;
      String region = REGIONS[r.nextInt(2)];
      long deadline = created + TIER_HOURS[sev] * HOUR;
      List<Object[]> statuses = new ArrayList<>();
      double u = r.nextDouble();
      long dur = TIER_HOURS[sev] * HOUR;
      if (u < 0.1) {
        statuses.add(new Object[] {sec(created + (long) (r.nextDouble() * 2 * dur)), "cancelled", false});
      } else if (u < 0.85) {
        long at = sec(created + 60_000 + (long) (r.nextDouble() * 1.4 * dur));
        statuses.add(new Object[] {at, r.nextBoolean() ? "resolved" : "closed", r.nextBoolean()});
        if (r.nextDouble() < 0.2) { // a reopen and a second resolution: counted, not applied
          statuses.add(new Object[] {at + HOUR, "inProgress", false});
          statuses.add(new Object[] {at + 2 * HOUR, "resolved", false});
        }
        if (r.nextDouble() < 0.1) { // cancelled after the resolution: not applied
          statuses.add(new Object[] {at + 3 * HOUR, "cancelled", false});
        }
      } // else: never resolved (overdue until the end)
      if (r.nextDouble() < 0.5) {
        statuses.add(new Object[] {sec(created + 20_000 + r.nextInt(40_000)), "acknowledged", false});
      }
      List<long[]> ends = new ArrayList<>();
      for (Object[] s : statuses) {
        String st = (String) s[1];
        if (st.equals("resolved") || st.equals("closed")) {
          ends.add(new long[] {(long) s[0], 1});
        } else if (st.equals("cancelled")) {
          ends.add(new long[] {(long) s[0], 0});
        }
      }
      Ticket t = new Ticket(id, region, TIERS[sev], created, deadline, ends, statuses);
      TICKETS.add(t);
      String sevField = SEVERITIES[sev] == null ? "" : ",\"severity\":\"" + SEVERITIES[sev] + "\"";
      String create = "{\"eventId\":\"ev-c-" + k + "\",\"eventType\":\"TroubleTicketCreateEvent\",\"eventTime\":\""
          + iso(created) + "\",\"event\":{\"troubleTicket\":{\"id\":\"" + id + "\",\"ticketType\":\"complaint\","
          + "\"creationDate\":\"" + iso(created) + "\"" + sevField + ",\"relatedParty\":[{\"role\":\"customer\","
          + "\"id\":\"1399500" + String.format("%04d", k) + "\"}],\"relatedEntity\":[{\"role\":\"region\",\"id\":\""
          + region + "\",\"@referredType\":\"GeographicArea\"}]}}}";
      LINES.add(new Line(created, created, create));
      for (Object[] s : statuses) {
        long at = (long) s[0];
        String text = statusLine("ev-s-" + (++event), id, (String) s[1], at, (boolean) s[2]);
        // an acknowledgement within a minute of its ticket is placed ahead of the ticket's line half of the time
        double order = at - created < 60_000 && r.nextBoolean() ? created - 1 : at;
        LINES.add(new Line(at, order, text));
        if (event % 40 == 0) {
          LINES.add(new Line(at, order + 30_000, text)); // the same event twice
        }
      }
    }
    long mid = local("2026-10-27T12:00");
    // stated before its ticket's creation: rejected to the dead letters (the first ticket's creation minus 10 s)
    Ticket first = TICKETS.get(0);
    LINES.add(new Line(first.created() - 10_000, first.created() + 1,
        statusLine("ev-s-before", first.id(), "resolved", first.created() - 10_000, false)));
    LINES.add(new Line(mid, mid, statusLine("ev-s-unknown", "TT-never", "resolved", mid, false)));
    // disorder within the out-of-orderness: a tenth of the lines up to 3 minutes late
    List<Line> placed = new ArrayList<>();
    for (Line l : LINES) {
      placed.add(r.nextDouble() < 0.1 ? new Line(l.time(), l.order() + r.nextInt(180_000), l.text()) : l);
    }
    placed.sort(Comparator.comparingDouble(Line::order));
    LINES.clear();
    LINES.addAll(placed);
    horizon = Long.MIN_VALUE;
    for (Line l : LINES) {
      if (!l.text().contains("ev-s-before")) {
        horizon = Math.max(horizon, l.time());
      }
    }
  }

  private static String statusLine(String eventId, String ticket, String status, long at, boolean resolvedEvent) {
    if (resolvedEvent && status.equals("resolved")) {
      return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"TroubleTicketResolvedEvent\",\"eventTime\":\""
          + iso(at) + "\",\"event\":{\"troubleTicket\":{\"id\":\"" + ticket + "\",\"resolutionDate\":\"" + iso(at)
          + "\"}}}";
    }
    return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"TroubleTicketStatusChangeEvent\",\"eventTime\":\""
        + iso(at) + "\",\"event\":{\"troubleTicket\":{\"id\":\"" + ticket + "\",\"status\":\"" + status
        + "\",\"statusChangeDate\":\"" + iso(at) + "\"}}}";
  }

  private static long[] end(Ticket t) {
    return t.rules().end();
  }

  private static boolean overdueAtAll(Ticket t) {
    return t.rules().overdueAtAll(horizon);
  }

  // ------------------------------------------------------------------------------------------ the test

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void everyTicketFigureWorklistRecordAndOverdueAlertIsWhatTheContractsRulesGive(int parallelism) throws Exception {
    generate();
    Path in = Files.createDirectories(tmp.resolve("in-" + parallelism));
    Files.writeString(in.resolve("alarms.jsonl"), "");
    StringBuilder text = new StringBuilder();
    LINES.forEach(l -> text.append(l.text()).append('\n'));
    Files.writeString(in.resolve("complaints.jsonl"), text);
    Files.writeString(in.resolve("cells.csv"), "cell_id,site_id,region,technology,lat,lon\n"
        + "DE-B-1-1,DE-B-1,Berlin,4G,52.52,13.40\nDE-H-1-1,DE-H-1,Hamburg,4G,53.55,9.99\n");
    Files.writeString(in.resolve("regions.csv"), "region,subscribers\nBerlin,3000000\nHamburg,1800000\n");
    Path out = tmp.resolve("out-" + parallelism);
    String yaml = String.join("\n",
        "timezone: Europe/Berlin",
        "parallelism: " + parallelism,
        "sources:",
        "  alarms: {file: '" + in.resolve("alarms.jsonl") + "'}",
        "  complaints: {file: '" + in.resolve("complaints.jsonl") + "'}",
        "reference:",
        "  cells: '" + in.resolve("cells.csv") + "'",
        "  regions: '" + in.resolve("regions.csv") + "'",
        "sinks:",
        "  dir: '" + out + "'",
        "outOfOrderness: PT5M",
        "tickets: {lifecycle: true, overdueAlertCount: " + ALERT_AT + "}",
        "privacy: {customerKeySecret: " + SECRET + "}",
        "");
    FaultLinkConfig config = ConfigLoader.parse(yaml, Map.of());
    Map<String, Long> counters = FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(OutputStream.nullOutputStream()));

    assertThat(counters.get("ticketStatusesForUnknownTickets")).isEqualTo(1L);
    List<JsonNode> dead = OutputFiles.records(out, "dead-letters");
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).get("raw").asText()).contains("ev-s-before");
    assertThat(dead.get(0).get("reason").asText()).contains("before its ticket's creationDate");

    // metrics (all tiers) and ticket-metrics (per tier)
    Map<String, long[]> expected =
        TicketOracle.figures(TICKETS.stream().map(Ticket::rules).toList(), horizon, ZONE);
    List<JsonNode> metrics = OutputFiles.records(out, "metrics");
    assertThat(metrics).isNotEmpty();
    Set<String> kindsSeen = new HashSet<>();
    for (JsonNode m : metrics) {
      String key = TicketOracle.key(m);
      kindsSeen.add(m.get("period").asText() + m.get("periodStart").asText());
      TicketOracle.assertFigures(key, m, expected.getOrDefault(key, new long[5]));
    }
    assertThat(kindsSeen).as("the DST day and both months are reported")
        .contains("day2026-10-25", "month2026-10-01", "month2026-11-01", "week2026-10-19", "week2026-10-26");
    List<JsonNode> perTier = OutputFiles.records(out, "ticket-metrics");
    assertThat(perTier).hasSize(metrics.size() * 3);
    for (JsonNode m : perTier) {
      String key = TicketOracle.key(m);
      TicketOracle.assertFigures(key, m, expected.getOrDefault(key, new long[5]));
    }

    // the worklist
    SubscriberMask mask = SubscriberMask.withDefaultPattern(new CustomerKeyHasher(SECRET));
    Set<String> expectedWorklist = new HashSet<>();
    for (Ticket t : TICKETS) {
      long[] e = end(t);
      long near = t.created() + (long) Math.floor((t.deadline() - t.created()) * 0.75);
      boolean onList = false;
      if (near <= horizon && (e == null || e[0] > near)) {
        expectedWorklist.add(mask.mask(t.id()) + " nearDeadline " + iso(near));
        onList = true;
      }
      if (overdueAtAll(t)) {
        expectedWorklist.add(mask.mask(t.id()) + " overdue " + iso(t.deadline()));
        onList = true;
      }
      if (onList && e != null && e[0] <= horizon) {
        expectedWorklist.add(mask.mask(t.id()) + (e[1] == 1 ? " resolved " : " cancelled ") + iso(e[0]));
      }
    }
    Set<String> worklist = new HashSet<>();
    for (JsonNode w : OutputFiles.records(out, "open-tickets")) {
      worklist.add(w.get("ticketId").asText() + " " + w.get("status").asText() + " "
          + OffsetDateTime.parse(w.get("at").asText()).toString());
      assertThat(w.get("incidentId").isNull()).isTrue();
    }
    assertThat(worklist).containsExactlyInAnyOrderElementsOf(expectedWorklist);
    assertThat(String.join("\n", OutputFiles.lines(out, "open-tickets"))).doesNotContain(SUBSCRIBER);

    // TICKETS_OVERDUE: the overdue count per region and tier, in event-time order
    Map<String, TreeMap<Long, Integer>> changes = new TreeMap<>();
    for (Ticket t : TICKETS) {
      if (overdueAtAll(t)) {
        TreeMap<Long, Integer> c = changes.computeIfAbsent(t.region() + "/" + t.tier(), k -> new TreeMap<>());
        c.merge(t.deadline(), 1, Integer::sum);
        long[] e = end(t);
        if (e != null) {
          c.merge(e[0], -1, Integer::sum);
        }
      }
    }
    Set<String> expectedAlerts = new HashSet<>();
    changes.forEach((scope, c) -> {
      long n = 0;
      String firing = null;
      for (Map.Entry<Long, Integer> step : c.entrySet()) {
        n += step.getValue();
        if (firing == null && n >= ALERT_AT) {
          firing = "TICKETS_OVERDUE/" + scope + "/" + iso(step.getKey());
          expectedAlerts.add(firing + " firing " + n);
        } else if (firing != null && n < ALERT_AT) {
          expectedAlerts.add(firing + " resolved " + n);
          firing = null;
        }
      }
    });
    Set<String> alerts = new HashSet<>();
    for (JsonNode a : OutputFiles.records(out, "alerts")) {
      if (a.get("type").asText().equals("TICKETS_OVERDUE")) {
        String id = a.get("alertId").asText();
        int cut = id.lastIndexOf('/');
        alerts.add(id.substring(0, cut + 1) + OffsetDateTime.parse(id.substring(cut + 1)) + " "
            + a.get("status").asText() + " " + a.get("overdue").asLong());
        assertThat(a.get("severity").asText()).isEqualTo("major");
      }
    }
    assertThat(expectedAlerts).as("the data reach the alert's count").isNotEmpty();
    assertThat(alerts).containsExactlyInAnyOrderElementsOf(expectedAlerts);
  }
}
