#!/usr/bin/env bash
# A backup of everything the service keeps: the engine's tables, the service's own (requests,
# signatures, attachments, the audit trail, published items, sessions) are all in its one database.
#
#   backup.sh postgres FILE.dump          # pg_dump, custom format; libpq's PGHOST, PGPORT,
#                                         # PGDATABASE, PGUSER, PGPASSWORD choose the database
#   backup.sh h2 H2_FILE FILE.zip [USER]  # H2 (the embedded default, e.g. ./data/publication):
#                                         # an online backup through H2's BACKUP statement, with the
#                                         # H2 of the application's jar ($APP_JAR)
#
# Both run while the service runs and take a consistent snapshot (pg_dump in one transaction, H2's
# BACKUP under its own lock). The audit anchors file (publication.audit.anchor-file) is kept apart on
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
    # AUTO_SERVER: the running service has the file open, this connects through it; the statement
    # runs in the service's process, so the target is an absolute path.
    target="$(realpath -m "$3")"
    java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$(realpath -m "$2");AUTO_SERVER=TRUE" \
      -user "${4:-sa}" -password "${H2_PASSWORD:-}" -sql "BACKUP TO '$target'" >/dev/null
    echo "backup: $(du -h "$3" | cut -f1) written to $3" >&2
    ;;
  *)
    die "usage: $0 postgres FILE.dump | h2 H2_FILE FILE.zip [USER]"
    ;;
esac
