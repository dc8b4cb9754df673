package com.faultlink.correlate;

import com.faultlink.model.AlarmKind;

/**
 * A paired outage alarm's raise or clear, now known to concern {@code cellId} (a clear learns its cell from
 * its raise).
 */
public record CellAlarm(String cellId, String alarmKey, AlarmKind kind, long time, boolean plannedOutOfService) {}
