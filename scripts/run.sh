#!/usr/bin/env bash
# run.sh - make run: install what is missing, build and install the extension,
# and serve the demo database from a local cluster in .run/ (git-ignored).
#
# The cluster listens on 127.0.0.1 and on a unix socket in .run/, port 5433
# (GRAPHQL_PORT=... overrides), with graphql in shared_preload_libraries;
# its HTTP server serves the demo database on 127.0.0.1 port 8080
# (GRAPHQL_HTTP_PORT=... overrides), with an admin secret kept in
# .run/admin-secret and an API key for the role demo_reader.
# Running it again is fine: the cluster is reused (restarted only when the
# library or the settings changed) and the demo data is reloaded.
# make stop (scripts/stop.sh) stops the cluster.
set -euo pipefail
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

PORT=${GRAPHQL_PORT:-5433}
HTTP_PORT=${GRAPHQL_HTTP_PORT:-8080}
RUN=$ROOT/.run
DATA=$RUN/data
LOG=$RUN/postgresql.log
DB=graphql_demo

build_and_install() {
  "$ROOT/scripts/install-deps.sh"
  say "building"
  make -C "$ROOT" -s -j2
  say "installing the extension (make install)"
  as_root make -C "$ROOT" -s install PG_CONFIG="$PG_CONFIG" >/dev/null
}

# Let the postgres user reach $1: every directory above it needs o+x
# (a checkout under /root, say).  Walks from / down.
grant_traverse() {
  local dirs=() d=$1
  while [ "$d" != / ]; do
    d=$(dirname "$d")
    dirs=("$d" "${dirs[@]}")
  done
  for d in "${dirs[@]}"; do
    if ! as_pg test -x "$d"; then
      say "letting the postgres user traverse $d (chmod o+x)"
      chmod o+x "$d"
    fi
  done
}

prepare_run_dir() {
  mkdir -p "$RUN"
  chmod 700 "$RUN"
  if is_root; then
    chown postgres: "$RUN"
    grant_traverse "$RUN"
  fi
}

init_cluster() {
  if [ -f "$DATA/PG_VERSION" ]; then
    return 0
  fi
  say "creating a cluster in $DATA"
  as_pg "$BINDIR/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$RUN/initdb.log" 2>&1 \
    || { tail -n 20 "$RUN/initdb.log"; die "initdb failed (log: $RUN/initdb.log)"; }
  echo "include 'graphql_run.conf'" | as_pg tee -a "$DATA/postgresql.conf" >/dev/null
}

# The admin secret of the HTTP server, made once (random) and kept in .run/.
admin_secret() {
  if [ ! -s "$RUN/admin-secret" ]; then
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$RUN/admin-secret"
    chmod 600 "$RUN/admin-secret"
  fi
  cat "$RUN/admin-secret"
}

# The settings make run owns, rewritten each time.  Prints "changed" when
# they differ from those of the last run.
write_config() {
  local conf
  conf="# written by scripts/run.sh on each make run; put your own settings in postgresql.conf
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$RUN'
shared_preload_libraries = 'graphql'
graphql.http_port = $HTTP_PORT
graphql.http_listen_addresses = '127.0.0.1'
graphql.http_database = '$DB'
graphql.http_admin_secret = '$(admin_secret)'"
  if [ "$conf" != "$(cat "$DATA/graphql_run.conf" 2>/dev/null || true)" ]; then
    printf '%s\n' "$conf" | as_pg tee "$DATA/graphql_run.conf" >/dev/null
    echo changed
  fi
}

# A fingerprint of the installed library: a running server must be restarted
# to load a new one (it is preloaded).
library_sum() {
  sha1sum "$("$PG_CONFIG" --pkglibdir)/graphql.so" | cut -d' ' -f1
}

run_pg_ctl() {
  as_pg "$BINDIR/pg_ctl" -D "$DATA" "$@"
}

