#!/usr/bin/env bash
# Validation verdicts of graphql.resolve against graphql-js on cases that
# gen_cases.js generates from the extension's own schema of a database (the
# demo database, test/conformance/sql/wide.sql, the schema of each pg_regress
# suite in data/), for several seeds.
#
#   [GEN_N=150] test/conformance/generated.sh CONNINFO SHARED WORKDIR [SEED...]
#
# CONNINFO is a database where the extension is installed and the schema
# loaded (psql from PATH or $PSQL); SHARED the shared directory holding
# conformance/graphql/; WORKDIR a scratch directory; GEN_N the number of
# valid operations gen_cases.js generates per seed (each with its mutants;
# default 150); GEN_EXECUTION=1 adds step 4.  Steps:
#   1. fetch our introspection with oracle_introspection.js and check it
#      (buildClientSchema + validateSchema must pass);
#   2. per seed, generate cases from it and run them through graphql.resolve
#      with corpus_driver.js;
#   3. every disagreement must be one of the documented differences from
#      the spec's validation (doc/api.md), Hasura's argument rules that
#      graphql.resolve reports as validation-failed and graphql-js cannot
#      know: distinct_on columns must lead order_by (and have a type with
#      an ordering), an update must set
#      some column, and with one operator only, a nested insert may not
#      also give the columns its relationship sets, the path argument of a
#      json/jsonb field must be a JSON path.  Each such case is re-run
#      and its first error message compared; any other disagreement fails;
#   4. (GEN_EXECUTION=1) no case that graphql-js accepts may be answered
#      with an error coded "unexpected" (run_execution below).
# Ends with one line "graphql-generated: N passed, M failed".
set -uo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 CONNINFO SHARED WORKDIR [SEED...]" >&2
  exit 2
fi
conninfo=$1
gql=$2/conformance/graphql
work=$3
shift 3
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
psql=${PSQL:-psql}
# (glob patterns)
hasura_rules=('"distinct_on" columns must match initial "order_by" columns'
  'at least one of _set, _inc, _append, _prepend, _delete_key, _delete_elem, _delete_at_path is expected with a column'
  'column "*" found in multiple operators: "_*" and "_*"'
  'column "*" of "*" cannot be given: the relationship "*" sets it'
  'column "*" of "*" is set by both relationships "*" and "*"'
  '"distinct_on" column "*" has a type without ordering: its values cannot be told apart'
  'parse json path error: *')
passed=0
failed=0

# The first error message graphql.resolve gives for case ID of a corpus.
first_error() {
  local corpus=$1 id=$2 doc
  doc=$(node -e '
    const fs = require("fs");
    for (const l of fs.readFileSync(process.argv[1], "utf8").split("\n"))
      if (l.trim()) { const c = JSON.parse(l); if (c.id === process.argv[2]) process.stdout.write(c.document); }' \
    "$corpus/validation.jsonl" "$id")
  "$psql" "$conninfo" -XAtq -v ON_ERROR_STOP=1 -v doc="$doc" \
    <<<"SELECT graphql.resolve(:'doc')::jsonb #>> '{errors,0,message}'"
}

# Is MESSAGE the error of one of the documented Hasura rules
is_hasura_rule() {
  local m
  for m in "${hasura_rules[@]}"; do
    # shellcheck disable=SC2053  # m is a pattern
    [[ $1 == $m ]] && return 0
  done
  return 1
}

# Run one seed; add its counts.
run_seed() {
  local seed=$1 out=$work/gen-$seed log=$work/gen-$seed.log id n=0 bad=0
  rm -rf "$out"
  if ! node "$gql/gen_cases.js" "$work/schema.json" "$out" --seed="$seed" --n="${GEN_N:-150}" \
      --scalars="$work/scalars.json" >"$log" 2>&1; then
    cat "$log"
    failed=$((failed + 1))
    return
  fi
  PSQL=$psql node "$gql/corpus_driver.js" "$out" --psql "$conninfo" -v >>"$log" 2>&1
  local line
  line=$(grep -E '^graphql-validation: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    tail -20 "$log"
    failed=$((failed + 1))
    return
  fi
  passed=$((passed + $(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")))
  # Disagreements: accepted by graphql-js, rejected by us for one of
  # Hasura's rules only; anything else is a failure.
  for id in $(grep -oE '^FAIL gen-[0-9]+' "$log" | awk '{print $2}'); do
    n=$((n + 1))
    if grep -A3 "^FAIL $id " "$log" | grep -q 'expected: accepted' &&
       grep -A3 "^FAIL $id " "$log" | grep -q 'actual:   validation error' &&
       is_hasura_rule "$(first_error "$out" "$id")"; then
      passed=$((passed + 1))
    else
      bad=$((bad + 1))
      grep -A3 "^FAIL $id " "$log"
      echo "  first error: $(first_error "$out" "$id")"
    fi
  done
  failed=$((failed + bad))
  echo "seed $seed: $line; $n disagreement(s), $((n - bad)) of them documented Hasura rules"
  if [ -n "${GEN_EXECUTION:-}" ]; then
    run_execution "$out"
  fi
}

# GEN_EXECUTION=1: every case graphql-js accepts is run again through
# graphql.resolve, and each answer whose error is coded "unexpected" (an
# SQL statement the planner got wrong, not a value the database rejects)
# counts as a failure.  All of it runs in one transaction that is rolled
# back, so generated mutations leave nothing behind.  make test sets it for
# every schema but those whose functions fail on purpose (scripts/test.sh).
run_execution() {
  local out=$1 unexpected
  node -e '
    const fs = require("fs");
    let sql = "BEGIN;\nSET LOCAL statement_timeout = \x2710s\x27;\n";
    for (const l of fs.readFileSync(process.argv[1], "utf8").split("\n")) {
      if (!l.trim()) continue;
      const c = JSON.parse(l);
      if (c.expect.verdict !== "accepted") continue;
      const b = Buffer.from(c.document, "utf8").toString("base64");
      sql += "SELECT \x27" + c.id + "\x27, r #>> \x27{errors,0,message}\x27 FROM (SELECT graphql.resolve(convert_from(decode(\x27" +
             b + "\x27, \x27base64\x27), \x27UTF8\x27))::jsonb AS r) AS s WHERE r #>> \x27{errors,0,extensions,code}\x27 = \x27unexpected\x27;\n";
    }
    process.stdout.write(sql + "ROLLBACK;\n");' "$out/validation.jsonl" >"$out/execution.sql"
  "$psql" "$conninfo" -XAtq -F' ' -f "$out/execution.sql" >"$out/execution.log" 2>&1
  unexpected=$(grep -c '^gen-' "$out/execution.log" || true)
  sed 's/^/UNEXPECTED /' "$out/execution.log" | head -n 20
  echo "seed $seed: $unexpected accepted case(s) answered with an unexpected error"
  failed=$((failed + unexpected))
}

mkdir -p "$work"
echo '{"numeric": ["1.5", "2"], "jsonb": ["{a: 1}"], "bigint": ["12"]}' >"$work/scalars.json"
if ! PSQL=$psql node "$gql/oracle_introspection.js" --psql "$conninfo" \
    --save "$work/schema.json" >"$work/introspection.log" 2>&1; then
  tail -20 "$work/introspection.log"
  echo "graphql-generated: 0 passed, 1 failed"
  exit 1
fi
passed=1   # the introspection check
for seed in "${seeds[@]}"; do
  run_seed "$seed"
done
echo "graphql-generated: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
