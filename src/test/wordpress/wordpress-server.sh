#!/usr/bin/env bash
# A real WordPress for the publisher's tests (WordPressServerTests): Debian's `wordpress` 6.1 served
# by nginx and php-fpm on 127.0.0.1 (a free port), with its own MariaDB listening on a socket only.
#
#   bash src/test/wordpress/wordpress-server.sh start    # install what is missing, start, set up
#   eval "$(bash src/test/wordpress/wordpress-server.sh start)"   # and export WORDPRESS_TEST_SERVER
#   bash src/test/wordpress/wordpress-server.sh status   # running? where?
#   bash src/test/wordpress/wordpress-server.sh stop     # stop everything it started, delete its data
#
# `start` completes the WordPress installation without a person (setup-site.php: site in Thai, an
# editor `publisher` with an application password, the categories of section 2.1), and writes the
# settings the tests read to $WORDPRESS_SERVER_DIR/server.properties and target/wordpress-server.properties;
# its only output on stdout is `export WORDPRESS_TEST_SERVER=<that file>` (messages go to stderr).
# Everything lives in $WORDPRESS_SERVER_DIR (default /tmp/municipal-wordpress-<hash of this checkout>),
# plus Debian's per-site configuration file /etc/wordpress/config-<name>.php, removed by `stop`.
# Needs root (or sudo) for apt-get and /etc/wordpress; the servers run as www-data and mysql.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd -P)"
HASH="$(printf %s "$ROOT" | sha1sum | cut -c1-8)"
DIR="${WORDPRESS_SERVER_DIR:-/tmp/municipal-wordpress-$HASH}"
NAME="municipal-test-$HASH"
SITE_CONFIG="/etc/wordpress/config-$NAME.php"
PROPERTIES="$DIR/server.properties"
TARGET_PROPERTIES="$ROOT/target/wordpress-server.properties"
PACKAGES=(wordpress wordpress-l10n wordpress-theme-twentytwentythree php8.2-fpm php-mysql php-gd
  php-mbstring php-xml php-curl mariadb-server nginx curl iproute2)

log() { echo "wordpress-server: $*" >&2; }

die() {
  log "ERROR: $*"
  exit 1
}

missing_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  echo "${missing[@]}"
}

