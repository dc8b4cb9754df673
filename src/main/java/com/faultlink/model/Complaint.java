package com.faultlink.model;

/**
 * One accepted TMF621 complaint, its location already resolved against the cell table.
 *
 * @param eventId the notification's id
 * @param ticketId {@code troubleTicket.id}: the complaint's identity in every output
 * @param time {@code creationDate} (epoch ms)
 * @param category voice, data, messaging or other
 * @param cellId the {@code servingCell} it names, or null
 * @param onKnownCell whether {@code cellId} is a cell of the cell table
 * @param region the cell's region from the table, else the complaint's own {@code region} entity
 * @param customerKey keyed hash of the subscriber number (never the number itself), or null
 * @param eventTime the notification's {@code eventTime} (epoch ms): checked for plausibility only
 * @param channel {@code channel.name} as given (subscriber numbers masked), or null: where it came in (hotline, app,
 *     wechat, ..., or an escalation such as the regulator); metrics group it ({@link ComplaintChannels})
 * @param severity {@code severity} as given (masked likewise), or null; metrics group it ({@link ComplaintChannels})
 * @param statusChange non-null: not a complaint but a ticket lifecycle event (then {@code time} is its status time
 *     and the location fields are empty); it travels on the complaints input, so it shares its duplicate check,
 *     time checks and watermarks
 */
public record Complaint(
    String eventId,
    String ticketId,
    long time,
    Category category,
    String cellId,
    boolean onKnownCell,
    String region,
    String customerKey,
    long eventTime,
    String channel,
    String severity,
    TicketStatusChange statusChange) {

  /** A complaint (not a status change) with its channel and severity. */
  public Complaint(String eventId, String ticketId, long time, Category category, String cellId, boolean onKnownCell,
      String region, String customerKey, long eventTime, String channel, String severity) {
    this(eventId, ticketId, time, category, cellId, onKnownCell, region, customerKey, eventTime, channel, severity,
        null);
  }

  /** A complaint without channel or severity. */
  public Complaint(String eventId, String ticketId, long time, Category category, String cellId, boolean onKnownCell,
      String region, String customerKey, long eventTime) {
    this(eventId, ticketId, time, category, cellId, onKnownCell, region, customerKey, eventTime, null, null);
  }

  /** A ticket lifecycle event on the complaints input. */
  public static Complaint statusChange(String eventId, String ticketId, long time, long eventTime,
      TicketStatusChange change) {
    return new Complaint(eventId, ticketId, time, Category.OTHER, null, false, null, null, eventTime, null, null, change);
  }

  public boolean isStatusChange() {
    return statusChange != null;
  }

  /** The same event keeping its input line (a status change, which its ticket may still reject). */
  public Complaint withLine(String line) {
    return statusChange == null ? this : new Complaint(eventId, ticketId, time, category, cellId, onKnownCell, region,
        customerKey, eventTime, channel, severity, statusChange.withLine(line));
  }

  /** A complaint whose notification was sent at its creation (tests, tools). */
  public Complaint(String eventId, String ticketId, long time, Category category, String cellId, boolean onKnownCell,
      String region, String customerKey) {
    this(eventId, ticketId, time, category, cellId, onKnownCell, region, customerKey, time);
  }
}
