--
-- graphql.max_depth and graphql.max_complexity through graphql.resolve:
-- checked before the operation runs, the limit and the value found in the
-- error's extensions
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/limits.sql
\set ECHO all

-- no limits by default
SELECT graphql.resolve('{ lim_author(order_by: {id: asc}) { name lim_book(order_by: {id: asc}) { title author { name } } } }');

SET graphql.max_depth = 2;
SELECT graphql.resolve('{ lim_author { name lim_book { title } } }');
SELECT graphql.resolve('{ lim_author(order_by: {id: asc}) { name } }');
-- fragments count where they are spread
SELECT graphql.resolve('{ lim_author { ...F } } fragment F on lim_author { lim_book { title } }');
RESET graphql.max_depth;

SET graphql.max_complexity = 50;
-- 1 + 100 * 1: a list without limit counts 100 rows
SELECT graphql.resolve('{ lim_author { name } }');
-- 1 + 10 * (1 + 1 + 10 * 1) = 121
SELECT graphql.resolve('{ lim_author(limit: 10) { name lim_book(limit: 10) { title } } }');
-- 1 + 2 * (1 + 1 + 3 * 1) = 11, with a limit from a variable
SELECT graphql.resolve('query ($n: Int) { lim_author(limit: 2, order_by: {id: asc}) { name lim_book(limit: $n, order_by: {id: asc}) { title } } }', '{"n": 3}');
RESET graphql.max_complexity;

DROP TABLE lim_book, lim_author;
DROP EXTENSION graphql;
