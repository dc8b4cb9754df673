package com.faultlink.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangePointEstimatorTest {
  private final ChangePointEstimator estimator = new ChangePointEstimator(5, 180, 1, 200, 0.95, 5);

  /** 100 seeded data sets of 100 outages: rate 0.05/min until the true window, then 0.6/min. */
  @ParameterizedTest
  @ValueSource(doubles = {40.0, 37.5})
  void findsAKnownChangePointWithinFiveMinutesAndItsIntervalCoversItInAtLeast90PercentOfRuns(double truth) {
    int runs = 100;
    int covered = 0;
    for (int seed = 0; seed < runs; seed++) {
      List<ChangePointEstimator.Sample> data =
          SyntheticOutages.draw(new SplittableRandom(seed * 7919L + 17), 100, truth, 0.05, 0.6, 35);
      ChangePointEstimator.Estimate e = estimator.estimate(data, seed);
      assertThat(e).as("seed %d", seed).isNotNull();
      assertThat(e.fit().windowMinutes()).as("seed %d", seed).isBetween(truth - 5, truth + 5);
      assertThat(e.ciLowMinutes()).isLessThanOrEqualTo(e.fit().windowMinutes());
      assertThat(e.ciHighMinutes()).isGreaterThanOrEqualTo(e.fit().windowMinutes());
      if (e.ciLowMinutes() <= truth && truth <= e.ciHighMinutes()) {
        covered++;
      }
    }
    assertThat(covered).as("runs whose interval covers %s", truth).isGreaterThanOrEqualTo(90);
  }

  @Test
  void ratesAreComplaintsPerOpenOutageMinuteOnEachSide() {
    // Two outages of 60 and 20 minutes; τ = 30: E1 = 30 + 20 = 50, E2 = 30.
    List<ChangePointEstimator.Sample> data = List.of(
        new ChangePointEstimator.Sample(60, new double[] {10, 31, 32, 33, 40, 41, 50, 59, 65}),
        new ChangePointEstimator.Sample(20, new double[] {5}));
    ChangePointEstimator.Fit fit = new ChangePointEstimator(30, 30.5, 1, 0, 0.95, 1).fit(data);
    assertThat(fit.windowMinutes()).isEqualTo(30);
    assertThat(fit.complaintsBefore()).isEqualTo(2);
    assertThat(fit.complaintsAfter()).as("the complaint after the clear does not count").isEqualTo(7);
    assertThat(fit.ratePerMinuteBefore()).isEqualTo(2 / 50.0);
    assertThat(fit.ratePerMinuteAfter()).isEqualTo(7 / 30.0);
  }

  @Test
  void aConstantOrFallingRateHasNoGoldenWindow() {
    List<ChangePointEstimator.Sample> falling = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      falling.add(new ChangePointEstimator.Sample(100, new double[] {1, 2, 3, 4, 5}));
    }
    assertThat(estimator.estimate(falling, 1)).isNull();
    assertThat(estimator.estimate(List.of(), 1)).isNull();
  }

  @Test
  void theSameDataAndSeedGiveTheSameEstimate() {
    List<ChangePointEstimator.Sample> data =
        SyntheticOutages.draw(new SplittableRandom(3), 50, 45, 0.05, 0.6, 35);
    assertThat(estimator.estimate(data, 42)).usingRecursiveComparison()
        .isEqualTo(estimator.estimate(data, 42));
  }

  @Test
  void longOutagesBeingRareDoesNotLookLikeAFallingRate() {
    // A constant rate, heavily skewed durations: per-minute counts fall with elapsed time only because fewer
    // outages are still open; normalised by exposure there is no rise, hence no window.
    int noWindow = 0;
    for (int seed = 0; seed < 20; seed++) {
      List<ChangePointEstimator.Sample> data =
          SyntheticOutages.draw(new SplittableRandom(seed), 100, 1000, 0.3, 0.3, 20);
      ChangePointEstimator.Estimate e = estimator.estimate(data, seed);
      if (e == null || e.fit().likelihoodRatio() < 10) {
        noWindow++;
      }
    }
    assertThat(noWindow).isGreaterThanOrEqualTo(18);
  }
}
