package com.faultlink.reference;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Which cells a complaint on a cell may be attributed through, besides the cell itself: the other cells of
 * its site, and its <em>neighbours</em>, the cells of other sites within {@code radiusKm} great-circle
 * distance ({@link GeoDistance#km}, distance {@code <= radiusKm}). Built once from the cell table at job
 * start, then only read; immutable and {@link Serializable}, so it can ship with the operators.
 *
 * <p>Both relations are precomputed for every cell. Lists are sorted by cell id (natural {@link String}
 * order), immutable, never contain the cell itself, and are empty for a cell the table does not know. The
 * neighbour relation is symmetric (each pair is measured once), and cells of the same site are never
 * neighbours of each other, however far apart. A radius of 0 gives no neighbours at all (sites only).
 * The lists are views over the index's compact arrays: copy them ({@code List.copyOf}) before keeping
 * them in Flink state.
 *
 * <p><b>Spatial index.</b> Neighbours are found with a uniform latitude/longitude grid whose cells are at
 * least the radius wide (never narrower than {@value #MIN_GRID_KM} km, to keep the grid finite for tiny
 * radii), and no wider, so that one crowded city never lands in a single huge bucket: the row height is
 * the radius as an angle, and the column width is the largest longitude difference two points within the
 * radius can have at the table's highest absolute latitude. Every pair within the radius therefore lies
 * in the same or adjacent grid cells, and a cell's candidates are those of the 3×3 grid cells around it,
 * so the cost is bounded by the cells within about 1.5 radii, however crowded the city. Distances are
 * measured once per pair of <em>points</em> (the cells of one site at one spot, usually a mast's sectors
 * and technologies, which share their neighbours and one array), with a chord test on unit vectors;
 * pairs within a hair of the radius are decided by {@link GeoDistance#km} itself. The grid is exact, not
 * approximate: the brute-force comparison in the tests must agree with it. A 100 000-cell province at
 * 2 km builds in about a second.
 *
 * <p><b>Assumptions.</b> The grid is tuned for operator networks that span a country at mid latitudes:
 * columns are sized for the highest latitude in the table, so a table reaching close to a pole gets wide
 * columns (still correct, just slower to build; past the point where the radius covers every longitude
 * there is a single column). Longitudes wrap around, so pairs across the antimeridian are found too.
 */
public final class NeighbourIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Grid cells are never narrower than this (km), whatever the radius. */
  public static final double MIN_GRID_KM = 0.05;

  /** Relative safety margin on the grid size against floating-point rounding. */
  private static final double GRID_MARGIN = 1e-6;

  /** Squared chords this close (relatively) to the radius's are decided by {@link GeoDistance#km}. */
  private static final double CHORD_BAND = 1e-6;

  private final double radiusKm;
  /** Cell ids in natural order; a cell's index is its position here. */
  private final String[] ids;

  private final HashMap<String, Integer> indexOf;
  /** Per cell: indexes of its neighbours, ascending. */
  private final int[][] neighbours;

  private final int maxNeighbours;

  private NeighbourIndex(
      double radiusKm, String[] ids, HashMap<String, Integer> indexOf, int[][] neighbours) {
    this.radiusKm = radiusKm;
    this.ids = ids;
    this.indexOf = indexOf;
    this.neighbours = neighbours;
    int max = 0;
    for (int[] n : neighbours) {
      max = Math.max(max, n.length);
    }
    this.maxNeighbours = max;
  }

  /** The index this JVM built last, for {@link #shared}. */
  private static Shared lastShared;

  private record Shared(CellTable cells, double radiusKm, NeighbourIndex index) {}

  /**
   * The index of the table at the radius, built once per JVM for the same table instance (the tasks of an
   * embedded run share their deserialized {@link CellTable}, see there) and then shared: it is immutable.
   */
  public static synchronized NeighbourIndex shared(CellTable cells, double radiusKm) {
    Shared last = lastShared;
    if (last != null && last.cells() == cells && Double.compare(last.radiusKm(), radiusKm) == 0) {
      return last.index();
    }
    NeighbourIndex index = build(cells, radiusKm);
    lastShared = new Shared(cells, radiusKm, index);
    return index;
  }

  /**
   * Builds the index for every cell of the table.
   *
   * @param radiusKm neighbour radius in km, finite and {@code >= 0}; 0 means no neighbours
   * @throws IllegalArgumentException for a negative or non-finite radius, or a cell whose coordinates are
   *     not finite or whose latitude lies outside [-90, 90]
   */
  public static NeighbourIndex build(CellTable cells, double radiusKm) {
    Objects.requireNonNull(cells, "cells");
    if (!(radiusKm >= 0) || Double.isInfinite(radiusKm)) {
      throw new IllegalArgumentException("neighbour radius must be a finite number >= 0 km, not " + radiusKm);
    }
    Collection<Cell> all = cells.cells();
    Cell[] sorted = all.toArray(new Cell[0]);
    Arrays.sort(sorted, (a, b) -> a.cellId().compareTo(b.cellId()));
    int n = sorted.length;

    String[] ids = new String[n];
    HashMap<String, Integer> indexOf = new HashMap<>(Math.max(16, n * 2));
    double[] lat = new double[n];
    double[] lon = new double[n];
    int[] site = new int[n];
    Map<String, Integer> siteIndex = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Cell c = sorted[i];
      if (!Double.isFinite(c.lat()) || !Double.isFinite(c.lon()) || c.lat() < -90 || c.lat() > 90) {
        throw new IllegalArgumentException(
            "cell " + c.cellId() + " has invalid coordinates lat=" + c.lat() + " lon=" + c.lon());
      }
      ids[i] = c.cellId();
      indexOf.put(c.cellId(), i);
      lat[i] = c.lat();
      lon[i] = c.lon();
      Integer s = siteIndex.get(c.siteId());
      if (s == null) {
        s = siteIndex.size();
        siteIndex.put(c.siteId(), s);
      }
      site[i] = s;
    }

    int[][] neighbours =
        radiusKm > 0 && n > 1 ? neighbours(lat, lon, site, radiusKm) : emptyLists(n);
    return new NeighbourIndex(radiusKm, ids, indexOf, neighbours);
  }

  /** The cells of other sites within the radius, sorted; empty for an unknown cell. */
  public List<String> neighboursOf(String cellId) {
    Integer i = cellId == null ? null : indexOf.get(cellId);
    return i == null ? List.of() : view(neighbours[i]);
  }

  /** Whether {@code b} is among the neighbours of {@code a} (and so {@code a} among {@code b}'s). */
  public boolean areNeighbours(String a, String b) {
    Integer i = a == null ? null : indexOf.get(a);
    Integer j = b == null ? null : indexOf.get(b);
    return i != null && j != null && Arrays.binarySearch(neighbours[i], j) >= 0;
  }

  /** Whether the index (the cell table it was built from) knows the cell. */
  public boolean contains(String cellId) {
    return cellId != null && indexOf.containsKey(cellId);
  }

  /** Number of cells indexed. */
  public int size() {
    return ids.length;
  }

  /** The largest number of neighbours any cell has. */
  public int maxNeighbours() {
    return maxNeighbours;
  }

  public double radiusKm() {
    return radiusKm;
  }

  @Override
  public String toString() {
    return "NeighbourIndex[cells=" + ids.length + ", radiusKm=" + radiusKm + ", maxNeighbours="
        + maxNeighbours + "]";
  }

  // ---------------------------------------------------------------------------------------------------

  private List<String> view(int[] indexes) {
    return indexes.length == 0 ? List.of() : new IdList(ids, indexes);
  }

  private static int[][] emptyLists(int n) {
    int[][] out = new int[n][];
    Arrays.fill(out, new int[0]);
    return out;
  }

  /**
   * Neighbour lists per cell. Cells of one site on one spot (the usual case: a mast's sectors and
   * technologies) have the same neighbours, so distances are measured between such <em>points</em> and
   * the cells of a point share one array.
   */
  private static int[][] neighbours(double[] lat, double[] lon, int[] site, double radiusKm) {
    int n = lat.length;

    // --- points: distinct (site, lat, lon) ---
    Map<PointKey, Integer> pointOf = new HashMap<>();
    int[] cellPoint = new int[n];
    IntLists pointCells = new IntLists(n);
    int m = 0;
    for (int i = 0; i < n; i++) { // ascending i: each point's cells are ascending
      PointKey k = new PointKey(site[i], Double.doubleToLongBits(lat[i]), Double.doubleToLongBits(lon[i]));
      Integer p = pointOf.get(k);
      if (p == null) {
        p = m++;
        pointOf.put(k, p);
      }
      cellPoint[i] = p;
      pointCells.add(p, i);
    }
    double[] pLat = new double[m];
    double[] pLon = new double[m];
    int[] pSite = new int[m];
    for (int i = 0; i < n; i++) {
      int p = cellPoint[i];
      pLat[p] = lat[i];
      pLon[p] = lon[i];
      pSite[p] = site[i];
    }

    // --- points ordered by grid key; buckets are runs of equal keys ---
    Grid grid = new Grid(pLat, radiusKm);
    long[] keys = new long[m];
    for (int p = 0; p < m; p++) {
      keys[p] = grid.key(grid.row(pLat[p]), grid.col(pLon[p]));
    }
    Integer[] boxed = new Integer[m];
    for (int p = 0; p < m; p++) {
      boxed[p] = p;
    }
    Arrays.sort(boxed, (a, b) -> Long.compare(keys[a], keys[b]));
    int[] order = new int[m]; // position -> point
    double[] x = new double[m]; // unit vectors, by position
    double[] y = new double[m];
    double[] z = new double[m];
    int[] posSite = new int[m];
    int buckets = 0;
    long[] bucketKey = new long[m];
    int[] bucketFrom = new int[m + 1];
    for (int q = 0; q < m; q++) {
      int p = boxed[q];
      order[q] = p;
      double phi = Math.toRadians(pLat[p]);
      double lambda = Math.toRadians(pLon[p]);
      x[q] = Math.cos(phi) * Math.cos(lambda);
      y[q] = Math.cos(phi) * Math.sin(lambda);
      z[q] = Math.sin(phi);
      posSite[q] = pSite[p];
      if (buckets == 0 || bucketKey[buckets - 1] != keys[p]) {
        bucketKey[buckets] = keys[p];
        bucketFrom[buckets] = q;
        buckets++;
      }
    }
    bucketFrom[buckets] = m;
    long[] bucketKeys = Arrays.copyOf(bucketKey, buckets);

    // Great-circle distance c <= d  <=>  chord 2·sin(c/2) <= 2·sin(d/2) (c, d in [0, π]): a cheap test on
    // unit vectors. Pairs within a hair of the radius are decided by GeoDistance.km itself, so that the
    // index agrees with the distance the rest of the job uses.
    double angle = Math.min(Math.PI, radiusKm / GeoDistance.EARTH_RADIUS_KM);
    double chord = 2 * Math.sin(angle / 2);
    double chord2 = chord * chord;
    double surelyIn = chord2 * (1 - CHORD_BAND);
    double surelyOut = chord2 * (1 + CHORD_BAND);

    IntLists near = new IntLists(m); // by position
    int[] cols = new int[3];
    int[] from = new int[9];
    int[] to = new int[9];
    for (int b = 0; b < buckets; b++) {
      int row = (int) (bucketKeys[b] / grid.cols);
      int col = (int) (bucketKeys[b] % grid.cols);
      int nc = grid.adjacentCols(col, cols);
      int ranges = 0;
      for (int r = Math.max(0, row - 1); r <= Math.min(grid.rows - 1, row + 1); r++) {
        for (int ci = 0; ci < nc; ci++) {
          int nb = Arrays.binarySearch(bucketKeys, grid.key(r, cols[ci]));
          if (nb >= 0) {
            from[ranges] = bucketFrom[nb];
            to[ranges] = bucketFrom[nb + 1];
            ranges++;
          }
        }
      }
      for (int i = bucketFrom[b]; i < bucketFrom[b + 1]; i++) {
        double xi = x[i];
        double yi = y[i];
        double zi = z[i];
        int si = posSite[i];
        for (int k = 0; k < ranges; k++) {
          // each unordered pair once (j > i), added both ways: the relation is symmetric by construction
          for (int j = Math.max(from[k], i + 1); j < to[k]; j++) {
            if (posSite[j] == si) {
              continue;
            }
            double dx = x[j] - xi;
            double dy = y[j] - yi;
            double dz = z[j] - zi;
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > surelyOut) {
              continue;
            }
            if (d2 >= surelyIn) {
              int pi = order[i];
              int pj = order[j];
              if (GeoDistance.km(pLat[pi], pLon[pi], pLat[pj], pLon[pj]) > radiusKm) {
                continue;
              }
            }
            near.add(i, j);
            near.add(j, i);
          }
        }
      }
    }

    // --- expand to cells: a point's neighbours are the cells of its neighbouring points ---
    int[][] perPoint = new int[m][];
    int[] none = new int[0];
    for (int q = 0; q < m; q++) {
      int[] nearPositions = near.get(q);
      if (nearPositions.length == 0) {
        perPoint[order[q]] = none;
        continue;
      }
      int total = 0;
      for (int j : nearPositions) {
        total += pointCells.size(order[j]);
      }
      int[] cellsNear = new int[total];
      int k = 0;
      for (int j : nearPositions) {
        int[] cs = pointCells.get(order[j]);
        System.arraycopy(cs, 0, cellsNear, k, cs.length);
        k += cs.length;
      }
      Arrays.sort(cellsNear); // cell indexes follow id order, so this sorts by cell id
      perPoint[order[q]] = cellsNear;
    }
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = perPoint[cellPoint[i]];
    }
    return out;
  }

  /** Cells of one site at one spot. */
  private record PointKey(int site, long latBits, long lonBits) {}

  /** The uniform grid: rows of latitude, columns of longitude wrapping around at the antimeridian. */
  private static final class Grid {
    final double rowDeg;
    final int rows;
    final double colDeg;
    final int cols;

    Grid(double[] lat, double radiusKm) {
      double gridKm = Math.max(radiusKm, MIN_GRID_KM) * (1 + GRID_MARGIN);
      double angle = gridKm / GeoDistance.EARTH_RADIUS_KM; // radians
      if (angle >= Math.PI) { // the radius covers the whole sphere
        rowDeg = 180;
        rows = 1;
        colDeg = 360;
        cols = 1;
        return;
      }
      // |Δlat| <= distance angle: rows one radius high.
      rowDeg = Math.toDegrees(angle);
      rows = Math.max(1, (int) Math.ceil(180 / rowDeg));
      // haversine: sin²(c/2) >= cos φ1 cos φ2 sin²(Δλ/2) >= cos²L sin²(Δλ/2) with L the highest |lat|,
      // so within the radius sin(Δλ/2) <= sin(angle/2) / cos L.
      double maxAbsLat = 0;
      for (double v : lat) {
        maxAbsLat = Math.max(maxAbsLat, Math.abs(v));
      }
      double cosL = Math.cos(Math.toRadians(maxAbsLat));
      double s = cosL > 0 ? Math.sin(angle / 2) / cosL : Double.POSITIVE_INFINITY;
      if (s >= 1) {
        cols = 1;
      } else {
        double minColDeg = Math.toDegrees(2 * Math.asin(s));
        cols = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, Math.floor(360 / minColDeg)));
      }
      colDeg = 360.0 / cols; // >= the bound, and divides the circle so that wrapping keeps adjacency
    }

    int row(double latDeg) {
      int r = (int) Math.floor((latDeg + 90) / rowDeg);
      return Math.max(0, Math.min(rows - 1, r));
    }

    int col(double lonDeg) {
      double x = (lonDeg + 180) % 360;
      if (x < 0) {
        x += 360;
      }
      int c = (int) Math.floor(x / colDeg);
      return Math.max(0, Math.min(cols - 1, c));
    }

    long key(int row, int col) {
      return (long) row * cols + col;
    }

    /** Fills {@code out} with the distinct columns col-1, col, col+1 (wrapping); returns how many. */
    int adjacentCols(int col, int[] out) {
      if (cols <= 3) {
        for (int c = 0; c < cols; c++) {
          out[c] = c;
        }
        return cols;
      }
      out[0] = col == 0 ? cols - 1 : col - 1;
      out[1] = col;
      out[2] = col == cols - 1 ? 0 : col + 1;
      return 3;
    }
  }

  /** Growable int lists. */
  private static final class IntLists {
    private static final int[] NONE = new int[0];
    private final int[][] data;
    private final int[] size;

    IntLists(int n) {
      data = new int[n][];
      size = new int[n];
    }

    void add(int list, int value) {
      int[] d = data[list];
      if (d == null) {
        d = data[list] = new int[4];
      } else if (size[list] == d.length) {
        d = data[list] = Arrays.copyOf(d, d.length * 2);
      }
      d[size[list]++] = value;
    }

    int size(int list) {
      return size[list];
    }

    /** The list's values (a trimmed copy, made once: later adds to this list are not supported). */
    int[] get(int list) {
      if (size[list] == 0) {
        return NONE;
      }
      if (data[list].length != size[list]) {
        data[list] = Arrays.copyOf(data[list], size[list]);
      }
      return data[list];
    }
  }

  /**
   * An immutable list of cell ids backed by the index's arrays (compact: 4 bytes per entry). Java
   * serialization writes it as a plain immutable list of its ids, not the whole index's id array.
   */
  private static final class IdList extends AbstractList<String> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;
    private final String[] ids;
    private final int[] indexes;

    IdList(String[] ids, int[] indexes) {
      this.ids = ids;
      this.indexes = indexes;
    }

    @Override
    public String get(int index) {
      return ids[indexes[index]];
    }

    @Override
    public int size() {
      return indexes.length;
    }

    private Object writeReplace() {
      return List.copyOf(this);
    }
  }
}
