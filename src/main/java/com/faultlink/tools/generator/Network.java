package com.faultlink.tools.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The radio network of the province: five cities, their sites around the city centre (a dense core, sparser
 * outskirts) and the cells of each site, with each site's neighbours (sites close enough that their users
 * notice its outage).
 */
final class Network {
  /** Neighbours are taken a little inside the pipeline's default radius (2 km) so that rounding cannot matter. */
  static final double NEIGHBOUR_KM = 1.9;

  static final String[] TECHNOLOGIES = {"2G", "3G", "4G", "5G", "WLAN"};
  private static final double[] TECH_CORE = {0.06, 0.06, 0.45, 0.40, 0.03};
  private static final double[] TECH_OUTSKIRTS = {0.18, 0.12, 0.52, 0.17, 0.01};
  private static final double[] CELLS_PER_SITE = {0.08, 0.14, 0.30, 0.20, 0.16, 0.12}; // 1..6 cells
  private static final double MIN_SITE_SPACING_KM = 0.12;
  private static final double EARTH_KM = 6371.0088;

  /**
   * One city (a prefecture-level region of Ningxia).
   *
   * @param siteWeight share of the average site count; the five weights sum to 5
   * @param goldenMinutes how long its users typically wait before complaining about an outage
   * @param steadyRise whether its complaint rate rises steadily through an outage (reaching 3 times its first
   *     quarter hour's mean at {@code goldenMinutes}) instead of stepping up at {@code goldenMinutes}
   * @param complaintFactor how readily its users complain
   * @param omcs the OMCs that manage its sites, with their shares
   */
  record City(
      String name,
      String code,
      int areaDigit,
      double lat,
      double lon,
      long subscribers,
      double siteWeight,
      double coreKm,
      double outerKm,
      double goldenMinutes,
      boolean steadyRise,
      double complaintFactor,
      String[] omcs,
      double[] omcShares) {}

  static final City[] CITIES = {
    new City("Yinchuan", "YC", 1, 38.4872, 106.2309, 2_868_000, 1.5, 4.0, 18.0, 35, false, 1.15,
        new String[] {"OMC-HW-1", "OMC-ZTE-1"}, new double[] {0.6, 0.4}),
    new City("Shizuishan", "SZS", 2, 38.9840, 106.3838, 742_000, 0.75, 2.5, 12.0, 45, false, 0.9,
        new String[] {"OMC-ZTE-1"}, new double[] {1.0}),
    new City("Wuzhong", "WZ", 3, 37.9975, 106.1989, 1_196_000, 1.0, 2.5, 13.0, 40, true, 1.0,
        new String[] {"OMC-HW-2"}, new double[] {1.0}),
    new City("Guyuan", "GY", 4, 36.0158, 106.2424, 1_093_000, 0.9, 2.5, 12.0, 52, false, 0.9,
        new String[] {"OMC-ZTE-2"}, new double[] {1.0}),
    new City("Zhongwei", "ZW", 5, 37.4999, 105.1967, 1_047_000, 0.85, 2.5, 12.0, 46, false, 0.95,
        new String[] {"OMC-HW-2", "OMC-ZTE-2"}, new double[] {0.7, 0.3}),
  };

  record Site(int index, String id, int city, int number, double lat, double lon, boolean core, String omc,
      int[] cells, int[] neighbourSites, int[] neighbourCells) {}

  record Cell(int index, String id, int site, int city, int tech) {
    String technology() {
      return TECHNOLOGIES[tech];
    }
  }

  final List<Site> sites = new ArrayList<>();
  final List<Cell> cells = new ArrayList<>();
  /** Cells of each city, by index. */
  final int[][] cityCells = new int[CITIES.length][];
  /** Sites per city (site numbers run 1..n). */
  final int[] citySites = new int[CITIES.length];
  /** Cumulative outage-proneness over all cells: rural, old and unlucky cells fail more often. */
  final double[] fragility;

  Network(int sitesPerCity, SplittableRandom rng) {
    this(sitesPerCity, 0, rng);
  }

