package com.faultlink.tools.generator;

import java.util.List;

/** What the generator puts into the data, for tests that check what FaultLink learns from it. */
public final class GeneratorRecord {
  private GeneratorRecord() {}

  /**
   * The incidents put in on purpose, with their outages: the transmission faults behind the mass outages
   * ({@code lossOfSignal} on a {@code Transmission} object feeding several sites) and the power failures (cells
   * dropping 30-120 minutes after a {@code powerSupplyFailure}). From {@link SampleSet.Summary#incidents()}.
   */
  public static List<InjectedIncident> injectedIncidents(SampleSet.Summary summary) {
    return summary.incidents();
  }

  /**
   * Expected fault complaints per minute of an unplanned outage of {@code technology} (2G, 3G, 4G, 5G, WLAN) in
   * {@code region} (a city), {@code u} minutes after its start while it is open, before the outage's own level and
   * the hour of day (both multiply the whole curve, so they do not move a ratio crossing).
   */
  public static double expectedRate(String region, String technology, double u) {
    return Scenario.expectedRate(region, technology, u);
  }
}
