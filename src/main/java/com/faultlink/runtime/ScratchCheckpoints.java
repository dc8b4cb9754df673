package com.faultlink.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checkpoint folder of a local run whose config names none: a fresh temporary folder, removed when the JVM
 * exits if it holds no checkpoint. A finished job leaves only empty folders behind (every test on an embedded
 * cluster made one, hundreds a build); a cancelled one keeps its last checkpoint there, to be restored from.
 */
public final class ScratchCheckpoints {
  private ScratchCheckpoints() {}

  public static Path create() throws IOException {
    Path dir = Files.createTempDirectory("faultlink-checkpoints");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        removeIfEmpty(dir);
      } catch (UncheckedIOException leftBehind) {
        // a temporary folder stays: nothing to report at exit
      }
    }, "remove " + dir.getFileName()));
    return dir;
  }

  /** Deletes the folder tree if it holds folders only; returns whether it did (or it was gone already). */
  public static boolean removeIfEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      if (all.stream().anyMatch(p -> !Files.isDirectory(p))) {
        return false;
      }
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
