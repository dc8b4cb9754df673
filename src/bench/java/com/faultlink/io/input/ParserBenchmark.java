package com.faultlink.io.input;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.Complaint;
import com.faultlink.reference.CellTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing one input line, as the pipeline's parse operators do: an alarm raise and a clear through
 * {@link AlarmParser#parse} (the fast path for well-formed lines), the same raise through the JSON-tree parser
 * that decides every unusual line ({@code parseTree}: this class sits in {@code com.faultlink.io.input} for it), and a
 * complaint through {@link ComplaintParser} (cell table lookup and customer-key hashing included). The lines are
 * the first of each kind in {@code sample-data/}. Run from the project folder ({@code jobs/bench.sh --jmh}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParserBenchmark {
  private AlarmParser alarms;
  private ComplaintParser complaints;
  private String raise;
  private String clear;
  private String complaint;

  @Setup
  public void setUp() throws IOException {
    alarms = new AlarmParser();
    complaints = new ComplaintParser(CellTable.load(Path.of("sample-data/cells.csv")),
        new CustomerKeyHasher("bench-secret-bench-secret-bench-secret"));
    List<String> alarmLines = lines(Path.of("sample-data/alarms.jsonl"));
    raise = first(alarmLines, "\"eventType\":\"AlarmCreateEvent\"", "\"cellOutage\"");
    clear = first(alarmLines, "\"eventType\":\"AlarmClearedEvent\"", "\"cellOutage\"");
    complaint = first(lines(Path.of("sample-data/complaints.jsonl")),
        "\"eventType\":\"TroubleTicketCreateEvent\"", "\"servingCell\"");
    // The lines must be accepted, or the benchmark measures a rejection.
    alarms.parse(raise).value();
    alarms.parse(clear).value();
    complaints.parse(complaint).value();
  }

  /** The file's lines; the sample's damaged ones hold invalid UTF-8, replaced here (none of them is used). */
  private static List<String> lines(Path file) throws IOException {
    return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
  }

  private static String first(List<String> lines, String type, String also) {
    return lines.stream().filter(l -> l.contains(type) && l.contains(also)).findFirst().orElseThrow();
  }

  @Benchmark
  public ParseResult<AlarmEvent> alarmRaise() {
    return alarms.parse(raise);
  }

  @Benchmark
  public ParseResult<AlarmEvent> alarmClear() {
    return alarms.parse(clear);
  }

  @Benchmark
  public ParseResult<AlarmEvent> alarmRaiseJsonTree() {
    return alarms.parseTree(raise);
  }

  @Benchmark
  public ParseResult<Complaint> complaint() {
    return complaints.parse(complaint);
  }
}
