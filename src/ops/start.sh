#!/usr/bin/env bash
# Starts one node: the systemd unit's ExecStart (src/ops/municipal-publication.service). With class
# data sharing by default, from the unpacked jar and its archive (src/ops/cds-archive.sh), which
# starts in about half the time of the jar (README, Operations, "Faster start"). If there is no
# archive of this jar and this Java, the node starts from the jar as before and says why: a faster
# start is never a reason not to start.
#
#   JAVA_OPTS="-Xmx1g" bash src/ops/start.sh --spring.profiles.active=postgres
#
# Environment: APP_JAR (/opt/municipal-publication/publication.jar), CDS_DIR
# (/var/cache/municipal-publication/cds), CDS (yes; no: always the plain jar), CDS_MAKE (yes: make
# the archive here first when it is missing or out of date; the unit says no, because it has made
# it as root just before, so that the service's user cannot change the code it runs), JAVA_OPTS,
# JAVA (java). The arguments go to the application. The JVM replaces this shell (exec), so
# systemd's SIGTERM reaches it and its exit code is the unit's.
set -uo pipefail
JAR=${APP_JAR:-/opt/municipal-publication/publication.jar}
CDS_DIR=${CDS_DIR:-/var/cache/municipal-publication/cds}
JAVA=${JAVA:-java}
read -ra java_opts <<<"${JAVA_OPTS:-}"

if [ "${CDS:-yes}" = yes ]; then
  mode=()
  [ "${CDS_MAKE:-yes}" = yes ] || mode=(--check)
  if PATH="$(dirname "$(command -v "$JAVA")"):$PATH" \
    bash "$(dirname "$0")/cds-archive.sh" "${mode[@]}" "$JAR" "$CDS_DIR"; then
    exec "$JAVA" "${java_opts[@]}" -XX:SharedArchiveFile="$CDS_DIR/publication.jsa" \
      -jar "$CDS_DIR/publication.jar" "$@"
  fi
  echo "Class data sharing is not available (above): starting from $JAR without it" >&2
fi
exec "$JAVA" "${java_opts[@]}" -jar "$JAR" "$@"
