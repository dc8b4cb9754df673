package com.faultlink.io.output.jdbc;

import com.faultlink.config.JdbcConfig;
import com.faultlink.config.UrlCredentials;
import com.faultlink.runtime.CountView;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.LockWait;
import com.faultlink.runtime.SinkReport;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts one stream into one PostgreSQL table, and never stops the job for the database.
 *
 * <p>{@code write} only appends the record to a buffer; a thread of the writer writes the buffer in order, in
 * transactions of {@code batchSize} rows. While the database is unreachable (or answers with anything but a data
 * error) the thread retries with a back-off doubling from {@code initialBackoff} up to {@code maxBackoff}; rows keep
 * arriving in the buffer, up to {@code maxBufferedRows}, beyond which the oldest row is dropped and counted. A row
 * the database refuses as wrong (SQLSTATE classes 22, data, and 23, integrity) is given up and counted, the others
 * of its batch are written. The buffer is the writer's checkpointed state, so a checkpoint never waits for the
 * database and a restarted job writes what was still buffered; the upserts are idempotent, so a row written twice
 * leaves the same table. State changes (unreachable, reachable again) are logged once each, the URL without
 * credentials and no row's content. At the end of a bounded run the buffer is tried for {@code closeTimeout} (less
 * when the database is still down); what is left is counted.
 *
 * <p>Counts: the counter {@code jdbcUnwritten} (dropped + refused + left at the end), gauges {@code jdbcBuffered},
 * {@code jdbcFailures}, in the metric group {@code table=<name>}; a local run's summary has them too
 * ({@link SinkReport}).
 */
