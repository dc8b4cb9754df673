#!/usr/bin/env bash
# The analysts' report: one self-contained HTML page (charts inline, labels in English and Chinese) of a run's
# outputs for a period: weekly city table, complaints per 10k by category and month, golden window, top outages
# by complaints, repeat-complainant rate per city.
#   jobs/report.sh OUTDIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out report.html]
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: jobs/report.sh OUTDIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out report.html]" >&2
  exit 2
fi
exec "$(dirname "$0")/analysis-java.sh" com.faultlink.analysis.Report "$@"
