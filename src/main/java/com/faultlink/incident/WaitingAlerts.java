package com.faultlink.incident;

import com.faultlink.model.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.api.common.state.ListState;

/** Alerts an incident tagger holds back until event time passes them: the ones due now, in a stable order. */
final class WaitingAlerts {
  private WaitingAlerts() {}

  /**
   * Removes the alerts {@code isDue} accepts from {@code waiting} and returns them by instant, a firing record
   * before its resolution at the same instant, so a replay emits them in the same order.
   */
  static List<Alert> takeDue(ListState<Alert> waiting, Predicate<Alert> isDue) throws Exception {
    List<Alert> due = new ArrayList<>();
    List<Alert> later = new ArrayList<>();
    Iterable<Alert> all = waiting.get();
    if (all != null) {
      for (Alert a : all) {
        (isDue.test(a) ? due : later).add(a);
      }
    }
    waiting.update(later);
    due.sort(Comparator.comparingLong(Alert::at).thenComparing(a -> a.status().ordinal()));
    return due;
  }
}
