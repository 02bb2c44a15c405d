#!/usr/bin/env bash
# Shared by the benchmark scripts: builds what they need, starts the service and the bare-engine
# baseline as their own processes on loopback, waits for them, and stops them when the script ends.
# Source it; do not run it.

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JAR=target/publication-0.1.0-SNAPSHOT.jar
BENCH_CLASSES=target/bench-classes
APP_JAVA_OPTS=${APP_JAVA_OPTS:--Xmx512m}
WORK=$(mktemp -d /tmp/publication-bench.XXXXXX)
PIDS=()

bench_cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap bench_cleanup EXIT INT TERM

# The jar and the benchmarks' classes, rebuilt (mvn -Pbench package) when a source is newer than
# the last build; `mvn -Pbench verify` has just built them and says so with BENCH_BUILT.
bench_build() {
  local built=$BENCH_CLASSES/.built
  if [ -n "${BENCH_BUILT:-}" ]; then
    touch "$built"
  elif [ ! -f "$JAR" ] || [ ! -f "$built" ] \
    || [ -n "$(find src/main src/bench/java src/bench/resources bpmn forms pom.xml -newer "$built" -print -quit)" ]; then
    echo "Building $JAR and $BENCH_CLASSES (mvn -Pbench package)..."
    mvn -q -B -Pbench -Dspotless.check.skip=true package
    touch "$built"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# java on the service's jar with the benchmarks' classes added and another main class (Spring
# Boot's PropertiesLauncher): java JAVA_OPTS... -Dloader.main=MAIN "${BENCH_LAUNCHER[@]}" ARGS...
BENCH_LAUNCHER=(-cp "$JAR" -Dloader.path="$BENCH_CLASSES" org.springframework.boot.loader.launch.PropertiesLauncher)

bench_java() { # JAVA_OPTS... -- MAIN ARGS... (in the foreground)
  local opts=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done
  shift
  local main=$1
  shift
  java "${opts[@]}" -Dloader.main="$main" "${BENCH_LAUNCHER[@]}" "$@"
}

# The datasource: an H2 file, or a PostgreSQL database given by its JDBC URL (user and password
# from BENCH_DB_USER and BENCH_DB_PASSWORD; the demo profile, so the engine creates its tables).
datasource_args() { # DATABASE_FILE or jdbc:postgresql://... URL
  case $1 in
    jdbc:*) echo "--spring.datasource.url=$1 --spring.datasource.username=${BENCH_DB_USER:-postgres}" \
      "--spring.datasource.password=${BENCH_DB_PASSWORD:-}" ;;
    *) echo "--spring.datasource.url=jdbc:h2:file:$1;AUTO_SERVER=TRUE" ;;
  esac
}

service_args() { # PORT DATABASE
  echo "--spring.profiles.active=demo $(datasource_args "$2")" \
    "--server.address=127.0.0.1 --server.port=$1 --municipality.website-url=http://127.0.0.1:$1" \
    "--publication.audit.anchor-file="
}

bare_args() { # PORT DATABASE
  echo "$(datasource_args "$2") --server.address=127.0.0.1 --server.port=$1"
}

