package com.faultlink.io.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22's trap: {@code cluster-local.sh submit} after a local run wrote into the same {@code out/} doubled every
 * stream. A cluster job now refuses a folder holding a local run's (or anybody's unowned) part files, and keeps
 * resuming in its own.
 */
class OutputFolderOwnerTest {
  @TempDir Path dir;

  private void partFile(String stream) throws IOException {
    Files.createDirectories(dir.resolve(stream));
    Files.writeString(dir.resolve(stream).resolve("part-0-0.jsonl"), "{}\n");
  }

  @Test
  void aClusterJobRefusesALocalRunsFolderNamingTheKey() throws IOException {
    FileOutputs.prepare(dir);
    partFile("alerts");
    assertThat(FileOutputs.owner(dir)).isEqualTo(FileOutputs.LOCAL);
    assertThatThrownBy(() -> FileOutputs.claimForCluster(dir))
        .hasMessageContaining("config key 'sinks.dir'").hasMessageContaining("a local run")
        .hasMessageContaining("folder of its own");
    assertThat(dir.resolve("alerts").resolve("part-0-0.jsonl")).as("nothing deleted").exists();
  }

  @Test
  void unownedPartFilesAreRefusedButAnEmptyOrFreshFolderIsTaken() throws IOException {
    partFile("metrics");
    assertThatThrownBy(() -> FileOutputs.claimForCluster(dir)).hasMessageContaining("another run");
    Path fresh = dir.resolve("fresh");
    assertThatCode(() -> FileOutputs.claimForCluster(fresh)).doesNotThrowAnyException();
    assertThat(FileOutputs.owner(fresh)).isEqualTo(FileOutputs.CLUSTER);
    assertThat(fresh.resolve("alerts")).isDirectory();
  }

  @Test
  void aClusterJobResumesInItsOwnFolderAndALocalRunReplacesIt() throws IOException {
    FileOutputs.claimForCluster(dir);
    partFile("attributions");
    assertThatCode(() -> FileOutputs.claimForCluster(dir)).as("a resubmission from a savepoint")
        .doesNotThrowAnyException();
    assertThat(dir.resolve("attributions").resolve("part-0-0.jsonl")).exists();
    FileOutputs.prepare(dir);
    assertThat(dir.resolve("attributions").resolve("part-0-0.jsonl")).as("a local run replaces").doesNotExist();
    assertThat(FileOutputs.owner(dir)).isEqualTo(FileOutputs.LOCAL);
  }
}
