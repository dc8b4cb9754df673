package com.faultlink.golden;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.GoldenConfig;
import com.faultlink.model.ClosedOutage;
import com.faultlink.model.GoldenScopeReport;
import com.faultlink.model.GoldenWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class GoldenWindowLearnerTest {
  private static final long T0 = t("2026-10-05T00:00");

  private static GoldenConfig golden(int minOutages, int every, int history) {
    return golden(minOutages, every, history, Duration.ofHours(1));
  }

  private static GoldenConfig golden(int minOutages, int every, int history, Duration maxIntervalWidth) {
    return new GoldenConfig(null, Duration.ofMinutes(45), minOutages, 0.75, history, every, 50, 0.95,
        Duration.ofMinutes(5), Duration.ofHours(3), 10, maxIntervalWidth);
  }

  /** Closed outages of one scope, one every 2 hours, with a true window of {@code window} minutes. */
  private static List<ClosedOutage> outages(String region, String tech, int n, double window, long seed, long offset) {
    return outages(region, tech, SyntheticOutages.draw(new SplittableRandom(seed), n, window, 0.05, 0.6, 35), offset);
  }

  private static List<ClosedOutage> outages(String region, String tech, List<GoldenWindowEstimator.Sample> samples,
      long offset) {
    int n = samples.size();
    List<ClosedOutage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      GoldenWindowEstimator.Sample s = samples.get(i);
      long start = T0 + offset + i * minutes(120);
      long end = start + Math.round(s.durationMinutes() * 60_000);
      out.add(new ClosedOutage(region + "-" + tech + "/" + i, region, tech, start, end, end + minutes(30), false,
          Arrays.stream(s.lagsMinutes()).boxed().collect(Collectors.toList())));
    }
    return out;
  }

  private static List<Object> run(GoldenConfig golden, List<ClosedOutage> outages, List<GoldenScopeReport> table)
      throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, ScopedClosedOutage, GoldenWindow> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(new GoldenWindowLearner(golden),
            ScopedClosedOutage::scope, Types.STRING)) {
      Scopes fanOut = new Scopes();
      for (ClosedOutage o : outages) {
        fanOut.flatMap(o, new Collector<>() {
          @Override
          public void collect(ScopedClosedOutage s) {
            try {
              h.processElement(s, o.settledAt());
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          }

          @Override
          public void close() {}
        });
      }
      h.processWatermark(Long.MAX_VALUE);
      if (table != null) {
        h.getSideOutput(GoldenWindowLearner.TABLE).forEach(r -> table.add(r.getValue()));
      }
      return new ArrayList<>(h.extractOutputValues());
    }
  }

  @Test
  void theLogGetsOneSummaryLineNotALinePerScope_theReasonsAreAtDebug() throws Exception {
    List<ClosedOutage> all = new ArrayList<>(outages("Yinchuan", "4G", 60, 40, 1, 0));
    all.addAll(outages("Guyuan", "5G", 12, 40, 2, minutes(7)));
    all.addAll(outages("Wuzhong", "2G", 12, 40, 3, minutes(11)));
    // The tests' log config quiets this logger; here its lines are what is tested.
    org.apache.logging.log4j.Level before = org.apache.logging.log4j.LogManager
        .getLogger(GoldenWindowLearner.class).getLevel();
    org.apache.logging.log4j.core.config.Configurator.setLevel(GoldenWindowLearner.class.getName(),
        org.apache.logging.log4j.Level.DEBUG);
    try (com.faultlink.runtime.LogCapture log = new com.faultlink.runtime.LogCapture()) {
      run(golden(30, 10, 500), all, null);
      List<String> info = log.text().lines().filter(l -> l.startsWith("INFO GoldenWindowLearner")).toList();
      assertThat(info).as("one summary at the end of the (short) run").singleElement().asString()
          .contains("scope(s) changed status").contains("too-few-outages").contains("golden-window-table");
      assertThat(log.text().lines().filter(l -> l.startsWith("DEBUG GoldenWindowLearner")))
          .as("each scope's own line").anyMatch(l -> l.contains("Guyuan/5G"));
    } finally {
      org.apache.logging.log4j.core.config.Configurator.setLevel(GoldenWindowLearner.class.getName(), before);
    }
  }

  @Test
  void aScopeBelowTheMinimumPublishesNothingAndNamesThePooledScopeThatApplies() throws Exception {
    List<ClosedOutage> all = new ArrayList<>(outages("Yinchuan", "4G", 60, 40, 1, 0));
    all.addAll(outages("Guyuan", "5G", 12, 40, 2, minutes(7)));
    List<GoldenScopeReport> table = new ArrayList<>();
    List<Object> published = run(golden(30, 10, 500), all, table);

    assertThat(published).extracting(o -> ((GoldenWindow) o).region() + "|" + ((GoldenWindow) o).technology())
        .containsOnly("Yinchuan|4G", "Yinchuan|*", "*|*");
    GoldenScopeReport guyuan5g = table.stream().filter(r -> r.region().equals("Guyuan") && r.technology().equals("5G"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(guyuan5g.status()).isEqualTo("too-few-outages");
    assertThat(guyuan5g.outages()).as("re-estimated at the 10th of its 12").isEqualTo(10);
    assertThat(guyuan5g.appliesInstead()).isEqualTo("Guyuan/*");
    assertThat(guyuan5g.goldenWindowMinutes()).isNull();
    GoldenWindow pooled = published.stream().map(o -> (GoldenWindow) o).filter(g -> g.region().equals("*"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(pooled.outages()).as("re-estimated at the 70th of 72").isEqualTo(70);
    assertThat(pooled.goldenWindowMinutes()).isBetween(35.0, 45.0);
    assertThat(pooled.method()).isEqualTo(GoldenWindowEstimator.METHOD);
    assertThat(pooled.rateAfterPerHour()).isGreaterThan(pooled.rateBeforePerHour());
  }

  @Test
  void estimatesAreValidFromTheSettleInstantOfEveryTenthOutage_andTheHistoryIsBounded() throws Exception {
    List<ClosedOutage> all = outages("Yinchuan", "4G", 80, 40, 3, 0);
    List<Object> published = run(golden(30, 10, 40), all, null);
    List<GoldenWindow> own = published.stream().map(o -> (GoldenWindow) o)
        .filter(g -> g.technology().equals("4G")).toList();
    // The 30th (the minimum), 40th, ..., 80th outage trigger estimates; the history keeps the last 40.
    List<Long> settled = all.stream().map(ClosedOutage::settledAt).sorted().toList();
    assertThat(own).extracting(GoldenWindow::validFrom).containsExactly(
        settled.get(29), settled.get(39), settled.get(49), settled.get(59), settled.get(69), settled.get(79));
    assertThat(own).extracting(GoldenWindow::outages).containsExactly(30L, 40L, 40L, 40L, 40L, 40L);
  }

  @Test
  void anEstimateWhoseIntervalIsWiderThanTheMaximumIsShownInTheTableButNotPublished() throws Exception {
    // A steady rise (0.005 + 0.001 t per minute): its crossing is known only to within minutes.
    List<ClosedOutage> all = outages("Yinchuan", "4G",
        SyntheticOutages.draw(new SplittableRandom(6), 200, t -> 0.005 + 0.001 * t, 0.185, 60, 0), 0);
    List<GoldenScopeReport> precise = new ArrayList<>();
    List<Object> published = run(golden(200, 10, 500), all, precise);
    GoldenWindow estimate = published.stream().map(o -> (GoldenWindow) o)
        .filter(g -> g.technology().equals("4G")).reduce((a, b) -> b).orElseThrow();
    double width = estimate.ciHighMinutes() - estimate.ciLowMinutes();
    assertThat(width).as("the interval the tighter bound below must reject").isGreaterThan(1.0);

    List<GoldenScopeReport> table = new ArrayList<>();
    Duration narrower = Duration.ofMinutes(Math.max(1, (long) Math.ceil(width) - 1));
    assertThat(run(golden(200, 10, 500, narrower), all, table)).isEmpty();
    GoldenScopeReport own = table.stream().filter(r -> r.technology().equals("4G"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(own.status()).isEqualTo("imprecise");
    assertThat(own.goldenWindowMinutes()).isEqualTo(estimate.goldenWindowMinutes());
    assertThat(own.ciLowMinutes()).isEqualTo(estimate.ciLowMinutes());
    assertThat(own.ciHighMinutes()).isEqualTo(estimate.ciHighMinutes());
    assertThat(own.appliesInstead()).isEqualTo("Yinchuan/*");
  }

  @Test
  void theEstimatesDoNotDependOnArrivalOrder() throws Exception {
    List<ClosedOutage> all = new ArrayList<>(outages("Yinchuan", "4G", 50, 40, 4, 0));
    all.addAll(outages("Yinchuan", "5G", 40, 30, 5, minutes(3)));
    List<Object> inOrder = run(golden(30, 10, 500), all, null);
    List<ClosedOutage> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new java.util.Random(9));
    assertThat(run(golden(30, 10, 500), shuffled, null)).containsExactlyInAnyOrderElementsOf(inOrder);
  }

  @Test
  void aFallingRateAndAConstantRateAreShownInTheTableWithTheirFigures_andPublishNothing() throws Exception {
    List<ClosedOutage> all = new ArrayList<>(outages("Yinchuan", "4G",
        SyntheticOutages.draw(new SplittableRandom(8), 200, t -> t < 20 ? 0.1 : 0.03, 0.1, 60, 0), 0));
    all.addAll(outages("Guyuan", "4G",
        SyntheticOutages.draw(new SplittableRandom(9), 200, t -> 0.05, 0.05, 60, 0), minutes(7)));
    List<GoldenScopeReport> table = new ArrayList<>();
    List<Object> published = run(golden(30, 10, 500), all, table);
    assertThat(published).extracting(o -> ((GoldenWindow) o).technology()).doesNotContain("4G");
    GoldenScopeReport falling = table.stream().filter(r -> r.region().equals("Yinchuan") && r.technology().equals("4G"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(falling.status()).isEqualTo("falling");
    assertThat(falling.meanAfterRatio()).isLessThan(1.0);
    assertThat(falling.trendZ()).isLessThan(-2.33);
    assertThat(falling.reason()).contains("falls").contains("x the baseline");
    assertThat(falling.appliesInstead()).isEqualTo("Yinchuan/*");
    GoldenScopeReport constant = table.stream().filter(r -> r.region().equals("Guyuan") && r.technology().equals("4G"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(constant.status()).isEqualTo("no-rise");
    assertThat(constant.riseZ()).isLessThan(constant.riseZCritical());
    assertThat(constant.reason()).contains("needed");
  }

  /**
   * The acceptance case, on the learner: three regions of 1 000 outages each, a step at 35 min (0.02 to
   * 0.24 per outage-minute), a steady rise 0.005 + 0.001 t (window 32.5 min: baseline 0.0125, 3x 0.0375) and a
   * constant rate. The step within 10 %, the rise within 15 % of what its own baseline gives ((3b - 0.005) / 0.001),
   * nothing for the constant region, every published interval covering the true window.
   */
  @Test
  void stepRiseAndConstantRegionsOf1000OutagesEach() throws Exception {
    List<ClosedOutage> all = new ArrayList<>();
    all.addAll(outages("Step", "4G", SyntheticOutages.draw(new SplittableRandom(31), 1000,
        t -> t < 35 ? 0.02 : 0.24, 0.24, 60, 0), 0));
    all.addAll(outages("Rise", "4G", SyntheticOutages.draw(new SplittableRandom(32), 1000,
        t -> 0.005 + 0.001 * t, 0.185, 60, 0), minutes(1)));
    all.addAll(outages("Flat", "4G", SyntheticOutages.draw(new SplittableRandom(33), 1000,
        t -> 0.03, 0.03, 60, 0), minutes(2)));
    GoldenConfig golden = new GoldenConfig(null, Duration.ofMinutes(45), 30, 0.75, 1000, 250, 200, 0.95,
        Duration.ofMinutes(5), Duration.ofHours(3), 10, Duration.ofHours(1));
    List<GoldenScopeReport> table = new ArrayList<>();
    List<GoldenWindow> published = run(golden, all, table).stream().map(o -> (GoldenWindow) o).toList();
    GoldenWindow step = published.stream().filter(g -> g.region().equals("Step") && g.technology().equals("4G"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(step.goldenWindowMinutes()).isCloseTo(35.0, org.assertj.core.api.Assertions.within(3.5));
    assertThat(step.ciLowMinutes()).isLessThanOrEqualTo(35.0);
    assertThat(step.ciHighMinutes()).isGreaterThanOrEqualTo(35.0);
    GoldenWindow rise = published.stream().filter(g -> g.region().equals("Rise") && g.technology().equals("4G"))
        .reduce((a, b) -> b).orElseThrow();
    double own = (3 * rise.rateBeforePerHour() / 60 - 0.005) / 0.001;
    assertThat(rise.goldenWindowMinutes()).as("own baseline gives " + own)
        .isCloseTo(own, org.assertj.core.api.Assertions.within(0.15 * own));
    assertThat(rise.ciLowMinutes()).isLessThanOrEqualTo(32.5);
    assertThat(rise.ciHighMinutes()).isGreaterThanOrEqualTo(32.5);
    assertThat(published).noneMatch(g -> g.region().equals("Flat"));
    assertThat(table.stream().filter(r -> r.region().equals("Flat")).map(GoldenScopeReport::status))
        .isNotEmpty().doesNotContain("estimated");
    System.out.printf("golden acceptance: step %.2f [%.2f, %.2f]; rise %.2f [%.2f, %.2f] (own baseline: %.2f)%n",
        step.goldenWindowMinutes(), step.ciLowMinutes(), step.ciHighMinutes(), rise.goldenWindowMinutes(),
        rise.ciLowMinutes(), rise.ciHighMinutes(), own);
  }

  /** One scope's outages closing every 5 minutes (settle instants T0, T0 + 5 min, ...), each with a few complaints. */
  private static List<ClosedOutage> everyFiveMinutes(int n) {
    List<ClosedOutage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long settle = T0 + i * minutes(5);
      long end = settle - minutes(30);
      long start = end - minutes(60);
      out.add(new ClosedOutage("Yinchuan-4G/" + i, "Yinchuan", "4G", start, end, settle, false,
          List.of(3.0, 20.0, 40.0, 50.0)));
    }
    return out;
  }

  private static List<Long> reestimatedAt(GoldenConfig golden, int n) throws Exception {
    List<GoldenScopeReport> table = new ArrayList<>();
    run(golden, everyFiveMinutes(n), table);
    return table.stream().filter(r -> r.region().equals("Yinchuan") && r.technology().equals("4G"))
        .map(GoldenScopeReport::outages).toList();
  }

  @Test
  void aScopeIsReestimatedAtMostOncePerIntervalOfEventTime_aCountReachedSoonerWaitsForIt() throws Exception {
    GoldenConfig byCount = golden(30, 10, 500);
    // On the count alone: the first outage, then every 10th (the 30th is also the minimum).
    assertThat(reestimatedAt(byCount, 60)).containsExactly(1L, 10L, 20L, 30L, 40L, 50L, 60L);
    // At most hourly, the n-th outage settling at (n - 1) * 5 min: the first at 0; the 10th (45 min) waits for the
    // 13th (60 min); the 20th (95) for the 25th (120); the 30th, the minimum, at once (145); the 40th (195) waits for
    // the 42nd (205); the 50th (245) for the 54th (265); the 60th (295) still waits at the end.
    assertThat(reestimatedAt(byCount.withReestimateInterval(Duration.ofHours(1)), 60))
        .containsExactly(1L, 13L, 25L, 30L, 42L, 54L);
  }
}
