package com.faultlink.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTest {
  @TempDir Path folder;

  private Path checkpoint(String job, int n, Instant written) throws Exception {
    Path dir = Files.createDirectories(folder.resolve(job).resolve("chk-" + n));
    Path metadata = Files.writeString(dir.resolve("_metadata"), "x");
    Files.setLastModifiedTime(metadata, FileTime.from(written));
    return dir;
  }

  @Test
  void theNewestCompletedCheckpointOfAnyRunIsChosenAndAHalfWrittenOneIsPassedOver() throws Exception {
    Instant t = Instant.parse("2026-12-07T10:00:00Z");
    checkpoint("aaaa", 12, t);
    checkpoint("aaaa", 9, t.minusSeconds(30));
    // the restored run, under a new job id, numbers on from the checkpoint it restored
    Path newest = checkpoint("bbbb", 13, t.plusSeconds(5));
    checkpoint("bbbb", 11, t.plusSeconds(1)); // numbers do not decide when times differ
    Files.createDirectories(folder.resolve("bbbb").resolve("chk-14")); // the crash came before its _metadata
    Files.createDirectories(folder.resolve("bbbb").resolve("shared"));

    assertThat(LatestCheckpoint.in(folder)).contains(newest);
  }

  @Test
  void aFolderWithoutACompletedCheckpointOrNoFolderAtAllGivesNone() throws Exception {
    Files.createDirectories(folder.resolve("aaaa").resolve("chk-1"));
    assertThat(LatestCheckpoint.in(folder)).isEmpty();
    assertThat(LatestCheckpoint.in(folder.resolve("missing"))).isEmpty();
  }
}
