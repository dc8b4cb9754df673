package com.faultlink.model;

import java.util.List;
import java.util.Map;

/**
 * One region's and period's complaints by channel, ticket severity and serving-cell technology (see {@code
 * metrics.ComplaintGroups} for how a complaint is put in a group). Every name of each group is present, zeros
 * included. The fixed names are here, beside the record that carries them, so that the outputs that write them need
 * not reach up into {@code metrics}.
 *
 * @param escalated complaints on a configured escalation channel (regulator, 越级): the "越级投诉" of the reports
 */
public record ComplaintBreakdown(
    Map<String, Long> byChannel, Map<String, Long> bySeverity, Map<String, Long> byTechnology, long escalated) {

  public static final List<String> STANDARD_CHANNELS = List.of("hotline", "app", "wechat", "web", "store", "sms");
  public static final List<String> SEVERITIES = List.of("critical", "major", "minor", "other");
  public static final List<String> TECHNOLOGIES = List.of("2G", "3G", "4G", "5G", "WLAN", "unknown");
  public static final String OTHER = "other";
  public static final String UNKNOWN = "unknown";

  public static final ComplaintBreakdown EMPTY = new ComplaintBreakdown(Map.of(), Map.of(), Map.of(), 0);
}
