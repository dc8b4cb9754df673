package com.faultlink.model;

/**
 * One accepted TMF642 raise or clear.
 *
 * @param eventId the notification's id (duplicates are dropped by it)
 * @param kind raise or clear
 * @param sourceSystemId the system that owns {@code alarmId}; ids are unique only within it
 * @param alarmId {@code alarm.id}
 * @param objectId {@code alarm.alarmedObject.id}; may be null on a clear (taken from its raise)
 * @param objectType {@code alarm.alarmedObject.@referredType}, may be null
 * @param probableCause may be null on a clear
 * @param plannedOutOfService {@code plannedOutageIndicator == OUT_OF_SERVICE}
 * @param time the domain time: {@code alarmRaisedTime} of a raise, {@code alarmClearedTime} of a clear (epoch ms)
 * @param eventTime the notification's {@code eventTime} (epoch ms)
 */
public record AlarmEvent(
    String eventId,
    AlarmKind kind,
    String sourceSystemId,
    String alarmId,
    String objectId,
    String objectType,
    String probableCause,
    boolean plannedOutOfService,
    long time,
    long eventTime) {

  /** Raise and clear of one alarm share this key: ids are unique per source system only. */
  public String alarmKey() {
    return sourceSystemId + "/" + alarmId;
  }
}
