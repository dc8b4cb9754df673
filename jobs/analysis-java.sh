#!/usr/bin/env bash
# Shared by jobs/replay.sh, jobs/sweep.sh and jobs/report.sh: builds the project once if needed (quietly) and
# runs one of FaultLink's analysis tools on the local classpath (the job's classes, then Flink and logging).
#   jobs/analysis-java.sh MAIN_CLASS [ARGS...]        JVM options: FAULTLINK_HEAP (default 2g), FAULTLINK_JAVA_OPTS
#                                                     (default -XX:+UseParallelGC; set it, even empty, to replace)
# Replays are batch work: the throughput collector beat G1 on the province-month by ~20 % CPU and ~700 MB RSS
# with identical outputs (docs/analysts.md "Scale: a province-month").
set -euo pipefail
main=$1; shift
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
# The progress bar redraws one line when standard error is a terminal, else prints a line every few seconds.
if [ -t 2 ]; then export FAULTLINK_TTY=1; else export FAULTLINK_TTY=0; fi
# shellcheck disable=SC2086
exec java -Xmx${FAULTLINK_HEAP:-2g} ${FAULTLINK_JAVA_OPTS--XX:+UseParallelGC} \
  --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  --add-opens java.base/java.time=ALL-UNNAMED \
  -Dlog4j.configurationFile="$here/jobs/log4j2-local.properties" \
  -cp "$here/target/classes:$(cat "$cp_file")" "$main" "$@"