public final class JdbcUpsertSink<T> implements Sink<T>, SupportsWriterState<T, byte[]> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(JdbcUpsertSink.class);

  private final JdbcConfig config;
  private final String table;
  private final String sql;
  private final JdbcStatementBuilder<T> fill;

  public JdbcUpsertSink(JdbcConfig config, String table, String sql, JdbcStatementBuilder<T> fill) {
    this.config = config;
    this.table = table;
    this.sql = sql;
    this.fill = fill;
  }

  @Override
  public Writer<T> createWriter(WriterInitContext context) {
    return restoreWriter(context, List.of());
  }

  @Override
  public Writer<T> restoreWriter(WriterInitContext context, Collection<byte[]> recoveredState) {
    Writer<T> w = new Writer<>(config, table, sql, fill, context.createInputSerializer(),
        context.metricGroup().addGroup("table", table), context.getJobInfo().getJobId().toString(),
        context.getTaskInfo().getIndexOfThisSubtask());
    for (byte[] state : recoveredState) {
      w.restore(state);
    }
    return w.start();
  }

  @Override
  public SimpleVersionedSerializer<byte[]> getWriterStateSerializer() {
    return new SimpleVersionedSerializer<>() {
      // 2: Flink's JdbcSink wrote version 1 under the same uids before; its state holds no rows and is skipped
      @Override
      public int getVersion() {
        return 2;
      }

      @Override
      public byte[] serialize(byte[] state) {
        return state;
      }

      @Override
      public byte[] deserialize(int version, byte[] serialized) {
        return version == 2 ? serialized : new byte[0];
      }
    };
  }

  /** What one writer did not write. */
  public static final class Counts {
    public final AtomicLong written = new AtomicLong();
    public final AtomicLong failures = new AtomicLong();
    public final AtomicLong dropped = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    public final AtomicLong unwrittenAtEnd = new AtomicLong();

    public long unwritten() {
      return dropped.get() + rejected.get() + unwrittenAtEnd.get();
    }
  }

  /** The writer of one subtask: a bounded, checkpointed buffer and the thread that empties it into the table. */
  public static final class Writer<T> implements StatefulSinkWriter<T, byte[]> {
    private final JdbcConfig config;
    private final String table;
    private final String sql;
    private final JdbcStatementBuilder<T> fill;
    private final TypeSerializer<T> serializer;
    private final String jobId;
    private final String shown;
    private final Thread thread;
    final Counts counts = new Counts();

    private final Object lock = new Object();
    /** Rows not yet written, by an increasing sequence number: insertion order is write order. */
    private final LinkedHashMap<Long, T> buffer = new LinkedHashMap<>();
    private long nextSeq;
    private boolean closing;
    private long drainRequests;
    private boolean drainFailed;
    private boolean endOfInput;
    private boolean inDropEpisode;
    // only the writing thread touches these
    private Connection connection;
    private String fault;
    private long failuresInARow;

    Writer(JdbcConfig config, String table, String sql, JdbcStatementBuilder<T> fill, TypeSerializer<T> serializer,
        MetricGroup metrics, String jobId, int subtask) {
      this.config = config;
      this.table = table;
      this.sql = sql;
      this.fill = fill;
      this.serializer = serializer;
      this.jobId = jobId;
      this.shown = UrlCredentials.redact(config.url()) + " table " + table;
      metrics.counter(CounterNames.JDBC_UNWRITTEN, new CountView(counts::unwritten));
      metrics.gauge(CounterNames.JDBC_BUFFERED, this::buffered);
      metrics.gauge(CounterNames.JDBC_FAILURES, counts.failures::get);
      SinkReport.add(jobId, CounterNames.JDBC_UNWRITTEN, 0);
      this.thread = new Thread(this::run, "faultlink-jdbc-" + table + "-" + subtask);
      thread.setDaemon(true);
    }

    Writer<T> start() {
      thread.start();
      return this;
    }

    @Override
    public void write(T element, Context context) {
      synchronized (lock) {
        add(element);
        // The first row starts the batch interval (the writer idles up to a second on an empty buffer); a full
        // batch goes at once.
        if (buffer.size() == 1 || buffer.size() >= config.batchSize()) {
          lock.notifyAll();
        }
      }
    }

    private void add(T element) {
      buffer.put(nextSeq++, element);
      if (buffer.size() > config.maxBufferedRows()) {
        Iterator<Long> oldest = buffer.keySet().iterator();
        oldest.next();
        oldest.remove();
        counts.dropped.incrementAndGet();
        if (!inDropEpisode) {
          inDropEpisode = true;
          LOG.warn("jdbc {}: more than {} rows waiting (sinks.jdbc.maxBufferedRows); the oldest are dropped and "
              + "counted in jdbcDropped until the database takes rows again", shown, config.maxBufferedRows());
        }
      }
    }

    int buffered() {
      synchronized (lock) {
        return buffer.size();
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      if (!endOfInput || this.endOfInput) {
        return; // a checkpoint: the buffer is the state, nothing to wait for
      }
      this.endOfInput = true;
      long until = System.nanoTime() + config.closeTimeout().toNanos();
      synchronized (lock) {
        drainRequests++;
        drainFailed = false;
        lock.notifyAll();
        while (!buffer.isEmpty() && !drainFailed && System.nanoTime() < until) {
          waitNanos(Math.min(50_000_000L, until - System.nanoTime()));
        }
      }
    }

    @Override
    public List<byte[]> snapshotState(long checkpointId) throws IOException {
      List<T> rows;
      synchronized (lock) {
        rows = new ArrayList<>(buffer.values());
      }
      DataOutputSerializer out = new DataOutputSerializer(64 + rows.size() * 64);
      out.writeInt(rows.size());
      for (T row : rows) {
        serializer.serialize(row, out);
      }
      return List.of(out.getCopyOfBuffer());
    }

    void restore(byte[] state) {
      if (state.length == 0) {
        return;
      }
      try {
        DataInputDeserializer in = new DataInputDeserializer(state);
        int n = in.readInt();
        synchronized (lock) {
          for (int i = 0; i < n; i++) {
            add(serializer.deserialize(in));
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("jdbc " + shown + ": unreadable buffered rows in the checkpoint", e);
      }
    }

    private void run() {
      long backoffNanos = config.initialBackoff().toNanos();
      while (true) {
        List<Map.Entry<Long, T>> batch = new ArrayList<>();
        synchronized (lock) {
          long waitUntil = System.nanoTime() + config.batchInterval().toNanos();
          long drain = drainRequests;
          while (!closing && (buffer.isEmpty() || (buffer.size() < config.batchSize() && drain == drainRequests
              && System.nanoTime() < waitUntil))) {
            if (buffer.isEmpty()) {
              waitNanos(1_000_000_000L);
              waitUntil = System.nanoTime() + config.batchInterval().toNanos();
            } else {
              waitNanos(waitUntil - System.nanoTime());
            }
          }
          if (closing) {
            closeConnection();
            return;
          }
          for (Map.Entry<Long, T> e : buffer.entrySet()) {
            batch.add(Map.entry(e.getKey(), e.getValue()));
            if (batch.size() == config.batchSize()) {
              break;
            }
          }
        }
        if (writeBatch(batch)) {
          backoffNanos = config.initialBackoff().toNanos();
          continue;
        }
        synchronized (lock) {
          if (drainRequests > 0) {
            drainFailed = true;
            lock.notifyAll();
          }
          // New rows do not end the wait; the end of input cuts it short once.
          long until = System.nanoTime() + backoffNanos;
          long drain = drainRequests;
          while (!closing && drain == drainRequests && System.nanoTime() < until) {
            waitNanos(until - System.nanoTime());
          }
        }
        backoffNanos = Math.min(backoffNanos * 2, config.maxBackoff().toNanos());
      }
    }

    /** True when every row of the batch is written or given up; false when the database is unavailable. */
    private boolean writeBatch(List<Map.Entry<Long, T>> batch) {
      try {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (Map.Entry<Long, T> row : batch) {
            fill.accept(ps, row.getValue());
            ps.addBatch();
          }
          ps.executeBatch();
          c.commit();
        }
        written(batch);
        return true;
      } catch (SQLException e) {
        rollback();
        if (!isDataError(e)) {
          failed(e);
          return false;
        }
      } catch (RuntimeException | AssertionError e) {
        // the driver on a connection that broke mid-batch (an assertion where -ea is on): the database's fault
        return unexpected(e);
      }
      // one row (at least) is refused: row by row, each in its own transaction, to give up only those
      for (Map.Entry<Long, T> row : batch) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
          fill.accept(ps, row.getValue());
          ps.executeUpdate();
          connection.commit();
          written(List.of(row));
        } catch (SQLException e) {
          rollback();
          if (!isDataError(e)) {
            failed(e);
            return false;
          }
          giveUp(row, e);
        } catch (RuntimeException | AssertionError e) {
          return unexpected(e);
        }
      }
      return true;
    }

    private boolean unexpected(Throwable e) {
      rollback();
      failed(new SQLException(e.getClass().getSimpleName(), (String) null, e));
      return false;
    }

    private void written(List<Map.Entry<Long, T>> rows) {
      synchronized (lock) {
        rows.forEach(r -> buffer.remove(r.getKey()));
        if (buffer.size() < config.maxBufferedRows()) {
          inDropEpisode = false;
        }
      }
      counts.written.addAndGet(rows.size());
      if (fault != null) {
        LOG.info("jdbc {}: database reachable again after {} failed writes; buffered rows are being written",
            shown, failuresInARow);
        fault = null;
        failuresInARow = 0;
      }
    }

    private void giveUp(Map.Entry<Long, T> row, SQLException e) {
      synchronized (lock) {
        buffer.remove(row.getKey());
      }
      if (counts.rejected.incrementAndGet() == 1) {
        LOG.warn("jdbc {}: a row refused as invalid is given up (SQLSTATE {}); further ones are only counted in "
            + "jdbcRejected", shown, e.getSQLState());
      }
    }

    /** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): the row is wrong. */
    private static boolean isDataError(SQLException e) {
      String state = e.getSQLState();
      return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private void failed(SQLException e) {
      counts.failures.incrementAndGet();
      failuresInARow++;
      closeConnection();
      String kind = e.getSQLState() == null ? "no SQLSTATE" : "SQLSTATE " + e.getSQLState();
      if (!kind.equals(fault)) {
        fault = kind;
        LOG.warn("jdbc {}: database unavailable ({}: {}); the job goes on, rows are kept (up to {}) and retried "
            + "with back-off from {} up to {}; {} waiting", shown, kind, message(e), config.maxBufferedRows(),
            config.initialBackoff(), config.maxBackoff(), buffered());
      }
    }

    private static String message(SQLException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().strip().replaceAll("\\s+", " ");
      m = m.length() > 200 ? m.substring(0, 200) + "..." : m;
      return UrlCredentials.redact(m).replaceAll("\\d{7,}", "***");
    }

    private Connection connection() throws SQLException {
      if (connection == null) {
        Properties props = new Properties();
        if (config.user() != null) {
          props.setProperty("user", config.user());
        }
        if (config.password() != null) {
          props.setProperty("password", config.password());
        }
        String seconds = Long.toString(Math.max(1, config.connectTimeout().toSeconds()));
        props.setProperty("connectTimeout", seconds);
        props.setProperty("loginTimeout", seconds);
        // a database that stops answering mid-statement fails the write instead of hanging the thread
        props.setProperty("socketTimeout", Long.toString(Math.max(1, config.connectTimeout().toSeconds() * 6)));
        Connection c = DriverManager.getConnection(config.url(), props);
        c.setAutoCommit(false);
        connection = c;
      }
      return connection;
    }

    private void rollback() {
      try {
        if (connection != null) {
          connection.rollback();
        }
      } catch (SQLException | RuntimeException | AssertionError ignored) {
        closeConnection(); // a broken connection: the next try opens a new one
      }
    }

    private void closeConnection() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException | RuntimeException | AssertionError ignored) {
          // closing a broken connection
        }
        connection = null;
      }
    }


    private void waitNanos(long nanos) {
      if (!LockWait.nanos(lock, nanos)) {
        closing = true;
      }
    }

    @Override
    public void close() {
      synchronized (lock) {
        closing = true;
        lock.notifyAll();
      }
      thread.interrupt();
      try {
        thread.join(config.connectTimeout().toMillis() * 7 + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int left = buffered();
      if (endOfInput) {
        counts.unwrittenAtEnd.addAndGet(left);
        long never = counts.unwritten();
        String line = "jdbc {}: {} rows never written ({} dropped beyond maxBufferedRows, {} refused as invalid, {} "
            + "buffered at the end of the run); {} rows written";
        Object[] args = {shown, never, counts.dropped.get(), counts.rejected.get(), left, counts.written.get()};
        if (never > 0) {
          LOG.warn(line, args);
        } else {
          LOG.debug(line, args);
        }
        SinkReport.add(jobId, CounterNames.JDBC_UNWRITTEN, never);
        SinkReport.add(jobId, CounterNames.JDBC_DROPPED, counts.dropped.get());
        SinkReport.add(jobId, CounterNames.JDBC_REJECTED, counts.rejected.get());
        SinkReport.add(jobId, CounterNames.JDBC_UNWRITTEN_AT_END, left);
      } else if (left > 0) {
        LOG.info("jdbc {}: stopped with {} rows buffered; the job's checkpoint keeps them for its restart", shown,
            left);
      }
    }

  }
}
