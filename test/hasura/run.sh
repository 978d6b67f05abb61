#!/usr/bin/env bash
# test/hasura/run.sh CONNINFO SHARED OUT [TRANSPORT [URL]]: Hasura GraphQL
# Engine's own fixtures (SHARED/conformance/hasura, run from there, never
# copied) replayed against graphql.resolve() / graphql.metadata() in a new
# database graphql_hasura of the cluster CONNINFO ("host=... port=...
# user=..."), or against the HTTP server at URL (TRANSPORT http).
#
# Every case must pass, except those listed in test/hasura/known_failures
# (one label per line, then " # " and the reason): a listed case that fails
# is reported as known; an unlisted case that fails, or a listed case that
# passes (the list is stale: remove the line), fails the suite.  Errors are
# compared with --strict-errors (same extensions.code / metadata code).
#
# Prints "hasura: N passed, M failed" (known failures are neither).
set -uo pipefail
conn=$1 shared=$2 out=$3 transport=${4:-sql} url=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
psql=${PSQL:-psql}
db=graphql_hasura
mkdir -p "$out"

"$psql" -X -q -v ON_ERROR_STOP=1 "$conn dbname=postgres" \
  -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" \
  -c "ALTER DATABASE $db SET graphql.stringify_numeric_types = on" >"$out/setup.log" 2>&1 &&
  "$psql" -X -q -v ON_ERROR_STOP=1 "$conn dbname=$db" -c "CREATE EXTENSION graphql" \
    >>"$out/setup.log" 2>&1 || { cat "$out/setup.log"; echo "hasura: 0 passed, 1 failed"; exit 1; }

args=(--transport "$transport" --pg "$conn dbname=$db" --psql "$psql" --strict-errors -v
      --json-report "$out/report.json")
if [ "$transport" = http ]; then args+=(--url "$url"); fi
# HASURA_ONLY=substring: a subset, for development (then the known list is not checked)
if [ -n "${HASURA_ONLY:-}" ]; then args+=(--only "$HASURA_ONLY"); known=/dev/null; fi
python3 "$shared/conformance/hasura/run.py" "${args[@]}" >"$out/run.log" 2>&1
tail -n 3 "$out/run.log"

known=${known:-$here/known_failures}
awk -v known="$known" '
  BEGIN {
    while ((getline line < known) > 0) {
      if (line ~ /^[ \t]*#/) continue
      sub(/[ \t]+#.*/, "", line)
      if (line != "") listed[line] = 1
    }
  }
  /^(PASS|FAIL|ERROR|SKIP) / {
    verdict = $1; label = $2
    seen[label] = 1
    if (verdict == "SKIP") { skipped++; next }
    if (verdict == "PASS") {
      if (label in listed) { printf "STALE %s (passes now: remove it from test/hasura/known_failures)\n", label; failed++ }
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
