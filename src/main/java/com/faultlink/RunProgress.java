package com.faultlink;

import com.faultlink.runtime.CounterNames;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/** Waits for a local job to finish, printing the events read and the rate every two seconds meanwhile. */
public final class RunProgress {
  private RunProgress() {}

  static JobExecutionResult await(JobClient client, PrintStream progress) throws Exception {
    return await(client, progress, 2_000);
  }

  static JobExecutionResult await(JobClient client, PrintStream progress, long pollMillis) throws Exception {
    CompletableFuture<JobExecutionResult> done = client.getJobExecutionResult();
    long started = System.nanoTime();
    long lastRead = 0;
    long lastAt = started;
    while (true) {
      try {
        return done.get(pollMillis, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        long read = eventsRead(client);
        if (read < lastRead) {
          continue; // the accumulators could not be asked in time: no line rather than a count that goes back
        }
        long now = System.nanoTime();
        double rate = (read - lastRead) / Math.max(1e-9, (now - lastAt) / 1e9);
        progress.printf("faultlink: %,d events read (%,.0f/s), %ds elapsed%n", read, rate, (now - started) / 1_000_000_000L);
        lastRead = read;
        lastAt = now;
      } catch (ExecutionException e) {
        throw e;
      }
    }
  }

  /**
   * The job's events read so far (its accumulator), or {@link #UNKNOWN} where it could not be asked within a
   * second (a loaded machine, a job just finishing): callers skip that poll rather than report a count going back.
   */
  public static long eventsRead(JobClient client) {
    try {
      Object v = client.getAccumulators().get(1, TimeUnit.SECONDS).get(CounterNames.EVENTS_READ);
      return v instanceof Number ? ((Number) v).longValue() : 0L;
    } catch (Exception e) {
      return UNKNOWN;
    }
  }

  /** {@link #eventsRead}: not known at this poll. */
  public static final long UNKNOWN = -1L;
}
