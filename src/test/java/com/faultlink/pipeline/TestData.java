package com.faultlink.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A small, deterministic FaultLink input set for whole-pipeline tests: the same seed gives the same bytes.
 *
 * <p>Network: 15 cells on 8 sites in Yinchuan and Guyuan (Yinchuan's sites 1-2 and 1-4, and Guyuan's 1-2, lie
 * within 2 km of each other; the others are more than 2 km from every other site), and a third region,
 * Shizuishan, with subscribers but no cells. Time: Saturday 2026-08-29, Sunday 08-30 and Tuesday 09-01 in
 * Asia/Shanghai; Monday 08-31 has nothing but the last 20 minutes of one Yinchuan outage, so that regions and days
 * with no data lie between the first and the last, and the data spans an ISO-week and a month boundary.
 *
 * <p>Alarms (~40 outages): random outages from three source systems whose alarm ids are counted per system (so the
 * same {@code alarm.id} occurs in several systems), plus hand-placed cases: an outage across midnight, flapping
 * re-raises within the merge gap (one of them exactly at it, one just over it), two source systems' alarms with the
 * same id overlapping on one cell, a clear whose line comes before its raise's, a clear without object and cause,
 * two outages of one site starting at the same instant, a clear with a millisecond fraction, an outage running from
 * Sunday into the otherwise empty Monday (across a week boundary), one cleared shortly before the input ends, one
 * still open at the end; alarms with other causes, on unknown cells, on a site and on a transmission object, an orphan clear,
 * and event types the contract ignores.
 *
 * <p>Complaints (~400): caused ones around each outage (on its cell, its site's other cells, neighbouring cells,
 * during the outage and up to the tail after), background ones, ones naming only a region, an unknown cell with a
 * region, a known cell with the wrong region, a cell without region; categories including a missing and an unknown
 * one; repeat customers (one of them in both regions); complaints without customer; times with {@code Z} and with
 * milliseconds; boundary cases (at an outage's start, exactly the tail after its end, a second later).
 *
 * <p>Imperfections: duplicated lines (same {@code eventId}), tickets re-sent under a new {@code eventId}, damaged
 * lines of every kind (truncated, JSON array, invalid UTF-8, missing {@code eventTime}, a time as a number, an
 * unparsable date, a missing field, no location, an empty {@code eventId}, a blank line), and lines placed up to
 * 2 minutes of domain time after newer ones.
 */
final class TestData {
  static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
  static final long SEC = 1_000L;
  static final long MIN = 60 * SEC;
  static final long HOUR = 60 * MIN;
  static final long DAY = 24 * HOUR;
  /** Saturday 2026-08-29 00:00 +08:00. */
  static final long SAT = OffsetDateTime.of(2026, 8, 29, 0, 0, 0, 0, OFFSET).toInstant().toEpochMilli();
  static final long SUN = SAT + DAY;
  static final long TUE = SAT + 3 * DAY;
  /** The days that carry events; Monday 08-31 has only the clear of an outage from Sunday. */
  static final long[] DATA_DAYS = {SAT, SUN, TUE};
  /** When the isolated Guyuan cell NX-GY-0003-1 has an outage and no complaint (Saturday 03:00-04:00). */
  static final long QUIET_FROM = SAT + 3 * HOUR;
  static final long QUIET_TO = SAT + 4 * HOUR;
  /** How far a line may be placed after newer ones (domain time), in the base files and in a shuffle. */
  static final long MAX_DISPLACEMENT = 2 * MIN;

  static final String ALARMS = "alarms.jsonl";
  static final String COMPLAINTS = "complaints.jsonl";
  static final String CELLS = "cells.csv";
  static final String REGIONS = "regions.csv";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter LOCAL_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  record Cell(String id, String site, String region, String technology, double lat, double lon) {}

  static final List<Cell> NETWORK = List.of(
      new Cell("NX-YC-0001-1", "NX-YC-0001", "Yinchuan", "4G", 38.4800, 106.2300),
      new Cell("NX-YC-0001-2", "NX-YC-0001", "Yinchuan", "5G", 38.4800, 106.2300),
      new Cell("NX-YC-0001-3", "NX-YC-0001", "Yinchuan", "2G", 38.4800, 106.2300),
      new Cell("NX-YC-0002-1", "NX-YC-0002", "Yinchuan", "4G", 38.4900, 106.2300), // 1.1 km N of site 1
      new Cell("NX-YC-0002-2", "NX-YC-0002", "Yinchuan", "3G", 38.4900, 106.2300),
      new Cell("NX-YC-0003-1", "NX-YC-0003", "Yinchuan", "4G", 38.4800, 106.2550), // 2.2 km E of site 1
      new Cell("NX-YC-0003-2", "NX-YC-0003", "Yinchuan", "WLAN", 38.4800, 106.2550),
      new Cell("NX-YC-0004-1", "NX-YC-0004", "Yinchuan", "4G", 38.4650, 106.2300), // 1.7 km S of site 1
      new Cell("NX-YC-0004-2", "NX-YC-0004", "Yinchuan", "5G", 38.4650, 106.2300),
      new Cell("NX-YC-0005-1", "NX-YC-0005", "Yinchuan", "4G", 38.5500, 106.3000), // ~10 km away
      new Cell("NX-GY-0001-1", "NX-GY-0001", "Guyuan", "4G", 36.0100, 106.2400),
      new Cell("NX-GY-0001-2", "NX-GY-0001", "Guyuan", "2G", 36.0100, 106.2400),
      new Cell("NX-GY-0002-1", "NX-GY-0002", "Guyuan", "4G", 36.0200, 106.2400), // 1.1 km N of GY site 1
      new Cell("NX-GY-0002-2", "NX-GY-0002", "Guyuan", "5G", 36.0200, 106.2400),
      new Cell("NX-GY-0003-1", "NX-GY-0003", "Guyuan", "3G", 36.0100, 106.2700)); // 2.7 km E of GY site 1

  /** Subscribers: Guyuan's 80 000 makes every odd count per 10 000 end in a half (n × 0.125). */
  static final Map<String, Long> SUBSCRIBERS = Map.of("Yinchuan", 2_000_000L, "Guyuan", 80_000L, "Shizuishan", 742_000L);

  /** One input line: its bytes, the domain time it carries, and where the base file puts it. */
  record Line(byte[] bytes, long time, long position, long seq) {}

  /** What the data holds on purpose, for the counters. */
  record Injected(int duplicateEventLines, int duplicateTicketLines, int damagedAlarmLines, int damagedComplaintLines,
      int skippedLines, int noiseLines) {
    int damagedLines() {
      return damagedAlarmLines + damagedComplaintLines;
    }
  }

  private final Random rnd;
  private final List<Line> alarmLines = new ArrayList<>();
  private final List<Line> complaintLines = new ArrayList<>();
  private final Map<String, Integer> alarmCounters = new HashMap<>();
  private final Map<String, List<long[]>> busy = new HashMap<>();
  /** Outage windows [start, end] per cell as generated (end = the last event time for the open one). */
  private final List<Object[]> outageWindows = new ArrayList<>();
  private final List<ObjectNode> goodComplaints = new ArrayList<>();
  private final List<ObjectNode> goodRaises = new ArrayList<>();
  private final Map<String, String> tickets = new HashMap<>();
  private long seq;
  private int eventNo;
  private int ticketNo;
  private int duplicateEventLines;
  /** Noise alarm lines (other causes, unknown cells, other objects), repeated ones included. */
  private final List<Line> noiseLines = new ArrayList<>();
  private int noiseLineCount;
  private int duplicateTicketLines;
  private int damagedAlarms;
  private int damagedComplaints;
  private int skippedLines;

  private TestData(long seed) {
    rnd = new Random(seed);
    generateAlarms();
    generateComplaints();
    addDuplicates();
    addDamagedLines();
    sort(alarmLines);
    sort(complaintLines);
  }

  static TestData generate(long seed) {
    return new TestData(seed);
  }

  Injected injected() {
    return new Injected(duplicateEventLines, duplicateTicketLines, damagedAlarms, damagedComplaints, skippedLines,
        noiseLineCount);
  }

  List<Line> alarmLines() {
    return alarmLines;
  }

  List<Line> complaintLines() {
    return complaintLines;
  }

  /** Writes the four input files into {@code dir}, lines in their base order. */
  void writeTo(Path dir) throws IOException {
    writeReference(dir);
    write(dir.resolve(ALARMS), alarmLines);
    write(dir.resolve(COMPLAINTS), complaintLines);
  }

  /**
   * Writes the same lines, each moved to a random place at most {@link #MAX_DISPLACEMENT} of domain time after its
   * own time: no line comes after a line more than two minutes newer than itself.
   */
  void writeShuffledTo(Path dir, long seed) throws IOException {
    Random shuffle = new Random(seed);
    writeReference(dir);
    write(dir.resolve(ALARMS), reposition(alarmLines, shuffle));
    write(dir.resolve(COMPLAINTS), reposition(complaintLines, shuffle));
  }

  private static List<Line> reposition(List<Line> lines, Random shuffle) {
    List<Line> out = new ArrayList<>(lines.size());
    for (Line l : lines) {
      out.add(new Line(l.bytes(), l.time(), l.time() + shuffle.nextInt((int) MAX_DISPLACEMENT), shuffle.nextLong()));
    }
    sort(out);
    return out;
  }

  private static void sort(List<Line> lines) {
    lines.sort(Comparator.comparingLong(Line::position).thenComparingLong(Line::seq));
  }

  private static void write(Path file, List<Line> lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Line l : lines) {
      out.write(l.bytes());
      out.write('\n');
    }
    Files.write(file, out.toByteArray());
  }

  private static void writeReference(Path dir) throws IOException {
    StringBuilder cells = new StringBuilder("cell_id,site_id,region,technology,lat,lon\n");
    for (Cell c : NETWORK) {
      cells.append(c.id()).append(',').append(c.site()).append(',').append(c.region()).append(',')
          .append(c.technology()).append(',').append(c.lat()).append(',').append(c.lon()).append('\n');
    }
    Files.writeString(dir.resolve(CELLS), cells.toString());
    Files.writeString(dir.resolve(REGIONS), "region,subscribers\nYinchuan,2000000\nGuyuan,80000\nShizuishan,742000\n");
  }

  // ------------------------------------------------------------------------------------------------ alarms

  private static final String HW1 = "OMC-HW-1";
  private static final String HW2 = "OMC-HW-2";
  private static final String ZTE1 = "OMC-ZTE-1";

  private void generateAlarms() {
    String y11 = "NX-YC-0001-1";
    String y12 = "NX-YC-0001-2";
    String y13 = "NX-YC-0001-3";
    String y21 = "NX-YC-0002-1";
    String y31 = "NX-YC-0003-1";
    String y41 = "NX-YC-0004-1";
    String y42 = "NX-YC-0004-2";
    String g11 = "NX-GY-0001-1";
    String g21 = "NX-GY-0002-1";
    String g31 = "NX-GY-0003-1";

    // Across midnight Saturday → Sunday: outage hours split over two days.
    outage(y11, HW1, SAT + hm(23, 20), SAT + DAY + hm(0, 50), 0);
    // Flapping: re-raised 3 minutes after the clear, under a new alarm id.
    flapping(y21, HW1, SAT + hm(10, 0), new long[] {12 * MIN, 3 * MIN, 25 * MIN});
    // Flapping twice.
    flapping(g11, ZTE1, SUN + hm(14, 0), new long[] {5 * MIN, 3 * MIN, 12 * MIN, 4 * MIN, 36 * MIN});
    // Re-raised exactly the merge gap after the clear: still the same outage.
    flapping(y41, HW1, SUN + hm(9, 0), new long[] {10 * MIN, 5 * MIN, 15 * MIN});
    // Re-raised a second more than the merge gap after the clear: a new outage.
    outage(y42, HW1, SUN + hm(11, 0), SUN + hm(11, 10), 0);
    outage(y42, HW1, SUN + hm(11, 15) + SEC, SUN + hm(11, 30), 0);
    // Two source systems, the same alarm.id, overlapping on one cell: one outage from the first raise to the last clear.
    overlappingSystems(y31, TUE + hm(8, 0));
    // A short outage whose clear line comes before its raise's.
    clearBeforeRaise(g21, ZTE1, SAT + hm(15, 0), 90 * SEC);
    // Two cells of one site raised at the same instant: a complaint on the third cell picks the smaller outageId.
    reserve(y12, TUE + hm(9, 0), TUE + hm(12, 0));
    outage(y11, HW1, TUE + hm(10, 0), TUE + hm(10, 40), 0);
    outage(y13, HW1, TUE + hm(10, 0), TUE + hm(10, 50), 0);
    // The isolated Guyuan cell: cleared at 12:00, complaints exactly at the tail and a second after it (below).
    outage(g31, ZTE1, SAT + hm(11, 20), SAT + hm(12, 0), 0);
    // Guyuan's only outage on Tuesday: 60 min 18 s = 1.005 h, which rounds half up to 1.01.
    outage(g11, ZTE1, TUE + hm(13, 0), TUE + hm(14, 0) + 18 * SEC, 0);
    // An outage nobody complains about (no complaint is generated on its cell in QUIET): no first lag.
    outage(g31, ZTE1, QUIET_FROM + 10 * MIN, QUIET_FROM + 16 * MIN, 1);
    outageWindows.remove(outageWindows.size() - 1);
    reserve(g31, QUIET_FROM, QUIET_TO);
    reserve("NX-GY-0001-2", TUE, TUE + DAY);
    reserve("NX-GY-0002-1", TUE, TUE + DAY);
    reserve("NX-GY-0002-2", TUE, TUE + DAY);
    reserve(g31, TUE, TUE + DAY);
    reserve(g11, TUE, TUE + DAY);
    // An outage cleared with a millisecond fraction: duration 25.005 min rounds half up.
    outage(y41, HW2, TUE + hm(15, 0), TUE + hm(15, 25) + 300, 0);
    // Still open at the end of the input.
    String openId = "A-" + nextAlarmId(HW1);
    addAlarm(raise("ev-a-" + (++eventNo), HW1, openId, y12, "Cell", "cellOutage", TUE + hm(20, 0)),
        TUE + hm(20, 0), true);
    reserve(y12, TUE + hm(20, 0), TUE + DAY);
    outageWindows.add(new Object[] {y12, TUE + hm(20, 0), TUE + hm(23, 45)});
    // Across the week boundary into Monday: its hours count on a day (and in a week) with no other data.
    String y51 = "NX-YC-0005-1";
    outage(y51, HW1, SUN + hm(23, 30), SUN + DAY + hm(0, 20), 1);
    outageWindows.remove(outageWindows.size() - 1); // no complaints on Monday: two named ones below
    // Cleared 15 minutes before the input ends: reported at the end though its tail has not passed.
    outage(y51, HW2, TUE + hm(23, 20), TUE + hm(23, 40), 0);

    // Random outages, from 4 minutes to 2.5 hours, apart from every other outage of their cell.
    int placed = 0;
    while (placed < 26) {
      Cell cell = NETWORK.get(rnd.nextInt(NETWORK.size()));
      long day = DATA_DAYS[rnd.nextInt(DATA_DAYS.length)];
      long start = day + 30 * MIN + (long) rnd.nextInt((int) (21 * HOUR / SEC)) * SEC;
      long duration = (long) (4 * MIN * Math.exp(rnd.nextDouble() * Math.log(150.0 / 4)));
      duration = duration / SEC * SEC;
      long end = start + duration;
      if (end > day + hm(23, 15) || !free(cell.id(), start, end)) {
        continue;
      }
      String source = cell.region().equals("Guyuan") ? ZTE1 : (rnd.nextInt(4) == 0 ? HW2 : HW1);
      outage(cell.id(), source, start, end, rnd.nextInt(6) == 0 ? 2 : rnd.nextInt(2));
      placed++;
    }

    // Noise: other causes, unknown cells, a site, a transmission object; counted and ignored.
    noise(HW1, "NX-YC-0002-2", "Cell", "highTemperature", SAT + hm(6, 10), 40 * MIN);
    noise(ZTE1, "NX-GY-0001-2", "Cell", "powerSupplyFailure", SUN + hm(18, 5), 20 * MIN);
    noise(HW2, "NX-YC-0001-1", "Cell", "linkDegraded", TUE + hm(7, 30), 15 * MIN);
    noise("TNMS-FH-1", "TR-YC-0001", "Transmission", "lossOfSignal", SUN + hm(3, 0), 60 * MIN);
    noise(HW1, "NX-YC-0999-1", "Cell", "cellOutage", SAT + hm(13, 0), 30 * MIN);
    noise(ZTE1, "NX-GY-0777-3", "Cell", "cellOutage", TUE + hm(5, 0), 10 * MIN);
    noise(HW1, "NX-YC-0001", "Site", "cellOutage", SUN + hm(16, 40), 25 * MIN);
    // An orphan clear: its raise was before the data.
    addAlarm(clear("ev-a-orphan-1", HW1, "A-998", "NX-YC-0003-2", "cellOutage", SAT - HOUR, SAT + hm(0, 3), true,
        false), SAT + hm(0, 3), true);
    // Acknowledgements of outage alarms: accepted (time to acknowledge), neither skipped nor noise.
    for (int i = 0; i < 3; i++) {
      ObjectNode ack = goodRaises.get(rnd.nextInt(goodRaises.size())).deepCopy();
      long t = Math.min(eventTimeOf(ack) + 2 * MIN, TUE + hm(23, 0));
      ack.put("eventId", "ev-a-ack-" + i).put("eventType", "AlarmAttributeValueChangeEvent").put("eventTime", ts(t));
      ((ObjectNode) ack.get("event").get("alarm")).put("ackState", "acknowledged").put("alarmChangedTime", ts(t));
      addAlarm(json(ack), t, false);
    }
    // Event types the contract ignores.
    ObjectNode update = goodRaises.get(3).deepCopy();
    long tu = eventTimeOf(update) + MIN;
    update.put("eventId", "ev-a-update-1").put("eventType", "AlarmStateChangeEvent").put("eventTime", ts(tu));
    ((ObjectNode) update.get("event").get("alarm")).put("state", "updated");
    skippedAlarm(update, tu);
    ObjectNode delete = goodRaises.get(5).deepCopy();
    long td = eventTimeOf(delete) + 3 * MIN;
    delete.put("eventId", "ev-a-delete-1").put("eventType", "AlarmDeleteEvent").put("eventTime", ts(td));
    skippedAlarm(delete, td);
  }

  private void skippedAlarm(ObjectNode node, long t) {
    addAlarm(json(node), t, false);
    skippedLines++;
  }

  private static long hm(int h, int m) {
    return h * HOUR + m * MIN;
  }

  private int nextAlarmId(String source) {
    return alarmCounters.merge(source, 1001, (a, b) -> a + 1);
  }

  private void reserve(String cell, long from, long to) {
    busy.computeIfAbsent(cell, k -> new ArrayList<>()).add(new long[] {from, to});
  }

  /** No other outage of the cell within 45 minutes (merge gap and tail) of [start, end]. */
  private boolean free(String cell, long start, long end) {
    for (long[] b : busy.getOrDefault(cell, List.of())) {
      if (start < b[1] + 45 * MIN && end + 45 * MIN > b[0]) {
        return false;
      }
    }
    return true;
  }

  /** One alarm's raise and clear; clearStyle 0 state change, 1 AlarmClearedEvent, 2 shorthand without object. */
  private void outage(String cell, String source, long start, long end, int clearStyle) {
    String id = "A-" + nextAlarmId(source);
    addAlarm(raise("ev-a-" + (++eventNo), source, id, cell, "Cell", "cellOutage", start), start, true);
    addAlarm(clear("ev-a-" + (++eventNo), source, id, clearStyle == 2 ? null : cell, "cellOutage", start, end,
        clearStyle == 0, clearStyle == 2), end, true);
    reserve(cell, start, end);
    outageWindows.add(new Object[] {cell, start, end});
  }

  /** Raise, then alternately clear after / re-raise after each of the given durations. */
  private void flapping(String cell, String source, long start, long[] steps) {
    long t = start;
    long raisedAt = start;
    for (int i = 0; i < steps.length; i += 2) {
      long end = t + steps[i];
      String id = "A-" + nextAlarmId(source);
      addAlarm(raise("ev-a-" + (++eventNo), source, id, cell, "Cell", "cellOutage", t), t, true);
      addAlarm(clear("ev-a-" + (++eventNo), source, id, cell, "cellOutage", t, end, i % 4 == 0, false), end, true);
      t = i + 1 < steps.length ? end + steps[i + 1] : end;
    }
    reserve(cell, raisedAt, t);
    outageWindows.add(new Object[] {cell, raisedAt, t});
  }

  private void overlappingSystems(String cell, long start) {
    String sharedId = "A-5000";
    addAlarm(raise("ev-a-" + (++eventNo), HW1, sharedId, cell, "Cell", "cellOutage", start), start, true);
    addAlarm(raise("ev-a-" + (++eventNo), HW2, sharedId, cell, "Cell", "cellOutage", start + 3 * MIN),
        start + 3 * MIN, true);
    addAlarm(clear("ev-a-" + (++eventNo), HW1, sharedId, cell, "cellOutage", start, start + 20 * MIN, true, false),
        start + 20 * MIN, true);
    addAlarm(clear("ev-a-" + (++eventNo), HW2, sharedId, cell, "cellOutage", start + 3 * MIN, start + 45 * MIN,
        false, false), start + 45 * MIN, true);
    reserve(cell, start, start + 45 * MIN);
    outageWindows.add(new Object[] {cell, start, start + 45 * MIN});
  }

  private void clearBeforeRaise(String cell, String source, long start, long duration) {
    String id = "A-" + nextAlarmId(source);
    String raise = raise("ev-a-" + (++eventNo), source, id, cell, "Cell", "cellOutage", start);
    String clear = clear("ev-a-" + (++eventNo), source, id, cell, "cellOutage", start, start + duration, false, false);
    alarmLines.add(new Line(bytes(clear), start + duration, start - SEC, seq++));
    alarmLines.add(new Line(bytes(raise), start, start, seq++));
    reserve(cell, start, start + duration);
    outageWindows.add(new Object[] {cell, start, start + duration});
  }

  private void noise(String source, String object, String type, String cause, long start, long duration) {
    String id = "A-" + nextAlarmId(source);
    addAlarm(raise("ev-a-" + (++eventNo), source, id, object, type, cause, start), start, true);
    noiseLines.add(alarmLines.get(alarmLines.size() - 1));
    addAlarm(clear("ev-a-" + (++eventNo), source, id, object, cause, start, start + duration, true, false),
        start + duration, true);
    noiseLines.add(alarmLines.get(alarmLines.size() - 1));
    noiseLineCount += 2;
  }

  private String raise(String eventId, String source, String id, String object, String type, String cause, long t) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("eventId", eventId).put("eventType", "AlarmCreateEvent").put("eventTime", ts(t));
    ObjectNode alarm = root.putObject("event").putObject("alarm");
    alarm.put("id", id).put("alarmType", "communicationsAlarm").put("state", "raised")
        .put("perceivedSeverity", "critical").put("probableCause", cause);
    alarm.putObject("alarmedObject").put("id", object).put("@referredType", type);
    alarm.put("alarmRaisedTime", ts(t)).put("sourceSystemId", source);
    if ("cellOutage".equals(cause) && "Cell".equals(type)) {
      goodRaises.add(root);
    }
    return json(root);
  }

  private String clear(String eventId, String source, String id, String object, String cause, long raisedAt,
      long t, boolean stateChange, boolean minimal) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("eventId", eventId).put("eventType", stateChange ? "AlarmStateChangeEvent" : "AlarmClearedEvent")
        .put("eventTime", ts(t));
    ObjectNode alarm = root.putObject("event").putObject("alarm");
    alarm.put("id", id);
    if (!minimal) {
      alarm.put("alarmType", "communicationsAlarm");
    }
    alarm.put("state", "cleared").put("perceivedSeverity", "cleared");
    if (!minimal) {
      alarm.put("probableCause", cause);
      alarm.putObject("alarmedObject").put("id", object).put("@referredType", "Cell");
      alarm.put("alarmRaisedTime", ts(raisedAt));
    }
    alarm.put("alarmClearedTime", ts(t)).put("sourceSystemId", source);
    return json(root);
  }

  /** Adds a line at its time, one in twenty placed up to 110 s late (when {@code mayBeLate}). */
  private void addAlarm(String json, long time, boolean mayBeLate) {
    alarmLines.add(new Line(bytes(json), time, position(time, mayBeLate), seq++));
  }

  private long position(long time, boolean mayBeLate) {
    if (mayBeLate && rnd.nextInt(20) == 0) {
      return time + 10 * SEC + rnd.nextInt(100) * SEC;
    }
    return time;
  }

  // -------------------------------------------------------------------------------------------- complaints

  private static final String[] CATEGORIES = {"voice", "voice", "data", "data", "data", "messaging", "other"};
  private static final String[] CHANNELS = {"hotline", "app", "wechat", "web", "store", "sms"};

  private void generateComplaints() {
    // Caused complaints: 0-8 per outage, on its cell, its site's other cells or its neighbours' cells.
    for (Object[] w : outageWindows) {
      String cell = (String) w[0];
      long start = (Long) w[1];
      long end = (Long) w[2];
      int n = rnd.nextInt(9);
      for (int i = 0; i < n; i++) {
        long t = start + (long) (rnd.nextDouble() * (end - start + 30 * MIN)) / SEC * SEC;
        if (t > end + 30 * MIN) {
          t = end + 30 * MIN;
        }
        t = Math.min(t, TUE + hm(23, 50));
        complaint(t, nearbyCell(cell), Location.CELL_AND_REGION, null);
      }
    }
    // Background complaints over the three days (none on Monday), 00:00-23:50.
    for (int i = 0; i < 230; i++) {
      long day = DATA_DAYS[rnd.nextInt(DATA_DAYS.length)];
      long t = day + (long) rnd.nextInt((int) (hm(23, 50) / SEC)) * SEC;
      int r = rnd.nextInt(100);
      Location loc = r < 78 ? Location.CELL_AND_REGION : r < 88 ? Location.CELL_ONLY : r < 96 ? Location.REGION_ONLY
          : r < 98 ? Location.UNKNOWN_CELL_AND_REGION : Location.WRONG_REGION;
      String cellId = NETWORK.get(rnd.nextInt(NETWORK.size())).id();
      if (cellId.equals("NX-GY-0003-1") && t >= QUIET_FROM && t < QUIET_TO) {
        t += 2 * HOUR;
      }
      complaint(t, cellId, loc, null);
    }
    // Boundary cases, each under a name (see ticket(String)).
    String g31 = "NX-GY-0003-1";
    mark("atStart", complaint(SAT + hm(11, 20), g31, Location.CELL_AND_REGION, null)); // lag 0
    mark("secondBeforeStart", complaint(SAT + hm(11, 20) - SEC, g31, Location.CELL_AND_REGION, null));
    mark("atTail", complaint(SAT + hm(12, 30), g31, Location.CELL_AND_REGION, null)); // exactly the tail
    mark("secondAfterTail", complaint(SAT + hm(12, 30) + SEC, g31, Location.CELL_AND_REGION, null));
    mark("inTailOfFirst", complaint(SUN + hm(11, 12), "NX-YC-0004-2", Location.CELL_AND_REGION, null));
    mark("laterStartWins", complaint(SUN + hm(11, 16), "NX-YC-0004-2", Location.CELL_AND_REGION, null));
    mark("inFlapGap", complaint(SUN + hm(9, 12, 30), "NX-YC-0004-1", Location.CELL_AND_REGION, null));
    mark("sameStartSmallerId", complaint(TUE + hm(10, 5), "NX-YC-0001-2", Location.CELL_AND_REGION, null));
    mark("oneClosedOneOpen", complaint(TUE + hm(10, 45), "NX-YC-0001-2", Location.CELL_AND_REGION, null));
    mark("siteOfTwoSystems", complaint(TUE + hm(8, 30), "NX-YC-0003-2", Location.CELL_AND_REGION, null));
    mark("lagHalfUp", complaint(TUE + hm(8, 7) + 300, "NX-YC-0003-1", Location.CELL_AND_REGION, null)); // 7.005
    mark("siteOfClearFirst", complaint(SAT + hm(15, 1), "NX-GY-0002-2", Location.CELL_AND_REGION, null));
    mark("neighbourOfClearFirst", complaint(SAT + hm(15, 0, 45), "NX-GY-0001-2", Location.CELL_AND_REGION, null));
    mark("openOutage", complaint(TUE + hm(21, 0), "NX-YC-0001-2", Location.CELL_AND_REGION, null));
    mark("neighbourOfOpen", complaint(TUE + hm(22, 0), "NX-YC-0002-1", Location.CELL_AND_REGION, null));
    mark("notANeighbour", complaint(TUE + hm(22, 10), "NX-YC-0003-1", Location.CELL_AND_REGION, null)); // 2.2 km
    mark("beforeMidnight", complaint(SAT + hm(23, 55), "NX-YC-0001-2", Location.CELL_AND_REGION, null));
    mark("afterMidnight", complaint(SUN + hm(0, 20), "NX-YC-0001-1", Location.CELL_AND_REGION, null));
    mark("beforeMonday", complaint(SUN + hm(23, 40), "NX-YC-0005-1", Location.CELL_AND_REGION, null));
    mark("beforeEnd", complaint(TUE + hm(23, 50), "NX-YC-0005-1", Location.CELL_AND_REGION, null));
    mark("unknownCell", complaint(SUN + hm(0, 30), "NX-YC-0001-1", Location.UNKNOWN_CELL_AND_REGION, null));
    mark("wrongRegion", complaint(SUN + hm(0, 40), "NX-GY-0001-1", Location.WRONG_REGION, null));
    mark("regionOnly", complaint(SUN + hm(0, 45), "NX-YC-0001-1", Location.REGION_ONLY, null));
    // One customer in both regions on one day: a repeat complainant in '*' only.
    complaint(SUN + hm(8, 0), "NX-YC-0005-1", Location.CELL_AND_REGION, "13995099999");
    complaint(SUN + hm(17, 0), "NX-GY-0003-1", Location.CELL_AND_REGION, "13995099999");
    // Complaints without a customer.
    for (int i = 0; i < 3; i++) {
      complaint(DATA_DAYS[i] + hm(12, 34), NETWORK.get(3 * i).id(), Location.CELL_AND_REGION, "");
    }
    // The first and the last event of the input.
    complaint(SAT + hm(0, 1), "NX-YC-0005-1", Location.CELL_AND_REGION, null);
    complaint(TUE + hm(23, 55), "NX-GY-0001-2", Location.REGION_ONLY, null);
    // A ticket type the contract ignores.
    for (int i = 0; i < 2; i++) {
      ObjectNode c = goodComplaints.get(10 + 40 * i).deepCopy();
      long t = eventTimeOf(c) + 5 * MIN;
      c.put("eventId", "ev-c-state-" + i).put("eventType", "TroubleTicketStateChangeEvent").put("eventTime", ts(t));
      ((ObjectNode) c.get("event").get("troubleTicket")).put("status", "inProgress");
      complaintLines.add(new Line(bytes(json(c)), t, t, seq++));
      skippedLines++;
    }
  }

  private enum Location { CELL_AND_REGION, CELL_ONLY, REGION_ONLY, UNKNOWN_CELL_AND_REGION, WRONG_REGION }

  private static long hm(int h, int m, int s) {
    return hm(h, m) + s * SEC;
  }

  /** The cell itself (55 %), another cell of its site (25 %) or a cell of a neighbouring site (20 %). */
  private String nearbyCell(String cellId) {
    Cell cell = cell(cellId);
    int r = rnd.nextInt(100);
    List<Cell> pool = new ArrayList<>();
    for (Cell c : NETWORK) {
      if (r < 55) {
        break;
      }
      boolean mate = c.site().equals(cell.site()) && !c.id().equals(cell.id());
      boolean near = !c.site().equals(cell.site()) && km(cell, c) < 2.0;
      if ((r < 80 && mate) || (r >= 80 && near)) {
        pool.add(c);
      }
    }
    return pool.isEmpty() ? cellId : pool.get(rnd.nextInt(pool.size())).id();
  }

  private static Cell cell(String id) {
    return NETWORK.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  /** Rough planar distance, only to choose where generated complaints land. */
  private static double km(Cell a, Cell b) {
    double dy = (a.lat() - b.lat()) * 111.2;
    double dx = (a.lon() - b.lon()) * 111.2 * Math.cos(Math.toRadians(a.lat()));
    return Math.sqrt(dx * dx + dy * dy);
  }

  private void mark(String label, String ticketId) {
    tickets.put(label, ticketId);
  }

  /** The ticket id of a hand-placed complaint, by the name it was given here. */
  String ticket(String label) {
    return Objects.requireNonNull(tickets.get(label), label);
  }

  /** @param customer null: one from the region's pool; "": none; returns the ticket id */
  private String complaint(long t, String cellId, Location loc, String customer) {
    Cell cell = cell(cellId);
    int n = ++ticketNo;
    ObjectNode root = MAPPER.createObjectNode();
    // One in ten written in UTC.
    String time = rnd.nextInt(10) == 0 ? tsUtc(t) : ts(t);
    root.put("eventId", "ev-c-" + n).put("eventType", "TroubleTicketCreateEvent").put("eventTime", time);
    ObjectNode tt = root.putObject("event").putObject("troubleTicket");
    tt.put("id", "TT-" + n).put("ticketType", "complaint");
    int c = rnd.nextInt(40);
    if (c == 0) {
      tt.put("category", "billing"); // unknown: other
    } else if (c > 1) { // c == 1: none, also other
      tt.put("category", CATEGORIES[rnd.nextInt(CATEGORIES.length)]);
    }
    tt.put("creationDate", time).put("severity", "minor");
    if (rnd.nextInt(5) == 0) {
      tt.put("description", "手机没信号");
    }
    tt.putObject("channel").put("name", CHANNELS[rnd.nextInt(CHANNELS.length)]);
    if (customer == null) {
      // Pools small enough that customers complain more than once a day.
      customer = (cell.region().equals("Guyuan") ? "1399540" : "1399510") + String.format("%04d", rnd.nextInt(
          cell.region().equals("Guyuan") ? 40 : 120));
    }
    if (!customer.isEmpty()) {
      tt.putArray("relatedParty").addObject().put("role", "customer").put("id", customer);
    }
    ArrayNode entities = tt.putArray("relatedEntity");
    String region = cell.region();
    switch (loc) {
      case CELL_AND_REGION -> {
        entity(entities, "servingCell", cellId, "Cell");
        entity(entities, "region", region, "GeographicArea");
      }
      case CELL_ONLY -> entity(entities, "servingCell", cellId, "Cell");
      case REGION_ONLY -> entity(entities, "region", region, "GeographicArea");
      case UNKNOWN_CELL_AND_REGION -> {
        entity(entities, "servingCell", cellId.replace("-00", "-09"), "Cell");
        entity(entities, "region", region, "GeographicArea");
      }
      case WRONG_REGION -> {
        entity(entities, "servingCell", cellId, "Cell");
        entity(entities, "region", region.equals("Guyuan") ? "Yinchuan" : "Guyuan", "GeographicArea");
      }
      default -> throw new IllegalStateException();
    }
    goodComplaints.add(root);
    complaintLines.add(new Line(bytes(json(root)), t, position(t, true), seq++));
    return "TT-" + n;
  }

  private static void entity(ArrayNode entities, String role, String id, String type) {
    entities.addObject().put("role", role).put("id", id).put("@referredType", type);
  }

  // ------------------------------------------------------------------------------------------ imperfections

  private void addDuplicates() {
    // The same line twice (same eventId), the copy up to 90 s of domain time later.
    for (int i = 0; i < 4; i++) {
      Line l = alarmLines.get(5 + 17 * i);
      alarmLines.add(new Line(l.bytes(), l.time(), l.time() + 5 * SEC + rnd.nextInt(85) * SEC, seq++));
      duplicateEventLines++;
    }
    // Noise repeated: one event per eventId whatever kind it is, so a duplicate, not noise again.
    for (int i = 0; i < 3; i++) {
      Line l = noiseLines.get(1 + 4 * i);
      alarmLines.add(new Line(l.bytes(), l.time(), l.time() + 5 * SEC + rnd.nextInt(85) * SEC, seq++));
      duplicateEventLines++;
    }
    for (int i = 0; i < 6; i++) {
      ObjectNode c = goodComplaints.get(20 + 53 * i);
      long t = eventTimeOf(c);
      complaintLines.add(new Line(bytes(json(c)), t, t + 5 * SEC + rnd.nextInt(85) * SEC, seq++));
      duplicateEventLines++;
    }
    // The same ticket re-sent under a new eventId, 30 s later.
    for (int i = 0; i < 4; i++) {
      ObjectNode c = goodComplaints.get(7 + 61 * i).deepCopy();
      long t = eventTimeOf(c);
      c.put("eventId", c.get("eventId").asText() + "-resent").put("eventTime", ts(t + 30 * SEC));
      complaintLines.add(new Line(bytes(json(c)), t, t + 30 * SEC, seq++));
      duplicateTicketLines++;
    }
  }

  private void addDamagedLines() {
    int bad = 0;
    // Alarms: each a copy of a real raise under ids of its own, so that rejecting it loses nothing.
    for (int i = 0; i < 9; i++) {
      ObjectNode r = goodRaises.get(2 + 4 * i).deepCopy();
      long t = eventTimeOf(r);
      r.put("eventId", "ev-a-bad-" + (++bad));
      ObjectNode alarm = (ObjectNode) r.get("event").get("alarm");
      alarm.put("id", "A-bad-" + bad);
      byte[] line = switch (i) {
        case 0, 1 -> truncated(json(r));
        case 2 -> bytes("[" + json(r) + "]");
        case 3, 4 -> garbage();
        case 5 -> {
          r.remove("eventTime");
          yield bytes(json(r));
        }
        case 6 -> {
          alarm.put("alarmRaisedTime", t);
          yield bytes(json(r));
        }
        case 7 -> {
          alarm.remove("alarmedObject");
          yield bytes(json(r));
        }
        default -> {
          r.put("eventId", "");
          yield bytes(json(r));
        }
      };
      alarmLines.add(new Line(line, t, t, seq++));
      damagedAlarms++;
    }
    // Complaints: copies of real complaints under ids of their own.
    for (int i = 0; i < 11; i++) {
      ObjectNode c = goodComplaints.get(3 + 31 * i).deepCopy();
      long t = eventTimeOf(c);
      c.put("eventId", "ev-c-bad-" + (++bad));
      ObjectNode tt = (ObjectNode) c.get("event").get("troubleTicket");
      tt.put("id", "TT-bad-" + bad);
      byte[] line = switch (i) {
        case 0, 1 -> truncated(json(c));
        case 2 -> bytes("[" + json(c) + "]");
        case 3 -> garbage();
        case 4 -> {
          c.remove("eventTime");
          yield bytes(json(c));
        }
        case 5 -> {
          tt.put("creationDate", tt.get("creationDate").asText().substring(0, 11) + "25:71:00+08:00");
          yield bytes(json(c));
        }
        case 6 -> {
          tt.put("creationDate", "2026-13-01T10:00:00+08:00");
          yield bytes(json(c));
        }
        case 7 -> {
          tt.remove("relatedEntity"); // names neither cell nor region
          yield bytes(json(c));
        }
        case 8 -> {
          ArrayNode only = tt.putArray("relatedEntity");
          entity(only, "servingCell", "NX-YC-0999-9", "Cell"); // an unknown cell and no region
          yield bytes(json(c));
        }
        case 9 -> bytes("   ");
        default -> {
          c.put("eventId", 4711);
          yield bytes(json(c));
        }
      };
      complaintLines.add(new Line(line, t, t, seq++));
      damagedComplaints++;
    }
  }

  private byte[] truncated(String json) {
    return bytes(json.substring(0, (int) (json.length() * (0.3 + 0.5 * rnd.nextDouble()))));
  }

  /** Bytes that are not UTF-8 (and hold no line break). */
  private byte[] garbage() {
    byte[] g = new byte[30 + rnd.nextInt(40)];
    g[0] = (byte) 0xFF;
    for (int i = 1; i < g.length; i++) {
      int v = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(31) : 0x80 + rnd.nextInt(128);
      g[i] = (byte) (v == '\n' || v == '\r' ? 0x7F : v);
    }
    return g;
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static long eventTimeOf(ObjectNode root) {
    return OffsetDateTime.parse(root.get("eventTime").asText()).toInstant().toEpochMilli();
  }

  static String ts(long epochMillis) {
    OffsetDateTime t = Instant.ofEpochMilli(epochMillis).atOffset(OFFSET);
    return (epochMillis % SEC == 0 ? LOCAL : LOCAL_MILLIS).format(t);
  }

  private static String tsUtc(long epochMillis) {
    OffsetDateTime t = Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    return (epochMillis % SEC == 0 ? LOCAL : LOCAL_MILLIS).format(t);
  }

  private static String json(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
