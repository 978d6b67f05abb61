-- graphql.resolve: one case per rule of the specification's Validation section, on real tables.
-- Every case answers validation-failed (no data key) with graphql-js's message and locations.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/validation.sql
\set ECHO all
-- the documents are valid except for the rule named; a sanity check that the tables answer
SELECT graphql.resolve('{ v_author(order_by: {id: asc}) { id name mood v_post { title } } }')::jsonb;
-- one row per rule: has the response a data key, and its errors
SELECT n, rule, r ? 'data' AS has_data, r -> 'errors' AS errors
FROM (VALUES
  (1, 'executable definitions', $$ { v_author { id } } type Foo { a: Int } $$),
  (2, 'executable definitions (schema)', $$ { v_author { id } } schema { query: Foo } $$),
  (3, 'operation name uniqueness', $$ query Q { v_author { id } } query Q { v_post { id } } $$),
  (4, 'lone anonymous operation', $$ { v_author { id } } query Q { v_post { id } } $$),
  (5, 'subscription single root field', $$ subscription S { v_author { id } v_post { id } } $$),
  (6, 'subscription single root field (anonymous)', $$ subscription { v_author { id } v_post { id } } $$),
  (7, 'subscription no introspection root field', $$ subscription S { __typename } $$),
  (8, 'fields on correct type', $$ { v_author { id nme } } $$),
  (9, 'fields on correct type (root)', $$ { v_authors { id } } $$),
  (10, 'field merging: different fields', $$ { v_author { x: id x: name } } $$),
  (11, 'field merging: different arguments', $$ { v_author(limit: 1) { id } v_author(limit: 2) { id } } $$),
  (12, 'field merging: conflicting subfields', $$ { v_author { v_post { x: id } v_post { x: title } } } $$),
  (13, 'leaf field selections: scalar with selection', $$ { v_author { id { x } } } $$),
  (14, 'leaf field selections: object without selection', $$ { v_author } $$),
  (15, 'argument names', $$ { v_author(lmit: 1) { id } } $$),
  (16, 'argument uniqueness', $$ { v_author(limit: 1, limit: 2) { id } } $$),
  (17, 'required arguments', $$ { v_author_by_pk { id } } $$),
  (18, 'fragment name uniqueness', $$ { v_author { ...F } } fragment F on v_author { id } fragment F on v_author { name } $$),
  (19, 'fragment spread type existence', $$ { v_author { ...F } } fragment F on v_autor { id } $$),
  (20, 'inline fragment type existence', $$ { v_author { ... on Nope { id } } } $$),
  (21, 'fragments on composite types', $$ { v_author { ...F } } fragment F on Int { id } $$),
  (22, 'inline fragments on composite types', $$ { v_author { id ... on String { length } } } $$),
  (23, 'fragments must be used', $$ { v_author { id } } fragment F on v_author { id } $$),
  (24, 'fragment spread target defined', $$ { v_author { ...G } } $$),
  (25, 'fragment spreads must not form cycles', $$ { v_author { ...A } } fragment A on v_author { ...B } fragment B on v_author { ...A } $$),
  (26, 'fragment spread within itself', $$ { v_author { ...A } } fragment A on v_author { id ...A } $$),
  (27, 'fragment spread is possible', $$ { v_author { ...P } } fragment P on v_post { id } $$),
  (28, 'inline fragment spread is possible', $$ { v_author { ... on v_post { id } } } $$),
  (29, 'values: Int out of range', $$ { v_author(limit: 3000000000) { id } } $$),
  (30, 'values: String for Int', $$ { v_author(limit: "1") { id } } $$),
  (31, 'values: unknown enum value', $$ { v_author(order_by: {id: ascending}) { id } } $$),
  (32, 'values: enum given as a string', $$ { v_author(where: {mood: {_eq: "happy"}}) { id } } $$),
  (33, 'values: unknown input object field', $$ { v_author(where: {nme: {_eq: "Ann"}}) { id } } $$),
  (34, 'values: null in a list of non-null', $$ { v_author(where: {id: {_in: [1, null]}}) { id } } $$),
  (35, 'values: null for a required argument', $$ { v_author_by_pk(id: null) { id } } $$),
  (36, 'input object field uniqueness', $$ { v_author(where: {id: {_eq: 1, _eq: 2}}) { id } } $$),
  (37, 'directives defined', $$ { v_author @cached { id } } $$),
  (38, 'directives in valid locations', $$ query Q @skip(if: true) { v_author { id } } $$),
  (39, 'directives unique per location', $$ { v_author { id @include(if: true) @include(if: false) } } $$),
  (40, 'directive argument required', $$ { v_author { id @skip } } $$),
  (41, 'variable uniqueness', $$ query Q($a: Int, $a: Int) { v_author(limit: $a) { id } } $$),
  (42, 'variables are input types', $$ query Q($a: v_author) { v_author { id } } $$),
  (43, 'variables of an unknown type', $$ query Q($a: Nope) { v_author(limit: $a) { id } } $$),
  (44, 'all variable uses defined', $$ query Q { v_author(limit: $n) { id } } $$),
  (45, 'all variable uses defined (anonymous)', $$ { v_author(limit: $n) { id } } $$),
  (46, 'all variables used', $$ query Q($n: Int) { v_author { id } } $$),
  (47, 'all variable usages allowed', $$ query Q($n: Int) { v_author_by_pk(id: $n) { id } } $$),
  (48, 'all variable usages allowed (list)', $$ query Q($n: Int) { v_author(where: {id: {_in: $n}}) { id } } $$),
  (50, 'several rules at once, in document order', $$ query Q($u: Int) { v_author(lmit: 1) { nme } } $$)
) AS c(n, rule, q), LATERAL (SELECT graphql.resolve(q)::jsonb AS r) AS x
ORDER BY n;
-- 49, operation type existence: a role that may only read has no mutation_root
CREATE ROLE regress_v_reader;
GRANT SELECT ON v_author TO regress_v_reader;
SET ROLE regress_v_reader;
SELECT graphql.resolve('mutation M { v_author { id } }')::jsonb;
RESET ROLE;
DROP OWNED BY regress_v_reader;
DROP ROLE regress_v_reader;
-- syntax errors: parse-failed, no data key
SELECT graphql.resolve('{ v_author { id }')::jsonb;
SELECT graphql.resolve('{ v_author(limit: ) { id } }')::jsonb;
SELECT graphql.resolve('query Q { v_author { id } } extra')::jsonb;
-- operation selection
SELECT graphql.resolve('query A { v_author(order_by: {id: asc}) { id } } query B { v_post(order_by: {id: asc}) { id } }',
                       operation_name => 'C')::jsonb;
