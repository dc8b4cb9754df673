#!/usr/bin/env bash
# Replays history: the whole pipeline over CONFIG's file inputs as fast as it goes (streaming execution,
# no periodic checkpoints), a progress bar on the terminal, every output stream under sinks.dir (or --out DIR).
#   jobs/replay.sh CONFIG [--out DIR] [--parallelism N]
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: jobs/replay.sh CONFIG [--out DIR] [--parallelism N]" >&2
  exit 2
fi
exec "$(dirname "$0")/analysis-java.sh" com.faultlink.analysis.Replay "$@"
