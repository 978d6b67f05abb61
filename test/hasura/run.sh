#!/usr/bin/env bash
# test/hasura/run.sh CONNINFO SHARED OUT [TRANSPORT [URL]]: Hasura GraphQL
# Engine's own fixtures (SHARED/conformance/hasura, run from there, never
# copied) replayed against graphql.resolve() / graphql.metadata() in a new
# database graphql_hasura of the cluster CONNINFO ("host=... port=...
# user=..."), or against the HTTP server at URL (TRANSPORT http).
#
# Every case must pass, except those listed in test/hasura/known_failures
# (one label per line, then " # " and the reason), and over HTTP also those
# in test/hasura/known_failures.http (the same format: the cases that fail
# over HTTP only): a listed case that fails is reported as known; an
# unlisted case that fails, or a listed case that passes (the list is
# stale: remove the line), fails the suite.  Errors are compared with
# --strict-errors (same extensions.code / metadata code).
#
# Over HTTP, the server's workers must serve the database graphql_hasura
# with graphql.http_trust_headers on; they are restarted (terminated: the
# postmaster starts them again) once the database and its settings exist,
# since a worker reads the database's settings when it connects.
#
# Prints "hasura: N passed, M failed" (known failures are neither).
set -uo pipefail
conn=$1 shared=$2 out=$3 transport=${4:-sql} url=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
psql=${PSQL:-psql}
db=graphql_hasura
mkdir -p "$out"

"$psql" -X -q -v ON_ERROR_STOP=1 "$conn dbname=postgres" \
  -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" \
  -c "ALTER DATABASE $db SET graphql.stringify_numeric_types = on" \
  -c "ALTER DATABASE $db SET graphql.hasura_compat = on" >"$out/setup.log" 2>&1 &&
  "$psql" -X -q -v ON_ERROR_STOP=1 "$conn dbname=$db" -c "CREATE EXTENSION graphql" \
    >>"$out/setup.log" 2>&1 || { cat "$out/setup.log"; echo "hasura: 0 passed, 1 failed"; exit 1; }

args=(--transport "$transport" --pg "$conn dbname=$db" --psql "$psql" --strict-errors -v
      --json-report "$out/report.json")
if [ "$transport" = http ]; then
  # the settings run.py would apply at start, before the workers reconnect
  args+=(--url "$url" --no-db-settings)
  pg() { "$psql" -X -q -At -v ON_ERROR_STOP=1 "$conn dbname=postgres" -c "$@"; }
  t0=$(pg "ALTER DATABASE $db SET graphql.schemas = ''" -c "ALTER DATABASE $db SET timezone = 'UTC'" 2>>"$out/setup.log" &&
       pg "SELECT now()" 2>>"$out/setup.log" &&
       pg "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'graphql http worker'" >/dev/null)
  ready=""
  for _ in $(seq 150); do
    if [ "$(pg "SELECT count(*) > 0 AND count(*) = current_setting('graphql.http_workers')::int
                FROM pg_stat_activity WHERE backend_type = 'graphql http worker'
                  AND datname = '$db' AND backend_start > '$t0'" 2>/dev/null)" = t ] &&
       curl -sf "$url/healthz" >/dev/null 2>&1; then
      ready=yes; break
    fi
    sleep 0.2
  done
  if [ -z "$ready" ]; then
    echo "the HTTP workers did not come back on database $db ($url)" | tee -a "$out/setup.log"
    echo "hasura: 0 passed, 1 failed"; exit 1
  fi
fi
# HASURA_ONLY=substring: a subset, for development (then the known list is not checked)
if [ -n "${HASURA_ONLY:-}" ]; then args+=(--only "$HASURA_ONLY"); known=/dev/null; fi
python3 "$shared/conformance/hasura/run.py" "${args[@]}" >"$out/run.log" 2>&1
tail -n 3 "$out/run.log"

known=${known:-$here/known_failures}
known_http=/dev/null
if [ "$transport" = http ] && [ "$known" != /dev/null ]; then known_http=$here/known_failures.http; fi
awk -v known="$known" -v known_http="$known_http" '
  function read_list(file,   line) {
    while ((getline line < file) > 0) {
      if (line ~ /^[ \t]*#/) continue
      sub(/[ \t]+#.*/, "", line)
      if (line != "") listed[line] = 1
    }
  }
  BEGIN { read_list(known); read_list(known_http) }
  /^(PASS|FAIL|ERROR|SKIP) / {
    verdict = $1; label = $2
    seen[label] = 1
    if (verdict == "SKIP") { skipped++; next }
    if (verdict == "PASS") {
      if (label in listed) { printf "STALE %s (passes now: remove it from test/hasura/known_failures or known_failures.http)\n", label; failed++ }
      else passed++
      next
    }
    if (label in listed) { knownf++; next }
    printf "%s %s (not a known failure)\n", verdict, label
    failed++
  }
  END {
    for (l in listed) if (!(l in seen)) { printf "MISSING %s (listed but not run)\n", l; failed++ }
    printf "hasura: known failures %d, skipped %d\n", knownf, skipped
    printf "hasura: %d passed, %d failed\n", passed, failed
  }' "$out/run.log"
