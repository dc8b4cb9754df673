package com.faultlink.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.InputConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * {@code run-summary.json}: what ran (the build's version, the config file and its SHA-256, the inputs and their
 * sizes), when (start and end in the configured timezone, the duration), and what it counted (every counter, flat,
 * at the top level as before). Two runs compared side by side say whether they ran the same build on the same
 * config and inputs.
 */
public final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunSummary() {}

  /** The version of this build ({@code pom.xml}'s), or {@code unknown} outside a Maven build. */
  public static String version() {
    try (InputStream in = RunSummary.class.getResourceAsStream("/com/faultlink/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }

  public static void write(Path file, Path configFile, FaultLinkConfig config, Instant started, Instant ended,
      Map<String, Long> counters) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("version", version());
    n.put("configFile", configFile == null ? null : configFile.toAbsolutePath().normalize().toString());
    n.put("configSha256", configFile == null ? null : sha256(configFile));
    ObjectNode inputs = n.putObject("inputs");
    input(inputs, "alarms", config.sources().alarms());
    input(inputs, "complaints", config.sources().complaints());
    input(inputs, "works", config.sources().works());
    n.put("startedAt", started.atZone(config.timezone()).toOffsetDateTime().toString());
    n.put("endedAt", ended.atZone(config.timezone()).toOffsetDateTime().toString());
    n.put("durationSeconds", Math.round(Duration.between(started, ended).toMillis() / 100.0) / 10.0);
    counters.forEach(n::put);
    Files.writeString(file, JSON.writeValueAsString(n) + "\n");
  }

  private static void input(ObjectNode inputs, String name, InputConfig in) {
    if (in == null) {
      return;
    }
    ObjectNode o = inputs.putObject(name);
    if (in.isKafka()) {
      o.put("topic", in.kafka().topic());
      o.put("bootstrapServers", in.kafka().bootstrapServers());
    } else {
      o.put("file", in.file());
      o.put("bytes", FileSizes.bytes(Path.of(in.file())));
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
