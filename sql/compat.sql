-- compat: Hasura v2's names for PostgreSQL types (smallint, float8, bpchar,
-- citext, name are scalars of their own), and graphql.hasura_compat, which
-- accepts what Hasura accepts against the GraphQL specification: unused
-- variables, strings for Int/Float/Boolean values that PostgreSQL parses,
-- composite types as JSON scalars.  Also Hasura's error codes for an Int
-- literal out of range, a bad LIKE escape and a non-boolean
-- x-hasura-use-backend-only-permissions.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
\set ECHO none
\i data/compat.sql
\set ECHO all
-- the column types: int4 Int, float4 Float, text String, bool Boolean, the others their own
SELECT f->>'name' AS field, coalesce(f#>>'{type,name}', f#>>'{type,ofType,name}') AS type,
       coalesce(f#>>'{type,kind}', '') AS kind
FROM json_array_elements(graphql.resolve('{ __type(name: "compat_item") { fields { name type { name kind ofType { name } } } } }')
                         #> '{data,__type,fields}') AS f;
-- the String operators for bpchar, citext and name; numbers for smallint and float8
SELECT graphql.resolve('{ a: compat_item(where: {label: {_ilike: "ALPHA"}}) { id }
                          b: compat_item(where: {code: {_like: "ab_"}}, order_by: {id: asc}) { id }
                          c: compat_item(where: {sys: {_eq: "n2"}}) { id }
                          d: compat_item(where: {small: {_gt: 4}}) { id }
                          e: compat_item(where: {weight: {_lte: 1.25}}) { id } }');
SELECT graphql.resolve('query ($w: float8, $s: smallint) { compat_item(where: {weight: {_gt: $w}, small: {_eq: $s}}) { id small weight } }',
                       '{"w": 2, "s": 7}');
-- citext compares case-insensitively, through its own operators
SELECT graphql.resolve('{ compat_item(where: {label: {_eq: "BETA"}}) { id label } }');
-- a float8 is a string under stringify_numeric_types (real stays a number), as in Hasura
SET graphql.stringify_numeric_types = on;
SELECT graphql.resolve('{ compat_item(where: {id: {_lt: 3}}, order_by: {id: asc}) { weight ratio small }
                          compat_item_aggregate { aggregate { sum { weight ratio } max { weight } avg { weight } } } }');
RESET graphql.stringify_numeric_types;
-- Hasura's codes: an Int literal out of range is parse-failed; a LIKE pattern ending in its
-- escape character is bad-request
SELECT graphql.resolve('{ compat_item(where: {id: {_eq: 2147483648}}) { id } }');
SELECT graphql.resolve('{ compat_item(where: {note: {_like: "fir\\"}}) { id } }');
-- x-hasura-use-backend-only-permissions must be a boolean: true t yes y / false f no n, any case
BEGIN;
SET LOCAL graphql.session = '{"x-hasura-use-backend-only-permissions": "random"}';
SELECT graphql.resolve('{ compat_item(where: {id: {_eq: 1}}) { id } }');
SET LOCAL graphql.session = '{"x-hasura-use-backend-only-permissions": "YES"}';
SELECT graphql.resolve('{ compat_item(where: {id: {_eq: 1}}) { id } }');
SET LOCAL graphql.session = '{"x-hasura-use-backend-only-permissions": "n"}';
SELECT graphql.resolve('{ compat_item(where: {id: {_eq: 1}}) { id } }');
ROLLBACK;

-- Without graphql.hasura_compat the specification holds
SHOW graphql.hasura_compat;
SELECT graphql.resolve('query ($unused: Int) { compat_item(where: {id: {_eq: 1}}) { id } }');
SELECT graphql.resolve('{ compat_item(where: {id: {_eq: "1"}}, offset: "0") { id } }');
SELECT graphql.resolve('query ($id: Int) { compat_item(where: {id: {_eq: $id}}) { id } }', '{"id": "1"}');
-- a composite type is an object type
SELECT graphql.resolve('{ compat_item(order_by: {id: asc}) { id pos { x y } } }');
SELECT graphql.resolve('{ __type(name: "compat_point") { kind } }');

-- With it, Hasura's leniencies
SET graphql.hasura_compat = on;
-- an unused variable is allowed (and still coerced)
SELECT graphql.resolve('query ($unused: Int) { compat_item(where: {id: {_eq: 1}}) { id } }');
SELECT graphql.resolve('query ($unused: Int) { compat_item(where: {id: {_eq: 1}}) { id } }', '{"unused": "x"}');
-- strings for the values PostgreSQL parses: operands, column values, by_pk keys, offset
SELECT graphql.resolve('{ a: compat_item(where: {id: {_in: ["1", "2"]}, active: {_eq: "true"}}) { id }
                          b: compat_item(where: {ratio: {_gt: "0.3"}}) { id }
                          c: compat_item_by_pk(id: "2") { id }
                          d: compat_item(order_by: {id: asc}, offset: "2") { id } }');
-- ... but not for the engine's own arguments: limit, _is_null
SELECT graphql.resolve('{ compat_item(limit: "1") { id } }');
SELECT graphql.resolve('{ compat_item(where: {note: {_is_null: "false"}}) { id } }');
-- a string that is no literal of the type is still an error
SELECT graphql.resolve('{ compat_item(where: {id: {_eq: "one"}}) { id } }');
SELECT graphql.resolve('{ compat_item(where: {id: {_eq: "1.0"}}) { id } }');
SELECT graphql.resolve('{ compat_item(where: {id: {_eq: "99999999999"}}) { id } }');
SELECT graphql.resolve('{ compat_item(where: {active: {_eq: "yes"}}) { id } }');
-- variables: strings for Int, Float and Boolean
SELECT graphql.resolve('query ($id: Int, $r: Float, $a: Boolean) { compat_item(where: {id: {_eq: $id}, ratio: {_eq: $r}, active: {_eq: $a}}) { id } }',
                       '{"id": "1", "r": "0.5", "a": "true"}');
SELECT graphql.resolve('query ($id: Int) { compat_item(where: {id: {_eq: $id}}) { id } }', '{"id": "1x"}');
-- a composite type is a scalar: its value is a JSON object
SELECT graphql.resolve('{ __type(name: "compat_point") { kind } }');
SELECT graphql.resolve('{ compat_item(order_by: {id: asc}) { id pos } }');
-- ... and it takes a JSON object or a record's text
SELECT graphql.resolve('mutation { a: insert_compat_item_one(object: {id: "10", small: "2", weight: "0.5", active: "false", pos: {x: 3, y: 4}}) { id small weight active pos }
                                   b: insert_compat_item_one(object: {id: 11, pos: "(5,6)"}) { id pos } }');
SELECT graphql.resolve('mutation ($p: compat_point) { insert_compat_item_one(object: {id: 12, pos: $p}) { pos } }', '{"p": {"y": 1}}');
SELECT graphql.resolve('mutation { insert_compat_item_one(object: {id: 13, pos: "(1"}) { pos } }');
-- the schemas of both modes stay apart in the cache
RESET graphql.hasura_compat;
SELECT graphql.resolve('{ __type(name: "compat_point") { kind } }');
SET graphql.hasura_compat = on;
SELECT graphql.resolve('{ __type(name: "compat_point") { kind } }');
RESET graphql.hasura_compat;
-- an upsert skips the rows that meet a row the update filter does not reach, by the key's own
-- equality (citext: case-insensitive), whatever the caller's search_path
CREATE TABLE compat_tag (name citext PRIMARY KEY, owner text NOT NULL, n int);
INSERT INTO compat_tag VALUES ('Alpha', '1', 0), ('Beta', '2', 0);
SELECT graphql.metadata('{"type": "bulk", "args": [
  {"type": "pg_track_table", "args": {"table": "compat_tag"}},
  {"type": "pg_create_select_permission", "args": {"table": "compat_tag", "role": "compat_u", "permission": {"columns": "*", "filter": {}}}},
  {"type": "pg_create_insert_permission", "args": {"table": "compat_tag", "role": "compat_u", "permission": {"columns": "*", "check": {}}}},
  {"type": "pg_create_update_permission", "args": {"table": "compat_tag", "role": "compat_u", "permission": {"columns": ["n"], "filter": {"owner": {"_eq": "X-Hasura-User-Id"}}}}}]}');
BEGIN;
SET LOCAL search_path = pg_catalog;
SET LOCAL ROLE compat_u;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
SELECT graphql.resolve('mutation { insert_compat_tag(objects: [{name: "ALPHA", owner: "1", n: 5}, {name: "beta", owner: "1", n: 7}, {name: "gamma", owner: "1", n: 1}], on_conflict: {constraint: compat_tag_pkey, update_columns: [n]}) { affected_rows returning { name n } } }');
RESET ROLE;
SELECT * FROM public.compat_tag ORDER BY name;
ROLLBACK;
SELECT graphql.metadata('{"type": "clear_metadata", "args": {}}');
DROP TABLE compat_tag;
DROP ROLE compat_u;
DROP TABLE compat_item;
DROP TYPE compat_point;
DROP EXTENSION citext;
DROP EXTENSION graphql;
