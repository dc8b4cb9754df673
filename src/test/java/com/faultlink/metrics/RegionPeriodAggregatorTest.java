package com.faultlink.metrics;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Category;
import com.faultlink.model.Outage;
import com.faultlink.model.PeriodKind;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegionPeriodAggregatorTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long SETTLE = minutes(30);
  private KeyedTwoInputStreamOperatorTestHarness<String, ComplaintFact, ScopedOutage, PeriodTotals> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new RegionPeriodAggregator(ZONE, SETTLE),
        ComplaintFact::scope, ScopedOutage::scope, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private void complaint(long time, String customer, boolean fault) throws Exception {
    harness.processElement1(new ComplaintFact("Yinchuan", time, Category.VOICE, customer, fault, false), time);
  }

  private List<PeriodTotals> days() {
    return harness.extractOutputValues().stream().filter(p -> p.kind() == PeriodKind.DAY).toList();
  }

  @Test
  void aDayIsEmittedOnlyOnceTheWatermarkPassesItsEndPlusTheSettleTime() throws Exception {
    complaint(t("2026-10-05T10:00"), "a", true);
    harness.processBothWatermarks(new Watermark(t("2026-10-06T00:29")));
    assertThat(days()).isEmpty();
    harness.processBothWatermarks(new Watermark(t("2026-10-06T00:30")));
    assertThat(days()).extracting(PeriodTotals::periodStart, PeriodTotals::complaints, PeriodTotals::faultComplaints)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-05", 1L, 1L));
  }

  @Test
  void repeatComplainantsAreCustomersWithTwoOrMoreComplaintsInThePeriod() throws Exception {
    complaint(t("2026-10-05T10:00"), "a", false);
    complaint(t("2026-10-05T11:00"), "a", false);
    complaint(t("2026-10-05T12:00"), "a", false);
    complaint(t("2026-10-05T13:00"), "b", false);
    complaint(t("2026-10-06T09:00"), "b", false);
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    assertThat(days()).extracting(PeriodTotals::periodStart, PeriodTotals::complainants, PeriodTotals::repeatComplainants)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-05", 2L, 1L),
            org.assertj.core.groups.Tuple.tuple("2026-10-06", 1L, 0L));
    PeriodTotals week = harness.extractOutputValues().stream().filter(p -> p.kind() == PeriodKind.WEEK).findFirst().get();
    assertThat(week.complainants()).isEqualTo(2);
    assertThat(week.repeatComplainants()).isEqualTo(2);
  }

  @Test
  void complaintsGoingBackAndForthAcrossAMonthsEndCountInTheirOwnDayAndMonthAndTheSameWeek() throws Exception {
    complaint(t("2026-10-31T23:59"), "a", false);
    complaint(t("2026-11-01T00:00"), "b", false);
    complaint(t("2026-10-31T23:58"), "c", false);
    complaint(t("2026-11-01T00:01"), "a", false);
    complaint(t("2026-10-31T00:00"), "a", false);
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    assertThat(harness.extractOutputValues()).extracting(PeriodTotals::kind, PeriodTotals::periodStart,
            PeriodTotals::complaints, PeriodTotals::repeatComplainants)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(PeriodKind.DAY, "2026-10-31", 3L, 1L),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.DAY, "2026-11-01", 2L, 0L),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.WEEK, "2026-10-26", 5L, 1L),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.MONTH, "2026-10-01", 3L, 1L),
            org.assertj.core.groups.Tuple.tuple(PeriodKind.MONTH, "2026-11-01", 2L, 0L));
  }

  @Test
  void anOutageRunningOverMidnightCountsItsHoursInBothDaysAndStartsOnlyInTheFirst() throws Exception {
    long start = t("2026-10-05T22:00");
    Outage open = new Outage("O-1", "C1a", "S1", "Yinchuan", "4G", start, null, null, false, null);
    harness.processElement2(new ScopedOutage("Yinchuan", open), start);
    Outage closed = new Outage("O-1", "C1a", "S1", "Yinchuan", "4G", start, t("2026-10-06T03:00"), null, false, null);
    harness.processElement2(new ScopedOutage("Yinchuan", closed), t("2026-10-06T03:00"));
    harness.processBothWatermarks(new Watermark(t("2026-10-07T12:00")));
    assertThat(days()).extracting(PeriodTotals::periodStart, PeriodTotals::outages, PeriodTotals::outageMillis)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-05", 1L, minutes(120)),
            org.assertj.core.groups.Tuple.tuple("2026-10-06", 0L, minutes(180)));
  }

  @Test
  void anOutageStillOpenAtTheEndOfInputCountsUntilTheInputsLastEvent() throws Exception {
    long start = t("2026-10-05T22:00");
    Outage open = new Outage("O-1", "C1a", "S1", "Yinchuan", "4G", start, null, null, false, null);
    harness.processElement2(new ScopedOutage("Yinchuan", open), start);
    harness.processElement2(new ScopedOutage("Yinchuan", open.observedUntil(t("2026-10-07T01:00"))), Long.MAX_VALUE);
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    assertThat(days()).extracting(PeriodTotals::periodStart, PeriodTotals::outageMillis)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10-05", minutes(120)),
            org.assertj.core.groups.Tuple.tuple("2026-10-06", minutes(24 * 60)),
            org.assertj.core.groups.Tuple.tuple("2026-10-07", minutes(60)));
  }

  @Test
  void aComplaintForAnAlreadyReportedDayIsCountedAsLateNotReEmitted() throws Exception {
    complaint(t("2026-10-05T10:00"), "a", false);
    harness.processBothWatermarks(new Watermark(t("2026-10-06T06:00")));
    complaint(t("2026-10-05T11:00"), "b", false);
    harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    assertThat(days()).extracting(PeriodTotals::periodStart).containsExactly("2026-10-05");
    assertThat(days().get(0).complaints()).isEqualTo(1);
  }

  /** What a restarted job's operator is: restored from {@code checkpoint}, then opened. */
  private static KeyedTwoInputStreamOperatorTestHarness<String, ComplaintFact, ScopedOutage, PeriodTotals> restored(
      KeyedCoProcessFunction<String, ComplaintFact, ScopedOutage, PeriodTotals> function, OperatorSubtaskState checkpoint)
      throws Exception {
    KeyedTwoInputStreamOperatorTestHarness<String, ComplaintFact, ScopedOutage, PeriodTotals> h =
        new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(function), ComplaintFact::scope,
            ScopedOutage::scope, Types.STRING);
    h.initializeState(checkpoint);
    h.open();
    return h;
  }

  private static ComplaintFact fact(long time, String customer) {
    return new ComplaintFact("Yinchuan", time, Category.DATA, customer, false, false);
  }

  @Test
  void customerKeysAreTheHashersSixteenHexDigitsReadAsTheNumberTheySpell() {
    assertThat(RegionPeriodAggregator.customerNumber("00000000000000ff")).isEqualTo(255L);
    assertThat(RegionPeriodAggregator.customerNumber("ffffffffffffffff")).isEqualTo(-1L);
    assertThat(RegionPeriodAggregator.customerNumber("8000000000000000")).isEqualTo(Long.MIN_VALUE);
    // keys differing in one digit stay apart; text that is not such a key is folded, not rejected
    assertThat(RegionPeriodAggregator.customerNumber("0123456789abcdef"))
        .isNotEqualTo(RegionPeriodAggregator.customerNumber("0123456789abcdee"));
    assertThat(RegionPeriodAggregator.customerNumber("a")).isNotEqualTo(RegionPeriodAggregator.customerNumber("b"));
    assertThat(RegionPeriodAggregator.customerNumber("not-hex-at-all!!"))
        .isNotEqualTo(RegionPeriodAggregator.customerNumber("not-hex-at-all!?"));
  }

  @Test
  void aRepeatComplainantIsRecognisedAcrossARestartFromACheckpoint() throws Exception {
    complaint(t("2026-10-05T10:00"), "0123456789abcdef", false);
    complaint(t("2026-10-05T10:30"), "fedcba9876543210", false);
    OperatorSubtaskState checkpoint = harness.snapshot(1, t("2026-10-05T11:00"));
    try (var h = restored(new RegionPeriodAggregator(ZONE, SETTLE), checkpoint)) {
      h.processElement1(fact(t("2026-10-05T12:00"), "0123456789abcdef"), t("2026-10-05T12:00"));
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      PeriodTotals day = h.extractOutputValues().stream().filter(p -> p.kind() == PeriodKind.DAY).findFirst().get();
      assertThat(day.complaints()).isEqualTo(3);
      assertThat(day.complainants()).isEqualTo(2);
      assertThat(day.repeatComplainants()).isEqualTo(1);
    }
  }

  /** Writes complainants as savepoints taken before the keys were numbers hold them ("KIND|start|key" → count). */
  static final class TextKeyedComplainants
      extends KeyedCoProcessFunction<String, ComplaintFact, ScopedOutage, PeriodTotals> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement1(ComplaintFact f, Context ctx, Collector<PeriodTotals> out) throws Exception {
      MapState<String, Integer> day = getRuntimeContext().getMapState(
          new MapStateDescriptor<>("complaints-per-customer-day", Types.STRING, Types.INT));
      day.put("DAY|2026-10-05|" + f.customerKey(), 1);
    }

    @Override
    public void processElement2(ScopedOutage o, Context ctx, Collector<PeriodTotals> out) {
      // only complainants
    }
  }

  /** Emits, per complaint, how many text-keyed complainants are left (as the complaint count of a row). */
  static final class TextKeyedLeft extends KeyedCoProcessFunction<String, ComplaintFact, ScopedOutage, PeriodTotals> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement1(ComplaintFact f, Context ctx, Collector<PeriodTotals> out) throws Exception {
      long left = 0;
      for (PeriodKind kind : PeriodKind.values()) {
        MapState<String, Integer> m = getRuntimeContext().getMapState(new MapStateDescriptor<>(
            "complaints-per-customer-" + kind.name().toLowerCase(java.util.Locale.ROOT), Types.STRING, Types.INT));
        for (String ignored : m.keys()) {
          left++;
        }
      }
      out.collect(new PeriodTotals(f.scope(), PeriodKind.DAY, "left", 0, 0, 0, left, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Override
    public void processElement2(ScopedOutage o, Context ctx, Collector<PeriodTotals> out) {
      // only complainants
    }
  }

  @Test
  void complainantsOfASavepointWithTextKeysAreCarriedOverAndTheTextKeyedStateEmptied() throws Exception {
    OperatorSubtaskState old;
    try (var h = restored(new TextKeyedComplainants(), null)) {
      h.processElement1(fact(t("2026-10-05T09:00"), "0123456789abcdef"), t("2026-10-05T09:00"));
      old = h.snapshot(1, t("2026-10-05T09:00"));
    }
    OperatorSubtaskState upgraded;
    try (var h = restored(new RegionPeriodAggregator(ZONE, SETTLE), old)) {
      h.processElement1(fact(t("2026-10-05T12:00"), "0123456789abcdef"), t("2026-10-05T12:00"));
      upgraded = h.snapshot(2, t("2026-10-05T12:00"));
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      PeriodTotals day = h.extractOutputValues().stream().filter(p -> p.kind() == PeriodKind.DAY).findFirst().get();
      assertThat(day.repeatComplainants()).as("the complaint before the upgrade counts").isEqualTo(1);
      assertThat(day.complainants()).as("counted before the upgrade, in the period counts").isZero();
    }
    try (var h = restored(new TextKeyedLeft(), upgraded)) {
      h.processElement1(fact(t("2026-10-05T13:00"), "0123456789abcdef"), t("2026-10-05T13:00"));
      assertThat(h.extractOutputValues()).extracting(PeriodTotals::complaints).containsExactly(0L);
    }
  }

  /** Emits, per complaint, the complainant entries each layout holds for the scope (as complaints, complainants). */
  static final class LayoutEntries extends KeyedCoProcessFunction<String, ComplaintFact, ScopedOutage, PeriodTotals> {
    private static final long serialVersionUID = 1L;
    private transient ComplainantStore table;
    private transient ComplainantStore entries;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
      ComplainantStore[] stores = ComplainantStore.open(getRuntimeContext(), ComplainantStore.Layout.TABLE);
      table = stores[0];
      entries = stores[1];
    }

    @Override
    public void processElement1(ComplaintFact f, Context ctx, Collector<PeriodTotals> out) throws Exception {
      out.collect(new PeriodTotals(f.scope(), PeriodKind.DAY, "left", 0, 0, 0, count(table), 0, 0, 0, 0, 0, 0,
          count(entries), 0, 0, 0));
    }

    private static long count(ComplainantStore store) throws Exception {
      long[] n = {0};
      for (PeriodKind kind : PeriodKind.values()) {
        store.forEach(kind, (day, customer, complaints) -> n[0] += complaints);
      }
      return n[0];
    }

    @Override
    public void processElement2(ScopedOutage o, Context ctx, Collector<PeriodTotals> out) {
      // only complainants
    }
  }

  @Test
  void complainantsFollowASavepointRestoredOnTheOtherBackendAndTheLayoutLeftIsEmptied() throws Exception {
    for (boolean fromRocksDb : new boolean[] {false, true}) {
      OperatorSubtaskState before;
      try (var h = restored(new RegionPeriodAggregator(ZONE, SETTLE, fromRocksDb), null)) {
        h.processElement1(fact(t("2026-10-05T09:00"), "0123456789abcdef"), t("2026-10-05T09:00"));
        h.processElement1(fact(t("2026-10-05T09:30"), "0123456789abcdef"), t("2026-10-05T09:30"));
        before = h.snapshot(1, t("2026-10-05T10:00"));
      }
      OperatorSubtaskState after;
      try (var h = restored(new RegionPeriodAggregator(ZONE, SETTLE, !fromRocksDb), before)) {
        h.processElement1(fact(t("2026-10-05T12:00"), "0123456789abcdef"), t("2026-10-05T12:00"));
        h.processElement1(fact(t("2026-10-05T12:30"), "fedcba9876543210"), t("2026-10-05T12:30"));
        after = h.snapshot(2, t("2026-10-05T13:00"));
        h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        PeriodTotals day = h.extractOutputValues().stream().filter(p -> p.kind() == PeriodKind.DAY).findFirst().get();
        assertThat(day.complaints()).as("from rocksdb: " + fromRocksDb).isEqualTo(4);
        assertThat(day.complainants()).as("from rocksdb: " + fromRocksDb).isEqualTo(2);
        assertThat(day.repeatComplainants()).as("from rocksdb: " + fromRocksDb).isEqualTo(1);
      }
      try (var h = restored(new LayoutEntries(), after)) {
        h.processElement1(fact(t("2026-10-05T13:00"), "0123456789abcdef"), t("2026-10-05T13:00"));
        // 4 complaints in each of the day, week and month, all in the layout of the new backend
        long inTable = fromRocksDb ? 12 : 0;
        assertThat(h.extractOutputValues()).extracting(PeriodTotals::complaints, PeriodTotals::complainants)
            .as("from rocksdb: " + fromRocksDb)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(inTable, 12 - inTable));
      }
    }
  }

  @Test
  void bothComplainantLayoutsCountTheSameAsAPlainCountAcrossACheckpoint() throws Exception {
    java.util.Random random = new java.util.Random(42);
    long first = t("2026-10-01T00:00");
    List<ComplaintFact> facts = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String customer = String.format("%016x", random.nextInt(400) * 0x9E3779B97F4A7C15L);
      facts.add(new ComplaintFact("Yinchuan", first + (long) (random.nextDouble() * 12 * 24 * 60) * 60_000L,
          Category.DATA, customer, false, false));
    }
    facts.sort(java.util.Comparator.comparingLong(ComplaintFact::time));
    java.util.Map<String, java.util.Map<String, Integer>> perDay = new java.util.TreeMap<>();
    for (ComplaintFact f : facts) {
      String day = java.time.Instant.ofEpochMilli(f.time()).atZone(ZONE).toLocalDate().toString();
      perDay.computeIfAbsent(day, d -> new java.util.HashMap<>()).merge(f.customerKey(), 1, Integer::sum);
    }
    List<org.assertj.core.groups.Tuple> expected = perDay.entrySet().stream()
        .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), (long) e.getValue().size(),
            e.getValue().values().stream().filter(n -> n >= 2).count()))
        .toList();
    for (boolean rocksDb : new boolean[] {false, true}) {
      List<PeriodTotals> out = new java.util.ArrayList<>();
      OperatorSubtaskState checkpoint;
      try (var h = restored(new RegionPeriodAggregator(ZONE, SETTLE, rocksDb), null)) {
        for (ComplaintFact f : facts.subList(0, 1500)) {
          h.processElement1(f, f.time());
          h.processBothWatermarks(new Watermark(f.time() - 1));
        }
        checkpoint = h.snapshot(1, facts.get(1499).time());
        out.addAll(h.extractOutputValues());
      }
      try (var h = restored(new RegionPeriodAggregator(ZONE, SETTLE, rocksDb), checkpoint)) {
        for (ComplaintFact f : facts.subList(1500, facts.size())) {
          h.processElement1(f, f.time());
          h.processBothWatermarks(new Watermark(f.time() - 1));
        }
        h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        out.addAll(h.extractOutputValues());
      }
      assertThat(out.stream().filter(p -> p.kind() == PeriodKind.DAY).toList())
          .extracting(PeriodTotals::periodStart, PeriodTotals::complainants, PeriodTotals::repeatComplainants)
          .as("rocksdb layout: " + rocksDb)
          .containsExactlyElementsOf(expected);
    }
  }
}
