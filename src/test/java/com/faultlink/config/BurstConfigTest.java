package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BurstConfigTest {
  private static BurstConfig parse(String burstSection) {
    return BurstConfig.read(new ConfigNode(
        ConfigLoaderTestSupport.yaml(burstSection), "burst"));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    BurstConfig c = BurstConfig.defaults();
    assertThat(c.window()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.dayTypes()).isEqualTo("weekday-weekend");
    assertThat(c.significance()).isEqualTo(1e-5);
    assertThat(c.minCount()).isEqualTo(5);
    assertThat(c.halfLife()).isEqualTo(Duration.ofDays(14));
    assertThat(c.neighbourSlots()).isEqualTo(2);
    assertThat(c.warmup()).isEqualTo(Duration.ofDays(14));
    assertThat(c.initialThreshold()).isNull();
    assertThat(c.endAfterQuietWindows()).isEqualTo(2);
    assertThat(c.relearnAfter()).isEqualTo(Duration.ofHours(6));
    assertThat(c.republishRelative()).isEqualTo(0.1);
    assertThat(c.republishAbsolute()).isEqualTo(1.0);
  }

  @Test
  void keysAreRead() {
    BurstConfig c = parse("window: PT10M\ndayTypes: day-of-week\nsignificance: 1.0e-4\ninitialThreshold: 12\nwarmup: P7D\n");
    assertThat(c.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.dayTypes()).isEqualTo("day-of-week");
    assertThat(c.significance()).isEqualTo(1e-4);
    assertThat(c.initialThreshold()).isEqualTo(12);
    assertThat(c.warmup()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> parse("window: PT7M\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'burst.window'");
    assertThatThrownBy(() -> parse("dayTypes: weekly\n")).hasMessageContaining("'burst.dayTypes'");
    assertThatThrownBy(() -> parse("significance: 0.9\n")).hasMessageContaining("'burst.significance'");
    assertThatThrownBy(() -> parse("initialThreshold: 0\n")).hasMessageContaining("'burst.initialThreshold'");
  }

  @Test
  void anUnknownBurstKeyStopsTheRun() {
    ConfigNode node = new ConfigNode(ConfigLoaderTestSupport.yaml("windw: PT15M\n"), "burst");
    BurstConfig.read(node);
    assertThatThrownBy(node::rejectUnknownKeys).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'burst.windw'");
  }
}
