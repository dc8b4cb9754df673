package com.faultlink.bench;

import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.input.AlarmParser;
import com.faultlink.io.input.BoundedLineFormat;
import com.faultlink.io.input.ComplaintParser;
import com.faultlink.io.input.CustomerKeyHasher;
import com.faultlink.io.input.ParseLines;
import com.faultlink.io.input.ParseResult;
import com.faultlink.io.input.SubscriberMask;
import com.faultlink.io.input.WorkParser;
import com.faultlink.model.DeadLetter;
import com.faultlink.reference.CellTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * {@code ParseCeiling --config FILE --label NAME --results FILE [--warmup-lines N|all]}: the parse-only ceiling.
 * One thread, no Flink: reads the config's input files line by line with the job's own {@link BoundedLineFormat} reader (UTF-8,
 * malformed bytes replaced, lines cut at {@code input.maxLineBytes}) and parses every line with the parsers the pipeline uses ({@link AlarmParser} with its fast path,
 * {@link ComplaintParser} with the cell table and the customer-key hasher, {@link WorkParser}, each masking
 * subscriber numbers with the config's pattern) into the same event
 * types, building the dead letter of each rejected line as {@link ParseLines} does. Nothing else: no
 * deduplication, no keying, no output.
 *
 * <p>A warm-up pass over the first {@value #WARMUP_LINES} lines of each file ({@code --warmup-lines N}; {@code all}:
 * the files whole, as long a warm-up as the pipeline's when it runs once over the same set first) lets the JIT
 * compile the parsers; then the timed pass reads every file whole. Events/s = lines / wall seconds of the timed
 * pass (thread CPU seconds beside it: on a shared machine the two differ).
 */
public final class ParseCeiling {
  static final int WARMUP_LINES = 100_000;

  private ParseCeiling() {}

  /** Outcomes of one pass. */
  static final class Tally {
    long lines;
    long accepted;
    long skipped;
    long rejected;
    long sink; // keeps the JIT from dropping the work

    <T> void parse(String line, Function<String, ParseResult<T>> parser, String source) {
      lines++;
      ParseResult<T> r = parser.apply(line);
      if (r.isAccepted()) {
        accepted++;
        sink += r.value().hashCode();
      } else if (r.isSkipped()) {
        skipped++;
      } else {
        rejected++;
        DeadLetter d = ParseLines.deadLetter(source, r.reason(), line, 10_000);
        sink += d.raw().length();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    String configFile = null;
    String label = "ceiling";
    String results = null;
    long warmupLines = WARMUP_LINES;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> configFile = args[++i];
        case "--label" -> label = args[++i];
        case "--results" -> results = args[++i];
        case "--warmup-lines" -> {
          String n = args[++i];
          warmupLines = n.equals("all") ? Long.MAX_VALUE : Long.parseLong(n);
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    FaultLinkConfig config = ConfigLoader.load(Path.of(configFile));
    CellTable cells = CellTable.load(Path.of(config.reference().cells()));
    CustomerKeyHasher hasher = new CustomerKeyHasher(config.customerKeySecret());
    SubscriberMask mask = new SubscriberMask(config.subscriberPattern(), hasher);
    AlarmParser alarms = new AlarmParser(mask);
    ComplaintParser complaints = new ComplaintParser(cells, hasher, mask);
    WorkParser works = new WorkParser(mask);
    int maxLineBytes = config.input().maxLineBytes();
    Path alarmFile = Path.of(config.sources().alarms().file());
    Path complaintFile = Path.of(config.sources().complaints().file());
    Path workFile = config.sources().works() == null ? null : Path.of(config.sources().works().file());

    Tally warm = new Tally();
    read(alarmFile, warmupLines, maxLineBytes, line -> warm.parse(line, alarms::parse, "alarms"));
    read(complaintFile, warmupLines, maxLineBytes, line -> warm.parse(line, complaints::parse, "complaints"));

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Tally a = new Tally();
    Tally c = new Tally();
    Tally w = new Tally();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    read(alarmFile, Long.MAX_VALUE, maxLineBytes, line -> a.parse(line, alarms::parse, "alarms"));
    long t1 = System.nanoTime();
    read(complaintFile, Long.MAX_VALUE, maxLineBytes, line -> c.parse(line, complaints::parse, "complaints"));
    long t2 = System.nanoTime();
    if (workFile != null) {
      read(workFile, Long.MAX_VALUE, maxLineBytes, line -> w.parse(line, works::parse, "works"));
    }
    long t3 = System.nanoTime();
    long cpu1 = threads.getCurrentThreadCpuTime();

    long events = a.lines + c.lines + w.lines;
    double seconds = (t3 - t0) / 1e9;
    Results r = new Results(label);
    r.put("warmupLines", warm.lines);
    r.put("events", events);
    r.put("seconds", seconds);
    r.put("eventsPerSec", events / seconds);
    r.put("cpuSeconds", (cpu1 - cpu0) / 1e9);
    r.put("eventsPerCpuSec", events / ((cpu1 - cpu0) / 1e9));
    r.put("alarmsPerSec", a.lines / ((t1 - t0) / 1e9));
    r.put("complaintsPerSec", c.lines / ((t2 - t1) / 1e9));
    r.put("accepted", a.accepted + c.accepted + w.accepted);
    r.put("skipped", a.skipped + c.skipped + w.skipped);
    r.put("rejected", a.rejected + c.rejected + w.rejected);
    r.put("checksum", a.sink + c.sink + w.sink + warm.sink);
    System.err.printf("bench: %s: %,d lines parsed in %.1f s = %,.0f events/s (alarms %,.0f/s, complaints %,.0f/s)%n",
        label, events, seconds, events / seconds, a.lines / ((t1 - t0) / 1e9), c.lines / ((t2 - t1) / 1e9));
    r.appendTo(results);
  }

  interface LineHandler {
    void line(String line);
  }

  static void read(Path file, long maxLines, int maxLineBytes, LineHandler handler) throws IOException {
    try (BoundedLineFormat.Reader in = new BoundedLineFormat.Reader(Files.newInputStream(file), maxLineBytes)) {
      String line;
      long n = 0;
      while (n++ < maxLines && (line = in.read()) != null) {
        handler.line(line);
      }
    }
  }
}
