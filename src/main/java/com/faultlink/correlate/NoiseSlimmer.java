package com.faultlink.correlate;

import com.faultlink.incident.RootAlarmRule;
import com.faultlink.model.AlarmEvent;
import com.faultlink.reference.CellTable;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Before alarms are shuffled to deduplication, shrinks each alarm that cannot make an outage (nine alarms in ten
 * at province scale: other causes, other objects) to what deduplication and counting still need: its {@code
 * eventId}, kind and times. Deduplication must see every accepted line, whatever its kind (the contract: a repeated
 * {@code eventId} is one event whatever it says), but a noise alarm then crosses the shuffle as a few bytes instead
 * of the whole event; {@link OutageAlarmFilter} counts and drops it after deduplication. Root-cause alarms
 * (incidents) keep their fields: they are branched off to incident assembly after deduplication.
 */
public final class NoiseSlimmer implements MapFunction<AlarmEvent, AlarmEvent> {
  private static final long serialVersionUID = 1L;

  private final OutageAlarmFilter.Rule rule;
  /** Root-cause alarms (incidents) are no noise either; null: none kept. */
  private final RootAlarmRule roots;

  public NoiseSlimmer(List<String> causes, CellTable cells) {
    this(causes, cells, null);
  }

  public NoiseSlimmer(List<String> causes, CellTable cells, RootAlarmRule roots) {
    this.rule = new OutageAlarmFilter.Rule(causes, cells);
    this.roots = roots;
  }

  @Override
  public AlarmEvent map(AlarmEvent alarm) {
    return rule.mayMakeOutage(alarm) || (roots != null && roots.isRootAlarm(alarm)) ? alarm : slim(alarm);
  }

  /** The noise alarm without its alarm fields: no source system, which no accepted alarm lacks. */
  static AlarmEvent slim(AlarmEvent a) {
    return new AlarmEvent(a.eventId(), a.kind(), null, null, null, null, null, false, a.time(), a.eventTime());
  }

  /** Whether {@code a} was slimmed down as noise. */
  public static boolean isSlimmed(AlarmEvent a) {
    return a.sourceSystemId() == null;
  }
}
