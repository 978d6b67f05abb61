# cluster.sh - a temporary cluster with the HTTP workers on a free loopback
# port, for test/http/run.sh (sourced, not run).
# shellcheck shell=bash
#
# http_cluster_start DIR DB [CONF]: initdb in DIR/data, the HTTP settings of
# the tests (then the lines CONF, which override them), start, CREATE
# DATABASE DB with the demo data and the test roles.  Sets HTTP_PORT,
# PG_PORT, PGHOST_DIR.  http_cluster_stop stops it.

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

http_psql() {
  "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_DIR" -p "$PG_PORT" -U postgres "$@"
}

http_cluster_start() {
  local dir=$1 db=$2 conf=${3:-}
  PGHOST_DIR=$dir
  PG_PORT=$(free_port)
  HTTP_PORT=$(free_port)
  while [ "$HTTP_PORT" = "$PG_PORT" ]; do HTTP_PORT=$(free_port); done
  mkdir -p "$dir"
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  as_pg "$BINDIR/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || return 1
  as_pg tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF || return 1
listen_addresses = ''
port = $PG_PORT
unix_socket_directories = '$dir'
shared_preload_libraries = 'graphql'
fsync = off
max_connections = 20
shared_buffers = 16MB
graphql.http_port = $HTTP_PORT
graphql.http_listen_addresses = '127.0.0.1'
graphql.http_workers = 2
graphql.http_database = '$db'
graphql.http_admin_secret = 'test-admin-secret'
graphql.http_jwt_secret = '{"type": "HS256", "key": "an-hs256-test-secret-of-32-bytes!!", "allowed_skew": 5}'
graphql.http_max_body_size = 65536
graphql.http_statement_timeout = 1000
graphql.http_connection_timeout = 5
$conf
CONF
  # 9>&-: the server must not inherit make test's lock (scripts/test.sh)
  as_pg "$BINDIR/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start >/dev/null 9>&- || return 1
  http_psql -d postgres -c "CREATE DATABASE $db" || return 1
  http_psql -d "$db" -c "CREATE EXTENSION graphql" -f "$ROOT/demo/demo.sql" >/dev/null || return 1
}

http_cluster_stop() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$BINDIR/pg_ctl" -D "$dir/data" stop -m fast -w >/dev/null 2>&1 ||
      as_pg "$BINDIR/pg_ctl" -D "$dir/data" stop -m immediate -w >/dev/null 2>&1 || true
  fi
}
