package com.faultlink.io.input;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Keeps the alarm and complaint files read at the same pace in event time. Read whole and unpaced, the complaints
 * file (3 % of the lines) ran far ahead of the alarms and every complaint waited in the attributor's state, and in
 * every checkpoint, until the alarms caught up: a replay's state grew with its length. Here each file source
 * carries watermarks of its own, used by Flink's watermark alignment only: a source whose watermark is more than
 * {@link #MAX_DRIFT} ahead of the slowest in the group stops reading until the others catch up.
 *
 * <p>These watermarks time nothing: the pipeline assigns event time after parsing, as before (that operator
 * ignores the watermarks that reach it), so every output stays what it was. Pacing needs only a rough clock, so
 * only every {@value #SAMPLE_EVERY}th line is parsed for its time (by the pipeline's own parser, {@link
 * LineEventTime}); the lines in between carry the last time read. A line that does not parse keeps the last time.
 */
public final class FileReadPacing {
  /** The alignment group of the file inputs. */
  public static final String GROUP = "faultlink-file-inputs";
  /**
   * How far in event time one file may be read ahead of the other. Alignment holds back the slowest source too:
   * none may pass the slowest watermark last announced plus the drift, and that is announced every
   * {@link #UPDATE_INTERVAL}. A province-month is read at about 16 hours of event time per second, so a drift of
   * minutes would stall every source between two announcements; a day leaves them an order of magnitude of room
   * and holds at most a day of complaints in waiting (about 10 000 in a province-month).
   */
  public static final Duration MAX_DRIFT = Duration.ofDays(1);
  /** How often the sources learn the group's slowest watermark. */
  public static final Duration UPDATE_INTERVAL = Duration.ofMillis(100);
  static final int SAMPLE_EVERY = 64;

  private FileReadPacing() {}

  /** Watermarks for a file of lines that {@code parsers} read and {@code times} times, implausible ones excepted. */
  public static <T> WatermarkStrategy<String> of(ParseLines.ParserFactory<T> parsers, EventTimes<T> times,
      TimeSanity sanity, Duration outOfOrderness) {
    return of(new LineEventTime<>(parsers, times, sanity), outOfOrderness);
  }

  /** Watermarks for a file of lines that {@code parsers} read and {@code time} times. */
  public static <T> WatermarkStrategy<String> of(ParseLines.ParserFactory<T> parsers,
      SerializableFunction<T, Long> time, Duration outOfOrderness) {
    return of(new LineEventTime<>(parsers, time), outOfOrderness);
  }

  private static WatermarkStrategy<String> of(LineEventTime<?> lineTime, Duration outOfOrderness) {
    long lag = outOfOrderness.toMillis();
    return WatermarkStrategy.<String>forGenerator(context -> new AsTimeAdvances(lag))
        .withTimestampAssigner(new Sampled(lineTime, SAMPLE_EVERY))
        .withWatermarkAlignment(GROUP, MAX_DRIFT, UPDATE_INTERVAL);
  }

  /**
   * Bounded out-of-orderness, emitted as soon as the newest time has moved on by {@link #STEP_MILLIS}, not only
   * every 200 ms: alignment compares the watermark a source last emitted with the group's, so between two periodic
   * watermarks a fast source would read on unchecked (a complaints file: days of event time in 200 ms).
   */
  static final class AsTimeAdvances implements WatermarkGenerator<String> {
    static final long STEP_MILLIS = 60_000;

    private final long lagMillis;
    private long newest = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    AsTimeAdvances(long lagMillis) {
      this.lagMillis = lagMillis;
    }

    @Override
    public void onEvent(String line, long timestamp, WatermarkOutput output) {
      if (timestamp > newest) {
        newest = timestamp;
        if (emitted == Long.MIN_VALUE || newest - lagMillis - 1 >= emitted + STEP_MILLIS) {
          emit(output);
        }
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      if (newest != Long.MIN_VALUE) {
        emit(output);
      }
    }

    private void emit(WatermarkOutput output) {
      emitted = newest - lagMillis - 1;
      output.emitWatermark(new Watermark(emitted));
    }
  }

  /** Times one line in {@code every} with {@code time}; the others get the last time found. */
  static final class Sampled implements SerializableTimestampAssigner<String> {
    private static final long serialVersionUID = 1L;

    private final SerializableTimestampAssigner<String> time;
    private final int every;
    private transient int sinceSample;
    /** The last time found; none yet while {@code timed} is false (transient fields start at 0, not at "none"). */
    private transient long last;
    private transient boolean timed;

    Sampled(SerializableTimestampAssigner<String> time, int every) {
      this.time = time;
      this.every = every;
    }

    @Override
    public long extractTimestamp(String line, long recordTimestamp) {
      if (sinceSample == 0) {
        long t = time.extractTimestamp(line, recordTimestamp);
        if (t != Long.MIN_VALUE) {
          last = t;
          timed = true;
        }
      }
      if (++sinceSample == every) {
        sinceSample = 0;
      }
      return timed ? last : Long.MIN_VALUE;
    }
  }
}
