package com.faultlink.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.tools.generator.GeneratorOptions;
import com.faultlink.tools.generator.SampleSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUBSCRIBER = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern CELL_ID = Pattern.compile("NX-(YC|SZS|WZ|GY|ZW)-\\d{4}-[1-6]");
  private static final Set<String> CLEAR_TYPES = Set.of("AlarmClearedEvent", "AlarmStateChangeEvent");
  private static final String[] FILES = {"regions.csv", "cells.csv", "works.jsonl", "alarms.jsonl", "complaints.jsonl"};
  private static final List<String> SMALL = List.of("--days", "7", "--sites-per-city", "24", "--outages-per-day", "14",
      "--background-complaints-per-day", "150", "--alarm-noise-per-day", "30", "--seed", "11");

  @TempDir static Path tmp;
  private static Path dirty;
  private static Path dirtyAgain;
  private static Path clean;
  private static SampleSet.Summary dirtySummary;
  private static Map<String, String[]> cells; // cell id -> row

  @BeforeAll
  static void generate() throws IOException {
    dirty = tmp.resolve("dirty");
    dirtyAgain = tmp.resolve("dirty-again");
    clean = tmp.resolve("clean");
    dirtySummary = SampleDataGenerator.generate(options(dirty));
    SampleDataGenerator.generate(options(dirtyAgain));
    SampleDataGenerator.generate(options(clean, "--clean"));
    cells = new HashMap<>();
    for (String line : Files.readAllLines(clean.resolve("cells.csv")).subList(1, Files.readAllLines(clean.resolve("cells.csv")).size())) {
      String[] r = line.split(",", -1);
      cells.put(r[0], r);
    }
  }

  private static GeneratorOptions options(Path out, String... extra) {
    List<String> args = new ArrayList<>(SMALL);
    args.addAll(List.of("--out", out.toString()));
    args.addAll(List.of(extra));
    return GeneratorOptions.parse(args.toArray(String[]::new));
  }

  @Test
  void sameArgumentsAndSeedGiveByteIdenticalFiles() throws IOException {
    for (String f : FILES) {
      assertThat(Files.readAllBytes(dirtyAgain.resolve(f))).as(f).isEqualTo(Files.readAllBytes(dirty.resolve(f)));
    }
    Path other = tmp.resolve("other-seed");
    List<String> args = new ArrayList<>(SMALL.subList(0, SMALL.size() - 1));
    args.addAll(List.of("12", "--out", other.toString()));
    SampleDataGenerator.generate(GeneratorOptions.parse(args.toArray(String[]::new)));
    assertThat(Files.readAllBytes(other.resolve("alarms.jsonl"))).isNotEqualTo(Files.readAllBytes(dirty.resolve("alarms.jsonl")));
  }

  @Test
  void cleanFilesHoldOnlyContractLinesInTimeOrderWithEventTimeEqualToDomainTime() throws IOException {
    for (String file : List.of("alarms.jsonl", "complaints.jsonl")) {
      List<String> lines = Files.readAllLines(clean.resolve(file));
      assertThat(lines).as(file).hasSizeGreaterThan(500);
      Set<String> ids = new HashSet<>();
      long previous = Long.MIN_VALUE;
      for (String line : lines) {
        JsonNode e = JSON.readTree(line);
        assertThat(problem(file, e)).as(line).isNull();
        assertThat(ids.add(e.get("eventId").asText())).as("duplicate " + line).isTrue();
        long t = time(e.get("eventTime"));
        assertThat(t).as("in time order: " + line).isGreaterThanOrEqualTo(previous);
        previous = t;
      }
    }
  }

  @Test
  void dirtyFilesAddOnlyDuplicatesLateLinesAFewDamagedLinesAndTwoOrphanClears() throws IOException {
    for (String file : List.of("alarms.jsonl", "complaints.jsonl")) {
      List<byte[]> raw = rawLines(dirty.resolve(file));
      List<String> cleanLines = Files.readAllLines(clean.resolve(file));
      int damaged = 0;
      int binary = 0;
      int duplicates = 0;
      int outOfOrder = 0;
      long newest = Long.MIN_VALUE / 2;
      Set<String> valid = new HashSet<>();
      Set<String> eventIds = new HashSet<>();
      for (byte[] bytes : raw) {
        String line;
        try {
          line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
          binary++;
          damaged++;
          continue;
        }
        JsonNode e;
        try {
          e = JSON.readTree(line);
        } catch (IOException notJson) {
          damaged++;
          continue;
        }
        if (problem(file, e) != null) {
          damaged++;
          continue;
        }
        if (!eventIds.add(e.get("eventId").asText())) {
          duplicates++;
          continue;
        }
        long t = time(e.get("eventTime"));
        assertThat(t).as("at most 2 minutes late: " + line).isGreaterThanOrEqualTo(newest - 120);
        if (t < newest) {
          outOfOrder++;
        }
        // a ticket status may be placed up to a minute ahead of its ticket's creation: it does not move "newest"
        if (!e.get("eventType").asText().startsWith("TroubleTicketStatus")
            && !e.get("eventType").asText().equals("TroubleTicketResolvedEvent")) {
          newest = Math.max(newest, t);
        }
        valid.add(line);
      }
      assertThat(damaged).as(file + " damaged").isBetween(4, 6);
      assertThat(binary).as(file + " binary").isEqualTo(1);
      assertThat(duplicates).as(file + " duplicates").isPositive();
      assertThat(valid).as(file).containsAll(cleanLines);
      Set<String> extra = new HashSet<>(valid);
      cleanLines.forEach(extra::remove);
      if (file.equals("alarms.jsonl")) {
        assertThat(extra).hasSize(2).allMatch(l -> l.contains("\"eventId\":\"ev-a-orphan-"));
      } else {
        assertThat(extra).isEmpty();
        assertThat(outOfOrder).as("late complaint lines").isPositive();
      }
    }
    assertThat(dirtySummary.alarms().damaged()).isEqualTo(5);
    assertThat(dirtySummary.complaints().damaged()).isEqualTo(5);
  }

  @Test
  void everyOutageRaiseIsClearedLaterWithTheSameObjectExceptAFewLeftOpen() throws IOException {
    List<JsonNode> alarms = events(clean.resolve("alarms.jsonl"));
    Map<String, JsonNode> open = new HashMap<>();
    Map<String, Set<String>> systemsById = new HashMap<>();
    Map<String, Integer> clearTypes = new HashMap<>();
    int outageRaises = 0;
    for (JsonNode e : alarms) {
      JsonNode a = e.at("/event/alarm");
      String key = a.get("sourceSystemId").asText() + "/" + a.get("id").asText();
      systemsById.computeIfAbsent(a.get("id").asText(), k -> new HashSet<>()).add(a.get("sourceSystemId").asText());
      String type = e.get("eventType").asText();
      if (type.equals("AlarmCreateEvent")) {
        assertThat(open.put(key, e)).as("alarm id reused while open: " + key).isNull();
        if (isOutage(a)) {
          outageRaises++;
        }
      } else if (CLEAR_TYPES.contains(type)) {
        JsonNode raise = open.remove(key);
        assertThat(raise).as("clear without raise: " + e).isNotNull();
        JsonNode r = raise.at("/event/alarm");
        assertThat(a.get("alarmedObject")).isEqualTo(r.get("alarmedObject"));
        assertThat(time(a.get("alarmClearedTime"))).isGreaterThan(time(r.get("alarmRaisedTime")));
        if (isOutage(r)) {
          clearTypes.merge(type, 1, Integer::sum);
        }
      }
    }
    long stillOpen = open.values().stream().filter(e -> isOutage(e.at("/event/alarm"))).count();
    assertThat(outageRaises).isGreaterThan(80);
    assertThat(stillOpen).isBetween(1L, Math.max(3L, outageRaises / 20L));
    // both clear shapes, about half each
    assertThat(clearTypes.get("AlarmClearedEvent")).isGreaterThan(outageRaises / 4);
    assertThat(clearTypes.get("AlarmStateChangeEvent")).isGreaterThan(outageRaises / 4);
    // ids are unique per source system only
    assertThat(systemsById.values().stream().filter(s -> s.size() > 1).count()).isGreaterThan(10);
  }

  @Test
  void outagesFlapAreLongTailedAndPlannedOnesComeAtNight() throws IOException {
    List<long[]> outages = new ArrayList<>(); // [start, end] per raise/clear pair
    Map<String, List<long[]>> byCell = new HashMap<>();
    Map<String, JsonNode> open = new HashMap<>();
    int outOfService = 0;
    for (JsonNode e : events(clean.resolve("alarms.jsonl"))) {
      JsonNode a = e.at("/event/alarm");
      String key = a.get("sourceSystemId").asText() + "/" + a.get("id").asText();
      if (e.get("eventType").asText().equals("AlarmCreateEvent") && isOutage(a)) {
        open.put(key, a);
        if ("OUT_OF_SERVICE".equals(a.path("plannedOutageIndicator").asText())) {
          outOfService++;
          int hour = OffsetDateTime.parse(a.get("alarmRaisedTime").asText()).getHour();
          assertThat(hour).as("planned outage at night").isBetween(1, 4);
        }
      } else if (CLEAR_TYPES.contains(e.get("eventType").asText()) && open.containsKey(key)) {
        JsonNode r = open.remove(key);
        long[] pair = {time(r.get("alarmRaisedTime")), time(a.get("alarmClearedTime"))};
        outages.add(pair);
        byCell.computeIfAbsent(r.at("/alarmedObject/id").asText(), k -> new ArrayList<>()).add(pair);
      }
    }
    assertThat(outOfService).isPositive();
    long flaps = byCell.values().stream()
        .flatMap(list -> {
          list.sort((x, y) -> Long.compare(x[0], y[0]));
          List<Long> gaps = new ArrayList<>();
          for (int i = 1; i < list.size(); i++) {
            gaps.add(list.get(i)[0] - list.get(i - 1)[1]);
          }
          return gaps.stream();
        })
        .filter(gap -> gap >= 60 && gap <= 240)
        .count();
    assertThat(flaps).as("re-raises 1-4 minutes after a clear").isPositive();
    long[] minutes = outages.stream().mapToLong(p -> (p[1] - p[0]) / 60).sorted().toArray();
    long shortOnes = Arrays.stream(minutes).filter(m -> m >= 5 && m <= 30).count();
    long hours = Arrays.stream(minutes).filter(m -> m >= 120).count();
    assertThat(shortOnes).as("many 5-30 minutes").isGreaterThan(minutes.length / 3);
    assertThat(hours).as("some last hours").isPositive().isLessThan(minutes.length / 4);
  }

  @Test
  void subscriberIdsAreElevenDigitMobileNumbersAndSomeCustomersComplainAgain() throws IOException {
    Map<String, Integer> perCustomer = new HashMap<>();
    for (JsonNode e : events(dirty.resolve("complaints.jsonl"))) {
      for (JsonNode party : e.at("/event/troubleTicket/relatedParty")) {
        String id = party.get("id").asText();
        assertThat(id).matches(SUBSCRIBER);
        perCustomer.merge(id, 1, Integer::sum);
      }
    }
    long repeat = perCustomer.values().stream().filter(n -> n >= 2).count();
    assertThat(repeat).isGreaterThan(perCustomer.size() / 50).isLessThan(perCustomer.size() / 3);
  }

  @Test
  void complaintsNameCellsAndRegionsAsTheContractAllows() throws IOException {
    int cellAndRegion = 0;
    int regionOnly = 0;
    int unknownCell = 0;
    for (JsonNode e : events(clean.resolve("complaints.jsonl"))) {
      String cell = null;
      String region = null;
      for (JsonNode ent : e.at("/event/troubleTicket/relatedEntity")) {
        if (ent.get("role").asText().equals("servingCell")) {
          cell = ent.get("id").asText();
        } else {
          region = ent.get("id").asText();
        }
      }
      if (cell != null && cells.containsKey(cell)) {
        if (region != null) {
          cellAndRegion++;
          assertThat(region).isEqualTo(cells.get(cell)[2]);
        }
      } else if (cell != null) {
        unknownCell++;
        assertThat(region).as("an unknown cell comes with its region").isNotNull();
      } else {
        regionOnly++;
      }
    }
    assertThat(cellAndRegion).isGreaterThan(5 * (regionOnly + unknownCell));
    assertThat(regionOnly).isPositive();
    assertThat(unknownCell).isPositive();
  }

  @Test
  void faultComplaintsClusterOnOutageCellsAfterTheGoldenWindow() throws IOException {
    Map<String, List<Long>> complaintsBySite = new HashMap<>();
    long onKnownCells = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (JsonNode e : events(clean.resolve("complaints.jsonl"))) {
      long t = time(e.get("eventTime"));
      first = Math.min(first, t);
      last = Math.max(last, t);
      for (JsonNode ent : e.at("/event/troubleTicket/relatedEntity")) {
        String id = ent.get("id").asText();
        if (ent.get("role").asText().equals("servingCell") && cells.containsKey(id)) {
          complaintsBySite.computeIfAbsent(cells.get(id)[1], k -> new ArrayList<>()).add(t);
          onKnownCells++;
        }
      }
    }
    // unplanned outages of at least 90 minutes
    Map<String, JsonNode> open = new HashMap<>();
    long early = 0;
    long late = 0;
    long lateMinutes = 0;
    int outages = 0;
    for (JsonNode e : events(clean.resolve("alarms.jsonl"))) {
      JsonNode a = e.at("/event/alarm");
      String key = a.get("sourceSystemId").asText() + "/" + a.get("id").asText();
      if (e.get("eventType").asText().equals("AlarmCreateEvent") && isOutage(a) && !a.has("plannedOutageIndicator")) {
        open.put(key, a);
      } else if (CLEAR_TYPES.contains(e.get("eventType").asText()) && open.containsKey(key)) {
        JsonNode r = open.remove(key);
        long s = time(r.get("alarmRaisedTime"));
        long end = time(a.get("alarmClearedTime"));
        if (end - s < 90 * 60) {
          continue;
        }
        outages++;
        String site = cells.get(r.at("/alarmedObject/id").asText())[1];
        long lateEnd = Math.min(end, s + 180 * 60);
        for (long t : complaintsBySite.getOrDefault(site, List.of())) {
          if (t >= s && t < s + 15 * 60) {
            early++;
          } else if (t >= s + 75 * 60 && t < lateEnd) {
            late++;
          }
        }
        lateMinutes += (lateEnd - s) / 60 - 75;
      }
    }
    assertThat(outages).isGreaterThan(5);
    double earlyRate = early / (15.0 * outages);
    double lateRate = late / (double) lateMinutes;
    double backgroundPerSiteMinute = onKnownCells / ((double) complaintsBySite.size() * (last - first) / 60.0);
    assertThat(lateRate).as("after the golden window the outage site draws complaints").isGreaterThan(10 * backgroundPerSiteMinute);
    assertThat(lateRate).as("few complaints in the first 15 minutes").isGreaterThan(4 * earlyRate);
  }

  @Test
  void referenceTablesAndWorksFollowTheContract() throws IOException {
    List<String> regions = Files.readAllLines(clean.resolve("regions.csv"));
    assertThat(regions.get(0)).isEqualTo("region,subscribers");
    Map<String, Long> subscribers = regions.subList(1, regions.size()).stream()
        .map(l -> l.split(","))
        .collect(Collectors.toMap(r -> r[0], r -> Long.parseLong(r[1])));
    assertThat(subscribers.keySet()).containsExactlyInAnyOrder("Yinchuan", "Shizuishan", "Wuzhong", "Guyuan", "Zhongwei");
    assertThat(subscribers.get("Yinchuan")).isGreaterThan(2_000_000);
    assertThat(subscribers.values()).allMatch(n -> n >= 600_000 && n <= 3_000_000);

    assertThat(Files.readAllLines(clean.resolve("cells.csv")).get(0)).isEqualTo("cell_id,site_id,region,technology,lat,lon");
    Map<String, double[]> sites = new HashMap<>();
    Map<String, Integer> cellsPerSite = new HashMap<>();
    for (String[] r : cells.values()) {
      assertThat(r[0]).matches(CELL_ID).startsWith(r[1] + "-");
      assertThat(r[3]).isIn("2G", "3G", "4G", "5G", "WLAN");
      assertThat(subscribers).containsKey(r[2]);
      sites.put(r[1], new double[] {Double.parseDouble(r[4]), Double.parseDouble(r[5])});
      cellsPerSite.merge(r[1], 1, Integer::sum);
    }
    assertThat(cellsPerSite.values()).allMatch(n -> n >= 1 && n <= 6);
    int near = 0;
    int far = 0;
    for (Map.Entry<String, double[]> s : sites.entrySet()) {
      double nearest = sites.entrySet().stream().filter(o -> !o.getKey().equals(s.getKey()))
          .mapToDouble(o -> km(s.getValue(), o.getValue())).min().orElseThrow();
      if (nearest < 2.0) {
        near++;
      } else {
        far++;
      }
    }
    assertThat(near).isPositive();
    assertThat(far).isPositive();

    List<String> works = Files.readAllLines(clean.resolve("works.jsonl"));
    assertThat(works).isNotEmpty();
    for (String line : works) {
      JsonNode w = JSON.readTree(line);
      OffsetDateTime start = OffsetDateTime.parse(w.get("start").asText());
      assertThat(w.get("id").asText()).startsWith("W-");
      assertThat(OffsetDateTime.parse(w.get("end").asText())).isAfter(start);
      assertThat(start.getHour()).isBetween(1, 2);
      assertThat(w.get("announced").isBoolean()).isTrue();
      assertThat(w.get("cells").size() + w.get("regions").size()).isPositive();
      w.get("cells").forEach(c -> assertThat(cells).containsKey(c.asText()));
    }
  }

  @Test
  void provinceMonthSetsBenchmarkSizesThatExplicitFlagsOverride() {
    GeneratorOptions o = GeneratorOptions.parse("--out", "x", "--province-month");
    assertThat(o.days()).isEqualTo(30);
    assertThat(o.alarmNoisePerDay()).isGreaterThan(100_000);
    assertThat(GeneratorOptions.parse("--days", "3", "--province-month", "--out", "x").days()).isEqualTo(3);
    assertThat(GeneratorOptions.parse("--out", "x").startsOnMonday()).isTrue();
  }

  // ---------------------------------------------------------------- helpers

  /** Why a line breaks the contract (as this generator writes it), or null where it is a good event. */
  private static String problem(String file, JsonNode e) {
    if (!e.isObject() || !e.path("eventId").isTextual() || e.get("eventId").asText().isEmpty()
        || !e.path("eventType").isTextual() || !isTime(e.get("eventTime"))) {
      return "envelope";
    }
    long eventTime = time(e.get("eventTime"));
    String type = e.get("eventType").asText();
    if (file.equals("alarms.jsonl")) {
      JsonNode a = e.at("/event/alarm");
      if (!a.path("id").isTextual() || !a.path("sourceSystemId").isTextual()
          || !a.at("/alarmedObject/id").isTextual() || !a.at("/alarmedObject/@referredType").isTextual()) {
        return "alarm identity";
      }
      switch (type) {
        case "AlarmCreateEvent":
          return isTime(a.get("alarmRaisedTime")) && time(a.get("alarmRaisedTime")) == eventTime
                  && a.path("probableCause").isTextual() && a.path("state").asText().equals("raised")
              ? null : "raise";
        case "AlarmClearedEvent":
        case "AlarmStateChangeEvent":
          return isTime(a.get("alarmClearedTime")) && time(a.get("alarmClearedTime")) == eventTime
                  && a.path("state").asText().equals("cleared") && a.path("perceivedSeverity").asText().equals("cleared")
                  && isTime(a.get("alarmRaisedTime"))
              ? null : "clear";
        case "AlarmAttributeValueChangeEvent":
          return isTime(a.get("alarmChangedTime")) && time(a.get("alarmChangedTime")) == eventTime ? null : "change";
        default:
          return "type " + type;
      }
    }
    JsonNode t = e.at("/event/troubleTicket");
    if (type.equals("TroubleTicketStatusChangeEvent") || type.equals("TroubleTicketResolvedEvent")) {
      String timeField = type.equals("TroubleTicketResolvedEvent") ? "resolutionDate" : "statusChangeDate";
      return t.path("id").isTextual() && t.path("status").isTextual() && isTime(t.get(timeField))
          && time(t.get(timeField)) == eventTime ? null : "ticket status";
    }
    if (!type.equals("TroubleTicketCreateEvent") || !t.path("id").isTextual()
        || !t.path("ticketType").asText().equals("complaint") || !isTime(t.get("creationDate"))
        || time(t.get("creationDate")) != eventTime || !t.at("/channel/name").isTextual()) {
      return "ticket";
    }
    if (t.has("category") && !Set.of("voice", "data", "messaging", "other").contains(t.get("category").asText())) {
      return "category";
    }
    JsonNode party = t.path("relatedParty");
    if (party.size() != 1 || !party.get(0).path("role").asText().equals("customer")) {
      return "customer";
    }
    int located = 0;
    for (JsonNode ent : t.path("relatedEntity")) {
      String role = ent.path("role").asText();
      String referred = ent.path("@referredType").asText();
      if ((role.equals("servingCell") && referred.equals("Cell")) || (role.equals("region") && referred.equals("GeographicArea"))) {
        located++;
      } else {
        return "entity";
      }
    }
    return located > 0 ? null : "no location";
  }

  private boolean isOutage(JsonNode alarm) {
    return alarm.path("probableCause").asText().equals("cellOutage")
        && alarm.at("/alarmedObject/@referredType").asText().equals("Cell")
        && cells.containsKey(alarm.at("/alarmedObject/id").asText());
  }

  private static boolean isTime(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return false;
    }
    try {
      OffsetDateTime.parse(n.asText());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static long time(JsonNode n) {
    OffsetDateTime t = OffsetDateTime.parse(n.asText());
    assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    return t.toEpochSecond();
  }

  private static List<JsonNode> events(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (byte[] raw : rawLines(file)) {
      JsonNode e;
      try {
        e = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
      } catch (IOException damaged) {
        continue;
      }
      if (problem(file.getFileName().toString(), e) == null && !isTicketStatus(e)
          && ids.add(e.get("eventId").asText())) {
        out.add(e);
      }
    }
    return out;
  }

  /** A ticket lifecycle line (not a complaint): {@link #events} leaves them out. */
  private static boolean isTicketStatus(JsonNode e) {
    String type = e.path("eventType").asText();
    return type.equals("TroubleTicketStatusChangeEvent") || type.equals("TroubleTicketResolvedEvent");
  }

  private static List<byte[]> rawLines(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        lines.add(Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    assertThat(start).as("file ends with a newline").isEqualTo(all.length);
    return lines;
  }

  private static double km(double[] a, double[] b) {
    double p1 = Math.toRadians(a[0]);
    double p2 = Math.toRadians(b[0]);
    double dl = Math.toRadians(b[1] - a[1]);
    double h = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
    return 2 * 6371.0 * Math.asin(Math.sqrt(h));
  }
}
