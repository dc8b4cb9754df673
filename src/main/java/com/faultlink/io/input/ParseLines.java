package com.faultlink.io.input;

import com.faultlink.model.DeadLetter;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.io.Serializable;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns the raw lines of one input into events. A line that the contract rejects goes, whole, to the
 * dead-letter side output with the reason; an event type the contract ignores is counted and skipped. A line the
 * reader cut at {@code input.maxLineBytes} ({@link OversizedLine}) is dead-lettered with {@code truncated: true}
 * without being parsed. A dead letter names where its line was read (file and line number, or Kafka topic,
 * partition and offset), as its source noted it ({@link LineOrigin}).
 */
public final class ParseLines<T> extends ProcessFunction<String, T> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  /** Builds the (not serialisable) parser inside the task. */
  @FunctionalInterface
  public interface ParserFactory<T> extends Serializable {
    LineParser<T> create();
  }

  @FunctionalInterface
  public interface LineParser<T> {
    ParseResult<T> parse(String line);
  }

  private final String source;
  private final ParserFactory<T> factory;
  private final int maxRawChars;
  /** The time checks, or null for an input whose lines carry no event time (planned works). */
  private final EventTimes<T> times;
  private final TimeSanity sanity;
  /** deadLetters.origin: where unset, dead letters leave their origin null (the same outputs in any line order). */
  private boolean withOrigins;

  private transient LineParser<T> parser;
  private transient LineOrigin origin;
  /** The line in hand, as the source emitted it (tagged), for its origin. */
  private transient String current;
  private transient RunCounter read;
  private transient RunCounter rejected;
  private transient RunCounter skipped;
  private transient RunCounter implausible;
  private transient RunCounter tooLate;

  /** Lines without time checks (planned works). */
  public ParseLines(String source, ParserFactory<T> factory, int maxRawChars) {
    this(source, factory, maxRawChars, null, null);
  }

  /** The same, with each dead letter naming the file and line, or topic, partition and offset, it was read at. */
  public ParseLines<T> withOrigins(boolean withOrigins) {
    this.withOrigins = withOrigins;
    return this;
  }

  /**
   * Lines whose accepted events must also have plausible times, and come no later than {@code
   * input.maxLateness} behind the earlier lines of this input (the contract's "Implausible times").
   */
  public ParseLines(String source, ParserFactory<T> factory, int maxRawChars, EventTimes<T> times,
      TimeSanity sanity) {
    this.source = source;
    this.factory = factory;
    this.maxRawChars = maxRawChars;
    this.times = times;
    this.sanity = sanity;
  }

  @Override
  public void open(OpenContext openContext) {
    parser = factory.create();
    origin = withOrigins ? LineOrigin.current() : null;
    read = RunCounter.register(getRuntimeContext(), CounterNames.EVENTS_READ);
    rejected = RunCounter.register(getRuntimeContext(), CounterNames.DEAD_LETTERS);
    skipped = RunCounter.register(getRuntimeContext(), CounterNames.SKIPPED_EVENT_TYPES);
    implausible = RunCounter.register(getRuntimeContext(), CounterNames.IMPLAUSIBLE_TIMES);
    tooLate = RunCounter.register(getRuntimeContext(), CounterNames.TOO_LATE_LINES);
  }

  @Override
  public void processElement(String tagged, Context ctx, Collector<T> out) {
    read.inc();
    current = tagged;
    int lane = PartitionTag.partition(tagged);
    String line = PartitionTag.line(tagged);
    if (OversizedLine.isMarked(line)) {
      // Cut by the reader at input.maxLineBytes: only its start exists, and it is not parsed.
      rejected.inc();
      ctx.output(DEAD_LETTERS, located(tagged, deadLetter(source, OversizedLine.reason(line),
          OversizedLine.keptText(line), maxRawChars, true)));
      return;
    }
    ParseResult<T> result;
    try {
      result = parser.parse(line);
    } catch (RuntimeException e) {
      // A parser bug must not stop the job: the line is quarantined with what went wrong.
      result = ParseResult.rejected("internal parser error: " + e.getClass().getSimpleName());
    }
    if (result.isAccepted()) {
      if (times == null) {
        out.collect(result.value());
      } else {
        checkTimes(result.value(), line, lane, ctx, out);
      }
    } else if (result.isSkipped()) {
      skipped.inc();
    } else {
      reject(result.reason(), line, ctx);
    }
  }

  private DeadLetter located(String tagged, DeadLetter letter) {
    return origin == null ? letter : origin.of(tagged, letter);
  }

  /**
   * An implausible or too-late event is rejected here, before it is timed, so it moves no watermark and opens no
   * period. Only accepted events move the newest time that lateness is measured from.
   */
  private void checkTimes(T event, String line, int lane, Context ctx, Collector<T> out) {
    long domainTime = times.domainTime(event);
    String field = times.domainTimeField(event);
    String reason = sanity.implausible(times.eventTime(event), domainTime, field);
    if (reason != null) {
      implausible.inc();
      reject(reason, line, ctx);
      return;
    }
    reason = sanity.tooLate(lane, domainTime, field);
    if (reason != null) {
      T pending = times.tooLateButPending(event, line);
      if (pending == null) {
        tooLate.inc();
        reject(reason, line, ctx);
      } else {
        out.collect(pending); // a clear: too late unless its outage is still open, which the pairing knows
      }
      return;
    }
    sanity.accepted(lane, domainTime);
    out.collect(times.withLine(event, line));
  }

  private void reject(String reason, String line, Context ctx) {
    rejected.inc();
    ctx.output(DEAD_LETTERS, located(current, deadLetter(source, reason, line, maxRawChars)));
  }

  /** The quarantined line, cut at {@code maxRawChars} (never inside a surrogate pair). */
  public static DeadLetter deadLetter(String source, String reason, String raw, int maxRawChars) {
    return deadLetter(source, reason, raw, maxRawChars, false);
  }

  /**
   * The same; {@code alreadyCut}: {@code raw} is only the start of the line (cut while it was read), so the dead
   * letter is {@code truncated} however short {@code raw} is.
   */
  public static DeadLetter deadLetter(String source, String reason, String raw, int maxRawChars, boolean alreadyCut) {
    String text = raw == null ? "" : raw;
    if (text.length() <= maxRawChars) {
      return new DeadLetter(source, reason, text, alreadyCut);
    }
    int cut = maxRawChars;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return new DeadLetter(source, reason, text.substring(0, cut), true);
  }
}
