package com.faultlink.runtime;

/** Every counter the job keeps; the run summary lists them in this order. */
public final class CounterNames {
  private CounterNames() {}

  public static final String EVENTS_READ = "eventsRead";
  public static final String DEAD_LETTERS = "deadLetters";
  public static final String SKIPPED_EVENT_TYPES = "skippedEventTypes";
  /** Lines dead-lettered for a time outside input.notBefore / input.notAfter. */
  public static final String IMPLAUSIBLE_TIMES = "implausibleTimes";
  /** Lines dead-lettered as more than input.maxLateness behind their input (clears included). */
  public static final String TOO_LATE_LINES = "tooLateLines";
  /** Too-late clears applied all the same: their outage was still open. */
  public static final String LATE_CLEARS_OF_OPEN_OUTAGES = "lateClearsOfOpenOutages";
  public static final String DUPLICATE_EVENTS = "duplicateEvents";
  public static final String DUPLICATE_TICKETS = "duplicateTickets";
  public static final String LATE_EVENTS = "lateEvents";
  public static final String NON_OUTAGE_ALARMS = "nonOutageAlarms";
  public static final String DUPLICATE_RAISES = "duplicateRaises";
  public static final String CLEARS_WITHOUT_RAISE = "clearsWithoutRaise";
  public static final String CLEARS_BEFORE_RAISE = "clearsBeforeRaise";
  /** Acknowledgements not used: before their raise's time, or whose raise never came. */
  public static final String ACKS_IGNORED = "acksIgnored";
  /** Acknowledgements of outage alarms that matched no outage of their cell. */
  public static final String ACKS_WITHOUT_OUTAGE = "acksWithoutOutage";
  public static final String OUTAGES_OPENED = "outagesOpened";
  public static final String FLAPS_MERGED = "flapsMerged";
  /** Outages closed as stale: still open {@code outages.maxOpen} after their start. */
  public static final String STALE_OUTAGES = "staleOutages";
  /** Clears of alarms whose outage had been closed as stale: counted, not applied. */
  public static final String CLEARS_AFTER_STALE = "clearsAfterStale";
  public static final String COMPLAINTS_ATTRIBUTED = "complaintsAttributed";
  public static final String LATE_COMPLAINTS = "lateComplaintsDecidedOnArrival";
  public static final String LATE_AFTER_PERIOD_CLOSED = "lateAfterPeriodClosed";
  public static final String LATE_AFTER_IMPACT = "lateAttributionsAfterImpact";
  public static final String COMPLAINTS_OUTSIDE_REGION_TABLE = "complaintsOutsideRegionTable";
  public static final String LATE_FOR_BURST_WINDOW = "lateForBurstWindow";
  public static final String PLANNED_OUTAGES = "plannedOutages";
  public static final String LATE_FOR_WORK_IMPACT = "lateForWorkImpact";
  /** Root-cause alarms raised (each raise of an incident id once). */
  public static final String ROOT_ALARMS = "rootAlarms";
  /** Root-cause raises of an id already open, and clears with no open raise: counted, ignored. */
  public static final String ROOT_ALARMS_UNPAIRED = "rootAlarmsUnpaired";
  /** Incidents written (ended, or open at the end of a bounded input). */
  public static final String INCIDENTS = "incidents";

  /** Alertmanager delivery (README "Alerts to Alertmanager"). */
  public static final String ALERTMANAGER_POSTS = "alertmanagerPosts";
  public static final String ALERTMANAGER_FAILURES = "alertmanagerFailures";
  public static final String ALERTMANAGER_DROPPED = "alertmanagerDropped";
  /** Alerts Alertmanager never accepted: refused alone as invalid, dropped beyond maxPending, unsent at the end. */
  public static final String ALERTMANAGER_UNDELIVERED = "alertmanagerUndelivered";
  public static final String ALERTMANAGER_REJECTED = "alertmanagerRejected";
  public static final String ALERTMANAGER_UNSENT_AT_END = "alertmanagerUnsentAtEnd";

