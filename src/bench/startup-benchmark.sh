#!/usr/bin/env bash
# Start-up and memory (issue 12): time from `java` to the first answer, for the service's jar and
# the bare-engine baseline (same jar, BareEngineApplication), STARTS times each, interleaved, on an
# existing H2 file database (a first start creates it and is shown apart), each started three ways:
# plain `java -jar` and with class data sharing (src/ops/cds-archive.sh: the unpacked jar and the
# archive of a training run; the service started as the systemd unit starts it, by src/ops/start.sh,
# which checks that the archive is up to date; the baseline's made the same way, started from its
# archive directly) and with that archive and the quick
# compiler only (-XX:TieredStopAtLevel=1: on 2 cores the optimising compiler takes a core for itself
# while the application starts; src/ops/environment.example says what it costs later); then each
# started in -Xmx256m walks one request through /engine-rest to published, and its resident memory
# is shown.
#
#   bash src/bench/startup-benchmark.sh
#
# First answer: /actuator/health if the application has it, else / (the service's home page) or
# /camunda/app/welcome/default/ (the baseline, which has no page at /). Settings (environment):
# STARTS (3), APP_JAVA_OPTS (-Xmx512m) for the timed starts, SMALL_HEAP (-Xmx256m), CDS_STARTS
# (yes; no: plain java -jar only).
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
bench_build
SIDES="service bare"
if [ "${CDS_STARTS:-yes}" = yes ]; then
  echo "Making the class data sharing archives (training runs)..."
  bench_cds
  SIDES="service bare service_cds bare_cds service_c1 bare_c1"
fi
# Class data sharing and the quick compiler only (C1), the same for both sides.
# shellcheck disable=SC2086
start_service_c1() { start_service_cds "$1" "$2" "$3" $APP_JAVA_OPTS -XX:TieredStopAtLevel=1; }
# shellcheck disable=SC2086
start_bare_c1() { start_bare_cds "$1" "$2" "$3" $APP_JAVA_OPTS -XX:TieredStopAtLevel=1; }
STARTS=${STARTS:-3}
SMALL_HEAP=${SMALL_HEAP:--Xmx256m}

# Starts SIDE and waits for its first answer; sets SECONDS_TO_ANSWER; leaves STARTED_PID running.
time_to_answer() { # SIDE PORT [JAVA_OPTS...]
  local side=$1 port=$2 start code
  shift 2
  local base="http://127.0.0.1:$port" fallback=/
  [ "${side%%_*}" = bare ] && fallback=/camunda/app/welcome/default/
  start=$(date +%s.%N)
  # Every way of a side starts on the same database as the plain one.
  "start_$side" "$side" "$port" "$WORK/${side%%_*}" "$@"
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health" || true)
    if [ "$code" = 404 ]; then code=$(curl -s -o /dev/null -w '%{http_code}' "$base$fallback" || true); fi
    if [ "${code:0:1}" = 2 ]; then
      SECONDS_TO_ANSWER=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
      return 0
    fi
    kill -0 "$STARTED_PID" 2>/dev/null || { echo "$side did not start:" >&2; tail -40 "$WORK/$side.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$side did not answer within 300 s" >&2
  exit 1
}

echo "load average at the start: $(load_average)"
declare -A TIMES RSS
for side in service bare; do
  port=$(free_port)
  time_to_answer "$side" "$port"
  wait_ready "$side" "$STARTED_PID" "http://127.0.0.1:$port"
  echo "$side: first start, empty database: first answer after $SECONDS_TO_ANSWER s"
  stop_process "$STARTED_PID"
done
for round in $(seq 1 "$STARTS"); do
  order=$SIDES
  [ $((round % 2)) = 0 ] && order=$(echo "$SIDES" | tr ' ' '\n' | tac | tr '\n' ' ')
  for side in $order; do
    port=$(free_port)
    time_to_answer "$side" "$port"
    seconds=$SECONDS_TO_ANSWER
    wait_ready "$side" "$STARTED_PID" "http://127.0.0.1:$port"
    TIMES[$side]="${TIMES[$side]:-} $seconds"
    RSS[$side]="${RSS[$side]:-} $(rss_mb "$STARTED_PID")"
    echo "  start $round $side: first answer after $seconds s"
    stop_process "$STARTED_PID"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '\n%-55s %10s %10s %8s  %s\n' "start-up ($APP_JAVA_OPTS, $STARTS starts)" bare service ratio "goal"
for way in "" _cds _c1; do
  [ -n "${TIMES[service$way]:-}" ] || continue
  label="java -jar"
  [ "$way" = _cds ] && label="CDS, the unit's start.sh"
  [ "$way" = _c1 ] && label="CDS and C1 only"
  s=$(echo "${TIMES[service$way]}" | median)
  b=$(echo "${TIMES[bare$way]}" | median)
  awk -v b="$b" -v s="$s" -v l="$label" 'BEGIN { printf "%-55s %10.1f %10.1f %8.2f  service ≤ 10 s: %s\n", "first answer, s (median), " l, b, s, s / b, (s <= 10 ? "met" : "NOT met") }'
  rs=$(echo "${RSS[service$way]}" | median)
  rb=$(echo "${RSS[bare$way]}" | median)
  awk -v b="$rb" -v s="$rs" -v l="$label" 'BEGIN { printf "%-55s %10.0f %10.0f %8.2f\n", "resident memory when ready, MB, " l, b, s, s / b }'
done
if [ -n "${TIMES[service_c1]:-}" ]; then
  echo "C1 only costs at work what the cycle benchmark shows with it:"
  echo "  JAVA_OPTS='-Xms1g -Xmx1g -XX:TieredStopAtLevel=1' bash src/bench/cycle-benchmark.sh"
fi

echo
echo "In $SMALL_HEAP: one request walked through /engine-rest to published"
printf '%-10s %-8s %14s %16s  %s\n' side works "RSS after, MB" "peak RSS, MB" "walk"
for side in service bare; do
  port=$(free_port)
  read -ra small <<<"$SMALL_HEAP"
  "start_$side" "$side-small" "$port" "$WORK/$side" "${small[@]}"
  pid=$STARTED_PID
  works=no
  walked="did not start"
  if (wait_ready "$side-small" "$pid" "http://127.0.0.1:$port") >/dev/null 2>&1; then
    walked=$(python3 src/bench/http_bench.py walk "http://127.0.0.1:$port" 2>&1 | tail -1) && works=yes
    grep -q OutOfMemoryError "$WORK/$side-small.log" && works="no (OutOfMemoryError)"
  fi
  peak=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo -)
  printf '%-10s %-8s %14s %16s  %s\n' "$side" "$works" "$(rss_mb "$pid" 2>/dev/null || echo -)" "$peak" "$walked"
  stop_process "$pid"
done
echo "load average at the end: $(load_average)"
