#!/usr/bin/env bash
# FaultLink benchmarks (docs/development.md "Benchmarks"). Not part of the tests; built with the Maven profile `bench` into
# target/bench/ (the job jar, target/classes and the tests are untouched).
#
#   jobs/bench.sh [--days N | --lines N | --province-month] [--storm] [--no-sql] [--checkpoint-interval D]
#                 [--warmup-days N] [--data DIR]
#       End to end: generates (once, kept under DIR, default /tmp/bench-data) an input set of N days (default 4,
#       about 74 000 lines a day), of about N lines, or the province-month (10 M lines, 4 GB: the size at which
#       a steady state is reached), then measures, each run in a JVM of its own:
#       the pipeline at parallelism 1 and 2, the parse-only ceiling, the Flink SQL peer and, with --storm, the
#       pipeline at parallelism 2 over the same set with a 100 000-alarm storm. The pipeline runs take a
#       checkpoint every 2 s (the config's default, as jobs/run-local.sh runs it); --checkpoint-interval D (ISO-8601, e.g. PT10M:
#       as a replay, one checkpoint at the end) sets another interval for every pipeline run. Each pipeline and SQL
#       run first runs its job once over the same set, unmeasured, in the same JVM, then the measured run: the
#       code is compiled by then, as in a long-lived TaskManager (the ceiling, too, then reads the files once
#       before its timed pass, and is measured again after the other runs); --warmup-days N warms up on an
#       N-day set instead (generated once), --warmup-days 0 measures a cold JVM (the first rounds' figures).
#       Prints a table; the raw figures
#       go to DIR/results-<time>.properties, the table to DIR/results-<time>.txt, each run's log to DIR/logs/.
#   jobs/bench.sh ... --dense [--dense-days N] [--density K] [--dense-only]
#       Also (issue 21) a set where outages are dense (BenchData --dense: five cities of about 2 000 sites within
#       20 x 20 km, 8 000 outages a day times K (default 1; the noise is lowered to keep the line count), 30 % of them
#       causing complaints; N days, default 7), generated once into DIR/dense-Nd-xK/, and measured in the same run
#       as the other set: its own parse-only ceiling before and after, the pipeline at parallelism 2 (warmed up as
#       above), the SQL peer, and the whole process cold (FaultLinkJob at parallelism 2 as jobs/run-local.sh runs it,
#       start-up included, /usr/bin/time: wall, CPU, peak RSS) and its start-up floor (the same on the set's first
#       2 250 lines). --dense-only measures the dense set alone;
#       --no-process leaves the whole-process run out (the scaling series in docs/benchmarks.md).
#   jobs/bench.sh --jmh [JMH options...]
#       JMH microbenchmarks of the hot paths (parsing, neighbour lookup, attribution) with short defaults
#       (1 fork, 4 × 3 s warm-up — the JIT is slow on a loaded machine —, 3 × 2 s measurement, stop at the
#       first error: about 3½ minutes); options after --jmh replace them and are JMH's own (e.g. a regex to
#       pick benchmarks, -f 2 -i 10 for steadier figures).
#   jobs/bench.sh --latency [--rate N] [--seconds S] [--warmup S] [--out-of-orderness PT2S] [--checkpoint-interval PT1S]
#       Latency through Kafka at a steady input rate (LatencyBench): starts a broker of its own
#       (jobs/kafka-local.sh, free ports, data in DIR/kafka-latency, stopped at the end), runs the job with
#       unbounded Kafka sources and exactly-once Kafka sinks, sends N lines/s (default 100) of live alarms and
#       complaints, and measures complaint sent → attribution read and breach instant → GOLDEN_WINDOW_BREACHED
#       read (p50, p99, max; HdrHistogram) for S seconds (default 120) after a warm-up (default 20 s); the job's
#       outOfOrderness and checkpointing.interval, what the latency is made of, can be changed. Figures
#       to DIR/latency-<time>.properties, the table to DIR/latency-<time>.txt, the log to DIR/logs/latency.log.
#
# Environment, as for jobs/run-local.sh: FAULTLINK_HEAP (default 2g) is each run's heap, FAULTLINK_JAVA_OPTS each
# run's further JVM options (default -XX:+UseParallelGC; e.g. -XX:+UseG1GC to compare collectors).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=/tmp/bench-data
size=(--days 4)
storm=0
checkpoint_interval=
warmup_days=same
sql=1
jmh=0
jmh_args=()
latency=0
latency_args=()
dense=0
dense_only=0
dense_days=7
density=1
process=1
while [ $# -gt 0 ]; do
  case "$1" in
    --days) size=(--days "$2"); shift 2 ;;
    --lines) size=(--lines "$2"); shift 2 ;;
    --province-month) size=(--province-month); shift ;;
    --storm) storm=1; shift ;;
    --checkpoint-interval) checkpoint_interval=$2; latency_args+=("$1" "$2"); shift 2 ;;   # either mode's
    --no-sql) sql=0; shift ;;
    --dense) dense=1; shift ;;
    --dense-only) dense=1; dense_only=1; shift ;;
    --dense-days) dense_days=$2; shift 2 ;;
    --density) density=$2; shift 2 ;;
    --no-process) process=0; shift ;;
    --warmup-days) warmup_days=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --jmh) jmh=1; shift; jmh_args=("$@"); break ;;
    --latency) latency=1; shift ;;
    --rate|--seconds|--warmup|--out-of-orderness) latency_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,43p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1 (see jobs/bench.sh --help)" >&2; exit 2 ;;
  esac
