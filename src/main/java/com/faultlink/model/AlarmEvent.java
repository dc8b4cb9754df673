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
 * @param line the input line of a clear that the alarm pairing may still reject (see {@link #pending}), for its
 *     dead letter; null otherwise
 * @param tooLate a clear more than {@code input.maxLateness} behind its input: applied only if its raise is still
 *     open (a clear of an outage still open is never too late), else rejected by the pairing
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
    long eventTime,
    String line,
    boolean tooLate) {

  /** An event as parsed: no line kept, not late. */
  public AlarmEvent(String eventId, AlarmKind kind, String sourceSystemId, String alarmId, String objectId,
      String objectType, String probableCause, boolean plannedOutOfService, long time, long eventTime) {
    this(eventId, kind, sourceSystemId, alarmId, objectId, objectType, probableCause, plannedOutOfService, time,
        eventTime, null, false);
  }

  /**
   * This clear with its input line: the pairing rejects a clear stated before its raise, and needs the line for
   * the dead letter.
   */
  public AlarmEvent pending(String inputLine) {
    return new AlarmEvent(eventId, kind, sourceSystemId, alarmId, objectId, objectType, probableCause,
        plannedOutOfService, time, eventTime, inputLine, tooLate);
  }

  /** This clear, too late on its input, with its line: applied only if its raise is still open. */
  public AlarmEvent tooLate(String inputLine) {
    return new AlarmEvent(eventId, kind, sourceSystemId, alarmId, objectId, objectType, probableCause,
        plannedOutOfService, time, eventTime, inputLine, true);
  }

  /** Raise and clear of one alarm share this key: ids are unique per source system only. */
  public String alarmKey() {
    return sourceSystemId + "/" + alarmId;
  }
}
