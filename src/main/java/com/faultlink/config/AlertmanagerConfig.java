package com.faultlink.config;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * {@code sinks.alertmanager}: where alerts are also POSTed, in Prometheus Alertmanager's API shape.
 *
 * @param url the Alertmanager's base URL; alerts go to {@code <url>/api/v2/alerts}. User info in it
 *     ({@code http://user:secret@host:9093}) is sent as basic credentials and never shown
 * @param generatorUrl each alert's {@code generatorURL} (where an operator finds its source)
 * @param resendInterval firing alerts are sent again this often, each POST with {@code endsAt} 4 intervals ahead
 *     (Alertmanager expires an alert not re-sent by then)
 * @param initialBackoff first wait after a failed POST; doubles up to {@code maxBackoff}
 * @param requestTimeout a POST taking longer has failed
 * @param maxPending the most alerts kept for (re)sending; beyond it the oldest are dropped and counted
 * @param closeTimeout at the end of a bounded run, how long unsent alerts are still tried
 * @param user basic-auth user: {@code user}, else {@code FAULTLINK_ALERTMANAGER_USER}, else the URL's user info
 * @param password basic-auth password: {@code password}, else {@code FAULTLINK_ALERTMANAGER_PASSWORD}, else the
 *     URL's
 * @param bearerToken {@code bearerToken}, else {@code FAULTLINK_ALERTMANAGER_TOKEN}; excludes basic credentials
 */
public record AlertmanagerConfig(
    String url,
    String generatorUrl,
    Duration resendInterval,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout,
    int maxPending,
    Duration closeTimeout,
    String user,
    String password,
    String bearerToken)
    implements Serializable {

  public static final String USER_ENV = "FAULTLINK_ALERTMANAGER_USER";
  public static final String PASSWORD_ENV = "FAULTLINK_ALERTMANAGER_PASSWORD";
  public static final String TOKEN_ENV = "FAULTLINK_ALERTMANAGER_TOKEN";

  /** Without credentials (tests, a receiver on loopback). */
  public AlertmanagerConfig(String url, String generatorUrl, Duration resendInterval, Duration initialBackoff,
      Duration maxBackoff, Duration requestTimeout, int maxPending, Duration closeTimeout) {
    this(url, generatorUrl, resendInterval, initialBackoff, maxBackoff, requestTimeout, maxPending, closeTimeout,
        null, null, null);
  }

  static AlertmanagerConfig read(ConfigNode node, Map<String, String> env) {
    String url = node.requiredString("url");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException("config key '" + node.keyPath("url") + "': '" + UrlCredentials.redact(url)
          + "' is not an http(s) URL");
    }
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    String user = node.string("user", env.get(USER_ENV));
    String password = node.string("password", env.get(PASSWORD_ENV));
    String token = node.string("bearerToken", env.get(TOKEN_ENV));
    String[] inUrl;
    try {
      inUrl = UrlCredentials.userInfo(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config key '" + node.keyPath("url") + "': '" + UrlCredentials.redact(url)
          + "' is not a valid URL");
    }
    if (user == null && inUrl != null) {
      user = inUrl[0];
      password = password != null ? password : inUrl[1];
    }
    if (token != null && user != null) {
      throw new ConfigException("config key '" + node.keyPath("bearerToken") + "': a bearer token and basic "
          + "credentials (user, " + USER_ENV + " or user info in the URL) are both set; give one");
    }
    if (password != null && user == null) {
      throw new ConfigException("config key '" + node.keyPath("password") + "': a password without a user (set "
          + node.keyPath("user") + " or " + USER_ENV + ")");
    }
    return new AlertmanagerConfig(UrlCredentials.withoutUserInfo(url),
        node.string("generatorUrl", "https://github.com/faultlink#alerts"),
        node.duration("resendInterval", Duration.ofMinutes(1), false),
        node.duration("initialBackoff", Duration.ofSeconds(1), false),
        node.duration("maxBackoff", Duration.ofMinutes(1), false),
        node.duration("requestTimeout", Duration.ofSeconds(10), false),
        node.integer("maxPending", 10_000, 1, 10_000_000),
        node.duration("closeTimeout", Duration.ofSeconds(10), true),
        user, password, token);
  }

  /** The {@code Authorization} header's value, or null for none. */
  public String authorization() {
    if (bearerToken != null) {
      return "Bearer " + bearerToken;
    }
    if (user != null) {
      String pair = user + ":" + (password == null ? "" : password);
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /** The same settings against another receiver, with other timings (tests). */
  public AlertmanagerConfig with(String newUrl, Duration resend, Duration backoff, Duration close) {
    return new AlertmanagerConfig(newUrl, generatorUrl, resend, backoff, maxBackoff.compareTo(backoff) < 0 ? backoff
        : maxBackoff, requestTimeout, maxPending, close, user, password, bearerToken);
  }

  /** The same settings with other credentials (tests). */
  public AlertmanagerConfig withCredentials(String newUser, String newPassword, String newToken) {
    return new AlertmanagerConfig(url, generatorUrl, resendInterval, initialBackoff, maxBackoff, requestTimeout,
        maxPending, closeTimeout, newUser, newPassword, newToken);
  }

  @Override
  public String toString() {
    return "AlertmanagerConfig[url=" + UrlCredentials.redact(url) + ", auth="
        + (bearerToken != null ? "bearer ***" : user != null ? "basic ***" : "none") + "]";
  }
}
