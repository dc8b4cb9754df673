package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample with the committed config (tickets.lifecycle on): every ticket figure of {@code metrics} and
 * {@code ticket-metrics} — on-time rates per tier, mean resolution hours, overdue counts at period ends — is what the
 * contract's rules give from the sample's own files ({@link TicketOracle}), and the generator's record (RECIPE:
 * urgent, important and normal tickets, some cancelled, some late) shows in them.
 */
class TicketSampleRunTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir Path out;

  @Test
  void theSamplesTicketFiguresAreTheContractsRulesAppliedToItsFiles() throws Exception {
    FaultLinkConfig config = ConfigLoader.load(Path.of("config/faultlink.yaml"))
        .withSinksDir(out.toString()).withParallelism(2);
    assertThat(config.tickets().lifecycle()).as("the sample's config reads the lifecycle").isTrue();
    FaultLinkJob.run(config, CellTable.load(Path.of(config.reference().cells())),
        RegionTable.load(Path.of(config.reference().regions())), new PrintStream(OutputStream.nullOutputStream()));

    Map<String, String> cellRegions = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("sample-data/cells.csv")).subList(1, 1398)) {
      String[] f = line.split(",");
      cellRegions.put(f[0], f[2]);
    }
    TicketOracle.Read read = TicketOracle.read(Path.of("sample-data/complaints.jsonl"),
        Path.of("sample-data/alarms.jsonl"), cellRegions);
    Map<String, long[]> expected = TicketOracle.figures(read.tickets(), read.horizon(), config.timezone());

    List<JsonNode> metrics = OutputFiles.records(out, "metrics");
    List<JsonNode> perTier = OutputFiles.records(out, "ticket-metrics");
    assertThat(perTier).hasSize(metrics.size() * 3);
    long overdueSeen = 0;
    long dueSeen = 0;
    for (JsonNode m : metrics) {
      TicketOracle.assertFigures(TicketOracle.key(m), m, expected.getOrDefault(TicketOracle.key(m), new long[5]));
      if (m.get("region").asText().equals("*") && m.get("period").asText().equals("day")) {
        overdueSeen += m.get("ticketsOverdueOpen").asLong();
        dueSeen += m.get("ticketsDue").asLong();
      }
    }
    for (JsonNode m : perTier) {
      TicketOracle.assertFigures(TicketOracle.key(m), m, expected.getOrDefault(TicketOracle.key(m), new long[5]));
    }
    // Most tickets fall due inside the three weeks (about 3 % are cancelled, the last days' are due after the end);
    // none is due twice.
    long created = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("sample-data", "complaints.jsonl")),
        java.nio.charset.StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("\"TroubleTicketCreateEvent\"")).map(l -> l.substring(0, l.indexOf(',')))
        .distinct().count();
    assertThat(dueSeen).isBetween(created * 7 / 10, created);
    assertThat(overdueSeen).isPositive();
  }
}
