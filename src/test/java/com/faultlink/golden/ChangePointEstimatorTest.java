package com.faultlink.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
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

  /**
   * The estimator's hot loop sums exposures through running sums over the grid; the result must be the
   * straightforward per-grid-point computation's — the same windows, intervals, rates and counts, the
   * likelihood ratio to rounding — on data with ties, zero durations, durations on grid points, complaints
   * outside the outage and few outages open at long windows.
   */
  /** Equal to a few units in the last place of a double. */
  private static final Comparator<Double> TO_ROUNDING =
      (a, b) -> Math.abs(a - b) <= 1e-12 * Math.max(1, Math.max(Math.abs(a), Math.abs(b))) ? 0 : Double.compare(a, b);

  @Test
  void equalsTheStraightforwardComputation() {
    SplittableRandom random = new SplittableRandom(11);
    int compared = 0;
    for (int run = 0; run < 60; run++) {
      int n = 1 + random.nextInt(run < 30 ? 60 : 400);
      // Half the runs with a real rise (most of those have an estimate), half of noise.
      List<ChangePointEstimator.Sample> data = run % 2 == 0
          ? new ArrayList<>(SyntheticOutages.draw(random.split(), n, 20 + random.nextInt(60), 0.05, 0.6, 35))
          : new ArrayList<>();
      for (int i = 0; i < (run % 2 == 0 ? n / 10 : n); i++) {
        double d = switch (random.nextInt(5)) {
          case 0 -> random.nextInt(200); // on a grid point, or zero
          case 1 -> random.nextDouble() * 20;
          default -> random.nextDouble() * 240;
        };
        double[] lags = new double[random.nextInt(12)];
        for (int k = 0; k < lags.length; k++) {
          lags[k] = random.nextInt(4) == 0 ? random.nextInt(250) - 5 : random.nextDouble() * (d + 40) - 2;
        }
        data.add(new ChangePointEstimator.Sample(d, lags));
      }
      int minOpen = 1 + random.nextInt(6);
      int resamples = run % 3 == 0 ? 150 : 50; // 150: scanned in three groups, the last one short
      ChangePointEstimator fast = new ChangePointEstimator(5, 180, 1, resamples, 0.95, minOpen);
      NaiveChangePointEstimator naive = new NaiveChangePointEstimator(5, 180, 1, resamples, 0.95, minOpen);
      long seed = random.nextLong();
      ChangePointEstimator.Estimate expected = naive.estimate(data, seed);
      assertThat(fast.estimate(data, seed)).as("run %d", run).usingRecursiveComparison()
          .withComparatorForFields(TO_ROUNDING, "fit.likelihoodRatio").isEqualTo(expected);
      assertThat(fast.fit(data)).as("run %d", run).usingRecursiveComparison()
          .withComparatorForFields(TO_ROUNDING, "likelihoodRatio").isEqualTo(naive.fit(data));
      if (expected != null) {
        compared++;
      }
    }
    assertThat(compared).as("runs with an estimate").isGreaterThan(20);
  }

  @Test
  void resamplesScannedOneAtATimeWhereCountsCouldOverflowGiveTheSameEstimates() {
    SplittableRandom random = new SplittableRandom(5);
    int compared = 0;
    // one instance for every data set: its kept work arrays, sized for the largest so far, start from zero each time
    ChangePointEstimator together = new ChangePointEstimator(5, 180, 1, 130, 0.95, 5);
    for (int run = 0; run < 10; run++) {
      List<ChangePointEstimator.Sample> data =
          SyntheticOutages.draw(random.split(), 40 + random.nextInt(200), 20 + random.nextInt(60), 0.05, 0.6, 35);
      ChangePointEstimator oneByOne = new ChangePointEstimator(5, 180, 1, 130, 0.95, 5);
      oneByOne.batchedCountLimit = 0;
      long seed = random.nextLong();
      ChangePointEstimator.Estimate expected = oneByOne.estimate(data, seed);
      assertThat(together.estimate(data, seed)).as("run %d", run).usingRecursiveComparison().isEqualTo(expected);
      assertThat(together.estimate(data, seed)).as("run %d, again", run).usingRecursiveComparison().isEqualTo(expected);
      if (expected != null) {
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(5);
  }

  @Test
  void theRoughLogarithmIsWithinItsStatedErrorOfTheExactOneFromMillionthsToBillions() {
    SplittableRandom random = new SplittableRandom(3);
    double worst = 0;
    for (int i = 0; i < 200_000; i++) {
      double y = Math.exp(random.nextDouble(-14, 22));
      worst = Math.max(worst, Math.abs(ChangePointEstimator.roughLog(y) - Math.log(y)));
    }
    for (double y : new double[] {1, 2, 0.5, 1 + 1.0 / 1024, Math.nextDown(2.0), 1e-6, 3e9}) {
      worst = Math.max(worst, Math.abs(ChangePointEstimator.roughLog(y) - Math.log(y)));
    }
    assertThat(worst).isLessThan(1.2e-7).isGreaterThan(1e-9); // interpolated, not exact
  }
}
