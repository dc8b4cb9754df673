package com.faultlink.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One re-estimation of a scope's golden window, as the learner makes one every {@code golden.reestimateEvery}
 * closed outages (some 4 000 on a province-month): the fit and its bootstrap interval with the defaults (grid
 * 15–180 min by the minute, ratio 3, 200 resamples, at least 10 outages open) over a full history ({@code golden.history},
 * 500 outages). Each outage lasts 10–240 min and draws complaints at 0.02 per minute before a window of 40 min and
 * 0.1 after it (about 9 per outage; the province-month attributes about 7); {@code -p outages=N} changes the history.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GoldenWindowEstimateBenchmark {
  @Param("500")
  public int outages;

  @Param("200")
  public int resamples;

  private GoldenWindowEstimator estimator;
  private List<GoldenWindowEstimator.Sample> history;
  private long seed;

  @Setup
  public void setUp() {
    estimator = new GoldenWindowEstimator(3, 15, 1, 180, 10, 5, resamples, 0.95, 0.01);
    SplittableRandom random = new SplittableRandom(2026);
    history = new ArrayList<>(outages);
    for (int i = 0; i < outages; i++) {
      double duration = 10 + random.nextDouble() * 230;
      List<Double> lags = new ArrayList<>();
      for (double minute = 0; minute < duration; minute++) {
        if (random.nextDouble() < (minute < 40 ? 0.02 : 0.1)) {
          lags.add(minute + random.nextDouble());
        }
      }
      history.add(new GoldenWindowEstimator.Sample(duration, lags.stream().mapToDouble(Double::doubleValue).toArray()));
    }
  }

  @Benchmark
  public GoldenWindowEstimator.Estimate estimate() {
    return estimator.estimate(history, seed++);
  }
}
