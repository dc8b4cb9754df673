package com.faultlink.correlate;

import com.faultlink.model.Outage;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.NeighbourIndex;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Sends each outage snapshot to every site whose complaints it may explain: its own site (its cell and the
 * site's other cells) and every site with a cell among its cell's neighbours. Attribution is keyed by the
 * complaint's site, so it scales by site rather than by region; per site rather than per cell, because in a
 * city a cell has a couple of hundred neighbours within 2 km but they stand on a few dozen sites, and each copy
 * of an outage is a record to send and a state entry to keep. {@link #toAreas} sends it to areas instead
 * ({@link AttributionAreas}): a handful of copies however dense the city; the pipeline keys attribution so.
 */
public final class OutageFanOut extends RichFlatMapFunction<Outage, OutageNearSite> {
  private static final long serialVersionUID = 1L;

  private final CellTable cells;
  private final double neighborRadiusKm;
  /** Where set, the outage goes to areas rather than sites ({@link OutageNearSite#siteId()} is then an area). */
  private final AttributionAreas areas;
  private transient NeighbourIndex index;
  /** Per outage cell seen by this task: the sites its outages go to (outages recur on the same cells). */
  private transient Map<String, String[]> sitesAround;

  public OutageFanOut(CellTable cells, double neighborRadiusKm) {
    this(cells, neighborRadiusKm, null);
  }

  private OutageFanOut(CellTable cells, double neighborRadiusKm, AttributionAreas areas) {
    this.cells = cells;
    this.neighborRadiusKm = neighborRadiusKm;
    this.areas = areas;
  }

  /** Sends each outage to the areas of its site and of its neighbours' sites, for attribution keyed by area. */
  public static OutageFanOut toAreas(AttributionAreas areas) {
    return new OutageFanOut(areas.cells(), areas.radiusKm(), areas);
  }

  @Override
  public void open(OpenContext openContext) {
    index = NeighbourIndex.shared(cells, neighborRadiusKm);
    sitesAround = new HashMap<>();
  }

  @Override
  public void flatMap(Outage outage, Collector<OutageNearSite> out) {
    for (String site : sitesAround.computeIfAbsent(outage.cellId(), this::sitesAround)) {
      out.collect(new OutageNearSite(site, outage));
    }
  }

  /** The cell's own site first, then the sites of its neighbours, each once, in the order first met. */
  private String[] sitesAround(String cellId) {
    if (areas != null) {
      return areas.around(cellId, index);
    }
    Set<String> sites = new LinkedHashSet<>();
    sites.add(cells.get(cellId).siteId()); // outages are made on cells of the table only
    for (String neighbour : index.neighboursOf(cellId)) {
      sites.add(cells.get(neighbour).siteId());
    }
    return sites.toArray(new String[0]);
  }
}
