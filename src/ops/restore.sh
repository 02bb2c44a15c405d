#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY database, with every node stopped.
#
#   restore.sh postgres FILE.dump      # pg_restore into the (empty) database that libpq's PGHOST,
#                                      # PGPORT, PGDATABASE, PGUSER, PGPASSWORD choose, in one transaction
#   restore.sh h2 FILE.zip DIRECTORY   # unpacks H2's backup into DIRECTORY (e.g. ./data)
#
# Then start the service: it finds every request, signature and audit entry as they were, and the
# audit chain verifies (GET /api/audit/verify, or the health component auditTrail).
set -euo pipefail

die() {
  echo "restore: ERROR: $*" >&2
  exit 1
}

case "${1:-}" in
  postgres)
    [ -f "${2:-}" ] || die "usage: $0 postgres FILE.dump"
    tables="$(psql -X -A -t -v ON_ERROR_STOP=1 -c "select count(*) from pg_tables where schemaname = 'public'")"
    [ "$tables" = 0 ] || die "the database $(psql -X -A -t -c 'select current_database()') is not empty ($tables tables)"
    pg_restore --no-owner --no-privileges --single-transaction --exit-on-error --dbname="${PGDATABASE:?set PGDATABASE to the empty database}" "$2"
    echo "restore: $2 restored into $(psql -X -A -t -c 'select current_database()')" >&2
    ;;
  h2)
    [ -f "${2:-}" ] && [ -n "${3:-}" ] || die "usage: $0 h2 FILE.zip DIRECTORY"
    mkdir -p "$3"
    if ls "$3"/*.mv.db >/dev/null 2>&1; then
      die "$3 already holds an H2 database; restore into an empty folder"
    fi
    unzip -q "$2" -d "$3"
    echo "restore: $2 unpacked into $3" >&2
    ;;
  *)
    die "usage: $0 postgres FILE.dump | h2 FILE.zip DIRECTORY"
    ;;
esac
