package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample, run with the committed config, passes the contract's own shape checker. */
class SampleDataRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir Path out;

  @Test
  void theSampleRunsOutputsPassTheContractChecker() throws Exception {
    FaultLinkConfig config = ConfigLoader.load(Path.of("config/faultlink.yaml"))
        .withSinksDir(out.toString()).withParallelism(2);
    Map<String, Long> counters = FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(new ByteArrayOutputStream()));

    assertThat(counters.get("deadLetters")).as("the sample's damaged lines").isEqualTo(10);
    // RECIPE.md: 14 repeated alarm lines and 24 repeated complaint lines: a repeated eventId is a duplicate whatever
    // kind of alarm it is. Alarms that make no outage are counted once per event: 1725 before the power incidents were
    // added, plus the raises and clears of RECIPE.md's 3 power alarms (root-cause alarms: they make incidents, not
    // outages).
    assertThat(counters.get("duplicateEvents")).as("the sample's repeated lines").isEqualTo(14 + 24);
    assertThat(counters.get("nonOutageAlarms")).as("the sample's noise alarm events").isEqualTo(1725 + 2 * 3);
    assertThat(counters.get("rootAlarms")).as("raises of root-cause alarms in the sample").isPositive();
    assertThat(counters.get("outagesOpened")).isEqualTo(295);

    Path checker = Path.of("..", "shared", "contract", "check-outputs.py");
    assertThat(checker).as("the data contract beside the project").exists();
    Process p = new ProcessBuilder("python3", checker.toString(), out.toString(),
        "--complaints", "sample-data/complaints.jsonl", "--cells", "sample-data/cells.csv")
        .redirectErrorStream(true).start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(report).isZero();
    assertThat(report).contains("contract shape: OK");
    assertThat(Files.list(out.resolve("attributions")).count()).isPositive();
  }
}
