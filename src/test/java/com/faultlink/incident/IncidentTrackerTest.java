package com.faultlink.incident;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.Incident;
import com.faultlink.model.Outage;
import com.faultlink.model.OutageImpact;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** One INCIDENT alert per incident, resolved when it ends; the incidents record once its impacts are known. */
class IncidentTrackerTest {
  private static final long T0 = t("2026-10-14T17:00");
  private static final String ID = "TNMS/A-1";

  private IncidentTracker tracker;

  private KeyedOneInputStreamOperatorTestHarness<String, IncidentFact, Incident> harness() throws Exception {
    tracker = new IncidentTracker(minutes(5), minutes(60L * 24 * 30), minutes(60L * 48));
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(tracker, IncidentFact::incidentId, Types.STRING);
  }

  private static Outage outage(String id, String site, String region, long start, Long end) {
    return new Outage(id, "C-" + id, site, region, "4G", start, end, null, false, null);
  }

  private static IncidentFact member(Outage o) {
    return IncidentFact.member(ID, o, o.start() + minutes(5), "lossOfSignal", "TX1", T0);
  }

  private static IncidentFact impact(Outage o, long complaints) {
    return IncidentFact.impact(new OutageImpact(o.outageId(), o.cellId(), o.region(), "4G", o.start(), o.end(),
        0.0, complaints, null, false, null, "cleared", ID));
  }

  private static List<Alert> alerts(KeyedOneInputStreamOperatorTestHarness<String, IncidentFact, Incident> h) {
    var records = h.getSideOutput(IncidentTracker.ALERTS);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void oneAlertFromTheSecondOutageResolvedAtTheEndThenTheRecordWithItsComplaints() throws Exception {
    RootAlarm root = new RootAlarm(ID, "lossOfSignal", "TX1", "Transmission", T0, null);
    Outage o1 = outage("O1", "S1", "Wuzhong", T0 + minutes(30), null);
    Outage o2 = outage("O2", "S2", "Wuzhong", T0 + minutes(40), null);
    Outage o3 = outage("O3", "S2", "Guyuan", T0 + minutes(41), null);
    try (var h = harness()) {
      h.processElement(IncidentFact.root(root), T0);
      h.processElement(member(o1), o1.start());
      h.processElement(member(o3), o3.start());
      h.processElement(member(o2), o2.start());
      h.processWatermark(T0 + minutes(45) - 1);
      assertThat(alerts(h)).as("the second outage's membership is decided at its start + window").isEmpty();
      h.processWatermark(T0 + minutes(46));
      assertThat(alerts(h)).extracting(Alert::alertId, Alert::type, Alert::status, Alert::at, Alert::outagesOpen,
          Alert::region, Alert::incidentId, Alert::cause).containsExactly(tuple("INCIDENT/" + ID, AlertType.INCIDENT,
              AlertStatus.FIRING, T0 + minutes(40), 2L, "Wuzhong", ID, "lossOfSignal"));
      assertThat(tracker.incidentsOpen()).as("the incidentsOpen gauge while it pages").isEqualTo(1);

      h.processElement(IncidentFact.root(root.clearedAt(T0 + minutes(120))), T0 + minutes(120));
      h.processElement(member(o1.withEnd(T0 + minutes(125))), T0 + minutes(125));
      h.processElement(member(o2.withEnd(T0 + minutes(121))), T0 + minutes(121));
      h.processElement(member(o3.withEnd(T0 + minutes(130))), T0 + minutes(130));
      h.processWatermark(T0 + minutes(135) - 1);
      assertThat(alerts(h)).hasSize(1);
      h.processWatermark(T0 + minutes(135));
      assertThat(alerts(h)).extracting(Alert::status, Alert::at).containsExactly(
          tuple(AlertStatus.FIRING, T0 + minutes(40)), tuple(AlertStatus.RESOLVED, T0 + minutes(130)));
      assertThat(tracker.incidentsOpen()).as("the gauge once resolved").isZero();
      assertThat(h.extractOutputValues()).as("waits for every outage's complaints").isEmpty();
      h.processElement(impact(o1, 3), T0 + minutes(160));
      h.processElement(impact(o2, 4), T0 + minutes(160));
      assertThat(h.extractOutputValues()).isEmpty();
      h.processElement(impact(o3, 0), T0 + minutes(160));
      assertThat(h.extractOutputValues()).extracting(Incident::incidentId, Incident::cause, Incident::rootObjectId,
          Incident::regions, Incident::start, Incident::end, Incident::outageIds, Incident::sites,
          Incident::complaints).containsExactly(tuple(ID, "lossOfSignal", "TX1", List.of("Guyuan", "Wuzhong"), T0,
              T0 + minutes(130), List.of("O1", "O2", "O3"), 2, 7L));
      h.processElement(impact(o3, 0), T0 + minutes(161));
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).as("written once").hasSize(1);
    }
  }

  @Test
  void aRootRaisedAfterItsOutagesStartsTheAlertAtItsRaise() throws Exception {
    Outage o1 = outage("O1", "S1", "Wuzhong", T0 - minutes(3), null);
    Outage o2 = outage("O2", "S1", "Wuzhong", T0 - minutes(2), null);
    try (var h = harness()) {
      h.processElement(IncidentFact.root(new RootAlarm(ID, "powerSupplyFailure", "S1", "Site", T0, null)), T0);
      h.processElement(member(o2), o2.start());
      h.processElement(member(o1), o1.start());
      h.processWatermark(Long.MAX_VALUE);
      assertThat(alerts(h)).extracting(Alert::status, Alert::at, Alert::outagesOpen)
          .as("never resolved: the root alarm is still raised at the end of the input")
          .containsExactly(tuple(AlertStatus.FIRING, T0, 2L));
      assertThat(h.extractOutputValues()).extracting(Incident::end, Incident::outageIds)
          .containsExactly(tuple(null, List.of("O1", "O2")));
    }
  }

  @Test
  void aRootAlarmThatExplainsNoOutageMakesNoIncident() throws Exception {
    try (var h = harness()) {
      RootAlarm root = new RootAlarm(ID, "powerSupplyFailure", "S1", "Site", T0, null);
      h.processElement(IncidentFact.root(root), T0);
      h.processElement(IncidentFact.root(root.clearedAt(T0 + minutes(20))), T0 + minutes(20));
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(alerts(h)).isEmpty();
    }
  }
}
