package com.faultlink.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Notes the wall-clock instant at which event time (the watermark) reaching this operator first passed two
 * instants, {@code from} and {@code until}; of several subtasks, the last one to pass counts. Hung on an output
 * stream, it tells when the pipeline had finished with every event up to that instant. Emits nothing. The
 * MiniCluster runs in the benchmark's JVM, so the instants are read from statics.
 */
final class EventTimeProbe<T> extends AbstractStreamOperator<String> implements OneInputStreamOperator<T, String> {
  private static final long serialVersionUID = 1L;

  static final AtomicLong PASSED_FROM = new AtomicLong();
  static final AtomicLong PASSED_UNTIL = new AtomicLong();

  private final long from;
  private final long until;
  private transient boolean passedFrom;
  private transient boolean passedUntil;

  EventTimeProbe(long from, long until) {
    this.from = from;
    this.until = until;
  }

  @Override
  public void processElement(StreamRecord<T> element) {
    // only event time matters
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    long now = System.nanoTime();
    if (!passedFrom && mark.getTimestamp() >= from) {
      passedFrom = true;
      PASSED_FROM.accumulateAndGet(now, Math::max);
    }
    if (!passedUntil && mark.getTimestamp() >= until) {
      passedUntil = true;
      PASSED_UNTIL.accumulateAndGet(now, Math::max);
    }
    super.processWatermark(mark);
  }
}
