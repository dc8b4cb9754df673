package com.faultlink.burst;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.burst.BurstCalendar.DayTypes;
import com.faultlink.burst.BurstCalendar.Window;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BurstCalendarTest {
  private static long at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant().toEpochMilli();
  }

  @Test
  void windowsAreAlignedToLocalTimeAndNamedByBand() {
    BurstCalendar c = new BurstCalendar(ZoneId.of("Asia/Kolkata"), Duration.ofHours(1), DayTypes.WEEKDAY_WEEKEND);
    Window w = c.windowOf(at("2026-10-10T09:59:59+05:30")); // a Saturday
    assertThat(w.start()).isEqualTo(at("2026-10-10T09:00:00+05:30"));
    assertThat(w.end()).isEqualTo(at("2026-10-10T10:00:00+05:30"));
    assertThat(c.bandName(c.band(w))).isEqualTo("weekend 09:00-10:00");
    assertThat(c.bandName(c.band(c.windowOf(at("2026-10-12T23:30:00+05:30"))))).isEqualTo("weekday 23:00-24:00");
  }

  @Test
  void dayTypesGroupDays() {
    BurstCalendar week = new BurstCalendar(ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(15), DayTypes.DAY_OF_WEEK);
    assertThat(week.bandName(week.band(week.windowOf(at("2026-10-07T09:05:00+08:00"))))).isEqualTo("wednesday 09:00-09:15");
    BurstCalendar daily = new BurstCalendar(ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(15), DayTypes.EVERY_DAY);
    assertThat(daily.bandCount()).isEqualTo(96);
    assertThat(daily.neighbour(0, -1)).as("neighbours wrap around midnight").isEqualTo(95);
  }

  @Test
  void windowsTileTheTimeLineAcrossBothDstChanges() {
    BurstCalendar c = new BurstCalendar(ZoneId.of("Europe/Berlin"), Duration.ofMinutes(15), DayTypes.WEEKDAY_WEEKEND);
    for (LocalDate day : new LocalDate[] {LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25)}) {
      Window w = c.window(day, 0);
      long covered = 0;
      int empty = 0;
      while (w.date().equals(day)) {
        Window next = c.next(w);
        assertThat(next.start()).isEqualTo(w.end());
        for (long t = w.start(); t < w.end(); t += 60_000) {
          assertThat(c.windowOf(t)).isEqualTo(w);
        }
        covered += w.end() - w.start();
        empty += w.isEmpty() ? 1 : 0;
        w = next;
      }
      long dayLength = c.window(day.plusDays(1), 0).start() - c.window(day, 0).start();
      assertThat(covered).isEqualTo(dayLength);
      if (day.getMonthValue() == 3) {
        assertThat(dayLength).isEqualTo(Duration.ofHours(23).toMillis());
        assertThat(empty).as("02:00-03:00 does not exist").isEqualTo(4);
      } else {
        assertThat(dayLength).isEqualTo(Duration.ofHours(25).toMillis());
        assertThat(c.window(day, 11).end() - c.window(day, 11).start()).as("02:45 lasts until 03:00 CET")
            .isEqualTo(Duration.ofMinutes(75).toMillis());
      }
    }
  }
}
