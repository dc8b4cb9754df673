package com.faultlink.io.output.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.config.UrlCredentials;
import com.faultlink.runtime.LockWait;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to one Alertmanager, in the background, without ever blocking or failing its caller.
 *
 * <p>It keeps two sets, by {@code alertId}: the alerts <i>firing</i> (sent again every {@code resendInterval}, as
 * Alertmanager expects of a client, until resolved; each POST stamps them with an {@code endsAt}
 * {@value AlertmanagerPayload#FIRING_ENDS_AT_RESEND_INTERVALS} intervals ahead, so that Alertmanager expires an alert
 * that stops coming) and the <i>unsent</i> ones (the latest state of each alert not
 * yet accepted by the receiver: a newer state of the same alert replaces an older one). One thread POSTs the unsent
 * alerts in batches.
 *
 * <p>Faults: a receiver that is down, slow or answering 5xx (or 401, 403, 404, 408, 429: none of them says an alert
 * is wrong) is retried after a back-off that doubles from {@code initialBackoff} up to {@code maxBackoff}; new alerts
 * do not cut the wait short, so a receiver in trouble sees one POST per back-off whatever the alert rate. A batch
 * refused as invalid (400, 413, 422: Alertmanager refuses a whole POST for one bad alert) is halved until the bad
 * alert is alone; an alert refused alone is given up, counted ({@link Counts#rejected}) and logged once, without
 * its labels (they may hold ids an operator typed). Both sets are bounded by {@code maxPending}; beyond it the oldest
 * entry is dropped and counted. What is still unsent when a bounded run ends is counted too. {@link #snapshot()} and
 * {@link #restore} carry both sets across restarts.
 */
public final class AlertDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int BATCH = 200;

  /** What the delivery counts; the sink writer turns these into metrics and the run summary. */
  public static final class Counts {
    public final AtomicLong posts = new AtomicLong();
    public final AtomicLong failures = new AtomicLong();
    /** Unsent alerts dropped beyond {@code maxPending}: never accepted. */
    public final AtomicLong dropped = new AtomicLong();
    /** Firing alerts no longer re-sent beyond {@code maxPending} (they had been sent). */
    public final AtomicLong resendsDropped = new AtomicLong();
    /** Alerts the receiver refused alone as invalid, given up. */
    public final AtomicLong rejected = new AtomicLong();
    /** Alerts still unsent when a bounded run ended. */
    public final AtomicLong unsentAtEnd = new AtomicLong();

    /** Alerts the receiver never accepted. */
    public long undelivered() {
      return dropped.get() + rejected.get() + unsentAtEnd.get();
    }
  }

  private enum Outcome { ACCEPTED, REJECTED, FAILED }

  private final URI endpoint;
  private final String shown;
  private final String authorization;
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
  private long drainRequests;
  private Thread sender;
  // only the sender thread touches these
  private String lastFault;
  private long failuresInARow;

  public AlertDelivery(String baseUrl, Duration resendInterval, Duration initialBackoff, Duration maxBackoff,
      Duration requestTimeout, int maxPending, Counts counts) {
    this(baseUrl, null, resendInterval, initialBackoff, maxBackoff, requestTimeout, maxPending, counts);
  }

  /**
   * @param authorization the {@code Authorization} header's value, or null; without it, user info in
   *     {@code baseUrl} is sent as basic credentials
   */
  public AlertDelivery(String baseUrl, String authorization, Duration resendInterval, Duration initialBackoff,
      Duration maxBackoff, Duration requestTimeout, int maxPending, Counts counts) {
    // java.net.http ignores user info: it is taken out of the URL and sent as a header instead
    String[] inUrl = UrlCredentials.userInfo(baseUrl);
    if (authorization == null && inUrl != null) {
      authorization = "Basic " + Base64.getEncoder().encodeToString(
          (inUrl[0] + ":" + inUrl[1]).getBytes(StandardCharsets.UTF_8));
    }
    this.authorization = authorization;
    this.endpoint = URI.create(UrlCredentials.withoutUserInfo(baseUrl) + "/api/v2/alerts");
    this.shown = UrlCredentials.redact(endpoint.toString());
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
    sender = new Thread(this::run, "faultlink-alertmanager-" + endpoint.getHost() + ":" + endpoint.getPort());
    sender.setDaemon(true);
    sender.start();
    return this;
  }

  /** The receiver's endpoint as logs may show it: without credentials. */
  public String shownEndpoint() {
    return shown;
  }

  /** An alert fires (or fires again: the same {@code alertId} replaces its earlier state). Never blocks on I/O. */
  public void fire(String alertId, ObjectNode payload) {
    synchronized (lock) {
      put(firing, alertId, payload, counts.resendsDropped);
      put(unsent, alertId, payload, counts.dropped);
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
      put(unsent, alertId, AlertmanagerPayload.resolved(fired != null ? fired : payload, endsAtMillis),
          counts.dropped);
      lock.notifyAll();
    }
  }

  private void put(LinkedHashMap<String, ObjectNode> map, String id, ObjectNode payload, AtomicLong droppedCount) {
    map.remove(id);
    map.put(id, payload);
    while (map.size() > maxPending) {
      Iterator<String> it = map.keySet().iterator();
      it.next();
      it.remove();
      if (droppedCount.incrementAndGet() == 1) {
        LOG.warn("alertmanager {}: more than {} alerts pending (sinks.alertmanager.maxPending); the oldest are "
            + "dropped and counted in {}", shown, maxPending, droppedCount == counts.dropped
            ? "alertmanagerDropped" : "the re-sends only");
      }
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
      doc.path("unsent").fields().forEachRemaining(
          e -> put(unsent, e.getKey(), (ObjectNode) e.getValue(), counts.dropped));
      doc.path("firing").fields().forEachRemaining(e -> {
        put(firing, e.getKey(), (ObjectNode) e.getValue(), counts.resendsDropped);
        if (!unsent.containsKey(e.getKey())) {
          put(unsent, e.getKey(), (ObjectNode) e.getValue(), counts.dropped);
        }
      });
      lock.notifyAll();
    }
  }

  private void run() {
    long backoffNanos = initialBackoff.toNanos();
    while (true) {
      List<Map.Entry<String, ObjectNode>> batch;
      synchronized (lock) {
        while (!closing && unsent.isEmpty() && System.nanoTime() < nextResendNanos) {
          waitNanos(nextResendNanos - System.nanoTime());
        }
        if (closing) {
          return;
        }
        if (System.nanoTime() >= nextResendNanos) {
          firing.forEach((id, p) -> unsent.putIfAbsent(id, p));
          nextResendNanos = System.nanoTime() + resendInterval.toNanos();
        }
        batch = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : unsent.entrySet()) {
          batch.add(Map.entry(e.getKey(), e.getValue()));
          if (batch.size() == BATCH) {
            break;
          }
        }
      }
      if (batch.isEmpty()) {
        continue;
      }
      if (deliver(batch) != Outcome.FAILED) {
        backoffNanos = initialBackoff.toNanos();
      } else {
        synchronized (lock) {
          // New alerts notify the lock; only the end of the wait, a close or its drain request end it.
          long until = System.nanoTime() + backoffNanos;
          long drain = drainRequests;
          while (!closing && drain == drainRequests && System.nanoTime() < until) {
            waitNanos(until - System.nanoTime());
          }
        }
        backoffNanos = Math.min(backoffNanos * 2, maxBackoff.toNanos());
      }
    }
  }

  /**
   * POSTs {@code batch}; a batch refused as invalid is halved and each half delivered the same way, so that one
   * invalid alert costs about 2·log2(batch) POSTs and holds back nothing. FAILED: the receiver is unavailable
   * (what was accepted before is no longer unsent; the rest is tried again after the back-off).
   */
  private Outcome deliver(List<Map.Entry<String, ObjectNode>> batch) {
    Response response = post(batch);
    if (response.outcome == Outcome.ACCEPTED) {
      synchronized (lock) {
        // only what was sent: a newer state that arrived meanwhile stays unsent
        batch.forEach(e -> unsent.remove(e.getKey(), e.getValue()));
      }
      return Outcome.ACCEPTED;
    }
    if (response.outcome == Outcome.FAILED) {
      return Outcome.FAILED;
    }
    if (batch.size() == 1) {
      giveUp(batch.get(0), response);
      return Outcome.ACCEPTED;
    }
    int half = batch.size() / 2;
    if (deliver(batch.subList(0, half)) == Outcome.FAILED) {
      return Outcome.FAILED;
    }
    return deliver(batch.subList(half, batch.size()));
  }

  private void giveUp(Map.Entry<String, ObjectNode> alert, Response response) {
    boolean counted;
    synchronized (lock) {
      counted = unsent.remove(alert.getKey(), alert.getValue());
      // a firing alert refused once is refused at every re-send: it is no longer re-sent
      firing.remove(alert.getKey(), alert.getValue());
    }
    if (counted) {
      counts.rejected.incrementAndGet();
      JsonNode p = alert.getValue();
      LOG.warn("alertmanager {}: an alert refused as invalid is given up (HTTP {}: {}): type {}, startsAt {}{}; "
          + "counted in alertmanagerRejected", shown, response.status, response.reason,
          p.path("labels").path("alertname").asText("?"), p.path("startsAt").asText("?"),
          p.has("endsAt") ? ", endsAt " + p.get("endsAt").asText() : "");
    }
  }

  private record Response(Outcome outcome, int status, String reason) {}

  private Response post(List<Map.Entry<String, ObjectNode>> alerts) {
    ArrayNode body = MAPPER.createArrayNode();
    // stamped per POST, not per alert: a firing alert's endsAt is a lease that each re-send renews
    long now = System.currentTimeMillis();
    alerts.forEach(e -> body.add(AlertmanagerPayload.asSent(e.getValue(), now, resendInterval)));
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
          .timeout(requestTimeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status / 100 == 2) {
        counts.posts.incrementAndGet();
        recovered();
        return new Response(Outcome.ACCEPTED, status, "");
      }
      counts.failures.incrementAndGet();
      String reason = reason(response.body());
      if (status == 400 || status == 413 || status == 422) {
        recovered();
        return new Response(Outcome.REJECTED, status, reason);
      }
      failed("HTTP " + status);
      return new Response(Outcome.FAILED, status, reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      counts.failures.incrementAndGet();
      return new Response(Outcome.FAILED, 0, "interrupted");
    } catch (Exception e) {
      // the receiver being down must never fail the pipeline
      counts.failures.incrementAndGet();
      failed(e.getClass().getSimpleName());
      return new Response(Outcome.FAILED, 0, e.getClass().getSimpleName());
    }
  }

  /** The receiver's explanation, short, with long digit runs (a subscriber number echoed back) masked. */
  private static String reason(String body) {
    String r = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    r = r.length() > 200 ? r.substring(0, 200) + "..." : r;
    return r.replaceAll("\\d{7,}", "***");
  }

  /** One log line when the receiver stops accepting (or the kind of fault changes), not one per try. */
  private void failed(String fault) {
    failuresInARow++;
    if (!fault.equals(lastFault)) {
      LOG.warn("alertmanager {}: not accepting alerts ({}); retrying with back-off from {} up to {}; {} unsent",
          shown, fault, initialBackoff, maxBackoff, unsentCount());
      lastFault = fault;
    }
  }

  private void recovered() {
    if (lastFault != null) {
      LOG.info("alertmanager {}: accepting alerts again after {} failed POSTs", shown, failuresInARow);
    }
    lastFault = null;
    failuresInARow = 0;
  }

  private void waitNanos(long nanos) {
    if (!LockWait.nanos(lock, nanos)) {
      closing = true;
    }
  }

  /** Stops at once; what is unsent is kept (a snapshot has it), not counted. */
  @Override
  public void close() {
    close(Duration.ZERO, false);
  }

  /** At the end of input: tries to deliver what is unsent for at most {@code grace}, then counts what is left. */
  public void close(Duration grace) {
    close(grace, true);
  }

  /**
   * Tries to deliver what is unsent for at most {@code grace} (cutting a back-off short once), then stops the
   * thread. {@code endOfInput}: the run is over, so what is left will never be sent and is counted; otherwise
   * (a cancel, a restart) it is in the last checkpoint and will be sent by the restored job.
   */
  public void close(Duration grace, boolean endOfInput) {
    long until = System.nanoTime() + grace.toNanos();
    synchronized (lock) {
      drainRequests++;
      while (!unsent.isEmpty() && System.nanoTime() < until) {
        lock.notifyAll();
        waitNanos(Math.min(50_000_000L, until - System.nanoTime()));
      }
      closing = true;
      lock.notifyAll();
    }
    if (sender != null) {
      sender.interrupt();
      try {
        sender.join(requestTimeout.toMillis() + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int left = unsentCount();
    if (endOfInput) {
      counts.unsentAtEnd.addAndGet(left);
      long never = counts.undelivered();
      String line = "alertmanager {}: {} alerts never accepted ({} refused as invalid, {} dropped beyond "
          + "maxPending, {} unsent at the end of the run); {} POSTs accepted, {} failed";
      Object[] args = {shown, never, counts.rejected.get(), counts.dropped.get(), left, counts.posts.get(),
          counts.failures.get()};
      if (never > 0) {
        LOG.warn(line, args);
      } else {
        LOG.info(line, args);
      }
    } else if (left > 0) {
      LOG.info("alertmanager {}: stopped with {} alerts unsent; the job's checkpoint keeps them for its restart",
          shown, left);
    }
  }

  /** The ids of the alerts still unsent, in order (tests, diagnostics). */
  public List<String> unsentIds() {
    synchronized (lock) {
      return new ArrayList<>(unsent.keySet());
    }
  }
}
