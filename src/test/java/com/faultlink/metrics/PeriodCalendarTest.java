package com.faultlink.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.faultlink.model.PeriodKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodCalendarTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  private static final PeriodCalendar SHANGHAI = new PeriodCalendar(ZoneId.of("Asia/Shanghai"));
  private static final PeriodCalendar BERLIN = new PeriodCalendar(ZoneId.of("Europe/Berlin"));

  private static long t(String isoOffset) {
    return OffsetDateTime.parse(isoOffset).toInstant().toEpochMilli();
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  // --- periodStart ---------------------------------------------------------------------------------

  @Test
  void periodStartInShanghai() {
    long ts = t("2011-09-05T08:12:00+08:00"); // a Monday
    assertThat(SHANGHAI.periodStart(PeriodKind.DAY, ts)).isEqualTo(d("2011-09-05"));
    assertThat(SHANGHAI.periodStart(PeriodKind.WEEK, ts)).isEqualTo(d("2011-09-05"));
    assertThat(SHANGHAI.periodStart(PeriodKind.MONTH, ts)).isEqualTo(d("2011-09-01"));

    long sundayNight = t("2011-09-04T23:59:59.999+08:00");
    assertThat(SHANGHAI.periodStart(PeriodKind.DAY, sundayNight)).isEqualTo(d("2011-09-04"));
    assertThat(SHANGHAI.periodStart(PeriodKind.WEEK, sundayNight)).isEqualTo(d("2011-08-29"));
    assertThat(SHANGHAI.periodStart(PeriodKind.MONTH, sundayNight)).isEqualTo(d("2011-09-01"));

    long sunday = t("2011-09-11T12:00:00+08:00");
    assertThat(SHANGHAI.periodStart(PeriodKind.WEEK, sunday)).isEqualTo(d("2011-09-05"));
  }

  @Test
  void periodStartUsesTheZoneNotUtc() {
    long ts = t("2011-08-31T16:30:00Z"); // 2011-09-01T00:30 in Shanghai
    assertThat(SHANGHAI.periodStart(PeriodKind.DAY, ts)).isEqualTo(d("2011-09-01"));
    assertThat(SHANGHAI.periodStart(PeriodKind.MONTH, ts)).isEqualTo(d("2011-09-01"));
    PeriodCalendar utc = new PeriodCalendar(ZoneId.of("UTC"));
    assertThat(utc.periodStart(PeriodKind.DAY, ts)).isEqualTo(d("2011-08-31"));
    assertThat(utc.periodStart(PeriodKind.MONTH, ts)).isEqualTo(d("2011-08-01"));
  }

  @Test
  void isoWeekAcrossTheYearEnd() {
    long newYear = t("2025-01-01T10:00:00+08:00"); // a Wednesday
    assertThat(SHANGHAI.periodStart(PeriodKind.WEEK, newYear)).isEqualTo(d("2024-12-30"));
    assertThat(SHANGHAI.next(PeriodKind.WEEK, d("2024-12-30"))).isEqualTo(d("2025-01-06"));
    assertThat(SHANGHAI.previous(PeriodKind.WEEK, d("2025-01-06"))).isEqualTo(d("2024-12-30"));
  }

  // --- start / end ----------------------------------------------------------------------------------

  @Test
  void startAndEndInShanghai() {
    assertThat(SHANGHAI.startMillis(PeriodKind.DAY, d("2011-09-05"))).isEqualTo(t("2011-09-05T00:00:00+08:00"));
    assertThat(SHANGHAI.endMillis(PeriodKind.DAY, d("2011-09-05"))).isEqualTo(t("2011-09-06T00:00:00+08:00"));
    assertThat(SHANGHAI.endMillis(PeriodKind.WEEK, d("2011-09-05"))).isEqualTo(t("2011-09-12T00:00:00+08:00"));
    assertThat(SHANGHAI.startMillis(PeriodKind.MONTH, d("2011-09-01"))).isEqualTo(t("2011-09-01T00:00:00+08:00"));
    assertThat(SHANGHAI.endMillis(PeriodKind.MONTH, d("2011-09-01"))).isEqualTo(t("2011-10-01T00:00:00+08:00"));
    assertThat(SHANGHAI.lengthMillis(PeriodKind.MONTH, d("2012-02-01"))).isEqualTo(29 * DAY_MS);
    assertThat(SHANGHAI.lengthMillis(PeriodKind.MONTH, d("2011-02-01"))).isEqualTo(28 * DAY_MS);
  }

  @Test
  void berlinSpringForward() {
    // 2024-03-31 02:00 CET -> 03:00 CEST: the day lasts 23 hours
    assertThat(BERLIN.startMillis(PeriodKind.DAY, d("2024-03-31"))).isEqualTo(t("2024-03-31T00:00:00+01:00"));
    assertThat(BERLIN.endMillis(PeriodKind.DAY, d("2024-03-31"))).isEqualTo(t("2024-04-01T00:00:00+02:00"));
    assertThat(BERLIN.lengthMillis(PeriodKind.DAY, d("2024-03-31"))).isEqualTo(23 * HOUR);
    assertThat(BERLIN.lengthMillis(PeriodKind.DAY, d("2024-03-30"))).isEqualTo(24 * HOUR);
    assertThat(BERLIN.lengthMillis(PeriodKind.WEEK, d("2024-03-25"))).isEqualTo(7 * 24 * HOUR - HOUR);
    assertThat(BERLIN.lengthMillis(PeriodKind.MONTH, d("2024-03-01"))).isEqualTo(31 * 24 * HOUR - HOUR);
    assertThat(BERLIN.periodStart(PeriodKind.DAY, t("2024-03-31T01:59:59.999+01:00"))).isEqualTo(d("2024-03-31"));
    assertThat(BERLIN.periodStart(PeriodKind.DAY, t("2024-03-31T03:00:00+02:00"))).isEqualTo(d("2024-03-31"));
    assertThat(BERLIN.periodStart(PeriodKind.DAY, t("2024-03-31T23:59:59.999+02:00"))).isEqualTo(d("2024-03-31"));
    assertThat(BERLIN.periodStart(PeriodKind.DAY, t("2024-04-01T00:00:00+02:00"))).isEqualTo(d("2024-04-01"));
  }

  @Test
  void berlinFallBack() {
    // 2024-10-27 03:00 CEST -> 02:00 CET: the day lasts 25 hours
    assertThat(BERLIN.startMillis(PeriodKind.DAY, d("2024-10-27"))).isEqualTo(t("2024-10-27T00:00:00+02:00"));
    assertThat(BERLIN.endMillis(PeriodKind.DAY, d("2024-10-27"))).isEqualTo(t("2024-10-28T00:00:00+01:00"));
    assertThat(BERLIN.lengthMillis(PeriodKind.DAY, d("2024-10-27"))).isEqualTo(25 * HOUR);
    assertThat(BERLIN.lengthMillis(PeriodKind.WEEK, d("2024-10-21"))).isEqualTo(7 * 24 * HOUR + HOUR);
    assertThat(BERLIN.lengthMillis(PeriodKind.MONTH, d("2024-10-01"))).isEqualTo(31 * 24 * HOUR + HOUR);
    assertThat(BERLIN.lengthMillis(PeriodKind.MONTH, d("2024-01-01"))).isEqualTo(31 * 24 * HOUR);
    // both 02:30s belong to the 27th
    assertThat(BERLIN.periodStart(PeriodKind.DAY, t("2024-10-27T02:30:00+02:00"))).isEqualTo(d("2024-10-27"));
    assertThat(BERLIN.periodStart(PeriodKind.DAY, t("2024-10-27T02:30:00+01:00"))).isEqualTo(d("2024-10-27"));
  }

  @Test
  void dayWhoseMidnightDoesNotExist() {
    // Sao Paulo 2018-11-04: clocks jumped from 00:00 to 01:00, so the day starts at 01:00 -02:00
    PeriodCalendar sp = new PeriodCalendar(ZoneId.of("America/Sao_Paulo"));
    assertThat(sp.startMillis(PeriodKind.DAY, d("2018-11-04"))).isEqualTo(t("2018-11-04T01:00:00-02:00"));
    assertThat(sp.lengthMillis(PeriodKind.DAY, d("2018-11-04"))).isEqualTo(23 * HOUR);
    assertThat(sp.endMillis(PeriodKind.DAY, d("2018-11-03"))).isEqualTo(t("2018-11-04T01:00:00-02:00"));
    assertThat(sp.periodStart(PeriodKind.DAY, t("2018-11-04T01:00:00-02:00"))).isEqualTo(d("2018-11-04"));
    assertThat(sp.periodStart(PeriodKind.DAY, t("2018-11-03T23:59:59.999-03:00"))).isEqualTo(d("2018-11-03"));
  }

  /** Periods tile the time line: each starts where the previous ends, and periodStart agrees at the edges. */
  @ParameterizedTest
  @ValueSource(strings = {"Asia/Shanghai", "Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe", "UTC"})
  void periodsTileTheTimeLine(String zoneId) {
    PeriodCalendar cal = new PeriodCalendar(ZoneId.of(zoneId));
    for (PeriodKind kind : PeriodKind.values()) {
      LocalDate p = cal.periodStart(kind, t("2016-12-20T12:00:00Z"));
      for (int i = 0; i < (kind == PeriodKind.DAY ? 3000 : 400); i++) {
        long start = cal.startMillis(kind, p);
        long end = cal.endMillis(kind, p);
        assertThat(end).isGreaterThan(start);
        assertThat(cal.periodStart(kind, start)).isEqualTo(p);
        assertThat(cal.periodStart(kind, end - 1)).isEqualTo(p);
        assertThat(cal.periodStart(kind, start - 1)).isEqualTo(cal.previous(kind, p));
        LocalDate next = cal.next(kind, p);
        assertThat(cal.startMillis(kind, next)).isEqualTo(end);
        assertThat(cal.previous(kind, next)).isEqualTo(p);
        assertThat(cal.periodStart(kind, end)).isEqualTo(next);
        p = next;
      }
    }
  }

  // --- next / previous ------------------------------------------------------------------------------

  @Test
  void nextAndPrevious() {
    assertThat(SHANGHAI.next(PeriodKind.DAY, d("2024-02-28"))).isEqualTo(d("2024-02-29"));
    assertThat(SHANGHAI.next(PeriodKind.DAY, d("2024-12-31"))).isEqualTo(d("2025-01-01"));
    assertThat(SHANGHAI.previous(PeriodKind.DAY, d("2024-03-01"))).isEqualTo(d("2024-02-29"));
    assertThat(SHANGHAI.next(PeriodKind.WEEK, d("2024-02-26"))).isEqualTo(d("2024-03-04"));
    assertThat(SHANGHAI.previous(PeriodKind.WEEK, d("2024-03-04"))).isEqualTo(d("2024-02-26"));
    assertThat(SHANGHAI.next(PeriodKind.MONTH, d("2024-12-01"))).isEqualTo(d("2025-01-01"));
    assertThat(SHANGHAI.previous(PeriodKind.MONTH, d("2024-03-01"))).isEqualTo(d("2024-02-01"));
    assertThat(SHANGHAI.previous(PeriodKind.MONTH, d("2024-01-01"))).isEqualTo(d("2023-12-01"));
  }

  // --- validation -----------------------------------------------------------------------------------

  @Test
  void rejectsDatesThatDoNotStartAPeriod() {
    LocalDate tuesday = d("2024-03-26");
    assertThat(PeriodCalendar.isPeriodStart(PeriodKind.DAY, tuesday)).isTrue();
    assertThat(PeriodCalendar.isPeriodStart(PeriodKind.WEEK, tuesday)).isFalse();
    assertThat(PeriodCalendar.isPeriodStart(PeriodKind.WEEK, d("2024-03-25"))).isTrue();
    assertThat(PeriodCalendar.isPeriodStart(PeriodKind.MONTH, d("2024-03-01"))).isTrue();
    assertThat(PeriodCalendar.isPeriodStart(PeriodKind.MONTH, d("2024-03-02"))).isFalse();

    assertThatThrownBy(() -> BERLIN.startMillis(PeriodKind.WEEK, tuesday))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-03-26");
    assertThatThrownBy(() -> BERLIN.endMillis(PeriodKind.WEEK, tuesday)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BERLIN.next(PeriodKind.WEEK, tuesday)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BERLIN.previous(PeriodKind.WEEK, tuesday)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BERLIN.overlapMillis(0, 1, PeriodKind.WEEK, tuesday))
        .isInstanceOf(IllegalArgumentException.class);
    LocalDate second = d("2024-03-02");
    assertThatThrownBy(() -> BERLIN.startMillis(PeriodKind.MONTH, second)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BERLIN.endMillis(PeriodKind.MONTH, second)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BERLIN.next(PeriodKind.MONTH, second)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BERLIN.previous(PeriodKind.MONTH, second)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PeriodCalendar(null)).isInstanceOf(NullPointerException.class);
  }

  // --- overlap --------------------------------------------------------------------------------------

  @Test
  void overlapAcrossDaysAndDst() {
    long from = t("2024-03-30T23:00:00+01:00");
    long to = t("2024-04-01T01:00:00+02:00"); // 1 + 23 + 1 = 25 hours of real time
    assertThat(to - from).isEqualTo(25 * HOUR);
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.DAY, d("2024-03-30"))).isEqualTo(HOUR);
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.DAY, d("2024-03-31"))).isEqualTo(23 * HOUR);
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.DAY, d("2024-04-01"))).isEqualTo(HOUR);
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.DAY, d("2024-04-02"))).isZero();
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.DAY, d("2024-03-29"))).isZero();
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.MONTH, d("2024-03-01"))).isEqualTo(24 * HOUR);
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.MONTH, d("2024-04-01"))).isEqualTo(HOUR);
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.WEEK, d("2024-03-25"))).isEqualTo(24 * HOUR);
    assertThat(BERLIN.overlapMillis(from, to, PeriodKind.WEEK, d("2024-04-01"))).isEqualTo(HOUR);

    long sum = 0;
    for (LocalDate p : BERLIN.periodsOverlapping(PeriodKind.DAY, from, to)) {
      sum += BERLIN.overlapMillis(from, to, PeriodKind.DAY, p);
    }
    assertThat(sum).isEqualTo(to - from);
  }

  @Test
  void overlapEdgeCases() {
    LocalDate day = d("2011-09-05");
    long start = SHANGHAI.startMillis(PeriodKind.DAY, day);
    long end = SHANGHAI.endMillis(PeriodKind.DAY, day);
    // inside
    assertThat(SHANGHAI.overlapMillis(start + 10, start + 70, PeriodKind.DAY, day)).isEqualTo(60);
    // covering the whole period
    assertThat(SHANGHAI.overlapMillis(start - DAY_MS, end + DAY_MS, PeriodKind.DAY, day)).isEqualTo(DAY_MS);
    // touching only at the edges: half-open intervals do not overlap
    assertThat(SHANGHAI.overlapMillis(start - 1000, start, PeriodKind.DAY, day)).isZero();
    assertThat(SHANGHAI.overlapMillis(end, end + 1000, PeriodKind.DAY, day)).isZero();
    // empty and reversed intervals
    assertThat(SHANGHAI.overlapMillis(start + 5, start + 5, PeriodKind.DAY, day)).isZero();
    assertThat(SHANGHAI.overlapMillis(start + 50, start + 5, PeriodKind.DAY, day)).isZero();
    // partial at each end
    assertThat(SHANGHAI.overlapMillis(start - 1000, start + 1000, PeriodKind.DAY, day)).isEqualTo(1000);
    assertThat(SHANGHAI.overlapMillis(end - 1000, end + 1000, PeriodKind.DAY, day)).isEqualTo(1000);
  }

  // --- period lists ---------------------------------------------------------------------------------

  @Test
  void periodsFromTo() {
    long first = t("2011-09-05T08:00:00+08:00");
    long last = t("2011-09-07T00:00:00+08:00");
    assertThat(SHANGHAI.periodsFromTo(PeriodKind.DAY, first, last))
        .containsExactly(d("2011-09-05"), d("2011-09-06"), d("2011-09-07"));
    assertThat(SHANGHAI.periodsFromTo(PeriodKind.WEEK, first, last)).containsExactly(d("2011-09-05"));
    assertThat(SHANGHAI.periodsFromTo(PeriodKind.MONTH, t("2011-08-31T23:00:00+08:00"), last))
        .containsExactly(d("2011-08-01"), d("2011-09-01"));
    assertThat(SHANGHAI.periodsFromTo(PeriodKind.DAY, first, first)).containsExactly(d("2011-09-05"));
    assertThat(SHANGHAI.periodsFromTo(PeriodKind.DAY, last, first)).isEmpty();
  }

  @Test
  void periodsOverlapping() {
    long from = t("2011-09-05T08:00:00+08:00");
    long to = t("2011-09-07T00:00:00+08:00"); // exclusive: the 7th is not touched
    assertThat(SHANGHAI.periodsOverlapping(PeriodKind.DAY, from, to))
        .containsExactly(d("2011-09-05"), d("2011-09-06"));
    assertThat(SHANGHAI.periodsOverlapping(PeriodKind.DAY, from, from + 1)).containsExactly(d("2011-09-05"));
    assertThat(SHANGHAI.periodsOverlapping(PeriodKind.DAY, from, from)).isEmpty();
    assertThat(SHANGHAI.periodsOverlapping(PeriodKind.DAY, to, from)).isEmpty();
  }

  // --- serializable ---------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(PeriodKind.class)
  void survivesJavaSerialization(PeriodKind kind) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(BERLIN);
    }
    PeriodCalendar copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (PeriodCalendar) in.readObject();
    }
    assertThat(copy).isEqualTo(BERLIN);
    assertThat(copy.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    long ts = t("2024-10-27T12:00:00+01:00");
    LocalDate p = copy.periodStart(kind, ts);
    assertThat(p).isEqualTo(BERLIN.periodStart(kind, ts));
    assertThat(copy.endMillis(kind, p)).isEqualTo(BERLIN.endMillis(kind, p));
    assertThat(List.of(copy.zone())).containsExactly(BERLIN.zone());
  }
}
