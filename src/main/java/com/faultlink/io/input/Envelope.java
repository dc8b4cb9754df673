package com.faultlink.io.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every alarm and complaint line must carry: a non-empty string {@code eventId}, a string {@code eventType} and
 * an {@code eventTime} that parses.
 */
record Envelope(String eventId, String eventType, long eventTime) {

  static Envelope read(ObjectNode root) {
    JsonNode id = root.get("eventId");
    if (id == null) {
      throw new Rejection("missing eventId");
    }
    if (!id.isTextual()) {
      throw Fields.wrongType("eventId", id, "a non-empty string");
    }
    if (id.textValue().isEmpty()) {
      throw new Rejection("eventId is empty");
    }
    JsonNode type = root.get("eventType");
    if (type == null) {
      throw new Rejection("missing eventType");
    }
    if (!type.isTextual()) {
      throw Fields.wrongType("eventType", type, "a string");
    }
    if (root.get("eventTime") == null) {
      throw new Rejection("missing eventTime");
    }
    long time = Fields.timestamp(root, "eventTime", "eventTime");
    return new Envelope(id.textValue(), type.textValue(), time);
  }
}
