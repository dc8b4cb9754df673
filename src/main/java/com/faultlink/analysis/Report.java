package com.faultlink.analysis;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code Report OUTDIR --from DATE --to DATE --out report.html}: the analysts' HTML report of one run's
 * outputs ({@code OUTDIR} is its {@code sinks.dir}) for the local dates from and to, both included. Without
 * {@code --from}/{@code --to} the report covers every week the outputs hold.
 */
public final class Report {
  static final String USAGE = "usage: jobs/report.sh OUTDIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out report.html]";

  private Report() {}

  public static void main(String[] args) {
    System.exit(run(args, System.err));
  }

  static int run(String[] args, PrintStream err) {
    if (args.length < 1 || args[0].startsWith("-")) {
      err.println(USAGE);
      return 2;
    }
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    LocalDate from = null;
    LocalDate to = null;
    Path out = Path.of("report.html");
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--from" -> from = LocalDate.parse(args[++i]);
          case "--to" -> to = LocalDate.parse(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
    } catch (DateTimeParseException e) {
      err.println("faultlink: dates are written YYYY-MM-DD: " + e.getParsedString());
      return 2;
    } catch (RuntimeException e) {
      err.println("faultlink: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (!Files.isDirectory(dir.resolve("metrics"))) {
      err.println("faultlink: " + dir + " holds no run's outputs (no metrics folder)");
      return 2;
    }
    OutputStreams streams = new OutputStreams(dir);
    if (from == null || to == null) {
      LocalDate[] span = span(streams);
      from = from == null ? span[0] : from;
      to = to == null ? span[1] : to;
    }
    if (from == null || to.isBefore(from)) {
      err.println("faultlink: no period to report (--from must not be after --to; the outputs may be empty)");
      return 2;
    }
    try {
      ReportData data = ReportData.read(streams, from, to);
      Files.writeString(out, HtmlReport.render(data, dir.toString()), StandardCharsets.UTF_8);
      err.println("faultlink: report for " + from + " – " + to + " written to " + out.toAbsolutePath().normalize());
      return 0;
    } catch (Exception e) {
      err.println("faultlink: report failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }

  /** The first and last day of the daily metrics ('*' rows): the outputs' whole span. */
  static LocalDate[] span(OutputStreams streams) {
    LocalDate[] span = new LocalDate[2];
    streams.forEach("metrics", r -> {
      if ("day".equals(OutputStreams.text(r, "period")) && "*".equals(OutputStreams.text(r, "region"))) {
        LocalDate d = LocalDate.parse(OutputStreams.text(r, "periodStart"));
        span[0] = span[0] == null || d.isBefore(span[0]) ? d : span[0];
        span[1] = span[1] == null || d.isAfter(span[1]) ? d : span[1];
      }
    });
    return span;
  }
}
