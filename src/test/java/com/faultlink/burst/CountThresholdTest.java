package com.faultlink.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CountThresholdTest {
  /** Smallest k with 1 − CDF(k − 1) ≤ alpha, by brute force over Commons Math's distribution. */
  private static long bruteForce(org.apache.commons.math3.distribution.IntegerDistribution d, double alpha) {
    long k = 1;
    while (1 - d.cumulativeProbability((int) k - 1) > alpha) {
      k++;
    }
    return k;
  }

  @ParameterizedTest
  @CsvSource({"0.3, 1e-3", "2, 1e-5", "10, 1e-4", "47.5, 1e-5", "300, 1e-3"})
  void poissonThresholdIsTheSmallestCountThatRareAgreeingWithPoissonDistribution(double mean, double alpha) {
    long k = CountThreshold.smallestRare(mean, mean, alpha);
    assertThat(k).isEqualTo(bruteForce(new PoissonDistribution(mean), alpha));
    assertThat(CountThreshold.distribution(mean, mean)).isEqualTo("poisson");
  }

  @ParameterizedTest
  @CsvSource({"1, 0.2, 1e-3", "4, 0.5, 1e-4", "20, 0.3, 1e-3", "50, 0.8, 1e-4"})
  void negativeBinomialThresholdAgreesWithPascalDistributionForWholeSizes(int r, double p, double alpha) {
    double mean = r * (1 - p) / p;
    double variance = mean / p;
    long k = CountThreshold.smallestRare(mean, variance, alpha);
    assertThat(k).isEqualTo(bruteForce(new PascalDistribution(r, p), alpha));
    assertThat(CountThreshold.distribution(mean, variance)).isEqualTo("negative-binomial");
    assertThat(CountThreshold.upperTail(mean, variance, 7))
        .isCloseTo(1 - new PascalDistribution(r, p).cumulativeProbability(6), within(1e-9));
  }

  @Test
  void overdispersionRaisesTheThresholdAndMinCountBoundsItBelow() {
    long poisson = CountThreshold.threshold(40, 40, 1e-5, 5);
    long overdispersed = CountThreshold.threshold(40, 40 + 0.05 * 1600, 1e-5, 5);
    assertThat(overdispersed).isGreaterThan(poisson);
    assertThat(CountThreshold.threshold(0.01, 0.01, 1e-5, 5)).isEqualTo(5);
    assertThat(CountThreshold.threshold(0, 0, 1e-5, 5)).isEqualTo(5);
  }

  @Test
  void tailsFarOutStayExact() {
    // 1 − CDF would round to 0 here
    assertThat(CountThreshold.upperTail(10, 10, 60)).isPositive().isLessThan(1e-20);
    assertThat(CountThreshold.smallestRare(10_000, 10_000, 1e-9)).isBetween(10_500L, 10_700L);
  }
}
