package com.faultlink.io.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.model.PeriodKind;
import com.faultlink.model.RegionMetrics;
import org.junit.jupiter.api.Test;

/** A metrics record says where its period ends (half-open) and carries the contract's ticket figures. */
class MetricsJsonTest {
  private static JsonNode json(PeriodKind kind, String start) throws Exception {
    RegionMetrics m = new RegionMetrics("Yinchuan", kind, start, 3, 0, 1.5, 10, 4, 0, 0.5, 0.2, 0.1, 0.1, 0.1, 9, 1,
        11.11, null, null, null, null);
    return new ObjectMapper().readTree(OutputJson.metrics(m));
  }

  @Test
  void periodEndIsTheNextPeriodsStartAcrossMonthAndYearEnds() throws Exception {
    assertThat(json(PeriodKind.DAY, "2026-10-31").get("periodEnd").asText()).isEqualTo("2026-11-01");
    assertThat(json(PeriodKind.WEEK, "2026-12-28").get("periodEnd").asText()).isEqualTo("2027-01-04");
    assertThat(json(PeriodKind.MONTH, "2028-02-01").get("periodEnd").asText()).isEqualTo("2028-03-01");
    assertThat(json(PeriodKind.MONTH, "2026-12-01").get("periodEnd").asText()).isEqualTo("2027-01-01");
  }

  @Test
  void withoutTheTicketLifecycleTheTicketFiguresAreNull() throws Exception {
    JsonNode n = json(PeriodKind.DAY, "2026-10-05");
    for (String f : new String[] {"ticketsDue", "ticketsResolvedOnTime", "onTimeRatePct", "ticketsResolved",
        "meanResolutionHours", "ticketsOverdueOpen"}) {
      assertThat(n.has(f)).as(f).isTrue();
      assertThat(n.get(f).isNull()).as(f).isTrue();
    }
  }
}
