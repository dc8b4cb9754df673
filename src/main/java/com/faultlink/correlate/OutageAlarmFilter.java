package com.faultlink.correlate;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import com.faultlink.reference.CellTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.RunCounter;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Keeps the alarms that can make an outage: a configured outage cause on a cell of the cell table. Others
 * are counted and otherwise ignored (including those {@link NoiseSlimmer} already slimmed down). A clear that
 * does not say its cause or object is kept: its raise decides.
 *
 * <p>It runs after deduplication on {@code eventId} (chained to it): the contract makes a repeated {@code eventId}
 * one event whatever the copy says, so a copy claiming another cause or object is a duplicate, not noise and not an
 * outage alarm. {@code nonOutageAlarms} counts distinct noise events; {@code duplicateEvents} every repeat.
 */
public final class OutageAlarmFilter extends RichFilterFunction<AlarmEvent> {
  private static final long serialVersionUID = 1L;

  private final Rule rule;
  private transient RunCounter ignored;

  public OutageAlarmFilter(List<String> causes, CellTable cells) {
    this.rule = new Rule(causes, cells);
  }

  @Override
  public void open(OpenContext openContext) {
    ignored = RunCounter.register(getRuntimeContext(), CounterNames.NON_OUTAGE_ALARMS);
  }

  @Override
  public boolean filter(AlarmEvent alarm) {
    boolean keep = !NoiseSlimmer.isSlimmed(alarm) && rule.mayMakeOutage(alarm);
    if (!keep) {
      ignored.inc();
    }
    return keep;
  }

  /**
   * The rule alone, without counting: whether an alarm can make or end an outage. The parse stage passes a
   * too-late clear on to the pairing only if it can end one; any other too-late line is rejected there.
   */
  public static SerializableFunction<AlarmEvent, Boolean> rule(List<String> causes, CellTable cells) {
    Rule rule = new Rule(causes, cells);
    return rule::mayMakeOutage;
  }

  /** Which alarms can make (or end) an outage. */
  static final class Rule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> causes;
    private final CellTable cells;

    Rule(List<String> causes, CellTable cells) {
      this.causes = new HashSet<>(causes);
      this.cells = cells;
    }

    boolean mayMakeOutage(AlarmEvent alarm) {
      return switch (alarm.kind()) {
        case RAISE -> isOutageRaise(alarm);
        case CLEAR -> mayCloseOutage(alarm);
        // an acknowledgement names no cause: its raise decides, where it names no object or a cell of the table
        case ACK -> alarm.objectId() == null || cells.contains(alarm.objectId());
      };
    }

    private boolean isOutageRaise(AlarmEvent a) {
      return a.probableCause() != null && causes.contains(a.probableCause()) && cells.contains(a.objectId());
    }

    private boolean mayCloseOutage(AlarmEvent a) {
      // the cause first: most clears are of noise, and the cause set is smaller than the cell table
      return (a.probableCause() == null || causes.contains(a.probableCause()))
          && (a.objectId() == null || cells.contains(a.objectId()));
    }
  }
}
