package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * {@code sinks.alertmanager}: where alerts are also POSTed, in Prometheus Alertmanager's API shape.
 *
 * @param url the Alertmanager's base URL; alerts go to {@code <url>/api/v2/alerts}
 * @param generatorUrl each alert's {@code generatorURL} (where an operator finds its source)
 * @param resendInterval firing alerts are sent again this often (Alertmanager resolves an alert not re-sent within
 *     its {@code resolve_timeout}, 5 minutes by default)
 * @param initialBackoff first wait after a failed POST; doubles up to {@code maxBackoff}
 * @param requestTimeout a POST taking longer has failed
 * @param maxPending the most alerts kept for (re)sending; beyond it the oldest are dropped and counted
 * @param closeTimeout at the end of a bounded run, how long unsent alerts are still tried
 */
public record AlertmanagerConfig(
    String url,
    String generatorUrl,
    Duration resendInterval,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout,
    int maxPending,
    Duration closeTimeout)
    implements Serializable {

  static AlertmanagerConfig read(ConfigNode node) {
    String url = node.requiredString("url");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException("config key '" + node.keyPath("url") + "': '" + url + "' is not an http(s) URL");
    }
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return new AlertmanagerConfig(url,
        node.string("generatorUrl", "https://github.com/faultlink#alerts"),
        node.duration("resendInterval", Duration.ofMinutes(1), false),
        node.duration("initialBackoff", Duration.ofSeconds(1), false),
        node.duration("maxBackoff", Duration.ofMinutes(1), false),
        node.duration("requestTimeout", Duration.ofSeconds(10), false),
        node.integer("maxPending", 10_000, 1, 10_000_000),
        node.duration("closeTimeout", Duration.ofSeconds(10), true));
  }

  /** The same settings against another receiver, with other timings (tests). */
  public AlertmanagerConfig with(String newUrl, Duration resend, Duration backoff, Duration close) {
    return new AlertmanagerConfig(newUrl, generatorUrl, resend, backoff, maxBackoff.compareTo(backoff) < 0 ? backoff
        : maxBackoff, requestTimeout, maxPending, close);
  }
}
