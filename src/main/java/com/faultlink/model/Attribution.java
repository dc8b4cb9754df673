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
    String workId) {

  public boolean faultCaused() {
    return outageId != null;
  }
}
