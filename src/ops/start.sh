#!/usr/bin/env bash
# Starts one node: the systemd unit's ExecStart (src/ops/municipal-publication.service). With class
# data sharing by default: src/ops/cds-archive.sh makes the archive of this jar and this Java on the
# first start after an install or an upgrade (a training run of about half a minute) and says "up to
# date" on every other start; the JVM then starts from the unpacked jar and its archive, about half
# as long as from the jar (README, Operations, "Faster start"). If the archive cannot be made (a full
# disk, an unwritable folder), the node starts from the jar as before, and says why: a faster start
# is never a reason not to start.
#
#   JAVA_OPTS="-Xmx1g" bash src/ops/start.sh --spring.profiles.active=postgres
#
# Environment: APP_JAR (/opt/municipal-publication/publication.jar), CDS_DIR
# (/var/lib/municipal-publication/cds), CDS (yes; no: always the plain jar), JAVA_OPTS, JAVA (java).
# The arguments go to the application. The JVM replaces this shell (exec), so systemd's SIGTERM
# reaches it and its exit code is the unit's.
set -uo pipefail
JAR=${APP_JAR:-/opt/municipal-publication/publication.jar}
CDS_DIR=${CDS_DIR:-/var/lib/municipal-publication/cds}
JAVA=${JAVA:-java}
read -ra java_opts <<<"${JAVA_OPTS:-}"

if [ "${CDS:-yes}" = yes ]; then
  if PATH="$(dirname "$(command -v "$JAVA")"):$PATH" bash "$(dirname "$0")/cds-archive.sh" "$JAR" "$CDS_DIR"; then
    exec "$JAVA" "${java_opts[@]}" -XX:SharedArchiveFile="$CDS_DIR/publication.jsa" \
      -jar "$CDS_DIR/publication.jar" "$@"
  fi
  echo "Class data sharing is not available (above; $CDS_DIR/training.log): starting from $JAR without it" >&2
fi
exec "$JAVA" "${java_opts[@]}" -jar "$JAR" "$@"
