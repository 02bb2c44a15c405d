#!/usr/bin/env bash
# The Camunda engine's tables on PostgreSQL, under the operator's control (the `postgres` profile
# never creates or changes them itself). Runs Camunda's own SQL scripts, taken from the engine inside
# the application's jar, with psql; the database is chosen with libpq's variables
# (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD or ~/.pgpass).
#
#   camunda-schema.sh create  [app.jar]   # an empty database: the engine's tables of the jar's version
#   camunda-schema.sh status  [app.jar]   # the tables' version and the jar's
#   camunda-schema.sh upgrade [app.jar]   # every node stopped, a backup made: to the jar's version
#
# create and upgrade then add the service's own indexes on the engine's tables
# (db/engine/postgresql-indexes.sql in the jar; each "create index if not exists"), also when the
# tables are already at the jar's version, so that a release that adds an index needs only upgrade.
#
# The jar defaults to $APP_JAR, else /opt/municipal-publication/publication.jar. Each script runs in
# one transaction (psql --single-transaction): it is applied whole or not at all.
set -euo pipefail

COMMAND="${1:-}"
JAR="${2:-${APP_JAR:-/opt/municipal-publication/publication.jar}}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

die() {
  echo "camunda-schema: ERROR: $*" >&2
  exit 1
}

[ -f "$JAR" ] || die "no application jar at $JAR (give its path, or set APP_JAR)"
command -v psql >/dev/null || die "psql is missing (apt-get install postgresql-client)"

# The engine jar inside the application's jar, and its scripts.
ENGINE="$(unzip -Z1 "$JAR" | grep -E '^BOOT-INF/lib/camunda-engine-[0-9][^/]*\.jar$' | head -1)"
[ -n "$ENGINE" ] || die "$JAR holds no camunda-engine jar"
unzip -q -o "$JAR" "$ENGINE" -d "$WORK"
unzip -q -o "$WORK/$ENGINE" 'org/camunda/bpm/engine/db/create/*postgres*' \
  'org/camunda/bpm/engine/db/upgrade/postgres_engine_*' 'org/camunda/bpm/engine/product-info.properties' -d "$WORK"
SCRIPTS="$WORK/org/camunda/bpm/engine/db"
unzip -q -o "$JAR" 'BOOT-INF/classes/db/engine/postgresql-indexes.sql' -d "$WORK" 2>/dev/null || true
SERVICE_INDEXES="$WORK/BOOT-INF/classes/db/engine/postgresql-indexes.sql"
JAR_VERSION="$(sed -n 's/^camunda.version=//p' "$WORK/org/camunda/bpm/engine/product-info.properties")"
minor() { echo "$1" | cut -d. -f1,2; }

run() {
  echo "camunda-schema: applying $(basename "$1")" >&2
  psql -X -q -v ON_ERROR_STOP=1 --single-transaction -f "$1" >/dev/null
}

# The service's own indexes on the engine's tables (from releases that have them).
service_indexes() {
  [ -f "$SERVICE_INDEXES" ] || return 0
  run "$SERVICE_INDEXES"
}

# The newest entry of the engine's schema log, or nothing on an empty database.
tables_version() {
  psql -X -A -t -v ON_ERROR_STOP=1 -c "select to_regclass('act_ge_schema_log') is not null" | grep -q t || return 0
  psql -X -A -t -v ON_ERROR_STOP=1 \
    -c "select version_ from act_ge_schema_log order by timestamp_ desc, cast(id_ as integer) desc limit 1"
}

case "$COMMAND" in
  create)
    [ -z "$(tables_version)" ] || die "the database already has the engine's tables ($(tables_version)); use upgrade"
    # In the engine's own order: engine, history, identity, then CMMN and DMN with their history.
    for part in engine history identity case.engine case.history decision.engine decision.history; do
      run "$SCRIPTS/create/activiti.postgres.create.$part.sql"
    done
    service_indexes
    echo "camunda-schema: created the engine's tables of version $JAR_VERSION" >&2
    ;;
  status)
    echo "tables: $(tables_version || true)"
    echo "application: $JAR_VERSION"
    ;;
  upgrade)
    current="$(tables_version)"
    [ -n "$current" ] || die "the database has no engine tables yet; use create"
    from="$(minor "$current")"
    to="$(minor "$JAR_VERSION")"
    if [ "$from" = "$to" ]; then
      service_indexes
      echo "camunda-schema: tables are already at $current" >&2
      exit 0
    fi
    # Camunda's minor scripts, one after the other: 7.23_to_7.24, then the next, up to the jar's.
    step="$from"
    while [ "$step" != "$to" ]; do
      next="$(ls "$SCRIPTS/upgrade" | sed -n "s/^postgres_engine_${step//./\\.}_to_\([0-9.]*\)\.sql$/\1/p" | head -1)"
      [ -n "$next" ] || die "no upgrade script from $step towards $to in $JAR"
      run "$SCRIPTS/upgrade/postgres_engine_${step}_to_${next}.sql"
      step="$next"
    done
    service_indexes
    echo "camunda-schema: upgraded the engine's tables from $current to $JAR_VERSION" >&2
    ;;
  *)
    die "usage: $0 create|status|upgrade [app.jar]"
    ;;
esac
