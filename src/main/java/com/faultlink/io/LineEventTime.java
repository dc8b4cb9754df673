package com.faultlink.io;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The event time of a raw input line, for sources that assign event time before parsing (Kafka: per-partition
 * watermarks need a timestamp on the raw record). The line is read by the same parser as downstream, so a line
 * gets exactly the timestamp that the parsed event would get: its domain time. A line the parser does not
 * accept (a dead letter, a skipped event type) gets {@link Long#MIN_VALUE} and so never moves the watermark;
 * a damaged line cannot push event time into the future.
 */
public final class LineEventTime<T> implements SerializableTimestampAssigner<String> {
  private static final long serialVersionUID = 1L;

  private final ParseLines.ParserFactory<T> factory;
  private final SerializableFunction<T, Long> time;
  private transient ParseLines.LineParser<T> parser;

  public LineEventTime(ParseLines.ParserFactory<T> factory, SerializableFunction<T, Long> time) {
    this.factory = factory;
    this.time = time;
  }

  @Override
  public long extractTimestamp(String line, long recordTimestamp) {
    if (parser == null) {
      parser = factory.create();
    }
    try {
      ParseResult<T> result = parser.parse(line);
      return result.isAccepted() ? time.apply(result.value()) : Long.MIN_VALUE;
    } catch (Exception e) {
      return Long.MIN_VALUE;
    }
  }
}
