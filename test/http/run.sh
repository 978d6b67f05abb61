#!/usr/bin/env bash
# run.sh - integration tests of the HTTP server (src/http/) against a
# temporary cluster whose workers listen on a free loopback port.
#
#   test/http/run.sh [--audit SHARED]
#
# Every endpoint, batches, GET, content negotiation, CORS, each way to
# authenticate (admin secret, JWT HS256/RS256/ES256 valid and expired,
# not yet valid, wrong key, alg none, tampered, algorithm confusion; API
# keys live, read-only, revoked, expired; anonymous role; trusted
# headers), the metadata API (admin only, Hasura's statuses: 400 with the
# error's path, 409 on a stale resource_version, 500; rollback of failed
# requests; hostile bodies), role switching and session variables, the
# owner-only recipe set up through /v1/metadata (no cross-owner row for
# JWTs or API keys), backend-only insert permissions, the statement timeout,
# settings reloaded on SIGHUP, and hostile requests after which the
# worker pids must be unchanged.  Prints TAP lines and ends with
# "http: N passed, M failed".  With --audit, also runs graphql-http's
# audit (SHARED/conformance/http/http_audit.js) against the same server,
# which prints its own "graphql-http-audit: N passed, M failed".
#
# Needs: the extension installed, curl, node (tokens: test/http/jwt.js),
# openssl (keys).  Run as root (clusters run as postgres) or as a user
# that may run PostgreSQL.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/common.sh
. "$HERE/../../scripts/common.sh"
# shellcheck source=test/http/cluster.sh
. "$HERE/cluster.sh"
BINDIR=$(pg_bindir)
AUDIT_SHARED=""
if [ "${1:-}" = "--audit" ]; then AUDIT_SHARED=$2; fi

T=$(mktemp -d -t graphql-http.XXXXXX)
chmod 755 "$T"
DB=graphql_http
trap 'http_cluster_stop "$T/c"; rm -rf "$T"' EXIT
N=0
FAILED=0
SECRET=test-admin-secret
HS_KEY='an-hs256-test-secret-of-32-bytes!!'
MUTATIONS=""    # the name of the mutation root, when the schema has one

# ------------------------------------------------------------ helpers

pass() { N=$((N + 1)); echo "ok $N - $1"; }
fail() {
  N=$((N + 1)); FAILED=$((FAILED + 1)); echo "not ok $N - $1"
  echo "#   status $STATUS, content type '$CTYPE'"; head -c 600 "$T/body" | sed 's/^/#   /'; echo
}

# req CURL_ARGS...: one request; sets STATUS, CTYPE, BODY (the body is also in $T/body)
req() {
  STATUS=$(curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' --max-time 10 "$@")
  CTYPE=$(sed -nE 's/^[Cc]ontent-[Tt]ype: *([^\r]*)\r?$/\1/p' "$T/headers" | tail -n 1)
  BODY=$(cat "$T/body")
}

# gql [CURL_ARGS...] JSON: POST JSON to /v1/graphql
gql() {
  local body=${*: -1}
  req -X POST -H 'Content-Type: application/json' "${@:1:$#-1}" --data-binary "$body" "$URL/v1/graphql"
}

admin=(-H "X-Hasura-Admin-Secret: $SECRET")

# expect NAME STATUS [SUBSTRING...]: the last response has the status and contains every substring
expect() {
  local name=$1 status=$2 s
  shift 2
  if [ "$STATUS" != "$status" ]; then fail "$name (expected status $status)"; return; fi
  for s in "$@"; do
    case $BODY in *"$s"*) ;; *) fail "$name (expected '$s' in the body)"; return ;; esac
  done
  pass "$name"
}

# expectc NAME STATUS [SUBSTRING...]: expect, blanks ignored (in the body and the substrings)
expectc() {
  local body=$BODY a=("$1" "$2") s
  for s in "${@:3}"; do a+=("${s// /}"); done
  BODY=${BODY// /}
  expect "${a[@]}"
  BODY=$body
}

# lacks NAME SUBSTRING: the last body does not contain it
lacks() {
  case $BODY in *"$2"*) fail "$1 (did not expect '$2')" ;; *) pass "$1" ;; esac
}

header_has() {
  if grep -qi "^$2" "$T/headers"; then pass "$1"; else fail "$1 (no header '$2')"; fi
}

sql() { http_psql -d "$DB" -At -c "$1"; }

# Reload the configuration after ALTER SYSTEM; the workers re-read it on SIGHUP
reload() {
  sql "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
}

worker_pids() {
  sql "SELECT string_agg(pid::text, ',' ORDER BY pid) FROM pg_stat_activity WHERE backend_type = 'graphql http worker'"
}

jwt() { node "$HERE/jwt.js" "$@"; }
hasura_claims() {
  printf '{"sub":"u1","exp":"+300","iat":"-10","https://hasura.io/jwt/claims":{"x-hasura-default-role":"reader","x-hasura-allowed-roles":["reader","writer"],"x-hasura-user-id":"%s"}}' "${1:-42}"
}

# ------------------------------------------------------------ set up

setup() {
  http_cluster_start "$T/c" "$DB" || { cat "$T/c/postgresql.log" 2>/dev/null | tail -n 30; return 1; }
  URL=http://127.0.0.1:$HTTP_PORT
  http_psql -d "$DB" >/dev/null <<'SQL' || return 1
CREATE ROLE reader NOLOGIN;
CREATE ROLE writer NOLOGIN;
CREATE ROLE anon NOLOGIN;
GRANT SELECT ON public.authors, public.articles TO reader, writer;
GRANT SELECT ON public.tags TO anon;
GRANT SELECT, INSERT, UPDATE ON public.tags TO writer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO writer;
CREATE VIEW public.whoami AS
  SELECT current_user::text AS role, current_setting('graphql.session', true) AS session,
         current_setting('transaction_read_only') AS read_only;
GRANT SELECT ON public.whoami TO PUBLIC;
-- the owner-only recipe: row level security on the session's user id
CREATE TABLE public.notes (id serial PRIMARY KEY, owner_id text NOT NULL, body text);
INSERT INTO public.notes (owner_id, body) VALUES ('42', 'mine'), ('42', 'also mine'), ('7', 'not mine');
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY owner_only ON public.notes FOR SELECT TO reader
  USING (owner_id = current_setting('graphql.session', true)::jsonb ->> 'x-hasura-user-id');
GRANT SELECT ON public.notes TO reader;
CREATE VIEW public.slow AS SELECT 1 AS one FROM pg_sleep(3);
-- a write behind a view: what a read-only transaction must refuse
CREATE TABLE public.audit_log (id serial PRIMARY KEY, at timestamptz DEFAULT now());
CREATE FUNCTION public.log_visit() RETURNS integer LANGUAGE sql VOLATILE
  AS 'INSERT INTO public.audit_log DEFAULT VALUES RETURNING id';
GRANT ALL ON public.audit_log, public.audit_log_id_seq TO reader, writer;
SQL
  MUTATIONS=$(sql "SELECT graphql.resolve('{ __schema { mutationType { name } } }')::json #>> '{data,__schema,mutationType,name}'")
  local i
  for i in $(seq 100); do
    curl -sf "$URL/healthz" >/dev/null 2>&1 && [ "$(worker_pids | tr ',' '\n' | grep -c .)" -eq 2 ] && return 0
    sleep 0.2
  done
  echo "the HTTP workers did not come up"; tail -n 30 "$T/c/postgresql.log"
  return 1
}

# ------------------------------------------------------------ endpoints