install_packages() {
  local missing
  missing="$(missing_packages)"
  [ -z "$missing" ] && return
  [ "$(id -u)" = 0 ] || die "missing Debian packages: $missing (run as root, or: sudo apt-get install $missing)"
  log "installing Debian packages: $missing"
  # Only install: the packages' own services stay off (this script starts its own instances).
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

running() {
  pid_alive "$DIR/mysql/mariadbd.pid" && pid_alive "$DIR/php-fpm.pid" && pid_alive "$DIR/nginx.pid" \
    && [ -f "$PROPERTIES" ] && [ -f "$SITE_CONFIG" ]
}

free_port() {
  local port
  for port in $(shuf -i 20000-60999 -n 100); do
    if ! ss -Hltn "sport = :$port" | grep -q .; then
      echo "$port"
      return
    fi
  done
  die "no free port found on 127.0.0.1"
}

# Waits up to $2 seconds for the command in $3… to succeed.
await() {
  local what="$1" seconds="$2"
  shift 2
  for _ in $(seq $((seconds * 10))); do
    "$@" >/dev/null 2>&1 && return
    sleep 0.1
  done
  die "$what did not come up in ${seconds}s; logs in $DIR/logs"
}

start_mariadb() {
  mkdir -p "$DIR/mysql/data" "$DIR/mysql/run"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown -R mysql:mysql "$DIR/mysql"
    as=(--user=mysql)
  fi
  mariadb-install-db --no-defaults "${as[@]}" --datadir="$DIR/mysql/data" \
    --auth-root-authentication-method=socket --auth-root-socket-user="$(id -un)" --skip-test-db \
    >"$DIR/logs/mariadb-install.log" 2>&1 || die "mariadb-install-db failed: $DIR/logs/mariadb-install.log"
  # Socket only: nothing but this machine's WordPress can reach the database.
  setsid mariadbd --no-defaults "${as[@]}" --datadir="$DIR/mysql/data" --skip-networking \
    --socket="$DIR/mysql/run/mysqld.sock" --pid-file="$DIR/mysql/mariadbd.pid" \
    --log-error="$DIR/logs/mariadb.log" --innodb-buffer-pool-size=64M --skip-log-bin \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci </dev/null >/dev/null 2>&1 &
  await "MariaDB" 30 mariadb-admin --no-defaults --socket="$DIR/mysql/run/mysqld.sock" ping
  await "MariaDB pid file" 5 test -s "$DIR/mysql/mariadbd.pid"
  mariadb --no-defaults --socket="$DIR/mysql/run/mysqld.sock" -u root <<SQL
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
SQL
}

write_site_config() {
  [ -w /etc/wordpress ] || die "cannot write $SITE_CONFIG (Debian's WordPress reads its per-site configuration from /etc/wordpress): run as root"
  local salt
  salt="$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')"
  install -m 640 -o root -g "$WEB_GROUP" /dev/null "$SITE_CONFIG"
  cat >"$SITE_CONFIG" <<PHP
<?php
// The publisher tests' WordPress (src/test/wordpress/wordpress-server.sh); removed by its stop.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$DIR/mysql/run/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
foreach (array('AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT',
    'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT') as \$key) {
  define(\$key, \$key . '$salt');
}
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_CONTENT_DIR', '$DIR/wp-content');
define('WP_CONTENT_URL', '$URL/wp-content');
// Application passwords over plain http are allowed only on a 'local' site (a real site uses https).
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
PHP
}

prepare_content_dir() {
  mkdir -p "$DIR/wp-content/uploads" "$DIR/wp-content/mu-plugins"
  local name
  for name in themes plugins languages index.php; do
    ln -sfn "/var/lib/wordpress/wp-content/$name" "$DIR/wp-content/$name"
  done
  cp "$ROOT/src/test/wordpress/municipal-test-faults.php" "$DIR/wp-content/mu-plugins/"
  [ "$(id -u)" = 0 ] && chown -R "$WEB_USER:$WEB_GROUP" "$DIR/wp-content/uploads"
  return 0
}

start_php_fpm() {
  local pool_user=""
  if [ "$(id -u)" = 0 ]; then
    pool_user="user = $WEB_USER
group = $WEB_GROUP
listen.owner = $WEB_USER
listen.group = $WEB_GROUP"
  fi
  cat >"$DIR/php-fpm.conf" <<CONF
[global]
pid = $DIR/php-fpm.pid
error_log = $DIR/logs/php-fpm.log
daemonize = yes

[wordpress]
$pool_user
listen = $DIR/php-fpm.sock
listen.mode = 0660
pm = static
pm.max_children = 4
catch_workers_output = yes
php_admin_value[error_log] = $DIR/logs/php-errors.log
php_admin_value[upload_max_filesize] = 110M
php_admin_value[post_max_size] = 110M
php_admin_value[memory_limit] = 256M
CONF
  "$(ls /usr/sbin/php-fpm* | head -1)" --fpm-config "$DIR/php-fpm.conf" \
    || die "php-fpm did not start: $DIR/logs/php-fpm.log"
  await "php-fpm" 10 test -S "$DIR/php-fpm.sock"
}

start_nginx() {
  mkdir -p "$DIR/nginx"
  local worker_user=""
  [ "$(id -u)" = 0 ] && worker_user="user $WEB_USER $WEB_GROUP;"
  cat >"$DIR/nginx.conf" <<CONF
$worker_user
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/logs/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $DIR/logs/nginx-access.log;
  client_max_body_size 110m;
  client_body_temp_path $DIR/nginx/body;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  proxy_temp_path $DIR/nginx/proxy;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  server {
    listen 127.0.0.1:$PORT;
    server_name 127.0.0.1;
    root /usr/share/wordpress;
    index index.php;
    location / {
      try_files \$uri \$uri/ /index.php?\$args;
    }
    # Uploads, themes and plugins from this server's content directory; no PHP runs from there.
    location ^~ /wp-content/ {
      alias $DIR/wp-content/;
      location ~ \.php\$ { deny all; }
    }
    location ~ \.php\$ {
      try_files \$uri =404;
      include /etc/nginx/fastcgi_params;
      # Debian's fastcgi_params pass the host without its port; WordPress needs both for its URLs.
      fastcgi_param HTTP_HOST 127.0.0.1:$PORT;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_param WORDPRESS_CONFIG $NAME;
      fastcgi_pass unix:$DIR/php-fpm.sock;
    }
  }
}
CONF
  nginx -c "$DIR/nginx.conf" -g 'daemon on;' 2>>"$DIR/logs/nginx-error.log" \
    || die "nginx did not start: $DIR/logs/nginx-error.log"
}

