#!/usr/bin/env bash
# A real PostgreSQL server for the production tests (cluster, crash, backup and restore, schema,
# nginx; Maven profile `production`): Debian's `postgresql` on 127.0.0.1, a cluster of its own in a
# temporary folder, so that the application's jar runs in separate processes against it and
# pg_dump/pg_restore of the same version work on it.
#
#   bash src/test/postgres/postgres-server.sh start    # install what is missing, start, print export
#   eval "$(bash src/test/postgres/postgres-server.sh start)"   # and export POSTGRES_TEST_SERVER
#   bash src/test/postgres/postgres-server.sh stop     # stop it and delete its data
#
# The settings the tests read (JDBC URL, superuser, port, bin folder) go to $DIR/server.properties
# and target/postgres-server.properties; the only output on stdout is the export line.
# Needs root (or sudo) to install the packages; the server runs as the user `postgres`.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd -P)"
HASH="$(printf %s "$ROOT" | sha1sum | cut -c1-8)"
DIR="${POSTGRES_SERVER_DIR:-/tmp/municipal-postgres-$HASH}"
PROPERTIES="$DIR/server.properties"
TARGET_PROPERTIES="$ROOT/target/postgres-server.properties"

log() { echo "postgres-server: $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

install_packages() {
  if [ -n "$(bin_dir)" ] && [ -x "$(bin_dir)/pg_ctl" ] && command -v psql >/dev/null 2>&1; then
    return
  fi
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed (run as root, or: sudo apt-get install postgresql)"
  log "installing Debian's postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgresql-client >/dev/null
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -u postgres "$@"
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port between 55432 and 55532"
}

start() {
  install_packages
  local bin port
  bin="$(bin_dir)"
  if [ -f "$PROPERTIES" ] && as_postgres "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    log "already running ($PROPERTIES)"
  else
    rm -rf "$DIR"
    mkdir -p "$DIR"
    chown postgres: "$DIR" 2>/dev/null || true
    port="$(free_port)"
    as_postgres "$bin/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Loopback only; enough connections for two nodes, the tests and pg_dump.
    as_postgres "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR -c max_connections=200 -c fsync=on" >/dev/null
    cat >"$PROPERTIES" <<PROPS
host=127.0.0.1
port=$port
user=postgres
bin=$bin
url=jdbc:postgresql://127.0.0.1:$port/postgres
PROPS
    log "started on 127.0.0.1:$port ($bin)"
  fi
  mkdir -p "$ROOT/target"
  cp "$PROPERTIES" "$TARGET_PROPERTIES"
  echo "export POSTGRES_TEST_SERVER=$PROPERTIES"
}

stop() {
  local bin
  bin="$(bin_dir)"
  if [ -n "$bin" ] && [ -d "$DIR/data" ]; then
    as_postgres "$bin/pg_ctl" -D "$DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  rm -f "$TARGET_PROPERTIES"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac
