package com.faultlink.io.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a file as UTF-8 lines, none held longer than {@code maxLineBytes}: the file source's format in place of
 * Flink's {@code TextLineInputFormat}, which keeps a whole line in memory however long it is (a 1.1 GB line ended
 * the run with an {@code OutOfMemoryError}).
 *
 * <ul>
 *   <li>A line ends at {@code \n}; a {@code \r} before it is dropped (Windows files). A last line without an end
 *       is a line; an empty file has none.
 *   <li>A UTF-8 byte-order mark at the start of the file is not part of the first line.
 *   <li>Invalid UTF-8 is replaced by U+FFFD, as {@code new String(bytes, UTF_8)} does.
 *   <li>A line longer than {@code maxLineBytes} (its end and the BOM not counted) is cut while it is read: its first
 *       {@code maxLineBytes} bytes are kept, the rest is counted and skipped without being kept, and the line is
 *       handed on as an {@link OversizedLine}, which {@link ParseLines} dead-letters. Memory per reader: a 64 KiB
 *       read buffer plus at most {@code maxLineBytes + 1} bytes of the current line.
 * </ul>
 *
 * <p>Not splittable; on restore, Flink's {@link SimpleStreamFormat} re-reads the file and skips the lines already
 * emitted, which this reader gives in the same order every time.
 */
public final class BoundedLineFormat extends SimpleStreamFormat<String> {
  private static final long serialVersionUID = 1L;

  private final int maxLineBytes;

  public BoundedLineFormat(int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public Reader createReader(Configuration config, FSDataInputStream stream) {
    return new Reader(stream, maxLineBytes);
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }

  /** The lines of one stream; usable on any {@link InputStream} (tests, tools). */
  public static final class Reader implements StreamFormat.Reader<String> {
    static final int CHUNK = 64 * 1024;
    private static final int SMALL_LINE = 256;

    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[CHUNK];
    private int pos;
    private int end;
    private boolean started;
    private boolean eof;

    /** The current line's bytes so far, where it spans reads: at most {@code max + 1} of them. */
    private byte[] line = new byte[SMALL_LINE];
    private int len;
    /** Bytes of the current line beyond those kept. */
    private long skipped;
    private byte lastByte;

    public Reader(InputStream in, int maxLineBytes) {
      this.in = in;
      this.max = maxLineBytes;
    }

    @Override
    public String read() throws IOException {
      if (!started) {
        started = true;
        skipByteOrderMark();
      }
      while (true) {
        int nl = indexOfNewline(buf, pos, end);
        if (nl >= 0) {
          int from = pos;
          pos = nl + 1;
          // The common case, a whole line inside the read buffer, is decoded in place.
          return len == 0 && skipped == 0 ? inBuffer(from, nl - from) : finish(from, nl - from);
        }
        keep(buf, pos, end - pos);
        pos = end;
        if (!fill()) {
          return len == 0 && skipped == 0 ? null : finish(0, 0);
        }
      }
    }

    /** How many bytes of the current line the reader holds (tests: never more than {@code maxLineBytes + 1}). */
    int heldLineCapacity() {
      return line.length;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private String inBuffer(int from, int n) {
      if (n > 0 && buf[from + n - 1] == '\r') {
        n--;
      }
      return n > max ? OversizedLine.of(n, buf, from, n, max) : new String(buf, from, n, StandardCharsets.UTF_8);
    }

    private String finish(int from, int n) {
      keep(buf, from, n);
      long total = len + skipped;
      if (lastByte == '\r') {
        total--;
        if (skipped == 0) {
          len--;
        }
      }
      String result = total > max ? OversizedLine.of(total, line, 0, len, max)
          : new String(line, 0, len, StandardCharsets.UTF_8);
      len = 0;
      skipped = 0;
      lastByte = 0;
      if (line.length > CHUNK) {
        line = new byte[SMALL_LINE]; // do not hold a long line's room between long lines
      }
      return result;
    }

    /** Appends to the current line what fits under {@code max + 1} bytes; counts the rest. */
    private void keep(byte[] b, int from, int n) {
      if (n <= 0) {
        return;
      }
      lastByte = b[from + n - 1];
      int take = (int) Math.min(n, Math.max(0L, (long) max + 1 - len));
      if (take > 0) {
        if (len + take > line.length) {
          line = Arrays.copyOf(line, (int) Math.min((long) max + 1, Math.max(2L * line.length, len + take)));
        }
        System.arraycopy(b, from, line, len, take);
        len += take;
      }
      skipped += n - take;
    }

    private boolean fill() throws IOException {
      if (eof) {
        return false;
      }
      if (pos == end) {
        pos = 0;
        end = 0;
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        eof = true;
        return false;
      }
      end += n;
      return true;
    }

    private void skipByteOrderMark() throws IOException {
      while (end - pos < 3 && fill()) {
        // a stream may hand out fewer bytes than asked
      }
      if (end - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
        pos += 3;
      }
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
      for (int i = from; i < to; i++) {
        if (b[i] == '\n') {
          return i;
        }
      }
      return -1;
    }
  }
}