  /** Database rows never written: dropped beyond maxBufferedRows, refused as invalid, unwritten at the end. */
  public static final String JDBC_UNWRITTEN = "jdbcUnwritten";
  public static final String JDBC_DROPPED = "jdbcDropped";
  public static final String JDBC_REJECTED = "jdbcRejected";
  public static final String JDBC_UNWRITTEN_AT_END = "jdbcUnwrittenAtEnd";
  /** Metric-only: failed database writes (each retried), rows buffered now. */
  public static final String JDBC_FAILURES = "jdbcFailures";
  public static final String JDBC_BUFFERED = "jdbcBuffered";

  /** Ticket lifecycle: statuses whose ticket never came (within dedup.retention), counted and ignored. */
  public static final String TICKET_STATUS_UNKNOWN_TICKET = "ticketStatusesForUnknownTickets";
  /** Ticket lifecycle: statuses after the ticket's resolution or cancellation (a reopen, a second close). */
  public static final String TICKET_STATUS_NOT_APPLIED = "ticketStatusesAfterEnd";
  /** Ticket lifecycle: an ending status older than what the ticket had already decided (behind the watermark). */
  public static final String TICKET_STATUS_LATE = "lateTicketStatuses";
  /** Ticket lifecycle: tickets still open tickets.retention after their deadline, no longer counted as overdue. */
  public static final String TICKETS_FORGOTTEN = "ticketsForgotten";

  /** Alerts written (every status); a counter of the output stage. */
  public static final String ALERTS_EMITTED = "alertsEmitted";

  /** Metric-only names (not in the run summary): gauges and per-stream counters. */
  public static final String OPEN_OUTAGES = "openOutages";
  public static final String RECORDS_WRITTEN = "recordsWritten";
  public static final String WATERMARK_LAG_MILLIS = "watermarkLagMillis";
  /**
   * Incidents open now: a gauge on the incident assembly's operator group (issue 23), summed over subtasks by
   * jobs/prometheus/rules.yml's FaultLinkIncidentsOpen.
   */
  public static final String INCIDENTS_OPEN = "incidentsOpen";

  /**
   * What the external sinks did not deliver: in the run summary after {@link #ALL}, where the sink is configured
   * (runtime/SinkReport).
   */
  public static final String[] SINK_REPORT = {
    ALERTMANAGER_UNDELIVERED, ALERTMANAGER_REJECTED, ALERTMANAGER_DROPPED, ALERTMANAGER_UNSENT_AT_END,
    JDBC_UNWRITTEN, JDBC_REJECTED, JDBC_DROPPED, JDBC_UNWRITTEN_AT_END
  };

  public static final String[] ALL = {
    EVENTS_READ, DEAD_LETTERS, SKIPPED_EVENT_TYPES, IMPLAUSIBLE_TIMES, TOO_LATE_LINES, LATE_CLEARS_OF_OPEN_OUTAGES,
    DUPLICATE_EVENTS, DUPLICATE_TICKETS, LATE_EVENTS,
    NON_OUTAGE_ALARMS, DUPLICATE_RAISES, CLEARS_WITHOUT_RAISE, CLEARS_BEFORE_RAISE, OUTAGES_OPENED, FLAPS_MERGED,
    STALE_OUTAGES, CLEARS_AFTER_STALE, ACKS_IGNORED, ACKS_WITHOUT_OUTAGE,
    COMPLAINTS_ATTRIBUTED, LATE_COMPLAINTS, LATE_AFTER_PERIOD_CLOSED, LATE_AFTER_IMPACT,
    COMPLAINTS_OUTSIDE_REGION_TABLE, LATE_FOR_BURST_WINDOW, ALERTS_EMITTED, PLANNED_OUTAGES, LATE_FOR_WORK_IMPACT,
    ROOT_ALARMS, ROOT_ALARMS_UNPAIRED, INCIDENTS,
    TICKET_STATUS_UNKNOWN_TICKET, TICKET_STATUS_NOT_APPLIED, TICKET_STATUS_LATE, TICKETS_FORGOTTEN
  };
}
