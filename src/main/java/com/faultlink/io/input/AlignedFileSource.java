package com.faultlink.io.input;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.InputStatus;

/**
 * A {@link FileSource} that can take part in watermark alignment ({@link FileReadPacing}). Flink's source operator
 * holds back a source whose watermark is too far ahead, and also asks its reader to pause the splits that are
 * ahead; the file reader cannot pause splits and fails the job unless every TaskManager is configured with {@code
 * pipeline.watermark-alignment.allow-unaligned-source-splits} (a TaskManager setting, not a job setting). Here the
 * reader takes the request and does nothing with it: a file reader reads one split (one file) at a time, so the
 * operator holding the whole source back already holds that split. Everything else is forwarded to the file source
 * ({@link ForwardingSource}), so enumeration, splits and checkpoints are unchanged (same serializers: savepoints
 * carry over).
 *
 * <p>The reader also notes, for each line it hands on, its file and line number ({@link LineOrigin}), so that a
 * rejected line's dead letter can name them: it counts the records of each split (a split is a whole file: the line
 * format is not splittable), from the count a restored split carries.
 */
public final class AlignedFileSource<T>
    extends ForwardingSource<T, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>, FileSource<T>> {
  private static final long serialVersionUID = 1L;

  /** The configured input path as written (dead letters name files by it), and where it points. */
  private final String named;
  private final Path namedPath;

  /** Files named by their full path. */
  public AlignedFileSource(FileSource<T> files) {
    this(files, null, null);
  }

  /**
   * @param named the input path as the config gives it (a file, or a folder of files)
   * @param namedPath where it points: dead letters name a file under it by {@code named} and the rest of its path
   */
  public AlignedFileSource(FileSource<T> files, String named, Path namedPath) {
    super(files);
    this.named = named;
    this.namedPath = namedPath;
  }

  @Override
  public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext context) throws Exception {
    return new SplitPausesHeldByTheOperator<>(source.createReader(context), named, namedPath);
  }

  /** The file reader, taking split pauses as said above, and noting each line's origin. */
  static final class SplitPausesHeldByTheOperator<T> implements SourceReader<T, FileSourceSplit> {
    private final SourceReader<T, FileSourceSplit> reader;
    private final String named;
    private final Path namedPath;
    /** By split id: its file's name for dead letters, and the lines of it already handed on (a restored count). */
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, Long> linesBefore = new HashMap<>();
    private final LineOrigin origin = LineOrigin.current(); // created in the task thread, which also emits
    private ReaderOutput<T> output;
    private ReaderOutput<T> noting;

    SplitPausesHeldByTheOperator(SourceReader<T, FileSourceSplit> reader, String named, Path namedPath) {
      this.reader = reader;
      this.named = named;
      this.namedPath = namedPath;
    }

    @Override
    public void pauseOrResumeSplits(Collection<String> toPause, Collection<String> toResume) {
      // held by the source operator (see the class comment)
    }

    @Override
    public void start() {
      reader.start();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
      if (output != this.output) {
        this.output = output;
        noting = new NotingOutput(output);
      }
      return reader.pollNext(noting);
    }

    @Override
    public List<FileSourceSplit> snapshotState(long checkpointId) {
      return reader.snapshotState(checkpointId);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return reader.isAvailable();
    }

    @Override
    public void addSplits(List<FileSourceSplit> splits) {
      for (FileSourceSplit split : splits) {
        files.put(split.splitId(), nameOf(split.path()));
        // A restored split resumes after the records it had handed on (the reader skips them); a split that
        // starts inside its file (not this format's) has no line numbers.
        CheckpointedPosition at = split.getReaderPosition().orElse(null);
        boolean fromStart = split.offset() == 0
            && (at == null || at.getOffset() == CheckpointedPosition.NO_OFFSET || at.getOffset() == 0);
        linesBefore.put(split.splitId(), fromStart ? (at == null ? 0L : at.getRecordsAfterOffset()) : -1L);
      }
      reader.addSplits(splits);
    }

    private String nameOf(Path file) {
      if (named == null) {
        return file.getPath();
      }
      String full = file.toUri().getPath();
      String base = namedPath.toUri().getPath();
      if (full.equals(base)) {
        return named;
      }
      String dir = base.endsWith("/") ? base : base + "/";
      return full.startsWith(dir) ? (named.endsWith("/") ? named : named + "/") + full.substring(dir.length())
          : file.getPath();
    }

    /** The reader's output, handing each split's records on through a {@link NotingSplitOutput}. */
    private final class NotingOutput implements ReaderOutput<T> {
      private final ReaderOutput<T> out;

      NotingOutput(ReaderOutput<T> out) {
        this.out = out;
      }

      @Override
      public void collect(T record) {
        out.collect(record);
      }

      @Override
      public void collect(T record, long timestamp) {
        out.collect(record, timestamp);
      }

      @Override
      public void emitWatermark(Watermark watermark) {
        out.emitWatermark(watermark);
      }

      @Override
      public void markIdle() {
        out.markIdle();
      }

      @Override
      public void markActive() {
        out.markActive();
      }

      @Override
      public SourceOutput<T> createOutputForSplit(String splitId) {
        SourceOutput<T> split = out.createOutputForSplit(splitId);
        long before = linesBefore.getOrDefault(splitId, -1L);
        return before < 0 ? split : new NotingSplitOutput(split, files.get(splitId), before);
      }

      @Override
      public void releaseOutputForSplit(String splitId) {
        files.remove(splitId);
        linesBefore.remove(splitId);
        out.releaseOutputForSplit(splitId);
      }
    }

    /** One split's output: notes each line's file and number just before handing it on. */
    private final class NotingSplitOutput implements SourceOutput<T> {
      private final SourceOutput<T> out;
      private final String file;
      private long lines;

      NotingSplitOutput(SourceOutput<T> out, String file, long linesBefore) {
        this.out = out;
        this.file = file;
        this.lines = linesBefore;
      }

      private void note(T record) {
        lines++;
        if (record instanceof String) {
          origin.fromFile((String) record, file, lines);
        }
      }

      @Override
      public void collect(T record) {
        note(record);
        out.collect(record);
      }

      @Override
      public void collect(T record, long timestamp) {
        note(record);
        out.collect(record, timestamp);
      }

      @Override
      public void emitWatermark(Watermark watermark) {
        out.emitWatermark(watermark);
      }

      @Override
      public void markIdle() {
        out.markIdle();
      }

      @Override
      public void markActive() {
        out.markActive();
      }
    }

    @Override
    public void notifyNoMoreSplits() {
      reader.notifyNoMoreSplits();
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
      reader.handleSourceEvents(event);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      reader.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
      reader.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void close() throws Exception {
      reader.close();
    }
  }
}
