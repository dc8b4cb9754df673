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
    // 3 repeated outage-alarm lines, 11 repeated noise-alarm lines and 23 repeated complaint lines: a repeated
    // eventId is a duplicate whatever kind of alarm it is; noise is counted once per event (1736 lines - 11 repeats).
    // Plus 30 repeated ticket status lines (RECIPE: "30 duplicate" status lines, every 500th written twice).
    assertThat(counters.get("duplicateEvents")).as("the sample's repeated lines").isEqualTo(37 + 30);
    assertThat(counters.get("ticketStatusesForUnknownTickets")).as("RECIPE: 1 for an unknown ticket").isEqualTo(1);
    assertThat(counters.get("nonOutageAlarms")).as("the sample's noise alarm events").isEqualTo(1725);
    assertThat(counters.get("outagesOpened")).isEqualTo(288);

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
