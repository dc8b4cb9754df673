package com.faultlink.io.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helper: a copy of a JSON line with one field (a dotted path) set to a value or removed. */
final class JsonEdit {
  /** Pass as the value to remove the field. */
  static final Object REMOVE = new Object();

  private static final ObjectMapper M = new ObjectMapper();

  private JsonEdit() {}

  static String set(String json, String dottedPath, Object value) {
    try {
      ObjectNode root = (ObjectNode) M.readTree(json);
      String[] parts = dottedPath.split("\\.");
      JsonNode node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        node = node.get(parts[i]);
      }
      ObjectNode parent = (ObjectNode) node;
      String last = parts[parts.length - 1];
      if (value == REMOVE) {
        parent.remove(last);
      } else if (value == null) {
        parent.putNull(last);
      } else {
        parent.set(last, M.valueToTree(value));
      }
      return M.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String remove(String json, String dottedPath) {
    return set(json, dottedPath, REMOVE);
  }

  /** A JSON value from its text, for set(): {@code json("{\"a\":1}")}. */
  static JsonNode json(String text) {
    try {
      return M.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
