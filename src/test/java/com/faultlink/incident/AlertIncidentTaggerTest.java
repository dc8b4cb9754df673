package com.faultlink.incident;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Alerts of member outages carry their incident from the decision on; MASS_OUTAGE names its incidents. */
class AlertIncidentTaggerTest {
  private static final long T0 = t("2026-10-14T17:00");
  private static final long MAX_OPEN = minutes(60L * 24 * 30);

  private static Alert golden(AlertType type, String outageId, long at) {
    return new Alert(type.name() + "/" + outageId, type, AlertStatus.FIRING, "Wuzhong", at, outageId, "C", "4G", 1.0,
        1.0, null, null, null, null, null, null, null, null, false, null);
  }

  @Test
  void anAlertBeforeTheDecisionHasNoIncidentAndItsResolutionKeepsWhatItWasSentWith() throws Exception {
    try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new AlertIncidentTagger(MAX_OPEN),
        Alert::outageId, Membership::outageId, Types.STRING)) {
      Alert early = golden(AlertType.GOLDEN_WINDOW_AT_RISK, "O1", T0 + minutes(3));
      Alert late = golden(AlertType.GOLDEN_WINDOW_BREACHED, "O1", T0 + minutes(20));
      // the alerts arrive before the membership decided at T0 + 15 (an unknown-cause group, say)
      h.processElement1(early, early.at());
      h.processElement1(late, late.at());
      h.processElement2(new Membership("O1", "Wuzhong", T0, "unknown/O1", T0 + minutes(15)), T0 + minutes(15));
      h.processElement1(early.resolvedAt(T0 + minutes(40)), T0 + minutes(40));
      h.processElement1(late.resolvedAt(T0 + minutes(40)), T0 + minutes(40));
      h.processBothWatermarks(new Watermark(T0 + minutes(60)));
      assertThat(h.extractOutputValues()).extracting(Alert::type, Alert::status, Alert::incidentId).containsExactly(
          tuple(AlertType.GOLDEN_WINDOW_AT_RISK, AlertStatus.FIRING, null),
          tuple(AlertType.GOLDEN_WINDOW_BREACHED, AlertStatus.FIRING, "unknown/O1"),
          tuple(AlertType.GOLDEN_WINDOW_AT_RISK, AlertStatus.RESOLVED, null),
          tuple(AlertType.GOLDEN_WINDOW_BREACHED, AlertStatus.RESOLVED, "unknown/O1"));
    }
  }

  @Test
  void aMassOutageNamesTheIncidentsOfItsOutagesDecidedAWindowAfterIt() throws Exception {
    try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new MassOutageIncidents(MAX_OPEN, minutes(5)),
        Alert::region, Membership::region, Types.STRING)) {
      Alert mass = new Alert("MASS_OUTAGE/Wuzhong/x", AlertType.MASS_OUTAGE, AlertStatus.FIRING, "Wuzhong",
          T0 + minutes(2), null, null, null, null, null, null, null, null, null, null, null, 3L,
          List.of("O1", "O2", "O3"), false, null);
      h.processElement1(mass, mass.at());
      h.processBothWatermarks(new Watermark(T0 + minutes(7) - 1));
      assertThat(h.extractOutputValues()).as("waits for its outages' membership").isEmpty();
      h.processElement2(new Membership("O1", "Wuzhong", T0, "TNMS/A-1", T0 + minutes(5)), T0 + minutes(5));
      h.processElement2(new Membership("O3", "Wuzhong", T0 + minutes(2), "PWR/P-1", T0 + minutes(7)),
          T0 + minutes(7));
      h.processElement2(new Membership("O2", "Wuzhong", T0 + minutes(1), null, T0 + minutes(6)), T0 + minutes(6));
      h.processBothWatermarks(new Watermark(T0 + minutes(7)));
      h.processElement1(mass.resolvedAt(T0 + minutes(30)), T0 + minutes(30));
      h.processBothWatermarks(new Watermark(T0 + minutes(60)));
      assertThat(h.extractOutputValues()).extracting(Alert::status, Alert::incidents).containsExactly(
          tuple(AlertStatus.FIRING, List.of("PWR/P-1", "TNMS/A-1")),
          tuple(AlertStatus.RESOLVED, List.of("PWR/P-1", "TNMS/A-1")));
    }
  }
}
