package com.faultlink.model;

/**
 * The latest known state of one outage: a cell out of service from {@code start} to {@code end}. Outage
 * assembly emits a new snapshot whenever that state changes (opened, cleared, re-raised within the merge
 * gap); downstream operators keep the latest one per {@code outageId}.
 *
 * @param end null while open
 * @param observedUntil set only on the snapshot emitted at the end of a bounded input for an outage still
 *     open then: the last event time of the input, up to which its duration is known
 * @param planned whether it started inside an announced work's window on its cell (or its region), or its
 *     raise carried {@code plannedOutageIndicator OUT_OF_SERVICE}; decided at its start, never changed
 * @param workId the announced work, null where none (an {@code OUT_OF_SERVICE} raise without one)
 * @param plannedUntil planned outages: the end of the work's window (for {@code OUT_OF_SERVICE} without an
 *     announced work, start + {@code planned.defaultWindow}); still open after it is an overrun; else null
 * @param endReason why it ended: {@link #CLEARED} (its last alarm cleared) or {@link #STALE} (still open
 *     {@code outages.maxOpen} after its start, closed then); null while open
 */
public record Outage(
    String outageId,
    String cellId,
    String siteId,
    String region,
    String technology,
    long start,
    Long end,
    Long observedUntil,
    boolean planned,
    String workId,
    Long plannedUntil,
    String endReason) {

  public static final String CLEARED = "cleared";
  public static final String STALE = "stale";

  /** Ended by its clear where {@code end} is set, else open. */
  public Outage(String outageId, String cellId, String siteId, String region, String technology, long start, Long end,
      Long observedUntil, boolean planned, String workId, Long plannedUntil) {
    this(outageId, cellId, siteId, region, technology, start, end, observedUntil, planned, workId, plannedUntil,
        end == null ? null : CLEARED);
  }

  /** An unplanned outage, or one whose work's end does not matter (tests). */
  public Outage(String outageId, String cellId, String siteId, String region, String technology, long start, Long end,
      Long observedUntil, boolean planned, String workId) {
    this(outageId, cellId, siteId, region, technology, start, end, observedUntil, planned, workId, null);
  }

  public boolean isOpen() {
    return end == null;
  }

  /** The end used for durations: the clear, or where still open the end of the input (if known). */
  public Long knownUntil() {
    return end != null ? end : observedUntil;
  }

  /** Cleared at {@code newEnd}, or open again where null. */
  public Outage withEnd(Long newEnd) {
    return new Outage(outageId, cellId, siteId, region, technology, start, newEnd, null, planned, workId, plannedUntil,
        newEnd == null ? null : CLEARED);
  }

  /** Closed as stale at {@code staleAt} (its start + {@code outages.maxOpen}): final, never re-opened. */
  public Outage closedAsStale(long staleAt) {
    return new Outage(outageId, cellId, siteId, region, technology, start, staleAt, null, planned, workId, plannedUntil,
        STALE);
  }

  public boolean isStale() {
    return STALE.equals(endReason);
  }

  public Outage observedUntil(long horizon) {
    return new Outage(outageId, cellId, siteId, region, technology, start, end, horizon, planned, workId, plannedUntil,
        endReason);
  }

  /** How long it ran past its work's end (up to its clear, or the end of the input where still open); 0 if not. */
  public long overrunMillis() {
    Long until = knownUntil();
    if (!planned || plannedUntil == null || until == null) {
      return 0;
    }
    return Math.max(0, until - plannedUntil);
  }
}
