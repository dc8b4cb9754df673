package com.faultlink;

import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The benchmark's job: exactly {@link FaultLinkJob#build}'s (same sources, pipeline and sinks — it calls the job's
 * own package-private wiring, which is why this class sits in the job's package, in the bench source root only),
 * with an optional pass-through probe chained right after the alarm source and optional probes hung on the
 * output streams (beside the sinks).
 */
public final class BenchWiring {
  private BenchWiring() {}

  public static void build(StreamExecutionEnvironment env, FaultLinkConfig config, CellTable cells,
      RegionTable regions, MapFunction<String, String> alarmProbe, Consumer<FaultLinkPipeline.Outputs> outputProbes) {
    FaultLinkPipeline.Inputs inputs = FaultLinkJob.inputs(env, config, cells);
    if (alarmProbe != null) {
      inputs = new FaultLinkPipeline.Inputs(
          inputs.alarms().map(alarmProbe).uid("bench-probe-alarms").name("Bench probe: alarms"),
          inputs.complaints(), inputs.works(), inputs.unbounded(), inputs.alarmsTimedAtSource(),
          inputs.complaintsTimedAtSource());
    }
    FaultLinkPipeline.Outputs outputs = new FaultLinkPipeline(config, cells, regions).build(inputs);
    FaultLinkJob.writeOutputs(outputs, config, true);
    if (outputProbes != null) {
      outputProbes.accept(outputs);
    }
  }
}
