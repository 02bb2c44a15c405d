#!/usr/bin/env bash
# Class data sharing (CDS) for a faster start: unpacks the application's jar into DIR (Spring Boot's
# `-Djarmode=tools extract`: DIR/publication.jar and its libraries in DIR/lib/) and makes
# DIR/publication.jsa, the archive of every class the application loads while it starts, from a
# training run (the application context is built against a throwaway H2 database in memory and the
# JVM exits when it has refreshed: nothing is served, nothing is written anywhere else).
# A JVM refuses an archive that is not of its own version and of these very jars (it then starts
# without it, as slowly as before, with -Xshare:auto's warning in the log), so DIR/made-from keeps
# the jar's SHA-256 (and size and time) and `java -version` of the training run: when both are still
# the same, nothing is made again and the script ends at once ("up to date"). That is what lets the systemd unit call
# it before every start. FORCE=yes makes the archive again all the same. --check only says whether
# DIR is up to date (exit 0) or not (exit 3) and makes nothing.
#
# The JVM runs the code in DIR, so DIR must not be writable by the service's own user: code it
# could change there would run at its next start. The unit therefore runs this script as root
# (ExecStartPre=+…) with TRAINING_USER=publication: the unpacking and the training run are done
# by that user (before the service starts), then DIR becomes root's, read-only for everyone else.
# The training run must be made in DIR itself: the archive names the jars it was made from by their
# paths, and a JVM refuses it for jars at another path. DIR/made-from is written last, so a failed
# run leaves no archive that --check takes for up to date.
#
#   bash src/ops/cds-archive.sh target/publication-0.1.0-SNAPSHOT.jar /var/cache/municipal-publication/cds
#   java -XX:SharedArchiveFile=/var/cache/municipal-publication/cds/publication.jsa \
#        -jar /var/cache/municipal-publication/cds/publication.jar --spring.profiles.active=postgres
#
# Environment: TRAINING_USER (none: the caller does everything), TRAINING_JAVA_OPTS (extra JVM
# options for the training run, e.g. the heap), FORCE.
set -euo pipefail
CHECK=no
if [ "${1:-}" = --check ]; then
  CHECK=yes
  shift
fi
JAR=${1:?usage: cds-archive.sh [--check] APPLICATION.jar DIR}
DIR=${2:?usage: cds-archive.sh [--check] APPLICATION.jar DIR}
read -ra training_opts <<<"${TRAINING_JAVA_OPTS:-}"

# made-from: the jar's SHA-256, its size and time, and `java -version`. Hashing the jar takes half a
# second, and this runs before every start (twice under the unit), so a jar of the same size and
# time as recorded is taken as the same; any other jar is hashed and compared.
java_version=$(java -version 2>&1 | tr '\n' ' ')
jar_stat=$(stat -c '%s %Y' "$JAR")
if [ "${FORCE:-no}" != yes ] && [ -s "$DIR/publication.jsa" ] && [ -f "$DIR/made-from" ] \
  && [ "$(sed -n 3p "$DIR/made-from")" = "$java_version" ] \
  && { [ "$(sed -n 2p "$DIR/made-from")" = "$jar_stat" ] \
    || [ "$(sed -n 1p "$DIR/made-from")" = "$(sha256sum "$JAR" | cut -d' ' -f1)" ]; }; then
  echo "$DIR/publication.jsa: up to date (same jar, same Java)"
  exit 0
fi
if [ "$CHECK" = yes ]; then
  echo "$DIR: no class data sharing archive of this jar and this Java" >&2
  exit 3
fi
echo "Making the class data sharing archive in $DIR (a training run of about half a minute)..."
rm -rf "$DIR"
mkdir -p "$DIR"
as_trainer=()
if [ -n "${TRAINING_USER:-}" ]; then
  chown "$TRAINING_USER" "$DIR"
  as_trainer=(runuser -u "$TRAINING_USER" --)
fi
"${as_trainer[@]}" java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" \
  --application-filename publication.jar
# The training run needs no settings of the installation: an in-memory database, no web port, no
# mail, no anchor file. The same classes are loaded as in production but for the database driver.
"${as_trainer[@]}" java "${training_opts[@]}" -XX:ArchiveClassesAtExit="$DIR/publication.jsa" \
  -Dspring.context.exit=onRefresh -jar "$DIR/publication.jar" \
  --spring.datasource.url="jdbc:h2:mem:cds-training;DB_CLOSE_DELAY=-1" \
  --server.port=0 --server.address=127.0.0.1 --publication.audit.anchor-file= \
  --logging.level.root=WARN >"$DIR/training.log" 2>&1 \
  || { tail -40 "$DIR/training.log" >&2; exit 1; }
[ -s "$DIR/publication.jsa" ] || { echo "no archive made; see $DIR/training.log" >&2; exit 1; }
if [ -n "${TRAINING_USER:-}" ]; then
  chown -R "$(id -u):$(id -g)" "$DIR"
  chmod -R go-w "$DIR"
fi
printf '%s\n%s\n%s\n' "$(sha256sum "$JAR" | cut -d' ' -f1)" "$jar_stat" "$java_version" >"$DIR/made-from"
echo "$DIR/publication.jsa: $(du -m "$DIR/publication.jsa" | cut -f1) MB; start with"
echo "  java -XX:SharedArchiveFile=$DIR/publication.jsa -jar $DIR/publication.jar"