start_server() {
  local config_changed=$1 sum
  sum=$(library_sum)
  if run_pg_ctl status >/dev/null 2>&1; then
    if [ -z "$config_changed" ] && [ "$sum" = "$(cat "$RUN/library.sha1" 2>/dev/null || true)" ]; then
      say "the cluster is already running"
      return 0
    fi
    say "restarting the cluster (new library or settings)"
    run_pg_ctl stop -m fast -w >/dev/null
  else
    say "starting the cluster (log: $LOG)"
  fi
  run_pg_ctl start -w -t 60 -l "$LOG" >/dev/null \
    || { tail -n 20 "$LOG"; die "the server did not start (log: $LOG)"; }
  echo "$sum" >"$RUN/library.sha1"
}

psql_run() {
  "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$PORT" -U postgres "$@"
}

load_demo() {
  if [ "$(psql_run -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    say "creating database $DB"
    psql_run -d postgres -c "CREATE DATABASE $DB"
  fi
  psql_run -d "$DB" -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS graphql"
  say "loading the demo data (demo/demo.sql)"
  psql_run -d "$DB" -f "$ROOT/demo/demo.sql"
  psql_run -d "$DB" -tA -F ' ' -c "SELECT 'rows:', (SELECT count(*) FROM authors) || ' authors,',
      (SELECT count(*) FROM articles) || ' articles,', (SELECT count(*) FROM tags) || ' tags,',
      (SELECT count(*) FROM comments) || ' comments'" | sed "s/^/$(basename "$0" .sh): /"
}

# A read-only role for the demo, and a fresh API key for it (the keys of
# earlier runs are revoked).
make_api_key() {
  psql_run -d "$DB" -tA <<'SQL'
SET client_min_messages = warning;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'demo_reader') THEN
    CREATE ROLE demo_reader NOLOGIN;
  END IF;
END $$;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO demo_reader;
SELECT count(graphql.revoke_api_key(id)) AS revoked FROM graphql.api_key_list WHERE description = 'make run' AND live \gset
SELECT graphql.create_api_key('demo_reader', read_only => true, description => 'make run');
SQL
}

# Wait until the HTTP server answers /healthz (the workers start after the
# database exists); false after 15 s.
wait_for_http() {
  local i
  for i in $(seq 75); do
    if curl -sf "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

show_http() {
  local url="http://127.0.0.1:$HTTP_PORT/v1/graphql" key
  key=$(make_api_key | tail -n 1)
  if ! wait_for_http; then
    say "warning: the HTTP server does not answer on port $HTTP_PORT (another server there? GRAPHQL_HTTP_PORT=... picks another; log: $LOG)" >&2
    return 0
  fi
  cat <<EOF

The HTTP server is listening: $url

  curl -s $url -H 'Content-Type: application/json' \\
    -H 'Authorization: Bearer $key' \\
    -d '{"query": "{ authors(limit: 3, order_by: {name: asc}) { name articles(limit: 1) { title } } }"}'

That key is a read-only API key for the role demo_reader, made now and shown only once (make
another with SELECT graphql.create_api_key('demo_reader')). As admin, send
-H "X-Hasura-Admin-Secret: \$(cat $RUN/admin-secret)" instead.
EOF
}

show_usage() {
  local conninfo="host=$RUN port=$PORT dbname=$DB user=postgres"
  cat <<EOF

The demo database is ready. Connect with:

  $BINDIR/psql "$conninfo"

A first query (graphql.resolve answers GraphQL; graphql.sdl() shows the schema):

  $BINDIR/psql "$conninfo" -c "SELECT graphql.resolve('{ authors(limit: 3, order_by: {name: asc}) { name articles(limit: 1) { title } } }')"

Stop the cluster with: make stop
EOF
}

main() {
  local changed
  build_and_install
  BINDIR=$(pg_bindir)
  prepare_run_dir
  init_cluster
  changed=$(write_config)
  start_server "$changed"
  load_demo
  show_usage
  show_http
}

main "$@"
