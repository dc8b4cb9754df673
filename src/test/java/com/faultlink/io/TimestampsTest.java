package com.faultlink.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  /** The contract checker's TS regex. */
  private static final Pattern TS =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:\\d\\d)$");

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static long at(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }

  @ParameterizedTest
  @CsvSource({
    "2011-09-05T08:12:00+08:00, 2011-09-05T00:12:00Z",
    "2011-09-05T08:12+08:00, 2011-09-05T00:12:00Z",
    "2011-09-05T00:12Z, 2011-09-05T00:12:00Z",
    "2011-09-05T00:12:07Z, 2011-09-05T00:12:07Z",
    "2011-09-05T00:12:07.5Z, 2011-09-05T00:12:07.500Z",
    "2011-09-05T00:12:07.25Z, 2011-09-05T00:12:07.250Z",
    "2011-09-05T00:12:07.123Z, 2011-09-05T00:12:07.123Z",
    "2011-09-05T00:12:07.1239999Z, 2011-09-05T00:12:07.123Z",
    "2011-09-05T00:12:07.000000000000Z, 2011-09-05T00:12:07Z",
    "2011-09-05T00:12:00-00:00, 2011-09-05T00:12:00Z",
    "2011-09-05T00:12:00+00:00, 2011-09-05T00:12:00Z",
    "2011-09-04T19:42:00-04:30, 2011-09-05T00:12:00Z",
    "2011-09-05T23:59:00+23:59, 2011-09-05T00:00:00Z",
    "2024-02-29T12:00Z, 2024-02-29T12:00:00Z",
    "2000-02-29T12:00Z, 2000-02-29T12:00:00Z",
    "2011-09-05T00:00:00+08:00, 2011-09-04T16:00:00Z",
    "1969-12-31T23:59:59.999Z, 1969-12-31T23:59:59.999Z",
    "0001-01-01T00:00Z, 0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z",
  })
  void parsesWhatTheContractAllows(String text, String instant) {
    assertThat(Timestamps.parse(text)).isEqualTo(at(instant));
    assertThat(Timestamps.isValid(text)).isTrue();
    assertThat(TS.matcher(text).matches()).isTrue();
  }

  @Test
  void takesAnOffsetsMinutesAsWrittenLikeTheCheckersPython() {
    // Python's fromisoformat reads +08:75 as 8h75m = 9h15m; the checker accepts it, so we do too.
    assertThat(Timestamps.parse("2011-09-05T09:15:00+08:75")).isEqualTo(at("2011-09-05T00:00:00Z"));
    assertThat(Timestamps.parse("2011-09-05T00:00:00+19:00")).isEqualTo(at("2011-09-04T05:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-02-30T00:00:00+08:00 | day 30 does not exist in February 2026",
        "2023-02-29T00:00Z | day 29 does not exist in February 2023",
        "1900-02-29T00:00Z | day 29 does not exist in February 1900",
        "2011-09-31T08:00:00+08:00 | day 31 does not exist in September 2011",
        "2011-09-00T08:00:00+08:00 | day 00 does not exist",
        "2011-13-05T08:00:00+08:00 | month 13 does not exist",
        "2011-00-05T08:00:00+08:00 | month 00 does not exist",
        "0000-01-01T00:00Z | year 0000 does not exist",
        "2011-09-05T24:00:00+08:00 | hour 24 is not in 00-23",
        "2011-09-05T24:00Z | hour 24 is not in 00-23",
        "2011-09-05T08:60Z | minute 60 is not in 00-59",
        "2011-09-05T23:59:60Z | second 60 is not in 00-59",
        "2011-09-05T08:12:00+24:00 | the offset must be less than 24 hours",
        "2011-09-05T08:12:00+23:60 | the offset must be less than 24 hours",
        "2011-09-05T08:12:00 | it has no offset",
        "2011-09-05T08:12 | it has no offset",
        "2011-09-05T08:12:00z | Z must be upper-case",
        "2011-09-05T08:12:00ZZ | nothing may follow the Z",
        "2011-09-05T08:12:00+08:00:00 | nothing may follow the offset",
        "2011-09-05t08:12:00Z | upper-case T",
        "2011-09-05 08:12:00Z | upper-case T",
        "2011-09-05T08:12:00+0800 | ±HH:MM",
        "2011-09-05T08:12:00+8:00 | ±HH:MM",
        "2011-09-05T08:12:00+08 | ±HH:MM",
        "2011-09-05T08:12:00.Z | a decimal point must be followed by digits",
        "2011-09-05T08:12:5Z | seconds must be two digits",
        "2011-09-05T08:12:00,5Z | expected Z or an offset",
        "20110905T081200Z | expected a form like",
        "2011-9-05T08:12:00Z | upper-case T",
        "not a time | expected a form like",
      })
  void rejectsWhatTheContractDoesNotAllowAndSaysWhy(String text, String why) {
    assertThat(Timestamps.isValid(text)).isFalse();
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessageContaining("' is not an ISO-8601 timestamp with an offset (")
        .hasMessageContaining(why);
  }

  @Test
  void quotesATextThatStartsLikeADate() {
    assertThatThrownBy(() -> Timestamps.parse("2011-09-05 08:12:00"))
        .hasMessage("'2011-09-05 08:12:00' is not an ISO-8601 timestamp with an offset (date and time must be "
            + "separated by an upper-case T, like 2011-09-05T08:12:00+08:00)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"13995000001", "+86 139-9500-0001", "tel:13995000001", "1315181520"})
  void masksDigitRunsOfATextThatDoesNotStartLikeADateForItMightBeAPhoneNumber(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .hasMessageStartingWith("'")
        .hasMessageContaining("#")
        .satisfies(e -> assertThat(e.getMessage().replaceAll("\\D", "")).doesNotContain("9500").doesNotContain("1315"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " 2011-09-05T08:12:00Z", "2011-09-05T08:12:00Z ", "2011-09-05T08:12:00Z\n",
      "\u0662\u0660\u0661\u0661-09-05T08:12Z", "２０１１-09-05T08:12Z", "+2011-09-05T08:12Z", "12011-09-05T08:12Z"})
  void rejectsSurroundingSpaceNonAsciiDigitsAndExpandedYears(String text) {
    assertThat(Timestamps.isValid(text)).isFalse();
    assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void quotesAtMostFortyCharactersOfTheTextAndOnlyPrintableOnes() {
    String junk = "2011-09-05T08:12:00\u0000" + "x".repeat(500);
    assertThatThrownBy(() -> Timestamps.parse(junk))
        .hasMessageNotContaining("\u0000")
        .hasMessageNotContaining("x".repeat(50))
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
  }

  @Test
  void nullIsAClearNullPointerException() {
    assertThatThrownBy(() -> Timestamps.parse(null)).isInstanceOf(NullPointerException.class);
    assertThat(Timestamps.isValid(null)).isFalse();
  }

  @Test
  void formatsWithTheZonesOffsetAlwaysWithSeconds() {
    long t = at("2011-09-05T00:12:00Z");
    assertThat(Timestamps.format(t, SHANGHAI)).isEqualTo("2011-09-05T08:12:00+08:00");
    assertThat(Timestamps.format(t, ZoneOffset.UTC)).isEqualTo("2011-09-05T00:12:00+00:00");
    assertThat(Timestamps.format(t, ZoneId.of("UTC"))).isEqualTo("2011-09-05T00:12:00+00:00");
    assertThat(Timestamps.format(t, ZoneId.of("America/St_Johns"))).isEqualTo("2011-09-04T21:42:00-02:30");
  }

  @Test
  void writesMillisecondsOnlyWhereTheyAreNotZero() {
    assertThat(Timestamps.format(at("2011-09-05T00:12:00.250Z"), SHANGHAI)).isEqualTo("2011-09-05T08:12:00.250+08:00");
    assertThat(Timestamps.format(at("2011-09-05T00:12:00.007Z"), SHANGHAI)).isEqualTo("2011-09-05T08:12:00.007+08:00");
    assertThat(Timestamps.format(at("2011-09-05T00:12:00Z"), SHANGHAI)).doesNotContain(".");
  }

  @Test
  void formatsInstantsBefore1970() {
    assertThat(Timestamps.format(-1, ZoneOffset.UTC)).isEqualTo("1969-12-31T23:59:59.999+00:00");
    assertThat(Timestamps.format(-1000, ZoneOffset.UTC)).isEqualTo("1969-12-31T23:59:59+00:00");
  }

  @Test
  void followsDaylightSavingTime() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    assertThat(Timestamps.format(at("2024-01-15T12:00:00Z"), berlin)).isEqualTo("2024-01-15T13:00:00+01:00");
    assertThat(Timestamps.format(at("2024-07-15T12:00:00Z"), berlin)).isEqualTo("2024-07-15T14:00:00+02:00");
  }

  @Test
  void writesAnOffsetWithSecondsToTheMinuteAndStillNamesTheSameInstant() {
    // Asia/Shanghai's local mean time before 1901 is +08:05:43.
    long t = at("1900-06-01T00:00:00Z");
    String text = Timestamps.format(t, SHANGHAI);
    assertThat(text).isEqualTo("1900-06-01T08:05:00+08:05");
    assertThat(TS.matcher(text).matches()).isTrue();
    assertThat(Timestamps.parse(text)).isEqualTo(t);
  }

  @Test
  void formatAndParseRoundTripAndTheCheckerAcceptsEveryFormattedText() {
    Random random = new Random(42);
    ZoneId[] zones = {SHANGHAI, ZoneOffset.UTC, ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"),
        ZoneId.of("Pacific/Chatham"), ZoneOffset.ofHours(-12)};
    long min = at("1970-01-01T00:00:00Z") - 3_000_000_000_000L;
    long max = at("2100-01-01T00:00:00Z");
    for (int i = 0; i < 20_000; i++) {
      long t = min + (long) (random.nextDouble() * (max - min));
      if (random.nextBoolean()) {
        t -= Math.floorMod(t, 1000);
      }
      ZoneId zone = zones[random.nextInt(zones.length)];
      String text = Timestamps.format(t, zone);
      assertThat(TS.matcher(text).matches()).as(text).isTrue();
      assertThat(Timestamps.parse(text)).as(text).isEqualTo(t);
      if (t >= at("1901-01-01T00:00:00Z")) {
        assertThat(OffsetDateTime.parse(text).toInstant().toEpochMilli()).as(text).isEqualTo(t);
      }
    }
  }
}
