package com.faultlink.model;

/**
 * What a TMF621 lifecycle event says of its ticket (contract "Ticket lifecycle").
 *
 * @param status as written: {@code resolved}, {@code closed} and {@code cancelled} end a ticket, any other keeps it
 *     open
 * @param resolvedEvent a {@code TroubleTicketResolvedEvent} (its time is {@code resolutionDate}), else a {@code
 *     TroubleTicketStatusChangeEvent} ({@code statusChangeDate})
 * @param line the input line, kept until the ticket is known: a status stated before its ticket's creation is
 *     rejected to the dead letters whole; null once not needed
 */
public record TicketStatusChange(String status, boolean resolvedEvent, String line) {
  public static final String RESOLVED = "resolved";
  public static final String CLOSED = "closed";
  public static final String CANCELLED = "cancelled";

  public boolean resolves() {
    return RESOLVED.equals(status) || CLOSED.equals(status);
  }

  public boolean cancels() {
    return CANCELLED.equals(status);
  }

  public String timeField() {
    return resolvedEvent ? "resolutionDate" : "statusChangeDate";
  }

  public TicketStatusChange withLine(String l) {
    return new TicketStatusChange(status, resolvedEvent, l);
  }
}
