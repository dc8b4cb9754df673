package com.faultlink.correlate;

/**
 * The earliest acknowledgement seen so far of one outage alarm, with what matching it to its outage needs.
 *
 * @param cellId the alarm's cell (from its raise)
 * @param raisedAt the alarm's raise: the outage of its cell open then is the one acknowledged
 * @param ackAt the acknowledgement's time
 */
public record AlarmAck(String cellId, String alarmKey, long raisedAt, long ackAt) {}
