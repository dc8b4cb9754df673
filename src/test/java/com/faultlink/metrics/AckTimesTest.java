package com.faultlink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckTimesTest {
  @Test
  void noValuesHaveNoMeanAndNoPercentile() {
    assertThat(AckTimes.mean(List.of())).isNull();
    assertThat(AckTimes.p90(List.of())).isNull();
  }

  @Test
  void theNinetiethPercentileIsTheNearestRankOneOutagesOwnFigure() {
    // n = 10: rank ceil(9.0) = 9 -> the 9th smallest; n = 3: ceil(2.7) = 3 -> the largest; n = 1: itself
    List<Double> ten = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      ten.add((double) i);
    }
    assertThat(AckTimes.p90(ten)).isEqualTo(9.0);
    assertThat(AckTimes.p90(List.of(8.0, 36.0, 20.0))).isEqualTo(36.0);
    assertThat(AckTimes.p90(List.of(4.5))).isEqualTo(4.5);
    // n = 20: rank 18 (0.9 * 20 in floating point is not a safe ceiling)
    List<Double> twenty = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      twenty.add((double) i);
    }
    assertThat(AckTimes.p90(twenty)).isEqualTo(18.0);
    // n = 11: rank ceil(9.9) = 10
    assertThat(AckTimes.p90(twenty.subList(0, 11))).isEqualTo(10.0);
  }

  @Test
  void theMeanIsUnrounded() {
    assertThat(AckTimes.mean(List.of(8.0, 36.0, 20.0))).isEqualTo(64.0 / 3);
  }
}
