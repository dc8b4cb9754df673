package com.faultlink.config;

import java.util.List;

/**
 * Every config key FaultLink reads: its path, its default and what it does, grouped in the sections of
 * docs/configuration.md, which {@link ConfigReference} writes from this table. ConfigKeysTest checks the table
 * against the loader itself (every key it reads is here, every key here is read, each literal default is the one
 * the code uses) and the page against the table, so a key added to a {@code *Config} record without a row here
 * (or a row without a key) fails the build. How to add a key: docs/development.md "Adding a config key".
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /**
   * One key.
   *
   * @param path the key's full path; a segment in angle brackets ({@code sources.<input>.kafka}) stands for any name
   * @param defaultValue the default as written in YAML, checked against the code's (null: none, or not one value)
   * @param defaultWords the default column in words (null: {@code defaultValue} in backticks)
   * @param meaning what it does, Markdown, one line
   */
  public record Key(String path, String defaultValue, String defaultWords, String meaning) {
    /** The page's default column. */
    public String defaultText() {
      return defaultWords != null ? defaultWords : defaultValue != null ? "`" + defaultValue + "`" : "none";
    }

    /** Whether {@code keyPath} (a concrete path such as {@code sources.alarms.kafka.topic}) is this key. */
    public boolean matches(String keyPath) {
      String[] mine = path.split("\\.");
      String[] theirs = keyPath.split("\\.");
      if (mine.length != theirs.length) {
        return false;
      }
      for (int i = 0; i < mine.length; i++) {
        if (!mine[i].startsWith("<") && !mine[i].equals(theirs[i])) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * One part of the page: a heading, Markdown before and after the table, and the table's keys (none: prose only).
   */
  public record Section(String heading, String intro, List<Key> keys, String outro) {}

  static Key key(String path, String defaultValue, String defaultWords, String meaning) {
    return new Key(path, defaultValue, defaultWords, meaning);
  }

  static Section section(String heading, String intro, String outro, Key... keys) {
    return new Section(heading, intro.strip(), List.of(keys), outro.strip());
  }

  static Section prose(String heading, String text) {
    return new Section(heading, text.strip(), List.of(), "");
  }

  /** The page, in order. */
  public static final List<Section> SECTIONS = List.of(
      prose("# Config reference", """
          Every key of a FaultLink config file, with its default and what it does, one table per section.

          > **Source:** this page is generated from the code's own key table,
          > [`ConfigKeys`](../src/main/java/com/faultlink/config/ConfigKeys.java), which a test checks against the
          > keys and defaults the loader reads; [`config/faultlink.yaml`](../config/faultlink.yaml) is the commented
          > sample of every key. To add a key: [development](development.md#adding-a-config-key).

          A config is YAML. Relative paths are relative to the working directory (on a cluster: of the process that runs
          `main`, so use absolute ones there); durations are ISO-8601 (`PT30M` = 30 minutes, `P2D` = 2 days). An unknown key, a bad value or a missing file stops the run at
          start with one message naming the key or path, e.g.
          `faultlink: config key 'attribution.tail': '30 minutes' is not an ISO-8601 duration such as PT30M or P1D`; a
          misspelt key gets the nearest one (`config key 'attribution.tial' is not a FaultLink setting; did you mean
          'attribution.tail'?`). *neighbour* and *neighbor* are both accepted in every key name (one of them at a time).

          **`${NAME}`: environment variables.** Any text value may name an environment variable as `${NAME}`, the whole
          value or part of it (`password="${KAFKA_PASSWORD}"` inside `sasl.jaas.config`); it is replaced when the config
          is read, where the job's `main` runs (on a cluster: the JobManager). A variable that is not set stops the run
          with exit 2, naming the key and the variable, never a value. `$${` writes a literal `${`; quote such values in
          YAML (`'...'`). Keep passwords and the hash key out of config files: see [secrets](failure-secrets.md#variable-in-the-config).

          **`base: OTHER.yaml`: one config laid over another.** A config whose top level has `base: PATH` is that file with
          this one's keys laid over it: mappings merge key by key at every depth, any other value replaces the base's,
          and `~` (null) removes the base's key. A base may have a base of its own; the path is relative to the working
          directory. `config/faultlink-kafka.yaml` is `base: config/faultlink.yaml` with the files replaced by topics
          (`file: ~`), so it takes every tunable of the sample (its `burst.warmup: P7D` included).

          A file run needs only `timezone`, `sources.alarms`, `sources.complaints`, `reference.cells`, `reference.regions`
          and `sinks.dir`; every other key has a default. Example configs: `config/faultlink.yaml` (the sample, every key),
          `config/faultlink-kafka.yaml` (Kafka in and out), `config/province-month.yaml` (the scale set),
          `config/sweep.yaml` (a [sweep](analysts.md#sweep) file).
          """),
      section("## Top level", "", "",
          key("base", null, "none",
              "a config this one is laid over (above)"),
          key("timezone", null, "required",
              "zone of days, weeks (ISO, Monday 00:00) and months, and of every timestamp written out"),
          key("parallelism", "0", "unset",
              "parallel tasks per operator; unset: the machine's cores for a local run; on a cluster the " +
              "submission's (`flink run -p`, `jobs/cluster-local.sh submit --parallelism`, the operator's " +
              "`job.parallelism`), else the cluster's `parallelism.default`. Setting it here overrides those"),
          key("outOfOrderness", "PT5M", null,
              "how far behind the newest event a line may arrive and still be handled in order; later lines are " +
              "[late](internals.md#late-events). Also the main term of the output latency")),
      section("## `sources`", "", "",
          key("sources.alarms.file", null, "required (or `.kafka`)",
              "TMF642 notifications, one per line; a file or a folder of files"),
          key("sources.complaints.file", null, "required (or `.kafka`)",
              "TMF621 `TroubleTicketCreateEvent` notifications; a file or a folder"),
          key("sources.works.file", null, "none",
              "planned works (cut-overs), the contract's lines; see [planned works](concepts.md#planned-works)"),
          key("sources.<input>.kafka", null, "instead of `file`",
              "a Kafka topic: see [Kafka inputs and outputs](#kafka-inputs-and-outputs)"),
          key("sources.throttleEventsPerSecond", "0", "unset (as fast as the job goes)",
              "pace: at most this many input lines per second per reading task (a file is read by one task); " +
              "replays at a set pace, tests")),
      section("## `reference`", "", "",
          key("reference.cells", null, "required",
              "CSV `cell_id,site_id,region,technology,lat,lon`"),
          key("reference.regions", null, "required",
              "CSV `region,subscribers`"),
          key("reference.topology", null, "none",
              "CSV `object_id,object_type,site_id`: the site depends on that transport or power object (one row per " +
              "site and object); root-cause alarms on these objects group outages into incidents")),
      section("## `sinks`", "", "",
          key("sinks.dir", null, "required unless `sinks.kafka`",
              "output folder, one folder per stream; a local run replaces the stream folders it writes (a cluster " +
              "job never empties them: give each cluster job its own)"),
          key("sinks.kafka", null, "none",
              "output topics: see [Kafka inputs and outputs](#kafka-inputs-and-outputs); with both `dir` and " +
              "`kafka`, every stream is written to both")),
      section("### `sinks.alertmanager`", """
          Every alert also POSTed to `<url>/api/v2/alerts`; see [alerts to Alertmanager](operations.md#alerts-to-alertmanager).
          """, "",
          key("sinks.alertmanager.url", null, "unset; required in this section",
              "Alertmanager's base URL; user info in it (`http://user:secret@host:9093`) is sent as basic " +
              "credentials and never logged"),
          key("sinks.alertmanager.user", null,
              "env `FAULTLINK_ALERTMANAGER_USER`, else the URL's user info, else none",
              "basic auth; best as `${…}`"),
          key("sinks.alertmanager.password", null,
              "env `FAULTLINK_ALERTMANAGER_PASSWORD`, else the URL's, else none",
              "basic auth; best as `${…}`"),
          key("sinks.alertmanager.bearerToken", null, "env `FAULTLINK_ALERTMANAGER_TOKEN`, else none",
              "bearer auth instead of basic (both kinds at once stop the run at start)"),
          key("sinks.alertmanager.generatorUrl", null, "the project page",
              "each alert's `generatorURL`"),
          key("sinks.alertmanager.resendInterval", "PT1M", null,
              "firing alerts are re-sent this often (Alertmanager's `resolve_timeout` is 5 min)"),
          key("sinks.alertmanager.initialBackoff", "PT1S", null,
              "wait after a failed POST, doubling (new alerts do not cut it short) ..."),
          key("sinks.alertmanager.maxBackoff", "PT1M", null,
              "... up to this"),
          key("sinks.alertmanager.requestTimeout", "PT10S", null,
              "a slower POST has failed"),
          key("sinks.alertmanager.maxPending", "10000", null,
              "alerts kept for (re)sending; beyond it the oldest are dropped (counted)"),
          key("sinks.alertmanager.closeTimeout", "PT10S", null,
              "at the end of a bounded run, how long unsent alerts are still tried")),
      section("### `sinks.jdbc`", """
          Metrics, golden windows, impacts, outage status and alerts upserted into PostgreSQL; see
          [dashboards](operations.md#dashboards-postgresql-and-grafana). A database that is down never stops the job:
          rows wait in a bounded buffer and are retried ([failure-sinks.md](failure-sinks.md#postgresql)).
          """, "",
          key("sinks.jdbc.url", null, "unset; required in this section",
              "PostgreSQL JDBC URL (`jdbc:postgresql://host:5432/db`); create the tables with `psql -f " +
              "jobs/sql/faultlink.sql`"),
          key("sinks.jdbc.user", null, "none",
              "user name"),
          key("sinks.jdbc.password", null, "env `FAULTLINK_JDBC_PASSWORD`, else none",
              "password; better from the environment or as `${…}`"),
          key("sinks.jdbc.batchSize", "500", null,
              "rows per transaction and table"),
          key("sinks.jdbc.batchInterval", "PT1S", null,
              "buffered rows are written at least this often"),
          key("sinks.jdbc.maxBufferedRows", "100000", null,
              "rows kept per table and writer while the database is unreachable (also in checkpoints); beyond it " +
              "the oldest are dropped and counted (`jdbcDropped`)"),
          key("sinks.jdbc.initialBackoff", "PT1S", null,
              "wait after a failed write, doubling ..."),
          key("sinks.jdbc.maxBackoff", "PT1M", null,
              "... up to this"),
          key("sinks.jdbc.connectTimeout", "PT10S", null,
              "a slower connection has failed (a statement: 6 times this)"),
          key("sinks.jdbc.closeTimeout", "PT10S", null,
              "at the end of a bounded run, how long buffered rows are still tried (less when the database is " +
              "still down)"),
          key("sinks.jdbc.maxRetries", null, "—",
              "no longer used (a failed write never fails the job); accepted so older files load")),
      section("## Kafka inputs and outputs", """
          Per input either `{file: PATH}` or `{kafka: {...}}`; files and topics mix freely. See
          [running on Kafka](deploy/kafka.md).
          """, """
          Settings that FaultLink makes itself (`bootstrap.servers`, `group.id`, `transactional.id`,
          `transaction.timeout.ms`, serializers, …) are rejected in `properties`, naming the key that sets them. As
          for files, an unknown or missing key stops the run at start.
          """,
          key("sources.<input>.kafka.bootstrapServers", null, "required",
              "Kafka brokers"),
          key("sources.<input>.kafka.topic", null, "required",
              "the topic; a message value is one input line, byte for byte; keys are ignored"),
          key("sources.<input>.kafka.bounded", "false", null,
              "`true`: read each partition up to its end offset at job start, then finish like a file run " +
              "(replays, tests); `false`: run until cancelled"),
          key("sources.<input>.kafka.groupId", "faultlink", null,
              "consumer group that the read offsets are committed to on each checkpoint (lag monitoring, " +
              "`committed`)"),
          key("sources.<input>.kafka.startingOffsets", null, "`earliest` if bounded, else `committed`",
              "where to start without a checkpoint: `earliest`, `latest`, `committed` (the group's offsets, " +
              "earliest where it has none) or a timestamp such as `2026-10-05T00:00:00+08:00`"),
          key("sources.<input>.kafka.idleTimeout", "PT1M", null,
              "a partition without messages this long stops holding back event time; `PT0S`: never"),
          key("sources.<input>.kafka.properties", null, "none",
              "Kafka consumer settings passed through (SASL/SSL, fetch sizes, timeouts); `isolation.level` is " +
              "`read_committed` unless set here"),
          key("sinks.kafka.bootstrapServers", null, "required",
              "Kafka brokers"),
          key("sinks.kafka.topicPrefix", null, "required",
              "stream `s` goes to topic `<topicPrefix>s`"),
          key("sinks.kafka.topics", null, "`<topicPrefix><stream>`",
              "per-stream topic names, e.g. `topics: {alerts: noc.alerts}`"),
          key("sinks.kafka.transactionalIdPrefix", "faultlink", null,
              "Kafka transactional ids are `<prefix>-<stream>-<subtask>-<n>`; two jobs on one cluster need " +
              "different prefixes"),
          key("sinks.kafka.transactionTimeout", "PT15M", null,
              "the producers' `transaction.timeout.ms`; at most the broker's `transaction.max.timeout.ms`, more " +
              "than `checkpointing.interval`"),
          key("sinks.kafka.properties", null, "none",
              "Kafka producer settings passed through (SASL/SSL, compression, batching)")),
      section("## `input`", """
          Implausible input (the contract's "Implausible times"): such lines go to `dead-letters` with a reason and move
          nothing. What is rejected, and the reasons: [time faults](failure-time.md).
          """, "",
          key("input.notBefore", "2000-01-01T00:00:00Z", null,
              "an `eventTime` or domain time before this is rejected"),
          key("input.notAfter", null, "unset: the wall clock at job start + `maxClockSkew` (a live Kafka input: the clock now)",
              "an `eventTime` or domain time after this is rejected; set it to replay data dated in the future"),
          key("input.maxClockSkew", "PT1H", null,
              "how far ahead of the wall clock a line may be dated"),
          key("input.maxLateness", "P2D", null,
              "a line whose domain time is this far behind the newest accepted before it on its file (or Kafka " +
              "reader) is too late (an open outage's clear excepted)"),
          key("input.maxLineBytes", "1048576", "`1048576` (1 MiB)",
              "a longer line (file line or Kafka message value, in bytes, its line end and a UTF-8 BOM not " +
              "counted) is cut while read and dead-lettered with `truncated: true`; the rest is skipped, never " +
              "held. 1024 to 1073741824")),
      section("## `outages`", "", "",
          key("outages.causes", "[cellOutage]", null,
              "`probableCause` values that take a cell out of service"),
          key("outages.mergeGap", "PT5M", null,
              "a re-raise this soon after a clear continues the outage (flapping)"),
          key("outages.maxOpen", "P30D", null,
              "an outage open this long is closed as stale (`endReason` `stale`), its alerts resolved; a later " +
              "clear of its alarms is counted, not applied ([stale outages](failure-stale.md)). Also the bound of " +
              "the longest-lived per-outage state ([state](state.md))")),
      section("## `attribution`", "", "",
          key("attribution.neighborRadiusKm", "2.0", null,
              "cells of other sites this close (great-circle) are neighbours; 0–50. `neighbourRadiusKm` is " +
              "accepted too"),
          key("attribution.tail", "PT30M", null,
              "a complaint this long after an outage ends still counts for it")),
      section("## `watermarks`", """
          Live (unbounded) sources only: when no event has arrived for `idleAfter`, event time follows the wall clock
          (minus `outOfOrderness`), so a breach due at night fires on time. Files and bounded topics never use it.
          """, "",
          key("watermarks.followWallClockWhenIdle", "true", null,
              "event time follows the wall clock when the input is quiet"),
          key("watermarks.idleAfter", "PT1M", null,
              "how long without events before it does")),
      section("## `golden`", """
          The golden window: how long an outage can stay open before its complaints explode. Learned per region ×
          technology from closed outages, with `region/*` and `*/*` as fallbacks; each outage's alerts use the window in
          force at its start. See [concepts](concepts.md#golden-window) and [internals](internals.md#golden-windows-and-alerts).
          """, "",
          key("golden.fixedWindow", null, "unset",
              "golden window every outage's alerts use instead of the learned one (how to pin a window, e.g. the " +
              "one the NOC is judged by; learned estimates are still published for comparison)"),
          key("golden.initialWindow", "PT45M", null,
              "window in force before any learned estimate applies"),
          key("golden.minOutages", "30", null,
              "closed outages a scope needs for an estimate of its own (5–10⁶); fewer: the pooled one"),
          key("golden.history", "500", null,
              "closed outages kept per scope, the most recent (bounded state; ≥ `minOutages`)"),
          key("golden.reestimateEvery", "10", null,
              "a scope is re-estimated after this many newly closed outages"),
          key("golden.reestimateInterval", "PT1H", null,
              "... and at most once per this much event time (a count reached sooner waits): learning costs " +
              "the same however dense the outages; `PT0S`: on the count alone"),
          key("golden.explosionRatio", "3", null,
              "the window is the first elapsed time at which the complaint rate per open outage reaches this many " +
              "times its baseline (more than 1)"),
          key("golden.baselineMinutes", "PT15M", null,
              "the baseline is the rate's mean over this first span of elapsed outage time; a whole number of " +
              "`gridStep`s, shorter than `maxWindow`"),
          key("golden.gridStep", "PT1M", null,
              "bin width of elapsed outage time; a step's window is found to within one step"),
          key("golden.minOpenAtWindow", "10", null,
              "elapsed times at which fewer of a scope's outages are still open are not examined (a handful of " +
              "long outages would decide the rate there)"),
          key("golden.minBaselineComplaints", "5", null,
              "a scope with fewer complaints in its baseline span gets no estimate (`too-few-outages`): a zero " +
              "baseline makes every rate \"an explosion\""),
          key("golden.falseWindowRate", "0.01", null,
              "level of the decision to publish: the data must reject at this level that the rate never reaches " +
              "the ratio ([golden-window.md](golden-window.md))"),
          key("golden.bootstrap", "200", null,
              "bootstrap resamples over outages for the confidence interval (0: no interval)"),
          key("golden.confidence", "0.95", null,
              "confidence level of the interval"),
          key("golden.minWindow", "PT5M", null,
              "kept for older configs; windows are looked for after `baselineMinutes`"),
          key("golden.maxWindow", "PT3H", null,
              "longest window considered; metrics of a period wait `maxWindow` + `mergeGap` after it (for " +
              "`restoredInWindowPct`)"),
          key("golden.maxIntervalWidth", "PT1H", null,
              "an estimate whose confidence interval is wider is not published (`imprecise` in the table); its " +
              "scope keeps what applied before"),
          key("golden.warnFraction", "0.75", null,
              "`GOLDEN_WINDOW_AT_RISK` at this fraction of the window (0.05–0.99)"),
          key("golden.massOutageCount", "10", null,
              "`MASS_OUTAGE` when a region's open outages reach this many; resolved when they fall below it")),
      section("## `planned`", """
          Planned works; see [concepts](concepts.md#planned-works).
          """, "",
          key("planned.defaultWindow", "PT4H", null,
              "window of an `OUT_OF_SERVICE` raise that no announced work covers, from its start"),
          key("planned.alertAsUsual", "false", null,
              "`true`: planned outages raise golden-window alerts as unplanned ones do (still marked planned); " +
              "`false`: held back while the work lasts, raised on an overrun"),
          key("planned.retention", "P2D", null,
              "how long after its end a work is kept (late alarms) and a reported work remembered (late complaints)")),
      section("## `incidents`", """
          Outages of one common cause; see [concepts](concepts.md#incidents).
          """, "",
          key("incidents.rootCauses", "[lossOfSignal, powerSupplyFailure]", null,
              "`probableCause` values of root-cause alarms (on an object of `reference.topology` or on a site)"),
          key("incidents.window", "PT5M", null,
              "an outage belongs to a root alarm when it starts no earlier than this before its raise and before " +
              "its clear; its membership is decided at its start + this"),
          key("incidents.unknown.enabled", "true", null,
              "group outages no root alarm explains, per region, with cause `unknown`; `false`: no such grouping"),
          key("incidents.unknown.radiusKm", "2.0", null,
              "sites within this distance of the group's first outage's site"),
          key("incidents.unknown.window", "PT10M", null,
              "outages starting within this after the group's first"),
          key("incidents.unknown.minOutages", "3", null,
              "a group needs at least this many outages ..."),
          key("incidents.unknown.minSites", "2", null,
              "... on at least this many sites")),
      section("## `tickets`", """
          The ticket lifecycle (TMF621 status changes on the complaints input) and service tiers; see
          [concepts](concepts.md#tickets).
          """, "",
          key("tickets.lifecycle", "false", null,
              "read `TroubleTicketStatusChangeEvent` / `TroubleTicketResolvedEvent`; `false`: they are skipped and " +
              "counted, and the ticket figures are null"),
          key("tickets.tiers.<tier>.deadline", null, "urgent `PT2H`, important `PT24H`, normal `PT72H`",
              "a tier's response time from the ticket's creation"),
          key("tickets.tiers.<tier>.severities", null, "urgent `[critical]`, important `[major]`, normal none",
              "the TMF621 severities of the tier; exactly one tier names none and takes every other severity, a " +
              "missing one included"),
          key("tickets.overdueAlertCount", "10", null,
              "`TICKETS_OVERDUE` fires when a region's overdue tickets of one tier reach this; resolved below it"),
          key("tickets.nearDeadlineFraction", "0.75", null,
              "an open ticket joins the `open-tickets` worklist after this part of its tier's time"),
          key("tickets.retention", "P30D", null,
              "a ticket still open this long after its deadline is forgotten (no longer counted overdue)")),
      section("## `targets`", """
          KPI targets per metrics field; see [analysts](analysts.md). Each target is `max` or `min`, with optional
          per-region bounds and period kinds.
          """, "",
          key("targets.<metric>.max", null, "none",
              "the metric (a numeric field of `metrics`, e.g. `repeatComplaintRatePct`, `complaintsPer10k`) is met " +
              "at or below this"),
          key("targets.<metric>.min", null, "none",
              "... or at or above this (e.g. `onTimeRatePct`, `restoredInWindowPct`); give exactly one of the two"),
          key("targets.<metric>.regions.<region>", null, "none",
              "this region's own bound (`*`: all regions together)"),
          key("targets.<metric>.periods", null, "`[day, week, month]`",
              "the period kinds the target applies to")),
      section("## `breakdowns` and `hotspots`", "", "",
          key("breakdowns.escalationChannels", "[regulator, 越级]", null,
              "`channel.name` values counted as escalations (`escalatedComplaints`), listed after the standard " +
              "channels in `complaintsByChannel`"),
          key("hotspots.top", "10", null,
              "cells and sites per region and ISO week in the `hotspots` stream")),
      section("## `burst`", """
          Complaint bursts per region; see [concepts](concepts.md#complaint-bursts).
          """, "",
          key("burst.window", "PT15M", null,
              "tumbling count window, aligned to local time; whole minutes dividing a day"),
          key("burst.dayTypes", "weekday-weekend", null,
              "day types of the bands (band = time-of-day window × day type): `weekday-weekend`, `day-of-week`, " +
              "`every-day`"),
          key("burst.significance", "1.0e-5", null,
              "a window is a burst when `P(X ≥ count)` under the baseline is at most this ..."),
          key("burst.minCount", "5", null,
              "... and it has at least this many complaints"),
          key("burst.halfLife", "P14D", null,
              "a past window counts half as much in the baseline after this long"),
          key("burst.neighbourSlots", "2", null,
              "neighbouring time-of-day windows on each side that also train a band. `neighborSlots` is accepted " +
              "too"),
          key("burst.warmup", "P14D", "`P14D` (the sample config: `P7D`)",
              "history a region needs before learned thresholds apply"),
          key("burst.initialThreshold", null, "unset",
              "threshold in force during the warm-up (unset: no alerts during it)"),
          key("burst.endAfterQuietWindows", "2", null,
              "an episode ends after this many consecutive windows below the threshold"),
          key("burst.relearnAfter", "PT6H", null,
              "an episode longer than this trains the baseline again (a lasting shift becomes normal)"),
          key("burst.republishRelative", "0.1", null,
              "a lower threshold is republished when it falls by `max(republishAbsolute, republishRelative × old)`"),
          key("burst.republishAbsolute", "1", null,
              "... and a higher one when it rises by at least this many complaints")),
      section("## `deadLetters`, `dedup`, `lateEvents`", "", "",
          key("deadLetters.maxRawChars", "16384", null,
              "a rejected line is kept up to this many characters (then `truncated: true`)"),
          key("deadLetters.origin", "false", null,
              "each dead letter also names where its line was read: `file` and `offset` (the line number), or `topic`, "
                  + "`partition` and `offset`; off by default, because a line's number moves with its place and the "
                  + "contract promises the same outputs however the lines are ordered (the fields are then null)"),
          key("dedup.retention", "P2D", null,
              "how long an `eventId` (and an alarm's raise) is remembered"),
          key("lateEvents.retention", "PT1H", null,
              "how long after it stops mattering state is kept for late events (closed outages for late complaints)")),
      section("## `privacy`", "", "",
          key("privacy.customerKeySecret", null, "env `FAULTLINK_CUSTOMER_KEY_SECRET`, else a built-in development key: file runs say so in one " +
              "warning line; Kafka jobs (any Kafka source or sink) and cluster jobs refuse to start without a real " +
              "key (exit 2, naming this key)",
              "key of the keyed hash (HMAC-SHA256) that stands for a subscriber number everywhere outside the dead " +
              "letters (repeat-complainant counts, masked ids); name a variable, e.g. " +
              "`'${FAULTLINK_CUSTOMER_KEY_SECRET}'`, never write the key itself. Changing it changes every hash"),
          key("privacy.subscriberPattern", "(?<![0-9])(?:\\+?86[ -]?)?1(?:[ -]?[0-9]){10}(?![0-9])", "`(?<![0-9])(?:\\+?86[ -]?)?1(?:[ -]?[0-9]){10}(?![0-9])`: optional `+86`/`86`, then 11 digits " +
              "starting with 1, spaces or dashes allowed between digits",
              "text copied from an input into an output (ticket ids, unknown cell ids, region names, alarm and " +
              "source-system ids, work ids) has every match replaced by `sub#` and 16 letters `a`–`p`, the keyed " +
              "hash of the number ([masking](failure-secrets.md#subscriber-numbers-in-ids-privacysubscriberpattern)" +
              ")")),
      section("## `checkpointing`", "", "",
          key("checkpointing.interval", "PT2S", null,
              "checkpoint interval; file outputs are finished and Kafka outputs committed on checkpoints, so it is " +
              "also part of the output latency"),
          key("checkpointing.mode", "exactly-once", null,
              "or `at-least-once` (faster barriers, duplicates possible after a failure)"),
          key("checkpointing.dir", null, "local: a temporary folder; cluster: the cluster's `execution.checkpointing.dir`",
              "checkpoint storage, a folder or a URI (`s3://…`); set it for unbounded runs, to resume with " +
              "`--restore` after a stop")),
      section("## `state`", "", "",
          key("state.backend", "hashmap", null,
              "`hashmap` (heap) or `rocksdb` (local disk, incremental checkpoints: large state)"),
          key("state.maxParallelism", "128", null,
              "key groups: the highest parallelism savepoints can be rescaled to; never change it for a job whose " +
              "state you keep"),
          key("state.ttl", "P30D", "—",
              "**no longer used**: all state is bounded in event time ([state](state.md); an alarm never cleared " +
              "goes with `outages.maxOpen`). Still accepted so older configs load")),
      section("## `restart`", """
          After a failure on a cluster; local runs never restart (they fail at once, exit 1).
          """, "",
          key("restart.strategy", "exponential-delay", null,
              "`exponential-delay` (`delay` doubling to `maxDelay`, forever), `fixed-delay` (`attempts`, `delay` " +
              "apart) or `none`"),
          key("restart.attempts", "10", null,
              "`fixed-delay` only"),
          key("restart.delay", "PT1S", null,
              "first (or every, `fixed-delay`) wait before restarting"),
          key("restart.maxDelay", "PT1M", null,
              "`exponential-delay`'s longest wait")),
      prose("## Sweep files", """
          A sweep file (`jobs/sweep.sh SWEEP.yaml`, example `config/sweep.yaml`) is not a job config; see
          [analysts](analysts.md#sweep).

          | key | default | meaning |
          |---|---|---|
          | `base` | required | the config every run starts from |
          | `out` | required | `run-NN/` folders (outputs, `config.yaml`, `run-summary.json`) and `comparison.csv` |
          | `parallelism` | the base config's | overrides the base config's |
          | `parameters` | required | per config key path (e.g. `attribution.tail`, `golden.minOutages`), the values to try; every combination is one run |
          """),
      prose("## Environment variables", """
          | variable | used by | meaning |
          |---|---|---|
          | `FAULTLINK_CUSTOMER_KEY_SECRET` | the job | `privacy.customerKeySecret` when the config sets none |
          | `FAULTLINK_JDBC_PASSWORD` | the job | `sinks.jdbc.password` when the config sets none |
          | `FAULTLINK_ALERTMANAGER_USER`, `FAULTLINK_ALERTMANAGER_PASSWORD`, `FAULTLINK_ALERTMANAGER_TOKEN` | the job | `sinks.alertmanager.user`, `.password`, `.bearerToken` when the config sets none |
          | any `NAME` of a `${NAME}` | the job | its value, where the config names it |
          | `FAULTLINK_HEAP` | `jobs/run-local.sh`, `replay.sh`, `sweep.sh`, `report.sh`, `bench.sh` | JVM heap (default `2g`) |
          | `FAULTLINK_JAVA_OPTS` | the same | other JVM options (default `-XX:+UseParallelGC`; set it, even empty, to replace) |
          | `FAULTLINK_REST_PORT`, `FAULTLINK_RPC_PORT`, `FAULTLINK_PROMETHEUS_PORTS`, `FAULTLINK_TM_SLOTS`, `FAULTLINK_TM_MEMORY` (`2560m`), `FAULTLINK_STATE_BACKEND` (`hashmap`), `FAULTLINK_HEAP_DUMPS`, `FAULTLINK_TM_JAVA_OPTS`, `FAULTLINK_JM_MEMORY`, `FAULTLINK_CLUSTER_DIR`, `FAULTLINK_HEARTBEAT_TIMEOUT`, `FAULTLINK_NO_BUILD` | `jobs/cluster-local.sh` | see [cluster](deploy/cluster.md#a-real-cluster-on-this-machine-jobscluster-localsh) and [cluster sizing](failure-cluster.md#cluster-sizing-jobscluster-localsh) |
          | `KAFKA_LOCAL_HOME`, `KAFKA_LOCAL_PORT`, `KAFKA_LOCAL_CONTROLLER_PORT`, `KAFKA_LOCAL_HEAP` | `jobs/kafka-local.sh` | broker folder (`.kafka-local/`), client port (9092), controller port (client + 1000), heap (512m) |
          """));

  /** Every key of every section. */
  public static List<Key> all() {
    return SECTIONS.stream().flatMap(s -> s.keys().stream()).toList();
  }
}
