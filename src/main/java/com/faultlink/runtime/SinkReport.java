package com.faultlink.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sinks that are not the job's own (Alertmanager, the database) did not deliver, per job, for the run
 * summary of a local run. Flink's sink writers have no accumulators; a local run's writers live in the same JVM
 * as {@code FaultLinkJob}, which reads this after the job. On a cluster the same counts are the writers'
 * metrics ({@link CounterNames#ALERTMANAGER_UNDELIVERED}, {@link CounterNames#JDBC_UNWRITTEN}).
 */
public final class SinkReport {
  private SinkReport() {}

  private static final Map<String, Map<String, AtomicLong>> BY_JOB = new ConcurrentHashMap<>();

  /** Adds {@code n} (0 makes the count appear in the summary) to a count of the job {@code jobId}. */
  public static void add(String jobId, String name, long n) {
    if (jobId != null) {
      BY_JOB.computeIfAbsent(jobId, j -> new ConcurrentHashMap<>())
          .computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
    }
  }

  /** The counts of a finished job, in {@link CounterNames#SINK_REPORT} order; forgets them. */
  public static Map<String, Long> take(String jobId) {
    Map<String, AtomicLong> counts = BY_JOB.remove(jobId);
    Map<String, Long> out = new LinkedHashMap<>();
    if (counts != null) {
      for (String name : CounterNames.SINK_REPORT) {
        AtomicLong v = counts.get(name);
        if (v != null) {
          out.put(name, v.get());
        }
      }
    }
    return out;
  }
}
