package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Checkpoints: how often, with which guarantee, and where.
 *
 * @param interval checkpoint interval; file outputs are finished on checkpoints
 * @param exactlyOnce {@code mode: exactly-once} (default) or {@code at-least-once}
 * @param dir checkpoint storage folder or URI; null: a temporary folder for local runs, the cluster's own
 *     {@code execution.checkpointing.dir} on a cluster
 */
public record CheckpointingConfig(Duration interval, boolean exactlyOnce, String dir) implements Serializable {

  static CheckpointingConfig read(ConfigNode node) {
    String mode = node.oneOf("mode", "exactly-once", "exactly-once", "at-least-once");
    return new CheckpointingConfig(node.duration("interval", Duration.ofSeconds(2), false),
        "exactly-once".equals(mode), node.storageLocation("dir"));
  }
}
