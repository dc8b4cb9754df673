package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where and how long keyed state lives.
 *
 * @param backend {@code hashmap} (state on the heap: fast, sized by memory) or {@code rocksdb} (state on
 *     local disk, incremental checkpoints: for large state)
 * @param maxParallelism the number of key groups: the highest parallelism the job can ever be scaled to
 *     from its savepoints. Fixed for the life of a job's state.
 * @param ttl no longer used (accepted so older configs load): a processing-time TTL expired alarm-pairing state
 *     that event time still needed, and lost clears; all state is now bounded in event time (docs/state.md)
 */
public record StateConfig(String backend, int maxParallelism, Duration ttl) implements Serializable {
  public static final String HASHMAP = "hashmap";
  public static final String ROCKSDB = "rocksdb";

  static StateConfig read(ConfigNode node) {
    return new StateConfig(node.oneOf("backend", HASHMAP, HASHMAP, ROCKSDB),
        node.integer("maxParallelism", 128, 1, 32_768), node.duration("ttl", Duration.ofDays(30), false));
  }

  public boolean rocksDb() {
    return ROCKSDB.equals(backend);
  }
}
