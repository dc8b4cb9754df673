package com.faultlink.tickets;

/** A ticket of a region and tier becoming overdue ({@code +1}) or leaving overdue ({@code -1}) at {@code time}. */
public record OverdueChange(String region, String tier, long time, int delta) {
  public String key() {
    return region + "|" + tier;
  }
}
