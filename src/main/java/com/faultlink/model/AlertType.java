package com.faultlink.model;

/** The contract's alert types. */
public enum AlertType {
  COMPLAINT_BURST,
  GOLDEN_WINDOW_AT_RISK,
  GOLDEN_WINDOW_BREACHED,
  MASS_OUTAGE,
  /** A region's overdue tickets of one tier reached {@code tickets.overdueAlertCount}. */
  TICKETS_OVERDUE
}
