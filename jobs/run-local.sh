#!/usr/bin/env bash
# Runs the whole FaultLink pipeline on an embedded Flink MiniCluster over the file inputs of CONFIG.
#   jobs/run-local.sh CONFIG [--restore CHECKPOINT_OR_SAVEPOINT|latest] [JVM options...]
# --restore latest: the newest completed checkpoint under the config's checkpointing.dir (after a crash or a
# kill -9: docs/failure-cluster.md).
# JVM: FAULTLINK_HEAP (default 2g); FAULTLINK_JAVA_OPTS (default -XX:+UseParallelGC, the throughput collector:
# docs/operations.md "The collector"; set it, even empty, to replace).
# Builds the project once if needed (quietly). Exit 0 when every output is written; otherwise one line
# saying why, and a non-zero exit.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: jobs/run-local.sh CONFIG.yaml [--restore CHECKPOINT_OR_SAVEPOINT|latest]" >&2
  exit 2
fi
config=$1; shift
restore=()
if [ "${1:-}" = "--restore" ] && [ $# -ge 2 ]; then
  restore=(--restore "$2"); shift 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/faultlink-job.jar"
cp_file="$here/target/local-classpath.txt"

needs_build() {
  [ ! -f "$jar" ] || [ ! -f "$cp_file" ] && return 0
  [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]
}
if needs_build; then
  echo "faultlink: building (once)..." >&2
  if ! (cd "$here" && mvn -q -B -DskipTests package >"$here/target-build.log" 2>&1); then
    echo "faultlink: build failed, see $here/target-build.log" >&2
    exit 1
  fi
  rm -f "$here/target-build.log"
fi

# The job's own classes come first; Flink and logging (provided scope) from the local classpath.
# shellcheck disable=SC2086
exec java -Xmx${FAULTLINK_HEAP:-2g} ${FAULTLINK_JAVA_OPTS--XX:+UseParallelGC} \
  --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  --add-opens java.base/java.time=ALL-UNNAMED \
  -Dlog4j.configurationFile="$here/jobs/log4j2-local.properties" \
  "$@" -cp "$here/target/classes:$(cat "$cp_file")" com.faultlink.FaultLinkJob "$config" "${restore[@]}"
