package com.faultlink.io.input;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;

/**
 * A bounded {@link KafkaSource} that also finishes after a restore. flink-connector-kafka 5.0.0 never tells the
 * readers of a <em>restored</em> bounded source that no more splits will come (FLINK-31006, FLINK-33466): the
 * restored enumerator finds every partition already assigned and returns before it would signal, so a bounded
 * replay resumed from a checkpoint or savepoint (or after a global failover) reads to its end offsets and then
 * waits forever. Here the restored enumerator signals it to each reader once it is registered and has its
 * splits, when the checkpoint shows that every partition was already assigned. Everything else is the
 * KafkaSource's own.
 */
final class BoundedKafkaSource<T>
    extends ForwardingSource<T, KafkaPartitionSplit, KafkaSourceEnumState, KafkaSource<T>> {
  private static final long serialVersionUID = 1L;

  BoundedKafkaSource(KafkaSource<T> kafka) {
    super(kafka);
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state) throws IOException {
    SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restored = source.restoreEnumerator(context, state);
    boolean allAssigned = state.initialDiscoveryFinished() && state.unassignedSplits().isEmpty();
    return getBoundedness() == Boundedness.BOUNDED && allAssigned ? new Restored(restored, context) : restored;
  }

  /** The restored enumerator, plus the no-more-splits signal it forgets. */
  private static final class Restored implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
    private final SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator;
    private final SplitEnumeratorContext<KafkaPartitionSplit> context;

    Restored(SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator,
        SplitEnumeratorContext<KafkaPartitionSplit> context) {
      this.enumerator = enumerator;
      this.context = context;
    }

    @Override
    public void start() {
      enumerator.start();
    }

    @Override
    public void addReader(int subtaskId) {
      // Splits handed back after a task failure are assigned first; then the reader may finish.
      enumerator.addReader(subtaskId);
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
      enumerator.handleSplitRequest(subtaskId, requesterHostname);
    }

    @Override
    public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
      enumerator.addSplitsBack(splits, subtaskId);
    }

    @Override
    public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
      return enumerator.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      enumerator.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
      enumerator.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
      enumerator.handleSourceEvent(subtaskId, sourceEvent);
    }

    @Override
    public void close() throws IOException {
      enumerator.close();
    }
  }
}
