package com.faultlink.tools.generator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON Lines file, written in domain-time order although events are generated out of order (a clear is
 * generated with its raise). Lines wait in a queue until the generator promises that nothing earlier can come
 * ({@link #flushBefore}); lines outside the data's time range are dropped.
 *
 * <p>Unless clean, the sink also adds what real feeds do: the same line twice, lines up to two minutes late,
 * and a few damaged lines. These come from a random stream of their own, so that the events themselves are
 * the same with and without them: a clean file holds exactly the dirty file's lines less the duplicates and
 * the damaged lines, in domain-time order.
 */
final class LineSink implements Closeable {
  static final long MAX_DELAY_SECONDS = 120;
  private static final double DUPLICATE_SHARE = 0.005;
  private static final double DELAYED_SHARE = 0.005;

  /** The ways a line is damaged. Damaged lines are extra lines with ids of their own (see {@link #damage}). */
  enum Damage {
    TRUNCATED,
    JSON_ARRAY,
    BINARY_GARBAGE,
    MISSING_EVENT_TIME,
    RAISED_TIME_AS_NUMBER,
    UNPARSABLE_CREATION_DATE;

    boolean appliesTo(String line) {
      return switch (this) {
        case RAISED_TIME_AS_NUMBER -> line.contains("\"eventType\":\"AlarmCreateEvent\"");
        case UNPARSABLE_CREATION_DATE -> line.contains("\"creationDate\":\"");
        default -> true;
      };
    }
  }

  private record Pending(long position, long seq, byte[] line) {}

  private record Scheduled(long time, Damage damage) {}

  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"[^\"]*\"");
  private static final Pattern FIRST_ID = Pattern.compile("\\{\"id\":\"[^\"]*\"");
  private static final Pattern EVENT_TIME = Pattern.compile(",\"eventTime\":\"[^\"]*\"");
  private static final Pattern RAISED_TIME = Pattern.compile("\"alarmRaisedTime\":\"([^\"]*)\"");
  private static final Pattern CREATION_DATE = Pattern.compile("\"creationDate\":\"([^\"]*)\"");

  private final String fileName;
  private final OutputStream out;
  private final long from;
  private final long until;
  private final SplittableRandom rng; // null: clean
  private final String eventIdPrefix;
  private final String objectIdPrefix;
  private final List<Scheduled> damages = new ArrayList<>();
  private final PriorityQueue<Pending> queue =
      new PriorityQueue<>(Comparator.comparingLong(Pending::position).thenComparingLong(Pending::seq));
  private long seq;
  private int nextDamage;
  private long written;
  private long duplicates;
  private long delayed;
  private long damaged;
  private long extras;
  private long lifecycleLines;

  /**
   * @param damageKinds damages to spread over the time range (one line each), ignored when clean
   * @param eventIdPrefix and {@code objectIdPrefix}: ids given to damaged lines, followed by {@code bad-N}
   */
  LineSink(Path file, long from, long until, SplittableRandom imperfections, List<Damage> damageKinds,
      String eventIdPrefix, String objectIdPrefix) throws IOException {
    this.fileName = file.getFileName().toString();
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    this.from = from;
    this.until = until;
    this.rng = imperfections;
    this.eventIdPrefix = eventIdPrefix;
    this.objectIdPrefix = objectIdPrefix;
    if (rng != null && !damageKinds.isEmpty()) {
      List<Damage> kinds = new ArrayList<>(damageKinds);
      for (int i = kinds.size() - 1; i > 0; i--) { // deterministic shuffle
        int j = rng.nextInt(i + 1);
        kinds.set(j, kinds.set(i, kinds.get(j)));
      }
      double slot = (double) (until - from) / kinds.size();
      for (int i = 0; i < kinds.size(); i++) {
        damages.add(new Scheduled(from + (long) (slot * (i + 0.2 + 0.6 * rng.nextDouble())), kinds.get(i)));
      }
    }
  }

  /**
   * An event written as it is, in time order, never delayed, duplicated or damaged: it draws nothing from the
   * imperfections' random stream, so adding such events moves no imperfection of the others (the acknowledgements
   * added for time to acknowledge).
   */
  void offerExact(long time, byte[] line) {
    if (time >= from && time < until) {
      enqueue(time, line);
    }
  }

  /** An event whose domain time (= its {@code eventTime}) is {@code time}, in epoch seconds. */
  void offer(long time, byte[] line) {
    if (time < from || time >= until) {
      return;
    }
    if (rng == null) {
      enqueue(time, line);
      return;
    }
    long position = time;
    if (rng.nextDouble() < DELAYED_SHARE) {
      position += 1 + rng.nextLong(MAX_DELAY_SECONDS);
      delayed++;
    }
    enqueue(position, line);
    if (rng.nextDouble() < DUPLICATE_SHARE) {
      enqueue(time + rng.nextLong(91), line);
      duplicates++;
    }
    if (nextDamage < damages.size() && time >= damages.get(nextDamage).time()) {
      String text = new String(line, StandardCharsets.UTF_8);
      Damage d = damages.get(nextDamage).damage();
      if (d.appliesTo(text)) {
        nextDamage++;
        damaged++;
        enqueue(time, damage(d, text));
      }
    }
  }

  /**
   * A ticket lifecycle line, placed at {@code position} (its domain time is {@code time}; a position after it is a
   * late line, one before it a line ahead of its ticket's creation). It draws nothing from the imperfections' random
   * stream, so the other lines' duplicates, delays and damages stay as they were without lifecycle lines; a line
   * whose time falls outside the data's range is dropped.
   */
  void lifecycle(long time, long position, byte[] line) {
    if (time < from || time >= until) {
      return;
    }
    lifecycleLines++;
    enqueue(rng == null ? time : position, line); // a clean file is in time order
  }

  /** A second copy of a lifecycle line (same event id); none in a clean file. */
  void lifecycleDuplicate(long time, long position, byte[] line) {
    if (rng == null || time < from || time >= until) {
      return;
    }
    lifecycleLines++;
    duplicates++;
    enqueue(position, line);
  }

  long lifecycleLines() {
    return lifecycleLines;
  }

  /** A line that is not one of the generated events (an orphan clear); written as it is, at {@code time}. */
  void extra(long time, byte[] line) {
    extras++;
    enqueue(time, line);
  }

  /** Writes every queued line placed before {@code position}: the generator will produce none earlier. */
  void flushBefore(long position) {
    try {
      while (!queue.isEmpty() && queue.peek().position() < position) {
        out.write(queue.poll().line());
        out.write('\n');
        written++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    flushBefore(Long.MAX_VALUE);
    out.close();
  }

  String fileName() {
    return fileName;
  }

  long written() {
    return written;
  }

  long duplicates() {
    return duplicates;
  }

  long delayed() {
    return delayed;
  }

  long damaged() {
    return damaged;
  }

  long extras() {
    return extras;
  }

  private void enqueue(long position, byte[] line) {
    queue.add(new Pending(position, seq++, line));
  }

  /**
   * A damaged copy of {@code line}. Its event id and alarm or ticket id are new ({@code ...bad-N}), so the
   * damaged line is an extra line: rejecting it loses no real event, and a duplicate check cannot confuse it
   * with the original.
   */
  private byte[] damage(Damage d, String line) {
    String n = "bad-" + damaged;
    String s = EVENT_ID.matcher(line).replaceFirst(Matcher.quoteReplacement("\"eventId\":\"" + eventIdPrefix + n + "\""));
    s = FIRST_ID.matcher(s).replaceFirst(Matcher.quoteReplacement("{\"id\":\"" + objectIdPrefix + n + "\""));
    switch (d) {
      case TRUNCATED:
        int cut = (int) (s.length() * (0.3 + 0.5 * rng.nextDouble()));
        return s.substring(0, cut).getBytes(StandardCharsets.UTF_8);
      case JSON_ARRAY:
        return ("[" + s + "]").getBytes(StandardCharsets.UTF_8);
      case BINARY_GARBAGE:
        byte[] garbage = new byte[30 + rng.nextInt(60)];
        garbage[0] = (byte) 0xFF; // never valid UTF-8
        for (int i = 1; i < garbage.length; i++) {
          int v = rng.nextInt(10) == 0 ? 1 + rng.nextInt(31) : 0x80 + rng.nextInt(128);
          garbage[i] = (byte) (v == '\n' || v == '\r' ? 0x7F : v);
        }
        return garbage;
      case MISSING_EVENT_TIME:
        return EVENT_TIME.matcher(s).replaceFirst("").getBytes(StandardCharsets.UTF_8);
      case RAISED_TIME_AS_NUMBER:
        Matcher m = RAISED_TIME.matcher(s);
        m.find();
        long millis = OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli();
        return m.replaceFirst("\"alarmRaisedTime\":" + millis).getBytes(StandardCharsets.UTF_8);
      case UNPARSABLE_CREATION_DATE:
        Matcher c = CREATION_DATE.matcher(s);
        c.find();
        String bad = c.group(1).substring(0, 11) + "25:71:00+08:00"; // hour 25, minute 71
        return c.replaceFirst(Matcher.quoteReplacement("\"creationDate\":\"" + bad + "\"")).getBytes(StandardCharsets.UTF_8);
      default:
        throw new IllegalStateException(d.name());
    }
  }
}
