package com.faultlink.runtime;

/**
 * Keeps a sequence of items at or below a rate: {@link #delayNanosFor} says how long to wait before the
 * next item so that {@code n} items never take less than {@code n / rate} seconds. Plain Java, so the pacing
 * arithmetic is tested without a clock.
 */
public final class Pacer {
  private final double nanosPerItem;
  private long startNanos = Long.MIN_VALUE;
  private long passed;

  public Pacer(int itemsPerSecond) {
    if (itemsPerSecond <= 0) {
      throw new IllegalArgumentException("itemsPerSecond must be positive");
    }
    this.nanosPerItem = 1e9 / itemsPerSecond;
  }

  /** The wait before letting one more item pass at {@code nowNanos}; the item counts as passed. */
  public long delayNanosFor(long nowNanos) {
    if (startNanos == Long.MIN_VALUE) {
      startNanos = nowNanos;
    }
    long due = startNanos + (long) (passed * nanosPerItem);
    passed++;
    return Math.max(0L, due - nowNanos);
  }
}
