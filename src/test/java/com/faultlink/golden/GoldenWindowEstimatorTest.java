package com.faultlink.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's golden window on shapes whose answer follows from its definition: the first elapsed time after the
 * 15-minute baseline span at which the complaint rate per open outage reaches 3 times its mean over that span.
 */
class GoldenWindowEstimatorTest {
  private static final GoldenWindowEstimator ESTIMATOR =
      new GoldenWindowEstimator(3, 15, 1, 180, 10, 5, 200, 0.95, 0.01);

  /**
   * Shape, rate per open outage per minute, its largest value, heterogeneity between outages, and the known answer
   * (null: nothing published) with the status and the tolerance. Derivations:
   * <ul>
   *   <li>step: baseline 0.02, 3x = 0.06, first reached at the step, 35;
   *   <li>steady rise 0.005 + 0.001 t: baseline = 0.005 + 0.001 * 7.5 = 0.0125, 3x = 0.0375 = 0.005 + 0.001 t at
   *       t = 32.5;
   *   <li>rise to a plateau 0.01 + 0.002 * clamp(t - 20, 0, 20) (0.05 from 40 on): baseline 0.01, 0.03 at t = 30;
   *   <li>two steps 0.02, 0.04 from 25 (2x: below the ratio), 0.12 from 50 (6x): 50;
   *   <li>constant 0.03: never 3x, nothing published ({@code no-rise});
   *   <li>falling 0.05 then 0.02 from 20: never 3x and lower after the baseline ({@code falling});
   *   <li>big and small outages (each outage's rate times a gamma factor of variance 2, the population rate the
   *       step's): 35; and the same with a constant rate: nothing.
   * </ul>
   */
  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("step", (DoubleUnaryOperator) t -> t < 35 ? 0.02 : 0.24, 0.24, 0.0, 35.0, 1.0, "estimated"),
        Arguments.of("steady rise", (DoubleUnaryOperator) t -> 0.005 + 0.001 * t, 0.185, 0.0, 32.5, 0.15 * 32.5,
            "estimated"),
        Arguments.of("rise to a plateau",
            (DoubleUnaryOperator) t -> 0.01 + 0.002 * Math.min(20, Math.max(0, t - 20)), 0.05, 0.0, 30.0, 0.15 * 30,
            "estimated"),
        Arguments.of("two steps", (DoubleUnaryOperator) t -> t < 25 ? 0.02 : t < 50 ? 0.04 : 0.12, 0.12, 0.0, 50.0,
            1.0, "estimated"),
        Arguments.of("constant", (DoubleUnaryOperator) t -> 0.03, 0.03, 0.0, null, 0.0, "no-rise"),
        Arguments.of("falling", (DoubleUnaryOperator) t -> t < 20 ? 0.05 : 0.02, 0.05, 0.0, null, 0.0, "falling"),
        Arguments.of("big and small outages, step", (DoubleUnaryOperator) t -> t < 35 ? 0.02 : 0.24, 0.24, 2.0, 35.0,
            1.0, "estimated"),
        Arguments.of("big and small outages, constant", (DoubleUnaryOperator) t -> 0.03, 0.03, 2.0, null, 0.0,
            "no-rise"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void findsTheContractsWindowOrNone(String shape, DoubleUnaryOperator rate, double maxRate, double heterogeneity,
      Double window, double tolerance, String status) {
    List<GoldenWindowEstimator.Sample> data =
        SyntheticOutages.draw(new SplittableRandom(20), 1000, rate, maxRate, 60, heterogeneity);
    GoldenWindowEstimator.Estimate e = ESTIMATOR.estimate(data, 7);
    assertThat(e.status()).as(e.toString()).isEqualTo(status);
    if (window == null) {
      assertThat(e.ciLowMinutes()).isNull();
      assertThat(e.riseZ()).as("evidence below what publishing needs").isLessThan(e.riseZCritical());
      return;
    }
    assertThat(e.windowMinutes()).as(e.toString()).isCloseTo(window, within(tolerance));
    assertThat(e.ciLowMinutes()).as("interval covers the true window").isLessThanOrEqualTo(window);
    assertThat(e.ciHighMinutes()).as("interval covers the true window").isGreaterThanOrEqualTo(window);
  }

  @Test
  void theSameSeedGivesTheSameEstimate_bitForBit() {
    List<GoldenWindowEstimator.Sample> data =
        SyntheticOutages.draw(new SplittableRandom(3), 400, t -> 0.005 + 0.001 * t, 0.185, 60, 1.0);
    GoldenWindowEstimator.Estimate a = ESTIMATOR.estimate(data, 11);
    GoldenWindowEstimator.Estimate b = new GoldenWindowEstimator(3, 15, 1, 180, 10, 5, 200, 0.95, 0.01)
        .estimate(data, 11);
    assertThat(b).isEqualTo(a);
    assertThat(a.ciLowMinutes()).isNotNull();
  }

  @Test
  void aZeroBaselineOrTooFewOpenOutagesPublishNothing() {
    // No complaint in the first 15 minutes: any later complaint would be "infinitely" many times the baseline.
    List<GoldenWindowEstimator.Sample> data =
        SyntheticOutages.draw(new SplittableRandom(4), 300, t -> t < 15 ? 0 : 0.1, 0.1, 60, 0);
    GoldenWindowEstimator.Estimate e = ESTIMATOR.estimate(data, 1);
    assertThat(e.status()).isEqualTo("too-few-outages");
    assertThat(e.baselineComplaints()).isZero();
    // Every outage shorter than the baseline span: none open after it.
    List<GoldenWindowEstimator.Sample> shortOnes = List.of(new GoldenWindowEstimator.Sample(10, new double[] {1, 2}));
    assertThat(ESTIMATOR.estimate(shortOnes, 1).status()).isEqualTo("too-few-outages");
  }
}
