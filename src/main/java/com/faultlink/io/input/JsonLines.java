package com.faultlink.io.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Reasons;

/**
 * Reads one input line into a JSON object, or rejects it with a reason.
 *
 * <p>One mapper for the whole JVM: an {@link ObjectMapper} is thread-safe once configured, and a static one needs no
 * care when Flink serializes the functions that hold a parser. Its reasons never echo the line
 * ({@code INCLUDE_SOURCE_IN_LOCATION} off) and digit runs that the JSON library quotes from a bad token are masked,
 * so no subscriber number reaches a reason.
 *
 * <p>Accepts what Python's {@code json.loads} (the contract checker) accepts, so that the same lines count as
 * accepted on both sides: {@code NaN}, {@code Infinity} and {@code -Infinity} are allowed as numbers (Jackson also
 * takes {@code +Infinity} and {@code ±INF}, which Python does not); a leading byte-order mark is not; duplicate keys
 * keep the last value.
 */
final class JsonLines {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** Jackson's long list of what a value may be, said shorter in reasons. */
  private static final String JACKSON_VALUES_NAN =
      "(JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false')";

  private static final String JACKSON_VALUES =
      "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

  private JsonLines() {}

  /** The line's JSON object. @throws Rejection when the line is not one */
  static ObjectNode readObject(String line) {
    if (line == null || isJsonWhitespace(line)) {
      throw new Rejection("empty line");
    }
    if (line.charAt(0) == '\uFEFF') {
      throw new Rejection("not valid JSON: the line starts with a byte-order mark (U+FEFF)");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new Rejection("not valid JSON: " + describe(e));
    }
    if (node == null || node.isMissingNode()) {
      throw new Rejection("empty line");
    }
    if (!node.isObject()) {
      throw new Rejection("not a JSON object but " + Reasons.typeOf(node));
    }
    return (ObjectNode) node;
  }

  /** Jackson's complaint, lower-case first, without its source excerpt, with the line and column where it stopped. */
  static String describe(JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    if (e instanceof JsonEOFException) {
      msg = "unexpected end of input";
    } else if (e instanceof MismatchedInputException && msg != null && msg.startsWith("Trailing token")) {
      msg = "more content after the JSON object";
    } else if (msg == null || msg.isBlank()) {
      msg = e.getClass().getSimpleName();
    } else {
      int cut = msg.indexOf('\n');
      if (cut >= 0) {
        msg = msg.substring(0, cut);
      }
      msg = withoutSourceReferences(msg);
      msg = withoutFeatureHint(msg);
      msg = msg.replace("a valid value " + JACKSON_VALUES_NAN, "a JSON value")
          .replace("a valid value " + JACKSON_VALUES, "a JSON value")
          .replace(JACKSON_VALUES_NAN, "a JSON value")
          .replace(JACKSON_VALUES, "a JSON value");
      msg = Reasons.maskNumbers(msg);
      if (!msg.isEmpty() && Character.isUpperCase(msg.charAt(0))
          && (msg.length() == 1 || !Character.isUpperCase(msg.charAt(1)))) {
        msg = Character.toLowerCase(msg.charAt(0)) + msg.substring(1);
      }
      msg = Reasons.cut(Reasons.printable(msg, 400), 200);
    }
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      msg += " at line " + at.getLineNr() + " column " + at.getColumnNr();
    }
    return msg;
  }

  /**
   * Drops Jackson's parenthesised pointers to where a structure started, e.g. {@code (start marker at [Source:
   * REDACTED ...; line: 1, column: 1])} or {@code (for Array starting at [Source: ...])}: the reason already ends
   * with the line and column where reading stopped.
   */
  private static String withoutSourceReferences(String msg) {
    int at;
    while ((at = msg.indexOf("[Source:")) >= 0) {
      int open = msg.lastIndexOf(" (", at);
      int close = msg.indexOf("])", at);
      if (open < 0 || close < 0) {
        return msg.substring(0, open >= 0 ? open : at).trim();
      }
      msg = msg.substring(0, open) + msg.substring(close + 2);
    }
    return msg;
  }

  /**
   * Drops Jackson's advice to programmers at the end of a message ({@code ...: enable
   * `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow}): operators cannot act on it.
   */
  private static String withoutFeatureHint(String msg) {
    int tick = msg.indexOf("Feature.");
    if (tick < 0) {
      return msg;
    }
    tick = msg.lastIndexOf('`', tick);
    if (tick < 0) {
      return msg;
    }
    int clause = Math.max(Math.max(msg.lastIndexOf(':', tick), msg.lastIndexOf(';', tick)),
        Math.max(msg.lastIndexOf('(', tick), msg.lastIndexOf(',', tick)));
    return clause > 0 ? msg.substring(0, clause).trim() : msg;
  }

  private static boolean isJsonWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