  /** With {@code cityKm > 0}, every city's sites within that radius of its centre, the inner 40 % its core. */
  Network(int sitesPerCity, double cityKm, SplittableRandom rng) {
    Map<Long, List<Integer>> grid = new HashMap<>();
    List<int[]> siteCellLists = new ArrayList<>();
    for (int c = 0; c < CITIES.length; c++) {
      City city = CITIES[c];
      int n = Math.max(2, (int) Math.round(sitesPerCity * city.siteWeight()));
      citySites[c] = n;
      double scale = Math.min(2.0, Math.sqrt(Math.max(1.0, n / 120.0)));
      double core = cityKm > 0 ? 0.4 * cityKm : city.coreKm() * scale;
      double outer = cityKm > 0 ? cityKm : city.outerKm() * scale;
      double kmPerDegLon = 111.32 * StrictMath.cos(StrictMath.toRadians(city.lat()));
      List<Integer> cityCellList = new ArrayList<>();
      for (int number = 1; number <= n; number++) {
        double lat = 0;
        double lon = 0;
        boolean inCore = false;
        for (int attempt = 0; attempt < 25; attempt++) {
          inCore = rng.nextDouble() < 0.6;
          double r = inCore ? core * StrictMath.sqrt(rng.nextDouble()) : core + (outer - core) * StrictMath.pow(rng.nextDouble(), 0.8);
          double theta = 2 * StrictMath.PI * rng.nextDouble();
          lat = round6(city.lat() + r * StrictMath.cos(theta) / 111.32);
          lon = round6(city.lon() + r * StrictMath.sin(theta) / kmPerDegLon);
          if (nearest(grid, lat, lon) >= MIN_SITE_SPACING_KM) {
            break;
          }
        }
        String omc = city.omcs()[Rand.weighted(rng, city.omcShares())];
        int siteIndex = sites.size();
        int k = 1 + Rand.weighted(rng, CELLS_PER_SITE);
        int[] siteCells = new int[k];
        for (int j = 0; j < k; j++) {
          int tech = Rand.weighted(rng, inCore ? TECH_CORE : TECH_OUTSKIRTS);
          int idx = cells.size();
          cells.add(new Cell(idx, siteId(city, number) + "-" + (j + 1), siteIndex, c, tech));
          siteCells[j] = idx;
          cityCellList.add(idx);
        }
        siteCellLists.add(siteCells);
        sites.add(new Site(siteIndex, siteId(city, number), c, number, lat, lon, inCore, omc, siteCells, null, null));
        grid.computeIfAbsent(gridKey(lat, lon), key -> new ArrayList<>()).add(siteIndex);
      }
      cityCells[c] = cityCellList.stream().mapToInt(Integer::intValue).toArray();
    }
    // Neighbours: other sites within NEIGHBOUR_KM, nearest first (at most 6 sites, 12 cells).
    for (int i = 0; i < sites.size(); i++) {
      Site s = sites.get(i);
      List<double[]> near = new ArrayList<>();
      for (int other : around(grid, s.lat(), s.lon())) {
        if (other == i) {
          continue;
        }
        Site o = sites.get(other);
        double d = km(s.lat(), s.lon(), o.lat(), o.lon());
        if (d <= NEIGHBOUR_KM) {
          near.add(new double[] {d, other});
        }
      }
      near.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
      int ns = Math.min(6, near.size());
      int[] neighbourSites = new int[ns];
      List<Integer> nc = new ArrayList<>();
      for (int j = 0; j < ns; j++) {
        neighbourSites[j] = (int) near.get(j)[1];
        for (int cell : siteCellLists.get(neighbourSites[j])) {
          if (nc.size() < 12) {
            nc.add(cell);
          }
        }
      }
      sites.set(i, new Site(s.index(), s.id(), s.city(), s.number(), s.lat(), s.lon(), s.core(), s.omc(), s.cells(),
          neighbourSites, nc.stream().mapToInt(Integer::intValue).toArray()));
    }
    fragility = new double[cells.size()];
    double total = 0;
    for (Cell cell : cells) {
      double f = Rand.lognormal(rng, 1.0, 0.8) * (sites.get(cell.site()).core() ? 1.0 : 1.6) * (cell.tech() <= 1 ? 1.3 : 1.0);
      total += f;
      fragility[cell.index()] = total;
    }
  }

