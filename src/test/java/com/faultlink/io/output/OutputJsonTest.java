package com.faultlink.io.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Timestamps;
import com.faultlink.model.Attribution;
import com.faultlink.model.Category;
import com.faultlink.model.MatchLevel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutputJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** How every other stream is written, and attributions were: a tree, then the mapper. */
  private static String asTree(Attribution a) throws Exception {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("complaintId", a.complaintId());
    n.put("outageId", a.outageId());
    n.put("region", a.region());
    n.put("cellId", a.cellId());
    n.put("matchLevel", a.matchLevel().json());
    n.put("lagMinutes", a.lagMinutes());
    n.put("complaintTime", Timestamps.format(a.complaintTime(), ZONE));
    n.put("category", a.category().json());
    n.put("planned", a.planned());
    n.put("workId", a.workId());
    n.put("late", a.late());
    n.put("channel", a.channel());
    n.put("severity", a.severity());
    return MAPPER.writeValueAsString(n);
  }

  @Test
  void anAttributionIsWrittenAsItsTreeWouldBeCharacterForCharacter() throws Exception {
    String[] texts = {null, "", "TT-1", "O-\"quoted\"\\back", "新城区-基站\u0001", "tab\tnew\nline", "C1a"};
    Double[] lags = {null, 0.0, -0.0, 0.1, 12.5, 1.0 / 3, 1e-7, 123456789.25, Double.MIN_VALUE};
    SplittableRandom random = new SplittableRandom(7);
    List<Attribution> cases = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      cases.add(new Attribution(texts[random.nextInt(texts.length)], texts[random.nextInt(texts.length)],
          texts[random.nextInt(texts.length)], texts[random.nextInt(texts.length)],
          MatchLevel.values()[random.nextInt(MatchLevel.values().length)], lags[random.nextInt(lags.length)],
          1_790_000_000_000L + random.nextLong(1_000_000_000L), Category.values()[random.nextInt(4)],
          "0123456789abcdef", random.nextBoolean(), random.nextBoolean(), texts[random.nextInt(texts.length)],
          texts[random.nextInt(texts.length)], texts[random.nextInt(texts.length)]));
    }
    for (Attribution a : cases) {
      assertThat(OutputJson.attribution(a, ZONE)).isEqualTo(asTree(a));
    }
  }

  @Test
  void anAttributionLineHasTheContractsFieldsAndNamesNoCustomer() {
    Attribution a = new Attribution("TT-1", "O-1", "Yinchuan", "C1a", MatchLevel.CELL, 3.5, 1_790_000_000_000L,
        Category.VOICE, "0123456789abcdef", false, false, null);
    assertThat(OutputJson.attribution(a, ZONE)).doesNotContain("0123456789abcdef").isEqualTo("{\"complaintId\":\"TT-1\",\"outageId\":\"O-1\","
        + "\"region\":\"Yinchuan\",\"cellId\":\"C1a\",\"matchLevel\":\"cell\",\"lagMinutes\":3.5,"
        + "\"complaintTime\":\"2026-09-21T22:13:20+08:00\",\"category\":\"voice\",\"planned\":false,\"workId\":null,"
        + "\"late\":false,\"channel\":null,\"severity\":null}");
  }

  @Test
  void enumsAreWrittenInLowerCase() {
    assertThat(MatchLevel.NEIGHBOR.json()).isEqualTo("neighbor");
    assertThat(Category.MESSAGING.json()).isEqualTo("messaging");
  }

  @Test
  void anOutageImpactSaysWhyItEndedAndCarriesTheIncidentFieldAsNull() throws Exception {
    long start = 1_790_000_000_000L; // 2026-09-21T22:13:20+08:00
    var stale = MAPPER.readTree(OutputJson.outageImpact(new com.faultlink.model.OutageImpact("OMC/1", "C1a",
        "Yinchuan", "4G", start, start + 86_400_000L, 1440.0, 2, 120.0, false, null, "stale"), ZONE));
    assertThat(stale.get("end").asText()).isEqualTo("2026-09-22T22:13:20+08:00");
    assertThat(stale.get("endReason").asText()).isEqualTo("stale");
    assertThat(stale.has("incidentId")).isTrue();
    assertThat(stale.get("incidentId").isNull()).isTrue();
    var open = MAPPER.readTree(OutputJson.outageImpact(new com.faultlink.model.OutageImpact("OMC/2", "C1a",
        "Yinchuan", "4G", start, null, 35.0, 0, null, false, null, null), ZONE));
    assertThat(open.has("endReason")).isTrue();
    assertThat(open.get("endReason").isNull()).isTrue();
    var status = MAPPER.readTree(OutputJson.outageStatus(new com.faultlink.model.OutageStatus("OMC/1", "C1a",
        "Yinchuan", "4G", "closed", start + 86_400_000L, start, start + 86_400_000L, 1440.0, 40.0, false, null, null,
        "stale"), ZONE));
    assertThat(status.get("endReason").asText()).isEqualTo("stale");
  }

  @Test
  void aResolvedAlertSaysWhenItFiredWhenItEndedAndHowLongItLasted() throws Exception {
    long fired = java.time.Instant.parse("2026-10-14T02:00:00Z").toEpochMilli(); // 10:00 in Shanghai
    long ended = fired + 90 * 60_000L + 30_000L;
    com.faultlink.model.Alert firing = new com.faultlink.model.Alert("MASS_OUTAGE/Wuzhong/2026-10-14T10:00:00+08:00",
        com.faultlink.model.AlertType.MASS_OUTAGE, com.faultlink.model.AlertStatus.FIRING, "Wuzhong", fired, null, null,
        null, null, null, null, null, null, null, null, null, 10L, List.of("O/A-1"), false, null);
    var f = MAPPER.readTree(OutputJson.alert(firing, ZONE));
    assertThat(f.get("firedAt").asText()).isEqualTo("2026-10-14T10:00:00+08:00");
    assertThat(f.get("resolvedAt").isNull()).isTrue();
    assertThat(f.get("durationMinutes").isNull()).isTrue();

    var r = MAPPER.readTree(OutputJson.alert(firing.resolvedAt(ended), ZONE));
    assertThat(r.get("status").asText()).isEqualTo("resolved");
    assertThat(r.get("at").asText()).isEqualTo("2026-10-14T11:30:30+08:00");
    assertThat(r.get("firedAt").asText()).isEqualTo("2026-10-14T10:00:00+08:00");
    assertThat(r.get("resolvedAt").asText()).isEqualTo("2026-10-14T11:30:30+08:00");
    assertThat(r.get("durationMinutes").asDouble()).isEqualTo(90.5);
  }
}
