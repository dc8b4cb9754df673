package com.faultlink;

import java.nio.file.Path;

/**
 * The command line, {@code FaultLinkJob CONFIG.yaml}, and in a local run {@code --restore
 * CHECKPOINT_OR_SAVEPOINT|latest} after it.
 *
 * @param config the config file's path as given (messages quote it as the user wrote it)
 * @param restoreFrom a checkpoint or savepoint to resume from, {@code latest}, or null
 */
record JobCommandLine(String config, String restoreFrom) {
  static final String LOCAL_USAGE = "usage: FaultLinkJob CONFIG.yaml [--restore CHECKPOINT_OR_SAVEPOINT|latest]";
  static final String CLUSTER_USAGE = "usage: FaultLinkJob CONFIG.yaml (the config file's path, readable where "
      + "the job's main runs: the JobManager for REST and application submissions)";

  /** A local run's arguments, or null where they are not a config file with an optional restore. */
  static JobCommandLine local(String[] args) {
    String restoreFrom = null;
    if (args.length == 3 && args[1].equals("--restore")) {
      restoreFrom = args[2];
    } else if (args.length != 1) {
      return null;
    }
    return args[0].startsWith("-") ? null : new JobCommandLine(args[0], restoreFrom);
  }

  /** A cluster submission's one argument; anything else is refused (the submission fails with the usage). */
  static JobCommandLine cluster(String[] args) {
    if (args.length != 1 || args[0].startsWith("-")) {
      throw new IllegalArgumentException(CLUSTER_USAGE);
    }
    return new JobCommandLine(args[0], null);
  }

  Path configFile() {
    return Path.of(config);
  }

  /** The job's name in the web UI, the REST API and the metrics: FaultLink and its config file's name. */
  String jobName() {
    return "FaultLink (" + configFile().getFileName() + ")";
  }
}
