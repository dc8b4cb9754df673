package com.faultlink.io.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Reasons;
import com.faultlink.io.Timestamps;

/**
 * Typed access to a JSON object's fields; each getter either returns the value or throws a {@link Rejection} that
 * names the field's path and what is wrong ({@code event.alarm.alarmRaisedTime is a number, expected a timestamp
 * string}). Null in JSON counts as absent for optional fields and as a wrong type for required ones.
 */
final class Fields {
  private Fields() {}

  static JsonNode required(JsonNode parent, String name, String path) {
    JsonNode v = parent.get(name);
    if (v == null) {
      throw new Rejection(path + " is missing");
    }
    return v;
  }

  /** The value, or null where the field is absent or JSON null. */
  static JsonNode optional(JsonNode parent, String name) {
    JsonNode v = parent.get(name);
    return v == null || v.isNull() ? null : v;
  }

  static ObjectNode object(JsonNode parent, String name, String path) {
    JsonNode v = required(parent, name, path);
    if (!v.isObject()) {
      throw wrongType(path, v, "an object");
    }
    return (ObjectNode) v;
  }

  static ObjectNode optionalObject(JsonNode parent, String name, String path) {
    JsonNode v = optional(parent, name);
    if (v != null && !v.isObject()) {
      throw wrongType(path, v, "an object");
    }
    return (ObjectNode) v;
  }

  static String nonEmptyText(JsonNode parent, String name, String path) {
    JsonNode v = required(parent, name, path);
    if (!v.isTextual()) {
      throw wrongType(path, v, "a non-empty string");
    }
    String s = v.textValue();
    if (s.isEmpty()) {
      throw new Rejection(path + " is empty");
    }
    return s;
  }

  static String text(JsonNode parent, String name, String path) {
    JsonNode v = required(parent, name, path);
    if (!v.isTextual()) {
      throw wrongType(path, v, "a string");
    }
    return v.textValue();
  }

  static String optionalText(JsonNode parent, String name, String path) {
    JsonNode v = optional(parent, name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrongType(path, v, "a string");
    }
    return v.textValue();
  }

  static long timestamp(JsonNode parent, String name, String path) {
    JsonNode v = required(parent, name, path);
    if (!v.isTextual()) {
      throw wrongType(path, v, "a timestamp string");
    }
    String s = v.textValue();
    long t = Timestamps.tryParse(s);
    if (t == Timestamps.INVALID) {
      throw new Rejection(Timestamps.describeInvalid(path, s));
    }
    return t;
  }

  static Rejection wrongType(String path, JsonNode v, String expected) {
    return new Rejection(path + " is " + Reasons.typeOf(v) + ", expected " + expected);
  }
}
