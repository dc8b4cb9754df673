package com.faultlink.io.input;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The event time of a raw input line, for sources that assign event time before parsing (Kafka: per-partition
 * watermarks need a timestamp on the raw record). The line is read by the same parser as downstream, so a line
 * gets exactly the timestamp that the parsed event would get: its domain time. A line the parser does not
 * accept (a dead letter, a skipped event type) gets {@link Long#MIN_VALUE} and so never moves the watermark;
 * a damaged line cannot push event time into the future. With time checks ({@link TimeSanity}), a line dated
 * outside {@code input.notBefore} / {@code input.notAfter}, which the parse stage rejects, gets it too: a line
 * dated 9999 does not end the partition's event time, nor a line of 1970 start it. (Lateness is not checked
 * here: a late line's time lies behind the watermark and cannot move it.)
 */
public final class LineEventTime<T> implements SerializableTimestampAssigner<String> {
  private static final long serialVersionUID = 1L;

  private final ParseLines.ParserFactory<T> factory;
  private final SerializableFunction<T, Long> time;
  private final EventTimes<T> times;
  private final TimeSanity sanity;
  private transient ParseLines.LineParser<T> parser;

  public LineEventTime(ParseLines.ParserFactory<T> factory, SerializableFunction<T, Long> time) {
    this.factory = factory;
    this.time = time;
    this.times = null;
    this.sanity = null;
  }

  /** Timed by the domain time, implausible lines excepted. */
  public LineEventTime(ParseLines.ParserFactory<T> factory, EventTimes<T> times, TimeSanity sanity) {
    this.factory = factory;
    this.time = times::domainTime;
    this.times = times;
    this.sanity = sanity;
  }

  @Override
  public long extractTimestamp(String line, long recordTimestamp) {
    if (parser == null) {
      parser = factory.create();
    }
    try {
      ParseResult<T> result = parser.parse(PartitionTag.line(line));
      if (!result.isAccepted()) {
        return Long.MIN_VALUE;
      }
      T event = result.value();
      if (sanity != null && !sanity.plausible(times.eventTime(event), times.domainTime(event))) {
        return Long.MIN_VALUE;
      }
      return time.apply(event);
    } catch (Exception e) {
      return Long.MIN_VALUE;
    }
  }
}
