#!/usr/bin/env bash
# test.sh - make test: every test suite of graphql, one summary line.
#
#   1. dependencies, build, install
#   2. C unit tests of the language core (test/unit), plain and under ASan/UBSan
#   3. pg_regress (make installcheck: sql/*.sql in a --temp-instance)
#   4. pgTAP (pg_prove over test/pgtap/*.sql) in a temporary cluster
#   5. conformance checks against ../shared (CONFORMANCE_CHECKS below)
#   6. the HTTP server (test/http/run.sh, its own cluster) and graphql-http's
#      audit of it
#   7. Hasura's fixtures over HTTP (test/hasura/run.sh, transport http) against
#      a server cluster of their own
#
# Each suite prints its result as it ends; the last line is
# "N passed, M failed", the sum over all suites.  A suite that cannot run
# counts as one failure.  Exit status 0 only when nothing failed.  Logs are
# in .test-out/.  Temporary clusters are stopped and removed on every exit.
set -euo pipefail
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

OUT=$ROOT/.test-out
TEST_PORT=${GRAPHQL_TEST_PORT:-55432}
TEST_DB=graphql_test
WORK=""         # temporary directory: the staged pg_regress tree, the test cluster
CLUSTER=""      # directory of the running test cluster (socket directory too)
INSTALLED=""    # set when this run built and installed the extension
PASSED=0
FAILED=0

# The conformance checks, each a function below; later issues add theirs.
CONFORMANCE_CHECKS=(conformance_syntax conformance_syntax_resolve
  conformance_language_ast conformance_schema conformance_validation
  conformance_introspection conformance_generated conformance_fixtures
  conformance_hasura)

# ------------------------------------------------------------ bookkeeping

# "N M": passed and failed tests in the output of prove / pg_prove, or of a
# raw TAP stream.  Failures counted by TAP::Harness include planned tests
# that never ran; a failing result with no counted failure (a test program
# that died after its plan) counts as one.
tap_counts() {
  local log=$1 tests failed
  if grep -qE '^Files=[0-9]+, Tests=[0-9]+' "$log"; then
    tests=$(sed -nE 's/^Files=[0-9]+, Tests=([0-9]+).*/\1/p' "$log" | awk '{ s += $1 } END { print s + 0 }')
    failed=$(sed -nE 's/.*Failed ([0-9]+)\/[0-9]+ subtests.*/\1/p' "$log" | awk '{ s += $1 } END { print s + 0 }')
    if [ "$failed" -eq 0 ] && grep -q '^Result: FAIL' "$log"; then
      failed=1
    fi
    echo "$((tests > failed ? tests - failed : 0)) $failed"
  else
    echo "$(grep -cE '^[[:space:]]*ok([[:space:]]|$)' "$log" || true)" \
      "$(grep -cE '^[[:space:]]*not ok([[:space:]]|$)' "$log" || true)"
  fi
}

# "N M" from pg_regress's per-test lines (PostgreSQL 15: "test x ... ok",
# later versions: "ok 1 - x" / "not ok 1 - x").
regress_counts() {
  local log=$1
  echo "$(grep -cE '\.\.\. ok|^ok [0-9]' "$log" || true)" \
    "$(grep -cE '\.\.\. (FAILED|failed)|^not ok [0-9]' "$log" || true)"
}

# "N M" from the last "PREFIX: N passed, M failed" line of a log.
summary_counts() {
  local log=$1 prefix=$2 counts
  counts=$(sed -nE "s/^$prefix: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p" "$log" | tail -n 1)
  echo "${counts:-0 0}"
}

rel() { echo "${1#"$ROOT"/}"; }

