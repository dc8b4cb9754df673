package com.faultlink.burst;

import java.util.Arrays;

/**
 * What burst detection remembers about one region: where its history starts, the next window to judge,
 * each band's baseline and threshold in force, and the current episode. A mutable Flink POJO (arrays of
 * primitives, indexed by band), kept in keyed state; {@link BurstModel} is the logic that changes it.
 *
 * <p>Per band the baseline is an exponentially weighted sum over the past windows that trained it, all
 * decayed to {@code updatedAt}: {@code weight = Σ wᵢ}, {@code weightSq = Σ wᵢ²}, {@code sum = Σ wᵢ·xᵢ} give
 * the mean {@code m}; {@code dispersionSum = Σ wᵢ·cᵢ} over {@code dispersionWeight = Σ wᵢ} gives the
 * overdispersion {@code c} of the negative binomial's variance {@code m + c·m²}, each {@code cᵢ = ((xᵢ −
 * mᵢ)² − mᵢ) / mᵢ²} measured against the mean {@code mᵢ} its window was predicted with (so {@code c} also
 * covers the uncertainty of the mean: the variance is the variance of a prediction).
 */
public class RegionBurstState {
  /** Start of the region's first window (epoch ms); {@link Long#MIN_VALUE}: nothing seen yet. */
  public long historyStart = Long.MIN_VALUE;
  /** Start of the next window to judge; {@link Long#MIN_VALUE}: none judged yet. */
  public long nextWindow = Long.MIN_VALUE;

  public double[] weight;
  public double[] weightSq;
  public double[] sum;
  public double[] dispersionWeight;
  public double[] dispersionSum;
  public long[] updatedAt;
  /** The threshold in force per band (the last one published); NaN: none yet. */
  public double[] inForce;
  /** Whether the threshold in force was learned (rather than the configured initial one). */
  public boolean[] inForceLearned;

  /** Today's level: EW sums of recent counts and of their band means, decayed to {@code levelAt}. */
  public double levelCount;
  public double levelExpected;
  public long levelAt = Long.MIN_VALUE;

  public boolean inEpisode;
  /** Consecutive windows that were not bursts since the episode's last burst window. */
  public int quietWindows;
  /** Windows since the episode's first burst window, that one included. */
  public int episodeWindows;

  public RegionBurstState() {}

  static RegionBurstState forBands(int bands) {
    RegionBurstState s = new RegionBurstState();
    s.weight = new double[bands];
    s.weightSq = new double[bands];
    s.sum = new double[bands];
    s.dispersionWeight = new double[bands];
    s.dispersionSum = new double[bands];
    s.updatedAt = new long[bands];
    Arrays.fill(s.updatedAt, Long.MIN_VALUE);
    s.inForce = new double[bands];
    Arrays.fill(s.inForce, Double.NaN);
    s.inForceLearned = new boolean[bands];
    return s;
  }

  /** The band's weighted mean count per window (0 without history). */
  public double mean(int band) {
    return weight[band] > 0 ? sum[band] / weight[band] : 0.0;
  }

  /** Effective number of windows behind the band's baseline: {@code (Σ wᵢ)² / Σ wᵢ²}. */
  public double effectiveWindows(int band) {
    return weightSq[band] > 0 ? weight[band] * weight[band] / weightSq[band] : 0.0;
  }

  /** The band's overdispersion {@code c ≥ 0} (0: Poisson, or not measured yet). */
  public double dispersion(int band) {
    return dispersionWeight[band] > 0 ? Math.max(0.0, dispersionSum[band] / dispersionWeight[band]) : 0.0;
  }

  /** The variance of the band's next count: {@code m + c·m²}. */
  public double variance(int band) {
    double m = mean(band);
    return m + dispersion(band) * m * m;
  }
}