done

# Build the bench profile quietly, offline first; online once where it lacks an artifact.
mkdir -p "$here/target"
log="$here/target/bench-build.log"
if ! (cd "$here" && mvn -o -q -B -Pbench process-classes >"$log" 2>&1); then
  echo "bench: offline build failed; trying once with the network (new artifacts for the bench profile)..." >&2
  if ! (cd "$here" && mvn -q -B -Pbench process-classes >"$log" 2>&1); then
    echo "bench: build failed, see $log" >&2
    exit 1
  fi
fi
cp="$here/target/bench/classes:$(cat "$here/target/bench/bench-classpath.txt")"
# shellcheck disable=SC2206
jvm=(java -Xmx"${FAULTLINK_HEAP:-2g}" ${FAULTLINK_JAVA_OPTS--XX:+UseParallelGC}
  --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED
  --add-opens java.base/java.time=ALL-UNNAMED
  -Dlog4j.configurationFile="$here/jobs/log4j2-local.properties" -cp "$cp")

if [ "$jmh" = 1 ]; then
  if [ ${#jmh_args[@]} -eq 0 ]; then
    jmh_args=(-f 1 -wi 4 -w 3s -i 3 -r 2s -foe true)
  fi
  cd "$here"   # the benchmarks read sample-data/cells.csv
  echo "bench: JMH, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
  exec "${jvm[@]}" org.openjdk.jmh.Main "${jmh_args[@]}"
fi

if [ "$latency" = 1 ]; then
  cd "$here"   # the job and the load read sample-data/
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
  export KAFKA_LOCAL_HOME="$data/kafka-latency" KAFKA_LOCAL_PORT=$(free_port) KAFKA_LOCAL_CONTROLLER_PORT=$(free_port)
  rm -rf "$KAFKA_LOCAL_HOME"   # a fresh broker: no earlier run's lines in the topics
  mkdir -p "$data/logs"
  trap 'jobs/kafka-local.sh stop >/dev/null 2>&1 || true' EXIT
  jobs/kafka-local.sh start >/dev/null
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  results="$data/latency-$stamp.properties"
  {
    echo "run.date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "run.cores=$(nproc)"
    echo "run.loadBefore=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
  } >"$results"
  echo "bench: latency through Kafka (broker 127.0.0.1:$KAFKA_LOCAL_PORT, load $(cut -d' ' -f1-3 /proc/loadavg))..." >&2
  if ! "${jvm[@]}" com.faultlink.bench.LatencyBench --bootstrap "127.0.0.1:$KAFKA_LOCAL_PORT" "${latency_args[@]}" \
      --results "$results" >"$data/logs/latency.log.out" 2>"$data/logs/latency.log"; then
    echo "bench: latency failed, see $data/logs/latency.log" >&2
    exit 1
  fi
  echo "run.loadAfter=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')" >>"$results"
  { cat "$data/logs/latency.log.out"; echo "load average before $(sed -n 's/^run.loadBefore=//p' "$results"), after $(sed -n 's/^run.loadAfter=//p' "$results") ($(nproc) cores)"; } \
    | tee "${results%.properties}.txt"
  echo "bench: figures in $results, table in ${results%.properties}.txt" >&2
  exit 0
fi

mkdir -p "$data/logs" "$data/out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$data/results-$stamp.properties"
load() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }
{
  echo "run.date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "run.cores=$(nproc)"
  echo "run.loadBefore=$(load)"
} >"$results"

run() { # label main-class args...
  local label=$1; shift
  echo "bench: $label (load $(load))..." >&2
  if ! "${jvm[@]}" "$@" --label "$label" --results "$results" >"$data/logs/$label.log" 2>&1; then
    echo "bench: $label failed, see $data/logs/$label.log" >&2
    exit 1
  fi
  grep '^bench: ' "$data/logs/$label.log" >&2 || true
}

with_interval() { # CONFIG → the config to run: CONFIG itself, or a copy with --checkpoint-interval
  if [ -z "$checkpoint_interval" ]; then echo "$1"; return; fi
  local copy="$data/logs/$(basename "$(dirname "$1")")-checkpoints-$checkpoint_interval.yaml"
  { cat "$1"; printf 'checkpointing:\n  interval: %s\n' "$checkpoint_interval"; } >"$copy"
  echo "$copy"
}
if [ "$dense_only" = 0 ]; then
  storm_flag=()
  [ "$storm" = 1 ] && storm_flag=(--storm)
  "${jvm[@]}" com.faultlink.bench.BenchData --dir "$data" "${size[@]}" "${storm_flag[@]}" >>"$results"
  set_dir=$(sed -n 's/^data=//p' "$results")
  echo "run.days=$(sed -n 's/^days=//p' "$results")" >>"$results"
  config="$set_dir/bench.yaml"
  pipeline_config=$(with_interval "$config")
  warmup=()
  ceiling_warmup=()
  if [ "$warmup_days" = same ]; then
    warmup=(--warmup "$pipeline_config")
    ceiling_warmup=(--warmup-lines all)   # as long a warm-up as the pipeline's
    echo "run.warmup=the same set" >>"$results"
  elif [ "$warmup_days" != 0 ]; then
    warmup_dir=$("${jvm[@]}" com.faultlink.bench.BenchData --dir "$data" --days "$warmup_days" | sed -n 's/^data=//p')
    warmup=(--warmup "$(with_interval "$warmup_dir/bench.yaml")")
    echo "run.warmup=$warmup_days days ($warmup_dir)" >>"$results"
  else
    echo "run.warmup=none (cold JVM)" >>"$results"
  fi

  run ceiling com.faultlink.bench.ParseCeiling --config "$config" "${ceiling_warmup[@]}"
  run p1 com.faultlink.bench.PipelineBench --config "$pipeline_config" --parallelism 1 --out "$data/out/p1" "${warmup[@]}"
  window=()
  if [ "$storm" = 1 ]; then   # the storm's ten minutes, watched at the attributions in both runs
    window=(--window "$(sed -n 's/^stormStart=//p' "$results")" "$(sed -n 's/^stormEnd=//p' "$results")")
  fi
  run p2 com.faultlink.bench.PipelineBench --config "$pipeline_config" --parallelism 2 --out "$data/out/p2" "${window[@]}" \
    "${warmup[@]}"
  if [ "$sql" = 1 ]; then
    run sql com.faultlink.bench.SqlPeer --config "$pipeline_config" --parallelism 2 --out "$data/out/sql" "${warmup[@]}"
  fi
  if [ "$storm" = 1 ]; then
    storm_dir=$(sed -n 's/^storm=//p' "$results")
    run storm com.faultlink.bench.PipelineBench --config "$(with_interval "$storm_dir/bench.yaml")" --parallelism 2 \
      --out "$data/out/storm" --storm "${window[@]}" "${warmup[@]}"
    region=$(sed -n 's/^stormRegion=//p' "$results")
    minute=$(sed -n 's/^stormStart=//p' "$results" | cut -c1-15)   # 2026-10-07T10:0 = the storm's ten minutes
    mass=$(cat "$data/out/storm/alerts/"* 2>/dev/null | grep '"type":"MASS_OUTAGE"' | grep "\"region\":\"$region\"" \
      | grep -c "\"at\":\"$minute" || true)
    echo "storm.massOutageAlertsInRegion=$mass" >>"$results"
  fi
  # The ceiling again at the end: the machine's speed can change during a run of several minutes, and the ratios are
  # taken against the faster of the two (the stricter comparison).
  run ceilingAfter com.faultlink.bench.ParseCeiling --config "$config" "${ceiling_warmup[@]}"
fi
# The whole process, cold, as jobs/run-local.sh runs it (JVM start, job graph, the run, the end), under
# /usr/bin/time: LABEL.seconds, .userSeconds, .systemSeconds and .peakRssKb go to the results.
whole_process() { # LABEL CONFIG
  local label=$1 config=$2
  echo "bench: $label (load $(load))..." >&2
  if ! /usr/bin/time -f "$label.seconds=%e\n$label.userSeconds=%U\n$label.systemSeconds=%S\n$label.peakRssKb=%M" \
      -o "$data/logs/$label.time" "${jvm[@]}" com.faultlink.FaultLinkJob "$config" >"$data/logs/$label.log" 2>&1; then
    echo "bench: $label failed, see $data/logs/$label.log" >&2
    exit 1
  fi
  grep "^$label\." "$data/logs/$label.time" >>"$results"
}
if [ "$dense" = 1 ]; then
  # The dense set, interleaved in the same run: its ceiling, the pipeline, the peer, the whole process, the ceiling.
  "${jvm[@]}" com.faultlink.bench.BenchData --dir "$data" --dense --days "$dense_days" --density "$density" >>"$results"
  dense_dir=$(sed -n 's/^dense=//p' "$results")
  dense_config="$dense_dir/bench.yaml"
  dense_pipeline=$(with_interval "$dense_config")
  dense_warmup=()
  [ "$warmup_days" != 0 ] && dense_warmup=(--warmup "$dense_pipeline")
  echo "denseWarmup=$([ "$warmup_days" != 0 ] && echo warm || echo cold)" >>"$results"
  run denseCeiling com.faultlink.bench.ParseCeiling --config "$dense_config" --warmup-lines all
  run denseP2 com.faultlink.bench.PipelineBench --config "$dense_pipeline" --parallelism 2 --out "$data/out/dense-p2" \
    "${dense_warmup[@]}"
  if [ "$sql" = 1 ]; then
    run denseSql com.faultlink.bench.SqlPeer --config "$dense_pipeline" --parallelism 2 --out "$data/out/dense-sql" \
      "${dense_warmup[@]}"
  fi
  # The whole process, cold, as jobs/run-local.sh runs it: JVM start, job graph, the run, the end.
  if [ "$process" = 1 ]; then
  process_config="$data/logs/dense-process.yaml"
  { cat "$dense_pipeline"; printf 'parallelism: 2\n'; } >"$process_config"
  whole_process denseProcess "$process_config"
  # The start-up floor: the same process, cells and config on the set's first lines only (a couple of thousand),
  # so that the fixed cost of a cold JVM and an embedded cluster (start, job graph, JIT, the end) is measured
  # beside the whole run, not guessed.
  floor_dir="$dense_dir/floor"
  mkdir -p "$floor_dir"
  head -n 2000 "$dense_dir/alarms.jsonl" >"$floor_dir/alarms.jsonl"
  head -n 200 "$dense_dir/complaints.jsonl" >"$floor_dir/complaints.jsonl"
  head -n 50 "$dense_dir/works.jsonl" >"$floor_dir/works.jsonl"
  floor_config="$data/logs/dense-floor.yaml"
  sed -e "s#$dense_dir/alarms.jsonl#$floor_dir/alarms.jsonl#; s#$dense_dir/complaints.jsonl#$floor_dir/complaints.jsonl#" \
      -e "s#$dense_dir/works.jsonl#$floor_dir/works.jsonl#; s#$dense_dir/out#$floor_dir/out#" "$process_config" >"$floor_config"
  echo "denseFloor.lines=$(cat "$floor_dir"/alarms.jsonl "$floor_dir"/complaints.jsonl "$floor_dir"/works.jsonl | wc -l)" \
      >>"$results"
  whole_process denseFloor "$floor_config"
  fi
  run denseCeilingAfter com.faultlink.bench.ParseCeiling --config "$dense_config" --warmup-lines all
fi
echo "run.loadAfter=$(load)" >>"$results"

"${jvm[@]}" com.faultlink.bench.BenchSummary "$results" | tee "${results%.properties}.txt"
echo "bench: figures in $results, table in ${results%.properties}.txt" >&2
