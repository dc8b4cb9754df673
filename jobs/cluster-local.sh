#!/usr/bin/env bash
# A real standalone Flink 2.2 cluster on 127.0.0.1 — a JobManager and TaskManagers as separate processes —
# and the commands to run FaultLink on it.
#
#   jobs/cluster-local.sh start                      start the cluster; prints its REST address http://127.0.0.1:PORT
#   jobs/cluster-local.sh start-application CONFIG [--parallelism N] [--from-savepoint PATH [--allow-non-restored-state]]
#                                                    application mode instead: a JobManager that runs the job jar with
#                                                    CONFIG at once, and a TaskManager; prints the REST address, then
#                                                    the job id. The JobManager ends when the job has (stop: the rest)
#   jobs/cluster-local.sh submit CONFIG [--parallelism N] [--from-savepoint PATH [--allow-non-restored-state]]
#                                                    upload target/faultlink-job.jar and run it with CONFIG;
#                                                    prints the job id (32 hex digits)
#   jobs/cluster-local.sh add-taskmanager            start one more TaskManager (as a supervisor would after a crash)
#   jobs/cluster-local.sh savepoint JOB_ID [--stop]  take a savepoint (--stop: and stop the job with it); prints its path
#   jobs/cluster-local.sh cancel JOB_ID              cancel the job (its latest checkpoint is kept)
#   jobs/cluster-local.sh status                     processes (a dead one with why it ended), REST address, jobs (an
#                                                    ended application's from its archive); exit 1 when a job that has
#                                                    not ended has no live TaskManager (it waits for one, forever)
#   jobs/cluster-local.sh stop                       stop every process of the cluster
#   jobs/cluster-local.sh prepare                    resolve the cluster's classpath only (.ci/run does this first)
#
# flink-dist is not on Maven Central: the cluster's classpath is Flink's modules resolved by Maven from
# jobs/cluster/pom.xml. Java 17 with the --add-opens/--add-exports list of flink-dist's config.yaml.
#
# Settings (environment variables, with defaults):
#   FAULTLINK_CLUSTER_DIR   target/cluster-local    config, logs, pid files, checkpoints, savepoints
#   FAULTLINK_REST_PORT     8081                    web UI and REST API
#   FAULTLINK_RPC_PORT      6123                    JobManager RPC
#   FAULTLINK_PROMETHEUS_PORTS 9249-9259            Prometheus reporter: each process takes the next free port
#   FAULTLINK_TM_SLOTS      2                       task slots per TaskManager
#   FAULTLINK_TM_MEMORY     2560m                   TaskManager process size (heap backend: a 1.7 GiB heap, which a
#                                                   province-month needs; see docs/failure-cluster.md)
#   FAULTLINK_STATE_BACKEND hashmap                 hashmap: state on the heap, no managed memory (all of it is heap);
#                                                   rocksdb: Flink's managed memory (40 %) for RocksDB. Must match the
#                                                   jobs' own state.backend (FaultLink's default: hashmap)
#   FAULTLINK_HEAP_DUMPS    unset                   a folder: a process that runs out of memory writes a heap dump there
#   FAULTLINK_TM_JAVA_OPTS  unset                   further JVM options of the TaskManagers started by this command
#                                                   (after the script's own, so they win: e.g. -XX:+UseG1GC)
#   FAULTLINK_JM_MEMORY     1024m                   JobManager process size
#   FAULTLINK_HEARTBEAT_TIMEOUT 10000               ms without a heartbeat before a TaskManager counts as lost
#   FAULTLINK_NO_BUILD      unset                   1: never build the job jar (tests inside a Maven build)
#   FAULTLINK_CUSTOMER_KEY_SECRET unset             the key subscriber numbers are hashed with. Read where the job's
#                                                   main runs (the JobManager: set it before start/start-application);
#                                                   without it (or privacy.customerKeySecret) a submission is refused
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
dir=${FAULTLINK_CLUSTER_DIR:-$here/target/cluster-local}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rest_port=${FAULTLINK_REST_PORT:-8081}
rpc_port=${FAULTLINK_RPC_PORT:-6123}
prom_ports=${FAULTLINK_PROMETHEUS_PORTS:-9249-9259}
tm_slots=${FAULTLINK_TM_SLOTS:-2}
tm_memory=${FAULTLINK_TM_MEMORY:-2560m}
state_backend=${FAULTLINK_STATE_BACKEND:-hashmap}
heap_dumps=${FAULTLINK_HEAP_DUMPS:-}
jm_memory=${FAULTLINK_JM_MEMORY:-1024m}
heartbeat_timeout=${FAULTLINK_HEARTBEAT_TIMEOUT:-10000}
rest="http://127.0.0.1:$rest_port"
conf="$dir/conf"
logs="$dir/log"
pids="$dir/pids"
classpath_file="$here/target/cluster/classpath.txt"
jar="$here/target/faultlink-job.jar"
# Application mode: a FLINK_HOME-like folder whose usrlib/ holds the job jar, the processes' working directory.
app_home="$dir/application"
archive="$dir/completed-jobs"

