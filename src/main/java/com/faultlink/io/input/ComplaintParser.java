package com.faultlink.io.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Reasons;
import com.faultlink.model.Category;
import com.faultlink.model.Complaint;
import com.faultlink.model.TicketStatusChange;
import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import java.io.Serializable;
import java.util.Objects;

/**
 * Turns one TMF621 {@code TroubleTicketCreateEvent} line into a {@link Complaint} located against the cell table, a
 * skip (any other event type), or a rejection.
 *
 * <p>It accepts exactly the lines the contract's checker ({@code check-outputs.py}, {@code accepted_complaints})
 * accepts when given the same cell table: the envelope, an {@code event.troubleTicket} object with a non-empty string
 * {@code id} and a {@code creationDate} that parses, and a location. Nothing else can reject a complaint: a missing,
 * unknown or non-string {@code category} is {@code other}, a malformed {@code relatedParty} means no customer key.
 *
 * <p>Location, from {@code relatedEntity} (an array of objects with {@code role} and {@code id}; where a role appears
 * twice the last one counts, as in the checker): a {@code servingCell} of the cell table gives the complaint that
 * cell's region, whatever its {@code region} entity says; otherwise the {@code region} entity's id is the region and
 * the cell, if it named one, is kept as named. A {@code region} id counts when it is "truthy" as the checker sees it
 * (a non-empty string; also, oddly, a non-zero number, {@code true}, or a non-empty array or object, written as
 * JSON text). A complaint with neither is rejected.
 *
 * <p>Customer: the first {@code relatedParty} with role {@code customer} and a string id that has digits is hashed by
 * the {@link CustomerKeyHasher}; the number itself is never kept, and no reason ever quotes anything from {@code
 * relatedParty}.
 *
 * <p>Text copied into outputs has its subscriber numbers masked ({@link SubscriberMask}): the ticket id, a cell id
 * that is not in the cell table and a region taken from the complaint. A known cell and its region are the cell
 * table's text and stay as they are (masking them would lose the match with the table). Masking is a function of
 * the text, so duplicates and joins by ticket id behave as before. {@code eventId} reaches no output.
 *
 * <p>Thread-safe; serializable with its cell table and hasher.
 */
