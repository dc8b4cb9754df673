package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The file reader: lines cut at input.maxLineBytes while they are read, BOM and CRLF, invalid UTF-8 replaced. */
class BoundedLineFormatTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static List<String> lines(InputStream in, int max) throws IOException {
    List<String> out = new ArrayList<>();
    try (BoundedLineFormat.Reader r = new BoundedLineFormat.Reader(in, max)) {
      for (String l = r.read(); l != null; l = r.read()) {
        out.add(l);
      }
    }
    return out;
  }

  private static List<String> lines(byte[] bytes, int max) throws IOException {
    return lines(new ByteArrayInputStream(bytes), max);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void aByteOrderMarkAtTheStartIsNotPartOfTheFirstLine() throws IOException {
    assertThat(lines(concat(BOM, utf8("{\"eventId\":\"e-1\"}\n{\"eventId\":\"e-2\"}\n")), 1024))
        .containsExactly("{\"eventId\":\"e-1\"}", "{\"eventId\":\"e-2\"}");
    // Only at the start of the file: elsewhere it is text (and the parser's business).
    assertThat(lines(concat(utf8("a\n"), BOM, utf8("b\n")), 1024)).containsExactly("a", "\uFEFFb");
    // A file that is a BOM and nothing else has no line.
    assertThat(lines(BOM, 1024)).isEmpty();
  }

  @Test
  void crlfEndsALineAndALastLineNeedsNoEnd() throws IOException {
    assertThat(lines(utf8("a\r\nb\r\n\r\nc"), 1024)).containsExactly("a", "b", "", "c");
    assertThat(lines(utf8("a\n"), 1024)).containsExactly("a");
    assertThat(lines(new byte[0], 1024)).isEmpty();
    // A carriage return inside a line is kept: only \n ends a JSON line.
    assertThat(lines(utf8("a\rb\n"), 1024)).containsExactly("a\rb");
  }

  @Test
  void invalidUtf8IsReplacedNotDropped() throws IOException {
    byte[] line = {'{', (byte) 0xFF, 'x', (byte) 0xC3, '(', '}', '\n'};
    assertThat(lines(line, 1024)).containsExactly("{\uFFFDx\uFFFD(}");
    assertThat(lines(utf8("小区退服\n"), 1024)).containsExactly("小区退服");
  }

  @Test
  void aLineOfExactlyTheLimitIsWholeAndOneByteMoreIsCut() throws IOException {
    String atLimit = "x".repeat(1024);
    assertThat(lines(utf8(atLimit + "\n" + atLimit + "\r\n" + atLimit), 1024))
        .containsExactly(atLimit, atLimit, atLimit);
    List<String> over = lines(utf8(atLimit + "y\nnext\n"), 1024);
    assertThat(over).hasSize(2);
    assertThat(OversizedLine.isMarked(over.get(0))).isTrue();
    assertThat(OversizedLine.totalBytes(over.get(0))).isEqualTo(1025);
    assertThat(OversizedLine.keptText(over.get(0))).isEqualTo(atLimit);
    assertThat(over.get(1)).isEqualTo("next");
  }

  @Test
  void aCutNeverSplitsACharacter() throws IOException {
    // 1023 ASCII bytes then a 3-byte character: the limit falls inside it, so the kept text stops before it.
    String line = "a".repeat(1023) + "区" + "b".repeat(10);
    String cut = lines(utf8(line + "\n"), 1024).get(0);
    assertThat(OversizedLine.keptText(cut)).isEqualTo("a".repeat(1023));
    assertThat(OversizedLine.totalBytes(cut)).isEqualTo(1023 + 3 + 10);
  }

  /** 50 MB of one line, made as it is read: never in memory, here or (the test asserts) in the reader. */
  static final class LongLineStream extends InputStream {
    private final byte[] head;
    private final long fill;
    private final byte[] tail;
    private long at;

    LongLineStream(byte[] head, long fill, byte[] tail) {
      this.head = head;
      this.fill = fill;
      this.tail = tail;
    }

    long total() {
      return head.length + fill + tail.length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= total()) {
        return -1;
      }
      int n = 0;
      while (n < len && at < total()) {
        if (at < head.length) {
          b[off + n] = head[(int) at];
        } else if (at < head.length + fill) {
          int run = (int) Math.min(len - n, head.length + fill - at);
          Arrays.fill(b, off + n, off + n + run, (byte) '7');
          n += run;
          at += run;
          continue;
        } else {
          b[off + n] = tail[(int) (at - head.length - fill)];
        }
        n++;
        at++;
      }
      return n;
    }
  }

  @Test
  void aFiftyMegabyteLineIsCutWhileReadNeverHeldAndTheNextLineIsRead() throws IOException {
    byte[] head = concat(BOM, utf8("{\"eventId\":\"big\",\"pad\":\""));
    byte[] tail = utf8("\"}\r\n{\"eventId\":\"after\"}\n");
    long fill = 50L * 1024 * 1024;
    LongLineStream in = new LongLineStream(head, fill, tail);
    int max = 4096;
    List<String> out = new ArrayList<>();
    int maxHeld = 0;
    try (BoundedLineFormat.Reader r = new BoundedLineFormat.Reader(in, max)) {
      for (String l = r.read(); l != null; l = r.read()) {
        out.add(l);
        maxHeld = Math.max(maxHeld, r.heldLineCapacity());
      }
    }
    assertThat(out).hasSize(2);
    String cut = out.get(0);
    assertThat(OversizedLine.isMarked(cut)).isTrue();
    // The line's bytes: without the BOM, without \r\n.
    long lineBytes = head.length - 3 + fill + 2;
    assertThat(OversizedLine.totalBytes(cut)).isEqualTo(lineBytes);
    assertThat(OversizedLine.keptText(cut)).startsWith("{\"eventId\":\"big\"").hasSize(max);
    assertThat(cut.length()).isLessThan(max + 32);
    assertThat(out.get(1)).isEqualTo("{\"eventId\":\"after\"}");
    // What the reader held of the 50 MB line: the limit and the byte that shows it is passed, no more.
    assertThat(maxHeld).isLessThanOrEqualTo(max + 1);
    assertThat(in.at).isEqualTo(in.total());
  }

  /** A stream that hands out 1 to 7 bytes a read: lines span reads at every offset. */
  private static InputStream trickling(byte[] bytes, long seed) {
    Random random = new Random(seed);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
      }
    };
  }

  @Test
  void linesSpanningReadsAreReadAsTheSimpleSplitReadsThem() throws IOException {
    Random random = new Random(42);
    String alphabet = "ab\r\n区\n";
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(300);
      for (int i = 0; i < n; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int max = 1024 + random.nextInt(8);
      // The reference: split at \n, drop one trailing \r per line, no line after a final \n.
      List<String> expected = new ArrayList<>();
      String s = text.toString();
      int from = 0;
      while (from < s.length()) {
        int nl = s.indexOf('\n', from);
        String line = nl < 0 ? s.substring(from) : s.substring(from, nl);
        expected.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        from = nl < 0 ? s.length() : nl + 1;
      }
      assertThat(lines(trickling(utf8(s), round), max)).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void longLinesSpanningReadsAreCutAtTheSameLimit() throws IOException {
    String line = "z".repeat(3000);
    List<String> out = lines(trickling(utf8(line + "\r\n" + "ok\n" + line), 7), 2000);
    assertThat(out).hasSize(3);
    assertThat(OversizedLine.totalBytes(out.get(0))).isEqualTo(3000);
    assertThat(OversizedLine.keptText(out.get(0))).isEqualTo("z".repeat(2000));
    assertThat(out.get(1)).isEqualTo("ok");
    assertThat(OversizedLine.totalBytes(out.get(2))).isEqualTo(3000);
  }

  @Test
  void noDecodedLineCanPassForACutOne() throws IOException {
    // UTF-8 of the marker's surrogate (ED B0 80) is ill-formed: it is decoded as replacement characters.
    byte[] forged = concat(new byte[] {(byte) 0xED, (byte) 0xB0, (byte) 0x80}, utf8("5"),
        new byte[] {(byte) 0xED, (byte) 0xB0, (byte) 0x80}, utf8("x\n"));
    String line = lines(forged, 1024).get(0);
    assertThat(OversizedLine.isMarked(line)).isFalse();
    assertThat(OversizedLine.isMarked(KafkaLineDeserializer.decode(forged, 1024))).isFalse();
  }
}
