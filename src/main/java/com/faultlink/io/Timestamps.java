package com.faultlink.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * The contract's timestamps: ISO-8601 with an offset or {@code Z}, seconds and fraction optional.
 *
 * <p>{@link #parse} accepts exactly the strings the contract's checker accepts: those matching {@code
 * ^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$} (ASCII digits, upper-case {@code T} and {@code Z})
 * that are a real date-time: year 0001-9999, a day that exists in its month, hours 00-23, minutes and seconds 00-59
 * (no leap second, no {@code 24:00}), and an offset of less than 24 hours. Like the checker's Python, an offset's
 * minutes are taken as written ({@code +08:75} is 9h15m). Fractions of any length are read to the millisecond
 * (truncated).
 */
public final class Timestamps {
  /** What {@link #tryParse} returns for a string that is not a valid timestamp (no valid one maps to it). */
  public static final long INVALID = Long.MIN_VALUE;

  private static final String NOT_A_TIMESTAMP = "is not an ISO-8601 timestamp with an offset";

  private Timestamps() {}

  /**
   * Epoch milliseconds of a contract timestamp, e.g. {@code 2011-09-05T08:12:00+08:00}, {@code 2011-09-05T00:12Z},
   * {@code 2011-09-05T08:12:00.250+08:00}.
   *
   * @throws DateTimeParseException with a message saying what is wrong; it quotes at most 40 characters of the text,
   *     and masks digit runs in a text that does not start like a date (it might be a phone number)
   * @throws NullPointerException when text is null
   */
  public static long parse(String text) {
    Objects.requireNonNull(text, "timestamp text is null");
    long millis = tryParse(text);
    if (millis == INVALID) {
      throw new DateTimeParseException(describeInvalid(null, text), text, 0);
    }
    return millis;
  }

  /** Whether {@link #parse} accepts the text. */
  public static boolean isValid(String text) {
    return text != null && tryParse(text) != INVALID;
  }

  /**
   * The instant in the zone's offset at that instant: {@code 2011-09-05T08:12:00+08:00}; always with seconds, with
   * {@code .SSS} only where the milliseconds are not zero; UTC as {@code +00:00}. An offset with seconds (local mean
   * time before 1900) is written to the minute and the local time shifted to match, so the text still names the same
   * instant. Years outside 0000-9999 are not supported by the contract's format.
   */
  public static String format(long epochMillis, ZoneId zone) {
    long seconds = Math.floorDiv(epochMillis, 1000L);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    int offsetSeconds = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
    offsetSeconds = offsetSeconds / 60 * 60;
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.ofTotalSeconds(offsetSeconds));
    StringBuilder sb = new StringBuilder(29);
    int year = t.getYear();
    if (year < 0) {
      sb.append('-');
      year = -year;
    }
    pad(sb, year, 4).append('-');
    pad(sb, t.getMonthValue(), 2).append('-');
    pad(sb, t.getDayOfMonth(), 2).append('T');
    pad(sb, t.getHour(), 2).append(':');
    pad(sb, t.getMinute(), 2).append(':');
    pad(sb, t.getSecond(), 2);
    if (millis != 0) {
      pad(sb.append('.'), millis, 3);
    }
    int abs = Math.abs(offsetSeconds);
    sb.append(offsetSeconds < 0 ? '-' : '+');
    pad(sb, abs / 3600, 2).append(':');
    pad(sb, abs / 60 % 60, 2);
    return sb.toString();
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  /** Epoch milliseconds, or {@link #INVALID}: the parsers' exception-free path. */
  public static long tryParse(String s) {
    int n = s.length();
    // Shortest: yyyy-MM-ddTHH:mmZ (17 characters).
    if (n < 17
        || !digits(s, 0, 4)
        || s.charAt(4) != '-'
        || !digits(s, 5, 2)
        || s.charAt(7) != '-'
        || !digits(s, 8, 2)
        || s.charAt(10) != 'T'
        || !digits(s, 11, 2)
        || s.charAt(13) != ':'
        || !digits(s, 14, 2)) {
      return INVALID;
    }
    int year = num(s, 0, 4);
    int month = num(s, 5, 2);
    int day = num(s, 8, 2);
    int hour = num(s, 11, 2);
    int minute = num(s, 14, 2);
    int second = 0;
    int millis = 0;
    int i = 16;
    if (s.charAt(i) == ':') {
      if (i + 3 > n || !digits(s, i + 1, 2)) {
        return INVALID;
      }
      second = num(s, i + 1, 2);
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        if (i == start) {
          return INVALID;
        }
        for (int k = 0; k < 3; k++) {
          millis = millis * 10 + (start + k < i ? s.charAt(start + k) - '0' : 0);
        }
      }
    }
    if (i >= n) {
      return INVALID;
    }
    int offsetSeconds;
    char c = s.charAt(i);
    if (c == 'Z') {
      if (i + 1 != n) {
        return INVALID;
      }
      offsetSeconds = 0;
    } else if (c == '+' || c == '-') {
      if (i + 6 != n || !digits(s, i + 1, 2) || s.charAt(i + 3) != ':' || !digits(s, i + 4, 2)) {
        return INVALID;
      }
      int offsetMinutes = num(s, i + 1, 2) * 60 + num(s, i + 4, 2);
      if (offsetMinutes >= 24 * 60) {
        return INVALID;
      }
      offsetSeconds = (c == '-' ? -offsetMinutes : offsetMinutes) * 60;
    } else {
      return INVALID;
    }
    if (year < 1
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour > 23
        || minute > 59
        || second > 59) {
      return INVALID;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long epochSecond = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return epochSecond * 1000L + millis;
  }

