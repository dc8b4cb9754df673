package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line as jobs/run-local.sh and the cluster scripts give it. */
class JobCommandLineTest {
  @Test
  void aLocalRunTakesTheConfigAndAnOptionalRestore() {
    assertThat(JobCommandLine.local(new String[] {"config/faultlink.yaml"}))
        .isEqualTo(new JobCommandLine("config/faultlink.yaml", null));
    assertThat(JobCommandLine.local(new String[] {"c.yaml", "--restore", "latest"}))
        .isEqualTo(new JobCommandLine("c.yaml", "latest"));
  }

  @Test
  void anythingElseIsAUsageError() {
    assertThat(JobCommandLine.local(new String[] {})).isNull();
    assertThat(JobCommandLine.local(new String[] {"--help"})).isNull();
    assertThat(JobCommandLine.local(new String[] {"a.yaml", "b.yaml"})).isNull();
    assertThat(JobCommandLine.local(new String[] {"a.yaml", "--resume", "x"})).isNull();
    assertThat(JobCommandLine.local(new String[] {"-x", "--restore", "latest"})).isNull();
    assertThatThrownBy(() -> JobCommandLine.cluster(new String[] {"c.yaml", "--restore", "latest"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("usage: FaultLinkJob CONFIG.yaml");
  }

  @Test
  void theJobIsNamedAfterTheConfigFile() {
    assertThat(JobCommandLine.cluster(new String[] {"config/cluster/faultlink-cluster.yaml"}).jobName())
        .isEqualTo("FaultLink (faultlink-cluster.yaml)");
  }
}
