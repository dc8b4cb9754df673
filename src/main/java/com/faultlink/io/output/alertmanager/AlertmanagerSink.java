package com.faultlink.io.output.alertmanager;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.config.AlertmanagerConfig;
import com.faultlink.model.Alert;
import com.faultlink.runtime.CountView;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.SinkReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.MetricGroup;

/**
 * Sends every alert record to a Prometheus Alertmanager ({@code sinks.alertmanager}) through an {@link AlertDelivery}:
 * a firing record starts (or continues) an alert that is re-sent every {@code resendInterval}, each time with an
 * {@code endsAt} {@value AlertmanagerPayload#FIRING_ENDS_AT_RESEND_INTERVALS} intervals ahead (so that an alert this
 * job no longer sends expires in Alertmanager by itself); a {@code resolved} record ends it with the resolution's
 * {@code endsAt}. {@code write} never waits for the receiver; failures are metrics, never exceptions:
 * the counter {@code alertmanagerUndelivered} (alerts never accepted: refused alone as invalid, dropped beyond
 * {@code maxPending}, unsent at the end of a bounded run), gauges {@code alertmanagerPosts},
 * {@code alertmanagerFailures}, {@code alertmanagerDropped}, {@code alertmanagerRejected},
 * {@code alertmanagerFiring}, {@code alertmanagerUnsent}. A local run's summary has the undelivered counts too
 * ({@link SinkReport}).
 *
 * <p>The firing and unsent alerts are the writer's checkpointed state, so a restarted job goes on re-sending what
 * fired before its checkpoint; records replayed since the checkpoint are sent again under the same {@code alertId}
 * label, which Alertmanager deduplicates: no alert is created twice. Run it at parallelism 1, so that an alert's
 * firing and resolved records meet in one writer.
 */
public final class AlertmanagerSink implements Sink<Alert>, SupportsWriterState<Alert, String> {
  private static final long serialVersionUID = 1L;

  private final AlertmanagerConfig config;
  private final ZoneId zone;

  public AlertmanagerSink(AlertmanagerConfig config, ZoneId zone) {
    this.config = config;
    this.zone = zone;
  }

  @Override
  public Writer createWriter(WriterInitContext context) {
    return new Writer(config, zone, context.metricGroup(), List.of(), context.getJobInfo().getJobId().toString());
  }

  @Override
  public StatefulSinkWriter<Alert, String> restoreWriter(WriterInitContext context, Collection<String> recoveredState) {
    return new Writer(config, zone, context.metricGroup(), recoveredState,
        context.getJobInfo().getJobId().toString());
  }

  @Override
  public SimpleVersionedSerializer<String> getWriterStateSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(String state) {
        return state.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String deserialize(int version, byte[] serialized) {
        return new String(serialized, StandardCharsets.UTF_8);
      }
    };
  }

  /** The writer of one subtask. */
  public static final class Writer implements StatefulSinkWriter<Alert, String> {
    private final AlertmanagerConfig config;
    private final ZoneId zone;
    private final AlertDelivery delivery;
    private final AlertDelivery.Counts counts = new AlertDelivery.Counts();
    private final String jobId;
    private boolean endOfInput;

    Writer(AlertmanagerConfig config, ZoneId zone, MetricGroup metrics, Collection<String> recovered) {
      this(config, zone, metrics, recovered, null);
    }

    Writer(AlertmanagerConfig config, ZoneId zone, MetricGroup metrics, Collection<String> recovered,
        String jobId) {
      this.config = config;
      this.zone = zone;
      this.jobId = jobId;
      this.delivery = new AlertDelivery(config.url(), config.authorization(), config.resendInterval(),
          config.initialBackoff(), config.maxBackoff(), config.requestTimeout(), config.maxPending(), counts);
      for (String state : recovered) {
        delivery.restore(state);
      }
      metrics.gauge(CounterNames.ALERTMANAGER_POSTS, counts.posts::get);
      metrics.gauge(CounterNames.ALERTMANAGER_FAILURES, counts.failures::get);
      metrics.gauge(CounterNames.ALERTMANAGER_DROPPED, counts.dropped::get);
      metrics.gauge(CounterNames.ALERTMANAGER_REJECTED, counts.rejected::get);
      metrics.counter(CounterNames.ALERTMANAGER_UNDELIVERED, new CountView(counts::undelivered));
      SinkReport.add(jobId, CounterNames.ALERTMANAGER_UNDELIVERED, 0);
      metrics.gauge("alertmanagerFiring", delivery::firingCount);
      metrics.gauge("alertmanagerUnsent", delivery::unsentCount);
      delivery.start();
    }

    @Override
    public void write(Alert alert, Context context) {
      ObjectNode firing = AlertmanagerPayload.firing(alert, zone, config.generatorUrl());
      if (AlertmanagerPayload.isResolution(alert)) {
        delivery.resolve(alert.alertId(), firing, Math.min(alert.at(), System.currentTimeMillis()));
      } else {
        delivery.fire(alert.alertId(), firing);
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      // nothing to wait for: delivery is asynchronous and its state is checkpointed
      this.endOfInput |= endOfInput;
    }

    @Override
    public List<String> snapshotState(long checkpointId) {
      return List.of(delivery.snapshot());
    }

    @Override
    public void close() throws IOException {
      // A close without the end of input is a cancel or a restart: what is unsent is in the checkpoint.
      delivery.close(endOfInput ? config.closeTimeout() : Duration.ZERO, endOfInput);
      if (endOfInput) {
        SinkReport.add(jobId, CounterNames.ALERTMANAGER_UNDELIVERED, counts.undelivered());
        SinkReport.add(jobId, CounterNames.ALERTMANAGER_REJECTED, counts.rejected.get());
        SinkReport.add(jobId, CounterNames.ALERTMANAGER_DROPPED, counts.dropped.get());
        SinkReport.add(jobId, CounterNames.ALERTMANAGER_UNSENT_AT_END, counts.unsentAtEnd.get());
      }
    }

  }
}
