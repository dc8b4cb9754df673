package com.faultlink.io.output.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A real HTTP receiver on 127.0.0.1 standing in for Alertmanager: records every alert POSTed to
 * {@code /api/v2/alerts}, with the wall-clock time it arrived, and keeps, as Alertmanager does, one alert per label
 * set (the latest state wins). It can be stopped and started again on the same port.
 */
public final class AlertReceiver implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One alert element as it arrived, {@code atMillis} on the wall clock (the clock Alertmanager expires alerts by;
   * the sender stamps {@code endsAt} before this).
   */
  public record Arrival(JsonNode alert, long atMillis) {
    /** Its {@code endsAt} in epoch millis; every alert FaultLink sends has one. */
    public long endsAtMillis() {
      return Instant.parse(alert.get("endsAt").asText()).toEpochMilli();
    }

    /**
     * As Alertmanager reads it on arrival: resolved when its {@code endsAt} is not in the future, firing when it
     * lies ahead (a firing alert carries one too: when it expires unless sent again).
     */
    public boolean resolved() {
      return alert.hasNonNull("endsAt") && endsAtMillis() <= atMillis;
    }
  }

  private final int port;
  private HttpServer server;
  private final List<JsonNode> received = new ArrayList<>();
  private final List<Arrival> arrivals = new ArrayList<>();
  private final Map<String, JsonNode> byLabels = new LinkedHashMap<>();
  private final Map<String, Arrival> arrivalByLabels = new LinkedHashMap<>();
  private final List<String> authorizations = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private int requests;
  private volatile ToIntFunction<JsonNode> answer = body -> 200;

  public AlertReceiver() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public synchronized AlertReceiver start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    server.createContext("/api/v2/alerts", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        JsonNode body = MAPPER.readTree(in);
        long now = System.currentTimeMillis();
        int status = "POST".equals(exchange.getRequestMethod()) ? answer.applyAsInt(body) : 405;
        synchronized (AlertReceiver.this) {
          requests++;
          batchSizes.add(body.size());
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          if (status / 100 == 2) {
            for (JsonNode alert : body) {
              received.add(alert);
              arrivals.add(new Arrival(alert, now));
              byLabels.put(alert.get("labels").toString(), alert);
              arrivalByLabels.put(alert.get("labels").toString(), new Arrival(alert, now));
            }
          }
        }
        exchange.sendResponseHeaders(status, -1);
      } finally {
        exchange.close();
      }
    });
    server.start();
    return this;
  }

  /**
   * How the receiver answers a POST, from its body (the array of alerts): 200 by default; a 500 plays a
   * receiver that is down, a 400 one that refuses an invalid alert (Alertmanager refuses the whole batch).
   */
  public AlertReceiver answering(ToIntFunction<JsonNode> statusOfBody) {
    this.answer = statusOfBody;
    return this;
  }

  /** POSTs received, whatever the answer. */
  public synchronized int requests() {
    return requests;
  }

  /** The number of alerts in each POST, in order. */
  public synchronized List<Integer> batchSizes() {
    return new ArrayList<>(batchSizes);
  }

  /** The {@code Authorization} header of each POST (null where none), in order. */
  public synchronized List<String> authorizations() {
    return new ArrayList<>(authorizations);
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Every alert element received, in order, with repeats. */
  public synchronized List<JsonNode> received() {
    return new ArrayList<>(received);
  }

  /** Every alert element received, in order, with repeats, each with the time it arrived. */
  public synchronized List<Arrival> arrivals() {
    return new ArrayList<>(arrivals);
  }

  /** The latest arrival per {@code alertId} label (its state and when it came). */
  public synchronized Map<String, Arrival> latestById() {
    Map<String, Arrival> out = new LinkedHashMap<>();
    for (Arrival a : arrivalByLabels.values()) {
      out.put(a.alert().get("labels").get("alertId").asText(), a);
    }
    return out;
  }

  /** The alerts as Alertmanager would hold them: one per label set, the latest state. */
  public synchronized Map<String, JsonNode> alertsByLabels() {
    return new LinkedHashMap<>(byLabels);
  }

  /** The latest state per {@code alertId} label. */
  public synchronized Map<String, JsonNode> alertsById() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode a : byLabels.values()) {
      out.put(a.get("labels").get("alertId").asText(), a);
    }
    return out;
  }

  @Override
  public void close() {
    stop();
  }
}