# Starts the service (java -jar) in the background; sets STARTED_PID. Log: $WORK/NAME.log
start_service() { # NAME PORT DATABASE_FILE [JAVA_OPTS...]
  local name=$1 port=$2 db=$3
  shift 3
  local opts=("$@")
  [ ${#opts[@]} -gt 0 ] || read -ra opts <<<"$APP_JAVA_OPTS"
  # shellcheck disable=SC2046
  java "${opts[@]}" -jar "$JAR" $(service_args "$port" "$db") >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

# Starts the bare-engine baseline (same jar, BareEngineApplication) in the background.
start_bare() { # NAME PORT DATABASE_FILE [JAVA_OPTS...]
  local name=$1 port=$2 db=$3
  shift 3
  local opts=("$@")
  [ ${#opts[@]} -gt 0 ] || read -ra opts <<<"$APP_JAVA_OPTS"
  # java itself in the background (not a function), so that $! is its id.
  # shellcheck disable=SC2046
  java "${opts[@]}" -Dloader.main=th.go.municipal.bench.BareEngineApplication "${BENCH_LAUNCHER[@]}" \
    $(bare_args "$port" "$db") >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

# Class data sharing: the service's jar unpacked with its archive by src/ops/cds-archive.sh, and the
# baseline the same way (its archive from its own training run on the same unpacked jar, with the
# benchmarks' classes as a jar beside it, since CDS archives no classes from a folder). Sets CDS.
bench_cds() {
  CDS=$WORK/cds
  TRAINING_JAVA_OPTS="$APP_JAVA_OPTS" bash src/ops/cds-archive.sh "$JAR" "$CDS" >/dev/null
  jar cf "$CDS/bench.jar" -C "$BENCH_CLASSES" .
  # shellcheck disable=SC2086
  java $APP_JAVA_OPTS -XX:ArchiveClassesAtExit="$CDS/bare.jsa" -Dspring.context.exit=onRefresh \
    -cp "$CDS/publication.jar:$CDS/bench.jar" th.go.municipal.bench.BareEngineApplication \
    "--spring.datasource.url=jdbc:h2:mem:bare-training;DB_CLOSE_DELAY=-1" --server.port=0 \
    --server.address=127.0.0.1 >"$CDS/bare-training.log" 2>&1 \
    || { tail -40 "$CDS/bare-training.log"; exit 1; }
}

# The service started as the systemd unit starts it (src/ops/start.sh: the archive's check, then the
# unpacked jar with its archive; bench_cds made the archive first). start.sh ends in exec, so $! is
# the JVM.
start_service_cds() { # NAME PORT DATABASE_FILE [JAVA_OPTS...]
  local name=$1 port=$2 db=$3
  shift 3
  local opts=("$@")
  [ ${#opts[@]} -gt 0 ] || read -ra opts <<<"$APP_JAVA_OPTS"
  # shellcheck disable=SC2046
  APP_JAR=$JAR CDS_DIR=$CDS JAVA_OPTS="${opts[*]}" bash src/ops/start.sh \
    $(service_args "$port" "$db") >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

# The baseline started the same way: the same unpacked jar, its own archive.
start_bare_cds() { # NAME PORT DATABASE_FILE [JAVA_OPTS...]
  local name=$1 port=$2 db=$3
  shift 3
  local opts=("$@")
  [ ${#opts[@]} -gt 0 ] || read -ra opts <<<"$APP_JAVA_OPTS"
  # shellcheck disable=SC2046
  java "${opts[@]}" -XX:SharedArchiveFile="$CDS/bare.jsa" \
    -cp "$CDS/publication.jar:$CDS/bench.jar" th.go.municipal.bench.BareEngineApplication \
    $(bare_args "$port" "$db") >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

stop_process() { # PID
  kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true
}

# Waits until the URL answers 2xx; fails with the log's end if the process dies or 240 s pass.
wait_answer() { # NAME PID URL
  for _ in $(seq 1 2400); do
    if curl -fs -o /dev/null "$3"; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "$1 did not start:"; tail -40 "$WORK/$1.log"; exit 1; fi
    sleep 0.1
  done
  echo "$1 did not answer $3 within 240 s"; tail -40 "$WORK/$1.log"; exit 1
}

# The Camunda REST API answers once the engine is up (the demo users exist after the runners).
wait_ready() { # NAME PID BASE_URL
  for _ in $(seq 1 2400); do
    if curl -fs -o /dev/null -u admin:demo "$3/engine-rest/process-definition/key/publicationRequest"; then
      return 0
    fi
    if ! kill -0 "$2" 2>/dev/null; then echo "$1 did not start:"; tail -40 "$WORK/$1.log"; exit 1; fi
    sleep 0.2
  done
  echo "$1 was not ready within 480 s"; tail -40 "$WORK/$1.log"; exit 1
}

rss_mb() { # PID -> resident memory in MB
  awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}
