#!/usr/bin/env bash
# A backup of everything the service keeps: the engine's tables, the service's own (requests,
# signatures, attachments, the audit trail, published items, sessions) are all in its one database.
#
#   backup.sh postgres FILE.dump          # pg_dump, custom format; libpq's PGHOST, PGPORT,
#                                         # PGDATABASE, PGUSER, PGPASSWORD choose the database
#   backup.sh h2 H2_FILE FILE.zip [USER]  # H2 (the embedded default, e.g. ./data/publication):
#                                         # H2's BACKUP statement, with the H2 of the application's
#                                         # jar ($APP_JAR), while the service is STOPPED
#
# PostgreSQL's runs while the service runs (pg_dump takes one transaction's snapshot). H2's needs
# the service stopped: only the service's process opens the file (H2's AUTO_SERVER, which would let
# a second process in, listens on every network interface), and H2 refuses a file in use. The audit anchors file (publication.audit.anchor-file) is kept apart on
# purpose: copy it to another machine, not next to this backup.
set -euo pipefail

die() {
  echo "backup: ERROR: $*" >&2
  exit 1
}

case "${1:-}" in
  postgres)
    [ -n "${2:-}" ] || die "usage: $0 postgres FILE.dump"
    pg_dump --format=custom --no-owner --no-privileges --file="$2"
    echo "backup: $(du -h "$2" | cut -f1) written to $2" >&2
    ;;
  h2)
    [ -n "${2:-}" ] && [ -n "${3:-}" ] || die "usage: $0 h2 H2_FILE FILE.zip [USER]"
    # H2's own tools, from the application's jar (the same version as the database file).
    JAR="${APP_JAR:-/opt/municipal-publication/publication.jar}"
    [ -f "$JAR" ] || die "no application jar at $JAR (set APP_JAR)"
    H2_JAR="$(mktemp --suffix=.jar)"
    trap 'rm -f "$H2_JAR"' EXIT
    entry="$(unzip -Z1 "$JAR" | grep -E '^BOOT-INF/lib/h2-[0-9][^/]*\.jar$' | head -1)"
    [ -n "$entry" ] || die "$JAR holds no H2 jar"
    unzip -p "$JAR" "$entry" >"$H2_JAR"
    # IFEXISTS: a wrong path must not create an empty database and back that up; a file still in use
    # by the service fails here with H2's "Database may be already in use".
    target="$(realpath -m "$3")"
    java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$(realpath -m "$2");IFEXISTS=TRUE" \
      -user "${4:-sa}" -password "${H2_PASSWORD:-}" -sql "BACKUP TO '$target'" >/dev/null \
      || die "H2 could not open $2: stop the service first (systemctl stop municipal-publication)"
    echo "backup: $(du -h "$3" | cut -f1) written to $3" >&2
    ;;
  *)
    die "usage: $0 postgres FILE.dump | h2 H2_FILE FILE.zip [USER]"
    ;;
esac
