package com.faultlink.io.output;

/**
 * One output line with its Kafka record key. The file sinks write {@code line}; the Kafka sinks write {@code
 * line} as the record value and {@code key} as its key (see {@link KafkaOutputs} for which field each stream
 * is keyed by).
 *
 * @param key the record key; null: none (the producer spreads such records over the partitions)
 * @param line the JSON of the record, as in the file output
 */
public record KeyedLine(String key, String line) {}
