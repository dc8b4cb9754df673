package com.faultlink.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoint to resume from after a crash ({@code jobs/run-local.sh CONFIG --restore latest}): the newest
 * completed one under a checkpoint folder, whichever run wrote it. Flink keeps each run's checkpoints in {@code
 * <folder>/<job id>/chk-<n>}, a restored run under a new job id; a checkpoint is complete once its {@code
 * _metadata} is written, so a folder a crash left half-written is passed over.
 */
public final class LatestCheckpoint {
  private LatestCheckpoint() {}

  /** The newest {@code <job id>/chk-<n>} under {@code folder} that holds {@code _metadata}, if any. */
  public static Optional<Path> in(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(folder, 3)) {
      return files.filter(f -> f.getFileName().toString().equals("_metadata") && Files.isRegularFile(f))
          .map(Path::getParent)
          .filter(d -> d.getFileName().toString().matches("chk-[0-9]+"))
          .max(Comparator.comparing(LatestCheckpoint::written).thenComparingLong(LatestCheckpoint::number));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint folder " + folder, e);
    }
  }

  private static FileTime written(Path checkpoint) {
    try {
      return Files.getLastModifiedTime(checkpoint.resolve("_metadata"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(Path checkpoint) {
    return Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
  }
}
