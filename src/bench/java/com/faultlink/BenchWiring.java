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
 * with optional pass-through probes chained right after the alarm and the complaint source and optional probes
 * hung on the output streams (beside the sinks).
 */
public final class BenchWiring {
  private BenchWiring() {}

  public static void build(StreamExecutionEnvironment env, FaultLinkConfig config, CellTable cells,
      RegionTable regions, MapFunction<String, String> alarmProbe, MapFunction<String, String> complaintProbe,
      Consumer<FaultLinkPipeline.Outputs> outputProbes) {
    FaultLinkPipeline.Inputs inputs = JobInputs.read(env, config, cells);
    inputs = new FaultLinkPipeline.Inputs(
        alarmProbe == null ? inputs.alarms()
            : inputs.alarms().map(alarmProbe).uid("bench-probe-alarms").name("Bench probe: alarms"),
        complaintProbe == null ? inputs.complaints()
            : inputs.complaints().map(complaintProbe).uid("bench-probe-complaints").name("Bench probe: complaints"),
        inputs.works(), inputs.unbounded(), inputs.alarmsTimedAtSource(), inputs.complaintsTimedAtSource());
    FaultLinkPipeline.Outputs outputs = new FaultLinkPipeline(config, cells, regions).build(inputs);
    JobOutputs.write(outputs, config, true);
    if (outputProbes != null) {
      outputProbes.accept(outputs);
    }
  }
}
