#!/usr/bin/env bash
# Prints one FaultLink output topic as a dashboard reads it: committed records only (isolation.level=read_committed).
#   jobs/kafka-tail.sh STREAM [--bootstrap HOST:PORT] [--topic-prefix PREFIX] [--last N] [--idle SECONDS]
#   jobs/kafka-tail.sh alerts                 # every committed alert of faultlink.alerts on 127.0.0.1:9092
#   jobs/kafka-tail.sh metrics --last 5 --idle 0   # the last 5 records of each partition, then follows
# Builds the project once if needed (quietly), like jobs/run-local.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cp_file="$here/target/local-classpath.txt"
if [ ! -f "$cp_file" ] || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$cp_file" -print -quit 2>/dev/null)" ]; then
  echo "kafka-tail: building (once)..." >&2
  mkdir -p "$here/target"
  if ! (cd "$here" && mvn -q -B -DskipTests package >"$here/target/build.log" 2>&1); then
    echo "kafka-tail: build failed, see $here/target/build.log" >&2
    exit 1
  fi
fi
exec java -Xmx256m -Dlog4j.configurationFile="$here/jobs/log4j2-local.properties" \
  -cp "$here/target/classes:$(cat "$cp_file")" com.faultlink.tools.KafkaTail "$@"
