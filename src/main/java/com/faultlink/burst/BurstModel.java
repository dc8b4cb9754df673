package com.faultlink.burst;

import com.faultlink.burst.BurstCalendar.Window;
import com.faultlink.config.BurstConfig;
import com.faultlink.model.Rounding;
import com.faultlink.model.BurstThreshold;
import java.io.Serializable;

/**
 * Burst detection for one region, window by window, in event-time order: plain Java, no Flink.
 *
 * <p>For each window {@link #judge} does, in this order:
 * <ol>
 *   <li><b>Expected count.</b> The band's baseline mean times the region's current <em>level</em>: the
 *       ratio of the region's recent counts (exponentially weighted, half-life 3 h, windows outside episodes,
 *       capped like the baseline's) to the band means they were expected with, shrunk towards 1 by 100
 *       pseudo-counts and kept within [0.5, 2]. The level follows what the bands cannot: a day busier or
 *       quieter than usual as a whole, and drift not yet learned; in a small region it stays near 1.
 *   <li><b>Threshold in force.</b> The band's threshold is computed from the expected count and the band's
 *       overdispersion as they stand before the window: {@code max(minCount, smallest k with P(X ≥ k) ≤
 *       significance)} (see
 *       {@link CountThreshold}). It replaces the threshold in force, and is published with
 *       {@code validFrom} = the window's start, when the band has none yet, when it is higher by at least
 *       {@code republishAbsolute}, or when it is lower by at least {@code max(republishAbsolute,
 *       republishRelative × old)}; otherwise the one in force stays. So the threshold in force is never
 *       below the learned one (a rising background raises it at once: no false alarms from a stale
 *       threshold), while small falls do not republish every band every day.
 *       Before the warm-up is over ({@code warmup} after the region's first window) there is no learned
 *       threshold: the configured {@code initialThreshold} is in force, or none (no alerts).
 *   <li><b>Verdict.</b> The window is a burst when its count reaches the threshold in force.
 *   <li><b>Episode.</b> The first burst window starts an episode (one alert); it ends once
 *       {@code endAfterQuietWindows} consecutive windows are not bursts (the resolution).
 *   <li><b>Learning.</b> A window that is not part of an episode (neither a burst window nor one of the
 *       quiet windows that end it) trains the baseline of its band and of the {@code neighbourSlots}
 *       neighbouring time-of-day bands of the same day type on each side, with triangular weights
 *       ({@code 1 − |offset| / (neighbourSlots + 1)}), in an exponentially weighted mean and overdispersion
 *       (see {@link RegionBurstState}) whose weights halve every {@code halfLife}; once a band has a few
 *       windows of history, a count is capped at its expected count + 3 standard deviations first. So
 *       bursts do not inflate the baseline (not even their edges, which stay under the threshold), while
 *       the background's slow drift is followed. An episode longer than {@code relearnAfter} windows trains it again (a
 *       lasting change in the background becomes the new normal instead of one endless episode).
 * </ol>
 * Windows whose length differs from the nominal one (the one window a year that a DST change lengthens)
 * are neither judged nor learned from: they only count as quiet for episodes.
 */
