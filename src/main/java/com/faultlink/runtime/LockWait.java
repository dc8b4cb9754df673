package com.faultlink.runtime;

/** Waiting on a monitor for a span of time, as the outside sinks' sending threads do between attempts. */
public final class LockWait {
  private LockWait() {}

  /**
   * Waits on {@code lock} (held by the caller) for at most {@code nanos}; returns false when the thread was
   * interrupted (its interrupt flag set again), which the sinks take as "stop".
   */
  public static boolean nanos(Object lock, long nanos) {
    if (nanos <= 0) {
      return true;
    }
    try {
      lock.wait(Math.max(1, nanos / 1_000_000), 0);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
