package com.faultlink.analysis;

import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.InputConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many lines (events) a run's file inputs hold: counted exactly for small inputs, estimated from the
 * first megabytes of each file for large ones (counting a 4 GB file would cost seconds of a busy machine).
 */
public final class InputSize {
  static final long EXACT_BELOW_BYTES = 64L << 20;
  static final int SAMPLE_BYTES = 4 << 20;

  /** @param estimated whether {@code lines} is an estimate */
  public record Lines(long lines, long bytes, boolean estimated) {}

  private InputSize() {}

  public static Lines of(FaultLinkConfig config) {
    List<Path> files = new ArrayList<>();
    for (InputConfig in : new InputConfig[] {
      config.sources().alarms(), config.sources().complaints(), config.sources().works()}) {
      if (in != null && in.file() != null) {
        files.addAll(files(Path.of(in.file())));
      }
    }
    return of(files);
  }

  static Lines of(List<Path> files) {
    return of(files, EXACT_BELOW_BYTES);
  }

  static Lines of(List<Path> files, long exactBelowBytes) {
    long lines = 0;
    long bytes = 0;
    boolean estimated = false;
    for (Path f : files) {
      try {
        long size = Files.size(f);
        bytes += size;
        if (size <= exactBelowBytes) {
          lines += count(f, Long.MAX_VALUE)[0];
        } else {
          long[] sample = count(f, SAMPLE_BYTES);
          lines += sample[1] == 0 ? 0 : Math.round((double) size * sample[0] / sample[1]);
          estimated = true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Lines(lines, bytes, estimated);
  }

  /** Lines in the first {@code limit} bytes (a last line without a newline counts), and the bytes read. */
  private static long[] count(Path f, long limit) throws IOException {
    long lines = 0;
    long read = 0;
    byte last = '\n';
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      int n;
      while (read < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - read))) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        last = buf[n - 1];
        read += n;
      }
    }
    if (read < limit && last != '\n') {
      lines++;
    }
    return new long[] {lines, read};
  }

  /** A file, or the finished files of a folder (names starting with '.' or '_' are skipped, as Flink does). */
  static List<Path> files(Path p) {
    if (!Files.isDirectory(p)) {
      return List.of(p);
    }
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().startsWith("_"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
