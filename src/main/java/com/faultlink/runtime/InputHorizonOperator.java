package com.faultlink.runtime;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Tracks the newest event time this subtask has seen and, when a bounded input ends (the final watermark),
 * emits it just before forwarding that watermark. Consumers thus learn where the input ended before any of
 * their end-of-input timers fire: an outage still open then lasted until the input's last event, not until
 * the end of time.
 */
public final class InputHorizonOperator extends AbstractStreamOperator<Long>
    implements OneInputStreamOperator<Long, Long> {
  private static final long serialVersionUID = 1L;
  private transient long newest = Long.MIN_VALUE;
  private transient ListState<Long> checkpointed;

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    // Split-list state (union state cannot be checkpointed once some subtasks finished): after a rescale
    // the subtasks share the old values between them, so the newest one survives in one of them, and the
    // consumers take the maximum over all subtasks anyway.
    checkpointed = context.getOperatorStateStore()
        .getListState(new ListStateDescriptor<>("newest-event-time", Long.class));
    newest = Long.MIN_VALUE;
    for (Long t : checkpointed.get()) {
      newest = Math.max(newest, t);
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    checkpointed.update(java.util.List.of(newest));
  }

  @Override
  public void processElement(StreamRecord<Long> element) {
    newest = Math.max(newest, element.getValue());
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (mark.getTimestamp() == Long.MAX_VALUE && newest != Long.MIN_VALUE) {
      output.collect(new StreamRecord<>(newest));
    }
    super.processWatermark(mark);
  }
}
