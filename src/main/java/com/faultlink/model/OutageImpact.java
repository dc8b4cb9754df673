package com.faultlink.model;

/**
 * What one outage cost: emitted once it is closed and its attribution tail has passed, or at the end of a
 * bounded input while still open ({@code end} null, duration up to the end of the input).
 *
 * @param endReason {@code cleared} or {@code stale} (see {@link Outage#endReason()}); null while open
 * @param ackMinutes from its start to the first acknowledgement of any of its alarms; null where none came
 */
public record OutageImpact(
    String outageId,
    String cellId,
    String region,
    String technology,
    long start,
    Long end,
    double durationMinutes,
    long complaints,
    Double firstComplaintLagMinutes,
    boolean planned,
    String workId,
    String endReason,
    Double ackMinutes) {

  /** An impact without acknowledgement. */
  public OutageImpact(String outageId, String cellId, String region, String technology, long start, Long end,
      double durationMinutes, long complaints, Double firstComplaintLagMinutes, boolean planned, String workId,
      String endReason) {
    this(outageId, cellId, region, technology, start, end, durationMinutes, complaints, firstComplaintLagMinutes,
        planned, workId, endReason, null);
  }

  public OutageImpact withAckMinutes(Double minutes) {
    return new OutageImpact(outageId, cellId, region, technology, start, end, durationMinutes, complaints,
        firstComplaintLagMinutes, planned, workId, endReason, minutes);
  }
}
