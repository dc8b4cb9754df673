package com.faultlink.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComplainantCountsTest {
  private record Entry(int day, long customer) {}

  private static Map<Entry, Integer> contents(ComplainantCounts counts) {
    Map<Entry, Integer> out = new HashMap<>();
    counts.forEach((day, customer, n) -> assertThat(out.put(new Entry(day, customer), n)).isNull());
    return out;
  }

  @Test
  void countsLikeAMapThroughGrowthAndPeriodRemovals() {
    Random random = new Random(7);
    ComplainantCounts counts = new ComplainantCounts();
    Map<Entry, Integer> reference = new HashMap<>();
    for (int round = 0; round < 20; round++) {
      int today = 20_000 + round;
      for (int i = 0; i < 5_000; i++) {
        // customers that collide in their low bits, and the same customer on neighbouring days
        long customer = random.nextInt(3_000) * 1024L;
        int day = today - random.nextInt(2);
        int n = counts.add(day, customer, 1);
        assertThat(n).isEqualTo(reference.merge(new Entry(day, customer), 1, Integer::sum));
      }
      int closed = today - 1;
      int removed = counts.removePeriod(closed);
      assertThat(removed).isEqualTo(reference.keySet().stream().filter(e -> e.day() == closed).count());
      reference.keySet().removeIf(e -> e.day() == closed);
      assertThat(counts.size()).isEqualTo(reference.size());
      assertThat(contents(counts)).isEqualTo(reference);
    }
    for (Map.Entry<Entry, Integer> e : reference.entrySet()) {
      assertThat(counts.get(e.getKey().day(), e.getKey().customer())).isEqualTo(e.getValue());
    }
    assertThat(counts.get(1, 1L)).isZero();
  }

  @Test
  void removingAPeriodShrinksTheTableAndRemovingNoneChangesNothing() {
    ComplainantCounts counts = new ComplainantCounts();
    for (long c = 0; c < 10_000; c++) {
      counts.add(1, c, 1);
    }
    counts.add(2, 5L, 1);
    int grown = counts.capacity();
    assertThat(counts.removePeriod(3)).isZero();
    assertThat(counts.capacity()).isEqualTo(grown);
    assertThat(counts.removePeriod(1)).isEqualTo(10_000);
    assertThat(counts.capacity()).isLessThan(grown / 100);
    assertThat(contents(counts)).containsExactly(Map.entry(new Entry(2, 5L), 1));
  }

  @Test
  void aCopyIsIndependentOfItsOriginalBothWays() {
    ComplainantCounts original = new ComplainantCounts();
    original.add(1, 10L, 1);
    ComplainantCounts copy = original.copy();
    assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
    copy.add(1, 10L, 1);
    copy.add(1, 11L, 1);
    original.removePeriod(1);
    assertThat(original.isEmpty()).isTrue();
    assertThat(contents(copy)).containsOnly(Map.entry(new Entry(1, 10L), 2), Map.entry(new Entry(1, 11L), 1));
    assertThat(copy).isNotEqualTo(original);
  }

  @Test
  void equalTablesNeedNotHaveBeenFilledInTheSameOrder() {
    ComplainantCounts a = new ComplainantCounts();
    ComplainantCounts b = new ComplainantCounts();
    List<Long> customers = List.of(3L, 1L, 2L, 1L);
    customers.forEach(c -> a.add(4, c, 1));
    List.of(1L, 2L, 1L, 3L).forEach(c -> b.add(4, c, 1));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    b.add(4, 3L, 1);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void nothingOrLessIsNoComplaintToAdd() {
    assertThatThrownBy(() -> new ComplainantCounts().add(1, 1L, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