SELECT graphql.resolve('query A { v_author(order_by: {id: asc}) { id } } query B { v_post(order_by: {id: asc}) { id } }')::jsonb;
SELECT graphql.resolve('query A { v_author(order_by: {id: asc}) { id } } query B { v_post(order_by: {id: asc}) { id } }',
                       operation_name => 'B')::jsonb;
SELECT graphql.resolve('{ v_author(order_by: {id: asc}) { id } }', operation_name => 'A')::jsonb;
-- variable values that do not coerce: also validation-failed, before execution
SELECT v AS variables, graphql.resolve(q, v::jsonb)::jsonb -> 'errors' AS errors
FROM (VALUES
  (1, 'query Q($n: Int!) { v_author(limit: $n) { id } }', '{}'),
  (2, 'query Q($n: Int!) { v_author(limit: $n) { id } }', '{"n": "x"}'),
  (3, 'query Q($n: Int) { v_author(limit: $n) { id } }', '{"n": 4294967296}'),
  (4, 'query Q($m: v_mood) { v_author(where: {mood: {_eq: $m}}) { id } }', '{"m": "hapy"}'),
  (5, 'query Q($w: v_author_bool_exp) { v_author(where: $w) { id } }', '{"w": {"nme": {"_eq": "Ann"}}}'),
  (6, 'query Q($w: v_author_bool_exp) { v_author(where: $w) { id } }', '{"w": {"id": {"_eq": "x"}}}'),
  (7, 'query Q($w: v_author_bool_exp) { v_author(where: $w) { id } }', '{"w": {"id": {"_in": [1, null]}}}'),
  (8, 'query Q($l: [Int!]) { v_author(where: {id: {_in: $l}}) { id } }', '{"l": [1, "a"]}')
) AS c(n, q, v)
ORDER BY n;
-- a validation error leaves the caller's transaction usable
BEGIN;
SELECT graphql.resolve('{ v_author { nme } }')::jsonb -> 'errors' -> 0 -> 'extensions';
SELECT count(*) FROM v_author;
COMMIT;
DROP TABLE v_post, v_author;
DROP TYPE v_mood;
DROP EXTENSION graphql;
