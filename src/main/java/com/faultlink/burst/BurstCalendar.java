package com.faultlink.burst;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.Objects;

/**
 * The count windows and bands of burst detection, in one timezone.
 *
 * <p>Windows are tumbling and aligned to local time of day: a day is cut into {@code slotsPerDay()} slots
 * of the window length (which divides a day), slot {@code i} of a local date starting at local time
 * {@code i × window}. A window's start is the first instant at or after that local time (where a DST gap
 * skips it, the end of the gap; where a DST overlap repeats it, the first occurrence), and it ends where
 * the next slot starts. Windows therefore tile the time line without gap or overlap: on the day clocks
 * go forward the skipped slots are empty (never judged), on the day they go back the last slot before
 * the change is longer by the repeated hour.
 *
 * <p>A <em>band</em> is a time-of-day slot within a day type: {@code weekday 09:00-09:15}. Day types are
 * weekday/weekend (Saturday and Sunday), the seven days of the week, or one type for every day.
 */
public final class BurstCalendar implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How days are grouped into day types. */
  public enum DayTypes {
    WEEKDAY_WEEKEND("weekday-weekend"),
    DAY_OF_WEEK("day-of-week"),
    EVERY_DAY("every-day");

    private final String configName;

    DayTypes(String configName) {
      this.configName = configName;
    }

    public static DayTypes fromConfig(String name) {
      for (DayTypes t : values()) {
        if (t.configName.equals(name)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown day types " + name);
    }

    int count() {
      return switch (this) {
        case WEEKDAY_WEEKEND -> 2;
        case DAY_OF_WEEK -> 7;
        case EVERY_DAY -> 1;
      };
    }

    int of(LocalDate date) {
      DayOfWeek d = date.getDayOfWeek();
      return switch (this) {
        case WEEKDAY_WEEKEND -> d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 1 : 0;
        case DAY_OF_WEEK -> d.getValue() - 1;
        case EVERY_DAY -> 0;
      };
    }

    String name(int type) {
      return switch (this) {
        case WEEKDAY_WEEKEND -> type == 0 ? "weekday" : "weekend";
        case DAY_OF_WEEK -> DayOfWeek.of(type + 1).name().toLowerCase(Locale.ROOT);
        case EVERY_DAY -> "daily";
      };
    }
  }

  /** One count window: local {@code date} and {@code slot}, instants {@code [start, end)}. */
  public record Window(LocalDate date, int slot, long start, long end) {
    public boolean isEmpty() {
      return end <= start;
    }
  }

  private final ZoneId zone;
  private final int windowMinutes;
  private final int slotsPerDay;
  private final DayTypes dayTypes;

  public BurstCalendar(ZoneId zone, Duration window, DayTypes dayTypes) {
    this.zone = Objects.requireNonNull(zone, "zone");
    long minutes = window.toMinutes();
    if (minutes < 1 || !window.equals(Duration.ofMinutes(minutes)) || 1440 % minutes != 0) {
      throw new IllegalArgumentException("a window must be whole minutes dividing a day: " + window);
    }
    this.windowMinutes = (int) minutes;
    this.slotsPerDay = (int) (1440 / minutes);
    this.dayTypes = Objects.requireNonNull(dayTypes, "dayTypes");
  }

  public ZoneId zone() {
    return zone;
  }

  public int windowMinutes() {
    return windowMinutes;
  }

  public long windowMillis() {
    return windowMinutes * 60_000L;
  }

  public int slotsPerDay() {
    return slotsPerDay;
  }

  public int bandCount() {
    return slotsPerDay * dayTypes.count();
  }

  /** First instant of the slot: at or after its local start time. */
  long slotStart(LocalDate date, int slot) {
    if (slot == slotsPerDay) {
      return slotStart(date.plusDays(1), 0);
    }
    LocalDateTime local = date.atTime(LocalTime.MIN).plusMinutes((long) slot * windowMinutes);
    ZoneOffsetTransition t = zone.getRules().getTransition(local);
    if (t != null && t.isGap()) {
      return t.getInstant().toEpochMilli();
    }
    return ZonedDateTime.of(local, zone).toInstant().toEpochMilli();
  }

  public Window window(LocalDate date, int slot) {
    return new Window(date, slot, slotStart(date, slot), slotStart(date, slot + 1));
  }

  /** The window that contains the instant. */
  public Window windowOf(long epochMillis) {
    ZonedDateTime z = Instant.ofEpochMilli(epochMillis).atZone(zone);
    int minuteOfDay = z.getHour() * 60 + z.getMinute();
    Window w = window(z.toLocalDate(), minuteOfDay / windowMinutes);
    while (epochMillis < w.start()) {
      w = previous(w);
    }
    while (epochMillis >= w.end()) {
      w = next(w);
    }
    return w;
  }

  /** The following window (possibly empty on a DST day). */
  public Window next(Window w) {
    return w.slot() + 1 == slotsPerDay ? window(w.date().plusDays(1), 0) : window(w.date(), w.slot() + 1);
  }

  public Window previous(Window w) {
    return w.slot() == 0 ? window(w.date().minusDays(1), slotsPerDay - 1) : window(w.date(), w.slot() - 1);
  }

  /** The band index of a window: day type × slots per day + slot. */
  public int band(Window w) {
    return dayTypes.of(w.date()) * slotsPerDay + w.slot();
  }

  /** The band index of the same day type, {@code offset} slots away, wrapping around midnight. */
  public int neighbour(int band, int offset) {
    int type = band / slotsPerDay;
    int slot = Math.floorMod(band % slotsPerDay + offset, slotsPerDay);
    return type * slotsPerDay + slot;
  }

  /** A band's name, e.g. {@code weekday 09:00-09:15} (the last slot of a day ends at {@code 24:00}). */
  public String bandName(int band) {
    int type = band / slotsPerDay;
    int slot = band % slotsPerDay;
    return dayTypes.name(type) + " " + hhmm(slot * windowMinutes) + "-" + hhmm((slot + 1) * windowMinutes);
  }

  private static String hhmm(int minuteOfDay) {
    return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  }
}
