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

-- graphql.max_rows: the row cap of every list, with or without a limit; aggregates count all rows
SET graphql.max_rows = 2;
SELECT graphql.resolve('{ lim_book(order_by: {id: asc}) { id } a: lim_book(limit: 1, order_by: {id: asc}) { id } b: lim_book(limit: 5, order_by: {id: asc}) { id } lim_book_aggregate { aggregate { count } } lim_author(where: {id: {_eq: 1}}) { lim_book(order_by: {id: desc}) { id } } }');
-- and the complexity of a list without limit counts max_rows rows: 1 + 2 * 1
SET graphql.max_complexity = 2;
SELECT graphql.resolve('{ lim_author { name } }') -> 'errors' -> 0 -> 'extensions';
RESET graphql.max_complexity;
RESET graphql.max_rows;

DROP TABLE lim_book, lim_author;
DROP EXTENSION graphql;