  /**
   * A reason for a text that {@link #tryParse} refused: {@code eventTime '2011-13-05T08:00:00+08:00' is not an
   * ISO-8601 timestamp with an offset (month 13 does not exist)}. {@code field} may be null.
   */
  public static String describeInvalid(String field, String s) {
    // A text that does not even start like a date may be anything, a phone number included: mask digit runs.
    String quoted = Reasons.quote(startsWithDate(s) ? s : Reasons.maskNumbers(s));
    String head = (field == null ? "" : field + " ") + quoted + " " + NOT_A_TIMESTAMP;
    String detail = detail(s);
    return detail == null ? head : head + " (" + detail + ")";
  }

  private static String detail(String s) {
    int n = s.length();
    if (!shaped(s)) {
      if (n >= 11 && digits(s, 0, 4) && s.charAt(4) == '-' && s.charAt(10) != 'T') {
        return "date and time must be separated by an upper-case T, like 2011-09-05T08:12:00+08:00";
      }
      return "expected a form like 2011-09-05T08:12:00+08:00";
    }
    // The shape is right up to the minutes: say what else is wrong.
    int year = num(s, 0, 4);
    int month = num(s, 5, 2);
    int day = num(s, 8, 2);
    int hour = num(s, 11, 2);
    int minute = num(s, 14, 2);
    if (year < 1) {
      return "year 0000 does not exist";
    }
    if (month < 1 || month > 12) {
      return "month " + pad2(month) + " does not exist";
    }
    if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
      return "day " + pad2(day) + " does not exist in "
          + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
    }
    if (hour > 23) {
      return "hour " + pad2(hour) + " is not in 00-23";
    }
    if (minute > 59) {
      return "minute " + pad2(minute) + " is not in 00-59";
    }
    int i = 16;
    if (i < n && s.charAt(i) == ':') {
      if (i + 3 <= n && digits(s, i + 1, 2)) {
        int second = num(s, i + 1, 2);
        if (second > 59) {
          return "second " + pad2(second) + " is not in 00-59";
        }
        i += 3;
        if (i < n && s.charAt(i) == '.') {
          int start = ++i;
          while (i < n && isDigit(s.charAt(i))) {
            i++;
          }
          if (i == start) {
            return "a decimal point must be followed by digits";
          }
        }
      } else {
        return "seconds must be two digits";
      }
    }
    if (i >= n) {
      return "it has no offset: add Z or an offset like +08:00";
    }
    char c = s.charAt(i);
    if (c == '+' || c == '-') {
      if (i + 6 <= n && digits(s, i + 1, 2) && s.charAt(i + 3) == ':' && digits(s, i + 4, 2)) {
        return i + 6 == n ? "the offset must be less than 24 hours" : "nothing may follow the offset";
      }
      return "the offset must be written ±HH:MM";
    }
    if (c == 'Z' || c == 'z') {
      return c == 'z' ? "Z must be upper-case" : "nothing may follow the Z";
    }
    return "expected Z or an offset like +08:00 after the time";
  }

  /** Whether the text starts like a date: yyyy-MM-dd. */
  private static boolean startsWithDate(String s) {
    return s.length() >= 10
        && digits(s, 0, 4)
        && s.charAt(4) == '-'
        && digits(s, 5, 2)
        && s.charAt(7) == '-'
        && digits(s, 8, 2);
  }

  /** Whether the text starts like a date-time: yyyy-MM-ddTHH:mm. */
  private static boolean shaped(String s) {
    return s.length() >= 16
        && startsWithDate(s)
        && s.charAt(10) == 'T'
        && digits(s, 11, 2)
        && s.charAt(13) == ':'
        && digits(s, 14, 2);
  }

  private static String pad2(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
