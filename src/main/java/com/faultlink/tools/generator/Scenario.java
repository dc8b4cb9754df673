package com.faultlink.tools.generator;

import com.faultlink.tools.generator.EventRenderer.Alarm;
import com.faultlink.tools.generator.Network.City;
import com.faultlink.tools.generator.Network.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What happens in the province, hour by hour: unplanned cell outages (some flapping, a few mass outages
 * behind one transmission fault, a few still open at the end), planned night works and the outages they
 * cause, alarm noise that is no outage, everyday complaints, and the complaints each outage causes on its
 * cell, its site and its neighbours: few during the golden window, then many.
 *
 * <p>Events are generated when their origin comes up (a clear with its raise, an outage's complaints with the
 * outage) and handed to the sinks, which write them in time order: after each hour nothing earlier than the
 * hour's end can come, so the sinks flush up to it and memory stays bounded.
 */
final class Scenario {
  // Everyday complaints per local hour (weekdays peak in the evening; weekends start later).
  private static final double[] COMPLAINTS_WEEKDAY = {
    0.35, 0.15, 0.08, 0.06, 0.06, 0.10, 0.30, 0.60, 0.95, 1.20, 1.30, 1.25,
    1.05, 1.05, 1.15, 1.15, 1.15, 1.20, 1.40, 1.60, 1.75, 1.60, 1.15, 0.70};
  private static final double[] COMPLAINTS_WEEKEND = {
    0.50, 0.22, 0.10, 0.06, 0.05, 0.07, 0.15, 0.35, 0.60, 0.90, 1.15, 1.25,
    1.20, 1.15, 1.20, 1.20, 1.20, 1.25, 1.40, 1.60, 1.75, 1.65, 1.25, 0.90};
  private static final double WEEKEND_LEVEL = 0.85;
  private static final double[] DIURNAL_WEEKDAY = normalised(COMPLAINTS_WEEKDAY);
  private static final double[] DIURNAL_WEEKEND = normalised(COMPLAINTS_WEEKEND);
  private static final double[] OUTAGE_HOURS = {
    0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.2, 1.2,
    1.2, 1.2, 1.3, 1.3, 1.2, 1.2, 1.1, 1.1, 1.0, 0.9, 0.8, 0.8};
  private static final double[] NOISE_HOURS = {
    0.8, 0.8, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.1, 1.1, 1.2, 1.2,
    1.3, 1.3, 1.4, 1.4, 1.3, 1.2, 1.1, 1.0, 1.0, 0.9, 0.9, 0.8};

  /** A steadily rising city's complaint intensity at an outage's start, relative to the peak. */
  private static final double RISE_START = 0.08;

  /** The shortest window a steady rise is given: it must lie well after the 15-minute baseline span. */
  private static final double RISE_SHORTEST_WINDOW = 30;

  /** Complaints per minute on a typical 4G cell's area once the golden window has passed, at the daily mean. */
  private static final double FAULT_COMPLAINTS_PER_MINUTE = 0.12;
  /** Planned outages: at night, announced ahead: fewer users notice, fewer complain. */
  private static final double PLANNED_LEVEL = 0.4;
  private static final double[] TECH_COMPLAINTS = {0.5, 0.6, 1.2, 1.0, 0.3}; // 2G 3G 4G 5G WLAN
  private static final double[] TECH_GOLDEN_OFFSET = {8, 5, 0, -5, 10}; // minutes
  private static final double SITE_SHARE = 0.45; // weight of the site's other cells against the cell's own 1.0
  private static final double NEIGHBOUR_SHARE = 0.35; // weight of the neighbouring sites' cells

  private static final String[] CATEGORIES = {"voice", "data", "messaging", "other", null};
  private static final double[] BACKGROUND_CATEGORIES = {0.28, 0.42, 0.10, 0.15, 0.05};
  private static final double[] FAULT_CATEGORIES = {0.42, 0.46, 0.04, 0.05, 0.03};
  private static final String[] CHANNELS = {"hotline", "app", "wechat", "web", "store", "sms"};
  private static final double[] CHANNEL_SHARES = {0.48, 0.24, 0.14, 0.06, 0.05, 0.03};
  private static final String[][] DESCRIPTIONS = {
    {"通话经常掉线", "电话打不出去", "通话有杂音"},
    {"无法上网", "网速很慢", "5G信号时有时无"},
    {"短信收不到", "验证码短信延迟"},
    {"信号差", "套餐资费疑问"},
    {"手机没信号"}
  };
  private static final String[] PREFIXES = {
    "134", "135", "136", "137", "138", "139", "147", "150", "151", "152",
    "157", "158", "159", "178", "182", "183", "184", "187", "188", "198"};

  private static final String TRANSPORT_NMS = "TNMS-FH-1";
  /** The power-monitoring system whose {@code powerSupplyFailure} alarms start the power incidents. */
  static final String POWER_EMS = "PWR-EMS-1";
  private static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

  /**
   * A planned work: ids in start order. Whether it takes cells down and whether they stay down past its end
   * are decided when it is planned; {@code seed} drives the details.
   */
  record Work(String id, long start, long end, List<String> cells, List<String> regions, boolean announced,
      int city, int[] cellIndexes, boolean causesOutages, boolean overrun, long seed) {}

