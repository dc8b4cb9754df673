package com.faultlink.model;

/**
 * The latest known state of one outage: a cell out of service from {@code start} to {@code end}. Outage
 * assembly emits a new snapshot whenever that state changes (opened, cleared, re-raised within the merge
 * gap); downstream operators keep the latest one per {@code outageId}.
 *
 * @param end null while open
 * @param observedUntil set only on the snapshot emitted at the end of a bounded input for an outage still
 *     open then: the last event time of the input, up to which its duration is known
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
    String workId) {

  public boolean isOpen() {
    return end == null;
  }

  /** The end used for durations: the clear, or where still open the end of the input (if known). */
  public Long knownUntil() {
    return end != null ? end : observedUntil;
  }

  public Outage withEnd(Long newEnd) {
    return new Outage(outageId, cellId, siteId, region, technology, start, newEnd, null, planned, workId);
  }

  public Outage observedUntil(long horizon) {
    return new Outage(outageId, cellId, siteId, region, technology, start, end, horizon, planned, workId);
  }
}
