#!/usr/bin/env bash
# Prints one FaultLink output topic as a dashboard reads it: committed records only (isolation.level=read_committed).
#   jobs/kafka-tail.sh STREAM [--bootstrap HOST:PORT] [--topic-prefix PREFIX] [--last N] [--idle SECONDS]
#   jobs/kafka-tail.sh alerts                 # every committed alert of faultlink.alerts on 127.0.0.1:9092
#   jobs/kafka-tail.sh metrics --last 5 --idle 0   # the last 5 records of each partition, then follows
# Builds the project once if needed (quietly), like jobs/run-local.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
FAULTLINK_HEAP=${FAULTLINK_HEAP:-256m} exec "$here/jobs/analysis-java.sh" com.faultlink.tools.KafkaTail "$@"