  /** What was generated (before the sinks drop what falls after the end). */
  static final class Stats {
    long outages;
    long plannedWorkOutages;
    long outOfServiceOutages;
    long massOutages;
    long powerOutages;
    long flappingOutages;
    long openAtEnd;
    long faultComplaints;
    long backgroundComplaints;
    long noiseAlarms;
    /** Outages given an acknowledgement by the ack stream (beside the 10 % the outage stream acknowledges). */
    long extraAcknowledgedOutages;
    /** Complaints relabelled to an escalation channel (regulator, 越级) and to severity critical. */
    long escalatedComplaints;
    long criticalComplaints;
  }

  /** Share of outages not otherwise acknowledged that the ack stream acknowledges, and the latest it does so. */
  static final double EXTRA_ACK_SHARE = 0.6;
  static final long EXTRA_ACK_MAX_SECONDS = 2400;
  /** Shares of complaints relabelled to the escalation channels and to severity critical. */
  static final double REGULATOR_SHARE = 0.015;
  static final double YUEJI_SHARE = 0.01;
  static final double CRITICAL_SHARE = 0.02;

  private final GeneratorOptions opt;
  private final Network net;
  private final LineSink alarms;
  private final LineSink complaints;
  private final EventRenderer render = new EventRenderer();
  private final long from;
  private final long until;
  private final SplittableRandom outageRng;
  private final SplittableRandom noiseRng;
  private final SplittableRandom backgroundRng;
  private final SplittableRandom massRng;
  /** Acknowledgements and complaint labels (channel, severity) of issue 24: their own streams, so that adding them
   * moves none of the figures drawn from the others. */
  private final SplittableRandom ackRng;
  private final SplittableRandom labelRng;
  private long ackEvents;
  private final Customers[] customers;
  private final double[] cityShare;
  private final long[] busyFrom;
  private final long[] busyUntil;
  private final Map<String, long[]> alarmIds = new HashMap<>();
  private final List<Work> works;
  private final long[] massOutageTimes;
  private final long[] openOutageTimes;
  /** Power incidents and the one root alarm that explains no outage: their own random stream, so they move no
   *  other draw. */
  private final SplittableRandom powerRng;
  private final long[] powerTimes;
  private final long rootOnlyTime;
  final List<InjectedIncident> injected = new ArrayList<>();
  /** The incident id of the root-cause alarm that explains no outage (power back before the batteries ran out). */
  String rootWithoutOutage;
  /** Topology rows ({object_id, object_type, site_id}) the incidents add to every site's own transmission links. */
  final List<String[]> topologyRows = new ArrayList<>();
  private final double maxDiurnal;
  private long alarmEvents;
  private long complaintEvents;
  final Stats stats = new Stats();
  /** Ticket lifecycles, from a random stream of their own: nothing else moves for them. */
  final TicketLives tickets;

  Scenario(GeneratorOptions opt, Network net, LineSink alarms, LineSink complaints) {
    this.opt = opt;
    this.net = net;
    this.alarms = alarms;
    this.complaints = complaints;
    this.from = opt.startSecond();
    this.until = opt.endSecond();
    this.outageRng = Rand.stream(opt.seed(), 2);
    this.noiseRng = Rand.stream(opt.seed(), 3);
    this.backgroundRng = Rand.stream(opt.seed(), 4);
    this.massRng = Rand.stream(opt.seed(), 6);
    this.ackRng = Rand.stream(opt.seed(), 7);
    this.labelRng = Rand.stream(opt.seed(), 8);
    this.tickets = new TicketLives(Rand.stream(opt.seed(), 10), complaints, opt.endSecond());
    long totalSubscribers = 0;
    for (City c : Network.CITIES) {
      totalSubscribers += c.subscribers();
    }
    cityShare = new double[Network.CITIES.length];
    customers = new Customers[Network.CITIES.length];
    for (int c = 0; c < cityShare.length; c++) {
      cityShare[c] = (double) Network.CITIES[c].subscribers() / totalSubscribers;
      customers[c] = new Customers((int) Math.min(1_000_000, 50 + 4 * opt.backgroundComplaintsPerDay() * cityShare[c]),
          Network.CITIES[c].areaDigit());
    }
    busyFrom = new long[net.cells.size()];
    busyUntil = new long[net.cells.size()];
    Arrays.fill(busyUntil, Long.MIN_VALUE);
    maxDiurnal = Math.max(max(DIURNAL_WEEKDAY), max(DIURNAL_WEEKEND));
    works = planWorks(Rand.stream(opt.seed(), 5));
    long margin = opt.days() >= 3 ? 86_400L : 0; // keep mass outages off the first and last day
    massOutageTimes = times(massRng, Math.round(opt.days() * opt.outagesPerDay() / 100.0), from + margin,
        until - margin, true);
    openOutageTimes = times(outageRng, Math.max(2, Math.round(opt.outagesPerDay() * 0.5)), until - 12 * 3600L,
        until - 3600L, false);
    powerRng = Rand.stream(opt.seed(), 9);
    // one power incident per 10 days (the sample's three weeks: two), and with them one root alarm without outage;
    // shorter sets get none and stay as they were
    powerTimes = times(powerRng, opt.days() / 10, from + margin, until - margin, true);
    rootOnlyTime = powerTimes.length == 0 ? Long.MIN_VALUE : times(powerRng, 1, from + margin, until - margin, true)[0];
  }

  List<Work> works() {
    return works;
  }