test_endpoints() {
  req "$URL/healthz"
  expect "GET /healthz answers OK" 200 OK
  req "$URL/v1/version"
  expect "GET /v1/version gives the version" 200 '"version":"0.1.0"'
  req "$URL/nowhere"
  expect "an unknown path is 404 with a JSON error" 404 '"code":"not-found"'
  req -X DELETE "$URL/v1/graphql"
  expect "DELETE /v1/graphql is 405" 405
  header_has "405 names the allowed methods" "Allow: GET, POST"
  gql "${admin[@]}" '{"query": "{ authors(limit: 2, order_by: {id: asc}) { id } }"}'
  expect "POST /v1/graphql as admin answers the query" 200 '"authors"' '"id"'
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" \
    --data '{"query": "{ authors(limit: 1) { id } }"}' "$URL/graphql"
  expect "POST /graphql is the same endpoint" 200 '"authors"'
  gql "${admin[@]}" '{"query": "query A { tags(limit: 1) { id } } query B { authors(limit: 1) { name } }", "operationName": "B", "variables": null}'
  expect "operationName chooses the operation" 200 '"authors"'
  gql "${admin[@]}" '{"query": "query ($n: Int!) { authors(limit: $n) { id } }", "variables": {"n": 3}}'
  expect "variables are passed" 200 '"authors"'
  gql "${admin[@]}" '[{"query": "{ authors(limit: 1) { id } }"}, {"query": "{ tags(limit: 1) { name } }"}, {"query": "{ nope }"}]'
  if [ "$STATUS" = 200 ] && [ "$(printf '%s' "$BODY" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const a=JSON.parse(s);console.log(Array.isArray(a)&&a.length===3&&a[0].data&&a[1].data&&a[2].errors?"yes":"no")})')" = yes ]; then
    pass "a batch is answered with an array, one answer per request"
  else fail "a batch is answered with an array, one answer per request"; fi
  gql "${admin[@]}" '[]'
  expect "an empty batch is 400" 400
  req "${admin[@]}" -G --data-urlencode 'query={ authors(limit: 1) { name } }' "$URL/v1/graphql"
  expect "GET with a query parameter" 200 '"authors"'
  req "${admin[@]}" -G --data-urlencode 'query=query ($n: Int) { authors(limit: $n) { id } }' \
    --data-urlencode 'variables={"n": 2}' --data-urlencode 'operationName=' "$URL/v1/graphql"
  expect "GET with variables" 200 '"authors"'
  req "${admin[@]}" -G --data-urlencode 'query=mutation { insert_tags_one(object: {name: "x"}) { id } }' "$URL/v1/graphql"
  expect "a mutation over GET is 405" 405
  header_has "the 405 names POST" "Allow: POST"
  req "${admin[@]}" "$URL/v1/graphql"
  expect "GET without a query is 400" 400
  req "${admin[@]}" -G --data-urlencode 'query={ authors { id } }' --data-urlencode 'variables=[1' "$URL/v1/graphql"
  expect "GET with invalid variables JSON is 400" 400 "invalid JSON"
}

# jget PATH: a value of the last JSON body (dot-separated keys), objects as JSON
jget() {
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split(".").filter(Boolean))v=v==null?undefined:v[k];console.log(typeof v==="object"?JSON.stringify(v):String(v))})' "$1" <"$T/body"
}

# meta [CURL_ARGS...] JSON: POST JSON to /v1/metadata
meta() {
  local body=${*: -1}
  req -X POST -H 'Content-Type: application/json' "${@:1:$#-1}" --data-binary "$body" "$URL/v1/metadata"
}

items='{"query": "{ meta_items { name } }"}'
track_items='"args": {"table": {"schema": "meta", "name": "items"}}'
export2='{"type": "export_metadata", "version": 2, "args": {}}'

# Who may use /v1/metadata: admin only, Hasura's error shape and statuses
test_metadata_auth() {
  local key
  meta "$export2"
  expect "POST /v1/metadata without credentials is 401, in Hasura's error shape" 401 '"path":"$"' '"code":"access-denied"'
  meta -H 'X-Hasura-Admin-Secret: wrong' "$export2"
  expect "/v1/metadata with a wrong admin secret is 401" 401 '"error":"invalid x-hasura-admin-secret'
  meta "${admin[@]}" -H 'X-Hasura-Role: reader' "$export2"
  expect "admin secret with X-Hasura-Role: not admin, 400 access-denied (as Hasura)" 400 '"code":"access-denied"' "You have to be an admin"
  meta -H "Authorization: Bearer $(jwt HS256 "$HS_KEY" "$(hasura_claims 42)")" "$export2"
  expect "a JWT's role on /v1/metadata is 400 access-denied" 400 '"code":"access-denied"'
  key=$(sql "SELECT graphql.create_api_key('reader')")
  meta -H "Authorization: Bearer $key" "$export2"
  expect "an API key's role on /v1/metadata is 400 access-denied" 400 '"code":"access-denied"'
  meta "${admin[@]}" -H 'X-Hasura-Role: nosuchrole' "$export2"
  expect "a role that does not exist on /v1/metadata is 403" 403 '"code":"access-denied"'
  meta "${admin[@]}" -H 'X-Hasura-Role: admin' "$export2"
  expect "admin secret with X-Hasura-Role: admin is admin" 200 '"resource_version"'
  req "$URL/v1/metadata"
  expect "GET /v1/metadata is 405" 405 '"code":"method-not-allowed"'
}

# The metadata API over HTTP: export, changes seen by the workers'
# schema at once, resource_version conflicts, errors with their paths,
# rollback of failed requests
test_metadata_api() {
  local rv rv2 exported
  sql "CREATE SCHEMA meta; CREATE TABLE meta.items (id serial PRIMARY KEY, name text);
       INSERT INTO meta.items (name) VALUES ('one'); CREATE TABLE meta.locked (id int PRIMARY KEY)" >/dev/null
  meta "${admin[@]}" "$export2"
  expect "export_metadata (version 2) as admin" 200 '"resource_version"' '"metadata"' '"sources"'
  rv=$(jget resource_version)
  exported=$(jget metadata)
  gql "${admin[@]}" "$items"
  expect "an untracked table outside graphql.schemas is not in the schema" 200 '"errors"'
  meta "${admin[@]}" "{\"type\": \"pg_track_table\", \"resource_version\": $rv, $track_items}"
  expect "pg_track_table with the current resource_version" 200 '"message": "success"'
  gql "${admin[@]}" "$items"
  expect "the workers' schema follows at once: the tracked table answers" 200 '"one"'
  meta "${admin[@]}" "{\"type\": \"pg_untrack_table\", \"resource_version\": $rv, $track_items}"
  expect "a stale resource_version is 409 conflict" 409 '"code": "conflict"' '"path": "$"' 'did not match'
  gql "${admin[@]}" "$items"
  expect "... and changes nothing (the table is still tracked)" 200 '"one"'
  meta "${admin[@]}" "$export2"
  rv2=$(jget resource_version)
  if [ "$rv2" = $((rv + 1)) ]; then pass "resource_version grew by one: only the successful change counted"
  else fail "resource_version grew by one: only the successful change counted ($rv, then $rv2)"; fi
  meta "${admin[@]}" "{\"type\": \"replace_metadata\", \"version\": 2, \"resource_version\": $rv2, \"args\": {\"metadata\": $exported}}"
  expect "replace_metadata with the first export" 200
  gql "${admin[@]}" "$items"
  expect "... the table is untracked again" 200 '"errors"'
  meta "${admin[@]}" '{"type": "pg_track_table", "args": {"table": {"schema": "meta", "name": "nope"}}}'
  expect "a missing table is 400 not-exists with the argument's path" 400 '"code": "not-exists"' '"path": "$.args.table"'
  meta "${admin[@]}" '{"type": "pg_track_table", "args": {"tabl": "items"}}'
  expect "a bad argument is 400 parse-failed with its path" 400 '"code": "parse-failed"' '"path": "$.args"'
  meta "${admin[@]}" '{"type": "no_such_command", "args": {}}'
  expect "an unknown command is 400 with the path of its type" 400 '"path": "$.type"'
  meta "${admin[@]}" "{\"type\": \"bulk\", \"args\": [{\"type\": \"pg_track_table\", $track_items}, {\"type\": \"pg_track_table\", \"args\": {\"table\": \"nope\"}}]}"
  expect "bulk: the failing command's error, with its path" 400 '"path": "$.args[1].args.table"'
  gql "${admin[@]}" "$items"
  expect "... and the transaction was rolled back: the first command did not stay" 200 '"errors"'
  meta "${admin[@]}" '"a string"'
  expect "a request that is not an object is 400 parse-failed" 400 '"code": "parse-failed"'
  meta "${admin[@]}" '{"type": "export_metadata", "args": '
  expect "invalid JSON is 400 invalid-json" 400 '"code":"invalid-json"' 'invalid JSON'
  meta "${admin[@]}" ''
  expect "an empty body is 400" 400 '"code":"invalid-json"'
  req -X POST "${admin[@]}" -H 'Content-Type: text/plain' --data "$export2" "$URL/v1/metadata"
  expect "a body that is not JSON (Content-Type) is 415" 415 '"code":"invalid-headers"'
  if [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'graphql http worker' AND state = 'idle in transaction'")" = 0 ]; then
    pass "no worker is left in a transaction after the metadata errors"
  else fail "no worker is left in a transaction after the metadata errors"; fi
}

