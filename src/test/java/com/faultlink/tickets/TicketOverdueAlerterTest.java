package com.faultlink.tickets;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import java.time.ZoneId;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TICKETS_OVERDUE for one region and tier, threshold 2, changes arriving out of order. */
class TicketOverdueAlerterTest {
  private KeyedOneInputStreamOperatorTestHarness<String, OverdueChange, Alert> h;

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void firesWhenTheCountReachesTheThresholdInEventTimeOrderAndResolvesBelowIt() throws Exception {
    h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new TicketOverdueAlerter(2, ZoneId.of("Asia/Shanghai")), OverdueChange::key, Types.STRING);
    long t0 = t("2026-10-06T10:00");
    // arrival order differs from event-time order: at t0+10 a ticket ends before the third becomes overdue
    h.processElement(new OverdueChange("Yinchuan", "urgent", t0 + minutes(20), +1), t0 + minutes(20));
    h.processElement(new OverdueChange("Yinchuan", "urgent", t0, +1), t0);
    h.processElement(new OverdueChange("Yinchuan", "urgent", t0 + minutes(10), -1), t0 + minutes(10));
    h.processElement(new OverdueChange("Yinchuan", "urgent", t0 + minutes(5), +1), t0 + minutes(5));
    h.processWatermark(t0 + minutes(30));
    h.processElement(new OverdueChange("Yinchuan", "urgent", t0 + minutes(40), -1), t0 + minutes(40));
    h.processWatermark(t0 + minutes(60));
    assertThat(h.extractOutputValues()).extracting(Alert::status, Alert::at, Alert::count, Alert::tier)
        .containsExactly(
            tuple(AlertStatus.FIRING, t0 + minutes(5), 2L, "urgent"),
            tuple(AlertStatus.RESOLVED, t0 + minutes(10), 1L, "urgent"),
            tuple(AlertStatus.FIRING, t0 + minutes(20), 2L, "urgent"),
            tuple(AlertStatus.RESOLVED, t0 + minutes(40), 1L, "urgent"));
    assertThat(h.extractOutputValues().get(0).alertId())
        .isEqualTo("TICKETS_OVERDUE/Yinchuan/urgent/2026-10-06T10:05:00+08:00");
    assertThat(h.extractOutputValues().get(1).alertId()).isEqualTo(h.extractOutputValues().get(0).alertId());
  }
}
