package com.faultlink.correlate;

import static com.faultlink.TestCells.CELLS;
import static com.faultlink.TestCells.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Outage;
import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class OutageFanOutTest {
  private static final Outage ON_C1A =
      new Outage("O-1", "C1a", "S1", "Yinchuan", "4G", t("2026-10-05T08:00"), null, null, false, null);

  private static java.util.List<String> sitesReached(double radiusKm, Outage outage) throws Exception {
    try (OneInputStreamOperatorTestHarness<Outage, OutageNearSite> h =
        new OneInputStreamOperatorTestHarness<>(new StreamFlatMap<>(new OutageFanOut(CELLS, radiusKm)))) {
      h.open();
      h.processElement(outage, outage.start());
      h.processElement(outage, outage.start()); // the second snapshot of the cell: the same sites
      return h.extractOutputValues().stream().map(OutageNearSite::siteId).toList();
    }
  }

  @Test
  void anOutageGoesToItsOwnSiteAndToTheSitesOfItsNeighboursOnceEach() throws Exception {
    // S2 (C2) is 1.1 km from S1, S3 11 km, G in another city.
    assertThat(sitesReached(2.0, ON_C1A)).containsExactly("S1", "S2", "S1", "S2");
    assertThat(sitesReached(20.0, ON_C1A)).containsExactly("S1", "S2", "S3", "S1", "S2", "S3");
  }

  @Test
  void withoutANeighbourRadiusOnlyItsOwnSite() throws Exception {
    assertThat(sitesReached(0.0, ON_C1A)).containsExactly("S1", "S1");
  }

  private static java.util.List<String> areasReached(double radiusKm, Outage outage) throws Exception {
    try (OneInputStreamOperatorTestHarness<Outage, OutageNearSite> h = new OneInputStreamOperatorTestHarness<>(
        new StreamFlatMap<>(OutageFanOut.toAreas(new AttributionAreas(CELLS, radiusKm))))) {
      h.open();
      h.processElement(outage, outage.start());
      return h.extractOutputValues().stream().map(OutageNearSite::siteId).toList();
    }
  }

  @Test
  void byAreaAnOutageReachesTheAreaOfEveryComplaintItMayExplainOnceEach() throws Exception {
    // Complaints are keyed by their cell's site's area: C1a, C1b (its site S1) and C2 (S2, 1.1 km away) must be
    // reached at 2 km; C3 (11 km) only at 20 km. Areas are 2 km (20 km) squares, so S1 and S2 may share one.
    AttributionAreas at2 = new AttributionAreas(CELLS, 2.0);
    assertThat(areasReached(2.0, ON_C1A)).doesNotHaveDuplicates()
        .containsAll(java.util.List.of(at2.ofCell("C1a"), at2.ofCell("C1b"), at2.ofCell("C2")))
        .hasSizeLessThanOrEqualTo(2);
    AttributionAreas at20 = new AttributionAreas(CELLS, 20.0);
    assertThat(areasReached(20.0, ON_C1A)).doesNotHaveDuplicates()
        .contains(at20.ofCell("C1a"), at20.ofCell("C2"), at20.ofCell("C3"));
    assertThat(at2.ofCell("C3")).isNotIn(areasReached(2.0, ON_C1A).toArray());
    assertThat(at2.ofCell("unknown")).isEqualTo(ComplaintAttributor.NO_SITE);
  }
}
