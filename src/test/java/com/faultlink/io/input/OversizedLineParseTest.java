package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.FaultLinkPipeline;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.DeadLetter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** A line cut by the reader is dead-lettered, truncated, with a reason naming input.maxLineBytes; never parsed. */
class OversizedLineParseTest {
  @Test
  void aCutLineIsADeadLetterWithTruncatedTrue() throws Exception {
    // A well-formed raise, padded past the limit: parsed whole it would be accepted.
    String raise = "{\"eventId\":\"ev-1\",\"eventType\":\"AlarmCreateEvent\",\"eventTime\":\"2026-10-05T08:00:00+08:00\","
        + "\"event\":{\"alarm\":{\"id\":\"A-1\",\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"NX-YC-0001-1\"},"
        + "\"alarmRaisedTime\":\"2026-10-05T08:00:00+08:00\",\"sourceSystemId\":\"OMC-1\",\"pad\":\"" + "p".repeat(3000)
        + "\"}}}";
    String cut;
    try (BoundedLineFormat.Reader r = new BoundedLineFormat.Reader(
        new ByteArrayInputStream((raise + "\n").getBytes(StandardCharsets.UTF_8)), 1024)) {
      cut = r.read();
    }
    int maxRawChars = 100;
    try (OneInputStreamOperatorTestHarness<String, AlarmEvent> h = ProcessFunctionTestHarnesses.forProcessFunction(
        new ParseLines<>("alarms", FaultLinkPipeline.alarmParsers(), maxRawChars))) {
      h.processElement(new StreamRecord<>(cut, 0L));
      h.processElement(new StreamRecord<>("short and not JSON", 0L));
      assertThat(h.extractOutputValues()).isEmpty();
      List<DeadLetter> dead = h.getSideOutput(ParseLines.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
      assertThat(dead).hasSize(2);
      DeadLetter big = dead.get(0);
      assertThat(big.source()).isEqualTo("alarms");
      assertThat(big.reason()).contains("input.maxLineBytes").contains(Integer.toString(raise.length()));
      assertThat(big.truncated()).isTrue();
      assertThat(big.raw()).isEqualTo(raise.substring(0, maxRawChars));
      // A short line is kept whole and not marked truncated; the cut's raw is truncated even when short.
      assertThat(dead.get(1).truncated()).isFalse();
      assertThat(ParseLines.deadLetter("alarms", "r", "abc", 100, true).truncated()).isTrue();
    }
  }
}
