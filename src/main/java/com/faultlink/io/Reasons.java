package com.faultlink.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Small helpers that keep rejection reasons short, printable and free of personal data: the parsers' ({@code
 * io.input}) and the timestamps' ({@link Timestamps}), which is why they sit here, below both.
 */
public final class Reasons {
  /** How much of a field's value a reason quotes. */
  public static final int MAX_QUOTED = 40;

  /**
   * Runs of digits that could be a phone number (the same shape the contract's checker looks for): masked in texts
   * that come from the JSON library, which may echo a piece of the line.
   */
  private static final Pattern NUMBER_RUN = Pattern.compile("\\+?\\d[\\d\\- ]{4,}\\d");

  private Reasons() {}

  /** The text with every invisible or control character replaced by {@code ?}, cut to {@code max} characters. */
  public static String printable(String text, int max) {
    if (text == null) {
      return "no reason given";
    }
    StringBuilder sb = null;
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      boolean ok = isPrintable(cp);
      if (!ok && sb == null) {
        sb = new StringBuilder(n).append(text, 0, i);
      }
      if (sb != null) {
        if (ok) {
          sb.appendCodePoint(cp);
        } else {
          sb.append('?');
        }
      }
      i += len;
    }
    String s = sb == null ? text : sb.toString();
    return cut(s, max);
  }

  /** A field value as quoted in a reason: printable, cut to {@link #MAX_QUOTED} characters. */
  public static String quote(String value) {
    return "'" + printable(value, MAX_QUOTED) + "'";
  }

  /** Digit runs that might be a subscriber number replaced by {@code #}. */
  public static String maskNumbers(String text) {
    return NUMBER_RUN.matcher(text).replaceAll("#");
  }

  /** "a string", "a number", "an object"... for "X is a number, expected a string". */
  public static String typeOf(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    switch (node.getNodeType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
    }
  }

  public static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "\u2026";
  }

  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.PRIVATE_USE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
