package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.FaultLinkPipeline;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A dead letter names where its line was read, as each kind of source notes it just before it hands the line on
 * to the parser chained after it: a Kafka record's topic, partition and offset; a file's name (as the config writes
 * it) and line number, counted per split from the count a restored split carries.
 */
class LineOriginTest {
  private static final String GOOD = "{\"eventId\":\"ev-1\",\"eventType\":\"AlarmCreateEvent\","
      + "\"eventTime\":\"2026-10-05T08:00:00+08:00\",\"event\":{\"alarm\":{\"id\":\"A-1\",\"probableCause\":\"cellOutage\","
      + "\"alarmedObject\":{\"id\":\"NX-YC-0001-1\"},\"alarmRaisedTime\":\"2026-10-05T08:00:00+08:00\","
      + "\"sourceSystemId\":\"OMC-1\"}}}";

  private static OneInputStreamOperatorTestHarness<String, AlarmEvent> parser() throws Exception {
    return ProcessFunctionTestHarnesses.forProcessFunction(
        new ParseLines<AlarmEvent>("alarms", FaultLinkPipeline.alarmParsers(), 1000).withOrigins(true));
  }

  private static List<DeadLetter> deadLetters(OneInputStreamOperatorTestHarness<String, AlarmEvent> h) {
    return h.getSideOutput(ParseLines.DEAD_LETTERS) == null ? List.of()
        : h.getSideOutput(ParseLines.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void withoutDeadLettersOriginNoDeadLetterNamesWhereItWasRead() throws Exception {
    try (OneInputStreamOperatorTestHarness<String, AlarmEvent> h = ProcessFunctionTestHarnesses.forProcessFunction(
        new ParseLines<AlarmEvent>("alarms", FaultLinkPipeline.alarmParsers(), 1000))) {
      KafkaLineDeserializer deserializer = new KafkaLineDeserializer();
      deserializer.deserialize(record("faultlink.alarms", 3, 42L, "not JSON"), new Collector<>() {
        @Override
        public void collect(String line) {
          try {
            h.processElement(new StreamRecord<>(line, 0L));
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }

        @Override
        public void close() {}
      });
      assertThat(deadLetters(h)).extracting(DeadLetter::raw, DeadLetter::topic, DeadLetter::partition,
              DeadLetter::offset, DeadLetter::file)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("not JSON", null, null, null, null));
    }
  }

  @Test
  void aKafkaRecordsDeadLetterNamesItsTopicPartitionAndOffset() throws Exception {
    try (OneInputStreamOperatorTestHarness<String, AlarmEvent> h = parser()) {
      KafkaLineDeserializer deserializer = new KafkaLineDeserializer();
      Collector<String> toParser = new Collector<>() {
        @Override
        public void collect(String line) {
          try {
            h.processElement(new StreamRecord<>(line, 0L)); // as the chain hands it on
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }

        @Override
        public void close() {}
      };
      deserializer.deserialize(record("faultlink.alarms", 3, 42L, "not JSON"), toParser);
      deserializer.deserialize(record("faultlink.alarms", 1, 7L, GOOD), toParser);
      deserializer.deserialize(record("faultlink.alarms", 1, 8L, "[]"), toParser);
      // A line no source noted (another parallelism, an in-memory source): no origin, never another line's.
      h.processElement(new StreamRecord<>(new String("not JSON either"), 0L));

      assertThat(h.extractOutputValues()).hasSize(1);
      assertThat(deadLetters(h)).extracting(DeadLetter::raw, DeadLetter::topic, DeadLetter::partition,
              DeadLetter::offset, DeadLetter::file)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("not JSON", "faultlink.alarms", 3, 42L, null),
              org.assertj.core.groups.Tuple.tuple("[]", "faultlink.alarms", 1, 8L, null),
              org.assertj.core.groups.Tuple.tuple("not JSON either", null, null, null, null));
    }
  }

  private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String value) {
    return new ConsumerRecord<>(topic, partition, offset, null, value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileLinesDeadLetterNamesTheFileAsConfiguredAndItsLineNumber() throws Exception {
    try (OneInputStreamOperatorTestHarness<String, AlarmEvent> h = parser()) {
      // lines 1-4 of the file; 2 and 4 are bad
      FakeReader files = new FakeReader(List.of(GOOD, "not JSON", GOOD, ""));
      AlignedFileSource.SplitPausesHeldByTheOperator<String> reader = new AlignedFileSource.SplitPausesHeldByTheOperator<>(
          files, "in/alarms.jsonl", new Path("file:/data/in/alarms.jsonl"));
      reader.addSplits(List.of(split("0", "file:/data/in/alarms.jsonl", null)));
      reader.pollNext(new ChainOutput(h));

      assertThat(deadLetters(h)).extracting(DeadLetter::raw, DeadLetter::file, DeadLetter::offset, DeadLetter::topic)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("not JSON", "in/alarms.jsonl", 2L, null),
              org.assertj.core.groups.Tuple.tuple("", "in/alarms.jsonl", 4L, null));
    }
  }

  @Test
  void aRestoredSplitCountsOnFromTheLinesItHadHandedOnAndAFolderNamesItsFile() throws Exception {
    try (OneInputStreamOperatorTestHarness<String, AlarmEvent> h = parser()) {
      // Restored after 5 lines of the file: the reader hands on line 6 first.
      FakeReader files = new FakeReader(List.of("line six, not JSON", GOOD, "line eight"));
      AlignedFileSource.SplitPausesHeldByTheOperator<String> reader = new AlignedFileSource.SplitPausesHeldByTheOperator<>(
          files, "in/alarms", new Path("file:/data/in/alarms"));
      reader.addSplits(List.of(split("7", "file:/data/in/alarms/part-2.jsonl",
          new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 5))));
      reader.pollNext(new ChainOutput(h));

      assertThat(deadLetters(h)).extracting(DeadLetter::raw, DeadLetter::file, DeadLetter::offset)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("line six, not JSON", "in/alarms/part-2.jsonl", 6L),
              org.assertj.core.groups.Tuple.tuple("line eight", "in/alarms/part-2.jsonl", 8L));
    }
  }

  private static FileSourceSplit split(String id, String path, CheckpointedPosition position) {
    return new FileSourceSplit(id, new Path(path), 0, 1000, 0, 1000, new String[0], position);
  }

  /** A file reader handing on the lines of its one split through the split's own output, as Flink's does. */
  private static final class FakeReader implements SourceReader<String, FileSourceSplit> {
    private final List<String> lines;
    private final List<FileSourceSplit> splits = new ArrayList<>();

    FakeReader(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) {
      String id = splits.get(0).splitId();
      SourceOutput<String> split = output.createOutputForSplit(id);
      for (String line : lines) {
        split.collect(new String(line)); // a new object per line, as a reader decodes it
      }
      output.releaseOutputForSplit(id);
      return InputStatus.END_OF_INPUT;
    }

    @Override
    public List<FileSourceSplit> snapshotState(long checkpointId) {
      return List.of();
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void addSplits(List<FileSourceSplit> s) {
      splits.addAll(s);
    }

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() {}
  }

  /** The source operator's output with the parser chained after it: each record goes straight to the parser. */
  private static final class ChainOutput implements ReaderOutput<String> {
    private final OneInputStreamOperatorTestHarness<String, AlarmEvent> parser;

    ChainOutput(OneInputStreamOperatorTestHarness<String, AlarmEvent> parser) {
      this.parser = parser;
    }

    @Override
    public void collect(String record) {
      try {
        parser.processElement(new StreamRecord<>(record, 0L));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void collect(String record, long timestamp) {
      collect(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<String> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