# 500: an internal error inside graphql.metadata (GQ100 "unexpected": a
# lock timeout while compiling permissions) and an error it does not catch
# (the statement timeout while it waits for the metadata lock)
test_metadata_500() {
  local spec='{"type": "pg_create_select_permission", "args": {"table": {"schema": "meta", "name": "locked"}, "role": "reader", "permission": {"columns": "*", "filter": {}}}}'
  meta "${admin[@]}" '{"type": "pg_track_table", "args": {"table": {"schema": "meta", "name": "locked"}}}'
  expect "pg_track_table meta.locked" 200
  sql "ALTER SYSTEM SET lock_timeout = '200ms'" >/dev/null
  reload
  sql "BEGIN; LOCK TABLE meta.locked IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(1.5); COMMIT" >/dev/null &
  sleep 0.3
  meta "${admin[@]}" "$spec"
  wait
  expect "an internal error of the metadata API (lock timeout) is 500 unexpected, its body verbatim" 500 \
    '"code": "unexpected"' '"path": "$"' 'lock timeout'
  sql "ALTER SYSTEM RESET lock_timeout" >/dev/null
  reload
  if [ "$(sql "SELECT count(*) FROM graphql.metadata_permission")" = 0 ]; then pass "... and was rolled back"
  else fail "... and was rolled back"; fi
  sql "BEGIN; SELECT 1 FROM graphql.metadata_state FOR UPDATE; SELECT pg_sleep(2); COMMIT" >/dev/null &
  sleep 0.3
  meta "${admin[@]}" "$spec"
  wait
  expect "another error (the statement timeout) is 500 unexpected with its message for admins" 500 \
    '"code":"unexpected"' 'statement timeout'
  meta "${admin[@]}" "$spec"
  expect "the same request succeeds once the lock is free" 200 '"message": "success"'
}

# Hostile metadata bodies: answered with a JSON error; no worker dies
test_metadata_hostile() {
  local before after
  before=$(worker_pids)
  head -c 30000 /dev/zero | tr '\0' '[' >"$T/deep"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/deep" "$URL/v1/metadata"
  expect "/v1/metadata: deeply nested invalid JSON is 400 invalid-json" 400 '"code":"invalid-json"'
  node -e 'const n=1000;process.stdout.write("{\"type\":\"bulk\",\"args\":[".repeat(n)+"{\"type\":\"export_metadata\",\"args\":{}}"+"]}".repeat(n))' >"$T/deepbulk"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/deepbulk" "$URL/v1/metadata"
  case $STATUS in 4*|5*) expect "/v1/metadata: bulk nested 1000 deep is an error answer" "$STATUS" '"code"' '"path"' ;;
    *) fail "/v1/metadata: bulk nested 1000 deep is an error answer" ;; esac
  node -e 'const n=5000;process.stdout.write("{\"type\":\"pg_track_table\",\"args\":{\"table\":"+"{\"a\":".repeat(n)+"1"+"}".repeat(n)+"}}")' >"$T/deepargs"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/deepargs" "$URL/v1/metadata"
  expect "/v1/metadata: arguments nested 5000 deep are 400 parse-failed" 400 '"code": "parse-failed"'
  head -c 70000 /dev/zero | tr '\0' ' ' >"$T/big"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/big" "$URL/v1/metadata"
  expect "/v1/metadata: a body over graphql.http_max_body_size is 413, in Hasura's shape" 413 '"path":"$"' '"code"'
  printf '{"type": "export_metadata", "args": {"a": "\xff\xfe"}}' >"$T/bad-utf8"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/bad-utf8" "$URL/v1/metadata"
  expect "/v1/metadata: invalid UTF-8 is 400" 400 UTF-8
  printf '{"type": "export_metadata", "args": {"a": "\\u0000"}}' >"$T/nul"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/nul" "$URL/v1/metadata"
  expect "/v1/metadata: \\u0000 is 400 invalid-json" 400 '"code":"invalid-json"'
  printf '{"type": "export_metadata", "args": {}}\0garbage' >"$T/nulbyte"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/nulbyte" "$URL/v1/metadata"
  expect "/v1/metadata: a NUL byte is 400" 400
  raw 'POST /v1/metadata HTTP/1.1\r\nHost: x\r\nX-Hasura-Admin-Secret: '"$SECRET"'\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"type": "exp' >/dev/null
  pass "/v1/metadata: a client that disconnects mid-body is survived"
  meta "${admin[@]}" "$export2"
  expect "/v1/metadata answers after the hostile bodies" 200 '"resource_version"'
  after=$(worker_pids)
  if [ -n "$before" ] && [ "$before" = "$after" ]; then pass "the worker pids are unchanged after hostile metadata bodies ($after)"
  else fail "the worker pids are unchanged after hostile metadata bodies (before $before, after $after)"; fi
}

test_metadata() {
  test_metadata_auth
  test_metadata_api
  test_metadata_500
  test_metadata_hostile
}

# ------------------------------------------------------------ negotiation

test_negotiation() {
  gql "${admin[@]}" -H 'Accept: application/graphql-response+json' '{"query": "{ authors(limit: 1) { id } }"}'
  if [ "$STATUS" = 200 ] && [[ $CTYPE == application/graphql-response+json* ]]; then
    pass "Accept: application/graphql-response+json is answered in it"
  else fail "Accept: application/graphql-response+json is answered in it"; fi
  gql "${admin[@]}" -H 'Accept: application/json' '{"query": "{ authors(limit: 1) { id } }"}'
  if [[ $CTYPE == application/json* ]]; then pass "Accept: application/json"; else fail "Accept: application/json"; fi
  gql "${admin[@]}" -H 'Accept: */*' '{"query": "{ authors(limit: 1) { id } }"}'
  if [[ $CTYPE == application/json* ]]; then pass "Accept: */* gives application/json"; else fail "Accept: */* gives application/json"; fi
  gql "${admin[@]}" -H 'Accept: application/graphql-response+json;q=0.5, application/json' '{"query": "{ authors(limit: 1) { id } }"}'
  if [[ $CTYPE == application/json* ]]; then pass "quality values decide"; else fail "quality values decide"; fi
  gql "${admin[@]}" -H 'Accept: text/html' '{"query": "{ authors(limit: 1) { id } }"}'
  expect "an unacceptable Accept is 406" 406
  gql "${admin[@]}" -H 'Accept: application/graphql-response+json' '{"query": "{ nope }"}'
  expect "a validation error with graphql-response+json is 400" 400 '"errors"'
  lacks "... and has no data entry" '"data"'
  gql "${admin[@]}" -H 'Accept: application/json' '{"query": "{ nope }"}'
  expect "a validation error with application/json is 200" 200 '"errors"'
  gql "${admin[@]}" -H 'Accept: application/graphql-response+json' '{"query": "{"}'
  expect "a syntax error with graphql-response+json is 400" 400 '"errors"'
  req -X POST "${admin[@]}" -H 'Content-Type: text/plain' --data '{"query": "{ authors { id } }"}' "$URL/v1/graphql"
  expect "a POST that is not JSON is 415" 415
  req -X POST "${admin[@]}" -H 'Content-Type:' --data-binary '{"query": "{ authors { id } }"}' "$URL/v1/graphql"
  expect "a POST without Content-Type is 415" 415
  req -X POST "${admin[@]}" -H 'Content-Type: application/json; charset=latin1' --data '{"query": "{ tags { id } }"}' "$URL/v1/graphql"
  expect "a charset other than UTF-8 is refused" 415
  gql "${admin[@]}" '{"query": "{ authors { id } "'
  expect "invalid JSON is 400" 400 "invalid JSON"
  gql "${admin[@]}" '{"query": 1}'
  expect "a query that is not a string is 400" 400 "query must be a string"
  gql "${admin[@]}" '{"query": "{ tags { id } }", "variables": "x"}'
  expect "variables that are not an object are 400" 400
  gql "${admin[@]}" '{"query": "{ tags { id } }", "operationName": 3}'
  expect "an operationName that is not a string is 400" 400
  gql "${admin[@]}" '"just a string"'
  expect "a JSON scalar body is 400" 400
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" "$URL/v1/graphql"
  expect "an empty body is 400" 400
  head -c 70000 /dev/zero | tr '\0' ' ' >"$T/big"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/big" "$URL/v1/graphql"
  expect "a body over graphql.http_max_body_size is 413" 413
  req -X POST -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' "${admin[@]}" --data-binary "@$T/big" "$URL/v1/graphql"
  expect "a chunked body over the limit is 413" 413
}

