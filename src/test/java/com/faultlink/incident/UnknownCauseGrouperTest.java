package com.faultlink.incident;

import static com.faultlink.TestCells.minutes;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.faultlink.config.IncidentsConfig;
import com.faultlink.model.Outage;
import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Outages no root alarm explains: grouped with cause unknown when enough lie close in space and time. */
class UnknownCauseGrouperTest {
  private static final long T0 = t("2026-10-14T17:00");
  private static final CellTable CELLS = CellTable.of(List.of(
      new Cell("A-1", "A", "Wuzhong", "4G", 37.80, 105.90), new Cell("A-2", "A", "Wuzhong", "5G", 37.80, 105.90),
      new Cell("A-3", "A", "Wuzhong", "3G", 37.80, 105.90), new Cell("B-1", "B", "Wuzhong", "4G", 37.805, 105.905),
      new Cell("F-1", "F", "Wuzhong", "4G", 37.90, 106.10)));
  private static final IncidentsConfig.Unknown RULE = new IncidentsConfig.Unknown(true, 2.0, Duration.ofMinutes(10),
      3, 2);

  private static Outage outage(String id, String cell, long start) {
    return new Outage(id, cell, CELLS.get(cell).siteId(), "Wuzhong", "4G", start, null, null, false, null);
  }

  private static List<Membership> run(Outage... outages) throws Exception {
    try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new UnknownCauseGrouper(CELLS, minutes(5), RULE, minutes(5)), Outage::region, Types.STRING)) {
      for (int i = outages.length - 1; i >= 0; i--) { // latest first: the order they are judged in is their own
        h.processElement(outages[i], outages[i].start());
      }
      h.processWatermark(Long.MAX_VALUE);
      return h.extractOutputValues();
    }
  }

  @Test
  void threeOutagesOnTwoNearbySitesWithinTheWindowAreAnIncidentNamedByTheFirst() throws Exception {
    assertThat(run(outage("O1", "A-1", T0), outage("O2", "A-2", T0 + minutes(4)), outage("O3", "B-1", T0 + minutes(10)),
        outage("far", "F-1", T0 + minutes(5)), outage("after", "B-1", T0 + minutes(11))))
        .extracting(Membership::outageId, Membership::incidentId, Membership::decidedAt)
        .containsExactlyInAnyOrder(
            tuple("O1", "unknown/O1", T0 + minutes(15)), tuple("O2", "unknown/O1", T0 + minutes(15)),
            tuple("O3", "unknown/O1", T0 + minutes(15)),
            tuple("far", null, T0 + minutes(20)), // 15 km away
            tuple("after", null, T0 + minutes(26))); // 11 minutes after the first
  }

  @Test
  void threeOutagesOfOneSiteAreNoIncident() throws Exception {
    assertThat(run(outage("O1", "A-1", T0), outage("O2", "A-2", T0 + minutes(1)), outage("O3", "A-3", T0 + minutes(2))))
        .extracting(Membership::incidentId).containsOnlyNulls();
  }
}
