--
-- 00_extension.sql - the extension as the catalog sees it, and the contract
-- of graphql.parse(): an answer for every input, never an SQL error.
--
-- Runs in a database where CREATE EXTENSION graphql was done (make test);
-- everything happens in a transaction that is rolled back.
--
BEGIN;
SELECT plan(27);

-- the extension and its schema
SELECT has_extension('graphql', 'the graphql extension is installed');
SELECT has_schema('graphql', 'the extension creates schema graphql');
SELECT is(e.extnamespace::regnamespace::text, 'graphql', 'the extension lives in schema graphql')
FROM pg_extension AS e WHERE e.extname = 'graphql';
SELECT is(e.extrelocatable, false, 'the extension is not relocatable')
FROM pg_extension AS e WHERE e.extname = 'graphql';
SELECT is(e.extversion, '0.1.0', 'the installed version is 0.1.0')
FROM pg_extension AS e WHERE e.extname = 'graphql';
SELECT is(
  (SELECT count(*) FROM pg_depend AS d
   JOIN pg_proc AS p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
   WHERE d.refclassid = 'pg_extension'::regclass
     AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'graphql')
     AND d.deptype = 'e'
     AND p.pronamespace <> 'graphql'::regnamespace),
  0::bigint,
  'every function of the extension is in schema graphql');
SELECT throws_ok('ALTER EXTENSION graphql SET SCHEMA public', '0A000', NULL,
  'ALTER EXTENSION ... SET SCHEMA is refused');

-- graphql.parse(document text) RETURNS jsonb
SELECT has_function('graphql', 'parse', ARRAY['text'], 'graphql.parse(text) exists');
SELECT function_returns('graphql', 'parse', ARRAY['text'], 'jsonb', 'graphql.parse returns jsonb');
SELECT function_lang_is('graphql', 'parse', ARRAY['text'], 'c', 'graphql.parse is written in C');
SELECT is_strict('graphql', 'parse', ARRAY['text'], 'graphql.parse is STRICT');
SELECT volatility_is('graphql', 'parse', ARRAY['text'], 'stable', 'graphql.parse is STABLE: its limits come from settings');
SELECT is(p.proparallel, 's', 'graphql.parse is PARALLEL SAFE')
FROM pg_proc AS p WHERE p.oid = 'graphql.parse(text)'::regprocedure;
SELECT isnt(obj_description('graphql.parse(text)'::regprocedure, 'pg_proc'), NULL,
  'graphql.parse has a comment');
SELECT is(graphql.parse(NULL), NULL, 'NULL in, NULL out');

-- a valid document: an object without "errors"
SELECT is(jsonb_typeof(graphql.parse('{ authors { name } }')), 'object',
  'a valid document gives an object');
SELECT ok(NOT graphql.parse('{ authors { name } }') ? 'errors',
  'a valid document gives no errors');
SELECT ok(NOT graphql.parse('query Q($n: Int = 3) { authors(limit: $n) { name ...F } } fragment F on authors { id }') ? 'errors',
  'variables, arguments and fragments parse');

-- a syntax error: {"errors": [{"message", "locations": [{"line", "column"}]}]}
SELECT ok(graphql.parse('{ authors { name }') ? 'errors', 'a syntax error gives an errors key');
SELECT is(jsonb_typeof(graphql.parse('{ authors { name }') -> 'errors'), 'array',
  'errors is an array');
SELECT is(jsonb_typeof(graphql.parse('{ authors { name }') -> 'errors' -> 0 -> 'message'), 'string',
  'an error has a message');
SELECT is(graphql.parse('{ authors { name }') -> 'errors' -> 0 -> 'locations' -> 0,
  '{"line": 1, "column": 19}'::jsonb,
  'the error is located where graphql-js locates it (the end of the document)');
SELECT is(graphql.parse(E'{\n  a(x: 1.)\n}') -> 'errors' -> 0 -> 'locations' -> 0,
  '{"line": 2, "column": 10}'::jsonb,
  'line and column are 1-based and count lines');

-- garbage: always an answer with errors, never an SQL error
SELECT lives_ok($$
  SELECT graphql.parse(g)
  FROM (VALUES (''), ('}'), ('{'), ('"'), ('"""'), ('query'), ('{ a(x: ) }'), ('@'),
               (E'\\u'), ('{ a(x: "\ud800") }'), (repeat('{', 100000)),
               (repeat('[', 100000)), (repeat('{ a ', 50000)),
               (repeat('a', 1000000))) AS v(g)
$$, 'graphql.parse never raises on garbage');
SELECT is(
  (SELECT count(*)
   FROM (VALUES (''), ('}'), ('{'), ('"'), ('"""'), ('query'), ('{ a(x: ) }'), ('@'),
                (repeat('{', 100000)), (repeat('{ a ', 50000))) AS v(g)
   WHERE NOT graphql.parse(g) ? 'errors'),
  0::bigint,
  'every garbage document gives an errors key');
SELECT is(
  (SELECT count(*)
   FROM generate_series(1, 200) AS n,
        LATERAL (SELECT string_agg(chr(9 + (n * 7919 + i * 104729) % 118), '') AS g
                 FROM generate_series(1, 50 + n) AS i) AS doc
   WHERE jsonb_typeof(graphql.parse(g)) <> 'object'),
  0::bigint,
  'pseudo-random ASCII documents all give an object');

-- any role may use it
CREATE ROLE graphql_pgtap_nobody NOLOGIN;
SET LOCAL ROLE graphql_pgtap_nobody;
SELECT lives_ok($$SELECT graphql.parse('{ a }')$$, 'a role without privileges can call graphql.parse');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