# report NAME STATUS PASSED FAILED LOG [DETAILS]: adds a suite's counts to the
# totals and prints its line.  A non-zero exit status with no failed test, or
# no test at all, counts as one failure.  On failure, shows DETAILS (default:
# the log): the start of a diff, the end of a log.
report() {
  local name=$1 status=$2 passed=$3 failed=$4 log=$5 details=${6:-$5} note=""
  if [ "$((passed + failed))" -eq 0 ]; then
    failed=1
    note=" (could not run)"
  elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    note=" (exit status $status)"
  fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  if [ "$failed" -eq 0 ]; then
    printf '[ ok ] %s: %d passed, %d failed\n' "$name" "$passed" "$failed"
  else
    printf '[FAIL] %s: %d passed, %d failed%s (log: %s)\n' "$name" "$passed" "$failed" "$note" "$(rel "$log")"
    case $details in
      *.diffs) head -n 60 "$details" ;;
      *) tail -n 40 "$details" ;;
    esac 2>/dev/null | sed 's/^/       | /'
  fi
}

# step NAME LOG CMD...: a set-up step; it counts only when it fails.
step() {
  local name=$1 log=$2 status=0
  shift 2
  "$@" >"$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    printf '[ ok ] %s\n' "$name"
  else
    report "$name" "$status" 0 1 "$log"
  fi
  return "$status"
}

# ------------------------------------------------------------ temporary clusters

# Stops whatever cluster of ours still runs and removes the temporary files;
# runs on every exit, Ctrl-C included.
cleanup() {
  local pid
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    for pid in "$WORK"/cluster/data/postmaster.pid "$WORK"/regress/tmp_check/data/postmaster.pid \
        "$WORK"/hasura-http/data/postmaster.pid; do
      if [ -f "$pid" ]; then
        as_pg "$BINDIR/pg_ctl" -D "$(dirname "$pid")" stop -m immediate -w >/dev/null 2>&1 || true
      fi
    done
    cp "$WORK/cluster/postgresql.log" "$OUT/cluster-server.log" 2>/dev/null || true
    rm -rf "$WORK"
  fi
}

# A directory the postgres user (when we are root) owns.
pg_dir() {
  mkdir -p "$1"
  if is_root; then chown postgres: "$1"; fi
}

# The cluster of the pgTAP and conformance suites: unix socket only, in
# $WORK/cluster, with graphql preloaded and database $TEST_DB holding the
# pgtap and graphql extensions.  (Called in a condition, where set -e does
# not apply: every command checks its status.)
start_cluster() {
  local dir=$WORK/cluster
  pg_dir "$dir"
  chmod 700 "$dir"
  as_pg "$BINDIR/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 || return 1
  as_pg tee -a "$dir/data/postgresql.conf" <<EOF || return 1
listen_addresses = ''
port = $TEST_PORT
unix_socket_directories = '$dir'
shared_preload_libraries = 'graphql'
graphql.http_port = 0
fsync = off
EOF
  # 9>&-: a server left behind must not hold the lock of main()
  as_pg "$BINDIR/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start 9>&- || return 1
  CLUSTER=$dir
  test_psql -d postgres -c "CREATE DATABASE $TEST_DB" &&
    test_psql -c "CREATE EXTENSION pgtap" -c "CREATE EXTENSION graphql"
}

test_psql() {
  "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$CLUSTER" -p "$TEST_PORT" -U postgres -d "$TEST_DB" "$@"
}

conninfo() {
  echo "host=$CLUSTER port=$TEST_PORT dbname=$TEST_DB user=postgres"
}

# ------------------------------------------------------------ suites

build_steps() {
  step "dependencies" "$OUT/deps.log" "$ROOT/scripts/install-deps.sh" || return 1
  BINDIR=$(pg_bindir)
  step "build" "$OUT/build.log" make -C "$ROOT" -j2 || return 1
  step "install" "$OUT/install.log" as_root make -C "$ROOT" install PG_CONFIG="$PG_CONFIG"
}

