-- errors: every error carries Hasura's code; syntax, validation and
-- variable errors their locations; an SQL error raised by the one
-- statement its locations and path when it can be traced to a field
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/errors.sql
\set ECHO all
-- syntax: parse-failed, no data
SELECT graphql.resolve('{ e_author { id }')::text;
-- validation: validation-failed with the locations of the nodes at fault
SELECT graphql.resolve('{ e_author { id nme } }')::text;
-- variables: the location of the variable's definition
SELECT graphql.resolve(E'query q(\n  $a: Int!,\n  $b: uuid!) { e_author(where: {id: {_eq: $a}, uid: {_eq: $b}}) { id } }',
                       '{"a": 1}')::text;
SELECT graphql.resolve('query ($a: Int) { e_author(where: {id: {_eq: $a}}) { id } }',
                       '[1]')::text;
-- planner validation (Hasura's distinct_on rule): the argument's location
SELECT graphql.resolve(E'{ e_author {\n  e_post(distinct_on: title, order_by: {id: asc}) { id } } }')::text;
-- a value the database rejects: data-exception at the field holding it,
-- whichever root field it is in; data is null (the statement failed)
SELECT graphql.resolve(E'{ a: e_author { id }\n  b: e_author(where: {uid: {_eq: "nope"}}) { id } }')::text;
SELECT graphql.resolve('query ($d: date) { x: e_author { id } y: e_post(where: {day: {_gt: $d}}) { id } }',
                       '{"d": "2026-13-45"}')::text;
-- a bad pattern fails in its operator, not in a cast
SELECT graphql.resolve('{ a: e_author { id } b: e_author(where: {name: {_regex: "("}}) { id } }')::text;
SELECT graphql.resolve('{ a: e_author { id } b: e_author(where: {name: {_similar: "(a"}}) { id } }')::text;
-- the path goes down object relationships and stops at the first list
SELECT graphql.resolve('{ x: e_author { id } p: e_post_by_pk(id: 10) { author { e_posts: e_post(where: {day: {_eq: "x"}}) { id } } } }')::text;
SELECT graphql.resolve('{ x: e_author { id } e_author { e_post(where: {day: {_eq: "x"}}) { id } } }')::text;
SELECT graphql.resolve('{ x: e_author { id } e_author_aggregate { nodes { e_post(where: {day: {_eq: "x"}}) { id } } } }')::text;
-- negative limit and offset
SELECT graphql.resolve('{ a: e_author { id } b: e_post(offset: -1) { id } }')::text;
SELECT graphql.resolve('query ($l: Int) { a: e_author { id } b: e_post(limit: $l) { id } }', '{"l": -2}')::text;
-- an error that no value explains: the single root field's, else no path
CREATE VIEW e_broken AS SELECT id, 1 / (id - id) AS x FROM e_author;
SELECT graphql.resolve('{ e_broken { x } }')::text;
SELECT graphql.resolve('{ e_broken { x } e_author { id } }')::text;
DROP VIEW e_broken;
DROP TABLE e_post, e_author;
DROP EXTENSION graphql;
