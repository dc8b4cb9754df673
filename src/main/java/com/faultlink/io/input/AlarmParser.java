package com.faultlink.io.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Reasons;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import java.io.Serializable;

/**
 * Turns one TMF642 alarm notification line into a raise or a clear, a skip, or a rejection.
 *
 * <ul>
 *   <li>{@code AlarmCreateEvent}: a raise. {@code event.alarm} needs non-empty string {@code id} and {@code
 *       sourceSystemId}, a string {@code probableCause}, an {@code alarmedObject} with a non-empty string {@code id}
 *       (optional string {@code @referredType}) and an {@code alarmRaisedTime}. Optional {@code
 *       plannedOutageIndicator}: the string {@code OUT_OF_SERVICE} marks planned work, any other string does not, any
 *       other JSON type is a rejection.
 *   <li>{@code AlarmClearedEvent}, or {@code AlarmStateChangeEvent} whose alarm {@code state} is {@code cleared} (any
 *       case): a clear. It needs {@code id}, {@code sourceSystemId} and {@code alarmClearedTime}; {@code
 *       alarmedObject} and {@code probableCause} may be absent, but must be well-formed where present. A clear's
 *       {@code plannedOutageIndicator} is read leniently (only the string {@code OUT_OF_SERVICE} counts) and never
 *       rejects it.
 *   <li>{@code AlarmAttributeValueChangeEvent} whose alarm {@code ackState} is {@code acknowledged} (any case): an
 *       acknowledgement, at its {@code alarmChangedTime} (else {@code ackTime}). It needs {@code id} and {@code
 *       sourceSystemId}; {@code alarmedObject} is optional. One that lacks any of these, or has a time that does not
 *       parse, is skipped with the reason, never rejected: the contract names the event type as ignored, and
 *       FaultLink only adds a use for the well-formed ones.
 *   <li>A state change to any other state (or without one), any other {@code AlarmAttributeValueChangeEvent}, {@code
 *       AlarmDeleteEvent} and every other event type: skipped.
 * </ul>
 *
 * <p>Subscriber numbers in {@code sourceSystemId} and {@code id}, which make the outage id in every output, are
 * masked ({@link SubscriberMask}); the raise and clear of one alarm are masked alike, so they still pair. The
 * alarmed object's id is not: an outage's is a cell of the cell table (reference data, not copied input), and
 * masking it would lose the match with the table. {@code eventId} reaches no output.
 *
 * <p>Thread-safe and stateless; cheap to create and to serialize.
 */
