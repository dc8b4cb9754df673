package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannedAndSinksConfigTest {
  private static String base(String extraSinks, String extra) {
    String dir = Path.of("target").toAbsolutePath().toString();
    return String.join("\n", "timezone: Asia/Shanghai", "sources:", "  alarms: {file: sample-data/alarms.jsonl}",
        "  complaints: {file: sample-data/complaints.jsonl}",
        "reference: {cells: sample-data/cells.csv, regions: sample-data/regions.csv}",
        "sinks:", "  dir: '" + dir + "'", extraSinks, extra, "");
  }

  @Test
  void plannedDefaultsAndKeys() {
    FaultLinkConfig d = ConfigLoader.parse(base("", ""), Map.of());
    assertThat(d.planned()).isEqualTo(PlannedConfig.DEFAULTS);
    assertThat(d.sinks().alertmanager()).isNull();
    assertThat(d.sinks().jdbc()).isNull();
    FaultLinkConfig c = ConfigLoader.parse(base("", "planned: {defaultWindow: PT2H, alertAsUsual: true}"), Map.of());
    assertThat(c.planned().defaultWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(c.planned().alertAsUsual()).isTrue();
    assertThatThrownBy(() -> ConfigLoader.parse(base("", "planned: {window: PT2H}"), Map.of()))
        .hasMessageContaining("planned.window");
  }

  @Test
  void alertmanagerAndJdbcSections() {
    FaultLinkConfig c = ConfigLoader.parse(base(
        "  alertmanager: {url: 'http://127.0.0.1:9093/', resendInterval: PT30S}\n"
            + "  jdbc: {url: 'jdbc:postgresql://127.0.0.1:5432/faultlink', user: fl}", ""),
        Map.of(JdbcConfig.PASSWORD_ENV, "s3cret"));
    assertThat(c.sinks().alertmanager().url()).isEqualTo("http://127.0.0.1:9093");
    assertThat(c.sinks().alertmanager().resendInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.sinks().alertmanager().maxPending()).isEqualTo(10_000);
    assertThat(c.sinks().jdbc().password()).as("from the environment").isEqualTo("s3cret");
    assertThat(c.sinks().jdbc().toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> ConfigLoader.parse(base("  alertmanager: {url: '127.0.0.1:9093'}", ""), Map.of()))
        .hasMessageContaining("'sinks.alertmanager.url'");
    assertThatThrownBy(() -> ConfigLoader.parse(base("  jdbc: {url: 'jdbc:mysql://x/y'}", ""), Map.of()))
        .hasMessageContaining("'sinks.jdbc.url'");
    assertThatThrownBy(() -> ConfigLoader.parse(base("  jdbc: {url: 'jdbc:postgresql://x/y', pasword: x}", ""),
        Map.of())).hasMessageContaining("sinks.jdbc.pasword");
  }
}
