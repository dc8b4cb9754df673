package com.faultlink.metrics;

import com.faultlink.model.PeriodKind;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reporting periods in one timezone: local days, ISO weeks (Monday 00:00) and months.
 *
 * <p>A period is named by its start, the local date it begins on (any date for {@link PeriodKind#DAY}, a
 * Monday for {@link PeriodKind#WEEK}, the first of a month for {@link PeriodKind#MONTH}). Its instants
 * are {@code [startMillis, endMillis)}, where {@code endMillis} is the start of the next period, so
 * periods tile the time line without gap or overlap. A period begins at the first instant of its start
 * date in the zone ({@link LocalDate#atStartOfDay(ZoneId)}): normally local midnight, or the first valid
 * local time where a DST change skips midnight. Days across a DST change therefore last 23 or 25 hours,
 * and so do the weeks and months that contain them.
 *
 * <p>Methods that take a period start reject a date that does not start a period of that kind with
 * {@link IllegalArgumentException}. Instances are immutable, thread-safe and {@link Serializable}.
 */
public final class PeriodCalendar implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ZoneId zone;

  public PeriodCalendar(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public ZoneId zone() {
    return zone;
  }

  /** The start (local date) of the period of this kind that contains the instant. */
  public LocalDate periodStart(PeriodKind kind, long epochMillis) {
    Objects.requireNonNull(kind, "kind");
    LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    switch (kind) {
      case DAY:
        return date;
      case WEEK:
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH:
        return date.withDayOfMonth(1);
      default:
        throw new IllegalArgumentException("unknown period kind " + kind);
    }
  }

  /** Whether the date starts a period of this kind (any day; a Monday; the first of a month). */
  public static boolean isPeriodStart(PeriodKind kind, LocalDate date) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
    switch (kind) {
      case DAY:
        return true;
      case WEEK:
        return date.getDayOfWeek() == DayOfWeek.MONDAY;
      case MONTH:
        return date.getDayOfMonth() == 1;
      default:
        throw new IllegalArgumentException("unknown period kind " + kind);
    }
  }

  /** First instant (epoch millis) of the period. */
  public long startMillis(PeriodKind kind, LocalDate periodStart) {
    requireStart(kind, periodStart);
    return periodStart.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** Exclusive end (epoch millis) of the period: the first instant of the next period. */
  public long endMillis(PeriodKind kind, LocalDate periodStart) {
    return startMillis(kind, next(kind, periodStart));
  }

  /** Length of the period in milliseconds (DST-aware: a Berlin day lasts 23, 24 or 25 hours). */
  public long lengthMillis(PeriodKind kind, LocalDate periodStart) {
    return endMillis(kind, periodStart) - startMillis(kind, periodStart);
  }

  /** Start of the following period. */
  public LocalDate next(PeriodKind kind, LocalDate periodStart) {
    requireStart(kind, periodStart);
    switch (kind) {
      case DAY:
        return periodStart.plusDays(1);
      case WEEK:
        return periodStart.plusWeeks(1);
      case MONTH:
        return periodStart.plusMonths(1);
      default:
        throw new IllegalArgumentException("unknown period kind " + kind);
    }
  }

  /** Start of the preceding period. */
  public LocalDate previous(PeriodKind kind, LocalDate periodStart) {
    requireStart(kind, periodStart);
    switch (kind) {
      case DAY:
        return periodStart.minusDays(1);
      case WEEK:
        return periodStart.minusWeeks(1);
      case MONTH:
        return periodStart.minusMonths(1);
      default:
        throw new IllegalArgumentException("unknown period kind " + kind);
    }
  }

  /**
   * Length in milliseconds of the part of {@code [from, to)} that lies inside the period; 0 where they do
   * not overlap or where {@code to <= from}.
   */
  public long overlapMillis(long from, long to, PeriodKind kind, LocalDate periodStart) {
    long start = startMillis(kind, periodStart);
    long end = endMillis(kind, periodStart);
    long lo = Math.max(from, start);
    long hi = Math.min(to, end);
    return hi > lo ? hi - lo : 0L;
  }

  /**
   * Starts of every period from the one containing {@code firstMillis} to the one containing {@code
   * lastMillis}, both included, in order ("every period from the first event's to the last's"). Empty
   * where {@code lastMillis < firstMillis}.
   */
  public List<LocalDate> periodsFromTo(PeriodKind kind, long firstMillis, long lastMillis) {
    List<LocalDate> out = new ArrayList<>();
    if (lastMillis < firstMillis) {
      return out;
    }
    LocalDate last = periodStart(kind, lastMillis);
    for (LocalDate p = periodStart(kind, firstMillis); !p.isAfter(last); p = next(kind, p)) {
      out.add(p);
    }
    return out;
  }

  /**
   * Starts of the periods that share a positive length with {@code [from, to)}, in order; empty where
   * {@code to <= from}. Summing {@link #overlapMillis} over them gives {@code to - from}.
   */
  public List<LocalDate> periodsOverlapping(PeriodKind kind, long from, long to) {
    List<LocalDate> out = new ArrayList<>();
    if (to <= from) {
      return out;
    }
    return periodsFromTo(kind, from, to - 1);
  }

  private static void requireStart(PeriodKind kind, LocalDate periodStart) {
    if (!isPeriodStart(kind, periodStart)) {
      throw new IllegalArgumentException(
          periodStart + " does not start a " + kind.json() + " period"
              + (kind == PeriodKind.WEEK ? " (weeks start on Monday)" : " (months start on the 1st)"));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeriodCalendar && ((PeriodCalendar) o).zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return zone.hashCode();
  }

  @Override
  public String toString() {
    return "PeriodCalendar[" + zone + "]";
  }
}
