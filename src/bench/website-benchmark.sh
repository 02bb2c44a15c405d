#!/usr/bin/env bash
# Website benchmark (issue 4, item 6): requests/s of the application's home page and of one item
# page, next to nginx serving the very same HTML as static files, in one run, on loopback only.
#
#   bash src/bench/website-benchmark.sh
#
# Builds the jar if it is missing or older than the sources, starts it with the demo profile on an
# in-memory H2 database, walks ITEMS requests through the three signed steps over the REST API
# (seed-published-items.py: the last one carries an image), saves / and that item's page as files
# served by nginx, plain and
# gzip-compressed (gzip_static), and drives both with wrk after a warm-up, once asking for gzip as
# browsers do and once for the plain bytes. Installs wrk and nginx from Debian when they are missing.
# Everything it starts is stopped when it ends, however it ends.
#
# Settings (environment): THREADS (2), CONNECTIONS (32), DURATION (15s), WARMUP (5s) before each
# measurement, JIT_WARMUP (15s per page, once, for the JVM's compilers), ITEMS (50),
# JAVA_OPTS (-Xms512m -Xmx512m).
set -euo pipefail

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
JIT_WARMUP=${JIT_WARMUP:-15s}
ITEMS=${ITEMS:-50}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}

cd "$(dirname "$0")/../.."
JAR=target/publication-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d /tmp/website-benchmark.XXXXXX)
APP_PID=""
NGINX_PID=""

stop() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop EXIT INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# --- tools -----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "Installing wrk and nginx from Debian..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi

# --- the application ------------------------------------------------------------------------
if [ ! -f "$JAR" ] || [ -n "$(find src bpmn forms pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "Building $JAR..."
  mvn -q -B -DskipTests package
fi

APP_PORT=$(free_port)
echo "Starting the application on 127.0.0.1:$APP_PORT (profile demo, in-memory H2)..."
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" \
  --spring.profiles.active=demo \
  --spring.datasource.url='jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1' \
  --server.address=127.0.0.1 --server.port="$APP_PORT" \
  --municipality.website-url="http://127.0.0.1:$APP_PORT" \
  >"$WORK/app.log" 2>&1 &
APP_PID=$!

APP="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 180); do
  if curl -fs -o /dev/null "$APP/"; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The application did not start:"; tail -40 "$WORK/app.log"; exit 1; fi
  sleep 1
done
curl -fs -o /dev/null "$APP/" || { echo "The application did not answer in 180 s"; tail -40 "$WORK/app.log"; exit 1; }
echo "Publishing $ITEMS requests through the three signed steps..."
ITEM=$(python3 src/bench/seed-published-items.py "$APP" "$ITEMS")
curl -fs -o /dev/null "$APP/items/$ITEM" || { echo "Item $ITEM is not on the website"; exit 1; }

# --- nginx with the same HTML ------------------------------------------------------------------
mkdir -p "$WORK/www/items" "$WORK/nginx"
chmod 755 "$WORK" # nginx's workers run as another user when it is started by root
# The same bytes, plain and gzip-compressed as the application sends them to browsers.
curl -fs "$APP/" -o "$WORK/www/index.html"
curl -fs "$APP/items/$ITEM" -o "$WORK/www/items/$ITEM"
curl -fs -H 'Accept-Encoding: gzip' "$APP/" -o "$WORK/www/index.html.gz"
curl -fs -H 'Accept-Encoding: gzip' "$APP/items/$ITEM" -o "$WORK/www/items/$ITEM.gz"
NGINX_PORT=$(free_port)
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  default_type text/html;
  charset utf-8;
  gzip_static on;
  gzip_vary on;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    index index.html;
  }
}
EOF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
NGINX="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 50); do curl -fs -o /dev/null "$NGINX/" && break; sleep 0.1; done
for encoding in identity gzip; do
  cmp -s <(curl -fs -H "Accept-Encoding: $encoding" "$APP/items/$ITEM") \
    <(curl -fs -H "Accept-Encoding: $encoding" "$NGINX/items/$ITEM") \
    || { echo "nginx does not serve the same item page ($encoding)"; exit 1; }
done

# --- load ----------------------------------------------------------------------------------------
echo "Warming up the JVM's compilers ($JIT_WARMUP per page)..."
for page in "/" "/items/$ITEM"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JIT_WARMUP" -H 'Accept-Encoding: gzip' "$APP$page" >/dev/null
done

rps() { # encoding url -> requests/s, after a warm-up
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Accept-Encoding: $1" "$2" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "Accept-Encoding: $1" "$2" | awk '/^Requests\/sec:/ {print $2}'
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up, $(nproc) cores shared by wrk and the server"
echo "home page: $(wc -c <"$WORK/www/index.html") bytes ($(wc -c <"$WORK/www/index.html.gz") gzip)," \
  "item page: $(wc -c <"$WORK/www/items/$ITEM") bytes ($(wc -c <"$WORK/www/items/$ITEM.gz") gzip)"
printf '%-22s %-9s %12s %12s %8s\n' "page" "encoding" "app req/s" "nginx req/s" "ratio"
for encoding in gzip identity; do
  for page in "/" "/items/$ITEM"; do
    app=$(rps "$encoding" "$APP$page")
    web=$(rps "$encoding" "$NGINX$page")
    awk -v p="$page" -v e="$encoding" -v a="$app" -v n="$web" \
      'BEGIN { printf "%-22s %-9s %12.0f %12.0f %8.2f\n", p, e, a, n, a / n }'
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
