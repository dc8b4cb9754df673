package com.faultlink.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Outage;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutageAckMatcherTest {
  private static final long MIN = 60_000L;
  private static final long T0 = 1_790_000_000_000L;
  private static final long GAP = 5 * MIN;

  private KeyedTwoInputStreamOperatorTestHarness<String, Outage, AlarmAck, OutageAck> h;

  @BeforeEach
  void open() throws Exception {
    h = new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new OutageAckMatcher(GAP, 2 * 24 * 60 * MIN)), Outage::cellId, AlarmAck::cellId,
        Types.STRING);
    h.open();
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  private static Outage outage(String id, long start, Long end) {
    return new Outage(id, "C1", "S1", "Yinchuan", "4G", start, end, null, false, null);
  }

  private List<String> emitted() {
    return h.extractOutputValues().stream().map(a -> a.outageId() + " " + a.minutes()).toList();
  }

  @Test
  void theEarliestAcknowledgementOfAnyOfItsAlarmsWinsWhateverTheArrivalOrder() throws Exception {
    h.processElement1(outage("O1", T0, null), T0);
    h.processElement2(new AlarmAck("C1", "OMC/A-1", T0, T0 + 12 * MIN), T0 + 12 * MIN);
    h.processElement2(new AlarmAck("C1", "OMC/A-1", T0, T0 + 8 * MIN), T0 + 8 * MIN);
    h.processWatermark2(new Watermark(T0 + 12 * MIN));
    h.processWatermark1(new Watermark(T0 + 12 * MIN));
    assertThat(emitted()).as("not before the ack time plus the merge gap").isEmpty();
    h.processWatermark1(new Watermark(T0 + 13 * MIN));
    h.processWatermark2(new Watermark(T0 + 13 * MIN));
    assertThat(emitted()).containsExactly("O1 8.0");
    // an even earlier one arriving behind the watermark changes nothing: the first was already counted
    h.processElement2(new AlarmAck("C1", "OMC/A-1", T0, T0 + 5 * MIN), T0 + 5 * MIN);
    h.processWatermark1(new Watermark(T0 + 60 * MIN));
    h.processWatermark2(new Watermark(T0 + 60 * MIN));
    assertThat(emitted()).containsExactly("O1 8.0");
  }

  @Test
  void anAckOfAFlapsLaterAlarmBelongsToTheOutageOpenAtThatAlarmsRaise() throws Exception {
    h.processElement1(outage("O1", T0, T0 + 30 * MIN), T0 + 30 * MIN);
    h.processElement1(outage("O2", T0 + 60 * MIN, T0 + 90 * MIN), T0 + 90 * MIN);
    h.processElement1(outage("O2", T0 + 60 * MIN, null), T0 + 93 * MIN); // re-raised within the merge gap
    h.processElement2(new AlarmAck("C1", "OMC/A-3", T0 + 93 * MIN, T0 + 96 * MIN), T0 + 96 * MIN);
    // an ack of an alarm raised when no outage of the cell was open: counted, nothing emitted
    h.processElement2(new AlarmAck("C1", "OMC/A-9", T0 + 45 * MIN, T0 + 50 * MIN), T0 + 50 * MIN);
    h.processWatermark1(new Watermark(T0 + 200 * MIN));
    h.processWatermark2(new Watermark(T0 + 200 * MIN));
    assertThat(emitted()).containsExactly("O2 36.0");
  }
}