# unit NAME TARGET: make -C test/unit TARGET, counted from its TAP output.
unit_suite() {
  local name=$1 target=$2 log=$OUT/$1.log status=0
  if [ ! -f "$ROOT/test/unit/Makefile" ]; then
    echo "test/unit/Makefile is missing" >"$log"
    report "$name" 1 0 0 "$log"
    return
  fi
  make -C "$ROOT/test/unit" "$target" >"$log" 2>&1 || status=$?
  # shellcheck disable=SC2046  # "N M"
  report "$name" "$status" $(tap_counts "$log") "$log"
}

# pg_regress runs as the postgres user, which may not read the checkout: it
# gets a copy of what make installcheck needs, and its results come back
# to .test-out/regress/.
regress_suite() {
  local stage=$WORK/regress log=$OUT/regress.log status=0 f
  needs_install pg_regress "$log" || return 0
  pg_dir "$stage/test"
  for f in Makefile graphql.control sql expected input output data; do
    if [ -e "$ROOT/$f" ]; then cp -R "$ROOT/$f" "$stage/"; fi
  done
  cp "$ROOT/test/regress.conf" "$stage/test/"
  if is_root; then chown -R postgres: "$stage"; fi
  as_pg make -C "$stage" installcheck PG_CONFIG="$PG_CONFIG" >"$log" 2>&1 || status=$?
  mkdir -p "$OUT/regress"
  for f in results regression.diffs regression.out log; do
    if [ -e "$stage/$f" ]; then cp -R "$stage/$f" "$OUT/regress/"; fi
  done
  f=$OUT/regress/regression.diffs
  [ -s "$f" ] || f=$log
  # shellcheck disable=SC2046
  report pg_regress "$status" $(regress_counts "$log") "$log" "$f"
}

# needs_install NAME LOG: reports NAME as not run when the build or the
# install failed (an older installed library must not be tested instead).
needs_install() {
  if [ -z "$INSTALLED" ]; then
    echo "the extension was not built and installed (see the build and install logs)" >"$2"
    report "$1" 1 0 0 "$2"
    return 1
  fi
}

# needs_cluster NAME LOG: reports NAME as not run when there is no test cluster.
needs_cluster() {
  if [ -z "$CLUSTER" ]; then
    echo "no test cluster: the extension was not installed, or the cluster did not start (see $(rel "$OUT/cluster.log"))" >"$2"
    report "$1" 1 0 0 "$2"
    return 1
  fi
}

# The metadata API beyond pg_regress (test/metadata/), in the test cluster:
# two sessions replacing the metadata with one resource_version (the
# isolation tester), and the metadata through pg_dump / pg_restore.
metadata_suite() {
  local log=$OUT/metadata-isolation.log dump_log=$OUT/metadata-dump.log dir=$WORK/metadata status=0 isolation
  needs_cluster metadata-isolation "$log" || return 0
  pg_dir "$dir"
  isolation=$(dirname "$(dirname "$("$PG_CONFIG" --pgxs)")")/test/isolation/pg_isolation_regress
  "$isolation" --host="$CLUSTER" --port="$TEST_PORT" --user=postgres --dbname=md_isolation \
    --inputdir="$ROOT/test/metadata" --outputdir="$dir" metadata_concurrency >"$log" 2>&1 || status=$?
  if [ -s "$dir/regression.diffs" ]; then cp "$dir/regression.diffs" "$OUT/metadata-isolation.diffs"; fi
  # shellcheck disable=SC2046
  report metadata-isolation "$status" $(regress_counts "$log") "$log"
  status=0
  "$ROOT/test/metadata/dump.sh" "$BINDIR" "$CLUSTER" "$TEST_PORT" "$dir" >"$dump_log" 2>&1 || status=$?
  # shellcheck disable=SC2046
  report metadata-dump "$status" $(tap_counts "$dump_log") "$dump_log"
}

