#!/bin/sh
# Document validation against graphql-js, through the unit tests' CLI.
#
#   test/conformance/validation.sh GQLCLI SHARED
#
# GQLCLI is test/unit/build/gqlcli (its GQL_VIA=resolve behaviour: parse,
# validate against the SDL schema in GQL_SCHEMA_FILE, answer as a GraphQL
# response), SHARED the shared directory holding conformance/graphql/.
# Runs graphql-js's validation corpus with --strict-locations (verdicts and
# error locations) and the syntax corpus through "resolve", passes their
# summary lines through, and ends with one line
#   graphql-validation-cli: N passed, M failed
# (the sum of both).  The exit status is 0 only when nothing failed.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 GQLCLI SHARED" >&2
  exit 2
fi
cli=$1
driver=$2/conformance/graphql/corpus_driver.js
if [ ! -x "$cli" ] || [ ! -f "$driver" ]; then
  echo "missing $cli or $driver" >&2
  echo "graphql-validation-cli: 0 passed, 1 failed"
  exit 1
fi
case $cli in /*) ;; *) cli=$(pwd)/$cli ;; esac

passed=0
failed=0
status=0
# Run one driver invocation (-v: failing cases are shown); add up its counts.
run() {
  out=$(node "$driver" --cmd "$cli" "$@" 2>&1) || status=1
  printf '%s\n' "$out"
  line=$(printf '%s\n' "$out" | grep -E '^graphql-[a-z]+: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -z "$line" ]; then
    failed=$((failed + 1))
    status=1
    return
  fi
  p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/')
  f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/')
  passed=$((passed + p))
  failed=$((failed + f))
}

run --suite=validation --strict-locations -v
run --suite=syntax --via=resolve -v
echo "graphql-validation-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
