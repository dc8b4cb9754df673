package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A message value is the input line, byte for byte, read as the file source reads a line. */
class KafkaLineDeserializerTest {
  private static String line(byte[] value) {
    List<String> out = new ArrayList<>();
    new KafkaLineDeserializer().deserialize(new ConsumerRecord<>("t", 0, 0L, "key".getBytes(), value),
        new Collector<>() {
          @Override
          public void collect(String record) {
            out.add(record);
          }

          @Override
          public void close() {}
        });
    assertThat(out).hasSize(1);
    assertThat(PartitionTag.partition(out.get(0))).as("the partition travels with the line").isEqualTo(0);
    return PartitionTag.line(out.get(0));
  }

  @Test
  void utf8TextIsTheLine() {
    String text = "{\"eventId\":\"e-1\",\"specificProblem\":\"小区退服\"}";
    assertThat(line(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }

  @Test
  void invalidUtf8IsReplacedNotDropped() {
    byte[] value = {'{', (byte) 0xFF, 'x', (byte) 0xC3, '(', '}'};
    assertThat(line(value)).isEqualTo("{\uFFFDx\uFFFD(}");
  }

  @Test
  void emptyAndMissingValuesAreEmptyLines() {
    assertThat(line(new byte[0])).isEmpty();
    assertThat(line(null)).isEmpty();
  }

  @Test
  void theKeyIsIgnored() {
    assertThat(line("x".getBytes(StandardCharsets.UTF_8))).isEqualTo("x");
  }

  @Test
  void aByteOrderMarkAtTheStartOfAMessageIsNotPartOfTheLine() {
    byte[] value = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
    assertThat(line(value)).isEqualTo("{}");
  }

  @Test
  void aValueLongerThanMaxLineBytesIsHandedOnCutAndMarked() {
    byte[] value = "x".repeat(2000).getBytes(StandardCharsets.UTF_8);
    String cut = KafkaLineDeserializer.decode(value, 1024);
    assertThat(OversizedLine.isMarked(cut)).isTrue();
    assertThat(OversizedLine.totalBytes(cut)).isEqualTo(2000);
    assertThat(OversizedLine.keptText(cut)).isEqualTo("x".repeat(1024));
    // At the limit, the value is the line.
    assertThat(KafkaLineDeserializer.decode("y".repeat(1024).getBytes(StandardCharsets.UTF_8), 1024))
        .isEqualTo("y".repeat(1024));
  }
}