  static String siteId(City city, int number) {
    return String.format(Locale.ROOT, "NX-%s-%04d", city.code(), number);
  }

  Site siteOf(int cell) {
    return sites.get(cells.get(cell).site());
  }

  /** A cell id that looks like the city's but is in no table (a decommissioned or mistyped cell). */
  String unknownCellId(int city, SplittableRandom rng) {
    return siteId(CITIES[city], citySites[city] + 1 + rng.nextInt(300)) + "-" + (1 + rng.nextInt(3));
  }

  static double km(double lat1, double lon1, double lat2, double lon2) {
    double p1 = StrictMath.toRadians(lat1);
    double p2 = StrictMath.toRadians(lat2);
    double dp = p2 - p1;
    double dl = StrictMath.toRadians(lon2 - lon1);
    double a = StrictMath.sin(dp / 2) * StrictMath.sin(dp / 2)
        + StrictMath.cos(p1) * StrictMath.cos(p2) * StrictMath.sin(dl / 2) * StrictMath.sin(dl / 2);
    return 2 * EARTH_KM * StrictMath.asin(StrictMath.sqrt(Math.min(1.0, a)));
  }

  void writeCsv(Path dir) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("regions.csv"), StandardCharsets.UTF_8)) {
      w.write("region,subscribers\n");
      for (City c : CITIES) {
        w.write(c.name() + "," + c.subscribers() + "\n");
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("cells.csv"), StandardCharsets.UTF_8)) {
      w.write("cell_id,site_id,region,technology,lat,lon\n");
      for (Cell cell : cells) {
        Site s = sites.get(cell.site());
        w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%.6f,%.6f\n", cell.id(), s.id(), CITIES[cell.city()].name(),
            cell.technology(), s.lat(), s.lon()));
      }
    }
  }

  /**
   * topology.csv: every site depends on its own two transmission links ({@code <site>-TX1}, {@code -TX2}, the
   * objects of the transport alarms), then the rows the incidents add (a link feeding its neighbours, a power
   * supply feeding two sites), each pair once.
   */
  void writeTopology(Path dir, List<String[]> extraRows) throws IOException {
    java.util.Set<String> rows = new java.util.LinkedHashSet<>();
    for (Site s : sites) {
      rows.add(s.id() + "-TX1,Transmission," + s.id());
      rows.add(s.id() + "-TX2,Transmission," + s.id());
    }
    for (String[] r : extraRows) {
      rows.add(String.join(",", r));
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("topology.csv"), StandardCharsets.UTF_8)) {
      w.write("object_id,object_type,site_id\n");
      for (String r : rows) {
        w.write(r + "\n");
      }
    }
  }

  private double nearest(Map<Long, List<Integer>> grid, double lat, double lon) {
    double best = Double.MAX_VALUE;
    for (int other : around(grid, lat, lon)) {
      Site o = sites.get(other);
      best = Math.min(best, km(lat, lon, o.lat(), o.lon()));
    }
    return best;
  }

  // Grid buckets of 0.02 deg latitude x 0.025 deg longitude (about 2.2 km square at 36-39 N): the 3 x 3
  // buckets around a point hold every site within NEIGHBOUR_KM of it.
  private static long gridKey(double lat, double lon) {
    return gridKey((long) Math.floor(lat / 0.02), (long) Math.floor(lon / 0.025));
  }

  private static long gridKey(long a, long b) {
    return a * 1_000_003L + b;
  }

  private static List<Integer> around(Map<Long, List<Integer>> grid, double lat, double lon) {
    List<Integer> out = new ArrayList<>();
    long a = (long) Math.floor(lat / 0.02);
    long b = (long) Math.floor(lon / 0.025);
    for (long da = -1; da <= 1; da++) {
      for (long db = -1; db <= 1; db++) {
        List<Integer> bucket = grid.get(gridKey(a + da, b + db));
        if (bucket != null) {
          out.addAll(bucket);
        }
      }
    }
    return out;
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