# flink-dist's env.java.opts.all for Java 17 (flink-dist/src/main/resources/config.yaml).
java_opts_all="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

# TaskManagers run the throughput collector, as jobs/run-local.sh: the job's pauses (at most half a second at
# full speed) are small beside its event-time latency (docs/operations.md "The collector").
java_opts_taskmanager="-XX:+UseParallelGC ${FAULTLINK_TM_JAVA_OPTS:-}"
# A process out of memory ends at once, with the JVM's "Terminating due to java.lang.OutOfMemoryError: ..." in its
# .out file, instead of living on in a collector loop that neither works nor lets a supervisor replace it.
java_opts_oom="-XX:+ExitOnOutOfMemoryError"
if [ -n "$heap_dumps" ]; then
  mkdir -p "$heap_dumps"
  java_opts_oom="$java_opts_oom -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$(cd "$heap_dumps" && pwd)"
fi

say() { echo "cluster-local: $*" >&2; }
die() { say "$*"; exit 1; }

case $state_backend in hashmap | rocksdb) ;; *) die "FAULTLINK_STATE_BACKEND must be hashmap or rocksdb, not $state_backend" ;; esac

usage() {
  sed -n '2,41p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- building blocks ------------------------------------------------------------------------------------

classpath() {
  if [ ! -s "$classpath_file" ] || [ "$here/jobs/cluster/pom.xml" -nt "$classpath_file" ]; then
    say "resolving Flink's modules (once)..."
    mkdir -p "$(dirname "$classpath_file")"
    mvn -B -q -ntp -f "$here/jobs/cluster/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$classpath_file" >"$dir/classpath-build.log" 2>&1 \
      || die "could not resolve the cluster's classpath, see $dir/classpath-build.log"
  fi
  cat "$classpath_file"
}

job_jar() {
  if [ "${FAULTLINK_NO_BUILD:-}" = 1 ]; then
    [ -f "$jar" ] || die "no job jar at $jar (run mvn package)"
    return
  fi
  if [ ! -f "$jar" ] || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    say "building the job jar (once)..."
    (cd "$here" && mvn -B -q -ntp -DskipTests package >"$dir/jar-build.log" 2>&1) \
      || die "build failed, see $dir/jar-build.log"
  fi
}

# Managed memory is off-heap memory that only RocksDB (and batch operators) use. Under the heap backend Flink's
# default 40 % of it would sit idle while the state, the records in flight and the job's own tables share what is
# left: at 1600m a 448 MiB heap, too small for a province-month ("GC overhead limit exceeded"). So the heap backend
# gets all of it as heap; a job that chooses RocksDB all the same gets a fixed 64 MiB per slot outside it.
memory_for_state() {
  if [ "$state_backend" = hashmap ]; then
    echo "taskmanager.memory.managed.size: 0"
    echo "state.backend.rocksdb.memory.fixed-per-slot: 64m"
  else
    echo "taskmanager.memory.managed.fraction: 0.4"
  fi
}

write_config() {
  mkdir -p "$conf" "$logs" "$pids" "$dir/checkpoints" "$dir/savepoints" "$dir/web-upload" "$dir/tmp"
  cat >"$conf/config.yaml" <<EOF
# Written by jobs/cluster-local.sh: a standalone Flink cluster on 127.0.0.1.
env.java.opts.all: $java_opts_all
env.java.opts.taskmanager: $java_opts_taskmanager $java_opts_oom
env.java.opts.jobmanager: $java_opts_oom
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $rpc_port
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: $jm_memory
jobmanager.execution.failover-strategy: region
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: $tm_slots
taskmanager.memory.process.size: $tm_memory
$(memory_for_state)
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $rest_port
parallelism.default: 1
heartbeat.interval: 2000
heartbeat.timeout: $heartbeat_timeout
# Checkpoints and savepoints of jobs that do not name their own (FaultLink: checkpointing.dir).
execution.checkpointing.dir: file://$dir/checkpoints
execution.checkpointing.savepoint-dir: file://$dir/savepoints
execution.checkpointing.externalized-checkpoint-retention: RETAIN_ON_CANCELLATION
state.backend.type: $state_backend
web.upload.dir: $dir/web-upload
io.tmp.dirs: $dir/tmp
# Prometheus: every process serves /metrics on the next free port of the range.
metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
metrics.reporter.prom.port: $prom_ports
EOF
  cat >"$conf/log4j.properties" <<'EOF'
# One log file per process (log.file is set on each command line).
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = RollingFile
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.filePattern = ${sys:log.file}.%i
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
appender.main.policies.type = Policies
appender.main.policies.size.type = SizeBasedTriggeringPolicy
appender.main.policies.size.size = 100MB
appender.main.strategy.type = DefaultRolloverStrategy
appender.main.strategy.max = 5
logger.pekko.name = org.apache.pekko
logger.pekko.level = INFO
logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
logger.netty.level = OFF
EOF
}

# BashJavaUtils computes a process's JVM memory flags and its dynamic memory settings, as Flink's own
# jobmanager.sh / taskmanager.sh do. Prints two lines: JVM flags, then -D settings.
resource_params() { # resource_params COMMAND CLASSPATH [-D KEY=VALUE ...]
  local cmd=$1 cp=$2 out
  shift 2
  out=$(java -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$cmd" --configDir "$conf" "$@" 2>&1) \
    || die "BashJavaUtils $cmd failed: $out"
  echo "$out" | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://' | tail -n 2
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

application_mode() { [ "$(cat "$pids/mode" 2>/dev/null)" = application ]; }

launch() { # launch NAME MAIN PARAMS CLASSPATH [ARGUMENTS after the process's own settings]
  local name=$1 main=$2 params=$3 cp=$4
  shift 4
  local jvm dynamic own=
  jvm=$(echo "$params" | head -n 1)
  dynamic=$(echo "$params" | tail -n 1)
  rm -f "$pids/$name.pid" "$pids/$name.exit"
  # A watcher shell waits for the process and records how it ended (pids/NAME.exit, and one line at the end of
  # its log), so that status can say why a process is gone. It holds none of this script's outputs: not its
  # standard ones (redirected below) and not the copies bash keeps while a caller's redirection is in force
  # (start_taskmanager >/dev/null), which would keep a caller that reads this script's output to its end waiting.
  (
    local me=$BASHPID # this shell's: in $(...) below, BASHPID is the substitution's
    for fd in $(ls "/proc/$me/fd"); do
      if [ "$fd" -gt 2 ] && [ "$fd" != 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    if application_mode; then
      # As in Flink's image: FLINK_HOME/usrlib holds the job jar, found through FLINK_LIB_DIR's parent; the
      # user classpath is relative to the working directory, so every process of the cluster runs there.
      cd "$app_home"
      export FLINK_LIB_DIR="$app_home/lib"
    fi
    case $name in taskmanager-*) own=$java_opts_taskmanager ;; esac
    # shellcheck disable=SC2086 # the flag lists are meant to split
    nohup java $jvm $java_opts_all $java_opts_oom $own \
      -Dlog.file="$logs/$name.log" -Dlog4j.configurationFile="file:$conf/log4j.properties" \
      -cp "$cp" "$main" --configDir "$conf" $dynamic "$@" >"$logs/$name.out" 2>&1 </dev/null &
    local pid=$! code=0
    echo "$pid" >"$pids/$name.pid"
    wait "$pid" || code=$?
    echo "$code" >"$pids/$name.exit"
    local level=ERROR
    case $code in 0 | 143) level=INFO ;; esac
    echo "$(date '+%Y-%m-%d %H:%M:%S,000') $level cluster-local.sh - process $pid ended: $(ending "$name")" \
      >>"$logs/$name.log"
  ) </dev/null >/dev/null 2>&1 &
  local deadline=$((SECONDS + 10))
  until [ -s "$pids/$name.pid" ]; do
    [ $SECONDS -lt $deadline ] || die "could not start $name"
    sleep 0.05
  done
}

last_taskmanager_ending() {
  local f last=""
  for f in "$pids"/taskmanager-*.pid; do [ -e "$f" ] && last=$(basename "$f" .pid); done
  sleep 0.5 # its watcher records how it ended
  echo "$last $(ending "$last")"
}

# ending NAME: why the process NAME ended, in a few words, from its exit code and its .out file.
ending() {
  local name=$1 code oom
  code=$(cat "$pids/$name.exit" 2>/dev/null || true)
  oom=$( { grep -o 'java.lang.OutOfMemoryError.*' "$logs/$name.out" 2>/dev/null || true; } | head -n 1)
  if [ -n "$oom" ]; then
    local more="FAULTLINK_JM_MEMORY, then stop and start"
    case $name in taskmanager-*) more="FAULTLINK_TM_MEMORY=... jobs/cluster-local.sh add-taskmanager" ;; esac
    echo "out of memory (${oom#java.lang.}), exit code ${code:-?}; give it more memory ($more); see $logs/$name.out"
  elif [ -z "$code" ]; then
    echo "ended, how is not known (see $logs/$name.log)"
  elif [ "$code" = 0 ]; then
    echo "ended normally (exit code 0)"
  elif [ "$code" = 143 ]; then
    echo "stopped (SIGTERM)"
  elif [ "$code" -gt 128 ]; then
    echo "killed by signal $((code - 128))$( [ "$code" = 137 ] && echo ' (SIGKILL: killed by hand, or by the kernel out of memory)'); see $logs/$name.log"
  else
    echo "exit code $code; see $logs/$name.log and $logs/$name.out"
  fi
}

rest_get() { curl -sf --max-time 10 "$rest$1"; }

json_field() { # json_field NAME < json: the first string or number value of NAME
  { grep -o "\"$1\" *: *\(\"[^\"]*\"\|[0-9-][0-9]*\)" || true; } | head -n 1 | sed 's/^[^:]*: *//; s/^"//; s/"$//'
}

taskmanagers_registered() {
  rest_get /overview 2>/dev/null | json_field taskmanagers || echo 0
}

wait_for_taskmanagers() { # wait until at least N TaskManagers are registered
  local want=$1 deadline=$((SECONDS + 120))
  while [ "$(taskmanagers_registered)" -lt "$want" ] 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "timed out waiting for $want TaskManager(s); logs in $logs"
    alive "$pids/jobmanager.pid" || die "the JobManager ended: $(ending jobmanager)"
    [ "$(live_taskmanagers)" -gt 0 ] || die "no TaskManager is running: $(last_taskmanager_ending)"
    sleep 0.5
  done
}

live_taskmanagers() {
  local n=0 f
  for f in "$pids"/taskmanager-*.pid; do
    [ -e "$f" ] || continue
    alive "$f" && n=$((n + 1))
  done
  echo $n
}

start_taskmanager() {
  local cp=$1 n=1
  while [ -e "$pids/taskmanager-$n.pid" ]; do n=$((n + 1)); done
  # FAULTLINK_TM_MEMORY as it is now, not as it was at start: a TaskManager that ran out of memory can be
  # replaced by a bigger one without restarting the cluster.
  launch "taskmanager-$n" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    "$(resource_params GET_TM_RESOURCE_PARAMS "$cp" -D "taskmanager.memory.process.size=$tm_memory")" "$cp"
  echo "$n"
}

# --- verbs ----------------------------------------------------------------------------------------------

cmd_prepare() {
  classpath >/dev/null
  say "ready: cluster classpath in $classpath_file"
}

cmd_start() {
  command -v curl >/dev/null || die "curl is needed"
  if alive "$pids/jobmanager.pid"; then
    say "already running (JobManager pid $(cat "$pids/jobmanager.pid"))"
    echo "$rest"
    return
  fi
  local cp
  cp=$(classpath)
  rm -rf "$pids"
  write_config
  launch jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    "$(resource_params GET_JM_RESOURCE_PARAMS "$cp")" "$cp"
  start_taskmanager "$cp" >/dev/null
  wait_for_taskmanagers 1
  say "JobManager pid $(cat "$pids/jobmanager.pid"), TaskManager pid $(cat "$pids/taskmanager-1.pid"); logs in $logs"
  echo "$rest"
}

archived_state() { # archived_state JOB_ID: the job's final state from the JobManager's archive, if any
  [ -f "$archive/$1" ] || return 0
  # The archive holds the job's REST responses as escaped JSON; the state is /jobs/overview's.
  { grep -o '"path":"/jobs/overview","json":"{\\"jobs\\":\[{[^}]*' "$archive/$1" || true; } \
    | { grep -o '\\"state\\":\\"[A-Z]*' || true; } | head -n 1 | sed 's/.*"//'
}

# job_options [--parallelism N] [--from-savepoint PATH [--allow-non-restored-state]]: sets the caller's
# parallelism, savepoint and non_restored (bash locals are visible to the functions a function calls).
job_options() {
  parallelism="" savepoint="" non_restored=""
  while [ $# -gt 0 ]; do
    case $1 in
      --parallelism) parallelism=$2; shift 2 ;;
      --from-savepoint) savepoint=$2; shift 2 ;;
      --allow-non-restored-state) non_restored=true; shift ;;
      *) usage ;;
    esac
  done
}

