package com.faultlink.golden;

import com.faultlink.model.ClosedOutage;

/** A closed outage routed to one golden-window scope. */
public record ScopedClosedOutage(String region, String technology, ClosedOutage outage) {
  public String scope() {
    return Scopes.key(region, technology);
  }
}
