package com.faultlink.tools.generator;

/** What the generator puts into the data, for tests that check what FaultLink learns from it. */
public final class GeneratorRecord {
  private GeneratorRecord() {}

  /**
   * Expected fault complaints per minute of an unplanned outage of {@code technology} (2G, 3G, 4G, 5G, WLAN) in
   * {@code region} (a city), {@code u} minutes after its start while it is open, before the outage's own level and
   * the hour of day (both multiply the whole curve, so they do not move a ratio crossing).
   */
  public static double expectedRate(String region, String technology, double u) {
    return Scenario.expectedRate(region, technology, u);
  }
}
