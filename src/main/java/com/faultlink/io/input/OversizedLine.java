package com.faultlink.io.input;

import java.nio.charset.StandardCharsets;

/**
 * How a reader hands on a line longer than {@code input.maxLineBytes}: not the line (it was never held whole),
 * but its length and its first bytes, marked so that {@link ParseLines} dead-letters it with {@code truncated:
 * true} instead of parsing it.
 *
 * <p>The mark is a lone low surrogate (U+DC00) before the length and again after it: {@code \uDC00<bytes>\uDC00
 * <first bytes as text>}. A line decoded from bytes can never hold a lone surrogate, because UTF-8 decoding (the
 * file reader's and the Kafka deserializer's, both with replacement) turns every ill-formed sequence, encoded
 * surrogates included, into U+FFFD. So no input line, however hostile, can pass for a cut one, and a cut one is
 * never valid JSON. The streams between the readers and the parsers stay plain {@code String}s, which every
 * operator between them (pacing, throttling, Kafka timing) already handles.
 */
public final class OversizedLine {
  static final char MARK = '\uDC00';

  private OversizedLine() {}

  /**
   * The marked line of a line of {@code totalBytes} bytes of which {@code kept} bytes from {@code off} are at
   * hand; at most {@code maxBytes} of them are kept, cut back to the start of a UTF-8 character.
   */
  public static String of(long totalBytes, byte[] kept, int off, int len, int maxBytes) {
    int n = Math.min(len, maxBytes);
    // Do not split a character: back up over continuation bytes (10xxxxxx) to the first byte left out.
    while (n > 0 && n < len && (kept[off + n] & 0xC0) == 0x80) {
      n--;
    }
    return MARK + Long.toString(totalBytes) + MARK + new String(kept, off, n, StandardCharsets.UTF_8);
  }

  /** Whether a line is a cut one. */
  public static boolean isMarked(String line) {
    return line != null && !line.isEmpty() && line.charAt(0) == MARK;
  }

  /** The length in bytes of the whole line a marked line stands for. */
  public static long totalBytes(String marked) {
    return Long.parseLong(marked, 1, marked.indexOf(MARK, 1), 10);
  }

  /** The first bytes of the line, as text. */
  public static String keptText(String marked) {
    return marked.substring(marked.indexOf(MARK, 1) + 1);
  }

  /** The dead-letter reason of a marked line. */
  public static String reason(String marked) {
    return "line longer than input.maxLineBytes (" + totalBytes(marked) + " bytes); only its start is kept";
  }
}
