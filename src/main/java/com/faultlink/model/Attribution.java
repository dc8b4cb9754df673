package com.faultlink.model;

/**
 * The decision for one complaint: the outage that caused it, or none.
 *
 * @param outageId null where not fault-caused
 * @param cellId the complaint's own cell, null where it named none
 * @param lagMinutes complaint time minus outage start, rounded half up to 2 decimals; null without outage
 * @param complaintTime the complaint's {@code creationDate} (epoch ms)
 * @param customerKey keyed hash of the subscriber, for repeat-complainant counts; never written out
 * @param late whether the complaint arrived behind the watermark and was decided on arrival
 * @param channel the complaint's {@code channel.name} (masked), or null
 * @param severity the complaint's {@code severity} (masked), or null
 */
public record Attribution(
    String complaintId,
    String outageId,
    String region,
    String cellId,
    MatchLevel matchLevel,
    Double lagMinutes,
    long complaintTime,
    Category category,
    String customerKey,
    boolean late,
    boolean planned,
    String workId,
    String channel,
    String severity) {

  /** A decision without the complaint's channel and severity (tests, tools). */
  public Attribution(String complaintId, String outageId, String region, String cellId, MatchLevel matchLevel,
      Double lagMinutes, long complaintTime, Category category, String customerKey, boolean late, boolean planned,
      String workId) {
    this(complaintId, outageId, region, cellId, matchLevel, lagMinutes, complaintTime, category, customerKey, late,
        planned, workId, null, null);
  }

  public boolean faultCaused() {
    return outageId != null;
  }
}
