package com.faultlink.model;

import java.util.Locale;

/** An alert is firing until a later record with the same {@code alertId} says it is resolved. */
public enum AlertStatus {
  FIRING,
  RESOLVED;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
