package com.faultlink.tools.generator;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Builds one output line as UTF-8 bytes: JSON fragments, escaped strings and timestamps. Reused line after
 * line, so that writing millions of events allocates little more than the finished lines.
 */
final class LineBuilder {
  private byte[] buf = new byte[1024];
  private int len;
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] cachedDate = new byte[10];

  LineBuilder reset() {
    len = 0;
    return this;
  }

  /** Appends text that is known to be plain ASCII without characters JSON would escape (fragments, numbers). */
  LineBuilder raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  /** Appends a JSON string literal, quotes included: escapes as JSON requires, non-ASCII as UTF-8. */
  LineBuilder str(String s) {
    ensure(s.length() * 3 + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        buf[len++] = (byte) c;
      } else if (c == '"' || c == '\\') {
        ensure(2);
        buf[len++] = '\\';
        buf[len++] = (byte) c;
      } else if (c < 0x20 || c == 0x7f) {
        ensure(6);
        raw(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        int cp = Character.codePointAt(s, i);
        if (Character.charCount(cp) == 2) {
          i++;
        } else if (Character.isSurrogate(c)) {
          cp = 0xFFFD; // a lone surrogate is not text: write the replacement character
        }
        ensure(4);
        if (cp < 0x800) {
          buf[len++] = (byte) (0xC0 | (cp >> 6));
          buf[len++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
          buf[len++] = (byte) (0xE0 | (cp >> 12));
          buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buf[len++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          buf[len++] = (byte) (0xF0 | (cp >> 18));
          buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buf[len++] = (byte) (0x80 | (cp & 0x3F));
        }
      }
    }
    ensure(1);
    buf[len++] = '"';
    return this;
  }

  LineBuilder num(long v) {
    return raw(Long.toString(v));
  }

  /** Appends an epoch second as a quoted ISO-8601 timestamp in Asia/Shanghai ({@code +08:00}, no DST). */
  LineBuilder time(long epochSecond) {
    long local = epochSecond + TimeText.OFFSET_SECONDS;
    long day = Math.floorDiv(local, 86_400L);
    int sod = (int) (local - day * 86_400L);
    if (day != cachedDay) {
      byte[] d = LocalDate.ofEpochDay(day).toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      System.arraycopy(d, 0, cachedDate, 0, 10);
      cachedDay = day;
    }
    ensure(27);
    buf[len++] = '"';
    System.arraycopy(cachedDate, 0, buf, len, 10);
    len += 10;
    buf[len++] = 'T';
    two(sod / 3600);
    buf[len++] = ':';
    two(sod / 60 % 60);
    buf[len++] = ':';
    two(sod % 60);
    raw("+08:00\"");
    return this;
  }

  private void two(int v) {
    buf[len++] = (byte) ('0' + v / 10);
    buf[len++] = (byte) ('0' + v % 10);
  }

  /** The finished line, without its newline. */
  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
