package com.faultlink.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void itemsArrivingAtOnceAreSpreadToTheRate() {
    Pacer pacer = new Pacer(4);
    assertThat(pacer.delayNanosFor(0)).isZero();
    assertThat(pacer.delayNanosFor(0)).isEqualTo(SECOND / 4);
    assertThat(pacer.delayNanosFor(0)).isEqualTo(SECOND / 2);
    assertThat(pacer.delayNanosFor(0)).isEqualTo(3 * SECOND / 4);
  }

  @Test
  void itemsSlowerThanTheRateAreNotDelayed() {
    Pacer pacer = new Pacer(10);
    for (int i = 0; i < 5; i++) {
      assertThat(pacer.delayNanosFor(i * SECOND)).isZero();
    }
  }

  @Test
  void aRateMustBePositive() {
    assertThatThrownBy(() -> new Pacer(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
