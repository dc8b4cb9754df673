package com.faultlink.model;

import java.util.Locale;

/** How close the attributed outage is to the complaint; lower ordinal wins. */
public enum MatchLevel {
  CELL,
  SITE,
  NEIGHBOR,
  REGION,
  NONE;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
