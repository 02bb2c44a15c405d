#!/usr/bin/env bash
# Runs the benchmarks of issue 12 one after the other (what `mvn -Pbench verify` runs):
#
#   bash src/bench/run-benchmarks.sh [all|cycle|rest|tasklist|startup]
#
# Each prints its figures next to the bare-engine baseline's, measured in the same run. Run them
# on a quiet machine: other builds on it change the figures.
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-all}
for bench in cycle rest tasklist startup; do
  if [ "$what" = all ] || [ "$what" = "$bench" ]; then
    echo
    echo "=== $bench benchmark ==="
    bash "./$bench-benchmark.sh"
  fi
done
