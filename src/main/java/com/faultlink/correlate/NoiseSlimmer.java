package com.faultlink.correlate;

import com.faultlink.model.AlarmEvent;
import com.faultlink.reference.CellTable;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Before alarms are shuffled to deduplication, shrinks each alarm that cannot make an outage (most alarms are
 * noise: other causes, other objects) to what deduplication and counting still need: its {@code eventId},
 * kind and times. Deduplication sees every event as before — duplicates and late events are counted alike —
 * but moves a few bytes per noise alarm instead of the whole event; {@link OutageAlarmFilter} then counts and
 * drops it.
 */
public final class NoiseSlimmer implements MapFunction<AlarmEvent, AlarmEvent> {
  private static final long serialVersionUID = 1L;

  private final OutageAlarmFilter.Rule rule;

  public NoiseSlimmer(List<String> causes, CellTable cells) {
    this.rule = new OutageAlarmFilter.Rule(causes, cells);
  }

  @Override
  public AlarmEvent map(AlarmEvent alarm) {
    return rule.mayMakeOutage(alarm) ? alarm : slim(alarm);
  }

  /** The noise alarm without its alarm fields: no source system, which no accepted alarm lacks. */
  static AlarmEvent slim(AlarmEvent a) {
    return new AlarmEvent(a.eventId(), a.kind(), null, null, null, null, null, false, a.time(), a.eventTime());
  }

  /** Whether {@code a} was slimmed down as noise. */
  static boolean isSlimmed(AlarmEvent a) {
    return a.sourceSystemId() == null;
  }
}
