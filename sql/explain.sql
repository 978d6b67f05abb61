-- graphql.explain: the SQL text, its plan, its EXPLAIN ANALYZE
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/explain.sql
\set ECHO all
-- plan NULL (the default): the SQL text, values as $n parameters
SELECT graphql.explain('query ($n: String) { explain_author(where: {name: {_eq: $n}}) { id explain_book { title } } }',
                       '{"n": "Ann"}');
SELECT graphql.explain('{ explain_author { id } }', plan => NULL)
     = graphql.explain('{ explain_author { id } }') AS same_text;
-- plan => 'plan': EXPLAIN (COSTS OFF), parameters bound to the request's values
-- (sequential scans only, so that the plans do not depend on the machine)
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT graphql.explain('query ($n: String) { explain_author(where: {name: {_eq: $n}}) { id explain_book { title } } }',
                       '{"n": "Ann"}', plan => 'plan');
SELECT graphql.explain('{ explain_author_by_pk(id: 1) { name } }', plan => 'plan');
-- plan => 'analyze': the statement runs; the lines of the plan, costs and timings masked
SELECT regexp_replace(regexp_replace(regexp_replace(l, '\(cost=[0-9.]+\.\.[0-9.]+ rows=[0-9]+ width=[0-9]+\) ', ''),
                                     '\(actual time=[0-9.]+\.\.[0-9.]+ ', '(actual time=T '),
                      '(Planning|Execution) Time: [0-9.]+ ms', '\1 Time: T ms') AS line
FROM regexp_split_to_table(graphql.explain('query ($id: Int!) { explain_author_by_pk(id: $id) { name } }',
                                           '{"id": 2}', plan => 'analyze'), '\n') AS l
WHERE l ~ 'Scan|actual|Time:';
SELECT count(*) FILTER (WHERE l ~ '^Execution Time: ') AS execution_time,
       count(*) FILTER (WHERE l ~ 'Scan on public\.explain_book|Scan on explain_book') > 0 AS scans_book
FROM regexp_split_to_table(graphql.explain('{ explain_author { explain_book { title } } }',
                                           plan => 'analyze'), '\n') AS l;
RESET enable_indexscan;
RESET enable_bitmapscan;
-- ANALYZE executes the statement read-only, as resolve does, in a
-- subtransaction that it then rolls back: it sees the caller's uncommitted
-- rows, cannot write (a view whose function writes fails in both), and
-- leaves nothing behind
BEGIN;
SELECT graphql.resolve('{ explain_counter { n } }');
SELECT count(*) AS logged_by_resolve FROM explain_log;
ROLLBACK;
SELECT graphql.explain('{ explain_counter { n } }', plan => 'analyze');
SELECT count(*) AS logged FROM explain_log;
BEGIN;
INSERT INTO explain_author VALUES (3, 'Cid');
SELECT graphql.explain('{ explain_author { name } }', plan => 'analyze') ~ 'rows=3 loops=1' AS sees_own_row;
SELECT count(*) AS authors FROM explain_author;
ROLLBACK;
-- plan => 'plan' does not execute the statement
SELECT graphql.explain('{ explain_counter { n } }', plan => 'plan') ~ 'Result' AS planned;
SELECT count(*) AS logged FROM explain_log;
-- an unknown plan value
SELECT graphql.explain('{ explain_author { id } }', plan => 'verbose');
SELECT graphql.explain('{ explain_author { id } }', NULL, NULL, 'ANALYZE');
-- a request that does not validate: the GraphQL error in DETAIL, whatever plan says
SELECT graphql.explain('{ explain_author { nope } }');
SELECT graphql.explain('{ explain_author { nope } }', plan => 'analyze');
SELECT graphql.explain('query ($id: Int!) { explain_author_by_pk(id: $id) { name } }', plan => 'plan');
-- an SQL error while ANALYZE runs the statement is raised; the transaction survives a savepoint
BEGIN;
SAVEPOINT s;
SELECT graphql.explain('query ($n: Int!) { explain_author(limit: $n) { id } }', '{"n": -1}', plan => 'analyze');
ROLLBACK TO SAVEPOINT s;
SELECT 1 AS still_fine;
COMMIT;
DROP VIEW explain_counter;
DROP FUNCTION explain_logged();
DROP TABLE explain_log, explain_book, explain_author;
DROP EXTENSION graphql;
