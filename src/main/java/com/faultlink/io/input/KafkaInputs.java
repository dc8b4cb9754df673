package com.faultlink.io.input;

import com.faultlink.config.InputConfig;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Reads an input from a Kafka topic: one message value = one input line (see {@link KafkaLineDeserializer}).
 *
 * <p>Event time is assigned in the source, per partition: the source parses each line once more for its
 * domain time ({@link LineEventTime}) and keeps a watermark per partition, the minimum of which moves the
 * input's event time. A partition without messages for {@code idleTimeout} stops holding it back.
 */
@SuppressWarnings("deprecation") // OffsetResetStrategy: still the type the connector's OffsetsInitializer takes
public final class KafkaInputs {
  private KafkaInputs() {}

  /**
   * The input's lines.
   *
   * @param watermarks the event-time watermarks of the input, with the line's timestamp assigner, or {@link
   *     WatermarkStrategy#noWatermarks()} for an input that carries no event time (planned works)
   */
  public static DataStream<String> read(StreamExecutionEnvironment env, String name, InputConfig.KafkaInput input,
      WatermarkStrategy<String> watermarks) {
    return read(env, name, input, watermarks, com.faultlink.config.InputLimits.defaults().maxLineBytes());
  }

  /** The same, with values longer than {@code maxLineBytes} dead-lettered (see {@link KafkaLineDeserializer}). */
  public static DataStream<String> read(StreamExecutionEnvironment env, String name, InputConfig.KafkaInput input,
      WatermarkStrategy<String> watermarks, int maxLineBytes) {
    WatermarkStrategy<String> strategy = watermarks;
    if (!input.idleTimeout().isZero()) {
      strategy = strategy.withIdleness(input.idleTimeout());
    }
    KafkaSource<String> kafka = source(name, input, maxLineBytes);
    String title = "Read " + name + " (Kafka " + input.topic() + ")";
    return (input.bounded()
            ? env.fromSource(new BoundedKafkaSource<>(kafka), strategy, title)
            : env.fromSource(kafka, strategy, title))
        .uid("source-kafka-" + name);
  }

  static KafkaSource<String> source(String name, InputConfig.KafkaInput input) {
    return source(name, input, com.faultlink.config.InputLimits.defaults().maxLineBytes());
  }

  static KafkaSource<String> source(String name, InputConfig.KafkaInput input, int maxLineBytes) {
    Properties props = new Properties();
    // Inputs written by transactional producers (another FaultLink, Kafka Streams): only what they committed.
    props.setProperty("isolation.level", "read_committed");
    props.setProperty("client.id.prefix", input.groupId() + "-" + name);
    props.putAll(input.properties());
    KafkaSourceBuilder<String> builder = KafkaSource.<String>builder()
        .setBootstrapServers(input.bootstrapServers())
        .setTopics(input.topic())
        .setGroupId(input.groupId())
        .setStartingOffsets(startingOffsets(input))
        .setDeserializer(new KafkaLineDeserializer(maxLineBytes))
        .setProperties(props);
    if (input.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  static OffsetsInitializer startingOffsets(InputConfig.KafkaInput input) {
    return switch (input.startingOffsets()) {
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      case TIMESTAMP -> OffsetsInitializer.timestamp(input.startTimestamp());
    };
  }
}
