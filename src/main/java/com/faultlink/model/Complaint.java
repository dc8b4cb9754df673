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
    String severity) {

  /** A complaint without channel or severity. */
  public Complaint(String eventId, String ticketId, long time, Category category, String cellId, boolean onKnownCell,
      String region, String customerKey, long eventTime) {
    this(eventId, ticketId, time, category, cellId, onKnownCell, region, customerKey, eventTime, null, null);
  }

  /** A complaint whose notification was sent at its creation (tests, tools). */
  public Complaint(String eventId, String ticketId, long time, Category category, String cellId, boolean onKnownCell,
      String region, String customerKey) {
    this(eventId, ticketId, time, category, cellId, onKnownCell, region, customerKey, time);
  }
}
