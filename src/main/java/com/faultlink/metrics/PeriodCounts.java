package com.faultlink.metrics;

import com.faultlink.model.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  /** Complaints per channel, ticket severity and serving-cell technology (names from {@link ComplaintGroups}). */
  public Map<String, Long> byChannel = new HashMap<>();
  public Map<String, Long> bySeverity = new HashMap<>();
  public Map<String, Long> byTechnology = new HashMap<>();
  /** Complaints on a configured escalation channel. */
  public long escalated;
  /** Minutes from start to first acknowledgement of the outages first acknowledged in the period. */
  public List<Double> ackMinutes = new ArrayList<>();

  public PeriodCounts() {}

  void addGroups(ComplaintFact f) {
    if (f.channel() != null) {
      byChannel.merge(f.channel(), 1L, Long::sum);
    }
    if (f.severity() != null) {
      bySeverity.merge(f.severity(), 1L, Long::sum);
    }
    if (f.technology() != null) {
      byTechnology.merge(f.technology(), 1L, Long::sum);
    }
    if (f.escalated()) {
      escalated++;
    }
  }

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