test_cors() {
  gql "${admin[@]}" -H 'Origin: https://app.example' '{"query": "{ tags(limit: 1) { id } }"}'
  header_has "CORS: any origin by default" "Access-Control-Allow-Origin: \\*"
  req -X OPTIONS -H 'Origin: https://app.example' -H 'Access-Control-Request-Method: POST' \
    -H 'Access-Control-Request-Headers: content-type, x-hasura-admin-secret' "$URL/v1/graphql"
  expect "a preflight is 204" 204
  header_has "the preflight names the methods" "Access-Control-Allow-Methods: GET, POST"
  header_has "the preflight allows the requested headers" "Access-Control-Allow-Headers: content-type, x-hasura-admin-secret"
  sql "ALTER SYSTEM SET graphql.http_cors_origins = 'https://good.example'" >/dev/null
  reload
  gql "${admin[@]}" -H 'Origin: https://good.example' '{"query": "{ tags(limit: 1) { id } }"}'
  header_has "a listed origin is echoed" "Access-Control-Allow-Origin: https://good.example"
  gql "${admin[@]}" -H 'Origin: https://evil.example' '{"query": "{ tags(limit: 1) { id } }"}'
  if grep -qi '^Access-Control-Allow-Origin' "$T/headers"; then fail "an unlisted origin gets no CORS header"; else pass "an unlisted origin gets no CORS header"; fi
  sql "ALTER SYSTEM RESET graphql.http_cors_origins" >/dev/null
  reload
}

# ------------------------------------------------------------ authentication

whoami='{"query": "{ whoami { role session read_only } }"}'

test_admin_secret() {
  gql '{"query": "{ tags { id } }"}'
  expect "no credentials: 401" 401 access-denied
  header_has "401 says WWW-Authenticate" "WWW-Authenticate: Bearer"
  gql -H 'X-Hasura-Admin-Secret: wrong' '{"query": "{ tags { id } }"}'
  expect "a wrong admin secret: 401" 401 "invalid x-hasura-admin-secret"
  gql -H "X-Hasura-Admin-Secret: ${SECRET}x" '{"query": "{ tags { id } }"}'
  expect "the admin secret with a suffix: 401" 401
  gql "${admin[@]}" "$whoami"
  expect "admin runs as the workers' role" 200 '"role" : "postgres"'
  gql "${admin[@]}" -H 'X-Hasura-Role: reader' -H 'X-Hasura-User-Id: 7' "$whoami"
  expect "admin with X-Hasura-Role runs as that role, headers as session" 200 '"role" : "reader"' 'x-hasura-user-id' '7'
  gql "${admin[@]}" -H 'X-Hasura-Role: nosuchrole' "$whoami"
  expect "a role that does not exist: 403" 403
  gql "${admin[@]}" -H 'X-Hasura-Role: reader' '{"query": "{ tags { id } }"}'
  expect "the role's schema applies (reader cannot see tags)" 200 '"errors"'
}

test_jwt_hs() {
  local tok
  tok=$(jwt HS256 "$HS_KEY" "$(hasura_claims 42)")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT HS256: the default role" 200 '"role" : "reader"' 'x-hasura-user-id' '42'
  gql -H "Authorization: Bearer $tok" '{"query": "{ notes(order_by: {id: asc}) { owner_id body } }"}'
  expect "owner-only RLS over the JWT's user id: the own rows" 200 '"mine"' '"also mine"'
  lacks "... and no row of another owner" '"not mine"'
  gql -H "Authorization: Bearer $(jwt HS256 "$HS_KEY" "$(hasura_claims 7)")" '{"query": "{ notes { body } }"}'
  expect "another user sees only theirs" 200 '"not mine"'
  lacks "... and not the first user's" '"mine"'
  gql -H "Authorization: bearer $tok" -H 'X-Hasura-Role: writer' "$whoami"
  expect "JWT: X-Hasura-Role within the allowed roles" 200 '"role" : "writer"'
  gql -H "Authorization: Bearer $tok" -H 'X-Hasura-Role: anon' "$whoami"
  expect "JWT: X-Hasura-Role outside the allowed roles is 403" 403 "not in allowed roles"
  tok=$(jwt HS256 "$HS_KEY" '{"sub":"u1","role":"writer","exp":"+300","tenant":"t9"}')
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT with a top-level role claim; the claims are the session" 200 '"role" : "writer"' 'tenant'
  tok=$(jwt HS256 "$HS_KEY" '{"exp":"-60","https://hasura.io/jwt/claims":{"x-hasura-default-role":"reader","x-hasura-allowed-roles":["reader"]}}')
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: expired is 401" 401 JWTExpired
  tok=$(jwt HS256 "$HS_KEY" '{"exp":"-2","https://hasura.io/jwt/claims":{"x-hasura-default-role":"reader","x-hasura-allowed-roles":["reader"]}}')
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: expired within allowed_skew is accepted" 200 '"role" : "reader"'
  tok=$(jwt HS256 "$HS_KEY" '{"nbf":"+120","exp":"+300","https://hasura.io/jwt/claims":{"x-hasura-default-role":"reader","x-hasura-allowed-roles":["reader"]}}')
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: not yet valid (nbf) is 401" 401 JWTNotYetValid
  tok=$(jwt HS256 "$HS_KEY" '{"iat":"+120","exp":"+300","https://hasura.io/jwt/claims":{"x-hasura-default-role":"reader","x-hasura-allowed-roles":["reader"]}}')
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: issued in the future (iat) is 401" 401
  tok=$(jwt HS256 'another-secret-another-secret-xx' "$(hasura_claims)")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: a wrong key is 401" 401 JWSInvalidSignature
  tok=$(jwt none '' "$(hasura_claims)")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: alg none is 401" 401 "algorithm must be HS256"
  tok=$(jwt none '' "$(hasura_claims)" '{"alg":"HS256","typ":"JWT"}')
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: HS256 header with an empty signature is 401" 401
  tok=$(jwt HS384 "$HS_KEY" "$(hasura_claims)")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: another algorithm than the configured one is 401" 401 "algorithm must be HS256"
  tok=$(jwt HS256 "$HS_KEY" "$(hasura_claims 42)")
  local forged
  forged=$(printf '%s' "$(hasura_claims 1)" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(Buffer.from(s).toString("base64url")))')
  gql -H "Authorization: Bearer ${tok%%.*}.$forged.${tok##*.}" "$whoami"
  expect "JWT: a tampered payload is 401" 401 JWSInvalidSignature
  gql -H "Authorization: Bearer ${tok}x" "$whoami"
  expect "JWT: a tampered signature is 401" 401
  gql -H "Authorization: Bearer not.a.jwt.at.all" "$whoami"
  expect "JWT: garbage is 401" 401
  gql -H "Authorization: Basic dXNlcjpwYXNz" "$whoami"
  expect "Authorization that is not Bearer is 401" 401 malformed
  tok=$(jwt HS256 "$HS_KEY" '{"exp":"+300","https://hasura.io/jwt/claims":{"x-hasura-allowed-roles":["reader"]}}')
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT: Hasura claims without a default role are 401" 401
}

