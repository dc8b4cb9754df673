package com.faultlink.io.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.faultlink.io.Timestamps;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;

/**
 * The fast path of {@link AlarmParser}: reads a well-formed raise or clear straight off Jackson's token stream,
 * without building a JSON tree (the tree costs most of the parse on a replay of millions of alarms).
 *
 * <p>It only ever accepts: for a line that is in any way unusual — not an object, a missing, null or wrongly
 * typed field the event needs, a repeated key, trailing content, a skipped event type, anything it cannot
 * read — it answers null and the ordinary tree parser decides, with its exact reasons. Where it accepts, it
 * builds exactly the event the tree parser builds (checked line by line against it in the tests).
 */
final class FastAlarmLine {
  // What a field held: absent (or JSON null, which the tree parser treats alike for optional fields), a
  // string, or something else.
  private static final byte ABSENT = 0;
  private static final byte NULL = 1;
  private static final byte TEXT = 2;
  private static final byte OBJECT = 3;
  private static final byte OTHER = 4;

  private String eventId;
  private String eventType;
  private String eventTime;
  private byte eventShape;
  private byte alarmShape;
  private String id;
  private byte idKind;
  private String source;
  private byte sourceKind;
  private String cause;
  private byte causeKind;
  private String state;
  private byte stateKind;
  private String raised;
  private byte raisedKind;
  private String cleared;
  private byte clearedKind;
  private String planned;
  private byte plannedKind;
  private byte objectShape;
  private String objectId;
  private byte objectIdKind;
  private String objectType;
  private byte objectTypeKind;

  private FastAlarmLine() {}

  /** The raise or clear the line holds, or null where the tree parser must decide. */
  static AlarmEvent tryRead(String line) {
    if (line == null || line.isEmpty() || line.charAt(0) != '{') {
      return null;
    }
    try (JsonParser p = JsonLines.MAPPER.createParser(line)) {
      FastAlarmLine f = new FastAlarmLine();
      if (p.nextToken() != JsonToken.START_OBJECT || !f.readRoot(p) || p.nextToken() != null) {
        return null;
      }
      return f.event();
    } catch (Exception e) {
      return null;
    }
  }

