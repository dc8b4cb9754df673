package com.faultlink.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * An alarm storm: {@value #STORM_LINES} TMF642 alarm lines within ten minutes on the cells of one region, merged in
 * time order into an alarms file.
 *
 * <p>What a transmission or power failure across a city looks like to the NOC: every cell of the region drops
 * ({@code cellOutage}) within the first two minutes and flaps (raise, clear, raise again within the merge gap) until
 * it is back by the end of the ten minutes; the rest of the lines are sympathetic alarms with other causes
 * (link, transmission, power, signal) on the same cells, raised and cleared, and about 1 % are re-sent notifications
 * (the same {@code eventId} again). Every line is well-formed and on time: the storm tests load, not damage.
 * Event ids start with {@value #EVENT_ID_PREFIX} so a probe can tell storm lines apart.
 */
public final class StormWriter {
  public static final int STORM_LINES = 100_000;
  public static final long STORM_SECONDS = 600;
  public static final String EVENT_ID_PREFIX = "ev-storm-";
  /** How every storm line starts: a probe at the source recognises storm lines by it. */
  public static final String LINE_PREFIX = "{\"eventId\":\"" + EVENT_ID_PREFIX;

  private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final String[] SYMPATHETIC = {
    "linkFailure", "transmissionError", "powerProblem", "lossOfSignal", "degradedSignal", "lossOfFrame"
  };

  private StormWriter() {}

  /** One line with the second it belongs to (for sorting and merging). */
  record Line(long second, String text) {}

  /** What the storm holds. */
  public record Storm(String region, int cells, long start, long end, int lines, int outageLines, int duplicates) {}

  /**
   * Writes {@code mergedAlarms}: the lines of {@code baseAlarms} with the storm's lines inserted where their time
   * falls (a base line whose time cannot be read stays where it is).
   */
  public static Storm write(Path cellsCsv, Path baseAlarms, Path mergedAlarms, String region, long startSecond,
      long seed) throws IOException {
    List<String> cells = cellsOf(cellsCsv, region);
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("no cells of region " + region + " in " + cellsCsv);
    }
    List<Line> storm = lines(cells, startSecond, seed);
    int outageLines = (int) storm.stream().filter(l -> l.text.contains("\"cellOutage\"")).count();
    int duplicates = (int) (storm.size() - storm.stream().map(l -> eventIdOf(l.text)).distinct().count());
    merge(baseAlarms, storm, mergedAlarms);
    return new Storm(region, cells.size(), startSecond, startSecond + STORM_SECONDS, storm.size(), outageLines,
        duplicates);
  }

  static List<String> cellsOf(Path cellsCsv, String region) throws IOException {
    List<String> cells = new ArrayList<>();
    for (String row : Files.readAllLines(cellsCsv, StandardCharsets.UTF_8)) {
      String[] f = row.split(",");
      if (f.length >= 3 && f[2].equals(region)) {
        cells.add(f[0]);
      }
    }
    return cells;
  }

  /** Exactly {@value #STORM_LINES} lines in {@code [start, start + 10 min)}, sorted by time. */
  static List<Line> lines(List<String> cells, long start, long seed) {
    Random rnd = new Random(seed);
    long end = start + STORM_SECONDS;
    List<Line> out = new ArrayList<>(STORM_LINES);
    int[] next = {0};
    // 1. Every cell drops within two minutes and flaps until it is back before the storm ends.
    int outageBudget = STORM_LINES / 2;
    for (String cell : cells) {
      long t = start + rnd.nextInt(120);
      while (out.size() + 2 <= outageBudget) {
        long down = 20 + rnd.nextInt(70);
        long cleared = Math.min(t + down, end - 1);
        if (cleared <= t) {
          break;
        }
        pair(out, next, cell, "cellOutage", t, cleared);
        long up = 10 + rnd.nextInt(50); // back within the 5-minute merge gap: one outage per cell
        t = cleared + up;
        if (t >= end - 30) {
          break;
        }
      }
    }
    // 2. Sympathetic alarms on the same cells, with re-sent notifications, up to exactly STORM_LINES.
    while (out.size() < STORM_LINES) {
      if (out.size() > 0 && rnd.nextInt(100) < 3) {
        Line again = out.get(out.size() - 1 - rnd.nextInt(Math.min(out.size(), 50)));
        long later = Math.min(again.second + 1 + rnd.nextInt(20), end - 1);
        out.add(new Line(later, again.text));
        continue;
      }
      String cell = cells.get(rnd.nextInt(cells.size()));
      String cause = SYMPATHETIC[rnd.nextInt(SYMPATHETIC.length)];
      long t = start + rnd.nextInt((int) STORM_SECONDS - 1);
      long cleared = Math.min(t + 5 + rnd.nextInt(120), end - 1);
      if (out.size() + 2 <= STORM_LINES) {
        pair(out, next, cell, cause, t, cleared);
      } else {
        out.add(raise(next[0]++, cell, cause, t)); // the last line: a raise that outlives the storm
      }
    }
    out.sort(Comparator.comparingLong(Line::second));
    return out;
  }

  private static void pair(List<Line> out, int[] next, String cell, String cause, long raised, long cleared) {
    int n = next[0]++;
    out.add(raise(n, cell, cause, raised));
    out.add(new Line(cleared, "{\"eventId\":\"" + EVENT_ID_PREFIX + n + "-c\",\"eventType\":\"AlarmClearedEvent\","
        + "\"eventTime\":\"" + text(cleared) + "\",\"event\":{\"alarm\":{\"id\":\"ST-" + n + "\","
        + "\"alarmType\":\"communicationsAlarm\",\"state\":\"cleared\",\"perceivedSeverity\":\"cleared\","
        + "\"probableCause\":\"" + cause + "\",\"alarmedObject\":{\"id\":\"" + cell + "\",\"@referredType\":\"Cell\"},"
        + "\"alarmRaisedTime\":\"" + text(raised) + "\",\"alarmClearedTime\":\"" + text(cleared) + "\","
        + "\"sourceSystemId\":\"OMC-STORM-1\"}}}"));
  }

  private static Line raise(int n, String cell, String cause, long raised) {
    return new Line(raised, "{\"eventId\":\"" + EVENT_ID_PREFIX + n + "-r\",\"eventType\":\"AlarmCreateEvent\","
        + "\"eventTime\":\"" + text(raised) + "\",\"event\":{\"alarm\":{\"id\":\"ST-" + n + "\","
        + "\"alarmType\":\"communicationsAlarm\",\"state\":\"raised\",\"perceivedSeverity\":\"critical\","
        + "\"probableCause\":\"" + cause + "\",\"alarmedObject\":{\"id\":\"" + cell + "\",\"@referredType\":\"Cell\"},"
        + "\"alarmRaisedTime\":\"" + text(raised) + "\",\"sourceSystemId\":\"OMC-STORM-1\"}}}");
  }

  static String text(long second) {
    return TEXT.format(Instant.ofEpochSecond(second).atOffset(OFFSET));
  }

  static String eventIdOf(String line) {
    int from = line.indexOf("\"eventId\":\"") + 11;
    return line.substring(from, line.indexOf('"', from));
  }

  /** The second of a line's {@code eventTime}, or {@code Long.MIN_VALUE} where it cannot be read. */
  static long secondOf(String line) {
    int at = line.indexOf("\"eventTime\":\"");
    if (at < 0) {
      return Long.MIN_VALUE;
    }
    int from = at + 13;
    int to = line.indexOf('"', from);
    if (to < 0) {
      return Long.MIN_VALUE;
    }
    try {
      return OffsetDateTime.parse(line.substring(from, to)).toEpochSecond();
    } catch (RuntimeException e) {
      return Long.MIN_VALUE;
    }
  }

  /**
   * Byte for byte: the base file's lines are copied as they are (damaged ones, invalid UTF-8 included), split on
   * {@code \n} only; their times are read as ISO-8859-1, which is enough for the ASCII {@code eventTime}.
   */
  static void merge(Path base, List<Line> storm, Path merged) throws IOException {
    int next = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(base), 1 << 16);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(merged), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
      int b;
      boolean pending = false;
      while (true) {
        b = in.read();
        if (b == '\n' || (b < 0 && pending)) {
          long t = secondOf(line.toString(StandardCharsets.ISO_8859_1));
          while (t != Long.MIN_VALUE && next < storm.size() && storm.get(next).second <= t) {
            out.write(storm.get(next++).text.getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
          }
          line.writeTo(out);
          out.write('\n');
          line.reset();
          pending = false;
        } else if (b >= 0) {
          line.write(b);
          pending = true;
        }
        if (b < 0) {
          break;
        }
      }
      while (next < storm.size()) {
        out.write(storm.get(next++).text.getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
      }
    }
  }
}
