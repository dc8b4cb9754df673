package com.faultlink.golden;

import com.faultlink.model.AlertType;
import java.time.Instant;

/**
 * Alert ids derived from the fact alone, never from arrival or wall-clock time: a replay, a restart or
 * another parallelism gives the same ids, so a consumer deduplicates on them.
 */
public final class AlertIds {
  private AlertIds() {}

  /** One per outage and type, e.g. {@code GOLDEN_WINDOW_BREACHED:OMC-HW-1/A-1001}. */
  public static String forOutage(AlertType type, String outageId) {
    return type.name() + ":" + outageId;
  }

  /** One per region and crossing instant, e.g. {@code MASS_OUTAGE:Yinchuan:2026-10-14T09:49:00Z}. */
  public static String forRegion(AlertType type, String region, long at) {
    return type.name() + ":" + region + ":" + Instant.ofEpochMilli(at);
  }
}