# RS256 and ES256 with PEM keys; the configuration is reloaded on SIGHUP
test_jwt_pk() {
  local tok pem
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$T/rsa.pem" 2>/dev/null
  openssl pkey -in "$T/rsa.pem" -pubout -out "$T/rsa.pub" 2>/dev/null
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$T/rsa2.pem" 2>/dev/null
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$T/ec.pem" 2>/dev/null
  openssl pkey -in "$T/ec.pem" -pubout -out "$T/ec.pub" 2>/dev/null
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$T/ec2.pem" 2>/dev/null
  pem=$(node -e 'process.stdout.write(JSON.stringify({type:"RS256",key:require("fs").readFileSync(process.argv[1],"utf8"),audience:["api","other"],issuer:"https://issuer.example"}))' "$T/rsa.pub")
  sql "ALTER SYSTEM SET graphql.http_jwt_secret = '$pem'" >/dev/null
  reload
  local claims='{"aud":"api","iss":"https://issuer.example","exp":"+300","https://hasura.io/jwt/claims":{"x-hasura-default-role":"reader","x-hasura-allowed-roles":["reader"]}}'
  tok=$(jwt RS256 "@$T/rsa.pem" "$claims")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT RS256 (after a reload), audience and issuer" 200 '"role" : "reader"'
  tok=$(jwt RS256 "@$T/rsa2.pem" "$claims")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT RS256 signed by another key is 401" 401 JWSInvalidSignature
  tok=$(jwt HS256 "$(cat "$T/rsa.pub")" "$claims")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "algorithm confusion (HS256 keyed with the RSA public key) is 401" 401 "algorithm must be RS256"
  tok=$(jwt RS256 "@$T/rsa.pem" "${claims/\"api\"/\"elsewhere\"}")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT for another audience is 401" 401 JWTNotInAudience
  tok=$(jwt RS256 "@$T/rsa.pem" "${claims/issuer.example/evil.example}")
  gql -H "Authorization: Bearer $tok" "$whoami"
  expect "JWT from another issuer is 401" 401 JWTNotInIssuer

  pem=$(node -e 'process.stdout.write(JSON.stringify({type:"ES256",key:require("fs").readFileSync(process.argv[1],"utf8"),header:{type:"Cookie",name:"tok"},claims_format:"stringified_json"}))' "$T/ec.pub")
  sql "ALTER SYSTEM SET graphql.http_jwt_secret = '$pem'" >/dev/null
  reload
  claims='{"exp":"+300","https://hasura.io/jwt/claims":"{\"x-hasura-default-role\":\"writer\",\"x-hasura-allowed-roles\":[\"writer\"]}"}'
  tok=$(jwt ES256 "@$T/ec.pem" "$claims")
  gql -H "Cookie: a=b; tok=$tok" "$whoami"
  expect "JWT ES256 from a cookie, stringified claims" 200 '"role" : "writer"'
  tok=$(jwt ES256 "@$T/ec2.pem" "$claims")
  gql -H "Cookie: tok=$tok" "$whoami"
  expect "JWT ES256 signed by another key is 401" 401
  sql "ALTER SYSTEM RESET graphql.http_jwt_secret" >/dev/null
  reload
}

test_api_keys() {
  local key ro rw revoked expired id
  key=$(sql "SELECT graphql.create_api_key('reader', '{\"X-Hasura-Org\": \"acme\"}', description => 'test')")
  ro=$(sql "SELECT graphql.create_api_key('writer', read_only => true)")
  revoked=$(sql "SELECT graphql.create_api_key('reader')")
  expired=$(sql "SELECT graphql.create_api_key('reader', expires => now() - interval '1 minute')")
  id=$(sql "SELECT id FROM graphql.api_key_list WHERE key_prefix = left('$revoked', 13)")
  if [ "$(sql "SELECT graphql.revoke_api_key($id)")" = t ] && [ "$(sql "SELECT graphql.revoke_api_key($id)")" = f ]; then
    pass "revoke_api_key revokes a live key once"
  else fail "revoke_api_key revokes a live key once"; fi
  if [ "$(sql "SELECT count(*) FROM graphql.api_key_list t WHERE t::text LIKE '%${key:13}%'")" = 0 ] &&
     [ "$(sql "SELECT count(*) FROM graphql.api_keys WHERE key_hash = sha256(convert_to('$key', 'UTF8'))")" = 1 ]; then
    pass "only the hash of a key is stored; the list shows no secret"
  else fail "only the hash of a key is stored; the list shows no secret"; fi
  gql -H "Authorization: Bearer $key" "$whoami"
  expect "an API key: its role and session (lower-case keys)" 200 '"role" : "reader"' 'x-hasura-org' 'acme'
  gql -H "Authorization: Bearer $ro" "$whoami"
  expect "a read-only API key: its role" 200 '"role" : "writer"'
  if [ -z "$MUTATIONS" ]; then
    fail "the schema has mutations (mutation_root)"
  else
    gql -H "Authorization: Bearer $ro" '{"query": "mutation { insert_tags_one(object: {name: \"ro\"}) { id } }"}'
    if [ "$STATUS" = 200 ] && [[ $BODY == *errors* ]] && [[ $BODY == *read-only* ]] &&
       [ "$(sql "SELECT count(*) FROM tags WHERE name = 'ro'")" = 0 ]; then
      pass "a read-only API key cannot run a mutation (read-only transaction)"
    else fail "a read-only API key cannot run a mutation (read-only transaction)"; fi
    rw=$(sql "SELECT graphql.create_api_key('writer')")
    gql -H "Authorization: Bearer $rw" '{"query": "mutation { insert_tags_one(object: {name: \"rw\"}) { id } }"}'
    if [ "$(sql "SELECT count(*) FROM tags WHERE name = 'rw'")" = 1 ]; then
      pass "a read-write API key can"
    else fail "a read-write API key can"; fi
  fi
  gql -H "Authorization: Bearer $revoked" "$whoami"
  expect "a revoked API key is 401" 401 "invalid API key"
  gql -H "Authorization: Bearer $expired" "$whoami"
  expect "an expired API key is 401" 401 "invalid API key"
  gql -H "Authorization: Bearer gqlk_0000000000000000" "$whoami"
  expect "an unknown API key is 401" 401
  if ! sql "SET ROLE reader; SELECT graphql.create_api_key('reader')" >/dev/null 2>&1; then
    pass "create_api_key is not for PUBLIC"
  else fail "create_api_key is not for PUBLIC"; fi
}

test_anonymous_and_trust() {
  sql "ALTER SYSTEM SET graphql.http_anonymous_role = 'anon'" >/dev/null
  reload
  gql "$whoami"
  expect "no credentials with graphql.http_anonymous_role: the anonymous role" 200 '"role" : "anon"'
  sql "ALTER SYSTEM RESET graphql.http_anonymous_role" >/dev/null
  sql "ALTER SYSTEM SET graphql.http_trust_headers = on" >/dev/null
  reload
  gql -H 'X-Hasura-Role: writer' -H 'X-Hasura-User-Id: 99' "$whoami"
  expect "graphql.http_trust_headers: X-Hasura-Role and X-Hasura-* as given" 200 '"role" : "writer"' 'x-hasura-user-id' '99'
  gql -H 'X-Hasura-Role: reader' -H 'X-Hasura-Admin-Secret: wrong' "$whoami"
  expect "a wrong admin secret is refused even when headers are trusted" 401
  meta "$export2"
  expect "trusted headers without X-Hasura-Role: /v1/metadata as admin" 200 '"resource_version"'
  meta -H 'X-Hasura-Role: admin' "$export2"
  expect "trusted headers with X-Hasura-Role: admin: /v1/metadata as admin" 200 '"resource_version"'
  meta -H 'X-Hasura-Role: reader' "$export2"
  expect "trusted headers with another role: /v1/metadata is 400 access-denied" 400 '"code":"access-denied"'
  sql "ALTER SYSTEM RESET graphql.http_trust_headers" >/dev/null
  reload
  gql -H 'X-Hasura-Role: writer' "$whoami"
  expect "without trust_headers, X-Hasura-Role alone is 401" 401
}

