#!/usr/bin/env bash
# The full cycle through the Java API (issue 12): the service in its real application context next
# to a bare Camunda 7.24 engine in the same JVM, 1 and 2 threads, interleaved rounds; prints
# cycles/s, the ratio and the time per step. See CycleBenchmark for what exactly is measured.
#
#   bash src/bench/cycle-benchmark.sh
#
# Settings (environment): ROUNDS (3), ROUND_SECONDS (10), WARMUP_SECONDS (15), THREADS (1,2),
# PROFILE_CYCLES (0; n: afterwards n cycles per side with every SQL statement counted), JAVA_OPTS
# (-Xms1g -Xmx1g) for the benchmark's JVM.
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
bench_build
# shellcheck disable=SC2086
bench_java ${JAVA_OPTS:--Xms1g -Xmx1g} -XX:FlightRecorderOptions=stackdepth=2048 -Dbench.rounds="${ROUNDS:-3}" \
  -Dbench.seconds="${ROUND_SECONDS:-10}" -Dbench.warmup="${WARMUP_SECONDS:-15}" \
  -Dbench.threads="${THREADS:-1,2}" -Dbench.profile="${PROFILE_CYCLES:-0}" -- th.go.municipal.bench.CycleBenchmark
