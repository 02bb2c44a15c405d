#!/usr/bin/env bash
# Monitoring report benchmark (issue 10, item 6): seeds a fiscal year of 100,000 published items,
# 10 million page visits and 50,000 information requests into a fresh H2 file database under
# target/report-benchmark/, then prints p50/p95 of the warm fiscal-year report over HTTP next to the
# same counts computed by plain SQL over the raw tables, in the same run; fails if p95 > 200 ms.
#
#   bash src/bench/report-benchmark.sh
#
# Smaller or larger: BENCH_ARGS="-Dbenchmark.items=10000 -Dbenchmark.visits=1000000".
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf target/report-benchmark
mvn -B -q -Dspotless.check.skip=true -Dbenchmark=true -Dtest=MonitoringReportBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_ARGS:-} test 2>&1 \
  | grep -v -E '^\s*$' | sed -n '/=== Monitoring report/,/counter rows/p;/FAIL\|ERROR\]/p'
rm -rf target/report-benchmark
