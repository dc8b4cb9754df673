package com.faultlink.incident;

/**
 * A root-cause alarm as its incident knows it: raised, and cleared once {@code clear} is set.
 *
 * @param incidentId {@code <sourceSystemId>/<alarm.id>}, with {@code @<raise instant>} for a later raise of an id
 *     its source system reused after a clear
 * @param cause its {@code probableCause}
 * @param objectId the alarmed object: a topology object or a site
 * @param objectType its {@code @referredType}, may be null
 * @param raise {@code alarmRaisedTime} (epoch ms)
 * @param clear {@code alarmClearedTime}, null while raised
 */
public record RootAlarm(String incidentId, String cause, String objectId, String objectType, long raise, Long clear) {

  /** Whether an outage starting at {@code start} is explained by this alarm (the contract's rule). */
  public boolean explains(long start, long windowMillis) {
    return start >= raise - windowMillis && (clear == null || start < clear);
  }

  public RootAlarm clearedAt(long at) {
    return new RootAlarm(incidentId, cause, objectId, objectType, raise, at);
  }
}