test_enabled_apis() {
  sql "ALTER SYSTEM SET graphql.enabled_apis = 'metadata'" >/dev/null
  reload
  gql "${admin[@]}" '{"query": "{ tags { id } }"}'
  expect "graphql.enabled_apis without graphql: /v1/graphql is 404" 404
  sql "ALTER SYSTEM RESET graphql.enabled_apis" >/dev/null
  reload
  gql "${admin[@]}" '{"query": "{ tags(limit: 1) { id } }"}'
  expect "... and back after a reload" 200 '"tags"'
  sql "ALTER SYSTEM SET graphql.enabled_apis = 'graphql'" >/dev/null
  reload
  meta "${admin[@]}" "$export2"
  expect "graphql.enabled_apis without metadata: /v1/metadata is 404" 404 '"code":"not-found"'
  sql "ALTER SYSTEM RESET graphql.enabled_apis" >/dev/null
  reload
  meta "${admin[@]}" "$export2"
  expect "... and back after a reload" 200 '"resource_version"'
}

# ------------------------------------------------------------ permissions through the metadata API

# user_claims ID [EXTRA]: Hasura claims for the role user with that user id
user_claims() {
  printf '{"sub":"u%s","exp":"+300","https://hasura.io/jwt/claims":{"x-hasura-default-role":"user","x-hasura-allowed-roles":["user"],"x-hasura-user-id":"%s"%s}}' "$1" "$1" "${2:-}"
}

# meta_ok NAME JSON: a metadata request as admin that must succeed
meta_ok() {
  meta "${admin[@]}" "$2"
  expect "$1" 200 '"message": "success"'
}

own_perm() {
  # own_perm KIND TABLE PERMISSION: pg_create_KIND_permission for role user
  meta_ok "pg_create_$1_permission on own.$2 for role user" \
    "{\"type\": \"pg_create_$1_permission\", \"args\": {\"table\": {\"schema\": \"own\", \"name\": \"$2\"}, \"role\": \"user\", \"permission\": $3}}"
}

# The owner-only recipe set up through POST /v1/metadata (tables,
# relationships, a permission of each kind for role user with the filter
# {owner_id: {_eq: X-Hasura-User-Id}}), then proved over HTTP for user 42
# and user 7 (JWTs and an API key): no request ever reaches the other's rows
test_owner_only() {
  local owner='{"owner_id": {"_eq": "X-Hasura-User-Id"}}' t42 t7 k7 who cred mine other
  sql "CREATE SCHEMA own;
       CREATE TABLE own.docs (id int PRIMARY KEY, owner_id int NOT NULL, title text);
       CREATE TABLE own.remarks (id int PRIMARY KEY, doc_id int NOT NULL REFERENCES own.docs, owner_id int NOT NULL, body text);
       INSERT INTO own.docs VALUES (1, 42, 'doc-a-42'), (2, 42, 'doc-b-42'), (3, 7, 'doc-c-7');
       -- remarks on the other's documents too: the relationships must not leak them
       INSERT INTO own.remarks VALUES (11, 1, 42, 'rem-a-42'), (12, 3, 42, 'rem-b-42'), (13, 3, 7, 'rem-c-7'), (14, 1, 7, 'rem-d-7')" >/dev/null
  meta_ok "pg_track_table own.docs" '{"type": "pg_track_table", "args": {"table": {"schema": "own", "name": "docs"}}}'
  meta_ok "pg_track_table own.remarks" '{"type": "pg_track_table", "args": {"table": {"schema": "own", "name": "remarks"}}}'
  meta_ok "pg_create_object_relationship remarks.doc" '{"type": "pg_create_object_relationship", "args": {"table": {"schema": "own", "name": "remarks"}, "name": "doc", "using": {"foreign_key_constraint_on": "doc_id"}}}'
  meta_ok "pg_create_array_relationship docs.remarks" '{"type": "pg_create_array_relationship", "args": {"table": {"schema": "own", "name": "docs"}, "name": "remarks", "using": {"foreign_key_constraint_on": {"table": {"schema": "own", "name": "remarks"}, "column": "doc_id"}}}}'
  own_perm select docs "{\"columns\": \"*\", \"filter\": $owner, \"allow_aggregations\": true}"
  own_perm insert docs "{\"columns\": \"*\", \"check\": $owner}"
  own_perm update docs "{\"columns\": [\"title\"], \"filter\": $owner, \"check\": $owner}"
  own_perm delete docs "{\"filter\": $owner}"
  own_perm select remarks "{\"columns\": \"*\", \"filter\": $owner, \"allow_aggregations\": true}"

  t42=$(jwt HS256 "$HS_KEY" "$(user_claims 42)")
  t7=$(jwt HS256 "$HS_KEY" "$(user_claims 7)")
  k7=$(sql "SELECT graphql.create_api_key('user', '{\"x-hasura-user-id\": \"7\"}')")
  for who in 42 7 key7; do
    case $who in
      42) cred="Bearer $t42" mine=42 other=7 ;;
      7) cred="Bearer $t7" mine=7 other=42 ;;
      key7) cred="Bearer $k7" mine=7 other=42 ;;
    esac
    gql -H "Authorization: $cred" '{"query": "{ own_docs(order_by: {id: asc}) { id owner_id title } }"}'
    expectc "owner-only ($who): the list has the own documents" 200 "-$mine\""
    lacks "owner-only ($who): ... and none of the other's" "-$other\""
    gql -H "Authorization: $cred" '{"query": "{ a: own_docs_by_pk(id: 1) { title } c: own_docs_by_pk(id: 3) { title } }"}'
    if [ $mine = 42 ]; then expectc "owner-only ($who): _by_pk of the own row, null for the other's" 200 '"a":{"title":"doc-a-42"}' '"c":null'
    else expectc "owner-only ($who): _by_pk of the own row, null for the other's" 200 '"a":null' '"c":{"title":"doc-c-7"}'; fi
    gql -H "Authorization: $cred" '{"query": "{ own_docs_aggregate { aggregate { count } } own_remarks_aggregate { aggregate { count } } }"}'
    if [ $mine = 42 ]; then expectc "owner-only ($who): _aggregate counts only the own rows" 200 '"own_docs_aggregate":{"aggregate":{"count":2}}' '"own_remarks_aggregate":{"aggregate":{"count":2}}'
    else expectc "owner-only ($who): _aggregate counts only the own rows" 200 '"own_docs_aggregate":{"aggregate":{"count":1}}' '"own_remarks_aggregate":{"aggregate":{"count":2}}'; fi
    gql -H "Authorization: $cred" '{"query": "{ own_docs { title remarks { body } } }"}'
    expectc "owner-only ($who): an array relationship has only the own remarks" 200 "-$mine\""
    lacks "owner-only ($who): ... none of the other's remarks on the own documents" "-$other\""
    gql -H "Authorization: $cred" '{"query": "{ own_remarks(order_by: {id: asc}) { body doc { title } } }"}'
    if [ $mine = 42 ]; then expectc "owner-only ($who): an object relationship to the other's document is null" 200 '"body":"rem-b-42","doc":null' '"doc":{"title":"doc-a-42"}'
    else expectc "owner-only ($who): an object relationship to the other's document is null" 200 '"body":"rem-d-7","doc":null' '"doc":{"title":"doc-c-7"}'; fi
    lacks "owner-only ($who): ... and no remark or document of the other" "-$other\""
  done

  gql -H "Authorization: Bearer $t42" '{"query": "mutation { update_own_docs(where: {id: {_eq: 3}}, _set: {title: \"hacked\"}) { affected_rows } update_own_docs_by_pk(pk_columns: {id: 3}, _set: {title: \"hacked\"}) { id } }"}'
  expectc "owner-only: update_ of the other's row affects 0 rows" 200 '"affected_rows":0' '"update_own_docs_by_pk":null'
  gql -H "Authorization: Bearer $t42" '{"query": "mutation { delete_own_docs(where: {owner_id: {_eq: 7}}) { affected_rows } delete_own_docs_by_pk(id: 3) { id } }"}'
  expectc "owner-only: delete_ of the other's row affects 0 rows" 200 '"affected_rows":0' '"delete_own_docs_by_pk":null'
  gql -H "Authorization: Bearer $k7" '{"query": "mutation { update_own_docs(where: {}, _set: {title: \"all mine\"}) { affected_rows } }"}'
  expectc "owner-only (API key): update_ without a filter touches only the own row" 200 '"affected_rows":1'
  if [ "$(sql "SELECT string_agg(title, ',' ORDER BY id) FROM own.docs")" = "doc-a-42,doc-b-42,all mine" ]; then
    pass "owner-only: the other's rows are unchanged in the table"
  else fail "owner-only: the other's rows are unchanged in the table ($(sql "SELECT string_agg(title, ',' ORDER BY id) FROM own.docs"))"; fi
  sql "UPDATE own.docs SET title = 'doc-c-7' WHERE id = 3" >/dev/null
  gql -H "Authorization: Bearer $t42" '{"query": "mutation { insert_own_docs_one(object: {id: 4, owner_id: 7, title: \"forged\"}) { id } }"}'
  expectc "owner-only: insert with the other's owner_id is refused" 200 '"errors"' '"permission-error"'
  gql -H "Authorization: Bearer $k7" '{"query": "mutation { insert_own_docs(objects: [{id: 5, owner_id: 42, title: \"forged\"}]) { affected_rows } }"}'
  expectc "owner-only (API key): insert with the other's owner_id is refused" 200 '"errors"' '"permission-error"'
  gql -H "Authorization: Bearer $t42" '{"query": "mutation { update_own_docs_by_pk(pk_columns: {id: 1}, _set: {title: \"doc-a2-42\"}) { title } }"}'
  expectc "owner-only: the own row can be updated" 200 '"title":"doc-a2-42"'
  gql -H "Authorization: Bearer $t7" '{"query": "mutation { insert_own_docs_one(object: {id: 6, owner_id: 7, title: \"doc-e-7\"}) { id } }"}'
  expectc "owner-only: a row with the own owner_id can be inserted" 200 '"insert_own_docs_one":{"id":6}'
  gql -H "Authorization: Bearer $t7" '{"query": "mutation { delete_own_docs_by_pk(id: 6) { title } }"}'
  expectc "owner-only: the own row can be deleted" 200 '"title":"doc-e-7"'
  if [ "$(sql "SELECT count(*) FROM own.docs WHERE title = 'forged' OR id IN (4, 5, 6)")" = 0 ]; then
    pass "owner-only: no forged row reached the table"
  else fail "owner-only: no forged row reached the table"; fi
  gql "${admin[@]}" '{"query": "{ own_docs_aggregate { aggregate { count } } own_remarks(order_by: {id: asc}) { body doc { title } } }"}'
  expectc "owner-only: the admin secret sees every row" 200 '"count":3' '"rem-a-42"' '"rem-b-42"' '"rem-c-7"' '"rem-d-7"' '"doc":{"title":"doc-c-7"}'
}

