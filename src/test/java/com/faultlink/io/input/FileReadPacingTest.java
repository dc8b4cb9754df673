package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.FaultLinkPipeline;
import com.faultlink.model.AlarmEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The file sources' pacing: rough line times, one in a few parsed, and two files kept within the drift. */
class FileReadPacingTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  /** Times lines "T" (a number), rejects others; counts the lines it was asked about. */
  static final class CountingTime implements SerializableTimestampAssigner<String> {
    private static final long serialVersionUID = 1L;
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public long extractTimestamp(String line, long recordTimestamp) {
      asked.incrementAndGet();
      try {
        return Long.parseLong(line);
      } catch (NumberFormatException e) {
        return Long.MIN_VALUE;
      }
    }
  }

  @Test
  void onlyOneLineInEveryIsTimedTheOthersCarryTheLastTimeFound() {
    CountingTime time = new CountingTime();
    FileReadPacing.Sampled sampled = new FileReadPacing.Sampled(time, 3);
    List<Long> got = new ArrayList<>();
    for (String line : List.of("bad", "5", "6", "10", "11", "12", "bad", "13", "14", "20")) {
      got.add(sampled.extractTimestamp(line, 0));
    }
    // lines 0, 3, 6, 9 are asked: "bad" (no time yet), "10", "bad" (keeps 10), "20"
    assertThat(time.asked).hasValue(4);
    assertThat(got).containsExactly(Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, 10L, 10L, 10L, 10L, 10L, 10L, 20L);
  }

  @Test
  void afterShippingToATaskThereIsStillNoTimeUntilALineGivesOne() throws Exception {
    FileReadPacing.Sampled shipped = InstantiationUtil.clone(new FileReadPacing.Sampled(new CountingTime(), 2));
    assertThat(shipped.extractTimestamp("bad", 0)).isEqualTo(Long.MIN_VALUE);
    assertThat(shipped.extractTimestamp("7", 0)).isEqualTo(Long.MIN_VALUE); // not asked
    assertThat(shipped.extractTimestamp("8", 0)).isEqualTo(8L);
  }

  @Test
  void theRealParserTimesASampledLineWithItsDomainTime() {
    String raise = "{\"eventId\":\"ev-1\",\"eventType\":\"AlarmCreateEvent\","
        + "\"eventTime\":\"2011-09-05T08:00:30+08:00\",\"event\":{\"alarm\":{\"id\":\"A-17\",\"state\":\"raised\","
        + "\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
        + "\"alarmRaisedTime\":\"2011-09-05T08:00:00+08:00\",\"sourceSystemId\":\"OMC-ZTE-1\"}}}";
    WatermarkStrategy<String> strategy =
        FileReadPacing.of(FaultLinkPipeline.alarmParsers(), AlarmEvent::time, Duration.ofMinutes(5));
    assertThat(strategy.createTimestampAssigner(null).extractTimestamp(raise, 0))
        .isEqualTo(java.time.Instant.parse("2011-09-05T00:00:00Z").toEpochMilli());
    assertThat(strategy.getAlignmentParameters().getWatermarkGroup()).isEqualTo(FileReadPacing.GROUP);
    assertThat(strategy.getAlignmentParameters().getMaxAllowedWatermarkDrift())
        .isEqualTo(FileReadPacing.MAX_DRIFT.toMillis());
  }

  /** Lines read, in the order both sources read them: {source, line time}. */
  static final ConcurrentLinkedQueue<long[]> READ = new ConcurrentLinkedQueue<>();

  /** Notes each line as read; the "slow" one spins a while per line, as parsing a heavy input does. */
  static final class Note implements MapFunction<String, String> {
    private static final long serialVersionUID = 1L;
    private final long source;
    private final long spinNanos;

    Note(long source, long spinNanos) {
      this.source = source;
      this.spinNanos = spinNanos;
    }

    @Override
    public String map(String line) {
      long until = System.nanoTime() + spinNanos;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      READ.add(new long[] {source, Long.parseLong(line)});
      return line;
    }
  }

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final ParseLines.ParserFactory<Long> NUMBERS = () -> line -> ParseResult.accepted(Long.parseLong(line));

  @Test
  void aSparseFileIsNotReadFarAheadOfADenseSlowOne(@TempDir Path dir) throws Exception {
    // Ten days each: a dense file read slowly (like the alarms) and a sparse one (like the complaints).
    Path dense = dir.resolve("dense.txt");
    Path sparse = dir.resolve("sparse.txt");
    List<String> denseLines = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      denseLines.add(Long.toString(i * (10 * DAY / 20_000)));
    }
    List<String> sparseLines = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      sparseLines.add(Long.toString(i * (10 * DAY / 100_000)));
    }
    Files.write(dense, denseLines);
    Files.write(sparse, sparseLines);
    READ.clear();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    WatermarkStrategy<String> pacing = FileReadPacing.of(NUMBERS, t -> t, Duration.ZERO);
    // unpaced, the sparse file takes about 0.5 s to read, the dense one 10 s: a day of event time a second
    env.fromSource(file(dense), pacing, "dense").map(new Note(0, 500_000)).sinkTo(new DiscardingSink<>());
    env.fromSource(file(sparse), pacing, "sparse").map(new Note(1, 5_000)).sinkTo(new DiscardingSink<>());
    env.execute("pacing");

    long denseReached = Long.MIN_VALUE;
    long furthestAhead = Long.MIN_VALUE;
    int sparseRead = 0;
    for (long[] r : READ) {
      if (r[0] == 0) {
        denseReached = Math.max(denseReached, r[1]);
      } else if (denseReached >= DAY && denseReached < 9 * DAY) {
        // both reading (before the dense source's first watermarks reach the group, the other is not held)
        furthestAhead = Math.max(furthestAhead, r[1] - denseReached);
        sparseRead++;
      }
    }
    assertThat(sparseRead).as("sparse lines read while the dense file was being read").isGreaterThan(1_000);
    // Unpaced, the sparse file is read whole before the dense one reaches its first day (none read above). Paced:
    // the drift (measured: 0.94-0.99 days), plus what the dense file moves on between two announcements of the
    // slowest watermark (every 100 ms; at a day a second); a day allowed for a busy machine.
    assertThat(furthestAhead).as("how far the sparse file ran ahead, ms")
        .isLessThan(FileReadPacing.MAX_DRIFT.toMillis() + DAY);
  }

  @Test
  void theWatermarkFollowsTheNewestTimeAsSoonAsItMovesOnByAMinute() {
    List<Long> emitted = new ArrayList<>();
    org.apache.flink.api.common.eventtime.WatermarkOutput output =
        new org.apache.flink.api.common.eventtime.WatermarkOutput() {
          @Override
          public void emitWatermark(org.apache.flink.api.common.eventtime.Watermark watermark) {
            emitted.add(watermark.getTimestamp());
          }

          @Override
          public void markIdle() {}

          @Override
          public void markActive() {}
        };
    FileReadPacing.AsTimeAdvances generator = new FileReadPacing.AsTimeAdvances(1_000);
    generator.onPeriodicEmit(output); // nothing read yet: nothing to say
    generator.onEvent("", 100_000, output); // the first time: at once
    generator.onEvent("", 130_000, output); // half a minute on: not yet
    generator.onEvent("", 90_000, output); // older: never
    generator.onEvent("", 160_000, output); // a minute on
    generator.onPeriodicEmit(output);
    assertThat(emitted).containsExactly(98_999L, 158_999L, 158_999L);
  }

  /** As the job reads a file (the MiniCluster's TaskManager does not allow unaligned splits: the default). */
  private static AlignedFileSource<String> file(Path path) {
    return new AlignedFileSource<>(FileSource.forRecordStreamFormat(new TextLineInputFormat("UTF-8"),
        new org.apache.flink.core.fs.Path(path.toUri())).build());
  }
}