  /** Generates everything, hour by hour, and flushes the sinks behind it. */
  void run() {
    if (!opt.clean()) {
      orphanClears();
    }
    long unknownTicketAt = from + (until - from) / 2;
    int nextWork = 0;
    int nextMass = 0;
    int nextPower = 0;
    int nextOpen = 0;
    double outagesPerHourWeight = opt.outagesPerDay() / sum(OUTAGE_HOURS);
    double noisePerHourWeight = opt.alarmNoisePerDay() / sum(NOISE_HOURS);
    for (long h = from; h < until; h += 3600) {
      long hEnd = h + 3600;
      int hour = TimeText.hourOfDay(h);
      while (nextWork < works.size() && works.get(nextWork).start() < hEnd) {
        workOutages(works.get(nextWork++));
      }
      while (nextMass < massOutageTimes.length && massOutageTimes[nextMass] < hEnd) {
        massOutage(massOutageTimes[nextMass++]);
      }
      while (nextPower < powerTimes.length && powerTimes[nextPower] < hEnd) {
        powerIncident(powerTimes[nextPower], nextPower++);
      }
      if (rootOnlyTime >= h && rootOnlyTime < hEnd) {
        rootAlarmWithoutOutage(rootOnlyTime);
      }
      while (nextOpen < openOutageTimes.length && openOutageTimes[nextOpen] < hEnd) {
        long s = openOutageTimes[nextOpen++];
        int cell = freeCell(outageRng, s, until + 5 * 86_400L);
        if (cell >= 0) {
          long d = Rand.uniform(outageRng, 3 * 86_400L, 5 * 86_400L);
          outage(cell, new long[] {s}, new long[] {s + d}, null, 1.0, outageRng);
        }
      }
      if (hour >= 1 && hour <= 3) { // maintenance announced only by the alarm's plannedOutageIndicator
        int n = Rand.poisson(outageRng, opt.outagesPerDay() * 0.006);
        for (int i = 0; i < n; i++) {
          long s = h + outageRng.nextLong(3600);
          long d = Rand.uniform(outageRng, 20 * 60, 90 * 60);
          int cell = freeCell(outageRng, s, s + d);
          if (cell >= 0) {
            stats.outOfServiceOutages++;
            outage(cell, new long[] {s}, new long[] {s + d}, OUT_OF_SERVICE, PLANNED_LEVEL, outageRng);
          }
        }
      }
      int n = Rand.poisson(outageRng, outagesPerHourWeight * OUTAGE_HOURS[hour]);
      for (int i = 0; i < n; i++) {
        randomOutage(h + outageRng.nextLong(3600));
      }
      n = Rand.poisson(noiseRng, noisePerHourWeight * NOISE_HOURS[hour]);
      for (int i = 0; i < n; i++) {
        noise(h + noiseRng.nextLong(3600));
      }
      backgroundComplaints(h);
      if (unknownTicketAt >= h && unknownTicketAt < hEnd) {
        tickets.unknownTicket(unknownTicketAt);
      }
      alarms.flushBefore(hEnd);
      complaints.flushBefore(hEnd);
    }
  }

  // ---------------------------------------------------------------- works

