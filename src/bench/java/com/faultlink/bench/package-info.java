/**
 * Benchmarks of FaultLink (built only with {@code mvn -Pbench}; run through {@code jobs/bench.sh}): the
 * end-to-end pipeline, the parse-only ceiling, the Flink SQL peer, the alarm storm and JMH microbenchmarks.
 */
package com.faultlink.bench;
