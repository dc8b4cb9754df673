package com.faultlink.bench;

import com.faultlink.io.input.BoundedLineFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.local.LocalFileSystem;

/**
 * {@code LineReaderBench FILE [ROUNDS]}: lines/s and MB/s of the file source's line reader, Flink's {@code
 * TextLineInputFormat} against FaultLink's {@link BoundedLineFormat} (1 MiB lines), alternating, each round reading
 * the whole file through the format as the file source does. Thread CPU time beside wall time: on a shared machine
 * the CPU figure is the steadier one. Reading only; nothing is parsed.
 */
public final class LineReaderBench {
  private LineReaderBench() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long bytes = java.nio.file.Files.size(file);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round <= rounds; round++) {
      for (int which = 0; which < 2; which++) {
        StreamFormat<String> format = which == 0 ? new TextLineInputFormat("UTF-8") : new BoundedLineFormat(1 << 20);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long lines = 0;
        long chars = 0;
        FSDataInputStream in = LocalFileSystem.getSharedInstance().open(new org.apache.flink.core.fs.Path(file.toUri()));
        try (StreamFormat.Reader<String> r = format.createReader(new Configuration(), in, bytes, bytes)) {
          for (String l = r.read(); l != null; l = r.read()) {
            lines++;
            chars += l.length();
          }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (round > 0) { // round 0 warms the JIT up
          System.out.printf("%-20s round %d: %,d lines (%,d chars) wall %.2f s cpu %.2f s = %,.0f lines/s cpu, %.0f MB/s cpu%n",
              which == 0 ? "TextLineInputFormat" : "BoundedLineFormat", round, lines, chars, wall, cpu, lines / cpu,
              bytes / 1e6 / cpu);
        }
      }
    }
  }
}
