package com.faultlink.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Reads and validates a FaultLink YAML config; any problem is one {@link ConfigException}. */
public final class ConfigLoader {
  /** Where the customer-key secret comes from when the config does not name one. */
  public static final String SECRET_ENV = "FAULTLINK_CUSTOMER_KEY_SECRET";

  /**
   * The contract's subscriber number: an optional {@code +86}/{@code 86}, then 11 digits starting with 1, with
   * spaces or dashes allowed between digits; not inside a longer run of digits.
   */
  public static final String DEFAULT_SUBSCRIBER_PATTERN =
      "(?<![0-9])(?:\\+?86[ -]?)?1(?:[ -]?[0-9]){10}(?![0-9])";

  public static final String DEVELOPMENT_SECRET = "faultlink-development-secret-change-me";

  private ConfigLoader() {}

  public static FaultLinkConfig load(Path file) {
    return load(file, System.getenv());
  }

  public static FaultLinkConfig load(Path file, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file not found: " + file.toAbsolutePath());
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    return parse(text, env);
  }

  public static FaultLinkConfig parse(String yaml, Map<String, String> env) {
    return parse(yaml, env, KeyReads.NONE);
  }

  /** As {@link #parse(String, Map)}, telling {@code reads} every key read and its default (ConfigKeysTest). */
  static FaultLinkConfig parse(String yaml, Map<String, String> env, KeyReads reads) {
    JsonNode tree = ConfigBase.resolve(ConfigBase.readYaml(yaml, "config"));
    tree = EnvReferences.expand(tree, env);
    ConfigNode root = new ConfigNode(tree, "", reads);
    FaultLinkConfig config = build(root, env);
    root.rejectUnknownKeys();
    return config;
  }

  private static FaultLinkConfig build(ConfigNode root, Map<String, String> env) {
    ZoneId zone;
    String zoneText = root.requiredString("timezone");
    try {
      zone = ZoneId.of(zoneText);
    } catch (DateTimeException e) {
      throw new ConfigException("config key 'timezone': '" + zoneText + "' is not a time zone such as Asia/Shanghai");
    }
    int parallelism = root.integer("parallelism", 0, 1, 1024);

    ConfigNode src = root.child("sources");
    FaultLinkConfig.Sources sources = new FaultLinkConfig.Sources(
        input(src, "alarms", true), input(src, "complaints", true), input(src, "works", false),
        src.integer("throttleEventsPerSecond", 0, 1, 100_000_000));

    ConfigNode ref = root.child("reference");
    FaultLinkConfig.Reference reference =
        new FaultLinkConfig.Reference(ref.existingPath("cells", true), ref.existingPath("regions", true),
            ref.existingPath("topology", false));

    SinksConfig sinks = SinksConfig.read(root.child("sinks"), env);

    Duration outOfOrderness = root.duration("outOfOrderness", Duration.ofMinutes(5), true);
    WatermarkConfig watermarks = WatermarkConfig.read(root.child("watermarks"));
    InputLimits input = InputLimits.read(root.child("input"));

    ConfigNode out = root.child("outages");
    FaultLinkConfig.Outages outages = new FaultLinkConfig.Outages(
        out.strings("causes", List.of("cellOutage")), out.duration("mergeGap", Duration.ofMinutes(5), true),
        out.duration("maxOpen", Duration.ofDays(30), false));

    ConfigNode att = root.child("attribution");
    FaultLinkConfig.Attribution attribution = new FaultLinkConfig.Attribution(
        att.number("neighborRadiusKm", 2.0, 0.0, 50.0), att.duration("tail", Duration.ofMinutes(30), true));

    GoldenConfig golden = GoldenConfig.read(root.child("golden"));
    BurstConfig burst = BurstConfig.read(root.child("burst"));

    ConfigNode dl = root.child("deadLetters");
    FaultLinkConfig.DeadLetters deadLetters =
        new FaultLinkConfig.DeadLetters(dl.integer("maxRawChars", 16_384, 64, 10_000_000), dl.bool("origin", false));

    ConfigNode dedup = root.child("dedup");
    Duration dedupRetention = dedup.duration("retention", Duration.ofDays(2), false);

    ConfigNode late = root.child("lateEvents");
    Duration lateRetention = late.duration("retention", Duration.ofHours(1), true);

    ConfigNode privacy = root.child("privacy");
    String secret = privacy.string("customerKeySecret", null);
    if (secret == null) {
      secret = env.getOrDefault(SECRET_ENV, null);
    }
    if (secret == null || secret.isBlank()) {
      secret = DEVELOPMENT_SECRET;
    }

    String subscriberPattern = privacy.string("subscriberPattern", DEFAULT_SUBSCRIBER_PATTERN);
    try {
      java.util.regex.Pattern.compile(subscriberPattern);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new ConfigException("config key 'privacy.subscriberPattern': not a regular expression: "
          + e.getDescription());
    }

    CheckpointingConfig checkpointing = CheckpointingConfig.read(root.child("checkpointing"));
    StateConfig state = StateConfig.read(root.child("state"));
    RestartConfig restart = RestartConfig.read(root.child("restart"));
    PlannedConfig planned = PlannedConfig.read(root.child("planned"));
    IncidentsConfig incidents = IncidentsConfig.read(root.child("incidents"));
    KpiConfig kpi = KpiConfig.read(root.child("targets"), root.child("breakdowns"), root.child("hotspots"));
    TicketsConfig tickets = TicketsConfig.read(root.child("tickets"));

    if (sinks.kafka() != null && sinks.kafka().transactionTimeout().compareTo(checkpointing.interval()) <= 0) {
      throw new ConfigException("config key 'sinks.kafka.transactionTimeout': " + sinks.kafka().transactionTimeout()
          + " must be longer than checkpointing.interval (" + checkpointing.interval() + "): output is committed"
          + " once per checkpoint");
    }

    return new FaultLinkConfig(zone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, input, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, secret, subscriberPattern, checkpointing,
        state, restart, planned, incidents, kpi, tickets);
  }

