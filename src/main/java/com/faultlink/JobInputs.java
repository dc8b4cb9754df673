package com.faultlink;

import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.InputConfig;
import com.faultlink.io.input.AlignedFileSource;
import com.faultlink.io.input.BoundedLineFormat;
import com.faultlink.io.input.EventTimes;
import com.faultlink.io.input.FileReadPacing;
import com.faultlink.io.input.KafkaInputs;
import com.faultlink.io.input.LineEventTime;
import com.faultlink.io.input.ParseLines;
import com.faultlink.io.input.TimeSanity;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.Complaint;
import com.faultlink.reference.CellTable;
import com.faultlink.runtime.LineThrottle;
import java.nio.file.Path;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The configured sources' lines, for the pipeline: files, or Kafka topics timed per partition in the source. */
final class JobInputs {
  private JobInputs() {}

  static FaultLinkPipeline.Inputs read(StreamExecutionEnvironment env, FaultLinkConfig config, CellTable cells) {
    FaultLinkConfig.Sources sources = config.sources();
    int throttle = sources.throttleEventsPerSecond();
    int maxLine = config.input().maxLineBytes();
    boolean unbounded = unbounded(sources.alarms()) || unbounded(sources.complaints());
    ParseLines.ParserFactory<AlarmEvent> alarmParsers = FaultLinkPipeline.alarmParsers(config);
    ParseLines.ParserFactory<Complaint> complaintParsers = FaultLinkPipeline.complaintParsers(config, cells);
    // Lines dated implausibly take no part in timing: they are rejected after parsing.
    TimeSanity sanity = FaultLinkPipeline.timeSanity(config, unbounded);
    return new FaultLinkPipeline.Inputs(
        readLines(env, "alarms", sources.alarms(), throttle, maxLine,
            timedAtSource(config, unbounded, alarmParsers, EventTimes.alarms(), sanity),
            FileReadPacing.of(alarmParsers, EventTimes.alarms(), sanity, config.outOfOrderness())),
        readLines(env, "complaints", sources.complaints(), throttle, maxLine,
            timedAtSource(config, unbounded, complaintParsers, EventTimes.complaints(), sanity),
            FileReadPacing.of(complaintParsers, EventTimes.complaints(), sanity, config.outOfOrderness())),
        sources.works() == null ? null
            : readLines(env, "works", sources.works(), throttle, maxLine, WatermarkStrategy.noWatermarks(),
                WatermarkStrategy.noWatermarks()),
        unbounded, sources.alarms().isKafka(), sources.complaints().isKafka());
  }

  private static boolean unbounded(InputConfig input) {
    return input.isKafka() && !input.kafka().bounded();
  }

  /**
   * A Kafka input's watermarks: the pipeline's, with each line's domain time as its timestamp ({@link
   * Long#MIN_VALUE}, moving nothing, for a line dated implausibly).
   */
  private static <T> WatermarkStrategy<String> timedAtSource(FaultLinkConfig config, boolean unbounded,
      ParseLines.ParserFactory<T> parsers, EventTimes<T> times, TimeSanity sanity) {
    return FaultLinkPipeline.<String>watermarks(config, unbounded, new LineEventTime<>(parsers, times, sanity));
  }

  /**
   * The lines of one input. A file is read whole, paced by {@code fileWatermarks} (its lines are timed after
   * parsing); a Kafka topic per partition, timed in the source with {@code kafkaWatermarks}. Either way a line
   * longer than {@code maxLineBytes} is cut while it is read and handed on as an {@link
   * com.faultlink.io.input.OversizedLine}, to be dead-lettered; a UTF-8 byte-order mark is dropped.
   */
  static DataStream<String> readLines(StreamExecutionEnvironment env, String name, InputConfig input, int throttle,
      int maxLineBytes, WatermarkStrategy<String> kafkaWatermarks, WatermarkStrategy<String> fileWatermarks) {
    if (input.isKafka()) {
      return KafkaInputs.read(env, name, input.kafka(), kafkaWatermarks, maxLineBytes);
    }
    org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(Path.of(input.file()).toUri());
    FileSource<String> source = FileSource.forRecordStreamFormat(new BoundedLineFormat(maxLineBytes), path).build();
    DataStream<String> lines = env.fromSource(new AlignedFileSource<>(source, input.file(), path), fileWatermarks,
            "Read " + name + " (file)")
        .uid("source-file-" + name);
    if (throttle > 0) {
      lines = lines.map(new LineThrottle(throttle)).uid("throttle-" + name).name("Pace " + name);
    }
    return lines;
  }
}
