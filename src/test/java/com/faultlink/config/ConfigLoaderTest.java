package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;
  private String minimal;

  @BeforeEach
  void files() throws IOException {
    minimal = ConfigLoaderTestSupport.minimalConfig(dir);
  }

  private static FaultLinkConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, Map.of());
  }

  @Test
  void theContractsMinimalConfigGetsTheDocumentedDefaults() {
    FaultLinkConfig c = parse(minimal);
    assertThat(c.timezone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(c.outOfOrderness()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.attribution().tail()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.attribution().neighborRadiusKm()).isEqualTo(2.0);
    assertThat(c.outages().mergeGap()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.outages().causes()).containsExactly("cellOutage");
    assertThat(c.golden().fixedWindow()).isNull();
    assertThat(c.golden().initialWindow()).isEqualTo(Duration.ofMinutes(45));
    assertThat(c.golden().minOutages()).isEqualTo(30);
    assertThat(c.golden().warnFraction()).isEqualTo(0.75);
    assertThat(c.golden().massOutageCount()).isEqualTo(10);
    assertThat(c.watermarks().followWallClockWhenIdle()).isTrue();
    assertThat(c.sources().works()).isNull();
    assertThat(c.parallelism()).as("not set: the environment's default").isZero();
    assertThat(ConfigLoader.usesDevelopmentSecret(c)).isTrue();
    assertThat(c.checkpointing().exactlyOnce()).isTrue();
    assertThat(c.checkpointing().dir()).isNull();
    assertThat(c.state().backend()).isEqualTo("hashmap");
    assertThat(c.state().maxParallelism()).isEqualTo(128);
    assertThat(c.state().ttl()).isEqualTo(Duration.ofDays(30));
    assertThat(c.restart().strategy()).isEqualTo("exponential-delay");
    assertThat(c.sources().throttleEventsPerSecond()).isZero();
  }

  @Test
  void clusterSettingsAreReadAndChecked() {
    FaultLinkConfig c = parse(minimal + "\ncheckpointing: {mode: at-least-once, dir: s3://bucket/faultlink}\n"
        + "state: {backend: rocksdb, maxParallelism: 256, ttl: P7D}\n"
        + "restart: {strategy: fixed-delay, attempts: 3, delay: PT5S}\n");
    assertThat(c.checkpointing().exactlyOnce()).isFalse();
    assertThat(c.checkpointing().dir()).as("a URI is kept as written").isEqualTo("s3://bucket/faultlink");
    assertThat(c.state().rocksDb()).isTrue();
    assertThat(c.state().maxParallelism()).isEqualTo(256);
    assertThat(c.restart().attempts()).isEqualTo(3);
    assertThat(c.restart().delay()).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> parse(minimal + "\nstate: {backend: memory}\n"))
        .hasMessageContaining("'state.backend'").hasMessageContaining("hashmap, rocksdb");
    assertThatThrownBy(() -> parse(minimal + "\ncheckpointing: {mode: twice}\n"))
        .hasMessageContaining("'checkpointing.mode'");
  }

  @Test
  void theCommittedSampleConfigIsValid() {
    FaultLinkConfig c = ConfigLoader.load(Path.of("config/faultlink.yaml"));
    assertThat(c.sources().works()).isNotNull();
  }

  @Test
  void contractKeysAreRead() {
    FaultLinkConfig c = parse(minimal + "outOfOrderness: PT2M\nattribution: {neighborRadiusKm: 1.5, tail: PT10M}\n"
        + "golden: {fixedWindow: PT45M}\n");
    assertThat(c.outOfOrderness()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.attribution().neighborRadiusKm()).isEqualTo(1.5);
    assertThat(c.attribution().tail()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.golden().fixedWindow()).isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void anUnknownKeyIsNamedWithItsPath() {
    assertThatThrownBy(() -> parse(minimal + "attribution: {tial: PT10M}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'attribution.tial'");
  }

  @Test
  void aBadDurationNamesTheKey() {
    assertThatThrownBy(() -> parse(minimal + "attribution: {tail: 30 minutes}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'attribution.tail'").hasMessageContaining("ISO-8601");
  }

  @Test
  void aNumberOutOfRangeNamesTheKey() {
    assertThatThrownBy(() -> parse(minimal + "attribution: {neighborRadiusKm: -1}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'attribution.neighborRadiusKm'");
  }

  @Test
  void aMissingInputFileNamesTheKeyAndThePath() {
    String yaml = minimal.replace(dir.resolve("alarms.jsonl").toString(), dir.resolve("nope.jsonl").toString());
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'sources.alarms.file'").hasMessageContaining("nope.jsonl");
  }

  @Test
  void aMissingRequiredKeyIsNamed() {
    assertThatThrownBy(() -> parse(minimal.replace("timezone: Asia/Shanghai", "")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'timezone' is missing");
  }

  @Test
  void aBadTimezoneIsNamed() {
    assertThatThrownBy(() -> parse(minimal.replace("Asia/Shanghai", "Mars/Olympus")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'timezone'");
  }

  @Test
  void theSecretComesFromTheEnvironmentWhenTheConfigHasNone() {
    FaultLinkConfig c = ConfigLoader.parse(minimal, Map.of(ConfigLoader.SECRET_ENV, "s3cret"));
    assertThat(c.customerKeySecret()).isEqualTo("s3cret");
    assertThat(ConfigLoader.usesDevelopmentSecret(c)).isFalse();
  }

  @Test
  void notYamlIsOneClearMessage() {
    assertThatThrownBy(() -> parse("timezone: [unclosed\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("config is not valid YAML");
  }

  @Test
  void aMissingConfigFileIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.yaml")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("absent.yaml");
  }

  @Test
  void goldenWindowSettingsAreCheckedAndNamed() {
    assertThatThrownBy(() -> parse(minimal + "golden: {warnFraction: 1.5}\n"))
        .hasMessageContaining("golden.warnFraction");
    assertThatThrownBy(() -> parse(minimal + "golden: {fixedWindow: PT4H}\n"))
        .hasMessageContaining("golden.fixedWindow").hasMessageContaining("maxWindow");
    assertThatThrownBy(() -> parse(minimal + "golden: {minOutages: 50, history: 20}\n"))
        .hasMessageContaining("golden.history");
    assertThatThrownBy(() -> parse(minimal + "golden: {minOutage: 50}\n"))
        .hasMessageContaining("golden.minOutage");
    FaultLinkConfig c = parse(minimal + "golden: {fixedWindow: PT40M, massOutageCount: 5}\n");
    assertThat(c.golden().startingWindow()).isEqualTo(Duration.ofMinutes(40));
    assertThat(c.golden().massOutageCount()).isEqualTo(5);
  }
}
