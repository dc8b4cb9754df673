package com.faultlink.correlate;

import com.faultlink.model.PlannedWork;
import com.faultlink.reference.Cell;

/**
 * The contract's planned-work rule, without Flink types: an outage is planned when it starts inside an announced
 * work's window ({@code start ≤ t < end}) on one of the work's cells or on any cell of one of its regions. Where
 * several works cover it, the one that started last wins (the cut-over at hand), then the smallest {@code id}, so
 * the choice does not depend on the order works arrived in.
 */
public final class WorkMatcher {
  private WorkMatcher() {}

  /** Whether {@code work} covers an outage of {@code cell} starting at {@code time}. */
  public static boolean covers(PlannedWork work, Cell cell, long time) {
    if (!work.announced() || time < work.start() || time >= work.end()) {
      return false;
    }
    return work.cells().contains(cell.cellId()) || work.regions().contains(cell.region());
  }

  /** The work of an outage of {@code cell} starting at {@code time}, or null. */
  public static PlannedWork choose(Iterable<PlannedWork> works, Cell cell, long time) {
    PlannedWork best = null;
    for (PlannedWork w : works) {
      if (covers(w, cell, time) && (best == null || w.start() > best.start()
          || (w.start() == best.start() && w.workId().compareTo(best.workId()) < 0))) {
        best = w;
      }
    }
    return best;
  }
}
