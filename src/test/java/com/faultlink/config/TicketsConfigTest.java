package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketsConfigTest {
  @TempDir Path dir;

  private TicketsConfig parse(String tickets) throws Exception {
    return ConfigLoader.parse(ConfigLoaderTestSupport.minimalConfig(dir) + tickets, Map.of()).tickets();
  }

  @Test
  void defaultsAreTheContractsTiersWithTheLifecycleOff() throws Exception {
    TicketsConfig t = parse("");
    assertThat(t.lifecycle()).isFalse();
    assertThat(t.overdueAlertCount()).isEqualTo(10);
    assertThat(t.tierOf("critical").name()).isEqualTo("urgent");
    assertThat(t.tierOf("critical").deadline()).isEqualTo(Duration.ofHours(2));
    assertThat(t.tierOf("major").deadline()).isEqualTo(Duration.ofHours(24));
    assertThat(t.tierOf("minor").name()).isEqualTo("normal");
    assertThat(t.tierOf(null).deadline()).as("a missing severity").isEqualTo(Duration.ofHours(72));
    assertThat(t.tierNames()).containsExactly("urgent", "important", "normal");
  }

  @Test
  void tiersMayBeRenamedRemappedAndRetimed() throws Exception {
    TicketsConfig t = parse(String.join("\n", "tickets:", "  lifecycle: true", "  overdueAlertCount: 3",
        "  tiers:", "    p1: {deadline: PT4H, severities: [critical, major]}", "    p2: {deadline: P5D}", ""));
    assertThat(t.lifecycle()).isTrue();
    assertThat(t.overdueAlertCount()).isEqualTo(3);
    assertThat(t.tierOf("major").name()).isEqualTo("p1");
    assertThat(t.tierOf("minor").deadline()).isEqualTo(Duration.ofDays(5));
    assertThat(t.tierNames()).isEqualTo(List.of("p1", "p2"));
  }

  @Test
  void tiersNeedExactlyOneCatchAllADeadlineAndEachSeverityOnce() {
    assertThatThrownBy(() -> parse("tickets: {tiers: {a: {deadline: PT1H, severities: [major]}}}\n"))
        .hasMessageContaining("exactly one tier must name no severities");
    assertThatThrownBy(() -> parse("tickets: {tiers: {a: {severities: [major]}, b: {deadline: PT2H}}}\n"))
        .hasMessageContaining("tickets.tiers.a.deadline");
    assertThatThrownBy(() -> parse("tickets: {tiers: {a: {deadline: PT1H, severities: [major]},"
        + " b: {deadline: PT2H, severities: [major]}, c: {deadline: PT3H}}}\n")).hasMessageContaining("two tiers");
    assertThatThrownBy(() -> parse("tickets: {tiers: {a: {deadline: PT1H, severities: [major], sevrities: [minor]},"
        + " c: {deadline: PT3H}}}\n")).hasMessageContaining("tickets.tiers.a.sevrities");
  }
}
