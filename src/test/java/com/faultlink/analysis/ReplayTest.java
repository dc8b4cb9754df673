package com.faultlink.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay (no periodic checkpoints, one final checkpoint it triggers itself) writes exactly what the ordinary
 * file run ({@code jobs/run-local.sh}: checkpoints every interval) writes, stream by stream and counter by
 * counter, on the committed sample and on a generated set with duplicates, out-of-order and damaged lines.
 */
class ReplayTest {
  @TempDir Path tmp;

  @Test
  void theSampleReplaysToTheOrdinaryRunsOutputs() throws Exception {
    FaultLinkConfig config = ConfigLoader.load(Path.of("config/faultlink.yaml")).withParallelism(2);
    compare(config, "sample");
  }

  @Test
  void aGeneratedSetReplaysToTheOrdinaryRunsOutputs() throws Exception {
    compare(AnalysisFixtures.config(AnalysisFixtures.generatedInputs(), tmp.resolve("unused")), "generated set");
  }

  private void compare(FaultLinkConfig base, String what) throws Exception {
    CellTable cells = CellTable.load(Path.of(base.reference().cells()));
    RegionTable regions = RegionTable.load(Path.of(base.reference().regions()));
    Path ordinaryOut = tmp.resolve("ordinary");
    Path replayOut = tmp.resolve("replay");

    Map<String, Long> ordinary = FaultLinkJob.run(base.withSinksDir(ordinaryOut.toString()), cells, regions,
        new PrintStream(OutputStream.nullOutputStream()));
    List<Long> progress = new ArrayList<>();
    Map<String, Long> replay = ReplayRunner.run(base.withSinksDir(replayOut.toString()), cells, regions, progress::add);

    assertThat(replay).as("counters of the replay of the %s", what).isEqualTo(ordinary);
    assertThat(replay.get("eventsRead")).isPositive();
    AnalysisFixtures.assertSameStreams(ordinaryOut, replayOut, "replay of the " + what);
    assertThat(AnalysisFixtures.streams(replayOut).get("attributions")).isNotEmpty();
    assertThat(AnalysisFixtures.hasUnfinishedFiles(replayOut)).as("every output file finished").isFalse();
    assertThat(progress).as("progress reported while running").isNotEmpty().isSorted();
    assertThat(progress.get(progress.size() - 1)).as("the last progress report is the total read")
        .isEqualTo(replay.get("eventsRead"));
    assertThat(replayOut.resolve(com.faultlink.io.output.GoldenWindowTable.FILE)).as("the analysts' table, as a run writes it")
        .hasSameTextualContentAs(ordinaryOut.resolve(com.faultlink.io.output.GoldenWindowTable.FILE));
  }
}
