#!/usr/bin/env bash
# The heads' task lists with many waiting requests (issue 12): the head's task list through REST
# (/engine-rest/task?candidateGroup=head-clerk&maxResults=15, basic auth) and Tasklist's "My group
# tasks" filter list as Tasklist asks for it (logged in over HTTP, POST .../filter/{id}/list with the
# HAL accept header), on the service's jar and the bare-engine baseline, interleaved; p50/p99 and
# the ratio.
#
#   bash src/bench/tasklist-benchmark.sh
#
# The databases (H2 files) are seeded once by SeedWaitingTasks through the engine's Java API and
# kept in target/bench/ for the next run with the same settings, process model and engine: per
# unit, one request is started and signed by its reporter; the others are started directly at
# approveRequest with its variables. Settings (environment): TASKS (10000), SEED_UNITS (all: the
# six units in turn, so head-clerk has a sixth; or e.g. clerk), SEED_THREADS (2), REQUESTS per round
# and measure (100), ROUNDS (3), WARMUP_REQUESTS (300, per side and measure), APP_JAVA_OPTS (-Xmx512m).
#
# DB=postgres runs both on PostgreSQL instead (the production database): the test server of
# src/test/postgres/postgres-server.sh (started if it is not running), one database per side
# (bench_service_… and bench_bare_…), seeded the same way and kept while that server runs.
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
bench_build
TASKS=${TASKS:-10000}
SEED_UNITS=${SEED_UNITS:-all}
DB=${DB:-h2}
SEEDED=target/bench/seeded-$TASKS-${SEED_UNITS//,/-}
if [ "$DB" = postgres ]; then
  SEEDED=$SEEDED-postgres
  eval "$(bash src/test/postgres/postgres-server.sh start)"
  PG_URL=$(sed -n 's/^url=//p' "$POSTGRES_TEST_SERVER")
  PG_PORT=$(sed -n 's/^port=//p' "$POSTGRES_TEST_SERVER")
  psql_on() { # DATABASE PSQL_ARGS...
    PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" \
      -v ON_ERROR_STOP=1 -qtA "${@:2}"
  }
  psql_admin() { psql_on postgres "$@"; }
  pg_database() { echo "bench_${1}_${TASKS}_${SEED_UNITS//,/_}"; }
  database() { echo "${PG_URL%/*}/$(pg_database "$1")"; }
  seeded_databases_exist() {
    [ "$(psql_admin -c "select count(*) from pg_database where datname in ('$(pg_database service)', '$(pg_database bare)')")" = 2 ]
  }
elif [ "$DB" = h2 ]; then
  database() { echo "$PWD/$SEEDED/$1"; }
  seeded_databases_exist() { true; }
else
  echo "DB must be h2 or postgres, not $DB"; exit 1
fi
# The seeded databases stay valid while the process model, the engine's version and the seeding
# code stay the same: the service's later migrations (indexes, new tables) are applied by Flyway
# when it starts on them, so that a change of the service is measured on the same data.
STAMP=$( (cat bpmn/publication-request.bpmn; grep '<camunda.version>' pom.xml
  cat "$BENCH_CLASSES"/th/go/municipal/bench/{WaitingTasks,SeedWaitingTasks,Cycle,Staff,BareModel,BareEngineApplication}.class) | md5sum | cut -c1-32)
read -ra JAVA_OPTS_ARRAY <<<"$APP_JAVA_OPTS"

if [ -f "$SEEDED/stamp" ] && [ "$(cat "$SEEDED/stamp")" = "$STAMP" ] && seeded_databases_exist; then
  echo "Reusing the databases in $SEEDED, seeded $(date -r "$SEEDED/stamp" '+%F %T'):"
  cat "$SEEDED/seeded.txt"
else
  rm -rf "$SEEDED"
  mkdir -p "$SEEDED"
  for side in service bare; do
    if [ "$DB" = postgres ]; then
      psql_admin -c "drop database if exists $(pg_database "$side")" -c "create database $(pg_database "$side")"
    fi
    echo "Seeding $TASKS waiting requests into the $side's database ($(database "$side"))..."
    if [ "$side" = service ]; then args=$(service_args 0 "$(database service)"); else args=$(bare_args 0 "$(database bare)"); fi
    # shellcheck disable=SC2086
    bench_java "${JAVA_OPTS_ARRAY[@]}" -- th.go.municipal.bench.SeedWaitingTasks "$side" "$TASKS" \
      "$SEED_UNITS" "${SEED_THREADS:-2}" $args --camunda.bpm.job-execution.enabled=false \
      >"$WORK/seed-$side.log" 2>&1 || { tail -40 "$WORK/seed-$side.log"; exit 1; }
    grep -h '^seeded' "$WORK/seed-$side.log" | sed "s/^/$side: /" | tee -a "$SEEDED/seeded.txt"
  done
  echo "$STAMP" >"$SEEDED/stamp"
fi

SERVICE_PORT=$(free_port)
start_service service "$SERVICE_PORT" "$(database service)"
SERVICE_PID=$STARTED_PID
BARE_PORT=$(free_port)
start_bare bare "$BARE_PORT" "$(database bare)"
BARE_PID=$STARTED_PID
echo "Starting the service (127.0.0.1:$SERVICE_PORT) and the bare engine (127.0.0.1:$BARE_PORT) on them ($DB)..."
wait_ready service "$SERVICE_PID" "http://127.0.0.1:$SERVICE_PORT"
wait_ready bare "$BARE_PID" "http://127.0.0.1:$BARE_PORT"
python3 src/bench/http_bench.py tasklists "http://127.0.0.1:$SERVICE_PORT" "http://127.0.0.1:$BARE_PORT"
