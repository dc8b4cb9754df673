package com.faultlink.io.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A real HTTP receiver on 127.0.0.1 standing in for Alertmanager: records every alert POSTed to
 * {@code /api/v2/alerts} and keeps, as Alertmanager does, one alert per label set (the latest state wins). It can
 * be stopped and started again on the same port.
 */
public final class AlertReceiver implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final int port;
  private HttpServer server;
  private final List<JsonNode> received = new ArrayList<>();
  private final Map<String, JsonNode> byLabels = new LinkedHashMap<>();
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
        int status = "POST".equals(exchange.getRequestMethod()) ? answer.applyAsInt(body) : 405;
        synchronized (AlertReceiver.this) {
          requests++;
          batchSizes.add(body.size());
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          if (status / 100 == 2) {
            for (JsonNode alert : body) {
              received.add(alert);
              byLabels.put(alert.get("labels").toString(), alert);
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
