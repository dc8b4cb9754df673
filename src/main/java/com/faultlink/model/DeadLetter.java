package com.faultlink.model;

/**
 * A rejected input line, kept whole (up to a configured size) so that nothing is lost. The one place a
 * subscriber number may appear: it is a quarantine for operators with access to the inputs.
 *
 * @param source the input it came from: {@code alarms}, {@code complaints} or {@code works}
 * @param reason why it was rejected, for a person
 * @param raw the line as text, invalid UTF-8 replaced, cut at the configured size
 * @param truncated whether {@code raw} was cut
 * @param file the file it was read from (the configured path, made absolute), or null: read from Kafka, or not known
 * @param topic the Kafka topic it was read from, or null: read from a file, or not known
 * @param partition the Kafka partition, or null as {@code topic}
 * @param offset where in its file or partition: a file's line number (the first line is 1), a Kafka record's
 *     offset; null where not known
 */
public record DeadLetter(String source, String reason, String raw, boolean truncated, String file, String topic,
    Integer partition, Long offset) {

  /** A line whose origin is not known (yet). */
  public DeadLetter(String source, String reason, String raw, boolean truncated) {
    this(source, reason, raw, truncated, null, null, null, null);
  }

  public DeadLetter fromFile(String file, long lineNumber) {
    return new DeadLetter(source, reason, raw, truncated, file, null, null, lineNumber);
  }

  public DeadLetter fromKafka(String topic, int partition, long offset) {
    return new DeadLetter(source, reason, raw, truncated, null, topic, partition, offset);
  }
}
