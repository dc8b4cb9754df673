package com.faultlink.metrics;

import com.faultlink.model.Category;

/** Mutable running counts of one scope and period, held in keyed state until the period closes. */
public class PeriodCounts {
  public long outages;
  public long plannedOutages;
  public long complaints;
  public long faultComplaints;
  public long plannedComplaints;
  public long voice;
  public long data;
  public long messaging;
  public long other;
  public long complainants;
  public long repeatComplainants;
  /** Unplanned outages started in the period whose golden-window outcome is known. */
  public long goldenOutcomes;
  /** Of those, the ones restored inside their golden window. */
  public long restoredInWindow;

  public PeriodCounts() {}

  void addComplaint(Category category, boolean fault, boolean planned) {
    complaints++;
    if (fault) {
      faultComplaints++;
    }
    if (planned) {
      plannedComplaints++;
    }
    switch (category) {
      case VOICE -> voice++;
      case DATA -> data++;
      case MESSAGING -> messaging++;
      default -> other++;
    }
  }
}
