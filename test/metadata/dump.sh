#!/usr/bin/env bash
# dump.sh - the metadata survives pg_dump / pg_restore (TAP output).
#
#   test/metadata/dump.sh BINDIR HOST PORT WORKDIR
#
# Against a running cluster with the graphql extension installed (HOST is its
# socket directory): creates a database with tables and metadata of every
# kind, dumps it with pg_dump -Fc, restores it into a new database, and
# compares export_metadata (version 2: the document and its
# resource_version), the reflect_* views (by name) and the consistency of
# the restored metadata; then one more change in the restored database must
# take the next resource_version and come last in the document.  WORKDIR
# holds the dump file.  The two databases are dropped at the end.
set -uo pipefail
BINDIR=$1 HOST=$2 PORT=$3 WORK=$4
SRC=md_dump_src DST=md_dump_dst
N=0 FAILED=0

psql_() { "$BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U postgres "$@"; }
ok() {  # ok DESCRIPTION CONDITION-STATUS
  N=$((N + 1))
  if [ "$2" -eq 0 ]; then echo "ok $N - $1"; else echo "not ok $N - $1"; FAILED=$((FAILED + 1)); fi
}
# the reflect_* views with OIDs shown as names (OIDs change in a restore)
views() {
  psql_ -d "$1" -c "
    SELECT 'table', relid::regclass::text, custom_name, custom_root_fields::text, column_names::text, is_enum::text
    FROM graphql.reflect_tables
    UNION ALL SELECT 'relationship', relid::regclass || '.' || name, kind, target::regclass::text,
                     source_columns::text, target_columns::text FROM graphql.reflect_relationships
    UNION ALL SELECT 'computed', relid::regclass || '.' || name, function::regprocedure::text, table_argument,
                     session_argument, comment FROM graphql.reflect_computed_fields
    UNION ALL SELECT 'function', function::regprocedure::text, custom_name, custom_root_fields::text,
                     session_argument, exposed_as FROM graphql.reflect_functions
    UNION ALL SELECT 'permission', relid::regclass || '.' || role || '.' || kind, columns::text, filter::text,
                     \"check\"::text, preset::text FROM graphql.reflect_permissions
    UNION ALL SELECT 'function permission', function::regprocedure::text, role, NULL, NULL, NULL
    FROM graphql.reflect_function_permissions
    ORDER BY 1, 2"
}
cleanup() {
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" \
    -c "DROP ROLE IF EXISTS md_dump_user" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup

echo "1..7"
psql_ -d postgres -c "CREATE DATABASE $SRC" && psql_ -d "$SRC" >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION graphql;
CREATE SCHEMA shop;
CREATE TABLE shop.customer (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE shop.purchase (id int PRIMARY KEY, customer_id int REFERENCES shop.customer, total numeric);
CREATE TABLE note (id int PRIMARY KEY, body text);
CREATE FUNCTION shop.big_purchases(min numeric) RETURNS SETOF shop.purchase STABLE LANGUAGE sql
  AS $$ SELECT * FROM shop.purchase WHERE total >= min $$;
CREATE FUNCTION shop.customer_label(c shop.customer) RETURNS text STABLE LANGUAGE sql AS $$ SELECT c.name $$;
SELECT graphql.metadata($$ {"type": "bulk", "args": [
  {"type": "pg_track_table", "args": {"table": {"schema": "shop", "name": "customer"},
     "configuration": {"custom_name": "client", "column_config": {"name": {"custom_name": "fullName"}}}}},
  {"type": "pg_track_table", "args": {"table": {"schema": "shop", "name": "purchase"}}},
  {"type": "pg_track_table", "args": {"table": "note"}},
  {"type": "pg_create_object_relationship", "args": {"table": {"schema": "shop", "name": "purchase"},
     "name": "customer", "using": {"foreign_key_constraint_on": "customer_id"}}},
  {"type": "pg_create_array_relationship", "args": {"table": {"schema": "shop", "name": "customer"},
     "name": "purchases", "using": {"foreign_key_constraint_on": {"table": {"schema": "shop", "name": "purchase"}, "column": "customer_id"}}}},
  {"type": "pg_add_computed_field", "args": {"table": {"schema": "shop", "name": "customer"}, "name": "label",
     "definition": {"function": {"schema": "shop", "name": "customer_label"}}}},
  {"type": "pg_create_select_permission", "args": {"table": {"schema": "shop", "name": "purchase"}, "role": "md_dump_user",
     "permission": {"columns": "*", "filter": {"customer_id": {"_eq": "X-Hasura-User-Id"}}, "limit": 5}}},
  {"type": "pg_create_insert_permission", "args": {"table": "note", "role": "md_dump_user",
     "permission": {"check": {}, "set": {"id": "X-Hasura-User-Id"}, "columns": ["body"]}}},
  {"type": "pg_track_function", "args": {"function": {"schema": "shop", "name": "big_purchases"}}},
  {"type": "pg_create_function_permission", "args": {"function": {"schema": "shop", "name": "big_purchases"}, "role": "md_dump_user"}}
]} $$);
-- unknown top-level keys of the document survive too
SELECT graphql.metadata(jsonb_build_object('type', 'replace_metadata', 'args',
  graphql.metadata('{"type": "export_metadata", "args": {}}') || '{"actions": [{"name": "kept"}]}'));
SQL
[ $? -eq 0 ]
ok "a database with metadata of every kind" $?

"$BINDIR/pg_dump" -Fc -h "$HOST" -p "$PORT" -U postgres -f "$WORK/md_dump.dump" "$SRC"
ok "pg_dump -Fc" $?

psql_ -d postgres -c "CREATE DATABASE $DST" &&
  "$BINDIR/pg_restore" --exit-on-error -h "$HOST" -p "$PORT" -U postgres -d "$DST" "$WORK/md_dump.dump"
ok "pg_restore into a new database" $?

Q='SELECT graphql.metadata($${"type": "export_metadata", "version": 2, "args": {}}$$)'
before=$(psql_ -d "$SRC" -c "$Q")
after=$(psql_ -d "$DST" -c "$Q")
same=$(psql_ -d postgres -c "SELECT \$a\$$before\$a\$::jsonb = \$b\$$after\$b\$::jsonb
  AND (\$b\$$after\$b\$::jsonb -> 'resource_version') IS NOT NULL
  AND \$b\$$after\$b\$::jsonb #> '{metadata,actions,0,name}' = '\"kept\"'")
[ "$same" = t ]; ok "export_metadata (document and resource_version) is the same after the restore" $?
[ -z "$same" ] || [ "$same" = t ] || { echo "# before: $before"; echo "# after:  $after"; }

v1=$(views "$SRC"); v2=$(views "$DST"); rows=$(echo "$v1" | wc -l)
[ -n "$v1" ] && [ "$v1" = "$v2" ] && [ "$rows" -eq 10 ]
ok "the reflect_* views resolve the same 10 objects (source: $rows)" $?
[ "$v1" = "$v2" ] || diff <(echo "$v1") <(echo "$v2") | sed 's/^/# /'

consistent=$(psql_ -d "$DST" -c 'SELECT graphql.metadata($${"type": "get_inconsistent_metadata", "args": {}}$$) -> $$is_consistent$$')
[ "$consistent" = true ]; ok "the restored metadata is consistent" $?

rv=$(psql_ -d "$DST" -c "SELECT resource_version FROM graphql.metadata_state")
psql_ -d "$DST" -c "CREATE TABLE late (id int PRIMARY KEY)" &&
  psql_ -d "$DST" -c "SELECT graphql.metadata(jsonb_build_object('type', 'pg_track_table',
      'resource_version', ${rv:-0}, 'args', '{\"table\": \"late\"}'::jsonb))" >/dev/null
last=$(psql_ -d "$DST" -c "SELECT d #>> '{metadata,sources,0,tables,-1,table,name}', (d ->> 'resource_version')::bigint - ${rv:-0}
    FROM graphql.metadata(\$\${\"type\": \"export_metadata\", \"version\": 2, \"args\": {}}\$\$) AS d")
[ "$last" = "late|1" ]; ok "a change after the restore takes the next resource_version and comes last ($last)" $?

echo "# dump: $((N - FAILED)) passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
