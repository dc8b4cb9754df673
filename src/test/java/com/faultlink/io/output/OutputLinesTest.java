package com.faultlink.io.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class OutputLinesTest {
  @Test
  void eachRecordBecomesItsKeyedLineWithItsTimestampAndTheLagFollowsTheWatermark() throws Exception {
    OutputLines<String> op = new OutputLines<>("alerts", s -> new KeyedLine("k-" + s, "{\"v\":\"" + s + "\"}"));
    try (OneInputStreamOperatorTestHarness<String, KeyedLine> h = new OneInputStreamOperatorTestHarness<>(op)) {
      h.open();
      assertThat(op.watermarkLagMillis()).as("before the first watermark").isEqualTo(-1L);
      h.processElement(new StreamRecord<>("a", 1_000L));
      h.processElement(new StreamRecord<>("b", 2_000L));
      long tenMinutesAgo = System.currentTimeMillis() - 600_000L;
      h.processWatermark(new Watermark(tenMinutesAgo));

      assertThat(h.extractOutputStreamRecords()).extracting(StreamRecord::getValue, StreamRecord::getTimestamp)
          .containsExactly(
              tuple(new KeyedLine("k-a", "{\"v\":\"a\"}"), 1_000L),
              tuple(new KeyedLine("k-b", "{\"v\":\"b\"}"), 2_000L));
      assertThat(op.watermarkLagMillis()).isBetween(600_000L, 660_000L);
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      assertThat(op.watermarkLagMillis()).as("end of input").isEqualTo(-1L);
      assertThat(List.copyOf(h.getOutput())).last().isEqualTo(new Watermark(Long.MAX_VALUE));
    }
  }
}
