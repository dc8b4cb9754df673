package com.faultlink.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The decision to publish and the interval, measured on seeded simulations and printed; the bounds asserted are the
 * contract's (at most 1 re-estimation in 100 publishes under a constant rate) and the (intervals cover the
 * true window in at least 90% of data sets, nominal 95%). Sized for CI (some seconds); larger runs are in
 * docs/golden-window.md.
 */
class GoldenWindowCalibrationTest {
  private static final int CONSTANT_RUNS = Integer.getInteger("golden.calibration.constantRuns", 300);
  private static final int COVERAGE_RUNS = Integer.getInteger("golden.calibration.coverageRuns", 100);

  @Test
  void underAConstantRateAtMostOneReestimationIn100Publishes() {
    // The interval plays no part in the decision: no resamples, the test alone.
    GoldenWindowEstimator decision = new GoldenWindowEstimator(3, 15, 1, 180, 10, 5, 0, 0.95, 0.01);
    for (double heterogeneity : new double[] {0, 2}) {
      for (int outages : new int[] {30, 100, 500}) {
        int published = 0;
        for (int run = 0; run < CONSTANT_RUNS; run++) {
          List<GoldenWindowEstimator.Sample> data = SyntheticOutages.draw(
              new SplittableRandom(1_000_003L * outages + run), outages, t -> 0.03, 0.03, 60, heterogeneity);
          if (decision.estimate(data, run).status().equals(GoldenWindowEstimator.ESTIMATED)) {
            published++;
          }
        }
        System.out.printf("golden calibration: constant rate, %d outages, heterogeneity %.0f: %d of %d published%n",
            outages, heterogeneity, published, CONSTANT_RUNS);
        assertThat((double) published / CONSTANT_RUNS).as(outages + " outages").isLessThanOrEqualTo(0.01);
      }
    }
  }

  @Test
  void intervalsCoverTheTrueWindowOnShapesOtherThanTheStep() {
    GoldenWindowEstimator estimator = new GoldenWindowEstimator(3, 15, 1, 180, 10, 5, 200, 0.95, 0.01);
    Object[][] shapes = {
      // name, rate, max rate, heterogeneity, true window (derivations in GoldenWindowEstimatorTest)
      {"steady rise", (DoubleUnaryOperator) t -> 0.005 + 0.001 * t, 0.185, 0.0, 32.5},
      {"rise to a plateau", (DoubleUnaryOperator) t -> 0.01 + 0.002 * Math.min(20, Math.max(0, t - 20)), 0.05, 0.0,
          30.0},
      {"two steps", (DoubleUnaryOperator) t -> t < 25 ? 0.02 : t < 50 ? 0.04 : 0.12, 0.12, 0.0, 50.0},
      {"steady rise, big and small outages", (DoubleUnaryOperator) t -> 0.005 + 0.001 * t, 0.185, 1.0, 32.5},
    };
    for (Object[] s : shapes) {
      int published = 0;
      int covered = 0;
      double width = 0;
      for (int run = 0; run < COVERAGE_RUNS; run++) {
        List<GoldenWindowEstimator.Sample> data = SyntheticOutages.draw(new SplittableRandom(77_000L + run), 500,
            (DoubleUnaryOperator) s[1], (double) s[2], 60, (double) s[3]);
        GoldenWindowEstimator.Estimate e = estimator.estimate(data, run);
        if (!e.status().equals(GoldenWindowEstimator.ESTIMATED)) {
          continue;
        }
        published++;
        double truth = (double) s[4];
        if (e.ciLowMinutes() <= truth && truth <= e.ciHighMinutes()) {
          covered++;
        }
        width += e.ciHighMinutes() - e.ciLowMinutes();
      }
      System.out.printf("golden calibration: %s, 500 outages: %d of %d published, interval covers the true window"
          + " in %d (%.1f%%), mean width %.1f min%n", s[0], published, COVERAGE_RUNS, covered,
          100.0 * covered / Math.max(1, published), width / Math.max(1, published));
      // Power is measured, not promised (a plateau at 5x a low baseline is published in about 4 of 5 data sets of 500
      // outages); enough estimates are needed for the coverage figure to mean something.
      assertThat(published).as(s[0] + ": published").isGreaterThanOrEqualTo(COVERAGE_RUNS / 2);
      assertThat((double) covered / published).as(s[0] + ": coverage").isGreaterThanOrEqualTo(0.90);
    }
  }
}
