package com.faultlink.golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The golden window of a set of closed outages: the elapsed outage time after which the complaint rate per
 * open outage rises. Plain Java, no Flink, deterministic for a seed.
 *
 * <p><b>Model.</b> Complaints about an outage arrive as a Poisson process in elapsed outage time {@code u}
 * whose rate is {@code λ1} for {@code u < τ} and {@code λ2 > λ1} from {@code τ} on; an outage contributes
 * only while it is open ({@code 0 ≤ u < D}). This is a piecewise-constant hazard: normalising by exposure,
 * the outage-minutes still open at each elapsed minute, is what keeps long outages (rare) from looking
 * like a falling rate. For a change point {@code τ} the exposures are {@code E1 = Σ min(D, τ)} and
 * {@code E2 = Σ max(0, D − τ)}, the counts {@code N1} (lags below {@code τ}) and {@code N2}; the rates'
 * maximum-likelihood estimates are {@code N/E}, and the profile log-likelihood is
 * {@code N1 ln(N1/E1) + N2 ln(N2/E2) − N1 − N2}. {@code τ̂} maximises it over a grid (the smallest on
 * ties), restricted to a rise ({@code λ2 > λ1}) and to windows at which at least {@code minOpen} outages
 * are still open: beyond that the few longest outages alone would decide the rate after the window, and a
 * handful of their complaints can look like a rise.
 *
 * <p><b>Confidence interval.</b> A percentile bootstrap over outages (outages are the independent units:
 * resampling them keeps each one's complaints together), widened where needed to contain the
 * likelihood-ratio interval {@code {τ : 2(ℓ(τ̂) − ℓ(τ)) ≤ χ²₁(confidence)}} and one grid step either side of
 * {@code τ̂} (the grid's own resolution). With a sharp rise the bootstrap alone is too narrow (its resamples
 * reuse the same complaint times, and {@code τ̂} is bound to the grid): on simulated data with the true
 * window between two grid points it covered it in only 64-87 % of data sets, the likelihood-ratio interval
 * alone in 4-10 %; the combined interval covers it in all of them (see the tests).
 *
 * <p>An instance keeps its bootstrap's work arrays between estimates: one estimate at a time per instance.
 */
public final class ChangePointEstimator {
  /** Method name published with every learned estimate. */
  public static final String METHOD = "piecewise-constant-hazard-mle+bootstrap";

  /**
   * One closed outage.
   *
   * @param durationMinutes how long it was open
   * @param lagsMinutes when its complaints came, in minutes since its start; those outside {@code [0, D)}
   *     (after the clear, in the attribution tail) are ignored
   */
  public record Sample(double durationMinutes, double[] lagsMinutes) {}

  /**
   * The best two-rate fit.
   *
   * @param windowMinutes {@code τ̂}
   * @param ratePerMinuteBefore {@code λ1}: complaints per open outage per minute before {@code τ̂}
   * @param ratePerMinuteAfter {@code λ2}
   * @param likelihoodRatio {@code 2(ℓ(τ̂) − ℓ0)} against one constant rate
   */
  public record Fit(double windowMinutes, double ratePerMinuteBefore, double ratePerMinuteAfter,
      double likelihoodRatio, long complaintsBefore, long complaintsAfter) {}

  /** A fit with its confidence interval and sample sizes. */
  public record Estimate(Fit fit, double ciLowMinutes, double ciHighMinutes, int outages, long complaints,
      int bootstrapFits) {}

  private final double[] grid;
  private final double step;
  private final int bootstrap;
  private final double confidence;
  private final double chiSquared;
  private final int minOpen;
  /**
   * Resamples scanned together (see {@link Prepared#bootstrapBest}): a row of this many counts per grid point and
   * of weights per outage, small enough that a scope's rows stay in the CPU's caches.
   */
  private static final int RESAMPLES_TOGETHER = 64;
  /*
   * The bootstrap's work arrays (Prepared#scanTogether), kept from one estimate to the next: a learner re-estimates
   * thousands of times. Per grid point a row of RESAMPLES_TOGETHER (or fewer) cells; the weights drawn, per outage.
   */
  private final int together;
  private final int[] countFromTogether;
  private final int[] closesAtTogether;
  private final double[] closedDurationAtTogether;
  private final double[] roughAt;
  private final double[] exposureAt;
  private final long[] countAt;
  private int[] drawn = new int[0];
  /** The largest count the resamples scanned together may reach ({@code int}); tests lower it. */
  int batchedCountLimit = Integer.MAX_VALUE;

  /**
   * @param minMinutes smallest candidate window
   * @param maxMinutes largest candidate window
   * @param stepMinutes grid step
   * @param bootstrap resamples for the confidence interval (0: likelihood-ratio interval only)
   * @param confidence e.g. 0.95
   * @param minOpen a window is a candidate only where at least this many outages are still open at it
   */
  public ChangePointEstimator(double minMinutes, double maxMinutes, double stepMinutes, int bootstrap,
      double confidence, int minOpen) {
    if (!(stepMinutes > 0) || !(maxMinutes > minMinutes) || !(minMinutes > 0)) {
      throw new IllegalArgumentException("grid " + minMinutes + ".." + maxMinutes + " step " + stepMinutes);
    }
    int n = (int) Math.floor((maxMinutes - minMinutes) / stepMinutes + 1e-9) + 1;
    grid = new double[n];
    for (int i = 0; i < n; i++) {
      grid[i] = minMinutes + i * stepMinutes;
    }
    this.step = stepMinutes;
    this.bootstrap = bootstrap;
    this.confidence = confidence;
    this.chiSquared = new ChiSquaredDistribution(1).inverseCumulativeProbability(confidence);
    this.minOpen = minOpen;
    together = Math.min(bootstrap, RESAMPLES_TOGETHER);
    countFromTogether = new int[(n + 1) * together];
    closesAtTogether = new int[(n + 1) * together];
    closedDurationAtTogether = new double[(n + 1) * together];
    roughAt = new double[n * together];
    exposureAt = new double[n * together];
    countAt = new long[n * together];
  }

  /** The estimate with its interval, or null where the data show no rise at any candidate window. */
  public Estimate estimate(List<Sample> samples, long seed) {
    Prepared data = new Prepared(samples);
    int[] all = new int[data.n];
    Arrays.fill(all, 1);
    Profile best = data.profile(all);
    if (best == null) {
      return null;
    }
    // Likelihood-ratio interval: every grid point whose profile log-likelihood is close enough to the best.
    double lo = grid[best.index];
    double hi = grid[best.index];
    for (int g = 0; g < grid.length; g++) {
      if (!Double.isNaN(best.logL[g]) && 2 * (best.logL[best.index] - best.logL[g]) <= chiSquared) {
        lo = Math.min(lo, grid[g]);
        hi = Math.max(hi, grid[g]);
      }
    }
    lo = Math.min(lo, grid[best.index] - step);
    hi = Math.max(hi, grid[best.index] + step);
    // Bootstrap over outages, deterministic for the seed.
    List<Double> taus = new ArrayList<>();
    if (bootstrap > 0 && data.n > 0) {
      for (int resampledBest : data.bootstrapBest(new SplittableRandom(seed))) {
        if (resampledBest >= 0) {
          taus.add(grid[resampledBest]);
        }
      }
    }
    if (!taus.isEmpty()) {
      double[] values = taus.stream().mapToDouble(Double::doubleValue).toArray();
      Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
      double tail = (1 - confidence) / 2 * 100;
      lo = Math.min(lo, percentile.evaluate(values, Math.max(tail, 1e-9)));
      hi = Math.max(hi, percentile.evaluate(values, 100 - tail));
    }
    lo = Math.max(lo, 0);
    Fit fit = best.fit(grid, data.duration);
    return new Estimate(fit, lo, hi, data.n, fit.complaintsBefore() + fit.complaintsAfter(), taus.size());
  }

  /** The best fit alone (no interval), or null. */
  public Fit fit(List<Sample> samples) {
    Prepared data = new Prepared(samples);
    int[] all = new int[data.n];
    Arrays.fill(all, 1);
    Profile best = data.profile(all);
    return best == null ? null : best.fit(grid, data.duration);
  }

  /** The candidate windows. */
  public double[] grid() {
    return grid.clone();
  }

  /**
   * Per outage: from which grid point on each of its complaints lies below the point, and how many grid points
   * lie below its duration.
   *
   * <p>{@link #scan} (one weighting) and {@link #bootstrapBest} (the resamples, the hot loop of a replay: about
   * 200 per re-estimation) cost one pass over the outages and one over the grid, not one per pair: every
   * per-grid-point sum is a running sum over difference arrays indexed by where each outage's contribution changes (its complaints' first grid
   * point, the grid point its duration ends before). The exposure before a window, {@code Σ w·min(D, τ)}, is
   * {@code τ} times the weight of the outages still open at {@code τ} plus the durations of those closed by
   * then, so it is summed in a different order than outage by outage: the same up to rounding (exactly the
   * same where durations are whole minutes); the tests compare it with the straightforward computation.
   */
  private final class Prepared {
    final int n;
    final double[] duration;
    final int[] complaintFrom; // per complaint, outage by outage: the first grid point g with lag < grid[g]
    final int[] complaintOf; // per complaint: the index of its outage
    final int[] total; // complaints of outage i while open
    final int[] openBelow; // grid points g with grid[g] < duration[i]: outage i is open at them
    final int maxTotal; // the most complaints of one outage while open
    /** Difference arrays of {@link #scan}, one set reused by every scan of this data. */
    private final long[] countFrom = new long[grid.length + 1];
    private final int[] closesAt = new int[grid.length + 1];
    private final double[] closedDurationAt = new double[grid.length + 1];
    /** Totals of the last {@link #scan}. */
    private double scannedExposure;
    private long scannedComplaints;

    Prepared(List<Sample> samples) {
      n = samples.size();
      duration = new double[n];
      total = new int[n];
      openBelow = new int[n];
      double[][] lagsWhileOpen = new double[n][];
      int complaints = 0;
      int most = 0;
      for (int i = 0; i < n; i++) {
        Sample s = samples.get(i);
        double d = Math.max(0, s.durationMinutes());
        duration[i] = d;
        lagsWhileOpen[i] = sortedWhileOpen(s.lagsMinutes(), d);
        total[i] = lagsWhileOpen[i].length;
        complaints += total[i];
        most = Math.max(most, total[i]);
      }
      maxTotal = most;
      complaintFrom = new int[complaints];
      complaintOf = new int[complaints];
      int c = 0;
      for (int i = 0; i < n; i++) {
        double d = duration[i];
        int g = 0;
        for (double lag : lagsWhileOpen[i]) {
          while (g < grid.length && !(lag < grid[g])) {
            g++;
          }
          complaintFrom[c] = g; // grid.length: below no grid point
          complaintOf[c++] = i;
        }
        int open = 0;
        while (open < grid.length && grid[open] < d) {
          open++;
        }
        openBelow[i] = open;
      }
    }

    /** The lags in {@code [0, d)}, sorted. */
    private static double[] sortedWhileOpen(double[] lags, double d) {
      double[] open = new double[lags.length];
      int k = 0;
      for (double lag : lags) {
        if (lag >= 0 && lag < d) {
          open[k++] = lag;
        }
      }
      double[] sorted = k == open.length ? open : Arrays.copyOf(open, k);
      Arrays.sort(sorted);
      return sorted;
    }

    /** The profile log-likelihood over the grid for outages weighted by multiplicity; null: no rise anywhere. */
    Profile profile(int[] weight) {
      double[] logL = new double[grid.length];
      long[] n1 = new long[grid.length];
      int bestIndex = scan(weight, logL, n1);
      if (bestIndex < 0) {
        return null;
      }
      double null0 = xLogY(scannedComplaints, scannedComplaints / scannedExposure) - scannedComplaints;
      return new Profile(logL, n1, bestIndex, scannedComplaints, scannedExposure, null0, weight);
    }

    /**
     * Where each of the {@code bootstrap} resamples' profile is highest, or -1 where one shows no rise: {@link
     * #profile}'s choice for each, computed the same way without keeping the curves. Resample {@code b} draws its
     * {@code n} outages from {@code random} after resample {@code b - 1}, as one resample at a time would.
     *
     * <p>Resamples are scanned {@link #RESAMPLES_TOGETHER} at a time: their weights lie side by side per outage
     * ({@code drawn[i·B + b]}), so each complaint adds a run of {@code B} weights to a run of {@code B} counts (a
     * loop the JIT can turn into vector additions) instead of {@code B} scans each adding one weight per complaint.
     * Every resample's sums are still added outage by outage in the same order, so the same bits come out as
     * scanning one at a time.
     */
    int[] bootstrapBest(SplittableRandom random) {
      int[] best = new int[bootstrap];
      for (int first = 0; first < bootstrap; first += RESAMPLES_TOGETHER) {
        scanTogether(random, first, Math.min(RESAMPLES_TOGETHER, bootstrap - first), best);
      }
      return best;
    }

    /** Resamples {@code first .. first + b0 - 1}: drawn, scanned, their best grid indices into {@code best}. */
    private void scanTogether(SplittableRandom random, int first, int b0, int[] best) {
      if (drawn.length < n * b0) {
        drawn = new int[n * b0];
      } else {
        Arrays.fill(drawn, 0, n * b0, 0);
      }
      for (int b = 0; b < b0; b++) {
        for (int k = 0; k < n; k++) {
          drawn[random.nextInt(n) * b0 + b]++;
        }
      }
      if ((long) n * maxTotal > batchedCountLimit) { // counts could overflow the int runs: one at a time
        int[] weight = new int[n];
        for (int b = 0; b < b0; b++) {
          for (int i = 0; i < n; i++) {
            weight[i] = drawn[i * b0 + b];
          }
          best[first + b] = scan(weight, null, null);
        }
        return;
      }
      int gridSize = grid.length;
      Arrays.fill(countFromTogether, 0);
      Arrays.fill(closesAtTogether, 0);
      Arrays.fill(closedDurationAtTogether, 0);
      double[] exposure = new double[b0];
      long[] complaints = new long[b0];
      int[] open = new int[b0];
      for (int i = 0; i < n; i++) {
        int from = i * b0;
        int at = openBelow[i] * b0;
        double d = duration[i];
        int t = total[i];
        for (int b = 0; b < b0; b++) {
          int w = drawn[from + b];
          double weightedDuration = w * d;
          exposure[b] += weightedDuration;
          complaints[b] += (long) w * t;
          open[b] += w;
          closesAtTogether[at + b] += w;
          closedDurationAtTogether[at + b] += weightedDuration;
        }
      }
      for (int c = 0; c < complaintFrom.length; c++) {
        int to = complaintFrom[c] * b0;
        int from = complaintOf[c] * b0;
        for (int b = 0; b < b0; b++) {
          countFromTogether[to + b] += drawn[from + b];
        }
      }
      // First the profile with a cheap logarithm, known to within a bound, at every candidate window; then the
      // exact one only where, within that bound, it could reach the best: the others lie below some window's
      // exact value whatever their own is, so the exact maximum, and its first window, come out the same.
      double[] closedDuration = new double[b0];
      long[] before = new long[b0];
      boolean[] none = new boolean[b0];
      double[] floor = new double[b0];
      Arrays.fill(floor, Double.NEGATIVE_INFINITY);
      for (int b = 0; b < b0; b++) {
        none[b] = exposure[b] <= 0 || complaints[b] == 0;
      }
      for (int g = 0; g < gridSize; g++) {
        int row = g * b0;
        for (int b = 0; b < b0; b++) {
          open[b] -= closesAtTogether[row + b];
          closedDuration[b] += closedDurationAtTogether[row + b];
          before[b] += countFromTogether[row + b];
          long c = before[b];
          double e = grid[g] * open[b] + closedDuration[b];
          double e2 = exposure[b] - e;
          long n2 = complaints[b] - c;
          if (none[b] || !isCandidate(open[b], c, e, n2, e2)) {
            roughAt[row + b] = Double.NaN;
            continue;
          }
          double l = roughLogLikelihood(c, e, n2, e2, complaints[b]);
          roughAt[row + b] = l;
          exposureAt[row + b] = e;
          countAt[row + b] = c;
          floor[b] = Math.max(floor[b], l - roughError(complaints[b]));
        }
      }
      for (int b = 0; b < b0; b++) {
        int chosen = -1;
        double bestL = 0;
        double margin = roughError(complaints[b]);
        for (int g = 0, cell = b; g < gridSize; g++, cell += b0) {
          double r = roughAt[cell];
          if (Double.isNaN(r) || r + margin < floor[b]) {
            continue;
          }
          long c = countAt[cell];
          double e = exposureAt[cell];
          double l = logLikelihood(c, e, complaints[b] - c, exposure[b] - e, complaints[b]);
          if (chosen < 0 || l > bestL) {
            chosen = g;
            bestL = l;
          }
        }
        best[first + b] = chosen;
      }
    }

    /**
     * The profile over the grid, into {@code logL} and {@code n1} where given (NaN where a window is no
     * candidate); returns the grid index of its maximum (the smallest on ties), -1 where there is none.
     */
    private int scan(int[] weight, double[] logL, long[] n1) {
      int gridSize = grid.length;
      // Difference arrays over the grid: complaints counted from each grid point on; per grid point k, the
      // weight and the weighted durations of the outages open below k only (min(D, grid[g]) is grid[g] below
      // k, D from k on). Outages not drawn (weight 0) add zero everywhere: the loops do not test for them (a
      // third of the outages, at random: the mispredicted branch cost more than the additions), and adding zero
      // changes no sum. Complaints are one flat array, in outage order, not an array per outage.
      Arrays.fill(countFrom, 0);
      Arrays.fill(closesAt, 0);
      Arrays.fill(closedDurationAt, 0);
      double exposure = 0;
      long complaints = 0;
      int open = 0;
      for (int i = 0; i < n; i++) {
        int w = weight[i];
        double weightedDuration = w * duration[i];
        exposure += weightedDuration;
        complaints += (long) w * total[i];
        int k = openBelow[i];
        open += w;
        closesAt[k] += w;
        closedDurationAt[k] += weightedDuration;
      }
      for (int c = 0; c < complaintFrom.length; c++) {
        countFrom[complaintFrom[c]] += weight[complaintOf[c]];
      }
      scannedExposure = exposure;
      scannedComplaints = complaints;
      if (exposure <= 0 || complaints == 0) {
        return -1;
      }
      int bestIndex = -1;
      double best = Double.NaN;
      double closedDuration = 0;
      long c = 0;
      for (int g = 0; g < gridSize; g++) {
        open -= closesAt[g];
        closedDuration += closedDurationAt[g];
        c += countFrom[g];
        if (n1 != null) {
          n1[g] = c;
        }
        double e = grid[g] * open + closedDuration;
        double e2 = exposure - e;
        long n2 = complaints - c;
        if (!isCandidate(open, c, e, n2, e2)) {
          if (logL != null) {
            logL[g] = Double.NaN;
          }
          continue;
        }
        double l = logLikelihood(c, e, n2, e2, complaints);
        if (logL != null) {
          logL[g] = l;
        }
        if (bestIndex < 0 || l > best) {
          bestIndex = g;
          best = l;
        }
      }
      return bestIndex;
    }
  }

  /** The profile log-likelihood of one (re)sample over the grid. */
  private static final class Profile {
    final double[] logL;
    final long[] before;
    final int index;
    final long complaints;
    final double exposure;
    final double null0;
    final int[] weight;

    Profile(double[] logL, long[] before, int index, long complaints, double exposure, double null0, int[] weight) {
      this.logL = logL;
      this.before = before;
      this.index = index;
      this.complaints = complaints;
      this.exposure = exposure;
      this.null0 = null0;
      this.weight = weight;
    }

    Fit fit(double[] grid, double[] duration) {
      double tau = grid[index];
      double e1 = 0;
      for (int i = 0; i < duration.length; i++) {
        e1 += weight[i] * Math.min(duration[i], tau);
      }
      long n1 = before[index];
      long n2 = complaints - n1;
      return new Fit(tau, n1 / e1, n2 / (exposure - e1), 2 * (logL[index] - null0), n1, n2);
    }
  }

  /**
   * Whether a window is a candidate: enough outages still open at it, exposure on both sides, complaints after it,
   * and a rise ({@code c} complaints over exposure {@code e} before it, {@code n2} over {@code e2} after).
   */
  private boolean isCandidate(int open, long c, double e, long n2, double e2) {
    return !(open < minOpen || e <= 0 || e2 <= 1e-9 || n2 == 0 || n2 / e2 <= c / e);
  }

  /** The profile log-likelihood at a candidate window, of {@code complaints} in all. */
  private static double logLikelihood(long c, double e, long n2, double e2, long complaints) {
    return xLogY(c, c / e) + xLogY(n2, n2 / e2) - complaints;
  }

  /** {@link #logLikelihood} with {@link #roughLog}: within {@link #roughError} of it. */
  private static double roughLogLikelihood(long c, double e, long n2, double e2, long complaints) {
    return roughXLogY(c, c / e) + roughXLogY(n2, n2 / e2) - complaints;
  }

  private static double xLogY(long x, double y) {
    return x == 0 ? 0 : x * Math.log(y);
  }

  /** Mantissa steps of {@link #roughLog}: {@code ln} at each of 1024 points of {@code [1, 2]}. */
  private static final int ROUGH_BITS = 10;
  private static final double[] LN_AT = new double[(1 << ROUGH_BITS) + 1];
  private static final double LN2 = Math.log(2);

  static {
    for (int k = 0; k < LN_AT.length; k++) {
      LN_AT[k] = Math.log(1 + k / (double) (1 << ROUGH_BITS));
    }
  }

  /**
   * {@code ln y} for a positive, normal {@code y}, interpolated linearly between {@link #LN_AT}'s points: off by at
   * most {@code h²/8} for steps {@code h = 1/1024} on {@code [1, 2]} (ln's curvature is at most 1 there), about
   * 1.2e-7, plus rounding.
   */
  static double roughLog(double y) {
    long bits = Double.doubleToRawLongBits(y);
    int exponent = (int) (bits >>> 52) - 1023;
    int k = (int) (bits >>> (52 - ROUGH_BITS)) & ((1 << ROUGH_BITS) - 1);
    double within = (bits & ((1L << (52 - ROUGH_BITS)) - 1)) * 0x1p-42;
    double at = LN_AT[k];
    return exponent * LN2 + at + within * (LN_AT[k + 1] - at);
  }

  private static double roughXLogY(long x, double y) {
    return x == 0 ? 0 : x * roughLog(y);
  }

  /**
   * A bound on how far a profile value computed with {@link #roughLog} lies from the exact one, for {@code n}
   * complaints: {@code n} times the logarithm's error (taken as 2e-7), plus far more than the rounding of sums of
   * that size.
   */
  private static double roughError(long n) {
    return n * 2e-7 + 1e-6;
  }
}
