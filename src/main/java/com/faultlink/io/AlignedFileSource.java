package com.faultlink.io;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
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
 */
public final class AlignedFileSource<T>
    extends ForwardingSource<T, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>, FileSource<T>> {
  private static final long serialVersionUID = 1L;

  public AlignedFileSource(FileSource<T> files) {
    super(files);
  }

  @Override
  public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext context) throws Exception {
    return new SplitPausesHeldByTheOperator<>(source.createReader(context));
  }

  /** The file reader, taking split pauses as said above. */
  static final class SplitPausesHeldByTheOperator<T> implements SourceReader<T, FileSourceSplit> {
    private final SourceReader<T, FileSourceSplit> reader;

    SplitPausesHeldByTheOperator(SourceReader<T, FileSourceSplit> reader) {
      this.reader = reader;
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
      return reader.pollNext(output);
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
      reader.addSplits(splits);
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
