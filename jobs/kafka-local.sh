#!/usr/bin/env bash
# A real Apache Kafka broker on 127.0.0.1, for local runs and the tests: Kafka's own broker (KRaft mode,
# one node that is broker and controller) from Maven Central artifacts, no Docker, data in a local folder.
#   jobs/kafka-local.sh start    # formats the storage once, starts the broker, waits until it serves
#   jobs/kafka-local.sh status   # running or not, and where
#   jobs/kafka-local.sh stop     # stops it (SIGTERM, a clean shutdown; SIGKILL after 60 s)
#   jobs/kafka-local.sh prepare  # only resolves the broker's classpath (CI does this before the tests)
# Environment:
#   KAFKA_LOCAL_HOME  folder for data, config, pid and log (default: .kafka-local in the project)
#   KAFKA_LOCAL_PORT  client port (default 9092); the controller listens on KAFKA_LOCAL_CONTROLLER_PORT
#                     (default: client port + 1000)
#   KAFKA_LOCAL_HEAP  broker heap (default 512m)
# The broker's classpath is resolved once with Maven from jobs/kafka-broker/pom.xml (org.apache.kafka:kafka_2.13
# and its dependencies) and cached in target/kafka-broker-classpath.txt.
# The broker keeps Kafka's default transaction.max.timeout.ms (15 minutes), as a production broker does.
# Its storage is formatted with Kafka's defaults for this release (transaction protocol version 2 included).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
home=${KAFKA_LOCAL_HOME:-$here/.kafka-local}
port=${KAFKA_LOCAL_PORT:-9092}
controller_port=${KAFKA_LOCAL_CONTROLLER_PORT:-$((port + 1000))}
heap=${KAFKA_LOCAL_HEAP:-512m}
pom="$here/jobs/kafka-broker/pom.xml"
cp_file=${KAFKA_LOCAL_CLASSPATH_FILE:-$here/target/kafka-broker-classpath.txt}
pid_file="$home/broker.pid"
log_file="$home/broker.log"

say() { echo "kafka-local: $*" >&2; }

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid=$(cat "$pid_file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

classpath() {
  if [ ! -s "$cp_file" ] || [ "$pom" -nt "$cp_file" ]; then
    say "resolving the broker's classpath (org.apache.kafka:kafka_2.13) from Maven Central, once..."
    mkdir -p "$(dirname "$cp_file")"
    if ! mvn -B -ntp -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cp_file.tmp" >"$cp_file.log" 2>&1; then
      say "could not resolve the broker's classpath, see $cp_file.log"
      exit 1
    fi
    mv "$cp_file.tmp" "$cp_file"
    rm -f "$cp_file.log"
  fi
  cat "$cp_file"
}

write_config() {
  mkdir -p "$home/data"
  cat >"$home/server.properties" <<EOF
# Written by jobs/kafka-local.sh: one KRaft node, broker and controller, on 127.0.0.1.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
log.dirs=$home/data
num.partitions=2
auto.create.topics.enable=true
# One node: every internal topic has a single replica, and few partitions (quick to create).
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

start() {
  local pid cp
  if pid=$(running_pid); then
    say "already running (pid $pid) on 127.0.0.1:$port"
    echo "127.0.0.1:$port"
    return 0
  fi
  command -v java >/dev/null || { say "java is not on the PATH"; exit 1; }
  cp=$(classpath)
  write_config
  if [ ! -f "$home/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$cp" -Dlog4j2.configurationFile="$here/jobs/kafka-broker/log4j2.properties" \
      kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$home/server.properties" \
      >"$home/format.log" 2>&1 \
      || { say "formatting the storage failed:"; cat "$home/format.log" >&2; exit 1; }
    say "formatted $home/data (cluster $cluster_id)"
  fi
  : >"$log_file"
  nohup java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/jobs/kafka-broker/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$home/server.properties" >>"$log_file" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "the broker stopped while starting; the end of $log_file:"
      tail -20 "$log_file" >&2
      rm -f "$pid_file"
      exit 1
    fi
    if grep -q "Kafka Server started" "$log_file" 2>/dev/null; then
      say "running (pid $pid) on 127.0.0.1:$port, data in $home/data, log $log_file"
      echo "127.0.0.1:$port"
      return 0
    fi
    sleep 0.25
  done
  say "the broker did not start within 60 s; see $log_file"
  exit 1
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    say "not running"
    rm -f "$pid_file"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      say "stopped"
      return 0
    fi
    sleep 0.25
  done
  say "no clean shutdown within 60 s; killing pid $pid"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

status() {
  local pid
  if pid=$(running_pid); then
    say "running (pid $pid) on 127.0.0.1:$port, data in $home/data"
    echo "127.0.0.1:$port"
  else
    say "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  prepare) classpath >/dev/null ;;
  *) echo "usage: jobs/kafka-local.sh start|stop|status|prepare" >&2; exit 2 ;;
esac
