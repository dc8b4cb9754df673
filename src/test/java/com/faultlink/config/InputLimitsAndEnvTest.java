package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys added for the contract of 2026-12-07: input limits, stale outages, masking, ${ENV} references. */
class InputLimitsAndEnvTest {
  @TempDir Path dir;
  private String minimal;

  @BeforeEach
  void files() throws IOException {
    minimal = ConfigLoaderTestSupport.minimalConfig(dir);
  }

  @Test
  void theContractsDefaults() {
    FaultLinkConfig c = ConfigLoader.parse(minimal, Map.of());
    assertThat(c.input().notBefore()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
    assertThat(c.input().notAfter()).isNull();
    assertThat(c.input().maxClockSkew()).isEqualTo(Duration.ofHours(1));
    assertThat(c.input().maxLateness()).isEqualTo(Duration.ofDays(2));
    assertThat(c.outages().maxOpen()).isEqualTo(Duration.ofDays(30));
    assertThat(c.input().notAfterMillis(1_000L)).isEqualTo(1_000L + 3_600_000L);
    assertThat(c.subscriberPattern()).isEqualTo(ConfigLoader.DEFAULT_SUBSCRIBER_PATTERN);
  }

  @Test
  void aFixedNotAfterReplacesTheClock() {
    FaultLinkConfig c = ConfigLoader.parse(minimal
        + "input: {notBefore: '2026-01-01T00:00:00+08:00', notAfter: '2027-01-01T00:00:00Z'}\n", Map.of());
    assertThat(c.input().notBeforeMillis()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z").toEpochMilli());
    assertThat(c.input().notAfterMillis(0L)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli());
    assertThatThrownBy(() -> ConfigLoader.parse(minimal + "input: {notAfter: '1999-01-01T00:00:00Z'}\n", Map.of()))
        .hasMessageContaining("input.notAfter");
    assertThatThrownBy(() -> ConfigLoader.parse(minimal + "input: {notBefore: yesterday}\n", Map.of()))
        .hasMessageContaining("input.notBefore");
  }

  @Test
  void theDefaultSubscriberPatternFindsNumbersWrittenAsPeopleWriteThem() {
    Pattern p = Pattern.compile(ConfigLoader.DEFAULT_SUBSCRIBER_PATTERN);
    for (String s : List.of("13995000001", "+8613995000001", "86 139 9500 0001", "139-9500-0001", "cell-13995000001-x")) {
      assertThat(p.matcher(s).find()).as(s).isTrue();
    }
    for (String s : List.of("23995000001", "1399500000", "NX-YC-0001-1", "1399500000123", "2026-12-07T10:00")) {
      assertThat(p.matcher(s).find()).as(s).isFalse();
    }
  }

  @Test
  void envReferencesAreExpandedInEveryTextAndAMissingOneNamesTheKey() {
    FaultLinkConfig c = ConfigLoader.parse(minimal
        + "privacy: {customerKeySecret: '${HASH_KEY}'}\noutages: {causes: ['${CAUSE}', other]}\n",
        Map.of("HASH_KEY", "s3cr3t", "CAUSE", "cellDown"));
    assertThat(c.customerKeySecret()).isEqualTo("s3cr3t");
    assertThat(c.outages().causes()).containsExactly("cellDown", "other");
    assertThat(ConfigLoader.usesDevelopmentSecret(c)).isFalse();
    assertThatThrownBy(() -> ConfigLoader.parse(minimal + "privacy: {customerKeySecret: '${NOPE}'}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("privacy.customerKeySecret").hasMessageContaining("NOPE");
  }

  @Test
  void aDoubledDollarIsALiteralAndABrokenReferenceIsRefused() {
    assertThat(EnvReferences.substitute("a$${b}c", "k", Map.of())).isEqualTo("a${b}c");
    assertThat(EnvReferences.substitute("x${A}y${B}", "k", Map.of("A", "1", "B", "2"))).isEqualTo("x1y2");
    assertThat(EnvReferences.substitute("cost: $5", "k", Map.of())).isEqualTo("cost: $5");
    assertThatThrownBy(() -> EnvReferences.substitute("${A", "k", Map.of("A", "1"))).hasMessageContaining("'k'");
    assertThatThrownBy(() -> EnvReferences.substitute("${1A}", "k", Map.of())).hasMessageContaining("'k'");
  }

  @Test
  void aBadSubscriberPatternNamesTheKey() {
    assertThatThrownBy(() -> ConfigLoader.parse(minimal + "privacy: {subscriberPattern: '([0-9'}\n", Map.of()))
        .hasMessageContaining("privacy.subscriberPattern");
  }
}
