package com.faultlink.correlate;

import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.NeighbourIndex;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The keys attribution runs under: square-ish areas of a latitude/longitude grid whose cells are the neighbour
 * radius wide. A complaint goes to the area of its cell's site; an outage to the area of its own site and to the
 * areas of the sites of its cell's neighbours, each once: at most the 3×3 areas around its site, usually fewer.
 *
 * <p>Why areas and not sites: in a dense city a cell has neighbours on about 60 sites within 2 km, so keyed by site
 * an outage became about 60 records and 60 state entries, each with its own expiry timer; keyed by area it becomes
 * a handful, however dense the city. An area holds outages that concern none of a complaint's cells; {@link
 * ComplaintAttributor} decides per complaint with the exact relations ({@link NeighbourIndex}, great-circle), so the
 * decisions are those of keying by site or by cell. The targets come from the neighbour index itself, not from the
 * geometry of the grid, so a site whose cells stand apart, or a pole, cannot make an outage miss a complaint's area:
 * the grid only decides how outages are grouped.
 */
public final class AttributionAreas implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double KM_PER_DEGREE = 111.195;

  private final CellTable cells;
  private final double radiusKm;
  /** Per site: its area key (the position of the site's first cell, by cell id). */
  private final HashMap<String, String> areaOfSite;

  public AttributionAreas(CellTable cells, double radiusKm) {
    this.cells = cells;
    this.radiusKm = radiusKm;
    double sizeKm = Math.max(NeighbourIndex.MIN_GRID_KM, radiusKm);
    Map<String, Cell> firstOfSite = new HashMap<>();
    for (Cell c : cells.cells()) {
      firstOfSite.merge(c.siteId(), c, (a, b) -> a.cellId().compareTo(b.cellId()) <= 0 ? a : b);
    }
    areaOfSite = new HashMap<>(Math.max(16, firstOfSite.size() * 2));
    for (Map.Entry<String, Cell> e : firstOfSite.entrySet()) {
      areaOfSite.put(e.getKey(), area(e.getValue().lat(), e.getValue().lon(), sizeKm));
    }
  }

  /** The area of a point: rows the size high, columns the size wide at the row's middle latitude. */
  static String area(double lat, double lon, double sizeKm) {
    double rowDegrees = sizeKm / KM_PER_DEGREE;
    long row = (long) Math.floor(lat / rowDegrees);
    double middle = Math.toRadians((row + 0.5) * rowDegrees);
    double columnDegrees = Math.min(360, rowDegrees / Math.max(1e-6, Math.cos(middle)));
    long column = (long) Math.floor(lon / columnDegrees);
    return row + ":" + column;
  }

  /** The area of a complaint's key: its cell's site's, or {@link ComplaintAttributor#NO_SITE} for an unknown cell. */
  public String ofCell(String cellId) {
    Cell c = cellId == null ? null : cells.get(cellId);
    return c == null ? ComplaintAttributor.NO_SITE : areaOfSite.get(c.siteId());
  }

  /** The areas an outage on the cell goes to: its site's first, then its neighbours' sites', each once. */
  public String[] around(String cellId, NeighbourIndex index) {
    Set<String> areas = new LinkedHashSet<>();
    areas.add(ofCell(cellId));
    for (String neighbour : index.neighboursOf(cellId)) {
      areas.add(ofCell(neighbour));
    }
    return areas.toArray(new String[0]);
  }

  public CellTable cells() {
    return cells;
  }

  public double radiusKm() {
    return radiusKm;
  }
}
