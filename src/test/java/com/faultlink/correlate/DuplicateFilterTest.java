package com.faultlink.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {
  private KeyedOneInputStreamOperatorTestHarness<String, String, String> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new DuplicateFilter<String>(Duration.ofMinutes(10), "duplicates", true), s -> s, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void theSecondEventWithTheSameIdIsDropped() throws Exception {
    harness.processElement("ev-1", 1_000);
    harness.processElement("ev-2", 2_000);
    harness.processElement("ev-1", 3_000);
    assertThat(harness.extractOutputValues()).containsExactly("ev-1", "ev-2");
  }

  @Test
  void anIdIsForgottenAfterTheRetentionSoStateStaysBounded() throws Exception {
    harness.processElement("ev-1", 1_000);
    harness.processWatermark(1_000 + Duration.ofMinutes(11).toMillis());
    assertThat(harness.numKeyedStateEntries()).isZero();
    harness.processElement("ev-1", Duration.ofMinutes(12).toMillis());
    assertThat(harness.extractOutputValues()).containsExactly("ev-1", "ev-1");
  }

  @Test
  void aLateEventIsPassedOnNotDropped() throws Exception {
    harness.processWatermark(50_000);
    harness.processElement("ev-late", 1_000);
    assertThat(harness.extractOutputValues()).containsExactly("ev-late");
  }
}