  private List<Work> planWorks(SplittableRandom r) {
    double perNight = Math.max(0.6, opt.outagesPerDay() * 0.1);
    double[] citySites = new double[Network.CITIES.length];
    for (int c = 0; c < citySites.length; c++) {
      citySites[c] = net.citySites[c];
    }
    List<long[]> windows = new ArrayList<>(); // start, end, drawn in night order
    for (int day = 0; day < opt.days(); day++) {
      long midnight = from + day * 86_400L;
      List<long[]> tonight = new ArrayList<>();
      for (int i = Rand.poisson(r, perNight); i > 0; i--) {
        long start = midnight + 3600 + 1800L * r.nextInt(3); // 01:00, 01:30 or 02:00
        tonight.add(new long[] {start, start + 3600L * (2 + r.nextInt(3))}); // 2-4 hours, over by 06:00
      }
      tonight.sort(Comparator.comparingLong(w -> w[0])); // stable: the same start keeps drawing order
      windows.addAll(tonight);
    }
    int n = windows.size();
    // A few region-wide cut-overs; most works announced; about two thirds take cells down, and a couple of
    // the announced ones among those overrun.
    boolean[] regionWide = chosen(r, n, n >= 3 ? Math.max(1, Math.round(0.05 * n)) : 0, null);
    boolean[] announced = new boolean[n];
    boolean[] withOutages = new boolean[n];
    boolean[] mayOverrun = new boolean[n];
    for (int i = 0; i < n; i++) {
      announced[i] = r.nextDouble() < 0.9;
      withOutages[i] = regionWide[i] || r.nextDouble() < 0.65;
      mayOverrun[i] = announced[i] && withOutages[i];
    }
    boolean[] overrun = chosen(r, n, Math.max(2, Math.round(0.15 * count(mayOverrun))), mayOverrun);
    List<Work> planned = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int city = Rand.weighted(r, citySites);
      List<String> cellIds = new ArrayList<>();
      List<String> regions = new ArrayList<>();
      List<Integer> idx = new ArrayList<>();
      int[] cityCells = net.cityCells[city];
      Site site = net.siteOf(cityCells[r.nextInt(cityCells.length)]);
      if (regionWide[i]) {
        regions.add(Network.CITIES[city].name());
      } else {
        List<Site> workSites = new ArrayList<>(List.of(site));
        if (r.nextDouble() < 0.25 && site.neighbourSites().length > 0) {
          workSites.add(net.sites.get(site.neighbourSites()[0]));
        }
        for (Site s : workSites) {
          for (int cell : s.cells()) {
            idx.add(cell);
            cellIds.add(net.cells.get(cell).id());
          }
        }
      }
      planned.add(new Work("W-" + (i + 1), windows.get(i)[0], windows.get(i)[1], cellIds, regions, announced[i], city,
          idx.stream().mapToInt(Integer::intValue).toArray(), withOutages[i], overrun[i], r.nextLong()));
    }
    return planned;
  }

  /** {@code k} of the {@code n} indexes (among the eligible ones, where given), drawn at random. */
  private static boolean[] chosen(SplittableRandom r, int n, long k, boolean[] eligible) {
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (eligible == null || eligible[i]) {
        pool.add(i);
      }
    }
    boolean[] out = new boolean[n];
    for (long j = 0; j < k && !pool.isEmpty(); j++) {
      out[pool.remove(r.nextInt(pool.size()))] = true;
    }
    return out;
  }

  private static int count(boolean[] flags) {
    int c = 0;
    for (boolean f : flags) {
      c += f ? 1 : 0;
    }
    return c;
  }

  private void workOutages(Work w) {
    if (!w.causesOutages()) {
      return; // the work went without taking cells down
    }
    SplittableRandom r = new SplittableRandom(w.seed());
    List<Integer> cells = new ArrayList<>();
    if (w.regions().isEmpty()) {
      for (int i = 0; i < w.cellIndexes().length; i++) {
        if (i == 0 || r.nextDouble() < 0.85) {
          cells.add(w.cellIndexes()[i]);
        }
      }
    } else {
      int[] cityCells = net.cityCells[w.city()];
      int sites = 1 + r.nextInt(2);
      for (int i = 0; i < sites; i++) {
        for (int cell : net.siteOf(cityCells[r.nextInt(cityCells.length)]).cells()) {
          cells.add(cell);
        }
      }
    }
    String indicator = r.nextDouble() < 0.5 ? OUT_OF_SERVICE : null;
    long t0 = w.start() + 60 * Rand.uniform(r, 2, 21);
    for (int cell : cells) {
      long s = t0 + r.nextLong(91);
      long e = w.overrun()
          ? w.end() + 60 * Rand.uniform(r, 15, 121)
          : s + Rand.uniform(r, 10 * 60, Math.max(10 * 60 + 1, w.end() - s - 5 * 60));
      if (!free(cell, s, e)) {
        continue;
      }
      stats.plannedWorkOutages++;
      if (indicator != null) {
        stats.outOfServiceOutages++;
      }
      outage(cell, new long[] {s}, new long[] {e}, indicator, PLANNED_LEVEL, r);
    }
  }

  // ---------------------------------------------------------------- outages

  private void randomOutage(long s) {
    SplittableRandom r = outageRng;
    long d = outageSeconds(r);
    int flaps = r.nextDouble() < 0.12 ? 1 + r.nextInt(3) : 0;
    long[] raises = new long[1 + flaps];
    long[] clears = new long[1 + flaps];
    raises[0] = s;
    clears[0] = s + d;
    for (int i = 1; i <= flaps; i++) { // re-raised 1-4 minutes after the clear: the same outage, flapping
      raises[i] = clears[i - 1] + Rand.uniform(r, 60, 241);
      clears[i] = raises[i] + Rand.uniform(r, 60, 601);
    }
    int cell = freeCell(r, s, clears[flaps]);
    if (cell < 0) {
      return;
    }
    if (flaps > 0) {
      stats.flappingOutages++;
    }
    outage(cell, raises, clears, r.nextDouble() < 0.08 ? "IN_SERVICE" : null, 1.0, r);
  }

  /** Long-tailed: most last 5-30 minutes, some hours, a rare few more than a day. */
  private static long outageSeconds(SplittableRandom r) {
    double u = r.nextDouble();
    double minutes = u < 0.80 ? Rand.lognormal(r, 14, 0.6)
        : u < 0.97 ? Rand.lognormal(r, 120, 0.8)
        : Rand.lognormal(r, 26 * 60, 0.5);
    return Math.max(120, Math.min(5 * 86_400L, Math.round(minutes * 60)));
  }

  /** A transmission fault takes several neighbouring sites down at once. */
  private void massOutage(long t0) {
    SplittableRandom r = massRng;
    Site epicentre = net.siteOf(Rand.cumulative(r, net.fragility));
    List<Site> sites = new ArrayList<>(List.of(epicentre));
    int more = Math.min(epicentre.neighbourSites().length, 2 + r.nextInt(4));
    for (int i = 0; i < more; i++) {
      sites.add(net.sites.get(epicentre.neighbourSites()[i]));
    }
    long restored = t0 + Math.round(Rand.lognormal(r, 100, 0.5) * 60);
    Alarm link = new Alarm(TRANSPORT_NMS, nextAlarmId(TRANSPORT_NMS), "communicationsAlarm", "critical",
        "lossOfSignal", null, epicentre.id() + "-TX1", "Transmission", t0 - Rand.uniform(r, 5, 31), null);
    alarms.offer(link.raised(), render.raise(alarmEventId(), link));
    long linkClear = restored - r.nextLong(61);
    alarms.offer(linkClear, render.clear(alarmEventId(), link, linkClear, r.nextBoolean()));
    List<String> ids = new ArrayList<>();
    for (Site site : sites) {
      topologyRows.add(new String[] {link.objectId(), "Transmission", site.id()});
      for (int cell : site.cells()) {
        long s = t0 + r.nextLong(91);
        long e = restored + r.nextLong(181);
        if (free(cell, s, e)) {
          stats.massOutages++;
          ids.add(outage(cell, new long[] {s}, new long[] {e}, null, 1.0, r));
        }
      }
    }
    ids.sort(null);
    injected.add(new InjectedIncident(TRANSPORT_NMS + "/" + link.id(), "lossOfSignal", link.objectId(), ids));
  }

  /**
   * A power failure: a {@code powerSupplyFailure} on a site (even incidents) or on a power supply feeding a site and
   * its nearest neighbour (odd ones, listed in the topology); each site's batteries last 30-120 minutes, then all its
   * cells drop within 90 s; power is back 2.5-5 hours after the alarm, the cells a few minutes later.
   */
  private void powerIncident(long t0, int n) {
    SplittableRandom r = powerRng;
    Site site = net.siteOf(Rand.cumulative(r, net.fragility));
    for (int attempt = 0; n % 2 == 1 && site.neighbourSites().length == 0 && attempt < 20; attempt++) {
      site = net.siteOf(Rand.cumulative(r, net.fragility)); // a shared power supply needs a neighbour to feed
    }
    List<Site> sites = new ArrayList<>(List.of(site));
    String objectId = site.id();
    String objectType = "Site";
    if (n % 2 == 1 && site.neighbourSites().length > 0) {
      objectId = site.id() + "-PSU1";
      objectType = "PowerSupply";
      sites.add(net.sites.get(site.neighbourSites()[0]));
      for (Site s : sites) {
        topologyRows.add(new String[] {objectId, objectType, s.id()});
      }
    }
    long restored = t0 + 60 * Rand.uniform(r, 150, 301);
    Alarm power = new Alarm(POWER_EMS, nextAlarmId(POWER_EMS), "equipmentAlarm", "major", "powerSupplyFailure", null,
        objectId, objectType, t0, null);
    alarms.offer(t0, render.raise(alarmEventId(), power));
    alarms.offer(restored, render.clear(alarmEventId(), power, restored, r.nextBoolean()));
    List<String> ids = new ArrayList<>();
    for (Site s : sites) {
      long drop = t0 + 60 * Rand.uniform(r, 30, 121);
      for (int cell : s.cells()) {
        long start = drop + r.nextLong(91);
        long end = restored + r.nextLong(181);
        if (free(cell, start, end)) {
          stats.powerOutages++;
          ids.add(outage(cell, new long[] {start}, new long[] {end}, null, 1.0, r));
        }
      }
    }
    ids.sort(null);
    injected.add(new InjectedIncident(POWER_EMS + "/" + power.id(), "powerSupplyFailure", objectId, ids));
  }

  /**
   * A {@code powerSupplyFailure} on a site whose batteries outlast it (cleared after 20 minutes): a root-cause alarm
   * that explains no outage. Its cells are kept free of outages from 15 minutes before it to 15 minutes after.
   */
  private void rootAlarmWithoutOutage(long t) {
    SplittableRandom r = powerRng;
    long clear = t + 20 * 60;
    Site site = null;
    for (int attempt = 0; attempt < 50 && site == null; attempt++) {
      Site candidate = net.siteOf(Rand.cumulative(r, net.fragility));
      boolean allFree = true;
      for (int cell : candidate.cells()) {
        allFree &= free(cell, t - 900, clear + 900);
      }
      site = allFree ? candidate : null;
    }
    if (site == null) {
      return;
    }
    for (int cell : site.cells()) {
      markBusy(cell, t - 900, clear + 900);
    }
    Alarm power = new Alarm(POWER_EMS, nextAlarmId(POWER_EMS), "equipmentAlarm", "minor", "powerSupplyFailure", null,
        site.id(), "Site", t, null);
    alarms.offer(t, render.raise(alarmEventId(), power));
    alarms.offer(clear, render.clear(alarmEventId(), power, clear, r.nextBoolean()));
    rootWithoutOutage = POWER_EMS + "/" + power.id();
  }

  /**
   * One outage: its raise/clear pairs (more than one when flapping, each a new alarm id) and the complaints
   * it causes from the first raise to the last clear.
   */
  private String outage(int cell, long[] raises, long[] clears, String indicator, double complaintLevel,
      SplittableRandom r) {
    Site site = net.siteOf(cell);
    String omc = site.omc();
    boolean zte = omc.contains("ZTE");
    long s = raises[0];
    long e = clears[clears.length - 1];
    markBusy(cell, s, e);
    if (s >= from && s < until) {
      stats.outages++;
      if (e >= until) {
        stats.openAtEnd++;
      }
    }
    String outageId = null;
    for (int i = 0; i < raises.length; i++) {
      Alarm a = new Alarm(omc, nextAlarmId(omc), "communicationsAlarm", "critical", "cellOutage",
          zte ? "小区退服" : "Cell Unavailable", net.cells.get(cell).id(), "Cell", raises[i], indicator);
      alarms.offer(raises[i], render.raise(alarmEventId(), a));
      boolean acked = false;
      if (i == 0 && r.nextDouble() < 0.1 && clears[0] - raises[0] > 180) {
        long at = raises[0] + Rand.uniform(r, 60, Math.min(clears[0] - raises[0], 1200));
        alarms.offer(at, render.acknowledge(alarmEventId(), a, at, "critical", operator(r)));
        acked = true;
      }
      if (i == 0 && !acked && clears[0] - raises[0] > 120 && ackRng.nextDouble() < EXTRA_ACK_SHARE) {
        // Acknowledged between 30 s after the raise and 40 min, before the clear: the ack stream's own draws.
        long at = raises[0] + Rand.uniform(ackRng, 30, Math.min(clears[0] - raises[0], EXTRA_ACK_MAX_SECONDS));
        alarms.offerExact(at, render.acknowledge("ev-a-ack-" + (++ackEvents), a, at, "critical", operator(ackRng)));
        if (at >= from && at < until) {
          stats.extraAcknowledgedOutages++;
        }
      }
      alarms.offer(clears[i], render.clear(alarmEventId(), a, clears[i], r.nextBoolean()));
      if (i == 0) {
        outageId = omc + "/" + a.id();
      }
    }
    // Its own stream: how many complaints an outage draws (its city's shape) moves no later outage.
    faultComplaints(cell, s, e, complaintLevel, r.split());
    return outageId;
  }

  /**
   * Complaints about an outage from {@code s} to {@code e}, as an inhomogeneous Poisson process (drawn by
   * thinning): a low rate during the golden window, a sharp rise after it, slowly tiring while the outage
   * lasts, and a short tail after the clear; scaled by the hour of day, the city and the technology.
   */
  private void faultComplaints(int cell, long s, long e, double level, SplittableRandom r) {
    if (opt.complainingOutages() < 1 && r.nextDouble() >= opt.complainingOutages()) {
      return; // drawn only where some outages cause none, so that the sample's draws stay as they were
    }
    Network.Cell c = net.cells.get(cell);
    Site site = net.sites.get(c.site());
    City city = Network.CITIES[c.city()];
    double golden = Math.max(15, Math.min(90, city.goldenMinutes() + TECH_GOLDEN_OFFSET[c.tech()] + 3 * Rand.gaussian(r)));
    double rate = FAULT_COMPLAINTS_PER_MINUTE * city.complaintFactor() * TECH_COMPLAINTS[c.tech()] * level
        * opt.faultComplaintLevel();
    double lambdaMax = rate * maxDiurnal;
    double duration = (e - s) / 60.0;
    double stop = Math.min(duration + 30, (until - s) / 60.0);
    double atClear = shape(duration, golden, city.steadyRise());
    int siteOthers = site.cells().length - 1;
    int neighbours = site.neighbourCells().length;
    double[] where = {1.0, siteOthers > 0 ? SITE_SHARE : 0, neighbours > 0 ? NEIGHBOUR_SHARE : 0};
    List<String> complainants = new ArrayList<>();
    double t = 0;
    while (true) {
      t += Rand.exponential(r, lambdaMax);
      if (t >= stop) {
        return;
      }
      long at = s + (long) (t * 60);
      double f = t <= duration ? shape(t, golden, city.steadyRise()) : atClear * 0.5 * StrictMath.exp(-(t - duration) / 10);
      if (r.nextDouble() * lambdaMax >= rate * f * diurnal(at)) {
        continue;
      }
      int target = switch (Rand.weighted(r, where)) {
        case 0 -> cell;
        case 1 -> otherCellOfSite(site, cell, r);
        default -> site.neighbourCells()[r.nextInt(neighbours)];
      };
      int targetCity = net.cells.get(target).city();
      String customer = !complainants.isEmpty() && r.nextDouble() < 0.2
          ? complainants.get(r.nextInt(complainants.size()))
          : customers[targetCity].draw(r, 0.05);
      complainants.add(customer);
      double form = r.nextDouble(); // 90 % cell and region, 5 % cell only, 5 % region only
      String cellId = form < 0.95 ? net.cells.get(target).id() : null;
      boolean withRegion = form < 0.90 || form >= 0.95;
      stats.faultComplaints++;
      complaint(at, targetCity, cellId, withRegion, FAULT_CATEGORIES, 0.3, customer, r);
    }
  }

  /**
   * The generator's record of what it puts in: the expected fault-complaint rate of an unplanned outage of {@code
   * technology} in {@code region} (a city name), {@code u} minutes after its start while it is open, relative to a
   * 4G outage's peak, in complaints per minute at the daily mean before the outage's own level ({@link
   * #faultComplaints}: the city's complaint factor, the technology's share, the shape averaged over the outage's
   * golden minutes, normal around the city's and the technology's with sd 3, cut to 15-90, by quadrature). Tests
   * derive the contract's true golden window from it; generating does not use it.
   */
  static double expectedRate(String region, String technology, double u) {
    City city = null;
    for (City c : Network.CITIES) {
      if (c.name().equals(region)) {
        city = c;
      }
    }
    int tech = java.util.Arrays.asList(Network.TECHNOLOGIES).indexOf(technology);
    if (city == null || tech < 0) {
      throw new IllegalArgumentException(region + "/" + technology);
    }
    double mean = city.goldenMinutes() + TECH_GOLDEN_OFFSET[tech];
    double sum = 0;
    double weights = 0;
    for (double z = -6; z <= 6; z += 0.01) {
      double w = StrictMath.exp(-z * z / 2);
      sum += w * shape(u, Math.max(15, Math.min(90, mean + 3 * z)), city.steadyRise());
      weights += w;
    }
    return FAULT_COMPLAINTS_PER_MINUTE * city.complaintFactor() * TECH_COMPLAINTS[tech] * sum / weights;
  }

  /**
   * Complaint intensity relative to its peak, {@code u} minutes into an outage with the given golden window: a
   * step at {@code golden}, or a steady rise {@code a + b·u} whose slope puts the contract's window there (the
   * rate reaches 3 times its mean over the first 15 minutes, {@code a + 7.5·b}, at {@code 2a/b + 22.5}).
   */
  private static double shape(double u, double golden, boolean steadyRise) {
    if (steadyRise) {
      double slope = 2 * RISE_START / (Math.max(golden, RISE_SHORTEST_WINDOW) - 22.5);
      return Math.min(1.0, RISE_START + slope * u);
    }
    if (u < golden) {
      return 0.03 + 0.04 * u / golden;
    }
    double rise = Math.min(1.0, 0.3 + 0.07 * (u - golden));
    double tiring = 0.3 + 0.7 * StrictMath.exp(-(u - golden) / 300);
    return rise * tiring;
  }

  private static int otherCellOfSite(Site site, int cell, SplittableRandom r) {
    int pick = r.nextInt(site.cells().length - 1);
    for (int other : site.cells()) {
      if (other != cell && pick-- == 0) {
        return other;
      }
    }
    throw new IllegalStateException("site " + site.id() + " has no other cell");
  }

  /** A cell drawn by outage-proneness that has no outage near [s, e]; -1 if five draws find none. */
  private int freeCell(SplittableRandom r, long s, long e) {
    for (int attempt = 0; attempt < 5; attempt++) {
      int cell = Rand.cumulative(r, net.fragility);
      if (free(cell, s, e)) {
        return cell;
      }
    }
    return -1;
  }

  /** No outage of this cell within 15 minutes of [s, e], so that outages do not merge by accident. */
  private boolean free(int cell, long s, long e) {
    return busyUntil[cell] + 900 < s || e + 900 < busyFrom[cell];
  }

  private void markBusy(int cell, long s, long e) {
    busyFrom[cell] = s;
    busyUntil[cell] = e;
  }

  // ---------------------------------------------------------------- alarm noise

  private static final double[] NOISE_KINDS = {18, 8, 17, 22, 6, 25, 2, 2};

  /** An alarm that is no cell outage: other causes, other objects; the pipeline counts and ignores it. */
  private void noise(long t) {
    SplittableRandom r = noiseRng;
    stats.noiseAlarms++;
    int cell = r.nextInt(net.cells.size());
    Site site = net.siteOf(cell);
    String cellId = net.cells.get(cell).id();
    String txId = site.id() + "-TX" + (1 + r.nextInt(2));
    String minorOrMajor = r.nextDouble() < 0.7 ? "minor" : "major";
    Alarm a = switch (Rand.weighted(r, NOISE_KINDS)) {
      case 0 -> alarm(site.omc(), "environmentalAlarm", minorOrMajor, "highTemperature", cellId, "Cell", t);
      case 1 -> alarm(site.omc(), "environmentalAlarm", "minor", "highTemperature", site.id(), "Site", t);
      case 2 -> alarm(site.omc(), "equipmentAlarm", r.nextDouble() < 0.9 ? "minor" : "major", "powerSupplyFailure",
          site.id(), "Site", t);
      case 3 -> alarm(TRANSPORT_NMS, "communicationsAlarm", minorOrMajor, "linkDegraded", txId, "Transmission", t);
      case 4 -> alarm(TRANSPORT_NMS, "communicationsAlarm", "major", "lossOfSignal", txId, "Transmission", t);
      case 5 -> alarm(site.omc(), "qualityOfServiceAlarm", "minor", "thresholdCrossed", cellId, "Cell", t);
      // An outage cause on an object that is no cell of the table: a whole site, or a cell the table lacks.
      case 6 -> alarm(site.omc(), "communicationsAlarm", "critical", "cellOutage", site.id(), "Site", t);
      default -> alarm(site.omc(), "communicationsAlarm", "critical", "cellOutage",
          net.unknownCellId(net.cells.get(cell).city(), r), "Cell", t);
    };
    alarms.offer(t, render.raise(alarmEventId(), a));
    long d = Math.max(30, Math.min(3 * 86_400L, Math.round(Rand.lognormal(r, 15, 1.3) * 60)));
    if (r.nextDouble() < 0.08 && d > 120) {
      long at = t + Rand.uniform(r, 30, Math.min(d, 1800));
      alarms.offer(at, render.acknowledge(alarmEventId(), a, at, a.severity().equals("minor") ? "major" : a.severity(),
          operator(r)));
    }
    alarms.offer(t + d, render.clear(alarmEventId(), a, t + d, r.nextBoolean()));
  }

  private Alarm alarm(String source, String type, String severity, String cause, String objectId, String objectType,
      long t) {
    return new Alarm(source, nextAlarmId(source), type, severity, cause, null, objectId, objectType, t, null);
  }

  /**
   * Clears of alarms raised before the data starts (their raise is not in the file): two lines, unless clean.
   * Ids below every generated one (which start at 1001 per source system).
   */
  private void orphanClears() {
    String[][] orphans = {{"OMC-HW-1", "A-998"}, {"OMC-ZTE-2", "A-999"}};
    int[] cities = {0, 3}; // Yinchuan, Guyuan
    for (int i = 0; i < orphans.length; i++) {
      String cellId = net.cells.get(net.cityCells[cities[i]][0]).id();
      Alarm a = new Alarm(orphans[i][0], orphans[i][1], "communicationsAlarm", "critical", "cellOutage", null, cellId,
          "Cell", from - 7200 - 600L * i, null);
      long at = from + 180 + 480L * i;
      alarms.extra(at, render.clear("ev-a-orphan-" + (i + 1), a, at, i == 0));
    }
  }

  // ---------------------------------------------------------------- complaints

  private void backgroundComplaints(long h) {
    SplittableRandom r = backgroundRng;
    boolean weekend = TimeText.weekend(h);
    double[] hours = weekend ? COMPLAINTS_WEEKEND : COMPLAINTS_WEEKDAY;
    double level = 7.0 / (5 + 2 * WEEKEND_LEVEL) * (weekend ? WEEKEND_LEVEL : 1.0);
    double perDay = opt.backgroundComplaintsPerDay() * level * hours[TimeText.hourOfDay(h)] / sum(hours);
    for (int c = 0; c < Network.CITIES.length; c++) {
      int n = Rand.poisson(r, perDay * cityShare[c]);
      for (int i = 0; i < n; i++) {
        long t = h + r.nextLong(3600);
        // 78 % cell and region, 5 % cell only, 14 % region only, 3 % a cell the table lacks and region
        double form = r.nextDouble();
        int[] cityCells = net.cityCells[c];
        String cellId = form < 0.83 ? net.cells.get(cityCells[r.nextInt(cityCells.length)]).id()
            : form < 0.97 ? null
            : net.unknownCellId(c, r);
        boolean withRegion = form < 0.78 || form >= 0.83;
        stats.backgroundComplaints++;
        complaint(t, c, cellId, withRegion, BACKGROUND_CATEGORIES, 0.12, customers[c].draw(r, 0.10), r);
      }
    }
  }

  private void complaint(long t, int city, String cellId, boolean withRegion, double[] categories, double majorShare,
      String customer, SplittableRandom r) {
    int cat = Rand.weighted(r, categories);
    String description = r.nextDouble() < 0.25 ? Rand.pick(r, DESCRIPTIONS[cat]) : null;
    long n = ++complaintEvents;
    String severity = tickets.severity(r.nextDouble() < majorShare ? "major" : "minor");
    String channel = CHANNELS[Rand.weighted(r, CHANNEL_SHARES)];
    // Escalations and critical tickets from the label stream: the draws above are as before.
    double label = labelRng.nextDouble();
    boolean counted = t >= from && t < until;
    if (label < REGULATOR_SHARE + YUEJI_SHARE) {
      channel = label < REGULATOR_SHARE ? "regulator" : "越级";
      stats.escalatedComplaints += counted ? 1 : 0;
    }
    if (labelRng.nextDouble() < CRITICAL_SHARE) {
      severity = "critical";
      stats.criticalComplaints += counted ? 1 : 0;
    }
    complaints.offer(t, render.complaint("ev-c-" + n, "TT-" + n, t, CATEGORIES[cat], severity, channel, customer,
        cellId, withRegion ? Network.CITIES[city].name() : null, description));
    if (t >= from) {
      tickets.ticket("TT-" + n, t, severity);
    }
  }

  /** Relative complaint intensity at this local hour and day type, 1 = the daily mean. */
  private static double diurnal(long t) {
    return (TimeText.weekend(t) ? DIURNAL_WEEKEND : DIURNAL_WEEKDAY)[TimeText.hourOfDay(t)];
  }

  /**
   * A city's complainants: mostly new numbers, some from the recent ones (repeat complainants within a day or
   * a week). Numbers look like Chinese mobile numbers of the city's area ({@code 1xx 95 area nnnnn}).
   */
  private static final class Customers {
    private final String[] recent;
    private final int area;
    private int size;
    private int next;

    Customers(int capacity, int area) {
      this.recent = new String[capacity];
      this.area = area;
    }

    String draw(SplittableRandom r, double repeatShare) {
      if (size > 0 && r.nextDouble() < repeatShare) {
        return recent[r.nextInt(size)];
      }
      String number = Rand.pick(r, PREFIXES) + "95" + area + String.format(Locale.ROOT, "%05d", r.nextInt(100_000));
      recent[next] = number;
      next = (next + 1) % recent.length;
      size = Math.min(size + 1, recent.length);
      return number;
    }
  }

  // ---------------------------------------------------------------- helpers

  private String nextAlarmId(String sourceSystem) {
    long[] counter = alarmIds.computeIfAbsent(sourceSystem, k -> new long[] {1000});
    return "A-" + (++counter[0]);
  }

  private String alarmEventId() {
    return "ev-a-" + (++alarmEvents);
  }

  private static String operator(SplittableRandom r) {
    return "noc-op-" + (10 + r.nextInt(30));
  }

  /** {@code count} sorted times in [lo, hi); daytime ones (08:00-22:00) if asked, so hi - lo is a day or more. */
  private static long[] times(SplittableRandom r, long count, long lo, long hi, boolean daytime) {
    long[] out = new long[(int) count];
    for (int i = 0; i < out.length; i++) {
      long t;
      do {
        t = Rand.uniform(r, lo, hi);
      } while (daytime && (TimeText.hourOfDay(t) < 8 || TimeText.hourOfDay(t) >= 22));
      out[i] = t;
    }
    Arrays.sort(out);
    return out;
  }

  private static double sum(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }

  private static double max(double[] xs) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double[] normalised(double[] hours) {
    double[] out = new double[hours.length];
    double total = sum(hours);
    for (int i = 0; i < hours.length; i++) {
      out[i] = hours[i] * hours.length / total;
    }
    return out;
  }
}
