#!/usr/bin/env bash
# Loads input files into Kafka topics, one message per line, byte for byte, at a chosen rate.
#   jobs/kafka-load.sh [--bootstrap 127.0.0.1:9092] [--topic-prefix faultlink.] [--rate LINES_PER_SECOND]
#                      [--partitions 2] [--alarms FILE] [--complaints FILE] [--works FILE|none]
# Defaults: the local broker of jobs/kafka-local.sh, topics faultlink.alarms, faultlink.complaints and
# faultlink.works (created with 2 partitions if missing), the files of sample-data/, as fast as possible.
# Builds the project once if needed (quietly), like jobs/run-local.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cp_file="$here/target/local-classpath.txt"
if [ ! -f "$cp_file" ] || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$cp_file" -print -quit 2>/dev/null)" ]; then
  echo "kafka-load: building (once)..." >&2
  mkdir -p "$here/target"
  if ! (cd "$here" && mvn -q -B -DskipTests package >"$here/target/build.log" 2>&1); then
    echo "kafka-load: build failed, see $here/target/build.log" >&2
    exit 1
  fi
fi
exec java -Xmx512m -Dlog4j.configurationFile="$here/jobs/log4j2-local.properties" \
  -cp "$here/target/classes:$(cat "$cp_file")" com.faultlink.tools.KafkaLoad "$@"
