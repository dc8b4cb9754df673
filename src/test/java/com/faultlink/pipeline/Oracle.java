package com.faultlink.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contract's rules, re-implemented the plain way over the raw input files, to check the pipeline against:
 * no state, no watermarks, no production class but {@link Timestamps#parse} for reading times. Every complaint is
 * compared with every outage; every metric is counted from scratch per region and period.
 *
 * <p>Records come out as maps from the contract's field names to canonical values: texts, {@link BigDecimal}s
 * without trailing zeros, null, and timestamps as {@link #instant} (the instant and the zone's offset), so that
 * they compare with what {@link OutputFiles#canonical} makes of the pipeline's JSON.
 */
final class Oracle {
  static final String ALL = "*";
  static final String[] PERIODS = {"day", "week", "month"};

  static final List<String> ATTRIBUTION_FIELDS =
      List.of("complaintId", "outageId", "region", "cellId", "matchLevel", "lagMinutes");
  static final List<String> IMPACT_FIELDS = List.of("outageId", "cellId", "region", "technology", "start", "end",
      "endReason", "durationMinutes", "complaints", "firstComplaintLagMinutes");
  static final List<String> METRIC_FIELDS = List.of("region", "period", "periodStart", "outages", "outageHours",
      "complaints", "faultComplaints", "complaintsPer10k", "voicePer10k", "dataPer10k", "messagingPer10k",
      "otherPer10k", "complainants", "repeatComplainants", "repeatComplaintRatePct", "outagesChangePct",
      "outageHoursChangePct", "faultComplaintsChangePct");

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final List<String> CATEGORIES = List.of("voice", "data", "messaging", "other");
  private static final String[] LEVELS = {"cell", "site", "neighbor"};

  /** The config values the rules depend on. */
  record Settings(ZoneId zone, Duration mergeGap, Duration tail, double neighborRadiusKm, Set<String> outageCauses,
      Duration maxOpen) {
    Settings(ZoneId zone, Duration mergeGap, Duration tail, double neighborRadiusKm, Set<String> outageCauses) {
      this(zone, mergeGap, tail, neighborRadiusKm, outageCauses, Duration.ofDays(30));
    }
  }

  /** A rejected line: the input it came from and the line itself. */
  record DeadLine(String source, String raw) {}

  /** Everything the oracle expects of one run. */
  static final class Result {
    final Map<String, Map<String, Object>> attributions = new TreeMap<>();
    final Map<String, Map<String, Object>> outageImpacts = new TreeMap<>();
    /** Keyed {@code region|period|periodStart}. */
    final Map<String, Map<String, Object>> metrics = new TreeMap<>();
    final List<DeadLine> deadLetters = new ArrayList<>();
    long duplicateEvents;
    long nonOutageAlarms;
    long duplicateTickets;
    long skippedEventTypes;
    /** How many outages were made of more than one alarm, and how many are open at the end. */
    int mergedOutages;
    int openOutages;
  }

  private record CellRow(String cellId, String siteId, String region, String technology, double lat, double lon) {}

  private record AlarmNote(boolean raise, String key, String objectId, String cause, long time, boolean ack) {
    AlarmNote(boolean raise, String key, String objectId, String cause, long time) {
      this(raise, key, objectId, cause, time, false);
    }
  }

  private record ComplaintNote(String ticketId, long time, String category, String cellId, String region,
      String customer) {}

  private record Interval(String key, long start, Long end) {}

  private static final class OutageRec {
    String outageId;
    CellRow cell;
    long start;
    Long end; // null: open
    boolean stale;
    int alarms;
    long complaints;
    BigDecimal firstLag;
  }

  /** Thrown for a line the contract rejects. */
  private static final class Reject extends RuntimeException {
    Reject(String why) {
      super(why, null, false, false);
    }
  }

  private Oracle() {}

  /** A raise with an outage cause on a known cell; a clear whose cause and object, where it says them, agree. */
  private static boolean mayMakeOutage(AlarmNote a, Map<String, CellRow> cells, Settings s) {
    if (a.raise()) {
      return s.outageCauses().contains(a.cause()) && cells.containsKey(a.objectId());
    }
    boolean causeOk = a.cause() == null || s.outageCauses().contains(a.cause());
    boolean objectOk = a.objectId() == null || cells.containsKey(a.objectId());
    return causeOk && objectOk;
  }

  static Result compute(Path alarmsFile, Path complaintsFile, Path cellsCsv, Path regionsCsv, Settings s)
      throws IOException {
    Map<String, CellRow> cells = readCells(cellsCsv);
    Map<String, Long> subscribers = readRegions(regionsCsv);
    Result r = new Result();

    // --- Parse; reject; skip ignored event types; drop repeated eventIds, then repeated ticket ids.
    List<AlarmNote> alarms = new ArrayList<>();
    Set<String> alarmEventIds = new HashSet<>();
    long newest = Long.MIN_VALUE;
    long oldest = Long.MAX_VALUE;
    for (String line : lines(alarmsFile)) {
      try {
        ObjectNode root = object(line);
        String eventId = envelope(root);
        AlarmNote a = alarm(root);
        if (a == null) {
          r.skippedEventTypes++;
          continue;
        }
        if (a.ack()) {
          // An acknowledgement: accepted (one event per eventId), it moves the input horizon and nothing here.
          if (!alarmEventIds.add(eventId)) {
            r.duplicateEvents++;
            continue;
          }
          newest = Math.max(newest, a.time());
          oldest = Math.min(oldest, a.time());
          continue;
        }
        // One event per eventId whatever each copy says; then noise is counted and dropped.
        if (!alarmEventIds.add(eventId)) {
          r.duplicateEvents++;
          continue;
        }
        if (!mayMakeOutage(a, cells, s)) {
          r.nonOutageAlarms++;
          newest = Math.max(newest, a.time()); // the input horizon is every event's
          oldest = Math.min(oldest, a.time());
          continue;
        }
        alarms.add(a);
        newest = Math.max(newest, a.time());
        oldest = Math.min(oldest, a.time());
      } catch (Reject e) {
        r.deadLetters.add(new DeadLine("alarms", line));
      }
    }
    List<ComplaintNote> complaints = new ArrayList<>();
    Set<String> complaintEventIds = new HashSet<>();
    Set<String> ticketIds = new HashSet<>();
    for (String line : lines(complaintsFile)) {
      try {
        ObjectNode root = object(line);
        String eventId = envelope(root);
        ComplaintNote c = complaint(root, cells);
        if (c == null) {
          r.skippedEventTypes++;
          continue;
        }
        if (!complaintEventIds.add(eventId)) {
          r.duplicateEvents++;
          continue;
        }
        newest = Math.max(newest, c.time());
        oldest = Math.min(oldest, c.time());
        if (!ticketIds.add(c.ticketId())) {
          r.duplicateTickets++;
          continue;
        }
        complaints.add(c);
      } catch (Reject e) {
        r.deadLetters.add(new DeadLine("complaints", line));
      }
    }
    long endOfInput = newest;

    // --- Outages: pair raise and clear per sourceSystemId/alarm.id; merge per cell with the merge gap.
    Map<String, AlarmNote> raises = new LinkedHashMap<>();
    Map<String, AlarmNote> clears = new HashMap<>();
    for (AlarmNote a : alarms) {
      if (a.raise()) {
        raises.putIfAbsent(a.key(), a);
      } else {
        clears.putIfAbsent(a.key(), a);
      }
    }
    Map<String, List<Interval>> perCell = new TreeMap<>();
    for (AlarmNote raise : raises.values()) {
      AlarmNote clear = clears.get(raise.key());
      Long end = clear == null ? null : Math.max(clear.time(), raise.time());
      perCell.computeIfAbsent(raise.objectId(), k -> new ArrayList<>())
          .add(new Interval(raise.key(), raise.time(), end));
    }
    long gap = s.mergeGap().toMillis();
    List<OutageRec> outages = new ArrayList<>();
    for (Map.Entry<String, List<Interval>> e : perCell.entrySet()) {
      List<Interval> intervals = e.getValue();
      intervals.sort((x, y) -> x.start() != y.start() ? Long.compare(x.start(), y.start()) : x.key().compareTo(y.key()));
      OutageRec current = null;
      for (Interval iv : intervals) {
        // An outage is never continued at or past its stale instant (start + maxOpen): a raise then is a new one.
        boolean continues = current != null && iv.start() < current.start + s.maxOpen().toMillis()
            && (current.end == null || iv.start() <= current.end + gap);
        if (continues) {
          current.alarms++;
          current.end = current.end == null || iv.end() == null ? null : Math.max(current.end, iv.end());
        } else {
          current = new OutageRec();
          current.outageId = iv.key();
          current.cell = cells.get(e.getKey());
          current.start = iv.start();
          current.end = iv.end();
          current.alarms = 1;
          outages.add(current);
        }
      }
    }

    // --- Stale: still open maxOpen after its start, where the input reached that instant, it ends there.
    for (OutageRec o : outages) {
      long staleAt = o.start + s.maxOpen().toMillis();
      if ((o.end == null || o.end > staleAt) && staleAt <= endOfInput) {
        o.end = staleAt;
        o.stale = true;
      }
    }

    // --- Attribution: every complaint against every outage.
    long tail = s.tail().toMillis();
    Map<ComplaintNote, OutageRec> causeOf = new HashMap<>();
    for (ComplaintNote c : complaints) {
      CellRow cell = c.cellId() == null ? null : cells.get(c.cellId());
      OutageRec best = null;
      int bestLevel = Integer.MAX_VALUE;
      if (cell != null) {
        for (OutageRec o : outages) {
          int level = level(cell, o.cell, s.neighborRadiusKm());
          boolean covers = o.start <= c.time() && (o.end == null || c.time() <= o.end + tail);
          if (level < 0 || !covers) {
            continue;
          }
          boolean better = best == null || level < bestLevel
              || (level == bestLevel && (o.start > best.start
                  || (o.start == best.start && o.outageId.compareTo(best.outageId) < 0)));
          if (better) {
            best = o;
            bestLevel = level;
          }
        }
      }
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("complaintId", c.ticketId());
      a.put("outageId", best == null ? null : best.outageId);
      a.put("region", c.region());
      a.put("cellId", c.cellId());
      a.put("matchLevel", best == null ? "none" : LEVELS[bestLevel]);
      BigDecimal lag = best == null ? null : minutes(c.time() - best.start);
      a.put("lagMinutes", canon(lag));
      r.attributions.put(c.ticketId(), a);
      if (best != null) {
        causeOf.put(c, best);
        best.complaints++;
        if (best.firstLag == null || lag.compareTo(best.firstLag) < 0) {
          best.firstLag = lag;
        }
      }
    }

    // --- Outage impacts.
    for (OutageRec o : outages) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("outageId", o.outageId);
      i.put("cellId", o.cell.cellId());
      i.put("region", o.cell.region());
      i.put("technology", o.cell.technology());
      i.put("start", instant(o.start, s.zone()));
      i.put("end", o.end == null ? null : instant(o.end, s.zone()));
      i.put("endReason", o.end == null ? null : o.stale ? "stale" : "cleared");
      i.put("durationMinutes", canon(minutes((o.end == null ? endOfInput : o.end) - o.start)));
      i.put("complaints", canon(BigDecimal.valueOf(o.complaints)));
      i.put("firstComplaintLagMinutes", canon(o.firstLag));
      r.outageImpacts.put(o.outageId, i);
      if (o.alarms > 1) {
        r.mergedOutages++;
      }
      if (o.end == null) {
        r.openOutages++;
      }
    }

    // --- Metrics: every region of the table and '*', every period from the first event's to the last's.
    List<String> scopes = new ArrayList<>(subscribers.keySet());
    scopes.add(ALL);
    long allSubscribers = subscribers.values().stream().mapToLong(Long::longValue).sum();
    for (String kind : PERIODS) {
      LocalDate first = periodStart(kind, oldest, s.zone());
      LocalDate last = periodStart(kind, newest, s.zone());
      for (String scope : scopes) {
        long subs = scope.equals(ALL) ? allSubscribers : subscribers.get(scope);
        long prevOutages = 0;
        long prevMillis = 0;
        long prevFault = 0;
        boolean hasPrevious = false;
        for (LocalDate p = first; !p.isAfter(last); p = next(kind, p)) {
          long from = p.atStartOfDay(s.zone()).toInstant().toEpochMilli();
          long to = next(kind, p).atStartOfDay(s.zone()).toInstant().toEpochMilli();
          long nOutages = 0;
          long millis = 0;
          for (OutageRec o : outages) {
            if (!scope.equals(ALL) && !scope.equals(o.cell.region())) {
              continue;
            }
            if (o.start >= from && o.start < to) {
              nOutages++;
            }
            long until = o.end == null ? endOfInput : o.end;
            millis += Math.max(0, Math.min(until, to) - Math.max(o.start, from));
          }
          long nComplaints = 0;
          long fault = 0;
          Map<String, Long> perCategory = new HashMap<>();
          Map<String, Integer> perCustomer = new HashMap<>();
          for (ComplaintNote c : complaints) {
            if ((!scope.equals(ALL) && !scope.equals(c.region())) || c.time() < from || c.time() >= to) {
              continue;
            }
            nComplaints++;
            if (causeOf.containsKey(c)) {
              fault++;
            }
            perCategory.merge(c.category(), 1L, Long::sum);
            if (c.customer() != null) {
              perCustomer.merge(c.customer(), 1, Integer::sum);
            }
          }
          long complainants = perCustomer.size();
          long repeat = perCustomer.values().stream().filter(n -> n >= 2).count();

          Map<String, Object> m = new LinkedHashMap<>();
          m.put("region", scope);
          m.put("period", kind);
          m.put("periodStart", p.toString());
          m.put("outages", canon(BigDecimal.valueOf(nOutages)));
          m.put("outageHours", canon(divide(BigDecimal.valueOf(millis), BigDecimal.valueOf(3_600_000L))));
          m.put("complaints", canon(BigDecimal.valueOf(nComplaints)));
          m.put("faultComplaints", canon(BigDecimal.valueOf(fault)));
          m.put("complaintsPer10k", canon(per10k(nComplaints, subs)));
          for (String category : CATEGORIES) {
            m.put(category + "Per10k", canon(per10k(perCategory.getOrDefault(category, 0L), subs)));
          }
          m.put("complainants", canon(BigDecimal.valueOf(complainants)));
          m.put("repeatComplainants", canon(BigDecimal.valueOf(repeat)));
          m.put("repeatComplaintRatePct", complainants == 0 ? null
              : canon(divide(BigDecimal.valueOf(repeat).multiply(HUNDRED), BigDecimal.valueOf(complainants))));
          m.put("outagesChangePct", hasPrevious ? change(prevOutages, nOutages) : null);
          m.put("outageHoursChangePct", hasPrevious ? change(prevMillis, millis) : null);
          m.put("faultComplaintsChangePct", hasPrevious ? change(prevFault, fault) : null);
          r.metrics.put(scope + "|" + kind + "|" + p, m);
          prevOutages = nOutages;
          prevMillis = millis;
          prevFault = fault;
          hasPrevious = true;
        }
      }
    }
    return r;
  }

  // ------------------------------------------------------------------------------------------------ rules

  /** 0 same cell, 1 same site, 2 another site within the radius, -1 none of these. */
  private static int level(CellRow complaintCell, CellRow outageCell, double radiusKm) {
    if (complaintCell.cellId().equals(outageCell.cellId())) {
      return 0;
    }
    if (complaintCell.siteId().equals(outageCell.siteId())) {
      return 1;
    }
    double km = haversineKm(complaintCell.lat(), complaintCell.lon(), outageCell.lat(), outageCell.lon());
    return km <= radiusKm ? 2 : -1;
  }

  /** Great-circle distance on a sphere of the Earth's mean radius. */
  static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
  }

  private static LocalDate periodStart(String kind, long epochMillis, ZoneId zone) {
    LocalDate d = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    return switch (kind) {
      case "day" -> d;
      case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> d.withDayOfMonth(1);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static LocalDate next(String kind, LocalDate p) {
    return switch (kind) {
      case "day" -> p.plusDays(1);
      case "week" -> p.plusWeeks(1);
      case "month" -> p.plusMonths(1);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** Half up to 2 decimals, exactly. */
  private static BigDecimal divide(BigDecimal a, BigDecimal b) {
    return a.divide(b, 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal minutes(long millis) {
    return divide(BigDecimal.valueOf(millis), BigDecimal.valueOf(60_000L));
  }

  private static BigDecimal per10k(long count, long subscribers) {
    return divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(10_000L)), BigDecimal.valueOf(subscribers));
  }

  /** (current − previous) / previous × 100 from exact values; null where previous is 0. */
  private static Object change(long previous, long current) {
    if (previous == 0) {
      return null;
    }
    return canon(divide(BigDecimal.valueOf(current - previous).multiply(HUNDRED), BigDecimal.valueOf(previous)));
  }

  // ------------------------------------------------------------------------------------------------ values

  /** A number as compared: without trailing zeros (so 12.50 = 12.5, 3.0 = 3). */
  static Object canon(BigDecimal v) {
    return v == null ? null : (v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros());
  }

  /** A timestamp as compared: the instant, and the offset the zone has then. */
  static String instant(long epochMillis, ZoneId zone) {
    Instant i = Instant.ofEpochMilli(epochMillis);
    return i + " at " + zone.getRules().getOffset(i);
  }

  // ------------------------------------------------------------------------------------------------ parsing

  /** The file's lines as a text reader sees them: UTF-8 with invalid bytes replaced, split at \n, \r\n or \r. */
  static List<String> lines(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r') {
        out.add(text.substring(start, i));
        i += ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static ObjectNode object(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new Reject("not JSON");
    }
    if (n == null || !n.isObject()) {
      throw new Reject("not an object");
    }
    return (ObjectNode) n;
  }

  /** Checks eventId, eventType and eventTime; returns the eventId. */
  private static String envelope(ObjectNode root) {
    String id = text(root, "eventId", true);
    text(root, "eventType", false);
    time(root, "eventTime");
    return id;
  }

  /** A raise or a clear; null for an event type the contract ignores. */
  private static AlarmNote alarm(ObjectNode root) {
    String type = root.get("eventType").textValue();
    boolean raise = type.equals("AlarmCreateEvent");
    boolean clear = type.equals("AlarmClearedEvent");
    if (type.equals("AlarmStateChangeEvent")) {
      JsonNode state = child(root, "event", "alarm") == null ? null : child(root, "event", "alarm").get("state");
      clear = state != null && state.isTextual() && state.textValue().equals("cleared");
    }
    if (type.equals("AlarmAttributeValueChangeEvent")) {
      JsonNode alarm = child(root, "event", "alarm");
      JsonNode ack = alarm == null ? null : alarm.get("ackState");
      if (ack != null && ack.isTextual() && ack.textValue().equalsIgnoreCase("acknowledged")) {
        return new AlarmNote(false, text(alarm, "sourceSystemId", true) + "/" + text(alarm, "id", true), null, null,
            time(alarm, "alarmChangedTime"), true);
      }
    }
    if (!raise && !clear) {
      return null;
    }
    JsonNode alarm = child(root, "event", "alarm");
    if (alarm == null) {
      throw new Reject("no event.alarm");
    }
    String key = text(alarm, "sourceSystemId", true) + "/" + text(alarm, "id", true);
    if (raise) {
      String cause = text(alarm, "probableCause", false);
      JsonNode object = alarm.get("alarmedObject");
      if (object == null || !object.isObject()) {
        throw new Reject("no alarmedObject");
      }
      return new AlarmNote(true, key, text(object, "id", true), cause, time(alarm, "alarmRaisedTime"));
    }
    JsonNode object = alarm.get("alarmedObject");
    String objectId = object != null && object.isObject() ? text(object, "id", true) : null;
    JsonNode cause = alarm.get("probableCause");
    return new AlarmNote(false, key, objectId, cause != null && cause.isTextual() ? cause.textValue() : null,
        time(alarm, "alarmClearedTime"));
  }

  /** A complaint located by the cell table; null for an event type the contract does not name. */
  private static ComplaintNote complaint(ObjectNode root, Map<String, CellRow> cells) {
    if (!root.get("eventType").textValue().equals("TroubleTicketCreateEvent")) {
      return null;
    }
    JsonNode tt = child(root, "event", "troubleTicket");
    if (tt == null) {
      throw new Reject("no event.troubleTicket");
    }
    String id = text(tt, "id", true);
    long time = time(tt, "creationDate");
    JsonNode cat = tt.get("category");
    String category = cat != null && cat.isTextual() && CATEGORIES.contains(cat.textValue()) ? cat.textValue() : "other";
    String cellId = null;
    String regionEntity = null;
    JsonNode entities = tt.get("relatedEntity");
    if (entities != null && entities.isArray()) {
      for (JsonNode e : entities) {
        String role = e.path("role").asText("");
        String value = e.path("id").isTextual() && !e.path("id").textValue().isEmpty() ? e.path("id").textValue() : null;
        if (role.equals("servingCell") && value != null) {
          cellId = value;
        } else if (role.equals("region") && value != null) {
          regionEntity = value;
        }
      }
    }
    String region;
    if (cellId != null && cells.containsKey(cellId)) {
      region = cells.get(cellId).region();
    } else if (regionEntity != null) {
      region = regionEntity;
    } else {
      throw new Reject("no location");
    }
    String customer = null;
    JsonNode parties = tt.get("relatedParty");
    if (parties != null && parties.isArray()) {
      for (JsonNode p : parties) {
        if (p.path("role").asText("").equals("customer") && p.path("id").isTextual()) {
          customer = p.path("id").textValue();
          break;
        }
      }
    }
    return new ComplaintNote(id, time, category, cellId, region, customer);
  }

  private static JsonNode child(JsonNode root, String a, String b) {
    JsonNode x = root.get(a);
    if (x == null || !x.isObject()) {
      return null;
    }
    JsonNode y = x.get(b);
    return y != null && y.isObject() ? y : null;
  }

  private static String text(JsonNode parent, String name, boolean nonEmpty) {
    JsonNode v = parent.get(name);
    if (v == null || !v.isTextual() || (nonEmpty && v.textValue().isEmpty())) {
      throw new Reject(name);
    }
    return v.textValue();
  }

  private static long time(JsonNode parent, String name) {
    String s = text(parent, name, true);
    try {
      return Timestamps.parse(s);
    } catch (DateTimeParseException e) {
      throw new Reject(name);
    }
  }

  private static Map<String, CellRow> readCells(Path csv) throws IOException {
    Map<String, CellRow> cells = new HashMap<>();
    List<String> rows = Files.readAllLines(csv);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      cells.put(f[0], new CellRow(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5])));
    }
    return cells;
  }

  private static Map<String, Long> readRegions(Path csv) throws IOException {
    Map<String, Long> regions = new LinkedHashMap<>();
    List<String> rows = Files.readAllLines(csv);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      regions.put(f[0], Long.parseLong(f[1]));
    }
    return regions;
  }
}
