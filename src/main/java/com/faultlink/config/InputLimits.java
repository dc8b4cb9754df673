package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code input}: what every input line must satisfy beyond its shape (the contract's "Implausible times").
 *
 * @param notBefore a line whose {@code eventTime} or domain time lies before this is rejected
 * @param notAfter a line whose {@code eventTime} or domain time lies after this is rejected; null: the wall clock
 *     plus {@code maxClockSkew} (at job start for bounded inputs, moving with the clock for live ones)
 * @param maxClockSkew how far ahead of the wall clock a line may be dated when {@code notAfter} is not set
 * @param maxLateness a line dated more than this before the greatest domain time of the earlier lines of its file
 *     or Kafka partition is rejected as too late (a clear of an outage still open excepted)
 * @param maxLineBytes a line longer than this (in bytes, as read) is cut while it is read and dead-lettered
 */
public record InputLimits(Instant notBefore, Instant notAfter, Duration maxClockSkew, Duration maxLateness,
    int maxLineBytes) implements Serializable {

  public static final Instant DEFAULT_NOT_BEFORE = Instant.parse("2000-01-01T00:00:00Z");

  /** The contract's defaults (tests, tools). */
  public static InputLimits defaults() {
    return new InputLimits(DEFAULT_NOT_BEFORE, null, Duration.ofHours(1), Duration.ofDays(2), 1 << 20);
  }

  static InputLimits read(ConfigNode node) {
    Instant notBefore = instant(node, "notBefore", DEFAULT_NOT_BEFORE);
    Instant notAfter = instant(node, "notAfter", null);
    if (notAfter != null && !notAfter.isAfter(notBefore)) {
      throw new ConfigException("config key '" + node.keyPath("notAfter") + "': " + notAfter
          + " must be after input.notBefore (" + notBefore + ")");
    }
    return new InputLimits(notBefore, notAfter,
        node.duration("maxClockSkew", Duration.ofHours(1), true),
        node.duration("maxLateness", Duration.ofDays(2), false),
        node.integer("maxLineBytes", 1 << 20, 1024, 1 << 30));
  }

  private static Instant instant(ConfigNode node, String key, Instant fallback) {
    String s = node.string(key, null);
    if (s == null) {
      return fallback;
    }
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConfigException("config key '" + node.keyPath(key) + "': '" + s
          + "' is not a timestamp with an offset such as 2000-01-01T00:00:00Z");
    }
  }

  /** The latest plausible time for a line read when the wall clock shows {@code wallClockMillis}. */
  public long notAfterMillis(long wallClockMillis) {
    if (notAfter != null) {
      return notAfter.toEpochMilli();
    }
    return saturatedAdd(wallClockMillis, maxClockSkew.toMillis());
  }

  public long notBeforeMillis() {
    return notBefore.toEpochMilli();
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
