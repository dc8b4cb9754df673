package com.faultlink.runtime;

import com.faultlink.config.ConfigException;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.InputConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before a local run starts: is any broker of each configured Kafka cluster reachable? Kafka's clients retry an
 * unreachable broker for minutes, each try a WARN line, before one {@code TimeoutException}; a plain TCP
 * connection to the bootstrap addresses tells the same in one line within seconds, naming the config key.
 */
public final class KafkaReachability {
  /** How long one address may take to accept a connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private KafkaReachability() {}

  /** Every config key that names Kafka brokers, with its value, in config order. */
  static Map<String, String> bootstrapKeys(FaultLinkConfig config) {
    Map<String, String> keys = new LinkedHashMap<>();
    FaultLinkConfig.Sources s = config.sources();
    put(keys, "sources.alarms", s.alarms());
    put(keys, "sources.complaints", s.complaints());
    put(keys, "sources.works", s.works());
    if (config.sinks().kafka() != null) {
      keys.put("sinks.kafka.bootstrapServers", config.sinks().kafka().bootstrapServers());
    }
    return keys;
  }

  private static void put(Map<String, String> keys, String input, InputConfig in) {
    if (in != null && in.isKafka()) {
      keys.put(input + ".kafka.bootstrapServers", in.kafka().bootstrapServers());
    }
  }

  /**
   * @throws ConfigException for the first key none of whose brokers accepts a connection within {@link
   *     #CONNECT_TIMEOUT}, naming the key, the addresses and what went wrong
   */
  public static void require(FaultLinkConfig config) {
    Map<String, String> checked = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : bootstrapKeys(config).entrySet()) {
      if (checked.containsValue(e.getValue())) {
        continue; // the same brokers as a key already checked
      }
      String problem = unreachable(e.getValue(), CONNECT_TIMEOUT);
      if (problem != null) {
        throw new ConfigException("config key '" + e.getKey() + "': no Kafka broker reachable at " + e.getValue()
            + " (" + problem + "); is the broker running (jobs/kafka-local.sh start) and the address right?");
      }
      checked.put(e.getKey(), e.getValue());
    }
  }

  /** Null when some address of {@code servers} accepts a TCP connection; else what went wrong, per address. */
  static String unreachable(String servers, Duration timeout) {
    List<String> problems = new ArrayList<>();
    for (String address : servers.split(",")) {
      String a = address.trim();
      int colon = a.lastIndexOf(':');
      if (a.isEmpty() || colon <= 0) {
        problems.add(a + ": not host:port");
        continue;
      }
      String host = a.substring(0, colon).replace("[", "").replace("]", "");
      int port;
      try {
        port = Integer.parseInt(a.substring(colon + 1));
      } catch (NumberFormatException e) {
        problems.add(a + ": not host:port");
        continue;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        return null;
      } catch (IOException e) {
        problems.add(a + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    return String.join("; ", problems);
  }
}
