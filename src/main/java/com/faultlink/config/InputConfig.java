package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Where one input is read from: a file (or a folder of files), or a Kafka topic. Exactly one of the two is set.
 *
 * @param file absolute path; null when the input is a topic
 * @param kafka the topic; null when the input is a file
 */
public record InputConfig(String file, KafkaInput kafka) implements Serializable {

  /** A file input (tests, tools). */
  public InputConfig(String file) {
    this(file, null);
  }

  public boolean isKafka() {
    return kafka != null;
  }

  /** Where a Kafka source starts when it has no checkpoint to resume from. */
  public enum StartingOffsets { EARLIEST, LATEST, COMMITTED, TIMESTAMP }

  /**
   * One input topic.
   *
   * @param bounded read each partition up to its end offset at job start, then finish (replays, tests)
   * @param groupId consumer group the source commits its offsets to on checkpoints (monitoring, {@code committed})
   * @param startingOffsets where to start without a checkpoint; {@code COMMITTED} falls back to the earliest
   *     offset for partitions the group has none for
   * @param startTimestamp epoch millis, for {@code TIMESTAMP}; otherwise null
   * @param idleTimeout a partition without messages this long stops holding back event time; zero: never
   * @param properties Kafka consumer settings passed through as they are (security, timeouts, fetch sizes)
   */
  public record KafkaInput(
      String bootstrapServers,
      String topic,
      boolean bounded,
      String groupId,
      StartingOffsets startingOffsets,
      Long startTimestamp,
      Duration idleTimeout,
      Map<String, String> properties)
      implements Serializable {

    /** Without the values of {@code properties}: they hold passwords ({@code sasl.jaas.config}, ssl.*). */
    @Override
    public String toString() {
      return "KafkaInput[bootstrapServers=" + bootstrapServers + ", topic=" + topic + ", bounded=" + bounded
          + ", groupId=" + groupId + ", startingOffsets=" + startingOffsets + ", startTimestamp=" + startTimestamp
          + ", idleTimeout=" + idleTimeout + ", properties=" + valuesHidden(properties) + "]";
    }
  }

  /** A settings map for a log or a message: its keys, every value as {@code ***}. */
  public static String valuesHidden(Map<String, String> properties) {
    if (properties == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("{");
    new java.util.TreeMap<>(properties).keySet().forEach(k -> out.append(out.length() > 1 ? ", " : "").append(k)
        .append("=***"));
    return out.append('}').toString();
  }

  /** Consumer settings that FaultLink sets itself, each from its own key. */
  static final Set<String> RESERVED_CONSUMER_PROPERTIES = Set.of(
      "bootstrap.servers", "group.id", "key.deserializer", "value.deserializer", "enable.auto.commit");

  static InputConfig read(ConfigNode node) {
    boolean hasFile = node.has("file");
    boolean hasKafka = node.has("kafka");
    if (hasFile == hasKafka) {
      // Read both so that the message, not an unknown-key error, says what is wrong.
      throw new ConfigException("config key '" + node.path() + "' needs exactly one of "
          + "'file' or 'kafka'" + (hasFile ? ", not both" : ""));
    }
    if (hasFile) {
      return new InputConfig(node.existingPath("file", true), null);
    }
    return new InputConfig(null, kafka(node.child("kafka")));
  }

  private static KafkaInput kafka(ConfigNode k) {
    String servers = k.requiredString("bootstrapServers");
    String topic = k.requiredString("topic");
    boolean bounded = k.bool("bounded", false);
    String groupId = k.string("groupId", "faultlink");
    String start = k.string("startingOffsets", bounded ? "earliest" : "committed");
    StartingOffsets from;
    Long timestamp = null;
    switch (start.toLowerCase(java.util.Locale.ROOT)) {
      case "earliest" -> from = StartingOffsets.EARLIEST;
      case "latest" -> from = StartingOffsets.LATEST;
      case "committed" -> from = StartingOffsets.COMMITTED;
      default -> {
        try {
          timestamp = java.time.OffsetDateTime.parse(start).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
          try {
            timestamp = Instant.parse(start).toEpochMilli();
          } catch (java.time.format.DateTimeParseException e2) {
            throw new ConfigException("config key '" + k.keyPath("startingOffsets") + "': '" + start
                + "' is none of earliest, latest, committed or a timestamp such as 2026-10-05T00:00:00+08:00");
          }
        }
        from = StartingOffsets.TIMESTAMP;
      }
    }
    Duration idle = k.duration("idleTimeout", Duration.ofMinutes(1), true);
    Map<String, String> props = k.stringMap("properties", RESERVED_CONSUMER_PROPERTIES);
    return new KafkaInput(servers, topic, bounded, groupId, from, timestamp, idle, props);
  }
}
