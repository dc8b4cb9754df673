package com.faultlink.burst;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.burst.BurstCalendar.Window;
import com.faultlink.config.BurstConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The pure model: baseline learning, bursts kept out of it, drift followed, episodes. */
class BurstModelTest {
  private final BurstConfig config = BurstConfig.defaults().withWarmup(Duration.ofDays(7), null);
  private final BurstCalendar calendar =
      new BurstCalendar(ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(15), BurstCalendar.DayTypes.EVERY_DAY);
  private final BurstModel model = new BurstModel(calendar, config);

  /** Runs {@code days} days of Poisson(mean × growth^day) counts; {@code burstEvery} > 0 adds +200 then. */
  private RegionBurstState run(int days, double mean, double dailyGrowth, int burstEvery, long seed) {
    Well19937c rng = new Well19937c(seed);
    RegionBurstState s = model.newState();
    Window w = calendar.window(LocalDate.of(2026, 10, 5), 0);
    for (int i = 0; i < days * 96; i++, w = calendar.next(w)) {
      double m = mean * Math.pow(dailyGrowth, i / 96.0);
      long count = new PoissonDistribution(rng, m, 1e-12, 1000).sample();
      if (burstEvery > 0 && i % burstEvery == 40) {
        count += 200;
      }
      model.judge(s, "R", w, count);
    }
    return s;
  }

  @Test
  void pastBurstsDoNotInflateTheBaseline() {
    RegionBurstState quiet = run(28, 20, 1.0, 0, 1);
    RegionBurstState bursty = run(28, 20, 1.0, 37, 1); // a 200-complaint burst every 9 h 15 min
    for (int band = 0; band < 96; band++) {
      assertThat(bursty.mean(band)).isCloseTo(quiet.mean(band), org.assertj.core.data.Offset.offset(1.0));
      assertThat(bursty.variance(band)).isLessThan(quiet.variance(band) * 1.3);
    }
  }

  @Test
  void theBaselineFollowsASlowDrift() {
    RegionBurstState s = run(42, 20, 1.01, 0, 2); // +1 % a day: 30 at the end
    double expectedNow = 20 * Math.pow(1.01, 42);
    double mean = 0;
    for (int band = 0; band < 96; band++) {
      mean += s.mean(band) * BurstModel.level(s) / 96;
    }
    assertThat(mean).isBetween(expectedNow * 0.93, expectedNow * 1.03);
  }

  @Test
  void anEpisodeStartsOnceAndEndsAfterTheConfiguredQuietWindows() {
    RegionBurstState s = run(8, 5, 1.0, 0, 3);
    Window w = calendar.windowOf(calendar.window(LocalDate.of(2026, 10, 13), 40).start());
    assertThat(model.judge(s, "R", w, 60).event()).isEqualTo(BurstModel.EpisodeEvent.STARTED);
    w = calendar.next(w);
    assertThat(model.judge(s, "R", w, 5).event()).isEqualTo(BurstModel.EpisodeEvent.NONE);
    w = calendar.next(w);
    assertThat(model.judge(s, "R", w, 60).event()).as("a burst window resets the quiet count")
        .isEqualTo(BurstModel.EpisodeEvent.NONE);
    w = calendar.next(w);
    assertThat(model.judge(s, "R", w, 5).event()).isEqualTo(BurstModel.EpisodeEvent.NONE);
    w = calendar.next(w);
    assertThat(model.judge(s, "R", w, 5).event()).isEqualTo(BurstModel.EpisodeEvent.ENDED);
    w = calendar.next(w);
    assertThat(model.judge(s, "R", w, 60).event()).isEqualTo(BurstModel.EpisodeEvent.STARTED);
  }
}
