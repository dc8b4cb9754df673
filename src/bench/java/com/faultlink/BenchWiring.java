package com.faultlink;

import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.FileOutputs;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The benchmark's job: exactly {@link FaultLinkJob#build}'s (same file sources, pipeline and file sinks — it calls
 * the job's own package-private wiring, which is why this class sits in the job's package, in the bench source
 * root only), with an optional pass-through probe chained right after the alarm source and optional probes hung
 * on the output streams (beside the file sinks).
 */
public final class BenchWiring {
  private BenchWiring() {}

  public static void build(StreamExecutionEnvironment env, FaultLinkConfig config, CellTable cells,
      RegionTable regions, MapFunction<String, String> alarmProbe, Consumer<FaultLinkPipeline.Outputs> outputProbes) {
    Path dir = Path.of(config.sinks().dir());
    DataStream<String> alarms = FaultLinkJob.readLines(env, "alarms", config.sources().alarms(), 0);
    if (alarmProbe != null) {
      alarms = alarms.map(alarmProbe).uid("bench-probe-alarms").name("Bench probe: alarms");
    }
    FaultLinkPipeline.Inputs inputs = new FaultLinkPipeline.Inputs(alarms,
        FaultLinkJob.readLines(env, "complaints", config.sources().complaints(), 0),
        config.sources().works() == null ? null : FaultLinkJob.readLines(env, "works", config.sources().works(), 0));
    FaultLinkPipeline.Outputs outputs = new FaultLinkPipeline(config, cells, regions).build(inputs);
    FileOutputs.prepare(dir);
    FaultLinkJob.writeFiles(outputs, dir, config.timezone());
    FaultLinkJob.writeExtraFiles(outputs, dir, config.timezone());
    if (outputProbes != null) {
      outputProbes.accept(outputs);
    }
  }
}
