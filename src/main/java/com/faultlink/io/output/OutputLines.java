package com.faultlink.io.output;

import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.io.Serializable;
import java.util.function.Function;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Turns one output stream's records into their JSON lines with their Kafka record keys (the file sinks write
 * the line only), and tells operations how that stream is doing:
 * {@code recordsWritten} (labelled {@code stream}), {@code alertsEmitted} for the alerts stream, and
 * {@code watermarkLagMillis}, how far the stream's event time is behind the wall clock (a replay of old data
 * lags by its age; a live stream by its delay; -1 before the first watermark).
 */
public final class OutputLines<T> extends AbstractStreamOperator<KeyedLine>
    implements OneInputStreamOperator<T, KeyedLine> {
  private static final long serialVersionUID = 1L;

  /** A serialisable record → keyed JSON line function. */
  @FunctionalInterface
  public interface ToLine<T> extends Function<T, KeyedLine>, Serializable {}

  private final String stream;
  private final ToLine<T> toLine;

  private transient Counter written;
  private transient RunCounter alerts;
  private transient volatile long watermark;

  public OutputLines(String stream, ToLine<T> toLine) {
    this.stream = stream;
    this.toLine = toLine;
  }

  @Override
  public void open() throws Exception {
    super.open();
    watermark = Long.MIN_VALUE;
    MetricGroup group = getMetricGroup().addGroup("stream", stream);
    written = group.counter(CounterNames.RECORDS_WRITTEN);
    group.gauge(CounterNames.WATERMARK_LAG_MILLIS, this::watermarkLagMillis);
    if ("alerts".equals(stream)) {
      alerts = RunCounter.register(getRuntimeContext(), CounterNames.ALERTS_EMITTED);
    }
  }

  long watermarkLagMillis() {
    long wm = watermark;
    return wm == Long.MIN_VALUE || wm == Long.MAX_VALUE ? -1L : Math.max(0L, System.currentTimeMillis() - wm);
  }

  @Override
  public void processElement(StreamRecord<T> element) {
    // A new record, not element.replace(...): with object reuse the same record may go on to other operators.
    KeyedLine line = toLine.apply(element.getValue());
    output.collect(element.hasTimestamp() ? new StreamRecord<>(line, element.getTimestamp()) : new StreamRecord<>(line));
    written.inc();
    if (alerts != null) {
      alerts.inc();
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    watermark = mark.getTimestamp();
    super.processWatermark(mark);
  }
}
