package com.faultlink.io.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers alerts to one Alertmanager, in the background, without ever blocking or failing its caller.
 *
 * <p>It keeps two sets, by {@code alertId}: the alerts <i>firing</i> (sent again every {@code resendInterval}, as
 * Alertmanager expects of a client, until resolved) and the <i>unsent</i> ones (the latest state of each alert not
 * yet accepted by the receiver: a newer state of the same alert replaces an older one). One thread POSTs the unsent
 * alerts in batches; a failure (connection refused, timeout, a non-2xx answer) is counted and retried after a back-off
 * that doubles from {@code initialBackoff} up to {@code maxBackoff}, so a receiver that is down gets every alert once
 * it is back, each under its one {@code alertId}. Both sets are bounded by {@code maxPending}; beyond it the oldest
 * entry is dropped and counted. {@link #snapshot()} and {@link #restore} carry both sets across restarts.
 */
public final class AlertDelivery implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int BATCH = 200;

  /** What the delivery counts; the sink writer turns these into metrics. */
  public static final class Counts {
    public final AtomicLong posts = new AtomicLong();
    public final AtomicLong failures = new AtomicLong();
    public final AtomicLong dropped = new AtomicLong();
  }

  private final URI endpoint;
  private final Duration resendInterval;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration requestTimeout;
  private final int maxPending;
  private final Counts counts;
  private final HttpClient http;

  private final Object lock = new Object();
  private final LinkedHashMap<String, ObjectNode> firing = new LinkedHashMap<>();
  private final LinkedHashMap<String, ObjectNode> unsent = new LinkedHashMap<>();
  private long nextResendNanos;
  private boolean closing;
  private Thread sender;

  public AlertDelivery(String baseUrl, Duration resendInterval, Duration initialBackoff, Duration maxBackoff,
      Duration requestTimeout, int maxPending, Counts counts) {
    this.endpoint = URI.create(baseUrl + "/api/v2/alerts");
    this.resendInterval = resendInterval;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.requestTimeout = requestTimeout;
    this.maxPending = maxPending;
    this.counts = counts;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    this.nextResendNanos = System.nanoTime() + resendInterval.toNanos();
  }

  /** Starts the sending thread (a daemon: it never keeps a JVM alive). */
  public AlertDelivery start() {
    sender = new Thread(this::run, "faultlink-alertmanager-" + endpoint.getAuthority());
    sender.setDaemon(true);
    sender.start();
    return this;
  }

  /** An alert fires (or fires again: the same {@code alertId} replaces its earlier state). Never blocks on I/O. */
  public void fire(String alertId, ObjectNode payload) {
    synchronized (lock) {
      put(firing, alertId, payload);
      put(unsent, alertId, payload);
      lock.notifyAll();
    }
  }

  /**
   * An alert is resolved: sent once more, as it fired (same labels, annotations and {@code startsAt}; {@code
   * payload} where its firing is not known) with {@code endsAt}, then no longer re-sent.
   */
  public void resolve(String alertId, ObjectNode payload, long endsAtMillis) {
    synchronized (lock) {
      ObjectNode fired = firing.remove(alertId);
      put(unsent, alertId, AlertmanagerPayload.resolved(fired != null ? fired : payload, endsAtMillis));
      lock.notifyAll();
    }
  }

  private void put(LinkedHashMap<String, ObjectNode> map, String id, ObjectNode payload) {
    map.remove(id);
    map.put(id, payload);
    while (map.size() > maxPending) {
      Iterator<String> it = map.keySet().iterator();
      it.next();
      it.remove();
      counts.dropped.incrementAndGet();
    }
  }

  /** Alerts firing now. */
  public int firingCount() {
    synchronized (lock) {
      return firing.size();
    }
  }

  /** Alerts not yet accepted by the receiver. */
  public int unsentCount() {
    synchronized (lock) {
      return unsent.size();
    }
  }

  /**
   * Both sets as one JSON document, for a checkpoint: {@code {"firing":{id:payload},"unsent":{id:payload}}}.
   */
  public String snapshot() {
    synchronized (lock) {
      ObjectNode doc = MAPPER.createObjectNode();
      ObjectNode f = doc.putObject("firing");
      firing.forEach(f::set);
      ObjectNode u = doc.putObject("unsent");
      unsent.forEach(u::set);
      try {
        return MAPPER.writeValueAsString(doc);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Takes over a snapshot's alerts; the firing ones are sent again at once (a restart resumes re-sending). */
  public void restore(String snapshot) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(snapshot);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (lock) {
      doc.path("unsent").fields().forEachRemaining(e -> put(unsent, e.getKey(), (ObjectNode) e.getValue()));
      doc.path("firing").fields().forEachRemaining(e -> {
        put(firing, e.getKey(), (ObjectNode) e.getValue());
        if (!unsent.containsKey(e.getKey())) {
          put(unsent, e.getKey(), (ObjectNode) e.getValue());
        }
      });
      lock.notifyAll();
    }
  }

  private void run() {
    long backoffNanos = initialBackoff.toNanos();
    while (true) {
      Map<String, ObjectNode> batch;
      synchronized (lock) {
        while (!closing && unsent.isEmpty() && System.nanoTime() < nextResendNanos) {
          waitNanos(nextResendNanos - System.nanoTime());
        }
        if (closing && unsent.isEmpty()) {
          return;
        }
        if (System.nanoTime() >= nextResendNanos) {
          firing.forEach((id, p) -> unsent.putIfAbsent(id, p));
          nextResendNanos = System.nanoTime() + resendInterval.toNanos();
        }
        batch = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> e : unsent.entrySet()) {
          batch.put(e.getKey(), e.getValue());
          if (batch.size() == BATCH) {
            break;
          }
        }
      }
      if (batch.isEmpty()) {
        continue;
      }
      if (post(batch.values())) {
        backoffNanos = initialBackoff.toNanos();
        synchronized (lock) {
          // only what was sent: a newer state that arrived meanwhile stays unsent
          batch.forEach((id, p) -> unsent.remove(id, p));
        }
      } else {
        synchronized (lock) {
          if (closing) {
            return;
          }
          waitNanos(backoffNanos);
        }
        backoffNanos = Math.min(backoffNanos * 2, maxBackoff.toNanos());
      }
    }
  }

  private void waitNanos(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      lock.wait(Math.max(1, nanos / 1_000_000), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing = true;
    }
  }

  private boolean post(Iterable<ObjectNode> alerts) {
    ArrayNode body = MAPPER.createArrayNode();
    alerts.forEach(body::add);
    try {
      HttpRequest request = HttpRequest.newBuilder(endpoint)
          .timeout(requestTimeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
          .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        counts.posts.incrementAndGet();
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // counted below; the receiver being down must never fail the pipeline
    }
    counts.failures.incrementAndGet();
    return false;
  }

  /** Tries to deliver what is unsent for at most {@code grace}, then stops the thread. */
  @Override
  public void close() {
    close(Duration.ZERO);
  }

  public void close(Duration grace) {
    long until = System.nanoTime() + grace.toNanos();
    synchronized (lock) {
      while (!unsent.isEmpty() && System.nanoTime() < until) {
        lock.notifyAll();
        waitNanos(Math.min(50_000_000L, until - System.nanoTime()));
      }
      closing = true;
      lock.notifyAll();
    }
    if (sender != null) {
      sender.interrupt();
    }
  }

  /** The ids of the alerts still unsent, in order (tests, diagnostics). */
  public List<String> unsentIds() {
    synchronized (lock) {
      return new ArrayList<>(unsent.keySet());
    }
  }
}