# Backend-only insert permissions: the insert field exists only with the
# admin secret, X-Hasura-Role and X-Hasura-Use-Backend-Only-Permissions:
# true (or trusted headers); a JWT claim or an API key session with that
# variable does not unlock it (src/http/auth.c drops it)
test_backend_only() {
  local root='{"query": "{ __type(name: \"mutation_root\") { fields { name } } }"}' tok key
  sql "CREATE TABLE own.events (id serial PRIMARY KEY, owner_id int NOT NULL, what text)" >/dev/null
  meta_ok "pg_track_table own.events" '{"type": "pg_track_table", "args": {"table": {"schema": "own", "name": "events"}}}'
  own_perm select events '{"columns": "*", "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}'
  own_perm insert events '{"columns": ["owner_id", "what"], "check": {"owner_id": {"_eq": "X-Hasura-User-Id"}}, "backend_only": true}'
  gql "${admin[@]}" -H 'X-Hasura-Role: user' -H 'X-Hasura-User-Id: 42' -H 'X-Hasura-Use-Backend-Only-Permissions: true' "$root"
  expectc "backend_only: insert_own_events for the admin secret + X-Hasura-Role + X-Hasura-Use-Backend-Only-Permissions" 200 '"insert_own_events"' '"insert_own_docs"'
  gql "${admin[@]}" -H 'X-Hasura-Role: user' -H 'X-Hasura-User-Id: 42' -H 'X-Hasura-Use-Backend-Only-Permissions: true' \
    '{"query": "mutation { insert_own_events_one(object: {owner_id: 42, what: \"backend\"}) { what } }"}'
  expectc "backend_only: ... and the insert runs" 200 '"what":"backend"'
  gql "${admin[@]}" -H 'X-Hasura-Role: user' -H 'X-Hasura-User-Id: 42' "$root"
  expectc "backend_only: the admin secret + X-Hasura-Role without the header: no insert_own_events" 200 '"insert_own_docs"'
  lacks "backend_only: ... (absent)" 'insert_own_events'
  tok=$(jwt HS256 "$HS_KEY" "$(user_claims 42 ',"x-hasura-use-backend-only-permissions":"true"')")
  gql -H "Authorization: Bearer $tok" "$root"
  expectc "backend_only: a JWT whose claims carry x-hasura-use-backend-only-permissions gets the other mutations" 200 '"insert_own_docs"'
  lacks "backend_only: ... but no insert_own_events" 'insert_own_events'
  gql -H "Authorization: Bearer $tok" '{"query": "mutation { insert_own_events_one(object: {owner_id: 42, what: \"jwt\"}) { what } }"}'
  expectc "backend_only: ... and cannot insert" 200 '"errors"'
  gql -H "Authorization: Bearer $tok" "$whoami"
  lacks "backend_only: ... and the variable is not in its session" 'backend-only'
  key=$(sql "SELECT graphql.create_api_key('user', '{\"x-hasura-user-id\": \"42\", \"X-Hasura-Use-Backend-Only-Permissions\": \"true\"}')")
  gql -H "Authorization: Bearer $key" "$root"
  expectc "backend_only: an API key whose session has it gets the other mutations" 200 '"insert_own_docs"'
  lacks "backend_only: ... but no insert_own_events" 'insert_own_events'
  gql -H "Authorization: Bearer $key" '{"query": "mutation { insert_own_events_one(object: {owner_id: 42, what: \"key\"}) { what } }"}'
  expectc "backend_only: ... and cannot insert" 200 '"errors"'
  if [ "$(sql "SELECT string_agg(what, ',') FROM own.events")" = backend ]; then pass "backend_only: only the backend's row was inserted"
  else fail "backend_only: only the backend's row was inserted"; fi
}

# ------------------------------------------------------------ execution

