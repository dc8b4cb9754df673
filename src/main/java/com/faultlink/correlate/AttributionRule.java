package com.faultlink.correlate;

import com.faultlink.model.Outage;
import java.util.Comparator;

/**
 * The contract's choice among outages that may explain a complaint: open at the complaint time or closed at
 * most the tail before it; the closest level wins, then the latest start, then the smallest outage id.
 */
public final class AttributionRule {
  private AttributionRule() {}

  public static final Comparator<CandidateOutage> PREFERENCE = Comparator
      .comparing(CandidateOutage::level)
      .thenComparing(Comparator.comparingLong((CandidateOutage c) -> c.outage().start()).reversed())
      .thenComparing(c -> c.outage().outageId());

  /** Whether the outage covers a complaint at {@code complaintTime}, tail included. */
  public static boolean covers(Outage outage, long complaintTime, long tailMillis) {
    if (complaintTime < outage.start()) {
      return false;
    }
    return outage.end() == null || complaintTime <= outage.end() + tailMillis;
  }

  /** The best candidate that covers the complaint, or null. */
  public static CandidateOutage choose(Iterable<CandidateOutage> candidates, long complaintTime, long tailMillis) {
    CandidateOutage best = null;
    for (CandidateOutage c : candidates) {
      if (covers(c.outage(), complaintTime, tailMillis) && (best == null || PREFERENCE.compare(c, best) < 0)) {
        best = c;
      }
    }
    return best;
  }
}
