package com.faultlink.tools.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Time arithmetic of the generator: epoch seconds, with local time fixed at UTC+08:00 (Asia/Shanghai). */
public final class TimeText {
  static final long OFFSET_SECONDS = 8 * 3600L;
  private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private TimeText() {}

  /** Local midnight of {@code date} as an epoch second. */
  public static long midnight(LocalDate date) {
    return date.toEpochDay() * 86_400L - OFFSET_SECONDS;
  }

  public static String iso(long epochSecond) {
    return ISO.format(Instant.ofEpochSecond(epochSecond).atOffset(OFFSET));
  }

  /** Local hour of day, 0-23. */
  static int hourOfDay(long epochSecond) {
    return (int) (Math.floorMod(epochSecond + OFFSET_SECONDS, 86_400L) / 3600);
  }

  /** Local day of week, 0 = Monday ... 6 = Sunday. */
  static int dayOfWeek(long epochSecond) {
    long day = Math.floorDiv(epochSecond + OFFSET_SECONDS, 86_400L);
    return (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday
  }

  static boolean weekend(long epochSecond) {
    return dayOfWeek(epochSecond) >= 5;
  }
}
