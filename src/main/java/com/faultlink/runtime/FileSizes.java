package com.faultlink.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How big an input is on disk. */
public final class FileSizes {
  private FileSizes() {}

  /** Bytes in a file, or in every file below a folder; -1 where it cannot be read (its reader will say why). */
  public static long bytes(Path p) {
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }
}
