package com.faultlink.io.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;

/**
 * Writes output streams as JSON Lines under {@code <sinks.dir>/<stream>/}. Files are finished on
 * checkpoints (a bounded run ends with a final checkpoint), so everything whose name starts with a dot is
 * work in progress.
 */
public final class FileOutputs {
  public static final String[] STREAMS = {
    "attributions", "outage-impacts", "alerts", "metrics", "golden-windows", "burst-thresholds", "dead-letters",
    "incidents"
  };

  /**
   * Streams FaultLink writes beside the contract's: the analysts' golden-window table (every re-estimation), what
   * each planned work cost, outages opening and closing, the weekly hotspots, the overdue-ticket worklist, ticket figures per tier.
   */
  public static final String[] EXTRA_STREAMS = {"golden-window-table", "work-impacts", "outage-status", "hotspots", "open-tickets",
    "ticket-metrics"};

  /** Every stream folder a run writes. */
  public static String[] allStreams() {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(STREAMS), java.util.Arrays.stream(EXTRA_STREAMS))
        .toArray(String[]::new);
  }

  private FileOutputs() {}

  /**
   * Who last wrote a folder's streams: {@code local} (a run on the embedded cluster, which replaces them) or {@code
   * cluster} (a job on a cluster, which keeps them: it may resume). A file whose name starts with {@code _} is not
   * output (the contract's rule), so readers of the streams skip it.
   */
  public static final String OWNER_FILE = "_faultlink-writer";

  public static final String LOCAL = "local";
  public static final String CLUSTER = "cluster";

  /** A run replaces the stream folders it writes: each is emptied (or made) before the job starts. */
  public static void prepare(Path dir) {
    prepareFolders(dir);
    writeOwner(dir, LOCAL);
  }

  /**
   * A cluster job keeps what earlier cluster jobs wrote in {@code dir} (it may resume them), but refuses a folder
   * holding another kind of run's part files (a local run's): its records would sit beside theirs, every stream
   * doubled. Unowned part files (written before this rule) are refused too.
   */
  public static void claimForCluster(Path dir) {
    String owner = owner(dir);
    if (owner == null ? holdsPartFiles(dir) : !owner.equals(CLUSTER)) {
      throw new IllegalArgumentException("config key 'sinks.dir': " + dir + " holds the outputs of "
          + (owner == null ? "another run" : "a " + owner + " run") + "; a cluster job would write beside them and"
          + " double every stream. Give the cluster job a folder of its own (or empty this one)");
    }
    ensure(dir);
    writeOwner(dir, CLUSTER);
  }

  static String owner(Path dir) {
    Path f = dir.resolve(OWNER_FILE);
    try {
      return Files.isRegularFile(f) ? Files.readString(f).trim() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  private static boolean holdsPartFiles(Path dir) {
    for (String stream : allStreams()) {
      Path folder = dir.resolve(stream);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        if (walk.anyMatch(Files::isRegularFile)) {
          return true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
      }
    }
    return false;
  }

  private static void writeOwner(Path dir, String owner) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(OWNER_FILE), owner + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(OWNER_FILE) + ": " + e.getMessage(), e);
    }
  }

  private static void prepareFolders(Path dir) {
    for (String stream : allStreams()) {
      Path folder = dir.resolve(stream);
      try {
        if (Files.exists(folder)) {
          try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(FileOutputs::delete);
          }
        }
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare output folder " + folder + ": " + e.getMessage(), e);
      }
    }
  }

  /** A cluster run keeps what earlier runs of the job wrote (it may resume them): it only makes the folders. */
  public static void ensure(Path dir) {
    for (String stream : allStreams()) {
      try {
        Files.createDirectories(dir.resolve(stream));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make output folder " + dir.resolve(stream) + ": " + e.getMessage(), e);
      }
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
    }
  }

  public static void write(DataStream<String> lines, Path dir, String stream) {
    write(lines, (String line, OutputStream out) -> writeLine(line, out), dir, stream);
  }

  /** The lines of an output stream, without their Kafka record keys. */
  public static void writeKeyed(DataStream<KeyedLine> lines, Path dir, String stream) {
    write(lines, (KeyedLine l, OutputStream out) -> writeLine(l.line(), out), dir, stream);
  }

  /**
   * A line and its newline, UTF-8, in one write: the file sink hands the encoder its part file's stream unbuffered
   * (every write a system call), so writing the newline apart, as Flink's {@code SimpleStringEncoder} does, took a
   * second call per line.
   */
  static void writeLine(String line, OutputStream out) throws IOException {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    byte[] withNewline = Arrays.copyOf(text, text.length + 1);
    withNewline[text.length] = '\n';
    out.write(withNewline);
  }

  private static <T> void write(DataStream<T> lines, Encoder<T> encoder, Path dir, String stream) {
    FileSink<T> sink = FileSink.forRowFormat(new org.apache.flink.core.fs.Path(dir.resolve(stream).toUri()), encoder)
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl").build())
        .withRollingPolicy(DefaultRollingPolicy.builder()
            .withMaxPartSize(MemorySize.ofMebiBytes(256))
            .withRolloverInterval(Duration.ofMinutes(15))
            .withInactivityInterval(Duration.ofMinutes(5))
            .build())
        .build();
    lines.sinkTo(sink).uid("sink-file-" + stream).name("Write " + stream + " (files)");
  }
}
