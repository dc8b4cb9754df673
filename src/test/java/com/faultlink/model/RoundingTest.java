package com.faultlink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundingTest {

  /** Bit-exact comparison, so that -0.0 is not mistaken for 0.0. */
  private static void assertExactly(double actual, double expected) {
    assertThat(Double.doubleToRawLongBits(actual))
        .as("%s should be exactly %s", actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "1.005, 1.01",
    "2.675, 2.68",
    "1.015, 1.02",
    "0.125, 0.13",
    "0.124999, 0.12",
    "2.345, 2.35",
    "1.0049999, 1.0",
    "-1.005, -1.01",
    "-2.675, -2.68",
    "-0.125, -0.13",
    "0.0, 0.0",
    "12.3, 12.3",
    "99.995, 100.0",
    "123456789.125, 123456789.13",
    "0.005, 0.01",
    "0.004999, 0.0",
  })
  void halfUp2(double value, double expected) {
    assertExactly(Rounding.halfUp2(value), expected);
  }

  @Test
  void neverNegativeZero() {
    assertExactly(Rounding.halfUp2(-0.0), 0.0);
    assertExactly(Rounding.halfUp2(-0.001), 0.0);
    assertExactly(Rounding.halfUp2(-0.004999), 0.0);
    assertExactly(Rounding.halfUp2(-1e-300), 0.0);
    assertExactly(Rounding.halfUp2(-0.005), -0.01);
    assertExactly(Rounding.halfUp2OrNull(-0.0), 0.0);
    assertExactly(Rounding.changePct(5, 5), 0.0);
    assertExactly(Rounding.changePct(-5, -5), 0.0);
    assertExactly(Rounding.changePct(1e9, 1e9 - 1), 0.0); // -1e-7 % rounds to 0, not -0
    assertExactly(Rounding.minutes(-1), 0.0);
    assertExactly(Rounding.per10k(0, 1000), 0.0);
  }

  @Test
  void tinyAndHugeValues() {
    assertExactly(Rounding.halfUp2(Double.MIN_VALUE), 0.0);
    assertExactly(Rounding.halfUp2(1e15 + 0.5), 1e15 + 0.5);
    assertExactly(Rounding.halfUp2(Double.MAX_VALUE), Double.MAX_VALUE);
  }

  @Test
  void nonFiniteValuesAreRejected() {
    assertThatThrownBy(() -> Rounding.halfUp2(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rounding.halfUp2(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rounding.halfUp2OrNull(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rounding.changePct(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rounding.changePct(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void halfUp2OrNull() {
    assertThat(Rounding.halfUp2OrNull(null)).isNull();
    assertThat(Rounding.halfUp2OrNull(1.005)).isEqualTo(1.01);
    assertThat(Rounding.halfUp2OrNull(-2.675)).isEqualTo(-2.68);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.0",
    "60000, 1.0",
    "90000, 1.5",
    "1000, 0.02", // 0.01666...
    "900, 0.02", // exactly 0.015: the half rounds up
    "899, 0.01", // 0.014983...
    "299, 0.0", // 0.004983...
    "300, 0.01", // exactly 0.005
    "2700000, 45.0",
    "2712345, 45.21", // 45.20575
    "-90000, -1.5",
    "-900, -0.02",
    "8640000000000, 144000000.0",
  })
  void minutes(long millis, double expected) {
    assertExactly(Rounding.minutes(millis), expected);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.0",
    "3600000, 1.0",
    "5400000, 1.5",
    "18000, 0.01", // exactly 0.005
    "17999, 0.0",
    "60000, 0.02", // 0.01666...
    "90000000, 25.0",
  })
  void hours(long millis, double expected) {
    assertExactly(Rounding.hours(millis), expected);
  }

  @ParameterizedTest
  @CsvSource({
    "4, 5, 25.0",
    "4, 3, -25.0",
    "3, 4, 33.33",
    "3, 5, 66.67",
    "3, 2, -33.33",
    "3, 1, -66.67",
    "6, 5, -16.67", // -16.666...: half away from zero
    "8, 9, 12.5",
    "200, 201, 0.5",
    "2000, 2001, 0.05",
    "40000, 40002, 0.01", // exactly 0.005
    "40000, 39998, -0.01", // exactly -0.005
    "1.2, 1.5, 25.0",
    "0.1, 0.3, 200.0",
    "5, 0, -100.0",
    "1, 1000, 99900.0",
    "-4, -5, 25.0",
  })
  void changePct(double previous, double current, double expected) {
    assertExactly(Rounding.changePct(previous, current), expected);
  }

  @Test
  void changePctIsNullWithoutABase() {
    assertThat(Rounding.changePct(0, 5)).isNull();
    assertThat(Rounding.changePct(0, 0)).isNull();
    assertThat(Rounding.changePct(-0.0, 3)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "0, 5, 0.0",
    "1, 3, 33.33",
    "2, 3, 66.67",
    "1, 8, 12.5",
    "1, 200, 0.5",
    "1, 2000, 0.05",
    "1, 20000, 0.01", // exactly 0.005
    "1, 20001, 0.0",
    "5, 5, 100.0",
    "7, 7000, 0.1",
  })
  void ratePct(long part, long whole, double expected) {
    assertExactly(Rounding.ratePct(part, whole), expected);
  }

  @Test
  void ratePctIsNullForAnEmptyWhole() {
    assertThat(Rounding.ratePct(0, 0)).isNull();
    assertThat(Rounding.ratePct(3, 0)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "0, 1000, 0.0",
    "1, 3, 3333.33",
    "2, 3, 6666.67",
    "3, 200000, 0.15",
    "1, 80000, 0.13", // 0.125
    "201, 2000000, 1.01", // exactly 1.005
    "1, 2000001, 0.0", // 0.00499...
    "1, 2000000, 0.01", // exactly 0.005
    "15, 1250000, 0.12",
    "123, 4560000, 0.27", // 0.2697...
    "5, 5, 10000.0",
  })
  void per10k(long count, long subscribers, double expected) {
    assertExactly(Rounding.per10k(count, subscribers), expected);
  }

  @Test
  void per10kIsZeroWithoutSubscribers() {
    assertExactly(Rounding.per10k(0, 0), 0.0);
    assertExactly(Rounding.per10k(17, 0), 0.0);
  }
}