cmd_start_application() {
  [ $# -ge 1 ] || usage
  local config=$1 parallelism savepoint non_restored
  shift
  job_options "$@"
  command -v curl >/dev/null || die "curl is needed"
  [ -f "$config" ] || die "no such config file: $config"
  # main runs in the JobManager, whose working directory is $app_home: the config's path must be absolute.
  config=$(cd "$(dirname "$config")" && pwd)/$(basename "$config")
  alive "$pids/jobmanager.pid" && die "a cluster is already running in $dir (jobs/cluster-local.sh stop)"
  job_jar
  local cp job
  cp=$(classpath)
  rm -rf "$pids" "$app_home"
  write_config
  cat >>"$conf/config.yaml" <<EOF
# Application mode: the JobManager runs the job's main itself and shuts down once the job has ended (a
# bounded input finished, or the job failed or was cancelled), archiving its final REST view first.
execution.shutdown-on-application-finish: true
jobmanager.archive.fs.dir: file://$archive
EOF
  mkdir -p "$app_home/lib" "$app_home/usrlib" "$archive"
  cp "$jar" "$app_home/usrlib/"
  echo application >"$pids/mode"
  # A fixed job id (application mode's --job-id) is known before the job exists.
  job=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  local args=(--job-classname com.faultlink.FaultLinkJob --job-id "$job")
  [ -z "$parallelism" ] || args+=(-D "parallelism.default=$parallelism")
  [ -z "$savepoint" ] || args+=(--fromSavepoint "$savepoint")
  [ -z "$non_restored" ] || args+=(--allowNonRestoredState)
  args+=("$config")
  launch jobmanager org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint \
    "$(resource_params GET_JM_RESOURCE_PARAMS "$cp")" "$cp" "${args[@]}"
  start_taskmanager "$cp" >/dev/null
  # The job exists once main has submitted it; a bad config ends the JobManager with FaultLink's message.
  local deadline=$((SECONDS + 180)) state why
  while :; do
    state=$(rest_get "/jobs/$job" 2>/dev/null | json_field state || true)
    [ -z "$state" ] || break
    if ! alive "$pids/jobmanager.pid"; then
      state=$(archived_state "$job")
      [ -n "$state" ] && break
      why=$( { grep -o 'faultlink: .*' "$logs/jobmanager.log" || true; } | head -n 1)
      cmd_stop 2>/dev/null
      die "the application did not start: ${why:-see $logs/jobmanager.log}"
    fi
    [ $SECONDS -lt $deadline ] || die "job $job did not appear within 180 s; see $logs/jobmanager.log"
    sleep 0.5
  done
  say "job $job $state; JobManager pid $(cat "$pids/jobmanager.pid"), TaskManager pid $(cat "$pids/taskmanager-1.pid"); logs in $logs"
  echo "$rest"
  echo "$job"
}

cmd_add_taskmanager() {
  alive "$pids/jobmanager.pid" || die "the cluster is not running (jobs/cluster-local.sh start)"
  local cp n before
  cp=$(classpath)
  before=$(live_taskmanagers)
  local f
  for f in "$pids"/taskmanager-*.exit; do
    [ -e "$f" ] || continue
    if grep -q OutOfMemoryError "$logs/$(basename "$f" .exit).out" 2>/dev/null; then
      say "note: $(basename "$f" .exit) ran out of memory; this one has $tm_memory (FAULTLINK_TM_MEMORY)"
    fi
  done
  n=$(start_taskmanager "$cp")
  # Registered TaskManagers include a killed one until its heartbeat times out: wait for this one's own log.
  local deadline=$((SECONDS + 120))
  until grep -q "Successful registration at resource manager" "$logs/taskmanager-$n.log" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "taskmanager-$n did not register; see $logs/taskmanager-$n.log"
    alive "$pids/jobmanager.pid" || die "the JobManager has ended (an application cluster ends with its job)"
    if ! alive "$pids/taskmanager-$n.pid"; then
      sleep 0.5 # its watcher records how it ended
      die "taskmanager-$n ended: $(ending "taskmanager-$n")"
    fi
    sleep 0.5
  done
  say "taskmanager-$n pid $(cat "$pids/taskmanager-$n.pid") registered ($((before + 1)) running)"
}

cmd_submit() {
  [ $# -ge 1 ] || usage
  local config=$1 parallelism savepoint non_restored
  shift
  job_options "$@"
  [ -f "$config" ] || die "no such config file: $config"
  # The job's main runs in the JobManager: the config's path must be absolute (same machine here).
  config=$(cd "$(dirname "$config")" && pwd)/$(basename "$config")
  rest_get /overview >/dev/null || die "no cluster at $rest (jobs/cluster-local.sh start)"
  job_jar
  local upload jar_id body run job
  upload=$(curl -sf --max-time 120 -X POST -H "Expect:" -F "jarfile=@$jar" "$rest/jars/upload") \
    || die "jar upload to $rest failed"
  jar_id=$(echo "$upload" | json_field filename)
  jar_id=${jar_id##*/}
  [ -n "$jar_id" ] || die "jar upload failed: $upload"
  body="{\"entryClass\":\"com.faultlink.FaultLinkJob\",\"programArgsList\":[\"$config\"]"
  [ -z "$parallelism" ] || body="$body,\"parallelism\":$parallelism"
  [ -z "$savepoint" ] || body="$body,\"savepointPath\":\"$savepoint\""
  [ -z "$non_restored" ] || body="$body,\"allowNonRestoredState\":true"
  body="$body}"
  run=$(curl -s --max-time 300 -X POST -H 'Content-Type: application/json' -d "$body" "$rest/jars/$jar_id/run")
  job=$(echo "$run" | json_field jobid)
  curl -s --max-time 10 -X DELETE "$rest/jars/$jar_id" >/dev/null || true
  if ! [[ $job =~ ^[0-9a-f]{32}$ ]]; then
    # Flink's error carries the whole stack; the job's own message is the line naming faultlink.
    local why
    why=$( { echo "$run" | grep -o 'faultlink: [^\\"]*' || true; } | head -n 1)
    echo "$run" >"$logs/last-submission-error.json"
    die "submission failed: ${why:-see $logs/last-submission-error.json}"
  fi
  echo "$job"
}

poll_savepoint() { # poll_savepoint JOB_ID TRIGGER_ID: prints the savepoint's location
  local job=$1 trigger=$2 deadline=$((SECONDS + 300)) out
  while [ $SECONDS -lt $deadline ]; do
    out=$(rest_get "/jobs/$job/savepoints/$trigger" || true)
    if echo "$out" | grep -q '"COMPLETED"'; then
      if echo "$out" | grep -q '"failure-cause"'; then
        die "savepoint failed: $out"
      fi
      echo "$out" | json_field location
      return
    fi
    sleep 0.5
  done
  die "savepoint of $job did not complete in 300 s"
}

cmd_savepoint() {
  [ $# -ge 1 ] || usage
  local job=$1 stop=${2:-} resp trigger
  if [ "$stop" = "--stop" ]; then
    resp=$(curl -s --max-time 30 -X POST -H 'Content-Type: application/json' \
      -d "{\"targetDirectory\":\"file://$dir/savepoints\",\"drain\":false}" "$rest/jobs/$job/stop")
  elif [ -z "$stop" ]; then
    resp=$(curl -s --max-time 30 -X POST -H 'Content-Type: application/json' \
      -d "{\"target-directory\":\"file://$dir/savepoints\",\"cancel-job\":false}" "$rest/jobs/$job/savepoints")
  else
    usage
  fi
  trigger=$(echo "$resp" | json_field request-id)
  [ -n "$trigger" ] || die "savepoint request refused: $resp"
  poll_savepoint "$job" "$trigger"
}

cmd_cancel() {
  [ $# -eq 1 ] || usage
  curl -sf --max-time 30 -X PATCH "$rest/jobs/$1?mode=cancel" >/dev/null || die "cannot cancel job $1 at $rest"
  local deadline=$((SECONDS + 60))
  until rest_get "/jobs/$1" | grep -q '"state" *: *"\(CANCELED\|FINISHED\|FAILED\)"'; do
    [ $SECONDS -lt $deadline ] || die "job $1 did not stop within 60 s"
    sleep 0.5
  done
  say "cancelled $1"
}

cmd_status() {
  local f name problem=""
  if alive "$pids/jobmanager.pid"; then
    echo "jobmanager pid $(cat "$pids/jobmanager.pid") running, REST $rest"
  elif [ -e "$pids/jobmanager.pid" ]; then
    echo "jobmanager not running: $(ending jobmanager)"
  else
    echo "jobmanager not running"
  fi
  for f in "$pids"/taskmanager-*.pid; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .pid)
    if alive "$f"; then
      echo "$name pid $(cat "$f") running"
    else
      echo "$name pid $(cat "$f") dead: $(ending "$name")"
    fi
  done
  local jobs unfinished
  if jobs=$(rest_get /jobs/overview 2>/dev/null); then
    echo "$jobs" | grep -o '"jid":"[0-9a-f]*","name":"[^"]*"\|"state":"[A-Z]*"' | paste - - \
      | sed 's/"jid":"\([0-9a-f]*\)","name":"\([^"]*\)"\t"state":"\([A-Z]*\)"/job \1 \3 \2/' || true
    echo "taskmanagers registered: $(taskmanagers_registered)"
    # A job that has not ended waits for task slots for ever, silently: say so, and fail.
    unfinished=$(echo "$jobs" | grep -o '"state":"[A-Z]*"' | grep -vc '"\(FINISHED\|CANCELED\|FAILED\)"' || true)
    if [ "${unfinished:-0}" -gt 0 ] && [ "$(live_taskmanagers)" -eq 0 ]; then
      problem="$unfinished job(s) not ended and no TaskManager running: they wait for one"
    fi
  elif application_mode; then
    for f in "$archive"/*; do
      [ -f "$f" ] || continue
      echo "job $(basename "$f") $(archived_state "$(basename "$f")") (ended; archived in $archive)"
    done
  fi
  if [ -n "$problem" ]; then
    echo "PROBLEM: $problem (start one: jobs/cluster-local.sh add-taskmanager; see why the last one ended above)"
    return 1
  fi
}

cmd_stop() {
  local f pid deadline
  for f in "$pids"/taskmanager-*.pid "$pids/jobmanager.pid"; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      deadline=$((SECONDS + 20))
      while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  say "stopped"
}

[ $# -ge 1 ] || usage
verb=$1
shift
case $verb in
  start) cmd_start ;;
  start-application) cmd_start_application "$@" ;;
  submit) cmd_submit "$@" ;;
  add-taskmanager) cmd_add_taskmanager ;;
  savepoint) cmd_savepoint "$@" ;;
  cancel) cmd_cancel "$@" ;;
  status) cmd_status || exit 1 ;;
  stop) cmd_stop ;;
  prepare) cmd_prepare ;;
  *) usage ;;
esac
