package com.faultlink.golden;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The contract's golden window of a set of closed outages: the first elapsed time {@code t} after the baseline span
 * at which the complaint rate per open outage reaches {@code ratio} times its mean over the baseline span. Plain
 * Java, no Flink, the same result for the same samples and seed.
 *
 * <p><b>Rate.</b> Elapsed outage time is cut into bins of {@code step} minutes. Per bin: the complaints that came
 * while their outage was open, and the exposure, the outage-minutes still open in it (normalising by exposure is
 * what keeps long outages, which are rare, from looking like a falling rate). The baseline {@code b} is the
 * complaints of the baseline span over its exposure.
 *
 * <p><b>Estimate.</b> After the baseline span, the rate is fitted as a non-decreasing step function (isotonic
 * regression of the bins' rates weighted by their exposure: the maximum-likelihood monotone hazard of Poisson
 * counts), over the bins where at least {@code minOpen} outages are still open. Its first block that reaches {@code
 * ratio · b} locates the crossing; around it the bins are refitted as a step and as a line and the better one's
 * crossing is the estimate ({@link #crossing}). A monotone fit is exact at a step (a block starts at the step),
 * follows a steady rise, a plateau and a second step, and needs no bandwidth; a falling or constant rate gives a flat
 * fit that never crosses. A model choice between a step and a smooth rise over the whole curve was the other design:
 * it has to name every shape in advance.
 *
 * <p><b>Decision to publish.</b> The data must reject at level {@code alpha} that the rate never reaches {@code
 * ratio · b}. If it never does, every span of bins has a mean rate below it, so each span is tested against it
 * ({@link Data#scan}: binomial signed root deviance of the span's complaints against the baseline's, divided by the
 * root of the dispersion between outages). Spans start at every bin and last 1, 2, 4, ... bins; the critical value
 * is Bonferroni's over the number of spans tested, {@code Φ⁻¹(1 − alpha/m)}, so the scan over many candidates keeps
 * the level (the measured false-window rates are in docs/golden-window.md). The test holds for any rate that never
 * reaches the ratio, not only a constant one.
 *
 * <p><b>Interval.</b> A percentile bootstrap over outages (resampling them keeps each one's complaints together) of
 * the whole estimate, baseline included. A resample in which the rate never reaches the ratio counts as a window
 * beyond the bins examined (not dropped: that would make the interval look tighter than the data allow). The upper
 * end is widened by one bin: the estimate is a bin's left edge, the quantity lies anywhere in that bin. Where the first
 * quarter of the resamples ({@link #firstBatch}) all cross at one instant, the rest are not drawn (the interval is that
 * bin, as it would almost surely be with all of them); the bootstrap was the learner's main cost.
 *
 * <p>Why there is no window: {@code too-few-outages} (fewer than {@code minOpen} outages open after the baseline
 * span, or fewer than {@code minBaselineComplaints} complaints in it: a zero or near-zero baseline makes every rate
 * "a rise"), {@code falling} (the rate after the baseline span is significantly below the baseline), {@code no-rise}
 * (the data do not show the rate reaching the ratio), {@code imprecise} (they do, but the interval is wider than
 * allowed or the monotone fit shows no crossing); the figures behind each are in the {@link Estimate}.
 */
public final class GoldenWindowEstimator {
  /** Method name published with every learned estimate. */
  public static final String METHOD = "monotone-hazard-crossing+bootstrap";

  /**
   * One closed outage.
   *
   * @param durationMinutes how long it was open
   * @param lagsMinutes when its complaints came, in minutes since its start; those outside {@code [0, D)} (after
   *     the clear, in the attribution tail) are ignored
   */
  public record Sample(double durationMinutes, double[] lagsMinutes) {}

  /** Status of an estimate. */
  public static final String ESTIMATED = "estimated";
  public static final String NO_RISE = "no-rise";
  public static final String FALLING = "falling";
  public static final String TOO_FEW = "too-few-outages";
  public static final String IMPRECISE = "imprecise";

  /**
   * The outcome of one estimation, with the figures behind it (null where not computed).
   *
   * @param status {@link #ESTIMATED}, {@link #NO_RISE}, {@link #FALLING}, {@link #TOO_FEW} or {@link #IMPRECISE}
   *     (this class sets imprecise only where the fit shows no crossing; the caller applies its width limit)
   * @param windowMinutes the estimate (left edge of the first bin whose fitted rate reaches the ratio)
   * @param baselinePerMinute complaints per open outage per minute over the baseline span
   * @param rateAtWindowPerMinute the fitted rate from the window on
   * @param highestRatio the highest fitted rate after the baseline span over the baseline
   * @param riseZ the largest span statistic {@code z}
   * @param riseZCritical its critical value
   * @param meanAfterRatio the mean rate over all bins examined after the baseline span, over the baseline
   * @param trendZ the rate over all bins examined after the baseline span against the baseline ({@code z}, negative:
   *     lower)
   * @param examinedUpToMinutes bins are examined up to here (at least {@code minOpen} outages open)
   * @param bootstrapNoCrossing resamples in which the rate never reached the ratio
   */
  public record Estimate(String status, Double windowMinutes, Double ciLowMinutes, Double ciHighMinutes, int outages,
      long complaints, long baselineComplaints, Double baselinePerMinute, Double rateAtWindowPerMinute,
      Double highestRatio, Double meanAfterRatio, Double riseZ, Double riseZCritical, Double trendZ,
      Double examinedUpToMinutes, int bootstrapNoCrossing) {}

  private final double ratio;
  private final double step;
  private final int baselineBins;
  private final int bins;
  private final int minOpen;
  private final int minBaselineComplaints;
  private final int bootstrap;
  private final double confidence;
  private final double alpha;
  private final double fallingZ;

  /**
   * @param ratio {@code golden.explosionRatio}
   * @param baselineMinutes {@code golden.baselineMinutes}, a whole number of steps
   * @param stepMinutes bin width ({@code golden.gridStep})
   * @param maxMinutes largest window examined ({@code golden.maxWindow})
   * @param minOpen a bin is examined only while at least this many outages are open at its start
   * @param minBaselineComplaints fewer complaints in the baseline span: no estimate
   * @param bootstrap resamples (over outages) for the interval
   * @param confidence of the interval, e.g. 0.95
   * @param alpha level of the decision to publish, e.g. 0.01
   */
  public GoldenWindowEstimator(double ratio, double baselineMinutes, double stepMinutes, double maxMinutes,
      int minOpen, int minBaselineComplaints, int bootstrap, double confidence, double alpha) {
    if (!(stepMinutes > 0) || !(ratio > 1) || !(baselineMinutes > 0) || !(maxMinutes > baselineMinutes)) {
      throw new IllegalArgumentException("ratio " + ratio + " baseline " + baselineMinutes + " step " + stepMinutes
          + " max " + maxMinutes);
    }
    double perStep = baselineMinutes / stepMinutes;
    if (Math.abs(perStep - Math.rint(perStep)) > 1e-9) {
      throw new IllegalArgumentException("baseline " + baselineMinutes + " is not a whole number of steps "
          + stepMinutes);
    }
    this.ratio = ratio;
    this.step = stepMinutes;
    this.baselineBins = (int) Math.rint(perStep);
    this.bins = (int) Math.ceil(maxMinutes / stepMinutes - 1e-9);
    this.minOpen = Math.max(1, minOpen);
    this.minBaselineComplaints = Math.max(1, minBaselineComplaints);
    this.bootstrap = bootstrap;
    this.confidence = confidence;
    this.alpha = alpha;
    this.fallingZ = new NormalDistribution().inverseCumulativeProbability(alpha);
  }

  /** The estimate of {@code samples}; the bootstrap draws from {@code seed}. */
  public Estimate estimate(List<Sample> samples, long seed) {
    Data d = new Data(samples);
    int n = d.n;
    int[] all = new int[n];
    Arrays.fill(all, 1);
    Binned b = d.bin(all);
    long complaints = d.complaintBin.length;
    int last = b.examinedEnd;
    Double examinedUpTo = last * step;
    if (n == 0 || last <= baselineBins) {
      return new Estimate(TOO_FEW, null, null, null, n, complaints, (long) b.baselineCount, null, null, null, null,
          null, null, null, n == 0 ? null : examinedUpTo, 0);
    }
    double base = b.baselineCount / b.baselineExposure;
    if (b.baselineCount < minBaselineComplaints) {
      return new Estimate(TOO_FEW, null, null, null, n, complaints, (long) b.baselineCount, base, null, null, null,
          null, null, null, examinedUpTo, 0);
    }
    double[] level = new double[bins];
    double crossingAt = crossing(b, base, level);
    int crossing = Double.isNaN(crossingAt) ? -1 : Math.min(last - 1, (int) Math.floor(crossingAt / step + 1e-9));
    double highest = level[last - 1] / base;
    double afterCount = 0;
    double afterExposure = 0;
    for (int j = baselineBins; j < last; j++) {
      afterCount += b.count[j];
      afterExposure += b.exposure[j];
    }
    double meanAfter = afterCount / afterExposure / base;
    Scan scan = d.scan(b, base);
    double critical = new NormalDistribution().inverseCumulativeProbability(1 - alpha / scan.spans);
    boolean rises = scan.bestZ >= critical;
    Double window = crossing < 0 ? null : crossingAt;
    Double atWindow = crossing < 0 ? null : level[crossing];
    if (!rises) {
      String status = scan.trendZ <= fallingZ ? FALLING : NO_RISE;
      return new Estimate(status, window, null, null, n, complaints, (long) b.baselineCount, base, atWindow, highest,
          meanAfter, scan.bestZ, critical, scan.trendZ, examinedUpTo, 0);
    }
    if (crossing < 0) {
      return new Estimate(IMPRECISE, null, null, null, n, complaints, (long) b.baselineCount, base, null, highest,
          meanAfter, scan.bestZ, critical, scan.trendZ, examinedUpTo, 0);
    }
    double lo = crossingAt;
    double hi = crossingAt;
    int none = 0;
    if (bootstrap > 0) {
      double[] taus = new double[bootstrap];
      SplittableRandom random = new SplittableRandom(seed);
      int[] weight = new int[n];
      double[] resampledLevel = new double[bins];
      int drawn = bootstrap;
      for (int r = 0; r < bootstrap; r++) {
        if (r == firstBatch(bootstrap) && allEqual(taus, r)) {
          drawn = r; // every resample so far put the crossing on the same instant: the interval is that bin
          break;
        }
        Arrays.fill(weight, 0);
        for (int k = 0; k < n; k++) {
          weight[random.nextInt(n)]++;
        }
        Binned rb = d.bin(weight);
        double c = Double.NaN;
        if (rb.examinedEnd > baselineBins && rb.baselineExposure > 0) {
          c = crossing(rb, rb.baselineCount / rb.baselineExposure, resampledLevel);
        }
        if (Double.isNaN(c)) {
          none++;
          taus[r] = Double.POSITIVE_INFINITY;
        } else {
          taus[r] = c;
        }
      }
      taus = Arrays.copyOf(taus, drawn);
      Arrays.sort(taus);
      double tail = (1 - confidence) / 2;
      lo = Math.min(lo, quantile(taus, tail));
      hi = Math.max(hi, quantile(taus, 1 - tail));
    }
    hi = Math.min(hi + step, Math.max(last * step, crossingAt + step));
    return new Estimate(ESTIMATED, window, lo, hi, n, complaints, (long) b.baselineCount, base, atWindow, highest,
        meanAfter, scan.bestZ, critical, scan.trendZ, examinedUpTo, none);
  }

  /**
   * Resamples drawn before the bootstrap may stop early: a quarter of them, at least 50 (where fewer are asked for,
   * none stops early). A clean step puts every resample's crossing on the step's own bin; the other 150 would only
   * confirm it. It is the same draws from the same seed, so the interval stays reproducible.
   */
  static int firstBatch(int bootstrap) {
    int first = Math.max(50, bootstrap / 4);
    return first < bootstrap ? first : -1;
  }

  /** Whether the first {@code k} values are finite and all the same. */
  private static boolean allEqual(double[] values, int k) {
    for (int i = 0; i < k; i++) {
      if (!Double.isFinite(values[i]) || values[i] != values[0]) {
        return false;
      }
    }
    return k > 0;
  }

  /** R-7 quantile of sorted values (infinite values allowed). */
  private static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    if (Double.isInfinite(sorted[hi]) || Double.isInfinite(sorted[lo])) {
      return h == lo ? sorted[lo] : sorted[hi];
    }
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The monotone fit after the baseline span into {@code level} (per bin), and the elapsed minute at which the rate
   * reaches {@code ratio · base}, or NaN.
   *
   * <p>The monotone fit locates the crossing to within its block, which on a steady rise is several minutes long
   * (the fit's steps are where the noise puts them). Around that first crossing, within {@link #LOCAL_MINUTES}
   * either side, the rate is refitted two ways, a step (two rates, its instant profiled) and a straight line (Poisson
   * likelihood of the bins), and the crossing is the better one's: the step's instant, or where the line reaches the
   * level. The step is chosen only where it fits better by more than {@link #STEP_PENALTY} in log-likelihood (it has
   * one more parameter, and its instant is chosen as the best of many). Where neither model crosses inside the
   * window, the monotone fit's bin edge stands.
   */
  private double crossing(Binned b, double base, double[] level) {
    int from = baselineBins;
    int to = b.examinedEnd;
    int m = to - from;
    // Pool adjacent violators: blocks of bins with their summed counts and exposures, levels non-decreasing.
    double[] count = new double[m];
    double[] exposure = new double[m];
    int[] start = new int[m];
    int blocks = 0;
    for (int j = from; j < to; j++) {
      count[blocks] = b.count[j];
      exposure[blocks] = b.exposure[j];
      start[blocks] = j;
      blocks++;
      while (blocks > 1 && count[blocks - 2] * exposure[blocks - 1] >= count[blocks - 1] * exposure[blocks - 2]) {
        count[blocks - 2] += count[blocks - 1];
        exposure[blocks - 2] += exposure[blocks - 1];
        blocks--;
      }
    }
    double target = ratio * base;
    int first = -1;
    for (int k = 0; k < blocks; k++) {
      int end = k + 1 < blocks ? start[k + 1] : to;
      double v = count[k] / exposure[k];
      for (int j = start[k]; j < end; j++) {
        level[j] = v;
      }
      if (first < 0 && v >= target) {
        first = start[k];
      }
    }
    if (first < 0) {
      return Double.NaN;
    }
    int half = Math.max(2, (int) Math.round(LOCAL_MINUTES / step));
    int lo = Math.max(from, first - half);
    int hi = Math.min(to, first + half);
    if (hi - lo < 4) {
      return first * step;
    }
    // The step: two rates, its instant at a bin edge strictly inside [lo, hi).
    double allN = 0;
    double allE = 0;
    for (int j = lo; j < hi; j++) {
      allN += b.count[j];
      allE += b.exposure[j];
    }
    double bestStep = Double.NEGATIVE_INFINITY;
    int tau = -1;
    double n1 = 0;
    double e1 = 0;
    for (int j = lo + 1; j < hi; j++) {
      n1 += b.count[j - 1];
      e1 += b.exposure[j - 1];
      double n2 = allN - n1;
      double e2 = allE - e1;
      if (e1 <= 0 || e2 <= 0 || n2 * e1 <= n1 * e2) {
        continue;
      }
      double l = xLogY(n1, n1 / e1) + xLogY(n2, n2 / e2) - allN;
      if (l > bestStep) {
        bestStep = l;
        tau = j;
      }
    }
    double line = lineCrossing(b, lo, hi, target);
    double lineL = Double.isNaN(line) ? Double.NEGATIVE_INFINITY : lastLineLogL;
    if (tau >= 0 && bestStep > lineL + STEP_PENALTY) {
      double before = 0;
      double beforeE = 0;
      for (int j = lo; j < tau; j++) {
        before += b.count[j];
        beforeE += b.exposure[j];
      }
      double after = (allN - before) / (allE - beforeE);
      if (before / beforeE < target && after >= target) {
        return tau * step;
      }
      return first * step;
    }
    if (!Double.isNaN(line)) {
      return line;
    }
    return first * step;
  }

  /** Width, in minutes, of the rate profile's bins that outages' counts are compared with for the dispersion. */
  static final double DISPERSION_BINS = 15;
  /** Minutes either side of the monotone fit's crossing refitted by a step and a line. */
  static final double LOCAL_MINUTES = 15;
  /** Log-likelihood a step must gain over the line to be chosen. */
  static final double STEP_PENALTY = 6;
  /** The log-likelihood of the last {@link #lineCrossing} fit. */
  private double lastLineLogL;

  /**
   * Where a straight rate {@code a + s·(t − centre)} fitted to bins {@code [lo, hi)} by Poisson likelihood reaches
   * {@code target}, if it rises and does so inside them; else NaN. Its log-likelihood goes to {@link #lastLineLogL}.
   */
  private double lineCrossing(Binned b, int lo, int hi, double target) {
    double centre = (lo + hi) / 2.0 * step;
    // Start from weighted least squares on the bins' rates (weights: exposure), then Newton on the Poisson likelihood.
    double sw = 0;
    double swx = 0;
    double swy = 0;
    double swxx = 0;
    double swxy = 0;
    for (int j = lo; j < hi; j++) {
      double e = b.exposure[j];
      if (e <= 0) {
        continue;
      }
      double x = (j + 0.5) * step - centre;
      double y = b.count[j] / e;
      sw += e;
      swx += e * x;
      swy += e * y;
      swxx += e * x * x;
      swxy += e * x * y;
    }
    double det = sw * swxx - swx * swx;
    if (!(det > 0)) {
      return Double.NaN;
    }
    double a = (swxx * swy - swx * swxy) / det;
    double slope = (sw * swxy - swx * swy) / det;
    double ll = Double.NEGATIVE_INFINITY;
    for (int iter = 0; iter < 20; iter++) {
      double ga = 0;
      double gs = 0;
      double haa = 0;
      double has = 0;
      double hss = 0;
      double l = 0;
      boolean valid = true;
      for (int j = lo; j < hi; j++) {
        double e = b.exposure[j];
        double x = (j + 0.5) * step - centre;
        double rate = a + slope * x;
        if (!(rate > 0)) {
          valid = false;
          break;
        }
        double n = b.count[j];
        l += xLogY(n, rate) - rate * e;
        double r = n / rate - e;
        ga += r;
        gs += r * x;
        double w = n / (rate * rate);
        haa += w;
        has += w * x;
        hss += w * x * x;
      }
      if (!valid) {
        return Double.NaN;
      }
      ll = l;
      double d = haa * hss - has * has;
      if (!(d > 0)) {
        break;
      }
      double da = (hss * ga - has * gs) / d;
      double ds = (haa * gs - has * ga) / d;
      // Halve the step while it leaves a rate non-positive somewhere.
      double f = 1;
      while (f > 1e-6 && !(Math.min(a + f * da + (slope + f * ds) * ((lo + 0.5) * step - centre),
          a + f * da + (slope + f * ds) * ((hi - 0.5) * step - centre)) > 0)) {
        f /= 2;
      }
      a += f * da;
      slope += f * ds;
      if (Math.abs(f * da) < 1e-12 && Math.abs(f * ds) < 1e-12) {
        break;
      }
    }
    lastLineLogL = ll;
    if (!(slope > 0)) {
      return Double.NaN;
    }
    double t = centre + (target - a) / slope;
    return t >= lo * step && t < hi * step ? t : Double.NaN;
  }

  private static double xLogY(double x, double y) {
    return x == 0 ? 0 : x * Math.log(y);
  }

  /** Bin sums of one weighting of the outages. */
  private static final class Binned {
    final double[] count;
    final double[] exposure;
    double baselineCount;
    double baselineExposure;
    /** Bins {@code [baselineBins, examinedEnd)} are examined: at least minOpen outages open at their start. */
    int examinedEnd;

    Binned(int bins) {
      count = new double[bins];
      exposure = new double[bins];
    }
  }

  /** The result of the span scan. */
  private record Scan(double bestZ, int spans, double trendZ, double dispersion) {}

  /** The outages, prepared once per estimate: complaints per bin, durations. */
  private final class Data {
    final int n;
    final double[] duration;
    /** Per complaint (outage by outage): its bin; complaints beyond the last bin are left out. */
    final int[] complaintBin;
    final int[] complaintOf;
    /** Per outage: bins fully open below this one, and the open fraction of that bin. */
    final int[] fullBins;
    final double[] partial;

    Data(List<Sample> samples) {
      n = samples.size();
      duration = new double[n];
      fullBins = new int[n];
      partial = new double[n];
      int total = 0;
      for (Sample s : samples) {
        for (double lag : s.lagsMinutes()) {
          if (lag >= 0 && lag < s.durationMinutes() && lag < bins * step) {
            total++;
          }
        }
      }
      complaintBin = new int[total];
      complaintOf = new int[total];
      int c = 0;
      for (int i = 0; i < n; i++) {
        Sample s = samples.get(i);
        double dur = Math.max(0, s.durationMinutes());
        duration[i] = dur;
        int full = (int) Math.min(bins, Math.floor(dur / step));
        fullBins[i] = full;
        partial[i] = full < bins ? dur - full * step : 0;
        for (double lag : s.lagsMinutes()) {
          if (lag >= 0 && lag < dur && lag < bins * step) {
            complaintBin[c] = Math.min(bins - 1, (int) Math.floor(lag / step));
            complaintOf[c++] = i;
          }
        }
      }
    }

    /** Counts and exposures per bin for outages weighted by multiplicity. */
    Binned bin(int[] weight) {
      Binned b = new Binned(bins);
      int[] closingAfter = new int[bins + 1]; // weight of outages whose full bins end at k
      int[] openAtStart = new int[bins + 1];
      double[] partialAt = new double[bins];
      int open = 0;
      for (int i = 0; i < n; i++) {
        int w = weight[i];
        if (w == 0) {
          continue;
        }
        open += w;
        closingAfter[fullBins[i]] += w;
        if (fullBins[i] < bins && partial[i] > 0) {
          partialAt[fullBins[i]] += w * partial[i];
          openAtStart[fullBins[i]] += w; // open at the start of its partial bin too
        }
      }
      for (int c = 0; c < complaintBin.length; c++) {
        b.count[complaintBin[c]] += weight[complaintOf[c]];
      }
      int full = open;
      int end = bins;
      boolean ended = false;
      for (int j = 0; j < bins; j++) {
        full -= closingAfter[j];
        b.exposure[j] = full * step + partialAt[j];
        int openAtJ = full + openAtStart[j];
        if (!ended && j >= baselineBins && openAtJ < minOpen) {
          end = j;
          ended = true;
        }
        if (j < baselineBins) {
          b.baselineCount += b.count[j];
          b.baselineExposure += b.exposure[j];
        }
      }
      b.examinedEnd = end;
      return b;
    }

    /**
     * The span statistics against {@code ratio · base}, and the trend against the baseline.
     *
     * <p>A span's complaints {@code N_s} and the baseline's {@code N_B}, given their sum, are binomial with {@code
     * p0 = k·E_s / (k·E_s + E_B)} where the span's rate is {@code k} times the baseline: the test accounts for the
     * baseline's own noise and needs no large-sample approximation for the rate. Its signed root deviance is close to
     * normal even for a handful of complaints (a plain z would reject on 3 complaints where 0.3 are expected). It is
     * divided by {@code √φ}, the dispersion of complaints between outages: where a few outages bring most complaints
     * (outages, not complaints, are the independent units), counts vary {@code φ} times more than Poisson counts.
     */
    Scan scan(Binned b, double base) {
      int from = baselineBins;
      int to = b.examinedEnd;
      int m = to - from;
      double phi = dispersion(b, to);
      double[] countPrefix = new double[m + 1];
      double[] exposurePrefix = new double[m + 1];
      for (int j = 0; j < m; j++) {
        countPrefix[j + 1] = countPrefix[j] + b.count[from + j];
        exposurePrefix[j + 1] = exposurePrefix[j] + b.exposure[from + j];
      }
      double bestZ = Double.NEGATIVE_INFINITY;
      int spans = 0;
      for (int a = 0; a < m; a++) {
        for (int len = 1; a + len <= m; len *= 2) {
          spans++;
          double z = z(countPrefix[a + len] - countPrefix[a], exposurePrefix[a + len] - exposurePrefix[a], ratio, b,
              phi);
          bestZ = Math.max(bestZ, z);
        }
      }
      double trend = z(countPrefix[m], exposurePrefix[m], 1, b, phi);
      return new Scan(bestZ, Math.max(1, spans), trend, phi);
    }

    /** Signed root binomial deviance of a span against {@code k} times the baseline rate, over {@code √φ}. */
    private double z(double ns, double es, double k, Binned b, double phi) {
      double nb = b.baselineCount;
      double total = ns + nb;
      if (total <= 0 || es <= 0) {
        return 0;
      }
      double p0 = k * es / (k * es + b.baselineExposure);
      double p = ns / total;
      double dev = 2 * (xLogY(ns, p / p0) + xLogY(nb, (1 - p) / (1 - p0)));
      double root = Math.sqrt(Math.max(0, dev) / phi);
      return p >= p0 ? root : -root;
    }

    /**
     * Pearson's dispersion of the outages' complaint counts (up to bin {@code to}) around what the scope's rate
     * profile, in {@link #DISPERSION_BINS}-minute bins, gives each outage for its exposure; at least 1. Coarse bins
     * keep the profile from absorbing the variation between outages where few are open.
     */
    private double dispersion(Binned b, int to) {
      int per = Math.max(1, (int) Math.round(DISPERSION_BINS / step));
      int groups = (to + per - 1) / per;
      double[] rate = new double[groups];
      double[] n = new double[groups];
      double[] e = new double[groups];
      for (int j = 0; j < to; j++) {
        n[j / per] += b.count[j];
        e[j / per] += b.exposure[j];
      }
      for (int g = 0; g < groups; g++) {
        rate[g] = e[g] > 0 ? n[g] / e[g] : 0;
      }
      double[] observed = new double[this.n];
      for (int c = 0; c < complaintBin.length; c++) {
        if (complaintBin[c] < to) {
          observed[complaintOf[c]]++;
        }
      }
      double chi = 0;
      int units = 0;
      for (int i = 0; i < this.n; i++) {
        double expected = 0;
        int full = Math.min(fullBins[i], to);
        for (int j = 0; j < full; j++) {
          expected += rate[j / per] * step;
        }
        if (fullBins[i] < to) {
          expected += rate[fullBins[i] / per] * partial[i];
        }
        if (expected > 0) {
          chi += (observed[i] - expected) * (observed[i] - expected) / expected;
          units++;
        }
      }
      return units > groups ? Math.max(1, chi / (units - groups)) : 1;
    }
  }
}