  private boolean readRoot(JsonParser p) throws Exception {
    int seen = 0;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      int bit;
      switch (name) {
        case "eventId" -> {
          bit = 1;
          if (t != JsonToken.VALUE_STRING) {
            return false;
          }
          eventId = p.getText();
        }
        case "eventType" -> {
          bit = 2;
          if (t != JsonToken.VALUE_STRING) {
            return false;
          }
          eventType = p.getText();
        }
        case "eventTime" -> {
          bit = 4;
          if (t != JsonToken.VALUE_STRING) {
            return false;
          }
          eventTime = p.getText();
        }
        case "event" -> {
          bit = 8;
          if (t != JsonToken.START_OBJECT || !readEvent(p)) {
            return false;
          }
          eventShape = OBJECT;
        }
        default -> {
          p.skipChildren();
          continue;
        }
      }
      if ((seen & bit) != 0) {
        return false; // a repeated key: the tree keeps the last one; leave that to it
      }
      seen |= bit;
    }
    return p.currentToken() == JsonToken.END_OBJECT;
  }

  private boolean readEvent(JsonParser p) throws Exception {
    boolean alarmSeen = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (name.equals("alarm")) {
        if (alarmSeen || t != JsonToken.START_OBJECT || !readAlarm(p)) {
          return false;
        }
        alarmSeen = true;
        alarmShape = OBJECT;
      } else {
        p.skipChildren();
      }
    }
    return true;
  }

  private boolean readAlarm(JsonParser p) throws Exception {
    int seen = 0;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      int bit;
      switch (name) {
        case "id" -> {
          bit = 1;
          idKind = kind(t);
          id = text(p, t);
        }
        case "sourceSystemId" -> {
          bit = 2;
          sourceKind = kind(t);
          source = text(p, t);
        }
        case "probableCause" -> {
          bit = 4;
          causeKind = kind(t);
          cause = text(p, t);
        }
        case "state" -> {
          bit = 8;
          stateKind = kind(t);
          state = text(p, t);
        }
        case "alarmRaisedTime" -> {
          bit = 16;
          raisedKind = kind(t);
          raised = text(p, t);
        }
        case "alarmClearedTime" -> {
          bit = 32;
          clearedKind = kind(t);
          cleared = text(p, t);
        }
        case "plannedOutageIndicator" -> {
          bit = 64;
          plannedKind = kind(t);
          planned = text(p, t);
        }
        case "alarmedObject" -> {
          bit = 128;
          objectShape = kind(t);
          if (t == JsonToken.START_OBJECT && !readObject(p)) {
            return false;
          }
        }
        default -> {
          p.skipChildren();
          continue;
        }
      }
      if ((seen & bit) != 0) {
        return false;
      }
      seen |= bit;
      if (t == JsonToken.START_ARRAY || (t == JsonToken.START_OBJECT && bit != 128)) {
        p.skipChildren();
      }
    }
    return true;
  }

  private boolean readObject(JsonParser p) throws Exception {
    int seen = 0;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      int bit;
      if (name.equals("id")) {
        bit = 1;
        objectIdKind = kind(t);
        objectId = text(p, t);
      } else if (name.equals("@referredType")) {
        bit = 2;
        objectTypeKind = kind(t);
        objectType = text(p, t);
      } else {
        p.skipChildren();
        continue;
      }
      if ((seen & bit) != 0) {
        return false;
      }
      seen |= bit;
      p.skipChildren();
    }
    return true;
  }

  private static byte kind(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> TEXT;
      case VALUE_NULL -> NULL;
      case START_OBJECT -> OBJECT;
      default -> OTHER;
    };
  }

  private static String text(JsonParser p, JsonToken t) throws Exception {
    return t == JsonToken.VALUE_STRING ? p.getText() : null;
  }

  /** The event, where every field it needs is there and well-formed; else null. */
  private AlarmEvent event() {
    if (eventId == null || eventId.isEmpty() || eventType == null || eventTime == null
        || eventShape != OBJECT || alarmShape != OBJECT) {
      return null;
    }
    long sent = Timestamps.tryParse(eventTime);
    if (sent == Timestamps.INVALID) {
      return null;
    }
    switch (eventType) {
      case AlarmParser.CREATE:
        return raise(sent);
      case AlarmParser.CLEARED:
        return clear(sent);
      case AlarmParser.STATE_CHANGE:
        return stateKind == TEXT && state.equalsIgnoreCase("cleared") ? clear(sent) : null;
      default:
        return null;
    }
  }

  private boolean idAndSource() {
    return idKind == TEXT && !id.isEmpty() && sourceKind == TEXT && !source.isEmpty();
  }

  /** An optional text field: absent or null is fine (null), a string is its value, anything else is not. */
  private static boolean optionalOk(byte kind) {
    return kind == ABSENT || kind == NULL || kind == TEXT;
  }

  private AlarmEvent raise(long sent) {
    if (!idAndSource() || causeKind != TEXT || objectShape != OBJECT || objectIdKind != TEXT || objectId.isEmpty()
        || !optionalOk(objectTypeKind) || raisedKind != TEXT || !optionalOk(plannedKind)) {
      return null;
    }
    long time = Timestamps.tryParse(raised);
    if (time == Timestamps.INVALID) {
      return null;
    }
    return new AlarmEvent(eventId, AlarmKind.RAISE, source, id, objectId, objectType, cause,
        AlarmParser.OUT_OF_SERVICE.equals(planned), time, sent);
  }

  private AlarmEvent clear(long sent) {
    if (!idAndSource() || !optionalOk(causeKind) || clearedKind != TEXT) {
      return null;
    }
    String oid = null;
    String otype = null;
    if (objectShape == OBJECT) {
      if (objectIdKind != TEXT || objectId.isEmpty() || !optionalOk(objectTypeKind)) {
        return null;
      }
      oid = objectId;
      otype = objectType;
    } else if (objectShape != ABSENT && objectShape != NULL) {
      return null;
    }
    long time = Timestamps.tryParse(cleared);
    if (time == Timestamps.INVALID) {
      return null;
    }
    // A clear's plannedOutageIndicator is read leniently: only the string OUT_OF_SERVICE counts.
    return new AlarmEvent(eventId, AlarmKind.CLEAR, source, id, oid, otype, cause,
        plannedKind == TEXT && AlarmParser.OUT_OF_SERVICE.equals(planned), time, sent);
  }
}
