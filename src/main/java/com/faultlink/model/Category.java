package com.faultlink.model;

import java.util.Locale;

/** TMF621 extension {@code category}; anything missing or unknown counts as {@link #OTHER}. */
public enum Category {
  VOICE,
  DATA,
  MESSAGING,
  OTHER;

  public static Category fromText(String text) {
    if (text == null) {
      return OTHER;
    }
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "voice":
        return VOICE;
      case "data":
        return DATA;
      case "messaging":
        return MESSAGING;
      default:
        return OTHER;
    }
  }

  /** The name as output streams write it (once: it is written for every complaint). */
  private final String json = name().toLowerCase(Locale.ROOT);

  public String json() {
    return json;
  }
}
