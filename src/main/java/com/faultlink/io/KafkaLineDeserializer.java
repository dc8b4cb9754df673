package com.faultlink.io;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka message value is one input line, byte for byte: decoded as UTF-8 with every invalid byte sequence
 * replaced by U+FFFD, exactly as the file source reads a line. The key is ignored. A message without a value
 * (a tombstone) is an empty line. Whether the line is an event is for {@link ParseLines} to decide: whatever it
 * rejects (not JSON, not UTF-8, empty, …) goes to the dead letters like a bad line of a file.
 */
public final class KafkaLineDeserializer implements KafkaRecordDeserializationSchema<String> {
  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
    out.collect(decode(record.value()));
  }

  /** The line of a message value; {@code new String(bytes, UTF_8)} always replaces malformed input. */
  public static String decode(byte[] value) {
    return value == null ? "" : new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }
}
