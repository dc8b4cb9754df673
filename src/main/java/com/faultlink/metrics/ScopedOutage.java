package com.faultlink.metrics;

import com.faultlink.model.Outage;

/**
 * An outage snapshot routed to one metrics scope (its region, or {@code *}); or, with {@code
 * restoredInWindow} set, the outage's golden-window outcome.
 *
 * @param restoredInWindow null for a snapshot; for an outcome, whether it was restored inside its window
 */
public record ScopedOutage(String scope, Outage outage, Boolean restoredInWindow) {
  public ScopedOutage(String scope, Outage outage) {
    this(scope, outage, null);
  }

  public boolean isOutcome() {
    return restoredInWindow != null;
  }
}
