package com.faultlink.correlate;

import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.NeighbourIndex;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Sends each outage snapshot to every cell whose complaints it may explain: its own cell, the other cells of
 * its site, and the cells of other sites within the neighbour radius. Attribution can then be keyed by the
 * complaint's cell, so it scales by cell rather than by region.
 */
public final class OutageFanOut extends RichFlatMapFunction<Outage, CandidateOutage> {
  private static final long serialVersionUID = 1L;

  private final CellTable cells;
  private final double neighborRadiusKm;
  private transient NeighbourIndex index;

  public OutageFanOut(CellTable cells, double neighborRadiusKm) {
    this.cells = cells;
    this.neighborRadiusKm = neighborRadiusKm;
  }

  @Override
  public void open(OpenContext openContext) {
    index = NeighbourIndex.shared(cells, neighborRadiusKm);
  }

  @Override
  public void flatMap(Outage outage, Collector<CandidateOutage> out) {
    out.collect(new CandidateOutage(outage.cellId(), MatchLevel.CELL, outage));
    for (String mate : index.siteMatesOf(outage.cellId())) {
      out.collect(new CandidateOutage(mate, MatchLevel.SITE, outage));
    }
    for (String neighbour : index.neighboursOf(outage.cellId())) {
      out.collect(new CandidateOutage(neighbour, MatchLevel.NEIGHBOR, outage));
    }
  }
}
