package com.faultlink.model;

/**
 * What one outage cost: emitted once it is closed and its attribution tail has passed, or at the end of a
 * bounded input while still open ({@code end} null, duration up to the end of the input).
 *
 * @param endReason {@code cleared} or {@code stale} (see {@link Outage#endReason()}); null while open
 * @param incidentId the incident (common cause) the outage belongs to; null: none
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
    String incidentId,
    Double ackMinutes) {

  /** An impact of no incident (yet: incidents are tagged on afterwards) and without acknowledgement. */
  public OutageImpact(String outageId, String cellId, String region, String technology, long start, Long end,
      double durationMinutes, long complaints, Double firstComplaintLagMinutes, boolean planned, String workId,
      String endReason) {
    this(outageId, cellId, region, technology, start, end, durationMinutes, complaints, firstComplaintLagMinutes,
        planned, workId, endReason, null, null);
  }

  /** An impact of incident {@code incidentId} (null: none), without acknowledgement. */
  public OutageImpact(String outageId, String cellId, String region, String technology, long start, Long end,
      double durationMinutes, long complaints, Double firstComplaintLagMinutes, boolean planned, String workId,
      String endReason, String incidentId) {
    this(outageId, cellId, region, technology, start, end, durationMinutes, complaints, firstComplaintLagMinutes,
        planned, workId, endReason, incidentId, null);
  }

  public OutageImpact withIncidentId(String id) {
    return new OutageImpact(outageId, cellId, region, technology, start, end, durationMinutes, complaints,
        firstComplaintLagMinutes, planned, workId, endReason, id, ackMinutes);
  }

  public OutageImpact withAckMinutes(Double minutes) {
    return new OutageImpact(outageId, cellId, region, technology, start, end, durationMinutes, complaints,
        firstComplaintLagMinutes, planned, workId, endReason, incidentId, minutes);
  }
}