public final class AlarmParser implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String CREATE = "AlarmCreateEvent";
  public static final String CLEARED = "AlarmClearedEvent";
  public static final String STATE_CHANGE = "AlarmStateChangeEvent";
  public static final String ATTRIBUTE_VALUE_CHANGE = "AlarmAttributeValueChangeEvent";
  public static final String DELETE = "AlarmDeleteEvent";
  public static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

  private final SubscriberMask mask;

  /** With the default subscriber pattern and the development key (tests, tools). */
  public AlarmParser() {
    this(SubscriberMask.withDefaultPattern(new CustomerKeyHasher(com.faultlink.config.ConfigLoader.DEVELOPMENT_SECRET)));
  }

  public AlarmParser(SubscriberMask mask) {
    this.mask = java.util.Objects.requireNonNull(mask, "mask");
  }

  public ParseResult<AlarmEvent> parse(String line) {
    // Most lines are well-formed raises and clears: read those without a JSON tree; the rest below.
    AlarmEvent fast = FastAlarmLine.tryRead(line);
    ParseResult<AlarmEvent> result = fast != null ? ParseResult.accepted(fast) : parseTree(line);
    return result.isAccepted() ? ParseResult.accepted(masked(result.value())) : result;
  }

  /** The event with the subscriber numbers of its outage-id parts masked; itself where there are none. */
  private AlarmEvent masked(AlarmEvent a) {
    String source = mask.mask(a.sourceSystemId());
    String id = mask.mask(a.alarmId());
    if (source == a.sourceSystemId() && id == a.alarmId()) {
      return a;
    }
    return new AlarmEvent(a.eventId(), a.kind(), source, id, a.objectId(), a.objectType(), a.probableCause(),
        a.plannedOutOfService(), a.time(), a.eventTime());
  }

  /** The whole contract's rules on the line's JSON tree: every rejection and skip, with its reason. */
  ParseResult<AlarmEvent> parseTree(String line) {
    try {
      ObjectNode root = JsonLines.readObject(line);
      Envelope env = Envelope.read(root);
      String type = env.eventType();
      switch (type) {
        case CREATE:
          return ParseResult.accepted(raise(alarm(root), env));
        case CLEARED:
          return ParseResult.accepted(clear(alarm(root), env));
        case STATE_CHANGE: {
          ObjectNode alarm = alarm(root);
          String state = Fields.optionalText(alarm, "state", "event.alarm.state");
          if (state != null && state.equalsIgnoreCase("cleared")) {
            return ParseResult.accepted(clear(alarm, env));
          }
          return ParseResult.skipped(state == null
              ? "ignored event type " + STATE_CHANGE + " without event.alarm.state: not a clear"
              : "ignored event type " + STATE_CHANGE + " to state " + Reasons.quote(state) + ": not a clear");
        }
        case ATTRIBUTE_VALUE_CHANGE: {
          ObjectNode alarm = alarm(root);
          String ack = Fields.optionalText(alarm, "ackState", "event.alarm.ackState");
          if (ack == null || !ack.equalsIgnoreCase("acknowledged")) {
            return ParseResult.skipped("ignored event type " + type + ": not an acknowledgement");
          }
          try {
            return ParseResult.accepted(acknowledge(alarm, env));
          } catch (Rejection notUsable) {
            return ParseResult.skipped("acknowledgement not used: " + notUsable.reason());
          }
        }
        case DELETE:
          return ParseResult.skipped("ignored event type " + type);
        default:
          return ParseResult.skipped("unhandled event type " + Reasons.quote(type));
      }
    } catch (Rejection r) {
      return ParseResult.rejected(r.reason());
    } catch (RuntimeException e) {
      // A bug here must not stop the job; the class name is enough to find it and never echoes the line.
      return ParseResult.rejected("could not be read (" + e.getClass().getName() + ")");
    }
  }

  private static ObjectNode alarm(ObjectNode root) {
    return Fields.object(Fields.object(root, "event", "event"), "alarm", "event.alarm");
  }

  private static AlarmEvent raise(ObjectNode alarm, Envelope env) {
    String id = Fields.nonEmptyText(alarm, "id", "event.alarm.id");
    String source = Fields.nonEmptyText(alarm, "sourceSystemId", "event.alarm.sourceSystemId");
    String cause = Fields.text(alarm, "probableCause", "event.alarm.probableCause");
    ObjectNode object = Fields.object(alarm, "alarmedObject", "event.alarm.alarmedObject");
    String objectId = Fields.nonEmptyText(object, "id", "event.alarm.alarmedObject.id");
    String objectType = Fields.optionalText(object, "@referredType", "event.alarm.alarmedObject.@referredType");
    long raised = Fields.timestamp(alarm, "alarmRaisedTime", "event.alarm.alarmRaisedTime");
    String planned = Fields.optionalText(alarm, "plannedOutageIndicator", "event.alarm.plannedOutageIndicator");
    return new AlarmEvent(env.eventId(), AlarmKind.RAISE, source, id, objectId, objectType, cause,
        OUT_OF_SERVICE.equals(planned), raised, env.eventTime());
  }

  private static AlarmEvent acknowledge(ObjectNode alarm, Envelope env) {
    String id = Fields.nonEmptyText(alarm, "id", "event.alarm.id");
    String source = Fields.nonEmptyText(alarm, "sourceSystemId", "event.alarm.sourceSystemId");
    ObjectNode object = Fields.optionalObject(alarm, "alarmedObject", "event.alarm.alarmedObject");
    String objectId = null;
    String objectType = null;
    if (object != null) {
      objectId = Fields.optionalText(object, "id", "event.alarm.alarmedObject.id");
      objectType = Fields.optionalText(object, "@referredType", "event.alarm.alarmedObject.@referredType");
    }
    String field = alarm.hasNonNull("alarmChangedTime") ? "alarmChangedTime" : "ackTime";
    long at = Fields.timestamp(alarm, field, "event.alarm." + field);
    return new AlarmEvent(env.eventId(), AlarmKind.ACK, source, id, objectId, objectType, null, false, at,
        env.eventTime());
  }

  private static AlarmEvent clear(ObjectNode alarm, Envelope env) {
    String id = Fields.nonEmptyText(alarm, "id", "event.alarm.id");
    String source = Fields.nonEmptyText(alarm, "sourceSystemId", "event.alarm.sourceSystemId");
    String cause = Fields.optionalText(alarm, "probableCause", "event.alarm.probableCause");
    ObjectNode object = Fields.optionalObject(alarm, "alarmedObject", "event.alarm.alarmedObject");
    String objectId = null;
    String objectType = null;
    if (object != null) {
      objectId = Fields.nonEmptyText(object, "id", "event.alarm.alarmedObject.id");
      objectType = Fields.optionalText(object, "@referredType", "event.alarm.alarmedObject.@referredType");
    }
    long cleared = Fields.timestamp(alarm, "alarmClearedTime", "event.alarm.alarmClearedTime");
    JsonNode planned = alarm.get("plannedOutageIndicator");
    boolean outOfService = planned != null && planned.isTextual() && OUT_OF_SERVICE.equals(planned.textValue());
    return new AlarmEvent(env.eventId(), AlarmKind.CLEAR, source, id, objectId, objectType, cause,
        outOfService, cleared, env.eventTime());
  }
}