  private static InputConfig input(ConfigNode sources, String name, boolean required) {
    if (!required && !sources.has(name)) {
      sources.child(name);
      return null;
    }
    if (required && !sources.has(name)) {
      throw new ConfigException("config key 'sources." + name + "' is missing");
    }
    return InputConfig.read(sources.child(name));
  }

  /** Whether the run uses the built-in development secret (the job warns about it). */
  public static boolean usesDevelopmentSecret(FaultLinkConfig config) {
    return DEVELOPMENT_SECRET.equals(config.customerKeySecret());
  }

  /** Whether any input or output of the config is a Kafka topic. */
  public static boolean usesKafka(FaultLinkConfig config) {
    FaultLinkConfig.Sources s = config.sources();
    return s.alarms().isKafka() || s.complaints().isKafka() || (s.works() != null && s.works().isKafka())
        || config.sinks().kafka() != null;
  }

  /**
   * Refuses the built-in development key where real subscribers' data flows: a job on a cluster, or one that
   * reads or writes Kafka. File runs (the local run, replays, sweeps, benchmarks, tests) may use it; they say so
   * once ({@link #developmentSecretWarning}).
   *
   * @param onCluster the job is submitted to a cluster (or runs in application mode)
   * @throws ConfigException naming the key and the environment variable
   */
  public static void requireRealSecret(FaultLinkConfig config, boolean onCluster) {
    if (!usesDevelopmentSecret(config) || !(onCluster || usesKafka(config))) {
      return;
    }
    throw new ConfigException("config key 'privacy.customerKeySecret': no secret to hash subscriber numbers with; "
        + (onCluster ? "a job on a cluster" : "a job that reads or writes Kafka") + " needs one. Set the "
        + "environment variable " + SECRET_ENV + " (for example from a Kubernetes Secret) or write "
        + "privacy.customerKeySecret: '${SOME_VARIABLE}'; only file runs may use the development key");
  }

  /** The one line a file run prints when it hashes with the development key; null when it has a secret. */
  public static String developmentSecretWarning(FaultLinkConfig config) {
    return usesDevelopmentSecret(config)
        ? "faultlink: warning: no privacy.customerKeySecret and no " + SECRET_ENV + " set; subscriber numbers are "
            + "hashed with the built-in development key (fine for sample data; Kafka and cluster jobs refuse it)"
        : null;
  }
}
