package com.faultlink.io.input;

import com.faultlink.config.InputLimits;
import java.io.Serializable;
import java.time.Instant;

/**
 * The contract's "Implausible times" for one input read in order: plain Java, no Flink. Lateness is judged per
 * lane: a file is one lane, each Kafka partition one ({@link PartitionTag}). A line whose {@code eventTime} or domain time lies outside [{@code input.notBefore},
 * {@code input.notAfter}] is implausible; one whose domain time lies more than {@code input.maxLateness} before
 * the greatest domain time of the lines accepted before it is too late. Only accepted lines move that greatest
 * time: a line dated 9999 is rejected and makes no later line late.
 *
 * <p>{@code notAfter}, where not configured, is the wall clock plus {@code input.maxClockSkew}: the clock at job
 * start for bounded inputs (a replay gives the same verdicts however long it runs), the clock now for live ones.
 */
public final class TimeSanity implements Serializable {
  private static final long serialVersionUID = 1L;

  private final InputLimits limits;
  private final boolean live;
  private final long startMillis;
  private final long notBefore;
  private final long lateMillis;
  /**
   * The greatest accepted domain time per lane, at index lane + 1 (a file's lane is -1, partitions count from 0);
   * {@link Long#MIN_VALUE} where the lane has accepted nothing. Read and written for every line: kept primitive.
   */
  private transient long[] greatest;

  /**
   * @param live whether the input never ends (then {@code notAfter} follows the wall clock)
   * @param startMillis the wall clock at job start
   */
  public TimeSanity(InputLimits limits, boolean live, long startMillis) {
    this.limits = limits;
    this.live = live;
    this.startMillis = startMillis;
    this.notBefore = limits.notBeforeMillis();
    this.lateMillis = limits.maxLateness().toMillis();
  }

  /** The limits with the wall clock read now (at job build time, which is job start). */
  public static TimeSanity startingNow(InputLimits limits, boolean live) {
    return new TimeSanity(limits, live, System.currentTimeMillis());
  }

  /** The latest plausible instant now. */
  public long notAfter() {
    return limits.notAfterMillis(live ? System.currentTimeMillis() : startMillis);
  }

  /** Whether both times lie within the plausible range (the check of the Kafka timestamp assigner). */
  public boolean plausible(long eventTime, long domainTime) {
    long notAfter = notAfter();
    return eventTime >= notBefore && domainTime >= notBefore && eventTime <= notAfter && domainTime <= notAfter;
  }

  /** Why the times are implausible, or null when they are not. */
  public String implausible(long eventTime, long domainTime, String domainField) {
    long notAfter = notAfter();
    if (domainTime < notBefore) {
      return outside(domainField, domainTime, "before input.notBefore", notBefore);
    }
    if (eventTime < notBefore) {
      return outside("eventTime", eventTime, "before input.notBefore", notBefore);
    }
    if (domainTime > notAfter) {
      return outside(domainField, domainTime, "after input.notAfter", notAfter);
    }
    if (eventTime > notAfter) {
      return outside("eventTime", eventTime, "after input.notAfter", notAfter);
    }
    return null;
  }

  /** Why the domain time is too late against the lines accepted so far, or null when it is not (one lane). */
  public String tooLate(long domainTime, String domainField) {
    return tooLate(PartitionTag.UNTAGGED, domainTime, domainField);
  }

  /** Why the domain time is too late against the lines of its lane accepted so far, or null when it is not. */
  public String tooLate(int lane, long domainTime, String domainField) {
    int i = lane + 1;
    long newest = greatest == null || i >= greatest.length ? Long.MIN_VALUE : greatest[i];
    if (newest == Long.MIN_VALUE || newest - domainTime <= lateMillis) {
      return null;
    }
    return "too late: " + domainField + " " + Instant.ofEpochMilli(domainTime) + " is more than input.maxLateness ("
        + limits.maxLateness() + ") before " + Instant.ofEpochMilli(newest)
        + ", the newest time read before it on this input" + (lane == PartitionTag.UNTAGGED ? "" : " (partition "
        + lane + ")");
  }

  /** An accepted line's domain time (one lane): later lines are judged against the greatest. */
  public void accepted(long domainTime) {
    accepted(PartitionTag.UNTAGGED, domainTime);
  }

  /** An accepted line's domain time in its lane. */
  public void accepted(int lane, long domainTime) {
    int i = lane + 1;
    if (greatest == null || i >= greatest.length) {
      int old = greatest == null ? 0 : greatest.length;
      greatest = greatest == null ? new long[Math.max(1, i + 1)] : java.util.Arrays.copyOf(greatest, Math.max(i + 1,
          old * 2));
      java.util.Arrays.fill(greatest, old, greatest.length, Long.MIN_VALUE);
    }
    if (domainTime > greatest[i]) {
      greatest[i] = domainTime;
    }
  }

  private static String outside(String field, long time, String what, long limit) {
    return "implausible time: " + field + " " + Instant.ofEpochMilli(time) + " is " + what + " ("
        + Instant.ofEpochMilli(limit) + ")";
  }
}