test_execution() {
  local act start
  start=$(date +%s%N)
  gql "${admin[@]}" '{"query": "query Slow { slow { one } }"}' &
  sleep 0.4
  act=$(sql "SELECT query FROM pg_stat_activity WHERE backend_type = 'graphql http worker' AND state = 'active'")
  wait
  BODY=$(cat "$T/body")
  case $act in *"query Slow"*) pass "the operation name is in pg_stat_activity" ;;
    *) fail "the operation name is in pg_stat_activity (saw '$act')" ;; esac
  if [[ $BODY == *"statement timeout"* ]] && [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 2800 ]; then
    pass "graphql.http_statement_timeout cancels a slow operation"
  else fail "graphql.http_statement_timeout cancels a slow operation"; fi
  if [ -z "$MUTATIONS" ]; then
    fail "the schema has mutations (mutation_root)"
  else
    gql "${admin[@]}" -H 'X-Hasura-Role: writer' '{"query": "mutation { insert_tags_one(object: {name: \"http-w\"}) { name } }"}'
    if [[ $BODY == *'"insert_tags_one"'* ]] && [ "$(sql "SELECT count(*) FROM tags WHERE name = 'http-w'")" = 1 ]; then
      pass "a mutation over POST commits"
    else fail "a mutation over POST commits"; fi
    gql "${admin[@]}" -H 'X-Hasura-Role: writer' '[{"query": "mutation { insert_tags_one(object: {name: \"http-batch\"}) { id } }"}, {"query": "{ tags(where: {name: {_eq: \"http-batch\"}}) { name } }"}]'
    expect "a batch's query sees what the mutation before it wrote" 200 '"http-batch"'
  fi
  if [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'graphql http worker' AND state = 'idle in transaction'")" = 0 ]; then
    pass "no worker is left in a transaction"
  else fail "no worker is left in a transaction"; fi
  req -H 'Connection: keep-alive' "${admin[@]}" -G --data-urlencode 'query={ tags(limit: 1) { id } }' "$URL/v1/graphql" \
    --next -s -o /dev/null "${admin[@]}" -G --data-urlencode 'query={ tags(limit: 1) { id } }' -w ' %{num_connects}' "$URL/v1/graphql"
  if [[ $STATUS == *" 0" ]]; then pass "keep-alive: the second request reuses the connection"; else fail "keep-alive: the second request reuses the connection"; fi
}

# ------------------------------------------------------------ hostile requests

raw() {
  # raw BYTES: send to the server and read what comes back (bounded)
  timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'"$HTTP_PORT"'; printf "$1" >&3; timeout 2 cat <&3' _ "$1" 2>/dev/null
}

test_hostile() {
  local before after out i
  before=$(worker_pids)
  out=$(raw 'GARBAGE\r\n\r\n')
  case $out in "HTTP/1."*" 400"*|"") pass "malformed HTTP: 400 or closed" ;; *) fail "malformed HTTP: 400 or closed" ;; esac
  out=$(raw 'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n')
  pass "a negative Content-Length is survived"
  curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $(head -c 100000 /dev/zero | tr '\0' a)" "$URL/healthz" >"$T/code" 2>/dev/null
  case $(cat "$T/code") in 4*|000) pass "huge headers: 4xx or closed" ;; *) fail "huge headers: 4xx or closed ($(cat "$T/code"))" ;; esac
  printf '{"query": "{ tags { name } }", "x": "\xff\xfe"}' >"$T/bad-utf8"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/bad-utf8" "$URL/v1/graphql"
  expect "invalid UTF-8 in the body is 400" 400 UTF-8
  printf '{"query": "{ tags { name } }", "variables": {"a": "\\u0000"}}' >"$T/nul"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/nul" "$URL/v1/graphql"
  expect "\\u0000 in the JSON is 400" 400
  printf '{"query": "{ tags { name } }"}\0garbage' >"$T/nulbyte"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/nulbyte" "$URL/v1/graphql"
  expect "a NUL byte in the body is 400" 400
  head -c 30000 /dev/zero | tr '\0' '[' >"$T/deep"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/deep" "$URL/v1/graphql"
  expect "deeply nested JSON is 400" 400
  node -e 'process.stdout.write(JSON.stringify({query: "{".repeat(20000) + "}".repeat(20000)}))' >"$T/deepq"
  req -X POST -H 'Content-Type: application/json' "${admin[@]}" --data-binary "@$T/deepq" "$URL/v1/graphql"
  expect "a deeply nested document is a GraphQL error" 200 '"errors"'
  raw 'POST /v1/graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query": "{ ta' >/dev/null
  pass "a client that disconnects mid-body is survived"
  raw 'POST /v1/graphql HTTP/1.1\r\nHost: x\r\nX-Hasura-Admin-Secret: '"$SECRET"'\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n{"query": "query Slow { slow { one } }"}' >/dev/null &
  sleep 0.3
  kill $! 2>/dev/null; wait 2>/dev/null
  pass "a client that disconnects while its query runs is survived"
  for i in 1 2 3 4 5; do
    raw 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n' >/dev/null
  done
  pass "pipelined requests are survived"
  gql "${admin[@]}" '{"query": "{ tags(limit: 1) { id } }"}'
  expect "the server answers after the hostile requests" 200 '"tags"'
  after=$(worker_pids)
  if [ -n "$before" ] && [ "$before" = "$after" ]; then pass "the worker pids are unchanged ($after)"; else fail "the worker pids are unchanged (before $before, after $after)"; fi
  if ! grep -qE 'terminated by signal|server process .* was terminated' "$T/c/postgresql.log"; then
    pass "no process crashed"
  else fail "no process crashed"; grep -E 'terminated by signal' "$T/c/postgresql.log" | head -n 3; fi
}

# graphql.max_depth and graphql.max_complexity over HTTP: 400 with
# graphql-response+json, the limit in the error's extensions
test_limits() {
  sql "ALTER SYSTEM SET graphql.max_depth = 2" >/dev/null
  sql "ALTER SYSTEM SET graphql.max_complexity = 500" >/dev/null
  reload
  gql "${admin[@]}" -H 'Accept: application/graphql-response+json' '{"query": "{ authors(limit: 1) { articles(limit: 1) { title } } }"}'
  expect "graphql.max_depth: a deeper operation is 400" 400 depth-limit-exceeded '"limit": 2'
  gql "${admin[@]}" '{"query": "{ authors(limit: 10) { name } }"}'
  expect "... a shallow one runs" 200 '"authors"'
  gql "${admin[@]}" '{"query": "{ authors { name } }"}'
  expect "graphql.max_complexity: a list without limit counts 100 rows" 200 '"authors"'
  gql "${admin[@]}" '{"query": "{ a: authors(limit: 300) { name } b: authors(limit: 300) { id } }"}'
  expect "graphql.max_complexity: a costlier operation is refused" 200 complexity-limit-exceeded '"limit": 500' '"complexity": 602'
  sql "ALTER SYSTEM RESET graphql.max_depth" >/dev/null
  sql "ALTER SYSTEM RESET graphql.max_complexity" >/dev/null
  reload
}

# SIGTERM (pg_terminate_backend) ends a worker at once; the postmaster
# starts a new one, which serves
test_signals() {
  local before victim i after
  before=$(worker_pids)
  victim=${before%%,*}
  sql "SELECT pg_terminate_backend($victim)" >/dev/null
  for i in $(seq 50); do
    after=$(worker_pids)
    case ",$after," in *",$victim,"*) sleep 0.1 ;; *) break ;; esac
  done
  case ",$after," in *",$victim,"*) fail "SIGTERM ends a worker promptly" ;; *) pass "SIGTERM ends a worker promptly" ;; esac
  for i in $(seq 100); do
    [ "$(worker_pids | tr ',' '\n' | grep -c .)" -eq 2 ] && break
    sleep 0.1
  done
  if [ "$(worker_pids | tr ',' '\n' | grep -c .)" -eq 2 ]; then pass "the postmaster restarts the worker"; else fail "the postmaster restarts the worker"; fi
  for i in 1 2 3 4; do
    gql "${admin[@]}" '{"query": "{ tags(limit: 1) { id } }"}'
    [ "$STATUS" = 200 ] || break
  done
  expect "both workers serve after the restart" 200 '"tags"'
}

# ------------------------------------------------------------ main

if ! setup; then
  echo "not ok 1 - the test cluster started"
  echo "http: 0 passed, 1 failed"
  exit 1
fi
test_endpoints
test_metadata
test_negotiation
test_cors
test_admin_secret
test_jwt_hs
test_jwt_pk
test_api_keys
test_owner_only
test_backend_only
test_anonymous_and_trust
test_enabled_apis
test_execution
test_limits
test_hostile
test_signals
echo "http: $((N - FAILED)) passed, $FAILED failed"
if [ -n "$AUDIT_SHARED" ]; then
  node "$AUDIT_SHARED/conformance/http/http_audit.js" --url "$URL/v1/graphql" \
    --header "X-Hasura-Admin-Secret: $SECRET" || true
fi
cp "$T/c/postgresql.log" "${HTTP_SERVER_LOG:-/dev/null}" 2>/dev/null || true
[ "$FAILED" -eq 0 ]
