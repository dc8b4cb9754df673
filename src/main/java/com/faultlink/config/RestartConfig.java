package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the job does after a failure (a lost TaskManager, a failed checkpoint): restart from the latest
 * checkpoint.
 *
 * @param strategy {@code exponential-delay} (default: waits {@code delay}, doubling up to {@code maxDelay},
 *     forever), {@code fixed-delay} ({@code attempts} tries, {@code delay} apart) or {@code none}
 */
public record RestartConfig(String strategy, int attempts, Duration delay, Duration maxDelay) implements Serializable {
  public static final String EXPONENTIAL = "exponential-delay";
  public static final String FIXED = "fixed-delay";
  public static final String NONE = "none";

  static RestartConfig read(ConfigNode node) {
    return new RestartConfig(node.oneOf("strategy", EXPONENTIAL, EXPONENTIAL, FIXED, NONE),
        node.integer("attempts", 10, 1, 1_000_000), node.duration("delay", Duration.ofSeconds(1), false),
        node.duration("maxDelay", Duration.ofMinutes(1), false));
  }
}
