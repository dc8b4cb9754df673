package com.faultlink.model;

/** The contract's alert types. */
public enum AlertType {
  COMPLAINT_BURST,
  GOLDEN_WINDOW_AT_RISK,
  GOLDEN_WINDOW_BREACHED,
  MASS_OUTAGE,
  /** One per incident (common cause), from its second outage; resolved when it ends. */
  INCIDENT,
  /** A region's metric missed its configured target over a closed period (see {@code targets} in the config). */
  KPI_MISSED,
  /** A region's overdue tickets of one tier reached {@code tickets.overdueAlertCount}. */
  TICKETS_OVERDUE
}
