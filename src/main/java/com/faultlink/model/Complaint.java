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
    long eventTime) {

  /** A complaint whose notification was sent at its creation (tests, tools). */
  public Complaint(String eventId, String ticketId, long time, Category category, String cellId, boolean onKnownCell,
      String region, String customerKey) {
    this(eventId, ticketId, time, category, cellId, onKnownCell, region, customerKey, time);
  }
}
