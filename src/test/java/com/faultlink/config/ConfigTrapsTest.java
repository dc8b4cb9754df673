package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22's config traps: misspelt keys get a suggestion, both spellings of neighbour, configs sharing a base. */
class ConfigTrapsTest {
  @TempDir Path dir;
  private String minimal;

  @BeforeEach
  void files() throws IOException {
    minimal = ConfigLoaderTestSupport.minimalConfig(dir);
  }

  @Test
  void aMisspeltKeyGetsTheKeyItWasMeantToBe() {
    assertThatThrownBy(() -> ConfigLoader.parse(minimal + "attribution: {tial: PT10M}\n", Map.of()))
        .hasMessageContaining("'attribution.tial'").hasMessageContaining("did you mean 'attribution.tail'?");
    assertThatThrownBy(() -> ConfigLoader.parse(minimal + "golden: {MinOutages: 20}\n", Map.of()))
        .hasMessageContaining("did you mean 'golden.minOutages'?");
    assertThatThrownBy(() -> ConfigLoader.parse(minimal + "golden: {frobnicate: 20}\n", Map.of()))
        .hasMessageContaining("'golden.frobnicate'").hasMessageNotContaining("did you mean");
  }

  @Test
  void closestSuggestsOnlyNearKeys() {
    assertThat(ConfigNode.closest("tial", Set.of("tail", "neighborRadiusKm"))).isEqualTo("tail");
    assertThat(ConfigNode.closest("xyz", Set.of("tail", "mergeGap"))).isNull();
  }

  @Test
  void bothSpellingsOfNeighbourAreAcceptedButNotTogether() {
    FaultLinkConfig british = ConfigLoader.parse(minimal + "attribution: {neighbourRadiusKm: 1.5}\n", Map.of());
    assertThat(british.attribution().neighborRadiusKm()).isEqualTo(1.5);
    FaultLinkConfig american = ConfigLoader.parse(minimal + "burst: {neighborSlots: 3}\n", Map.of());
    assertThat(american.burst().neighbourSlots()).isEqualTo(3);
    assertThatThrownBy(() -> ConfigLoader.parse(
        minimal + "attribution: {neighbourRadiusKm: 1.5, neighborRadiusKm: 2.5}\n", Map.of()))
        .hasMessageContaining("keep one");
  }

  @Test
  void aConfigLaidOverItsBaseMergesMappingsReplacesValuesAndRemovesNulls() throws IOException {
    Path base = dir.resolve("base.yaml");
    Files.writeString(base, minimal + "attribution: {neighborRadiusKm: 1.0, tail: PT10M}\n"
        + "outages: {causes: [a, b]}\n");
    FaultLinkConfig c = ConfigLoader.parse("base: " + base + "\n"
        + "attribution: {tail: PT20M}\noutages: {causes: [c]}\n"
        + "sinks: {dir: ~, kafka: {bootstrapServers: '127.0.0.1:1', topicPrefix: 'x.'}}\n", Map.of());
    assertThat(c.attribution().neighborRadiusKm()).as("kept from the base").isEqualTo(1.0);
    assertThat(c.attribution().tail()).as("laid over").isEqualTo(Duration.ofMinutes(20));
    assertThat(c.outages().causes()).as("a list replaces, not appends").containsExactly("c");
    assertThat(c.sinks().dir()).as("~ removes the base's key").isNull();
    assertThat(c.sinks().kafka().topicPrefix()).isEqualTo("x.");
  }

  @Test
  void aBaseThatIsItsOwnBaseOrMissingIsNamed() throws IOException {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, "base: " + b + "\n");
    Files.writeString(b, "base: " + a + "\n");
    assertThatThrownBy(() -> ConfigLoader.load(a, Map.of())).hasMessageContaining("config key 'base'")
        .hasMessageContaining("its own base");
    assertThatThrownBy(() -> ConfigLoader.parse("base: " + dir.resolve("none.yaml") + "\n", Map.of()))
        .hasMessageContaining("config key 'base'").hasMessageContaining("no such file");
  }

  @Test
  void theKafkaSampleConfigTakesEveryTunableOfTheFileSample() {
    FaultLinkConfig file = ConfigLoader.load(Path.of("config/faultlink.yaml"), Map.of());
    FaultLinkConfig kafka = ConfigLoader.load(Path.of("config/faultlink-kafka.yaml"), Map.of());
    assertThat(kafka.burst()).as("burst.warmup P7D and the rest").isEqualTo(file.burst());
    assertThat(kafka.burst().warmup()).isEqualTo(Duration.ofDays(7));
    assertThat(kafka.golden()).isEqualTo(file.golden());
    assertThat(kafka.attribution()).isEqualTo(file.attribution());
    assertThat(kafka.sources().alarms().isKafka()).isTrue();
    assertThat(kafka.sources().alarms().file()).isNull();
    assertThat(kafka.sources().works()).isEqualTo(file.sources().works());
    assertThat(kafka.sinks().dir()).isNull();
  }
}
