package com.faultlink.model;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import com.faultlink.correlate.OutageNearSite;
import com.faultlink.correlate.CellAlarm;
import com.faultlink.metrics.ComplaintFact;
import com.faultlink.metrics.PeriodCounts;
import com.faultlink.metrics.PeriodTotals;
import com.faultlink.metrics.ScopedOutage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every type that crosses an operator boundary or sits in state is a Flink POJO: no Kryo fallback. */
class SerializationTest {
  @ParameterizedTest
  @ValueSource(classes = {
    AlarmEvent.class, Complaint.class, PlannedWork.class, DeadLetter.class, Outage.class, Attribution.class,
    OutageImpact.class, RegionMetrics.class, CellAlarm.class, OutageNearSite.class, ComplaintFact.class,
    ScopedOutage.class, PeriodTotals.class, PeriodCounts.class, Alert.class, GoldenWindow.class,
    BurstThreshold.class, ClosedOutage.class, com.faultlink.golden.ScopedClosedOutage.class,
    com.faultlink.model.GoldenScopeReport.class, com.faultlink.golden.AppliedWindow.class,
    com.faultlink.model.GoldenOutcome.class, WorkImpact.class, OutageStatus.class, com.faultlink.planned.WorkFact.class,
    com.faultlink.correlate.AssemblyNotice.class, com.faultlink.golden.WindowInForce.class,
    Hotspot.class, TargetCheck.class, ComplaintBreakdown.class, KpiMiss.class, com.faultlink.correlate.AlarmAck.class,
    com.faultlink.correlate.OutageAck.class,
    com.faultlink.tickets.TicketFact.class, com.faultlink.tickets.TicketState.class,
    com.faultlink.tickets.TicketPeriodFact.class, com.faultlink.tickets.OverdueChange.class, OpenTicket.class,
    TicketMetrics.class, TicketFigures.class, TicketStatusChange.class, com.faultlink.metrics.TicketTotals.class
  })
  void isSerialisedAsAPojoWithoutKryo(Class<?> type) {
    assertSerializedAsPojoWithoutKryo(type);
  }
}
