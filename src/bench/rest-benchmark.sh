#!/usr/bin/env bash
# The REST cycle (issue 12): the service's jar and the bare-engine baseline, each its own process
# on loopback with an H2 file database (fresh), walked through /engine-rest with basic auth by
# CLIENTS clients in interleaved rounds; prints p50/p99 per call and cycles/s, with the ratio.
#
#   bash src/bench/rest-benchmark.sh
#
# Settings (environment): CLIENTS (2), ROUNDS (3), ROUND_SECONDS (15), WARMUP_SECONDS (15),
# APP_JAVA_OPTS (-Xmx512m) for both servers.
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
bench_build
SERVICE_PORT=$(free_port)
start_service service "$SERVICE_PORT" "$WORK/service"
SERVICE_PID=$STARTED_PID
BARE_PORT=$(free_port)
start_bare bare "$BARE_PORT" "$WORK/bare"
BARE_PID=$STARTED_PID
echo "Starting the service (127.0.0.1:$SERVICE_PORT) and the bare engine (127.0.0.1:$BARE_PORT), H2 files in $WORK..."
wait_ready service "$SERVICE_PID" "http://127.0.0.1:$SERVICE_PORT"
wait_ready bare "$BARE_PID" "http://127.0.0.1:$BARE_PORT"
python3 src/bench/http_bench.py cycle "http://127.0.0.1:$SERVICE_PORT" "http://127.0.0.1:$BARE_PORT"
