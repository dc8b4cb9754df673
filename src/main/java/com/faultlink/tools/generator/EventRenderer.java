package com.faultlink.tools.generator;

import java.util.List;

/**
 * Writes events in the contract's shapes (TMF642 alarm notifications, TMF621 trouble-ticket notifications,
 * planned works) as single JSON lines. Field order is fixed, so the same event always gives the same bytes.
 */
final class EventRenderer {
  private final LineBuilder b = new LineBuilder();

  /**
   * One alarm as its raise described it.
   *
   * @param specificProblem the vendor's own text, or null
   * @param plannedIndicator {@code plannedOutageIndicator}, or null for none
   */
  record Alarm(
      String sourceSystemId,
      String id,
      String alarmType,
      String severity,
      String probableCause,
      String specificProblem,
      String objectId,
      String objectType,
      long raised,
      String plannedIndicator) {}

  /** {@code AlarmCreateEvent}; its {@code eventTime} is the raise time. */
  byte[] raise(String eventId, Alarm a) {
    head(eventId, "AlarmCreateEvent", a.raised());
    b.raw("\"event\":{\"alarm\":{\"id\":").str(a.id())
        .raw(",\"alarmType\":").str(a.alarmType())
        .raw(",\"state\":\"raised\",\"perceivedSeverity\":").str(a.severity())
        .raw(",\"probableCause\":").str(a.probableCause());
    if (a.specificProblem() != null) {
      b.raw(",\"specificProblem\":").str(a.specificProblem());
    }
    object(a);
    b.raw(",\"alarmRaisedTime\":").time(a.raised())
        .raw(",\"sourceSystemId\":").str(a.sourceSystemId());
    if (a.plannedIndicator() != null) {
      b.raw(",\"plannedOutageIndicator\":").str(a.plannedIndicator());
    }
    return b.raw("}}}").toBytes();
  }

  /**
   * A clear, in TMF642's own shape ({@code AlarmStateChangeEvent} with state cleared) or as the common
   * {@code AlarmClearedEvent}; its {@code eventTime} is the clear time.
   */
  byte[] clear(String eventId, Alarm a, long cleared, boolean stateChangeShape) {
    head(eventId, stateChangeShape ? "AlarmStateChangeEvent" : "AlarmClearedEvent", cleared);
    b.raw("\"event\":{\"alarm\":{\"id\":").str(a.id())
        .raw(",\"alarmType\":").str(a.alarmType())
        .raw(",\"state\":\"cleared\",\"perceivedSeverity\":\"cleared\",\"probableCause\":").str(a.probableCause());
    object(a);
    b.raw(",\"alarmRaisedTime\":").time(a.raised())
        .raw(",\"alarmClearedTime\":").time(cleared)
        .raw(",\"sourceSystemId\":").str(a.sourceSystemId());
    return b.raw("}}}").toBytes();
  }

  /**
   * {@code AlarmAttributeValueChangeEvent}: an operator acknowledged the alarm (and maybe changed its
   * severity). Carries no raise or clear time: its {@code eventTime} is the change itself, also given as
   * {@code alarmChangedTime}.
   */
  byte[] acknowledge(String eventId, Alarm a, long at, String severity, String operator) {
    head(eventId, "AlarmAttributeValueChangeEvent", at);
    b.raw("\"event\":{\"alarm\":{\"id\":").str(a.id())
        .raw(",\"state\":\"raised\",\"perceivedSeverity\":").str(severity)
        .raw(",\"ackState\":\"acknowledged\",\"ackUserId\":").str(operator);
    object(a);
    b.raw(",\"alarmChangedTime\":").time(at)
        .raw(",\"sourceSystemId\":").str(a.sourceSystemId());
    return b.raw("}}}").toBytes();
  }

  /**
   * {@code TroubleTicketCreateEvent} for one complaint; its {@code eventTime} is the creation date.
   *
   * @param category null to leave it out
   * @param cellId the serving cell, or null for none
   * @param region the region entity, or null for none
   * @param description free text, or null
   */
  byte[] complaint(String eventId, String ticketId, long created, String category, String severity, String channel,
      String customer, String cellId, String region, String description) {
    head(eventId, "TroubleTicketCreateEvent", created);
    b.raw("\"event\":{\"troubleTicket\":{\"id\":").str(ticketId)
        .raw(",\"ticketType\":\"complaint\"");
    if (category != null) {
      b.raw(",\"category\":").str(category);
    }
    b.raw(",\"creationDate\":").time(created)
        .raw(",\"severity\":").str(severity);
    if (description != null) {
      b.raw(",\"description\":").str(description);
    }
    b.raw(",\"channel\":{\"name\":").str(channel)
        .raw("},\"relatedParty\":[{\"role\":\"customer\",\"id\":").str(customer)
        .raw("}],\"relatedEntity\":[");
    if (cellId != null) {
      b.raw("{\"role\":\"servingCell\",\"id\":").str(cellId).raw(",\"@referredType\":\"Cell\"}");
    }
    if (region != null) {
      if (cellId != null) {
        b.raw(",");
      }
      b.raw("{\"role\":\"region\",\"id\":").str(region).raw(",\"@referredType\":\"GeographicArea\"}");
    }
    return b.raw("]}}}").toBytes();
  }

  /** A planned work, in the works file's shape. */
  byte[] work(String id, long start, long end, List<String> cells, List<String> regions, boolean announced) {
    b.reset().raw("{\"id\":").str(id)
        .raw(",\"start\":").time(start)
        .raw(",\"end\":").time(end)
        .raw(",\"cells\":");
    list(cells);
    b.raw(",\"regions\":");
    list(regions);
    return b.raw(",\"announced\":").raw(Boolean.toString(announced)).raw("}").toBytes();
  }

  private void head(String eventId, String eventType, long eventTime) {
    b.reset().raw("{\"eventId\":").str(eventId)
        .raw(",\"eventType\":").str(eventType)
        .raw(",\"eventTime\":").time(eventTime)
        .raw(",");
  }

  private void object(Alarm a) {
    b.raw(",\"alarmedObject\":{\"id\":").str(a.objectId())
        .raw(",\"@referredType\":").str(a.objectType()).raw("}");
  }

  private void list(List<String> items) {
    b.raw("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        b.raw(",");
      }
      b.str(items.get(i));
    }
    b.raw("]");
  }

  /**
   * {@code TroubleTicketStatusChangeEvent}: the ticket moved to {@code status} at {@code at} ({@code
   * statusChangeDate}, also its {@code eventTime}).
   */
  byte[] statusChange(String eventId, String ticketId, String status, long at) {
    head(eventId, "TroubleTicketStatusChangeEvent", at);
    b.raw("\"event\":{\"troubleTicket\":{\"id\":").str(ticketId)
        .raw(",\"status\":").str(status)
        .raw(",\"statusChangeDate\":").time(at);
    return b.raw("}}}").toBytes();
  }

  /** {@code TroubleTicketResolvedEvent}: resolved at {@code at} ({@code resolutionDate}, also its {@code eventTime}). */
  byte[] resolved(String eventId, String ticketId, long at) {
    head(eventId, "TroubleTicketResolvedEvent", at);
    b.raw("\"event\":{\"troubleTicket\":{\"id\":").str(ticketId)
        .raw(",\"status\":\"resolved\",\"resolutionDate\":").time(at);
    return b.raw("}}}").toBytes();
  }
}