public final class BurstModel implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The {@code distribution} of a configured initial threshold. */
  public static final String CONFIGURED = "configured";

  /** What a window changed in the episode. */
  public enum EpisodeEvent {
    NONE,
    STARTED,
    ENDED
  }

  /**
   * The outcome for one window.
   *
   * @param threshold the threshold in force at the window's start; null: none (warm-up)
   * @param expected the expected count of the window before it (0 without history), rounded half up to 2
   *     decimals
   * @param published the threshold record this window made public, or null
   */
  public record Verdict(
      Window window,
      int band,
      long count,
      Double threshold,
      double expected,
      boolean burst,
      EpisodeEvent event,
      BurstThreshold published) {}

  static final double ESTABLISHED = 3.0;
  static final double LEVEL_PRIOR = 100.0;
  static final double LEVEL_HALF_LIFE = 3 * 3_600_000.0;
  static final double CAP_SD = 3.0;
  static final double MIN_MEAN_FOR_DISPERSION = 2.0;
  /**
   * A region quiet for this many half-lives has forgotten its history (what is left of it weighs 2^-16): its next
   * complaint starts it again, warm-up included, rather than every window of the silence being judged empty.
   */
  public static final int FORGET_AFTER_HALF_LIVES = 16;

  private final BurstCalendar calendar;
  private final BurstConfig config;
  private final long warmupMillis;
  private final double halfLifeMillis;
  private final int relearnAfterWindows;

  public BurstModel(BurstCalendar calendar, BurstConfig config) {
    this.calendar = calendar;
    this.config = config;
    this.warmupMillis = config.warmup().toMillis();
    this.halfLifeMillis = config.halfLife().toMillis();
    this.relearnAfterWindows = (int) Math.max(1, config.relearnAfter().toMillis() / calendar.windowMillis());
  }

  /** How long a region must be quiet to forget its history ({@link #FORGET_AFTER_HALF_LIVES} half-lives). */
  public long forgetAfterMillis() {
    return (long) (FORGET_AFTER_HALF_LIVES * halfLifeMillis);
  }

  public BurstCalendar calendar() {
    return calendar;
  }

  public RegionBurstState newState() {
    return RegionBurstState.forBands(calendar.bandCount());
  }

  /** Judges the region's next window (windows must come in order, each once) and learns from it. */
  public Verdict judge(RegionBurstState s, String region, Window w, long count) {
    if (s.historyStart == Long.MIN_VALUE) {
      s.historyStart = w.start();
    }
    s.nextWindow = w.end();
    int band = calendar.band(w);
    boolean nominal = w.end() - w.start() == calendar.windowMillis();
    double level = level(s);
    double expected = s.mean(band) * level;

    BurstThreshold published = nominal ? updateThreshold(s, region, w, band, level) : null;
    Double threshold = nominal && !Double.isNaN(s.inForce[band]) ? s.inForce[band] : null;
    boolean burst = threshold != null && count >= threshold;

    boolean wasInEpisode = s.inEpisode;
    EpisodeEvent event = EpisodeEvent.NONE;
    if (burst) {
      if (!s.inEpisode) {
        s.inEpisode = true;
        s.episodeWindows = 0;
        event = EpisodeEvent.STARTED;
      }
      s.quietWindows = 0;
    } else if (s.inEpisode) {
      s.quietWindows++;
      if (s.quietWindows >= config.endAfterQuietWindows()) {
        s.inEpisode = false;
        event = EpisodeEvent.ENDED;
      }
    }
    boolean partOfEpisode = burst || wasInEpisode;
    if (s.inEpisode || event == EpisodeEvent.ENDED) {
      s.episodeWindows++;
    }
    if (nominal && (!partOfEpisode || s.episodeWindows > relearnAfterWindows)) {
      learn(s, band, w.start(), count);
    }
    return new Verdict(w, band, count, threshold, Rounding.halfUp2(expected), burst, event, published);
  }

  /** Ratio of recent counts to their band means, shrunk towards 1 by {@value #LEVEL_PRIOR} pseudo-counts. */
  static double level(RegionBurstState s) {
    double r = (s.levelCount + LEVEL_PRIOR) / (s.levelExpected + LEVEL_PRIOR);
    return Math.max(0.5, Math.min(2.0, r));
  }

  private BurstThreshold updateThreshold(RegionBurstState s, String region, Window w, int band, double level) {
    boolean warm = w.start() >= s.historyStart + warmupMillis && s.weight[band] > 0;
    double candidate;
    String distribution;
    double mean = s.mean(band) * level;
    if (warm) {
      double c = s.dispersion(band);
      double variance = mean + c * mean * mean;
      candidate = CountThreshold.threshold(mean, variance, config.significance(), config.minCount());
      distribution = CountThreshold.distribution(mean, variance);
    } else if (config.initialThreshold() != null) {
      candidate = config.initialThreshold();
      distribution = CONFIGURED;
    } else {
      return null;
    }
    double old = s.inForce[band];
    boolean change = Double.isNaN(old) || s.inForceLearned[band] != warm
        || (candidate > old && candidate - old >= config.republishAbsolute())
        || (candidate < old
            && old - candidate >= Math.max(config.republishAbsolute(), config.republishRelative() * old));
    if (!change) {
      return null;
    }
    s.inForce[band] = candidate;
    s.inForceLearned[band] = warm;
    return new BurstThreshold(region, calendar.bandName(band), w.start(), calendar.windowMinutes(), candidate,
        Rounding.halfUp2(mean), distribution);
  }

  /**
   * Trains the baselines around {@code band} with one window's count. Where the band's own baseline is
   * established ({@value #ESTABLISHED} effective windows) the count is capped at its mean + {@value #CAP_SD}
   * standard deviations first, so that a window the threshold let through (the edges of a burst, a
   * burst just below the threshold) cannot drag the baseline up by more than a normal window could.
   */
  private void learn(RegionBurstState s, int band, long at, long count) {
    double level = level(s);
    double raw = s.mean(band);
    double m0 = raw * level;
    boolean established = s.effectiveWindows(band) >= ESTABLISHED;
    double c0 = s.dispersion(band);
    double x = established ? Math.min(count, m0 + CAP_SD * Math.sqrt(m0 + c0 * m0 * m0)) : count;
    if (established) {
      double decay = s.levelAt == Long.MIN_VALUE ? 0.0 : Math.pow(0.5, Math.max(0, at - s.levelAt) / LEVEL_HALF_LIFE);
      s.levelCount = s.levelCount * decay + x;
      s.levelExpected = s.levelExpected * decay + raw;
      s.levelAt = at;
    }
    boolean measuresDispersion = established && m0 >= MIN_MEAN_FOR_DISPERSION;
    double c = measuresDispersion ? ((x - m0) * (x - m0) - m0) / (m0 * m0) : 0.0;
    int k = config.neighbourSlots();
    for (int offset = -k; offset <= k; offset++) {
      int b = calendar.neighbour(band, offset);
      double w = 1.0 - Math.abs(offset) / (k + 1.0);
      double decay = s.updatedAt[b] == Long.MIN_VALUE ? 0.0
          : Math.pow(0.5, Math.max(0, at - s.updatedAt[b]) / halfLifeMillis);
      s.weight[b] = s.weight[b] * decay + w;
      s.weightSq[b] = s.weightSq[b] * decay * decay + w * w;
      s.sum[b] = s.sum[b] * decay + w * x;
      s.dispersionWeight[b] = s.dispersionWeight[b] * decay + (measuresDispersion ? w : 0.0);
      s.dispersionSum[b] = s.dispersionSum[b] * decay + (measuresDispersion ? w * c : 0.0);
      s.updatedAt[b] = Math.max(at, s.updatedAt[b]);
    }
  }
}
