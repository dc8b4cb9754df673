package com.faultlink.io.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.AlertType;
import com.faultlink.model.Incident;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incidents record and the incident fields of alerts, as the contract names them. */
class IncidentJsonTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T = 1_760_435_400_000L; // 2025-10-14T17:50:00+08:00

  @Test
  void anIncidentRecordCarriesTheContractsFields() throws Exception {
    JsonNode n = JSON.readTree(OutputJson.incident(new Incident("TNMS/A-1", "lossOfSignal", "TX-A",
        List.of("Guyuan", "Wuzhong"), T, null, null, List.of("OMC/A-1", "OMC/A-2"), 2, 3, 17), ZONE));
    assertThat(n.get("incidentId").asText()).isEqualTo("TNMS/A-1");
    assertThat(n.get("cause").asText()).isEqualTo("lossOfSignal");
    assertThat(n.get("rootObjectId").asText()).isEqualTo("TX-A");
    assertThat(n.get("regions").toString()).isEqualTo("[\"Guyuan\",\"Wuzhong\"]");
    assertThat(n.get("start").asText()).isEqualTo("2025-10-14T17:50:00+08:00");
    assertThat(n.has("end") && n.get("end").isNull()).as("still open: written as null").isTrue();
    assertThat(n.get("outages").asInt()).isEqualTo(2);
    assertThat(n.get("outageIds").size()).isEqualTo(2);
    assertThat(n.get("sites").asInt()).isEqualTo(2);
    assertThat(n.get("complaints").asLong()).isEqualTo(17);
  }

  @Test
  void anIncidentAlertAndAMassOutageNamingItsIncidents() throws Exception {
    Alert incident = new Alert("INCIDENT/TNMS/A-1", AlertType.INCIDENT, AlertStatus.FIRING, "Wuzhong", T, null, null,
        null, null, null, null, null, null, null, null, null, 2L, null, false, null, "TNMS/A-1", "lossOfSignal", null);
    JsonNode a = JSON.readTree(OutputJson.alert(incident, ZONE));
    assertThat(a.get("incidentId").asText()).isEqualTo("TNMS/A-1");
    assertThat(a.get("cause").asText()).isEqualTo("lossOfSignal");
    assertThat(a.get("outagesOpen").asLong()).isEqualTo(2);
    assertThat(a.get("severity").asText()).isEqualTo("critical");
    assertThat(a.get("summary").asText()).contains("TNMS/A-1").contains("lossOfSignal");

    Alert mass = new Alert("MASS_OUTAGE/Wuzhong/x", AlertType.MASS_OUTAGE, AlertStatus.FIRING, "Wuzhong", T, null,
        null, null, null, null, null, null, null, null, null, null, 10L, List.of("OMC/A-1"), false, null)
        .withIncidents(List.of("TNMS/A-1"));
    JsonNode m = JSON.readTree(OutputJson.alert(mass, ZONE));
    assertThat(m.get("incidents").toString()).isEqualTo("[\"TNMS/A-1\"]");
    assertThat(m.get("incidentId").isNull()).as("a regional count belongs to no one incident").isTrue();
  }
}
