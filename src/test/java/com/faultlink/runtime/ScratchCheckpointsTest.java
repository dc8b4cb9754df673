package com.faultlink.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchCheckpointsTest {
  @TempDir
  Path tmp;

  @Test
  void aFolderLeftWithEmptyFoldersOnlyIsRemoved() throws Exception {
    Path dir = tmp.resolve("faultlink-checkpoints1");
    Files.createDirectories(dir.resolve("5b4a811688a522f7/shared"));
    Files.createDirectories(dir.resolve("5b4a811688a522f7/taskowned"));
    assertThat(ScratchCheckpoints.removeIfEmpty(dir)).isTrue();
    assertThat(dir).doesNotExist();
  }

  @Test
  void aFolderHoldingACheckpointIsKeptWhole() throws Exception {
    Path dir = tmp.resolve("faultlink-checkpoints2");
    Path metadata = dir.resolve("5b4a811688a522f7/chk-7/_metadata");
    Files.createDirectories(metadata.getParent());
    Files.createDirectories(dir.resolve("5b4a811688a522f7/shared"));
    Files.writeString(metadata, "checkpoint");
    assertThat(ScratchCheckpoints.removeIfEmpty(dir)).isFalse();
    assertThat(metadata).hasContent("checkpoint");
    assertThat(dir.resolve("5b4a811688a522f7/shared")).isDirectory();
  }

  @Test
  void aFolderAlreadyGoneIsFine() {
    assertThat(ScratchCheckpoints.removeIfEmpty(tmp.resolve("never-made"))).isTrue();
  }

  @Test
  void aNewFolderIsAnEmptyTemporaryOne() throws Exception {
    Path dir = ScratchCheckpoints.create();
    assertThat(dir).isEmptyDirectory();
    assertThat(dir.getFileName().toString()).startsWith("faultlink-checkpoints");
    assertThat(ScratchCheckpoints.removeIfEmpty(dir)).isTrue();
  }
}
