#!/usr/bin/env bash
# The TaskManager-kill drill of docs/failure-cluster.md, on jobs/cluster-local.sh (same environment variables):
#   jobs/kill-drill.sh CONFIG [TIMEOUT_SECONDS]
# starts the cluster, submits CONFIG at parallelism 2, SIGKILLs TaskManager 1 once the first checkpoint has
# completed, shows `status` (exit 1: a job without TaskManager), starts a TaskManager as a supervisor would, and
# waits for the job to end (default at most 3600 s). Prints the wall time from submission to the end, the
# restored checkpoint, each process's peak RSS (VmHWM, sampled every second) and the peak of their sum. Leaves
# the cluster running (jobs/cluster-local.sh stop).
set -uo pipefail
[ $# -ge 1 ] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
config=$1 timeout=${2:-3600}
here=$(cd "$(dirname "$0")/.." && pwd)
c="$here/jobs/cluster-local.sh"
dir=${FAULTLINK_CLUSTER_DIR:-$here/target/cluster-local}
rest="http://127.0.0.1:${FAULTLINK_REST_PORT:-8081}"
status_of() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status" 2>/dev/null; }
say() { echo "kill-drill: $*"; }

"$c" start >/dev/null || exit 1
t0=$SECONDS
job=$("$c" submit "$config" --parallelism 2) || exit 1
say "job $job submitted at $(date -u +%T) UTC"
declare -A peak
peak_sum=0 killed=-1 state=""
while :; do
  state=$(curl -s "$rest/jobs/$job" | grep -o '"state":"[A-Z]*"' | head -n 1 | cut -d'"' -f4)
  sum=0
  for f in "$dir"/pids/*.pid; do
    p=$(cat "$f") n=$(basename "$f" .pid)
    r=$(status_of "$p" VmRSS) && [ -n "$r" ] && sum=$((sum + r))
    h=$(status_of "$p" VmHWM) && [ -n "$h" ] && [ "$h" -gt "${peak[$n]:-0}" ] && peak[$n]=$h
  done
  [ "$sum" -gt "$peak_sum" ] && peak_sum=$sum
  if [ "$killed" -lt 0 ]; then
    completed=$(curl -s "$rest/jobs/$job/checkpoints" | grep -o '"completed":[0-9]*' | head -n 1 | cut -d: -f2)
    if [ "${completed:-0}" -ge 1 ]; then
      kill -9 "$(cat "$dir/pids/taskmanager-1.pid")"
      killed=$((SECONDS - t0))
      say "TaskManager 1 SIGKILLed at +$killed s, after the first completed checkpoint"
      sleep 1
      "$c" status; say "status exit code $?"
      "$c" add-taskmanager
    fi
  fi
  case $state in FINISHED | FAILED | CANCELED) break ;; esac
  [ $((SECONDS - t0)) -lt "$timeout" ] || { say "timed out, job $state"; break; }
  sleep 1
done
say "job $state $((SECONDS - t0)) s after submission (TaskManager killed at +$killed s)"
curl -s "$rest/jobs/$job/checkpoints" | grep -o '"restored":{[^}]*}' | head -n 1
for n in "${!peak[@]}"; do say "peak RSS $n $((peak[$n] / 1024)) MB"; done
say "peak RSS of the cluster's processes together $((peak_sum / 1024)) MB"
[ "$state" = FINISHED ]
