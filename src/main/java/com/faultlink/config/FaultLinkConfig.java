package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The typed, validated config of one run. Paths are absolute. Every field has the default documented in
 * config/faultlink.yaml. {@code parallelism} 0 means not set: the environment's default (a local run: the
 * machine's cores; a cluster: the submission's {@code -p}, else the cluster's {@code parallelism.default}).
 */
public record FaultLinkConfig(
    ZoneId timezone,
    int parallelism,
    Sources sources,
    Reference reference,
    SinksConfig sinks,
    Duration outOfOrderness,
    WatermarkConfig watermarks,
    InputLimits input,
    Outages outages,
    Attribution attribution,
    GoldenConfig golden,
    BurstConfig burst,
    DeadLetters deadLetters,
    Duration dedupRetention,
    Duration lateRetention,
    String customerKeySecret,
    String subscriberPattern,
    CheckpointingConfig checkpointing,
    StateConfig state,
    RestartConfig restart,
    PlannedConfig planned,
    IncidentsConfig incidents,
    KpiConfig kpi,
    TicketsConfig tickets)
    implements Serializable {

  /** Without incidents, targets, breakdowns and hotspot settings: the defaults (tools and tests that build a config by hand). */
  public FaultLinkConfig(ZoneId timezone, int parallelism, Sources sources, Reference reference, SinksConfig sinks,
      Duration outOfOrderness, WatermarkConfig watermarks, InputLimits input, Outages outages, Attribution attribution,
      GoldenConfig golden, BurstConfig burst, DeadLetters deadLetters, Duration dedupRetention, Duration lateRetention,
      String customerKeySecret, String subscriberPattern, CheckpointingConfig checkpointing, StateConfig state,
      RestartConfig restart, PlannedConfig planned) {
    this(timezone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, input, outages, attribution,
        golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern, checkpointing,
        state, restart, planned, IncidentsConfig.DEFAULTS, KpiConfig.DEFAULTS, TicketsConfig.DEFAULTS);
  }

  /** Never shows the customer-key secret (nor, through the Kafka records, their passwords). */
  @Override
  public String toString() {
    return "FaultLinkConfig[timezone=" + timezone + ", parallelism=" + parallelism + ", sources=" + sources
        + ", reference=" + reference + ", sinks=" + sinks + ", outOfOrderness=" + outOfOrderness + ", input=" + input
        + ", outages=" + outages + ", customerKeySecret=" + (ConfigLoader.DEVELOPMENT_SECRET.equals(customerKeySecret)
            ? "(development key)" : "***") + ", subscriberPattern=" + subscriberPattern + ", checkpointing="
        + checkpointing + ", state=" + state + ", restart=" + restart + "]";
  }

  /**
   * @param throttleEventsPerSecond 0: read as fast as the job goes; else each reading task (a file is read
   *     by one task) passes at most this many lines per second downstream (replays at a set pace, tests)
   */
  public record Sources(InputConfig alarms, InputConfig complaints, InputConfig works, int throttleEventsPerSecond)
      implements Serializable {}

  /** @param topology the optional topology table ({@code object_id,object_type,site_id}); null where none */
  public record Reference(String cells, String regions, String topology) implements Serializable {
    public Reference(String cells, String regions) {
      this(cells, regions, null);
    }
  }


  /**
   * @param maxOpen an outage still open this long after its start is closed then as stale
   */
  public record Outages(List<String> causes, Duration mergeGap, Duration maxOpen) implements Serializable {}

  public record Attribution(double neighborRadiusKm, Duration tail) implements Serializable {}


  /**
   * @param maxRawChars a rejected line is kept up to this many characters
   * @param origin whether each dead letter names its file and line, or topic, partition and offset: off by default,
   *     because the contract promises the same outputs however the input lines are ordered, and a line's number
   *     moves with its place
   */
  public record DeadLetters(int maxRawChars, boolean origin) implements Serializable {
    public DeadLetters(int maxRawChars) {
      this(maxRawChars, false);
    }
  }

  /** The same config writing its outputs elsewhere (tests, replays that compare runs). */
  public FaultLinkConfig withSinksDir(String dir) {
    return withSinks(sinks.withDir(dir));
  }

  /** The same config with other sinks (tests: a receiver, a database). */
  public FaultLinkConfig withSinks(SinksConfig newSinks) {
    return new FaultLinkConfig(timezone, parallelism, sources, reference, newSinks, outOfOrderness, watermarks, input, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern, checkpointing,
        state, restart, planned, incidents, kpi, tickets);
  }

  /** The same config with other planned-works settings (tests, what-if replays). */
  public FaultLinkConfig withPlanned(PlannedConfig p) {
    return new FaultLinkConfig(timezone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, input, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern, checkpointing,
        state, restart, p, incidents, kpi, tickets);
  }

  /** The same config with other KPI targets, breakdowns and hotspot settings (tests). */
  public FaultLinkConfig withKpi(KpiConfig k) {
    return new FaultLinkConfig(timezone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, input, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern, checkpointing,
        state, restart, planned, incidents, k, tickets);
  }

  /** The same config with other ticket-lifecycle settings (tests). */
  public FaultLinkConfig withTickets(TicketsConfig t) {
    return new FaultLinkConfig(timezone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, input, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern, checkpointing,
        state, restart, planned, incidents, kpi, t);
  }

  /** The same config with other reference tables (tests that bring their own network). */
  public FaultLinkConfig withReference(Reference r) {
    return new FaultLinkConfig(timezone, parallelism, sources, r, sinks, outOfOrderness, watermarks, input, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern,
        checkpointing, state, restart, planned, incidents, kpi, tickets);
  }

  /** The same config with other golden-window settings (tests, analysts' what-if replays). */
  public FaultLinkConfig withGolden(GoldenConfig g) {
    return new FaultLinkConfig(timezone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, input, outages,
        attribution, g, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern, checkpointing,
        state, restart, planned, incidents, kpi, tickets);
  }

  /** The same config reading other inputs (tests, replays of edited copies). */
  public FaultLinkConfig withSources(Sources newSources) {
    return new FaultLinkConfig(timezone, parallelism, newSources, reference, sinks, outOfOrderness, watermarks, input,
        outages, attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret,
        subscriberPattern, checkpointing, state, restart, planned, incidents, kpi, tickets);
  }

  /** The same config with other input limits (tests). */
  public FaultLinkConfig withInput(InputLimits i) {
    return new FaultLinkConfig(timezone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, i, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern,
        checkpointing, state, restart, planned, incidents, kpi, tickets);
  }

  /** The same config with other outage settings (tests). */
  public FaultLinkConfig withOutages(Outages o) {
    return new FaultLinkConfig(timezone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, input, o,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern,
        checkpointing, state, restart, planned, incidents, kpi, tickets);
  }

  /** The same config with other incidents settings (tests). */
  public FaultLinkConfig withIncidents(IncidentsConfig i) {
    return new FaultLinkConfig(timezone, parallelism, sources, reference, sinks, outOfOrderness, watermarks, input, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern,
        checkpointing, state, restart, planned, i, kpi, tickets);
  }

  /** The same config at another parallelism. */
  public FaultLinkConfig withParallelism(int p) {
    return new FaultLinkConfig(timezone, p, sources, reference, sinks, outOfOrderness, watermarks, input, outages,
        attribution, golden, burst, deadLetters, dedupRetention, lateRetention, customerKeySecret, subscriberPattern, checkpointing,
        state, restart, planned, incidents, kpi, tickets);
  }

  /**
   * How long after a complaint's time its decision waits for the watermark: with a tail shorter than the
   * merge gap, a re-raise after the complaint can still pull it inside a flapping outage.
   */
  public long decisionDelayMillis() {
    return Math.max(0, outages.mergeGap().toMillis() - attribution.tail().toMillis());
  }

  /**
   * How long after a period's end its metrics wait: until no on-time complaint or clear can change them
   * (tail, merge gap), and until every outage started in it knows whether it was restored inside its golden
   * window (at most the largest window, plus a merge gap where it cleared just before it).
   */
  public long metricsCloseDelayMillis() {
    return Math.max(settleAfterClearMillis(), golden.maxWindow().toMillis() + outages.mergeGap().toMillis());
  }

  /** How long after an outage's clear nothing can change its figures any more. */
  public long settleAfterClearMillis() {
    return Math.max(attribution.tail().toMillis(), outages.mergeGap().toMillis());
  }
}
