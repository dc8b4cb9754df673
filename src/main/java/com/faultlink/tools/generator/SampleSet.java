package com.faultlink.tools.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the six files of one input set: regions.csv, cells.csv, topology.csv, works.jsonl, alarms.jsonl,
 * complaints.jsonl.
 */
public final class SampleSet {
  private SampleSet() {}

  /** Lines written to one JSON Lines file, and the imperfections among them. */
  public record FileCount(String file, long lines, long duplicates, long late, long damaged, long orphanClears) {
    static FileCount of(LineSink sink) {
      return new FileCount(sink.fileName(), sink.written(), sink.duplicates(), sink.delayed(), sink.damaged(),
          sink.extras());
    }

    @Override
    public String toString() {
      String extra = orphanClears > 0 ? ", " + orphanClears + " orphan clears" : "";
      return String.format(Locale.ROOT, "%s %d (%d duplicate, %d late, %d damaged%s)", file, lines, duplicates, late,
          damaged, extra);
    }
  }

  /** What one run wrote. */
  public record Summary(
      Path dir,
      long regions,
      long cells,
      long sites,
      long works,
      FileCount alarms,
      FileCount complaints,
      long outages,
      long openAtEnd,
      long flapping,
      long inWorks,
      long outOfService,
      long inMassOutages,
      long noiseAlarms,
      long faultComplaints,
      long backgroundComplaints,
      double seconds,
      List<InjectedIncident> incidents,
      String rootWithoutOutage,
      long inPowerIncidents,
      long extraAcknowledgedOutages,
      long escalatedComplaints,
      long criticalComplaints,
      String ticketLives) {

    public String line() {
      return String.format(Locale.ROOT,
          "%s: regions.csv %d, cells.csv %d (%d sites), works.jsonl %d, %s, %s lines"
              + " | %d outages (%d open at end, %d flapping, %d in works, %d OUT_OF_SERVICE, %d in mass outages),"
              + " %d noise alarms, %d fault + %d background complaints | %d incidents injected (%d outages in power"
              + " incidents), 1 root alarm without outage | %d more outages acknowledged, %d escalated and %d critical"
              + " complaints | %s | %.1f s",
          dir, regions, cells, sites, works, alarms, complaints, outages, openAtEnd, flapping, inWorks, outOfService,
          inMassOutages, noiseAlarms, faultComplaints, backgroundComplaints, incidents.size(), inPowerIncidents,
          extraAcknowledgedOutages, escalatedComplaints, criticalComplaints, ticketLives, seconds);
    }
  }

  public static Summary write(GeneratorOptions o) throws IOException {
    long t0 = System.nanoTime();
    Path dir = o.out();
    Files.createDirectories(dir);
    Network net = new Network(o.sitesPerCity(), o.cityKm(), Rand.stream(o.seed(), 1));
    net.writeCsv(dir);
    long from = o.startSecond();
    long until = o.endSecond();
    List<LineSink.Damage> alarmDamage = List.of(LineSink.Damage.TRUNCATED, LineSink.Damage.JSON_ARRAY,
        LineSink.Damage.BINARY_GARBAGE, LineSink.Damage.MISSING_EVENT_TIME, LineSink.Damage.RAISED_TIME_AS_NUMBER);
    List<LineSink.Damage> complaintDamage = List.of(LineSink.Damage.TRUNCATED, LineSink.Damage.JSON_ARRAY,
        LineSink.Damage.BINARY_GARBAGE, LineSink.Damage.MISSING_EVENT_TIME, LineSink.Damage.UNPARSABLE_CREATION_DATE);
    Scenario scenario;
    LineSink alarms = new LineSink(dir.resolve("alarms.jsonl"), from, until,
        o.clean() ? null : Rand.stream(o.seed(), 101), alarmDamage, "ev-a-", "A-");
    LineSink complaints = new LineSink(dir.resolve("complaints.jsonl"), from, until,
        o.clean() ? null : Rand.stream(o.seed(), 102), complaintDamage, "ev-c-", "TT-");
    try (alarms; complaints) {
      scenario = new Scenario(o, net, alarms, complaints);
      writeWorks(dir.resolve("works.jsonl"), scenario.works());
      scenario.run();
    }
    net.writeTopology(dir, scenario.topologyRows);
    Scenario.Stats s = scenario.stats;
    return new Summary(dir, Network.CITIES.length, net.cells.size(), net.sites.size(), scenario.works().size(),
        FileCount.of(alarms), FileCount.of(complaints), s.outages, s.openAtEnd, s.flappingOutages, s.plannedWorkOutages,
        s.outOfServiceOutages, s.massOutages, s.noiseAlarms, s.faultComplaints, s.backgroundComplaints,
        (System.nanoTime() - t0) / 1e9, List.copyOf(scenario.injected), scenario.rootWithoutOutage, s.powerOutages,
        s.extraAcknowledgedOutages, s.escalatedComplaints, s.criticalComplaints,
        scenario.tickets.describe(complaints.lifecycleLines()));
  }

  private static void writeWorks(Path file, List<Scenario.Work> works) throws IOException {
    EventRenderer render = new EventRenderer();
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      for (Scenario.Work w : works) {
        out.write(render.work(w.id(), w.start(), w.end(), w.cells(), w.regions(), w.announced()));
        out.write('\n');
      }
    }
  }
}
