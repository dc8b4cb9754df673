package com.faultlink.model;

/** The contract's alert types. */
public enum AlertType {
  COMPLAINT_BURST,
  GOLDEN_WINDOW_AT_RISK,
  GOLDEN_WINDOW_BREACHED,
  MASS_OUTAGE,
  /** One page for the outages of one root cause (contract "Incidents"). */
  INCIDENT
}
