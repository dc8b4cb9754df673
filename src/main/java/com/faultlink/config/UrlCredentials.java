package com.faultlink.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Credentials a URL may carry ({@code http://user:secret@host}, {@code jdbc:postgresql://host/db?password=...}),
 * and the same URL with them masked, which is the only form a log line, a thread name or an exception message
 * may show.
 */
public final class UrlCredentials {
  private UrlCredentials() {}

  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@?#]*@");
  private static final Pattern SECRET_PARAMETER = Pattern.compile(
      "(?i)((?:password|passwd|pwd|token|secret|sslpassword|user)=)[^&;]*");

  /** The URL with any user info and any password/token/user parameter replaced by {@code ***}. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String out = USER_INFO.matcher(url).replaceFirst("***@");
    return SECRET_PARAMETER.matcher(out).replaceAll("$1***");
  }

  /** The URL without its user info (what is actually requested). */
  public static String withoutUserInfo(String url) {
    return USER_INFO.matcher(url).replaceFirst("");
  }

  /** The decoded {@code user} and {@code password} of an http(s) URL's user info; null when it has none. */
  public static String[] userInfo(String url) {
    String raw = URI.create(url).getRawUserInfo();
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    int colon = raw.indexOf(':');
    String user = colon < 0 ? raw : raw.substring(0, colon);
    String password = colon < 0 ? "" : raw.substring(colon + 1);
    return new String[] {decode(user), decode(password)};
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
