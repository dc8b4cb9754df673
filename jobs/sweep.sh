#!/usr/bin/env bash
# Parameter sweep: one replay per combination of SWEEP.yaml's values (each into <out>/run-NN/ with the config
# it ran), then a comparison table, printed and written to <out>/comparison.csv. Example: config/sweep.yaml.
#   jobs/sweep.sh SWEEP.yaml
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: jobs/sweep.sh SWEEP.yaml" >&2
  exit 2
fi
exec "$(dirname "$0")/analysis-java.sh" com.faultlink.analysis.Sweep "$@"
