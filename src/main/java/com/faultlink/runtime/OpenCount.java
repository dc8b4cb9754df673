package com.faultlink.runtime;

import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;

/**
 * A level (how many things are open right now) that a parallel task keeps as a metric gauge and in its
 * checkpoints, so it is right again after a failover. After a rescale the tasks share the old tasks' values
 * between them: the level of each task changes, the sum over tasks (what a dashboard shows) does not.
 */
public final class OpenCount implements Gauge<Long> {
  private final ListState<Long> checkpointed;
  private long open;

  private OpenCount(ListState<Long> checkpointed, long open) {
    this.checkpointed = checkpointed;
    this.open = open;
  }

  /** Restores the level from {@code context}'s operator state named {@code name}. */
  public static OpenCount restore(FunctionInitializationContext context, String name) throws Exception {
    ListState<Long> state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(name, Long.class));
    long sum = 0;
    for (Long v : state.get()) {
      sum += v;
    }
    return new OpenCount(state, sum);
  }

  public void snapshot(FunctionSnapshotContext context) throws Exception {
    checkpointed.update(List.of(open));
  }

  public void opened() {
    open++;
  }

  public void closed() {
    open--;
  }

  @Override
  public Long getValue() {
    return open;
  }
}
