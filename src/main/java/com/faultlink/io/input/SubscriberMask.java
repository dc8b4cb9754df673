package com.faultlink.io.input;

import com.faultlink.config.ConfigLoader;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the subscriber numbers in text copied from an input into an output (a ticket id, an unknown cell id, a
 * region name, an alarm or work id): every match of {@code privacy.subscriberPattern} becomes {@code sub#} and 16
 * letters {@code a}–{@code p}, the customer-key hash of the number ({@link CustomerKeyHasher}, the same key as the
 * complaint's customer key, each hex digit written as a letter).
 *
 * <p>Why a keyed hash and not {@code ***}: masked text is still an identity. Two tickets {@code TT-13995000001} and
 * {@code TT-13995000002} must stay two tickets (a fixed mask would make the second a duplicate of the first and drop
 * it), and the raise and clear of one alarm must still pair. The same number gives the same mask (written
 * {@code 139-9500-0001} or {@code +86 139 9500 0001} too), different numbers different masks, and without the secret
 * a mask cannot be turned back into a number by trying them all. Letters only, so a mask holds no digits: it never
 * matches the pattern again, nor a scanner looking for phone numbers.
 *
 * <p>Thread-safe; serializable (the compiled pattern is rebuilt where it is used).
 */
public final class SubscriberMask implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String PREFIX = "sub#";

  private final String pattern;
  private final CustomerKeyHasher hasher;
  /** The default pattern needs 11 digits: text with fewer (nearly all ids) is passed on without a regex. */
  private final int minDigits;
  private transient volatile Pattern compiled;

  public SubscriberMask(String pattern, CustomerKeyHasher hasher) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.minDigits = ConfigLoader.DEFAULT_SUBSCRIBER_PATTERN.equals(pattern) ? 11 : 0;
    compiled = Pattern.compile(pattern);
  }

  /** The default pattern with the given hasher (tests, tools). */
  public static SubscriberMask withDefaultPattern(CustomerKeyHasher hasher) {
    return new SubscriberMask(ConfigLoader.DEFAULT_SUBSCRIBER_PATTERN, hasher);
  }

  /** {@code text} with every subscriber number masked; the same object when there is none; null stays null. */
  public String mask(String text) {
    if (text == null || (minDigits > 0 && asciiDigits(text) < minDigits)) {
      return text;
    }
    Matcher m = pattern().matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    int last = 0;
    do {
      if (m.end() == m.start()) {
        continue; // a custom pattern that matches the empty string has nothing to mask there
      }
      out.append(text, last, m.start()).append(token(m.group()));
      last = m.end();
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  private String token(String number) {
    String key = CustomerKeyHasher.hasDigit(number) ? hasher.keyOf(number) : hasher.keyOfText(number);
    char[] letters = new char[PREFIX.length() + key.length()];
    PREFIX.getChars(0, PREFIX.length(), letters, 0);
    for (int i = 0; i < key.length(); i++) {
      letters[PREFIX.length() + i] = (char) ('a' + Character.digit(key.charAt(i), 16));
    }
    return new String(letters);
  }

  private Pattern pattern() {
    Pattern p = compiled;
    if (p == null) {
      p = Pattern.compile(pattern);
      compiled = p;
    }
    return p;
  }

  private static int asciiDigits(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "SubscriberMask[" + pattern + "]";
  }
}
