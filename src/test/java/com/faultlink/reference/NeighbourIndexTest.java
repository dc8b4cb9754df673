package com.faultlink.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NeighbourIndexTest {
  private static final double KM_PER_DEGREE = GeoDistance.EARTH_RADIUS_KM * Math.PI / 180; // 111.19508

  // --- a small hand-placed table --------------------------------------------------------------------
  //
  //   F (30 km north: E2, a mis-placed cell of site S-E)
  //
  //   B  (1.9 km north of A: B1, B2)
  //   |
  //   A ---------- C   (A: A1, A2, A3; C 2.5 km east of A: C1)
  //   E  (0.5 km south of A: E1)
  //
  //   D  (50 km west of A: D1)
  //
  // Great-circle distances (by hand; a degree of latitude is 111.19508 km, a degree of longitude at
  // latitude φ is 111.19508·cos φ km for these short hops):
  //   A-B 1.9, A-E 0.5, B-E 2.4, A-C 2.5, C-E √(2.5²+0.5²) ≈ 2.550, B-C √(1.9²+2.5²) ≈ 3.140,
  //   F and D are more than 28 km from everything.

  private static final double LAT_A = 38.48;
  private static final double LON_A = 106.23;

  private static double north(double km) {
    return LAT_A + km / KM_PER_DEGREE;
  }

  private static double east(double km) {
    return LON_A + km / (KM_PER_DEGREE * Math.cos(Math.toRadians(LAT_A)));
  }

  private static CellTable handTable() {
    return CellTable.of(
        List.of(
            new Cell("A1", "S-A", "Yinchuan", "4G", LAT_A, LON_A),
            new Cell("A3", "S-A", "Yinchuan", "5G", LAT_A, LON_A),
            new Cell("A2", "S-A", "Yinchuan", "4G", LAT_A, LON_A),
            new Cell("B2", "S-B", "Yinchuan", "4G", north(1.9), LON_A),
            new Cell("B1", "S-B", "Yinchuan", "4G", north(1.9), LON_A),
            new Cell("C1", "S-C", "Yinchuan", "3G", LAT_A, east(2.5)),
            new Cell("E1", "S-E", "Yinchuan", "4G", north(-0.5), LON_A),
            new Cell("E2", "S-E", "Yinchuan", "4G", north(30), LON_A),
            new Cell("D1", "S-D", "Shizuishan", "2G", LAT_A, east(-50))));
  }

  @Test
  void handPlacedDistancesAreWhatTheTestAssumes() {
    assertThat(GeoDistance.km(LAT_A, LON_A, north(1.9), LON_A)).isCloseTo(1.9, within(1e-9));
    assertThat(GeoDistance.km(LAT_A, LON_A, north(-0.5), LON_A)).isCloseTo(0.5, within(1e-9));
    assertThat(GeoDistance.km(north(1.9), LON_A, north(-0.5), LON_A)).isCloseTo(2.4, within(1e-9));
    assertThat(GeoDistance.km(LAT_A, LON_A, LAT_A, east(2.5))).isCloseTo(2.5, within(1e-4));
    assertThat(GeoDistance.km(north(-0.5), LON_A, LAT_A, east(2.5))).isCloseTo(2.550, within(1e-3));
    assertThat(GeoDistance.km(north(1.9), LON_A, LAT_A, east(2.5))).isCloseTo(3.140, within(1e-3));
  }

  @Test
  void neighboursAtTwoKm() {
    NeighbourIndex idx = NeighbourIndex.build(handTable(), 2.0);
    assertThat(idx.radiusKm()).isEqualTo(2.0);
    assertThat(idx.size()).isEqualTo(9);

    assertThat(idx.neighboursOf("A1")).containsExactly("B1", "B2", "E1");
    assertThat(idx.neighboursOf("A2")).containsExactly("B1", "B2", "E1");
    assertThat(idx.neighboursOf("B1")).containsExactly("A1", "A2", "A3");
    assertThat(idx.neighboursOf("B2")).containsExactly("A1", "A2", "A3");
    assertThat(idx.neighboursOf("E1")).containsExactly("A1", "A2", "A3"); // B is 2.4 km away
    assertThat(idx.neighboursOf("C1")).isEmpty(); // A is 2.5 km away
    assertThat(idx.neighboursOf("E2")).isEmpty();
    assertThat(idx.neighboursOf("D1")).isEmpty();
    assertThat(idx.maxNeighbours()).isEqualTo(3);
  }

  @Test
  void notNeighboursAtOnePointEightKm() {
    NeighbourIndex idx = NeighbourIndex.build(handTable(), 1.8);
    assertThat(idx.neighboursOf("A1")).containsExactly("E1"); // 1.9 km to B is too far
    assertThat(idx.neighboursOf("B1")).isEmpty();
    assertThat(idx.neighboursOf("E1")).containsExactly("A1", "A2", "A3");
    assertThat(idx.maxNeighbours()).isEqualTo(3);
  }

  @Test
  void widerRadii() {
    NeighbourIndex at245 = NeighbourIndex.build(handTable(), 2.45);
    assertThat(at245.neighboursOf("B1")).containsExactly("A1", "A2", "A3", "E1");
    assertThat(at245.neighboursOf("E1")).containsExactly("A1", "A2", "A3", "B1", "B2");
    assertThat(at245.neighboursOf("C1")).isEmpty();

    NeighbourIndex at26 = NeighbourIndex.build(handTable(), 2.6);
    assertThat(at26.neighboursOf("C1")).containsExactly("A1", "A2", "A3", "E1");
    assertThat(at26.neighboursOf("A1")).containsExactly("B1", "B2", "C1", "E1");
    assertThat(at26.neighboursOf("B1")).containsExactly("A1", "A2", "A3", "E1"); // C is 3.14 km away

    NeighbourIndex at32 = NeighbourIndex.build(handTable(), 3.2);
    assertThat(at32.neighboursOf("B1")).containsExactly("A1", "A2", "A3", "C1", "E1");
    assertThat(at32.neighboursOf("C1")).containsExactly("A1", "A2", "A3", "B1", "B2", "E1");
    assertThat(at32.maxNeighbours()).isEqualTo(6);
  }

  @Test
  void exactlyAtTheRadiusIsANeighbourJustBeyondIsNot() {
    // the radius is inclusive, and the index agrees with GeoDistance.km to the last bit
    for (String other : new String[] {"B1", "C1", "E1"}) {
      Cell a = handTable().get("A1");
      Cell b = handTable().get(other);
      double exact = GeoDistance.km(a.lat(), a.lon(), b.lat(), b.lon());
      assertThat(NeighbourIndex.build(handTable(), exact).neighboursOf("A1")).contains(other);
      assertThat(NeighbourIndex.build(handTable(), exact).neighboursOf(other)).contains("A1");
      assertThat(NeighbourIndex.build(handTable(), Math.nextDown(exact)).neighboursOf("A1")).doesNotContain(other);
      assertThat(NeighbourIndex.build(handTable(), Math.nextDown(exact)).neighboursOf(other)).doesNotContain("A1");
    }
  }

  @Test
  void sameSiteCellsAreNeverNeighbours() {
    // at 100 km everything is within reach, but cells of one site are site mates, not neighbours
    NeighbourIndex idx = NeighbourIndex.build(handTable(), 100);
    assertThat(idx.neighboursOf("A1")).containsExactly("B1", "B2", "C1", "D1", "E1", "E2");
    assertThat(idx.neighboursOf("E1")).containsExactly("A1", "A2", "A3", "B1", "B2", "C1", "D1");
    assertThat(idx.neighboursOf("E2")).containsExactly("A1", "A2", "A3", "B1", "B2", "C1", "D1");
    java.util.Map<String, String> siteOf = new java.util.HashMap<>();
    handTable().cells().forEach(c -> siteOf.put(c.cellId(), c.siteId()));
    for (Cell c : handTable().cells()) {
      assertThat(idx.neighboursOf(c.cellId())).noneMatch(n -> siteOf.get(n).equals(c.siteId()));
      assertThat(idx.neighboursOf(c.cellId())).doesNotContain(c.cellId());
    }
  }

  @Test
  void radiusZeroGivesSitesOnly() {
    // two sites on the very same spot: distance 0, still no neighbours at radius 0
    CellTable cells =
        CellTable.of(
            List.of(
                new Cell("X1", "S-X", "R", "4G", 38.0, 106.0),
                new Cell("X2", "S-X", "R", "4G", 38.0, 106.0),
                new Cell("Y1", "S-Y", "R", "4G", 38.0, 106.0)));
    NeighbourIndex idx = NeighbourIndex.build(cells, 0);
    assertThat(idx.radiusKm()).isZero();
    assertThat(idx.neighboursOf("X1")).isEmpty();
    assertThat(idx.neighboursOf("Y1")).isEmpty();
    assertThat(idx.maxNeighbours()).isZero();

    NeighbourIndex hand = NeighbourIndex.build(handTable(), 0);
    for (Cell c : handTable().cells()) {
      assertThat(hand.neighboursOf(c.cellId())).isEmpty();
    }

    // any positive radius finds co-located sites
    assertThat(NeighbourIndex.build(cells, 0.001).neighboursOf("Y1")).containsExactly("X1", "X2");
  }

  @Test
  void unknownCellsGetEmptyLists() {
    NeighbourIndex idx = NeighbourIndex.build(handTable(), 2.0);
    assertThat(idx.neighboursOf("nope")).isEmpty();
    assertThat(idx.neighboursOf(null)).isEmpty();
    assertThat(idx.contains("A1")).isTrue();
    assertThat(idx.contains("nope")).isFalse();
    assertThat(idx.contains(null)).isFalse();
  }

  @Test
  void emptyTable() {
    NeighbourIndex idx = NeighbourIndex.build(CellTable.of(List.of()), 2.0);
    assertThat(idx.size()).isZero();
    assertThat(idx.maxNeighbours()).isZero();
    assertThat(idx.neighboursOf("A1")).isEmpty();
  }

  @Test
  void listsAreImmutable() {
    NeighbourIndex idx = NeighbourIndex.build(handTable(), 2.0);
    List<String> n = idx.neighboursOf("A1");
    List<String> empty = idx.neighboursOf("C1");
    assertThatThrownBy(() -> n.add("X")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> n.set(0, "X")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> n.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(n::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> empty.add("X")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(idx.neighboursOf("A1")).containsExactly("B1", "B2", "E1");
    assertThat(n).isEqualTo(List.of("B1", "B2", "E1")).hasSameHashCodeAs(List.of("B1", "B2", "E1"));
  }

  @Test
  void listsAreSortedInNaturalStringOrder() {
    List<Cell> cells = new ArrayList<>();
    for (int i : new int[] {9, 10, 1, 100, 2}) {
      cells.add(new Cell("cell-" + i, "S-" + i, "R", "4G", 38.0 + i * 1e-5, 106.0));
      cells.add(new Cell("cell-" + i + "-b", "S-" + i, "R", "4G", 38.0 + i * 1e-5, 106.0));
    }
    cells.add(new Cell("hub", "S-hub", "R", "4G", 38.0, 106.0));
    NeighbourIndex idx = NeighbourIndex.build(CellTable.of(cells), 1.0);
    List<String> expected = new ArrayList<>();
    for (Cell c : cells) {
      if (!c.cellId().equals("hub")) {
        expected.add(c.cellId());
      }
    }
    expected.sort(null);
    assertThat(idx.neighboursOf("hub")).containsExactlyElementsOf(expected);
    assertThat(idx.neighboursOf("hub")).isSorted();
    assertThat(idx.neighboursOf("hub").get(0)).isEqualTo("cell-1");
    assertThat(idx.neighboursOf("hub").get(1)).isEqualTo("cell-1-b");
    assertThat(idx.neighboursOf("hub").get(2)).isEqualTo("cell-10");
  }

  @Test
  void rejectsBadRadiiAndCoordinates() {
    CellTable cells = handTable();
    for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> NeighbourIndex.build(cells, bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> NeighbourIndex.build(null, 1)).isInstanceOf(NullPointerException.class);
    CellTable badLat = CellTable.of(List.of(new Cell("Z1", "S", "R", "4G", 95, 0)));
    assertThatThrownBy(() -> NeighbourIndex.build(badLat, 1)).isInstanceOf(IllegalArgumentException.class);
    CellTable nanLon = CellTable.of(List.of(new Cell("Z1", "S", "R", "4G", 0, Double.NaN)));
    assertThatThrownBy(() -> NeighbourIndex.build(nanLon, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    NeighbourIndex idx = NeighbourIndex.build(handTable(), 2.6);
    NeighbourIndex copy = (NeighbourIndex) roundTrip(idx);
    for (Cell c : handTable().cells()) {
      assertThat(copy.neighboursOf(c.cellId())).isEqualTo(idx.neighboursOf(c.cellId()));
    }
    assertThat(copy.maxNeighbours()).isEqualTo(idx.maxNeighbours());
    assertThat(copy.radiusKm()).isEqualTo(2.6);

    // a list on its own serializes as a plain list of its ids
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) roundTrip(idx.neighboursOf("A1"));
    assertThat(list).containsExactly("B1", "B2", "C1", "E1");
  }

  // --- symmetry and the grid against brute force ----------------------------------------------------

  /** ~2000 cells in a 30 km square: sites of 1-4 cells, some cells jittered, co-located sites, a hot spot. */
  private static CellTable randomCity(long seed) {
    Random rnd = new Random(seed);
    double lat0 = 38.35;
    double lon0 = 106.10;
    double dLat = 30 / KM_PER_DEGREE;
    double dLon = 30 / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat0 + dLat / 2)));
    List<Cell> cells = new ArrayList<>();
    int site = 0;
    double[] prev = null;
    while (cells.size() < 2000) {
      double lat;
      double lon;
      if (prev != null && rnd.nextInt(10) == 0) { // another operator's site on the same mast
        lat = prev[0];
        lon = prev[1];
      } else if (rnd.nextInt(4) == 0) { // a dense centre 1 km across
        lat = lat0 + dLat / 2 + (rnd.nextDouble() - 0.5) * dLat / 30;
        lon = lon0 + dLon / 2 + (rnd.nextDouble() - 0.5) * dLon / 30;
      } else {
        lat = lat0 + rnd.nextDouble() * dLat;
        lon = lon0 + rnd.nextDouble() * dLon;
      }
      prev = new double[] {lat, lon};
      String siteId = "S" + site++;
      int n = 1 + rnd.nextInt(4);
      for (int k = 0; k < n && cells.size() < 2000; k++) {
        boolean jitter = rnd.nextInt(3) == 0; // up to ~50 m off the mast
        double cLat = lat + (jitter ? (rnd.nextDouble() - 0.5) * 0.0009 : 0);
        double cLon = lon + (jitter ? (rnd.nextDouble() - 0.5) * 0.0011 : 0);
        cells.add(new Cell(siteId + "-" + k, siteId, "Yinchuan", "4G", cLat, cLon));
      }
    }
    return CellTable.of(cells);
  }

  private static Map<String, List<String>> bruteForce(CellTable table, double radiusKm) {
    List<Cell> cells = new ArrayList<>(table.cells());
    Map<String, TreeSet<String>> out = new HashMap<>();
    for (Cell c : cells) {
      out.put(c.cellId(), new TreeSet<>());
    }
    if (radiusKm > 0) {
      for (Cell a : cells) {
        for (Cell b : cells) {
          if (a != b
              && !a.siteId().equals(b.siteId())
              && GeoDistance.km(a.lat(), a.lon(), b.lat(), b.lon()) <= radiusKm) {
            out.get(a.cellId()).add(b.cellId());
          }
        }
      }
    }
    Map<String, List<String>> lists = new TreeMap<>();
    out.forEach((k, v) -> lists.put(k, List.copyOf(v)));
    return lists;
  }

  private static void assertMatchesBruteForce(CellTable table, double radiusKm) {
    NeighbourIndex idx = NeighbourIndex.build(table, radiusKm);
    Map<String, List<String>> expected = bruteForce(table, radiusKm);
    Map<String, List<String>> actual = new TreeMap<>();
    int max = 0;
    for (Cell c : table.cells()) {
      actual.put(c.cellId(), List.copyOf(idx.neighboursOf(c.cellId())));
      max = Math.max(max, expected.get(c.cellId()).size());
    }
    assertThat(actual).as("neighbours at %s km", radiusKm).isEqualTo(expected);
    assertThat(idx.maxNeighbours()).isEqualTo(max);
    // areNeighbours: the same relation, asked pair by pair (every neighbour pair and 50 other cells per cell).
    List<String> ids = new ArrayList<>(expected.keySet());
    Random random = new Random(radiusKm > 0 ? (long) (radiusKm * 1000) : 1);
    for (String a : ids) {
      for (String b : expected.get(a)) {
        assertThat(idx.areNeighbours(a, b)).as("%s %s", a, b).isTrue();
      }
      for (int k = 0; k < 50; k++) {
        String b = ids.get(random.nextInt(ids.size()));
        assertThat(idx.areNeighbours(a, b)).as("%s %s", a, b).isEqualTo(expected.get(a).contains(b));
      }
    }
    assertThat(idx.areNeighbours(ids.get(0), "no-such-cell")).isFalse();
    assertThat(idx.areNeighbours(null, ids.get(0))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.01, 0.05, 0.3, 1.0, 2.0, 2.5, 5.0, 12.0, 50.0})
  void gridAgreesWithBruteForceInACity(double radiusKm) {
    CellTable table = randomCity(7);
    assertThat(table.size()).isEqualTo(2000);
    assertMatchesBruteForce(table, radiusKm);
  }

  @Test
  void gridAgreesWithBruteForceForOtherSeeds() {
    for (long seed = 100; seed < 103; seed++) {
      assertMatchesBruteForce(randomCity(seed), 2.0);
    }
  }

  @Test
  void neighbourRelationIsSymmetric() {
    CellTable table = randomCity(11);
    NeighbourIndex idx = NeighbourIndex.build(table, 2.0);
    long pairs = 0;
    for (Cell a : table.cells()) {
      for (String b : idx.neighboursOf(a.cellId())) {
        assertThat(idx.neighboursOf(b)).contains(a.cellId());
        pairs++;
      }
    }
    assertThat(pairs).isPositive();
  }

  /** Beyond what the network needs: the grid also holds near a pole and across the antimeridian. */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 2.0, 5.0, 40.0, 300.0, 25_000.0})
  void gridAgreesWithBruteForceNearAPoleAndAcrossTheAntimeridian(double radiusKm) {
    Random rnd = new Random(5);
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < 300; i++) { // straddling lon ±180 at 65°N
      double lon = 180 - rnd.nextDouble() * 0.2;
      cells.add(new Cell("am" + i, "am-site" + i / 2, "R", "4G", 65 + rnd.nextDouble() * 0.1,
          rnd.nextBoolean() ? lon : -lon));
    }
    for (int i = 0; i < 300; i++) { // around the north pole, every longitude
      cells.add(new Cell("np" + i, "np-site" + i / 3, "R", "4G", 89.97 + rnd.nextDouble() * 0.03,
          rnd.nextDouble() * 360 - 180));
    }
    cells.add(new Cell("pole", "pole-site", "R", "4G", 90, 0));
    cells.add(new Cell("south", "south-site", "R", "4G", -89.999, 45));
    cells.add(new Cell("east-edge", "edge-site-1", "R", "4G", 0, 180));
    cells.add(new Cell("west-edge", "edge-site-2", "R", "4G", 0, -180));
    assertMatchesBruteForce(CellTable.of(cells), radiusKm);
  }

  // --- build time -----------------------------------------------------------------------------------

  /**
   * A province-sized network: 100 000 cells on 3-cell sites, 80% in 20 cities of Zipf-distributed size
   * (peak density about 15 sites per km², as in a dense city core), the rest spread over 400 × 300 km.
   */
  private static List<Cell> province(long seed, double peakSitesPerKm2) {
    Random rnd = new Random(seed);
    int cities = 20;
    double[][] centres = new double[cities][];
    double[] weight = new double[cities];
    double weights = 0;
    for (int c = 0; c < cities; c++) {
      centres[c] = new double[] {35.5 + rnd.nextDouble() * 2.7, 105 + rnd.nextDouble() * 3.4};
      weight[c] = 1.0 / (c + 1);
      weights += weight[c];
    }
    int sites = 100_000 / 3 + 1;
    int[] citySites = new int[cities];
    for (int c = 0; c < cities; c++) {
      citySites[c] = (int) Math.round(0.8 * sites * weight[c] / weights);
    }
    List<Cell> cells = new ArrayList<>();
    int site = 0;
    while (cells.size() < 100_000) {
      int city = rnd.nextInt(cities);
      double lat;
      double lon;
      if (rnd.nextInt(5) > 0) { // city by weight
        double u = rnd.nextDouble() * weights;
        city = 0;
        while (city < cities - 1 && (u -= weight[city]) > 0) {
          city++;
        }
        double sigmaKm = Math.sqrt(citySites[city] / (2 * Math.PI * peakSitesPerKm2));
        lat = centres[city][0] + rnd.nextGaussian() * sigmaKm / KM_PER_DEGREE;
        lon = centres[city][1] + rnd.nextGaussian() * sigmaKm / (KM_PER_DEGREE * 0.8);
      } else {
        lat = 35.0 + rnd.nextDouble() * 2.7;
        lon = 104.5 + rnd.nextDouble() * 4.5;
      }
      for (int k = 0; k < 3 && cells.size() < 100_000; k++) {
        cells.add(new Cell("NX-" + site + "-" + k, "S" + site, "R" + city, k == 2 ? "5G" : "4G", lat, lon));
      }
      site++;
    }
    return cells;
  }

  private static NeighbourIndex timedBuild(List<Cell> cells, double radiusKm, String label) {
    CellTable table = CellTable.of(cells);
    long t0 = System.nanoTime();
    NeighbourIndex idx = NeighbourIndex.build(table, radiusKm);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("NeighbourIndex %s: %d cells, radius %s km, max %d neighbours, built in %d ms%n",
        label, idx.size(), radiusKm, idx.maxNeighbours(), millis);
    assertThat(idx.size()).isEqualTo(cells.size());
    // Build time is printed for the record, not asserted: speed belongs in benchmarks, not unit tests.
    return idx;
  }

  private static void spotCheck(List<Cell> cells, NeighbourIndex idx, double radiusKm, long seed) {
    Random rnd = new Random(seed);
    for (int i = 0; i < 5; i++) {
      Cell a = cells.get(rnd.nextInt(cells.size()));
      TreeSet<String> expected = new TreeSet<>();
      for (Cell b : cells) {
        if (!a.siteId().equals(b.siteId()) && GeoDistance.km(a.lat(), a.lon(), b.lat(), b.lon()) <= radiusKm) {
          expected.add(b.cellId());
        }
      }
      assertThat(idx.neighboursOf(a.cellId())).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void buildsForAHundredThousandCellsInSeconds() {
    List<Cell> cells = province(3, 15);
    assertThat(cells).hasSize(100_000);
    NeighbourIndex idx = timedBuild(cells, 2.0, "province");
    assertThat(idx.maxNeighbours()).isBetween(100, 2000);
    spotCheck(cells, idx, 2.0, 4);
  }

  @Test
  void buildsForAHundredThousandCellsCrowdedIntoFewCities() {
    // four times denser than a real city core: the grid is never coarser than the radius, so the cost is
    // bounded by the cells within about 1.5 radii, however crowded
    List<Cell> cells = province(5, 60);
    NeighbourIndex idx = timedBuild(cells, 2.0, "crowded");
    assertThat(idx.maxNeighbours()).isGreaterThan(2000);
    spotCheck(cells, idx, 2.0, 6);
  }

  /** Through Java serialization and back, as Flink ships functions to its tasks. */
  private static Object roundTrip(Object o) throws Exception {
    return InstantiationUtil.deserializeObject(InstantiationUtil.serializeObject(o), ClassLoader.getSystemClassLoader());
  }
}
