package com.faultlink.correlate;

import com.faultlink.model.PlannedWork;

/**
 * What every outage-assembly task must know besides its cells' alarms (the broadcast input): where a bounded
 * input ended ({@code horizon}), or an announced planned work. Exactly one of the two is set.
 */
public record AssemblyNotice(Long horizon, PlannedWork work) {

  public static AssemblyNotice horizon(long newestEventTime) {
    return new AssemblyNotice(newestEventTime, null);
  }

  public static AssemblyNotice work(PlannedWork work) {
    return new AssemblyNotice(null, work);
  }
}
