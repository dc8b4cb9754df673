package com.faultlink.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes docs/configuration.md from {@link ConfigKeys}, so that the reference cannot drift from the keys the
 * loader reads (ConfigKeysTest fails when the committed page differs from what this writes).
 *
 * <p>{@code jobs/analysis-java.sh com.faultlink.config.ConfigReference [FILE]} (default
 * {@code docs/configuration.md}).
 */
public final class ConfigReference {
  static final String GENERATED_NOTE = "<!-- Generated from src/main/java/com/faultlink/config/ConfigKeys.java by "
      + "com.faultlink.config.ConfigReference; edit the table there, not this page (docs/development.md). -->";

  private ConfigReference() {}

  /** The whole page. */
  public static String render() {
    StringBuilder out = new StringBuilder();
    for (ConfigKeys.Section s : ConfigKeys.SECTIONS) {
      out.append(s.heading()).append("\n\n");
      if (out.length() == s.heading().length() + 2) {
        out.append(GENERATED_NOTE).append("\n\n");
      }
      if (!s.intro().isEmpty()) {
        out.append(s.intro()).append("\n\n");
      }
      if (!s.keys().isEmpty()) {
        out.append("| key | default | meaning |\n|---|---|---|\n");
        for (ConfigKeys.Key k : s.keys()) {
          out.append("| `").append(k.path()).append("` | ").append(cell(k.defaultText())).append(" | ")
              .append(cell(k.meaning())).append(" |\n");
        }
        out.append('\n');
      }
      if (!s.outro().isEmpty()) {
        out.append(s.outro()).append("\n\n");
      }
    }
    return out.toString().stripTrailing() + "\n";
  }

  /** A table cell: a '|' inside would end it early. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
    Files.writeString(file, render(), StandardCharsets.UTF_8);
    System.out.println("faultlink: wrote " + file + " (" + ConfigKeys.all().size() + " keys)");
  }
}