public final class ComplaintParser implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String CREATE = "TroubleTicketCreateEvent";
  public static final String STATUS_CHANGE = "TroubleTicketStatusChangeEvent";
  public static final String RESOLVED = "TroubleTicketResolvedEvent";

  private final CellTable cells;
  private final CustomerKeyHasher hasher;
  private final SubscriberMask mask;
  private final boolean lifecycle;

  /** With the default subscriber pattern (tests, tools). */
  public ComplaintParser(CellTable cells, CustomerKeyHasher hasher) {
    this(cells, hasher, SubscriberMask.withDefaultPattern(hasher));
  }

  public ComplaintParser(CellTable cells, CustomerKeyHasher hasher, SubscriberMask mask) {
    this(cells, hasher, mask, false);
  }

  /** @param lifecycle read the ticket lifecycle events ({@code tickets.lifecycle}); else they are skipped */
  public ComplaintParser(CellTable cells, CustomerKeyHasher hasher, SubscriberMask mask, boolean lifecycle) {
    this.lifecycle = lifecycle;
    this.cells = Objects.requireNonNull(cells, "cells");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.mask = Objects.requireNonNull(mask, "mask");
  }

  public ParseResult<Complaint> parse(String line) {
    try {
      ObjectNode root = JsonLines.readObject(line);
      Envelope env = Envelope.read(root);
      boolean statusEvent = STATUS_CHANGE.equals(env.eventType()) || RESOLVED.equals(env.eventType());
      if (statusEvent && !lifecycle) {
        return ParseResult.skipped("ticket lifecycle event " + Reasons.quote(env.eventType())
            + " (tickets.lifecycle is off)");
      }
      if (!statusEvent && !CREATE.equals(env.eventType())) {
        return ParseResult.skipped("unhandled event type " + Reasons.quote(env.eventType()));
      }
      ObjectNode ticket = Fields.object(Fields.object(root, "event", "event"), "troubleTicket", "event.troubleTicket");
      String id = Fields.nonEmptyText(ticket, "id", "event.troubleTicket.id");
      if (statusEvent) {
        return ParseResult.accepted(statusChange(env, ticket, mask.mask(id)));
      }
      long time = Fields.timestamp(ticket, "creationDate", "event.troubleTicket.creationDate");
      JsonNode categoryNode = ticket.get("category");
      Category category = Category.fromText(
          categoryNode != null && categoryNode.isTextual() ? categoryNode.textValue() : null);

      // Location: the last entity of each role counts (as in the checker's dict comprehension).
      JsonNode cellIdNode = null;
      JsonNode regionIdNode = null;
      JsonNode entities = ticket.get("relatedEntity");
      if (entities != null && entities.isArray()) {
        for (JsonNode entity : entities) {
          if (!entity.isObject()) {
            continue;
          }
          JsonNode role = entity.get("role");
          if (role == null || !role.isTextual()) {
            continue;
          }
          String r = role.textValue();
          if ("servingCell".equals(r)) {
            cellIdNode = entity.get("id");
          } else if ("region".equals(r)) {
            regionIdNode = entity.get("id");
          }
        }
      }
      String cellId = cellIdNode != null && cellIdNode.isTextual() && !cellIdNode.textValue().isEmpty()
          ? cellIdNode.textValue()
          : null;
      Cell cell = cells.get(cellId);
      String region;
      if (cell != null) {
        region = cell.region();
      } else if (truthy(regionIdNode)) {
        region = regionIdNode.isValueNode() ? regionIdNode.asText() : regionIdNode.toString();
      } else {
        throw new Rejection("event.troubleTicket names no known cell and no region"
            + (cellId != null ? " (servingCell " + Reasons.quote(cellId) + " is not in the cell table)" : ""));
      }
      return ParseResult.accepted(new Complaint(env.eventId(), mask.mask(id), time, category,
          cell != null ? cellId : mask.mask(cellId), cell != null, cell != null ? region : mask.mask(region),
          customerKey(ticket), env.eventTime(), mask.mask(channelName(ticket)), severity(ticket), null));
    } catch (Rejection r) {
      return ParseResult.rejected(r.reason());
    } catch (RuntimeException e) {
      // A bug here must not stop the job; the class name is enough to find it and never echoes the line.
      return ParseResult.rejected("could not be read (" + e.getClass().getName() + ")");
    }
  }

  /** {@code channel.name} where it is a non-empty text; anything else is no channel (never a rejection). */
  private static String channelName(ObjectNode ticket) {
    JsonNode channel = ticket.get("channel");
    return channel != null && channel.isObject() ? optionalText((ObjectNode) channel, "name") : null;
  }

  private static String optionalText(ObjectNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue().trim() : null;
  }

  /**
   * A lifecycle event: {@code TroubleTicketResolvedEvent} is a move to {@code resolved} at {@code resolutionDate};
   * {@code TroubleTicketStatusChangeEvent} names its {@code status} (a non-empty text; any status not ending a ticket
   * keeps it open) and {@code statusChangeDate}.
   */
  private Complaint statusChange(Envelope env, ObjectNode ticket, String maskedId) {
    if (RESOLVED.equals(env.eventType())) {
      long time = Fields.timestamp(ticket, "resolutionDate", "event.troubleTicket.resolutionDate");
      return Complaint.statusChange(env.eventId(), maskedId, time, env.eventTime(),
          new TicketStatusChange(TicketStatusChange.RESOLVED, true, null));
    }
    String status = Fields.nonEmptyText(ticket, "status", "event.troubleTicket.status");
    long time = Fields.timestamp(ticket, "statusChangeDate", "event.troubleTicket.statusChangeDate");
    return Complaint.statusChange(env.eventId(), maskedId, time, env.eventTime(),
        new TicketStatusChange(mask.mask(status), false, null));
  }

  /** TMF621 {@code severity} where it is a non-empty text (masked like any copied text), else null: never rejects. */
  private String severity(ObjectNode ticket) {
    JsonNode s = ticket.get("severity");
    return s != null && s.isTextual() && !s.textValue().isEmpty() ? mask.mask(s.textValue()) : null;
  }

  /** The key of the first customer party with a usable number, or null. Never throws, never quotes the number. */
  private String customerKey(ObjectNode ticket) {
    JsonNode parties = ticket.get("relatedParty");
    if (parties == null || !parties.isArray()) {
      return null;
    }
    for (JsonNode party : parties) {
      if (!party.isObject()) {
        continue;
      }
      JsonNode role = party.get("role");
      JsonNode id = party.get("id");
      if (role != null && role.isTextual() && "customer".equals(role.textValue())
          && id != null && id.isTextual() && CustomerKeyHasher.hasDigit(id.textValue())) {
        return hasher.keyOf(id.textValue());
      }
    }
    return null;
  }

  /** Python's truthiness of a JSON value, as the checker's {@code region or ...} sees it. */
  static boolean truthy(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.isIntegralNumber() ? v.bigIntegerValue().signum() != 0 : v.doubleValue() != 0.0;
    }
    if (v.isContainerNode()) {
      return v.size() > 0;
    }
    return true;
  }
}
