package com.faultlink.tickets;

import com.faultlink.model.Attribution;
import com.faultlink.model.Complaint;
import com.faultlink.model.TicketStatusChange;
import java.io.Serializable;

/**
 * What the lifecycle of one ticket hears: its creation (with its tier and deadline), its attribution to an outage,
 * or a status change. Fields a kind does not use are null.
 */
public record TicketFact(Kind kind, String ticketId, long time, String region, String cellId, String tier,
    Long deadline, String outageId, TicketStatusChange status) implements Serializable {

  public enum Kind { CREATED, ATTRIBUTED, STATUS }

  public static TicketFact created(Complaint c, String tier, long deadline) {
    return new TicketFact(Kind.CREATED, c.ticketId(), c.time(), c.region(), c.cellId(), tier, deadline, null, null);
  }

  public static TicketFact attributed(Attribution a) {
    return new TicketFact(Kind.ATTRIBUTED, a.complaintId(), a.complaintTime(), a.region(), a.cellId(), null, null,
        a.outageId(), null);
  }

  public static TicketFact status(Complaint c) {
    return new TicketFact(Kind.STATUS, c.ticketId(), c.time(), null, null, null, null, null, c.statusChange());
  }
}
