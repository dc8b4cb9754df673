package com.faultlink.io.input;

import com.faultlink.config.InputLimits;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka message value is one input line, byte for byte: decoded as UTF-8 with every invalid byte sequence
 * replaced by U+FFFD, exactly as the file source reads a line ({@link BoundedLineFormat}). A UTF-8 byte-order mark
 * at its start is not part of the line. A value longer than {@code input.maxLineBytes} is handed on as an {@link
 * OversizedLine} (its start only), which {@link ParseLines} dead-letters. The key is ignored. A message without a
 * value (a tombstone) is an empty line. Each line carries its partition ({@link PartitionTag}), so that lateness
 * is judged per partition, and notes its topic, partition and offset ({@link LineOrigin}) for its dead letter.
 * Whether the line is an event is for {@link ParseLines} to decide: whatever it rejects (not JSON, not UTF-8, empty,
 * …) goes to the dead letters like a bad line of a file.
 */
public final class KafkaLineDeserializer implements KafkaRecordDeserializationSchema<String> {
  private static final long serialVersionUID = 1L;

  private final int maxLineBytes;
  /** The task thread's note, fetched at the first record (the connector deserializes in the task thread). */
  private transient LineOrigin origin;

  /** With the default {@code input.maxLineBytes}. */
  public KafkaLineDeserializer() {
    this(InputLimits.defaults().maxLineBytes());
  }

  public KafkaLineDeserializer(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
    String line = PartitionTag.tag(record.partition(), decode(record.value(), maxLineBytes));
    if (origin == null) {
      origin = LineOrigin.current();
    }
    origin.fromKafka(line, record.topic(), record.partition(), record.offset());
    out.collect(line);
  }

  /** The line of a message value, with the default {@code input.maxLineBytes}. */
  public static String decode(byte[] value) {
    return decode(value, InputLimits.defaults().maxLineBytes());
  }

  /** The line of a message value; {@code new String(bytes, UTF_8)} always replaces malformed input. */
  public static String decode(byte[] value, int maxLineBytes) {
    if (value == null) {
      return "";
    }
    int from = value.length >= 3 && value[0] == (byte) 0xEF && value[1] == (byte) 0xBB && value[2] == (byte) 0xBF
        ? 3 : 0;
    int n = value.length - from;
    return n > maxLineBytes ? OversizedLine.of(n, value, from, n, maxLineBytes)
        : new String(value, from, n, StandardCharsets.UTF_8);
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }
}
