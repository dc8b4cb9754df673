package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Event time in live runs. On an unbounded source (a Kafka topic read without {@code bounded: true}), when
 * no event has arrived for {@code idleAfter}, the watermark follows the wall clock (minus the
 * out-of-orderness), so timers such as a night-time golden-window breach fire on time although nothing
 * else happens. Bounded inputs (files, bounded topics) never use it: they end with the final watermark.
 *
 * @param followWallClockWhenIdle whether unbounded sources advance event time with the wall clock when quiet
 * @param idleAfter how long without events before they do
 */
public record WatermarkConfig(boolean followWallClockWhenIdle, Duration idleAfter) implements Serializable {

  static WatermarkConfig read(ConfigNode node) {
    return new WatermarkConfig(node.bool("followWallClockWhenIdle", true),
        node.duration("idleAfter", Duration.ofMinutes(1), false));
  }
}
