package com.faultlink.planned;

import com.faultlink.model.Attribution;
import com.faultlink.model.Outage;
import com.faultlink.model.PlannedWork;

/** One input of a work's impact, keyed by {@code workId}: the work itself, a snapshot of one of its outages, or a complaint attributed to one. */
public record WorkFact(String workId, PlannedWork work, Outage outage, Attribution complaint) {

  public static WorkFact of(PlannedWork w) {
    return new WorkFact(w.workId(), w, null, null);
  }

  public static WorkFact of(Outage o) {
    return new WorkFact(o.workId(), null, o, null);
  }

  public static WorkFact of(Attribution a) {
    return new WorkFact(a.workId(), null, null, a);
  }
}
