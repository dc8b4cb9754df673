package com.faultlink.burst;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.burst.BurstCalendar.Window;
import com.faultlink.burst.SyntheticComplaints.Burst;
import com.faultlink.burst.SyntheticComplaints.Region;
import com.faultlink.burst.SyntheticComplaints.Stream;
import com.faultlink.config.BurstConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Detection quality on synthetic streams (see {@link SyntheticComplaints}): several regions from 300 to
 * 12 000 complaints a day, daily cycle, weekday/weekend difference, slow drift up and down, day-to-day
 * overdispersion, and bursts of several sizes at known times. Drives {@link BurstModel} directly, window
 * by window, with the default settings (two weeks of warm-up).
 */
class BurstDetectionQualityTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday
  private static final int WARMUP_DAYS = 14;
  private static final List<Region> REGIONS = List.of(
      new Region("Alpha", 300, 0.15),
      new Region("Bravo", 1_500, -0.15),
      new Region("Charlie", 5_000, 0.10),
      new Region("Delta", 12_000, 0.20));

  private final BurstConfig config = BurstConfig.defaults();
  private final BurstCalendar calendar = new BurstCalendar(ZONE, config.window(), BurstCalendar.DayTypes.WEEKDAY_WEEKEND);

  record Alarm(String region, Window window, long count, double threshold, double expected) {}

  private List<Alarm> detect(Stream s) {
    BurstModel model = new BurstModel(calendar, config);
    List<Alarm> alarms = new ArrayList<>();
    for (int r = 0; r < s.regions().size(); r++) {
      RegionBurstState state = model.newState();
      String region = s.regions().get(r).name();
      for (int i = 0; i < s.windows().size(); i++) {
        BurstModel.Verdict v = model.judge(state, region, s.windows().get(i), s.counts()[r][i]);
        if (v.event() == BurstModel.EpisodeEvent.STARTED) {
          alarms.add(new Alarm(region, v.window(), v.count(), v.threshold(), v.expected()));
        }
      }
    }
    return alarms;
  }

  @Test
  void burstsOfSeveralSizesAreFoundWithinOneWindowWithHighPrecisionAndRecall() {
    SyntheticComplaints gen = new SyntheticComplaints(calendar, 0.05);
    double[] sigmas = {8, 12, 20, 40};
    Stream s = gen.generate(START, WARMUP_DAYS + 28, REGIONS, 42, WARMUP_DAYS, 14, sigmas, 12);
    List<Alarm> alarms = detect(s);
    long windowMillis = calendar.windowMillis();

    int found = 0;
    int foundInTime = 0;
    TreeMap<Double, int[]> bySize = new TreeMap<>();
    TreeMap<Long, Integer> delays = new TreeMap<>();
    for (Burst b : s.bursts()) {
      Window first = calendar.windowOf(b.start());
      int[] tally = bySize.computeIfAbsent(b.sigmas(), k -> new int[2]);
      tally[0]++;
      Alarm match = alarms.stream()
          .filter(a -> a.region().equals(b.region()) && a.window().end() > b.start() && a.window().start() < b.end())
          .findFirst().orElse(null);
      if (match == null || (match.window().start() - first.start()) / windowMillis > 1) {
        System.out.printf(Locale.ROOT, "burst quality: missed %s %s excess %.1f (%.0f sd) %s%n", b.region(),
            java.time.Instant.ofEpochMilli(b.start()), b.excessPerWindow(), b.sigmas(), match == null ? "no alert" : "late");
      }
      if (match != null) {
        found++;
        long delayWindows = (match.window().start() - first.start()) / windowMillis;
        delays.merge(delayWindows, 1, Integer::sum);
        if (delayWindows <= 1) {
          foundInTime++;
          tally[1]++;
        }
      }
    }
    long truePositives = alarms.stream().filter(a -> s.bursts().stream().anyMatch(
        b -> a.region().equals(b.region()) && a.window().end() > b.start() && a.window().start() < b.end())).count();
    double recall = foundInTime / (double) s.bursts().size();
    double precision = truePositives / (double) alarms.size();
    System.out.printf(Locale.ROOT, "burst quality: %d bursts, %d alerts, recall (within one window) %.3f"
        + " (%d found at all), precision %.3f, delay in windows {windows=bursts} %s%n",
        s.bursts().size(), alarms.size(), recall, found, precision, delays);
    bySize.forEach((sig, t) -> System.out.printf(Locale.ROOT,
        "burst quality: size %.0f sd: %d/%d found within one window%n", sig, t[1], t[0]));
    alarms.stream().filter(a -> s.bursts().stream().noneMatch(
            b -> a.region().equals(b.region()) && a.window().end() > b.start() && a.window().start() < b.end()))
        .forEach(a -> System.out.printf(Locale.ROOT, "burst quality: false alarm %s %s count %d threshold %.0f expected %.1f%n",
            a.region(), calendar.bandName(calendar.band(a.window())) + " " + a.window().date(), a.count(), a.threshold(), a.expected()));

    assertThat(s.bursts()).hasSizeGreaterThan(150);
    assertThat(alarms).allMatch(a -> a.window().start() >= s.windows().get(0).start() + Duration.ofDays(WARMUP_DAYS).toMillis());
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void fourWeeksWithoutBurstsRaiseNoAlert() {
    SyntheticComplaints gen = new SyntheticComplaints(calendar, 0.05);
    for (long seed : new long[] {1, 2, 3}) {
      Stream s = gen.generate(START, WARMUP_DAYS + 28, REGIONS, seed, 0, 0, new double[0], 0);
      List<Alarm> alarms = detect(s);
      System.out.printf(Locale.ROOT, "burst quality: seed %d, %d region-weeks without bursts after the warm-up: %d alerts %s%n",
          seed, 4 * REGIONS.size(), alarms.size(), alarms);
      assertThat(alarms).isEmpty();
    }
  }
}