pgtap_suite() {
  local log=$OUT/pgtap.log status=0
  needs_cluster pgtap "$log" || return 0
  pg_prove --psql-bin "$BINDIR/psql" -h "$CLUSTER" -p "$TEST_PORT" -U postgres -d "$TEST_DB" \
    "$ROOT"/test/pgtap/*.sql >"$log" 2>&1 || status=$?
  # shellcheck disable=SC2046
  report pgtap "$status" $(tap_counts "$log") "$log"
}

# summary_suite NAME PREFIX CMD...: a check that prints "PREFIX: N passed, M failed".
summary_suite() {
  local name=$1 prefix=$2 log=$OUT/$1.log status=0
  shift 2
  if ! command -v node >/dev/null 2>&1; then
    echo "node is not installed (see scripts/install-deps.sh)" >"$log"
    report "$name" 1 0 0 "$log"
    return
  fi
  "$@" >"$log" 2>&1 || status=$?
  # shellcheck disable=SC2046
  report "$name" "$status" $(summary_counts "$log" "$prefix") "$log"
}

# graphql.parse against graphql-js's syntax corpus (verdicts and error locations).
conformance_syntax() {
  needs_cluster graphql-syntax "$OUT/graphql-syntax.log" || return 0
  PSQL=$BINDIR/psql summary_suite graphql-syntax graphql-syntax \
    node "$SHARED/conformance/graphql/corpus_driver.js" --psql "$(conninfo)" --suite=syntax
}

# The same corpus through graphql.resolve (parse-failed verdicts).
conformance_syntax_resolve() {
  needs_cluster graphql-syntax-resolve "$OUT/graphql-syntax-resolve.log" || return 0
  PSQL=$BINDIR/psql summary_suite graphql-syntax-resolve graphql-syntax \
    node "$SHARED/conformance/graphql/corpus_driver.js" --psql "$(conninfo)" \
    --suite=syntax --via=resolve
}

# generated_load NAME DB SCRIPT SCHEMAS: a new database DB whose
# graphql.schemas is SCHEMAS, with the extension and SCRIPT loaded; when
# that fails, reports NAME as failed (log: .test-out/NAME-load.log).
generated_load() {
  local name=$1 db=$2 script=$3 schemas=$4 load=$OUT/$1-load.log
  needs_cluster "$name" "$OUT/$name.log" || return 1
  if ! { test_psql -d postgres -c "CREATE DATABASE $db" \
           -c "ALTER DATABASE $db SET graphql.schemas = '$schemas'" &&
         test_psql -d "$db" -c "CREATE EXTENSION graphql" -f "$script"; } >"$load" 2>&1; then
    report "$name" 1 0 1 "$load"
    return 1
  fi
}

# generated_check NAME DB CASES SEED...: the schema of DB's sessions: its
# introspection checked by graphql-js, and graphql.resolve's validation
# verdicts on CASES cases per seed generated from it compared with
# graphql-js's (test/conformance/generated.sh).
generated_check() {
  local name=$1 db=$2 cases=$3
  shift 3
  PSQL=$BINDIR/psql summary_suite "$name" graphql-generated \
    env GEN_N="$cases" GEN_EXECUTION="${GEN_EXECUTION-1}" "$ROOT/test/conformance/generated.sh" \
    "host=$CLUSTER port=$TEST_PORT dbname=$db user=postgres" \
    "$SHARED" "$WORK/$name" "$@"
}

# The demo database and test/conformance/sql/wide.sql (every kind of
# relation and column): three seeds of 150 cases.
conformance_generated() {
  if generated_load graphql-generated graphql_demo "$ROOT/demo/demo.sql" public; then
    generated_check graphql-generated graphql_demo 150 1 2 3
  fi
  if generated_load graphql-generated-wide graphql_wide "$ROOT/test/conformance/sql/wide.sql" "public, extra"; then
    generated_check graphql-generated-wide graphql_wide 150 1 2 3
  fi
}

# The schema of every pg_regress suite: data/<suite>.sql, which sql/<suite>.sql
# loads with \i before its queries; two seeds of 50 cases each, to keep make
# test short.  Lines of the script configure the check:
#   -- conformance: graphql.schemas = 'public, extra'   (default public)
#   -- conformance: also as roles r1 r2                  (the schema each
#      role sees is checked too, as the database's default role)
#   -- conformance: no execution check: REASON           (the accepted
#      cases are not required to run without an "unexpected" error: the
#      schema fails on purpose, e.g. a function that raises)
# Every accepted case is also run (GEN_EXECUTION, generated.sh) unless the
# script opts out.
conformance_fixtures() {
  local f suite db schemas role exec
  for f in "$ROOT"/data/*.sql; do
    suite=$(basename "$f" .sql)
    db=graphql_fixture_$suite
    # graphql.schemas (public unless the file names it; '' is only the metadata)
    schemas=public
    if grep -qE "^-- conformance: graphql\.schemas = '.*'\$" "$f"; then
      schemas=$(sed -nE "s/^-- conformance: graphql\.schemas = '(.*)'\$/\1/p" "$f")
    fi
    exec=1
    if grep -q '^-- conformance: no execution check:' "$f"; then exec=""; fi
    generated_load "graphql-generated-$suite" "$db" "$f" "$schemas" || continue
    GEN_EXECUTION=$exec generated_check "graphql-generated-$suite" "$db" 50 1 2
    for role in $(sed -nE 's/^-- conformance: also as roles (.*)$/\1/p' "$f"); do
      if test_psql -d postgres -c "ALTER DATABASE $db SET role = '$role'" \
          >"$OUT/graphql-generated-$suite-$role-load.log" 2>&1; then
        GEN_EXECUTION=$exec generated_check "graphql-generated-$suite-$role" "$db" 50 1 2
      else
        report "graphql-generated-$suite-$role" 1 0 1 "$OUT/graphql-generated-$suite-$role-load.log"
      fi
    done
  done
}

# Hasura GraphQL Engine's own fixtures (../shared/conformance/hasura, run
# from there) through graphql.resolve()/graphql.metadata() in a database of
# the test cluster: every case passes but those test/hasura/known_failures
# lists with their reasons (test/hasura/run.sh).
conformance_hasura() {
  local log=$OUT/hasura.log status=0
  needs_cluster hasura "$log" || return 0
  PSQL=$BINDIR/psql "$ROOT/test/hasura/run.sh" "host=$CLUSTER port=$TEST_PORT user=postgres" \
    "$SHARED" "$WORK/hasura" >"$log" 2>&1 || status=$?
  # shellcheck disable=SC2046
  report hasura "$status" $(summary_counts "$log" hasura) "$log"
}

# cli_suite NAME CLI SCRIPT: a node check over one of the unit tests' CLI
# tools (built by make -C test/unit), ending with "NAME: N passed, M failed".
cli_suite() {
  local name=$1 cli=$ROOT/test/unit/build/$2 script=$ROOT/test/conformance/$3
  if [ ! -x "$cli" ]; then
    echo "$(rel "$cli") is missing (make -C test/unit builds it)" >"$OUT/$name.log"
    report "$name" 1 0 0 "$OUT/$name.log"
    return
  fi
  summary_suite "$name" "$name" node "$script" --cli "$cli" --shared "$SHARED"
}

# The C parser's AST against graphql-js's, through the unit tests' CLI.
conformance_language_ast() {
  cli_suite language-ast gqlcli ast_diff.js
}

# The type system: our SDL builder and printer against graphql-js's
# buildSchema/printSchema, through the unit tests' schema CLI.
conformance_schema() {
  cli_suite graphql-schema gqlschema schema_diff.js
}

# Validation against graphql-js's validation corpus (verdicts and error
# locations) and the syntax corpus through "resolve", via the unit tests'
# CLI over the corpus schemas.
conformance_validation() {
  summary_suite graphql-validation-cli graphql-validation-cli \
    "$ROOT/test/conformance/validation.sh" "$ROOT/test/unit/build/gqlcli" "$SHARED"
}

# Introspection answered from the schema model against graphql-js's
# answers for the same SDL schemas, through the unit tests' exec CLI.
conformance_introspection() {
  cli_suite graphql-introspection gqlexec introspection.js
}

# The HTTP server: test/http/run.sh against a cluster of its own (the
# workers on a free loopback port), then graphql-http's audit
# (../shared/conformance/http) against the same server; two suites from
# one run.
http_suite() {
  local log=$OUT/http.log status=0
  if ! needs_install http "$log"; then
    report graphql-http-audit 1 0 0 "$log"
    return 0
  fi
  HTTP_SERVER_LOG=$OUT/http-server.log "$ROOT/test/http/run.sh" --audit "$SHARED" >"$log" 2>&1 || status=$?
  # shellcheck disable=SC2046
  report http "$status" $(summary_counts "$log" http) "$log"
  # shellcheck disable=SC2046
  report graphql-http-audit 0 $(summary_counts "$log" graphql-http-audit) "$log"
}

# Hasura's fixtures (../shared/conformance/hasura) over HTTP: a cluster of
# their own (test/http/cluster.sh) whose workers serve graphql_hasura on a
# free loopback port and trust the X-Hasura-* headers, as Hasura does
# without an admin secret; test/hasura/run.sh recreates the database and
# restarts the workers on it.
hasura_http_suite() {
  local log=$OUT/hasura-http.log dir=$WORK/hasura-http status=0
  needs_install hasura-http "$log" || return 0
  (
    rc=0
    # shellcheck source=test/http/cluster.sh
    . "$ROOT/test/http/cluster.sh"
    if ! http_cluster_start "$dir" graphql_hasura "graphql.http_trust_headers = on
graphql.http_statement_timeout = 60000
graphql.http_max_body_size = 16777216
max_connections = 40"; then
      tail -n 30 "$dir/postgresql.log" 2>/dev/null
      echo "hasura: 0 passed, 1 failed"
      exit 1
    fi
    PSQL=$BINDIR/psql "$ROOT/test/hasura/run.sh" "host=$dir port=$PG_PORT user=postgres" \
      "$SHARED" "$OUT/hasura-http" http "http://127.0.0.1:$HTTP_PORT" || rc=$?
    cp "$dir/postgresql.log" "$OUT/hasura-http-server.log" 2>/dev/null
    http_cluster_stop "$dir"
    exit "$rc"
  ) >"$log" 2>&1 || status=$?
  # shellcheck disable=SC2046
  report hasura-http "$status" $(summary_counts "$log" hasura) "$log"
}

# ------------------------------------------------------------ main

main() {
  local start=$SECONDS check
  unset MAKEFLAGS MFLAGS MAKELEVEL   # our makes are top-level makes
  # The extension is installed into the one PostgreSQL of the machine, so
  # runs from several checkouts take turns: each tests its own library.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${TMPDIR:-/tmp}/graphql-make-test.lock"
    flock 9
  fi
  BINDIR=$(pg_bindir 2>/dev/null || true)
  rm -rf "$OUT"
  mkdir -p "$OUT"
  WORK=$(mktemp -d -t graphql-test.XXXXXX)
  chmod 755 "$WORK"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  if build_steps; then INSTALLED=yes; fi
  unit_suite unit-tests check
  unit_suite unit-tests-asan check-asan
  regress_suite
  if [ -n "$INSTALLED" ] && ! start_cluster >"$OUT/cluster.log" 2>&1; then
    report "test cluster" 1 0 1 "$OUT/cluster.log"
    CLUSTER=""
  fi
  pgtap_suite
  metadata_suite
  for check in "${CONFORMANCE_CHECKS[@]}"; do
    "$check"
  done
  http_suite
  hasura_http_suite

  echo "make test took $(((SECONDS - start) / 60))m$(((SECONDS - start) % 60))s; logs in $(rel "$OUT")/"
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

main "$@"
