package com.faultlink.model;

/**
 * What one outage cost: emitted once it is closed and its attribution tail has passed, or at the end of a
 * bounded input while still open ({@code end} null, duration up to the end of the input).
 *
 * @param endReason {@code cleared} or {@code stale} (see {@link Outage#endReason()}); null while open
 * @param incidentId the incident (common cause) the outage belongs to; null: none
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
    String incidentId) {

  /** An impact of no incident (yet: incidents are tagged on afterwards). */
  public OutageImpact(String outageId, String cellId, String region, String technology, long start, Long end,
      double durationMinutes, long complaints, Double firstComplaintLagMinutes, boolean planned, String workId,
      String endReason) {
    this(outageId, cellId, region, technology, start, end, durationMinutes, complaints, firstComplaintLagMinutes,
        planned, workId, endReason, null);
  }

  public OutageImpact withIncidentId(String id) {
    return new OutageImpact(outageId, cellId, region, technology, start, end, durationMinutes, complaints,
        firstComplaintLagMinutes, planned, workId, endReason, id);
  }
}
