package com.faultlink.io.input;

import com.faultlink.model.DeadLetter;

/**
 * Where the line that a source is handing to its parser was read: a file and its line number, or a Kafka topic,
 * partition and offset. Only a rejected line needs it (its dead letter names it), so it is not carried on the line:
 * the source notes it here, in its task thread, just before it emits the line, and {@link ParseLines}, chained
 * right after the source in the same thread, reads it while it handles that line. Nothing is copied or
 * concatenated per line; the cost is a few field writes.
 *
 * <p>The note names the very {@code String} object it is about, and {@link #of} answers only for that object: where
 * the parser does not run right after the source (another parallelism, a test's in-memory source), it finds no note
 * for its line and the dead letter's origin is null, never another line's.
 */
public final class LineOrigin {
  private static final ThreadLocal<LineOrigin> CURRENT = ThreadLocal.withInitial(LineOrigin::new);

  private String line;
  private String file;
  private String topic;
  private int partition;
  private long offset;

  private LineOrigin() {}

  /** This thread's note: fetch it once, where the source or parser is opened, and keep it. */
  public static LineOrigin current() {
    return CURRENT.get();
  }

  /** The next line handed on is {@code line}, line {@code lineNumber} (the first is 1) of {@code file}. */
  public void fromFile(String line, String file, long lineNumber) {
    this.line = line;
    this.file = file;
    this.topic = null;
    this.offset = lineNumber;
  }

  /** The next line handed on is {@code line}, the record at {@code offset} of {@code topic}'s {@code partition}. */
  public void fromKafka(String line, String topic, int partition, long offset) {
    this.line = line;
    this.file = null;
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
  }

  /** Whether this note is about {@code line} (the same object, as the source emitted it). */
  public boolean isOf(String line) {
    return line != null && this.line == line;
  }

  /** {@code d} naming where {@code line} was read, where this note is about it; else {@code d} as it is. */
  public DeadLetter of(String line, DeadLetter d) {
    if (!isOf(line)) {
      return d;
    }
    return topic != null ? d.fromKafka(topic, partition, offset) : d.fromFile(file, offset);
  }
}