set_up_site() {
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u "$WEB_USER" --)
  "${as[@]}" env WORDPRESS_CONFIG="$NAME" SITE_URL="$URL" \
    php -d display_errors=stderr "$ROOT/src/test/wordpress/setup-site.php" >"$PROPERTIES.new" \
    2>"$DIR/logs/setup-site.log" || die "setting up the site failed: $(cat "$DIR/logs/setup-site.log")"
  mv "$PROPERTIES.new" "$PROPERTIES"
  chmod 600 "$PROPERTIES"
}

publish_properties() {
  mkdir -p "$ROOT/target"
  cp "$PROPERTIES" "$TARGET_PROPERTIES"
  log "WordPress $(sed -n 's/^base-url=//p' "$PROPERTIES") (administrator 'admin', editor 'publisher'); now: mvn verify"
  echo "export WORDPRESS_TEST_SERVER=$PROPERTIES"
}

stop_pid() {
  local file="$1" name="$2"
  if pid_alive "$file"; then
    local pid
    pid="$(cat "$file")"
    kill "$pid"
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.1
    done
    log "$name ($pid) did not stop in 10 s; killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
}

start() {
  install_packages
  if running; then
    log "already running"
    publish_properties
    return
  fi
  stop_quietly
  # A start that fails half-way stops what it had started.
  trap 'log "start failed: stopping what was started"; stop_quietly' EXIT
  WEB_USER=www-data
  WEB_GROUP=www-data
  [ "$(id -u)" = 0 ] || { WEB_USER="$(id -un)"; WEB_GROUP="$(id -gn)"; }
  PORT="${WORDPRESS_PORT:-$(free_port)}"
  URL="http://127.0.0.1:$PORT"
  DB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
  mkdir -p "$DIR/logs"
  # The servers run as other users (root only): each writes its own log here.
  chmod 755 "$DIR"
  chmod 1777 "$DIR/logs"
  start_mariadb
  prepare_content_dir
  write_site_config
  start_php_fpm
  start_nginx
  await "nginx" 10 test -s "$DIR/nginx.pid"
  set_up_site
  await "WordPress REST API" 20 curl -fsS -o /dev/null "$URL/wp-json/wp/v2/posts"
  trap - EXIT
  publish_properties
}

# Stops whatever of this checkout's server is running and deletes its data (logs are kept).
stop_quietly() {
  [ -d "$DIR" ] || { rm -f "$SITE_CONFIG" "$TARGET_PROPERTIES"; return 0; }
  if [ -f "$DIR/nginx.pid" ] && pid_alive "$DIR/nginx.pid"; then
    nginx -c "$DIR/nginx.conf" -s quit 2>/dev/null || true
    for _ in $(seq 50); do pid_alive "$DIR/nginx.pid" || break; sleep 0.1; done
  fi
  stop_pid "$DIR/nginx.pid" nginx
  stop_pid "$DIR/php-fpm.pid" php-fpm
  stop_pid "$DIR/mysql/mariadbd.pid" MariaDB
  rm -f "$SITE_CONFIG" "$TARGET_PROPERTIES"
  find "$DIR" -mindepth 1 -maxdepth 1 ! -name logs -exec rm -rf {} +
}

case "${1:-}" in
  start) start ;;
  stop)
    stop_quietly
    log "stopped (logs in $DIR/logs)"
    ;;
  status)
    if running; then
      echo "running: $(sed -n 's/^base-url=//p' "$PROPERTIES") (settings: $PROPERTIES)"
    else
      echo "not running"
      exit 3
    fi
    ;;
  *)
    echo "usage: $0 {start|stop|status}" >&2
    exit 2
    ;;
esac
