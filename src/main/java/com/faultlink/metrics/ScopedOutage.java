package com.faultlink.metrics;

import com.faultlink.model.Outage;

/**
 * An outage snapshot routed to one metrics scope (its region, or {@code *}); or, with {@code
 * restoredInWindow} set, the outage's golden-window outcome; or, with {@code ackAt} set, its first
 * acknowledgement.
 *
 * @param restoredInWindow null for a snapshot; for an outcome, whether it was restored inside its window
 * @param ackAt null unless this is the outage's first acknowledgement: its time (epoch ms)
 */
public record ScopedOutage(String scope, Outage outage, Boolean restoredInWindow, Long ackAt) {
  public ScopedOutage(String scope, Outage outage) {
    this(scope, outage, null, null);
  }

  public ScopedOutage(String scope, Outage outage, Boolean restoredInWindow) {
    this(scope, outage, restoredInWindow, null);
  }

  public boolean isOutcome() {
    return restoredInWindow != null;
  }

  public boolean isAck() {
    return ackAt != null;
  }
}
