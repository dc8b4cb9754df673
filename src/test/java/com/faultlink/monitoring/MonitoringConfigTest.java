package com.faultlink.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.io.output.alertmanager.RealAlertmanager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped monitoring files, checked by the tools of the servers they are for (Debian's
 * {@code prometheus-alertmanager} and {@code prometheus} packages): {@code amtool check-config} and its routing
 * tree, {@code promtool check config}, {@code promtool check rules} and {@code promtool test rules} with the unit
 * tests beside the rules.
 */
class MonitoringConfigTest {
  private static final Path ALERTMANAGER_YML = RealAlertmanager.CONFIG;
  private static final Path PROMETHEUS = Path.of("jobs", "prometheus").toAbsolutePath();

  /** Exit code and combined output of a command. */
  record Run(int exitCode, String output) {}

  static Run run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s ended", String.join(" ", command)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private static String route(String... labels) throws Exception {
    List<String> command = new ArrayList<>(List.of(RealAlertmanager.amtool().toString(), "config", "routes", "test",
        "--config.file=" + ALERTMANAGER_YML));
    command.addAll(List.of(labels));
    Run r = run(command.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.output()).isZero();
    // amtool also warns (on its error output, merged here) that --config.file overrides --alertmanager.url
    List<String> lines = r.output().lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("Warning:")).toList();
    assertThat(lines).as(r.output()).hasSize(1);
    return lines.get(0);
  }

  @Test
  void amtoolAcceptsTheAlertmanagerConfig() throws Exception {
    Run r = run(RealAlertmanager.amtool().toString(), "check-config", ALERTMANAGER_YML.toString());
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS").contains("1 inhibit rules");
  }

  @Test
  void alertsAreRoutedBySeverityAndPlannedOverrunsToTheWorksOwner() throws Exception {
    assertThat(route("alertname=INCIDENT", "severity=critical", "planned=false", "incidentId=OMC/1"))
        .isEqualTo("noc-pager");
    assertThat(route("alertname=GOLDEN_WINDOW_AT_RISK", "severity=major", "planned=false")).isEqualTo("noc-ticket");
    assertThat(route("alertname=FaultLinkCheckpointFailures", "severity=warning")).isEqualTo("noc-log");
    assertThat(route("alertname=GOLDEN_WINDOW_BREACHED", "severity=critical", "planned=true", "workId=W-3"))
        .isEqualTo("planned-work");
  }

  @Test
  void promtoolAcceptsThePrometheusConfigAndRules() throws Exception {
    Path promtool = RealAlertmanager.require("/usr/bin/promtool", "prometheus");
    Run config = run(promtool.toString(), "check", "config", PROMETHEUS.resolve("prometheus.yml").toString());
    assertThat(config.exitCode()).as(config.output()).isZero();
    Run rules = run(promtool.toString(), "check", "rules", PROMETHEUS.resolve("rules.yml").toString());
    assertThat(rules.exitCode()).as(rules.output()).isZero();
    assertThat(rules.output()).contains("SUCCESS: 10 rules found");
  }

  @Test
  void theRulesPassTheirUnitTests() throws Exception {
    Path promtool = RealAlertmanager.require("/usr/bin/promtool", "prometheus");
    Run r = run(promtool.toString(), "test", "rules", PROMETHEUS.resolve("rules_test.yml").toString());
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }
}
