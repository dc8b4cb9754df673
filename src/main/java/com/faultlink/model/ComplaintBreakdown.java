package com.faultlink.model;

import java.util.Map;

/**
 * One region's and period's complaints by channel, ticket severity and serving-cell technology (see {@code
 * metrics.ComplaintGroups} for the names). Every name of each group is present, zeros included.
 *
 * @param escalated complaints on a configured escalation channel (regulator, 越级): the "越级投诉" of the reports
 */
public record ComplaintBreakdown(
    Map<String, Long> byChannel, Map<String, Long> bySeverity, Map<String, Long> byTechnology, long escalated) {

  public static final ComplaintBreakdown EMPTY = new ComplaintBreakdown(Map.of(), Map.of(), Map.of(), 0);
}
