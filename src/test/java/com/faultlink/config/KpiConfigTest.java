package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.faultlink.model.PeriodKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiConfigTest {
  @TempDir Path dir;
  private String minimal;

  @BeforeEach
  void files() throws IOException {
    minimal = ConfigLoaderTestSupport.minimalConfig(dir);
  }

  private FaultLinkConfig parse(String extra) {
    return ConfigLoader.parse(minimal + "\n" + extra, Map.of());
  }

  @Test
  void withoutTheSectionsThereAreNoTargetsAndTheDefaultBreakdownsAndHotspots() {
    KpiConfig k = parse("").kpi();
    assertThat(k.targets()).isEmpty();
    assertThat(k.escalationChannels()).containsExactly("regulator", "越级");
    assertThat(k.hotspotsTop()).isEqualTo(10);
  }

  @Test
  void targetsAreReadWithTheirRegionOverridesAndPeriods() {
    KpiConfig k = parse("targets:\n"
        + "  repeatComplaintRatePct: {max: 8, periods: [month]}\n"
        + "  complaintsPer10k: {max: 5.45, regions: {Yinchuan: 6.0}}\n"
        + "  onTimeRatePct: {min: 95}\n"
        + "  restoredInWindowPct: {min: 90}\n"
        + "breakdowns: {escalationChannels: [regulator]}\n"
        + "hotspots: {top: 3}\n").kpi();
    assertThat(k.targets()).extracting(KpiConfig.Target::metric)
        .containsExactly("repeatComplaintRatePct", "complaintsPer10k", "onTimeRatePct", "restoredInWindowPct");
    KpiConfig.Target per10k = k.targets().get(1);
    assertThat(per10k.op()).isEqualTo("max");
    assertThat(per10k.boundFor("Yinchuan")).isEqualTo(6.0);
    assertThat(per10k.boundFor("Guyuan")).isEqualTo(5.45);
    assertThat(k.targets().get(0).periods()).containsExactly(PeriodKind.MONTH);
    assertThat(per10k.periods()).containsExactly(PeriodKind.DAY, PeriodKind.WEEK, PeriodKind.MONTH);
    assertThat(k.targets().get(2).op()).isEqualTo("min");
    assertThat(k.escalationChannels()).containsExactly("regulator");
    assertThat(k.hotspotsTop()).isEqualTo(3);
  }

  @Test
  void aTargetOnAnUnknownMetricIsAnErrorNamingItsKey() {
    assertThatThrownBy(() -> parse("targets:\n  repeatComplaintRate: {max: 8}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'targets.repeatComplaintRate'")
        .hasMessageContaining("repeatComplaintRatePct");
  }

  @Test
  void aTargetNeedsExactlyOneOfMaxAndMin() {
    assertThatThrownBy(() -> parse("targets:\n  complaintsPer10k: {max: 8, min: 1}\n"))
        .hasMessageContaining("'targets.complaintsPer10k'").hasMessageContaining("exactly one");
    assertThatThrownBy(() -> parse("targets:\n  complaintsPer10k: {regions: {Yinchuan: 6}}\n"))
        .hasMessageContaining("'targets.complaintsPer10k'");
  }

  @Test
  void badPeriodsAndUnknownKeysInsideATargetAreErrors() {
    assertThatThrownBy(() -> parse("targets:\n  complaintsPer10k: {max: 5, periods: [year]}\n"))
        .hasMessageContaining("'targets.complaintsPer10k.periods'");
    assertThatThrownBy(() -> parse("targets:\n  complaintsPer10k: {max: 5, region: {Yinchuan: 6}}\n"))
        .hasMessageContaining("targets.complaintsPer10k.region");
  }

  @Test
  void anOverrideForARegionOutsideTheRegionTableIsNamedNotApplied() {
    KpiConfig k = new KpiConfig(List.of(new KpiConfig.Target("complaintsPer10k", "max", 5,
        Map.of("Atlantis", 1.0, "*", 2.0, "Yinchuan", 3.0))), List.of(), 10);
    assertThat(k.overridesOutside(List.of("Yinchuan"))).containsExactly("targets.complaintsPer10k.regions.Atlantis");
  }
}
