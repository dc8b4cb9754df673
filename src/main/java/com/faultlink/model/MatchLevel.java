package com.faultlink.model;

import java.util.Locale;

/** How close the attributed outage is to the complaint; lower ordinal wins. */
public enum MatchLevel {
  CELL,
  SITE,
  NEIGHBOR,
  REGION,
  NONE;

  /** The name as output streams write it (once: it is written for every complaint). */
  private final String json = name().toLowerCase(Locale.ROOT);

  public String json() {
    return json;
  }
}
