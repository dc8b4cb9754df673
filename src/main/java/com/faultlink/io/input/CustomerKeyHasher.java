package com.faultlink.io.input;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that stands for a subscriber number everywhere outside the dead-letter quarantine: HMAC-SHA256 of
 * the number's digits (a leading {@code 86} country code dropped where that leaves the 11 digits of a national
 * number), hex, first 16 characters. The same number written {@code 13995000001}, {@code 139-9500-0001} or {@code +86
 * 139 9500 0001} gives the same key; without the secret a key cannot be turned back into a number by trying them all.
 *
 * <p>Thread-safe (one {@link Mac} per thread); serializable (the {@code Mac}s are not shipped, only the secret).
 */
public final class CustomerKeyHasher implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final String secret;
  private transient volatile ThreadLocal<Mac> macs;

  /** @param secret the HMAC key (non-empty); the same secret gives the same keys across runs */
  public CustomerKeyHasher(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the customer key secret must not be empty");
    }
    this.secret = secret;
    newMac(); // fail now, not on the first complaint, should HmacSHA256 be unavailable
  }

  /**
   * The 16-hex-character key of a subscriber number.
   *
   * @throws IllegalArgumentException when the text holds no digit (the message never quotes it)
   */
  public String keyOf(String subscriberNumber) {
    Objects.requireNonNull(subscriberNumber, "subscriber number");
    String digits = normalise(subscriberNumber);
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("a subscriber number must contain digits");
    }
    return hex16(mac().doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * The key of a text as it is (no digits picked out): for what a custom {@code privacy.subscriberPattern} matches
   * that holds no digit ({@link SubscriberMask}).
   */
  String keyOfText(String text) {
    return hex16(mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String hex16(byte[] h) {
    char[] out = new char[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = HEX[(h[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[h[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * The digits that are hashed: every decimal digit of the text (other scripts' digits read as ASCII), then a leading
   * {@code 86} removed where the result is 13 digits long.
   */
  static String normalise(String number) {
    StringBuilder sb = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      } else if (c > 127 && Character.isDigit(c)) {
        sb.append((char) ('0' + Character.digit(c, 10)));
      }
    }
    if (sb.length() == 13 && sb.charAt(0) == '8' && sb.charAt(1) == '6') {
      return sb.substring(2);
    }
    return sb.toString();
  }

  /** Whether {@link #keyOf} accepts the text: it holds at least one digit. */
  static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || (c > 127 && Character.isDigit(c))) {
        return true;
      }
    }
    return false;
  }

  private Mac mac() {
    ThreadLocal<Mac> local = macs;
    if (local == null) {
      synchronized (this) {
        local = macs;
        if (local == null) {
          local = ThreadLocal.withInitial(this::newMac);
          macs = local;
        }
      }
    }
    return local.get();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "CustomerKeyHasher[" + ALGORITHM + ", secret hidden]";
  }
}
