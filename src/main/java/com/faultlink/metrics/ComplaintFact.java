package com.faultlink.metrics;

import com.faultlink.model.Category;

/**
 * What period metrics need to know of one decided complaint, for one scope (a region or {@code *}).
 *
 * @param channel its channel group ({@link ComplaintGroups}), or null where not grouped (tests)
 * @param severity its severity group, or null
 * @param technology its serving cell's technology, or null
 * @param escalated whether it came on a configured escalation channel
 */
public record ComplaintFact(
    String scope, long time, Category category, String customerKey, boolean faultCaused, boolean planned,
    String channel, String severity, String technology, boolean escalated) {

  /** A complaint not broken down by channel, severity or technology (tests). */
  public ComplaintFact(String scope, long time, Category category, String customerKey, boolean faultCaused,
      boolean planned) {
    this(scope, time, category, customerKey, faultCaused, planned, null, null, null, false);
  }
}
