-- graphql.resolve and graphql.explain: queries over a small schema
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/resolve.sql
\set ECHO all
-- lists, arguments, keys in selection order
SELECT graphql.resolve('{ author(order_by: {id: desc}) { name id m tags info } }');
SELECT graphql.resolve('{ author(where: {id: {_gt: 1}}, limit: 1, offset: 1, order_by: {id: asc}) { id } }');
SELECT graphql.resolve('{ author_by_pk(id: 2) { id name } none: author_by_pk(id: 9) { id } }');
-- relationships, nested, with arguments, __typename
SELECT graphql.resolve('{ post(order_by: {id: asc}) { __typename title author { name post(order_by: {likes: desc}, limit: 1) { title } } } }');
-- filters
SELECT graphql.resolve('{ author(where: {}) { id } a: author(where: {_and: []}) { id } o: author(where: {_or: []}) { id } }');
SELECT graphql.resolve('{ author(where: {_or: [{name: {_eq: "Ann"}}, {name: {_ilike: "b%"}}], _not: {id: {_in: [2]}}}) { id } }');
SELECT graphql.resolve('{ author(where: {id: {_nin: [1, 2]}}) { id } n: author(where: {big: {_is_null: true}}) { id } }');
SELECT graphql.resolve('{ author(where: {name: {_regex: "^[AB]"}, score: {_gte: 2}}) { id } s: author(where: {name: {_similar: "C%"}}) { id } }');
SELECT graphql.resolve('{ author(where: {info: {_contains: {k: 1}}}) { id } h: author(where: {info: {_has_key: "j"}}) { id } t: author(where: {tags: {_contains: ["b"]}}) { id } }');
SELECT graphql.resolve('{ author(where: {post: {likes: {_gt: 6}}}) { id } p: post(where: {author: {name: {_eq: "Bob"}}}) { id } }');
SELECT graphql.resolve('{ author(where: {m: {_eq: happy}}) { id m } }');
-- order through relationships and by aggregates, distinct_on
SELECT graphql.resolve('{ post(order_by: [{author: {name: desc_nulls_last}}, {id: asc}]) { id } }');
SELECT graphql.resolve('{ author(order_by: {post_aggregate: {count: desc}, id: asc}) { id } }');
SELECT graphql.resolve('{ post(distinct_on: author_id, order_by: [{author_id: asc}, {likes: desc}]) { id author_id } }');
SELECT graphql.resolve('{ post(distinct_on: author_id, order_by: {id: asc}) { id } }');
-- aggregates
SELECT graphql.resolve('{ post_aggregate { aggregate { count c: count(columns: author_id, distinct: true) sum { likes } avg { likes } max { title } } nodes { id } } }');
SELECT graphql.resolve('{ post_aggregate(order_by: {id: asc}, limit: 2, offset: 1) { aggregate { count sum { likes } } } }');
SELECT graphql.resolve('{ author(where: {id: {_eq: 1}}) { post_aggregate { __typename aggregate { count } } } }');
-- more than 50 fields in one object: keys in selection order, values as with fewer
CREATE TEMP TABLE wide AS
SELECT (SELECT graphql.resolve('{ author(order_by: {id: asc}) { '
          || string_agg(format('a%s: %s', i, (ARRAY['id', 'name', 'big', 'tags', 'info', 'm'])[i % 6 + 1]), ' ')
          || ' } post_aggregate { aggregate { count max { '
          || string_agg(format('m%s: %s', i, (ARRAY['title', 'likes', 'id'])[i % 3 + 1]), ' ')
          || ' } } } }') FROM generate_series(1, 66) AS i) AS w,
       (SELECT graphql.resolve('{ ' || string_agg(format('r%s: %s', i, (ARRAY['__typename', 'author_by_pk(id: 2) { name }',
          'author_aggregate { aggregate { count } }'])[i % 3 + 1]), ' ') || ' }') FROM generate_series(1, 61) AS i) AS r,
       graphql.resolve('{ author(order_by: {id: asc}) { id name big tags info m }
          post_aggregate { aggregate { count max { title likes id } } } }')::jsonb AS n;
SELECT (SELECT array_agg(k ORDER BY o) FROM json_object_keys(w->'data'->'author'->0) WITH ORDINALITY AS x(k, o))
          = (SELECT array_agg('a' || i ORDER BY i) FROM generate_series(1, 66) AS i) AS row_keys_in_order,
       (SELECT array_agg(k ORDER BY o) FROM json_object_keys(w->'data'->'post_aggregate'->'aggregate'->'max')
          WITH ORDINALITY AS x(k, o)) = (SELECT array_agg('m' || i ORDER BY i) FROM generate_series(1, 66) AS i) AS max_keys_in_order,
       (SELECT array_agg(k ORDER BY o) FROM json_object_keys(r->'data') WITH ORDINALITY AS x(k, o))
          = (SELECT array_agg('r' || i ORDER BY i) FROM generate_series(1, 61) AS i) AS root_keys_in_order,
       (SELECT bool_and(coalesce((w->'data'->'author'->j->('a' || i))::jsonb
                                 = n->'data'->'author'->j->((ARRAY['id', 'name', 'big', 'tags', 'info', 'm'])[i % 6 + 1]), false))
          FROM generate_series(0, 2) AS j, generate_series(1, 66) AS i) AS row_values,
       (SELECT bool_and(coalesce((w->'data'->'post_aggregate'->'aggregate'->'max'->('m' || i))::jsonb
                                 = n->'data'->'post_aggregate'->'aggregate'->'max'->((ARRAY['title', 'likes', 'id'])[i % 3 + 1]), false))
          FROM generate_series(1, 66) AS i) AS max_values,
       w->'data'->'post_aggregate'->'aggregate'->'count' AS count,
       substring(r::text from '"r60" : .*') AS root_tail
  FROM wide;
SELECT substring(graphql.resolve('{ author_by_pk(id: 3) { ' || string_agg(format('a%s: %s', i,
          (ARRAY['id', 'name', 'big', 'tags', 'info', 'm'])[i % 6 + 1]), ' ') || ' } }')::text
          from '"a48" : .*') AS chunk_boundary FROM generate_series(1, 54) AS i;
DROP TABLE wide;
-- fragments, aliases, directives, variables with defaults
SELECT graphql.resolve('query Q($id: Int = 1, $skip: Boolean!) { x: author_by_pk(id: $id) { ...F name @skip(if: $skip) } } fragment F on author { id ... on author { m } }', '{"skip": true}');
SELECT graphql.resolve('query Q($w: author_bool_exp) { author(where: $w) { id } }', '{"w": {"name": {"_in": ["Ann", "Cid"]}}}');
SELECT graphql.resolve('query A { author { id } } query B { post { id } }', NULL, 'A');
-- bigint/numeric as numbers, or strings
SELECT graphql.resolve('{ author_by_pk(id: 1) { big score } }');
SET graphql.stringify_numeric_types = on;
SELECT graphql.resolve('{ author_by_pk(id: 1) { big score } author_aggregate { aggregate { sum { big } } } }');
RESET graphql.stringify_numeric_types;
-- errors
SELECT graphql.resolve('{ author { id ');
SELECT graphql.resolve('{ author { nope } }');
SELECT graphql.resolve('query ($x: Int!) { author_by_pk(id: $x) { id } }');
SELECT graphql.resolve('query ($x: Int!) { author_by_pk(id: $x) { id } }', '{"x": "a"}');
SELECT graphql.resolve('query ($w: author_bool_exp) { author(where: $w) { id } }', '{"w": {"id": {"_eq": "a"}}}');
SELECT graphql.resolve('query A { author { id } } query B { post { id } }');
SELECT graphql.resolve('query ($u: uuid) { post(where: {uid: {_eq: $u}}) { id } }', '{"u": "not-a-uuid"}');
SELECT graphql.resolve('{ post(limit: -1) { id } }');
-- permission error: a view over a table the role may not read
CREATE TABLE secret (id int PRIMARY KEY);
CREATE VIEW peek WITH (security_invoker = true) AS SELECT id FROM secret;
CREATE ROLE resolve_reader;
GRANT SELECT ON peek TO resolve_reader;
SET ROLE resolve_reader;
SELECT graphql.resolve('{ peek { id } }');
RESET ROLE;
-- the caller's transaction goes on
BEGIN;
SELECT graphql.resolve('query ($u: uuid) { post(where: {uid: {_eq: $u}}) { id } }', '{"u": "bad"}');
SELECT 1 AS still_fine;
COMMIT;
-- variables must be a JSON object (a JSON null means none)
SELECT graphql.resolve('{ author_by_pk(id: 1) { id } }', '"{\"n\": 1}"');
SELECT graphql.resolve('{ author_by_pk(id: 1) { id } }', '[1]');
SELECT graphql.resolve('{ author_by_pk(id: 1) { id } }', 'null');
-- _in over jsonb takes any JSON values
SELECT graphql.resolve('{ author(where: {info: {_in: [{k: 1}, "x", [1, 2]]}}) { id } }');
-- a bad variable value is shown as graphql-js's inspect() shows it
SELECT graphql.resolve('query Q($w: author_bool_exp) { author(where: $w) { id } }',
                       '{"w": {"nme": {"_eq": "Ann"}}}');
-- queries are read-only, even through a volatile function behind a view
CREATE TABLE scribbles (id int);
CREATE FUNCTION scribble() RETURNS int LANGUAGE sql VOLATILE
  AS $$ INSERT INTO scribbles VALUES (1) RETURNING id $$;
CREATE VIEW scribbler AS SELECT scribble() AS id;
SELECT graphql.resolve('{ scribbler { id } }');
SELECT count(*) AS scribbles FROM scribbles;
-- and the caller's transaction stays read-write
BEGIN;
SELECT graphql.resolve('{ author_by_pk(id: 1) { id } }');
INSERT INTO scribbles VALUES (2);
ROLLBACK;
DROP VIEW scribbler;
DROP FUNCTION scribble();
DROP TABLE scribbles;
-- introspection in the same request as data (answered from the schema, passed as a parameter)
SELECT graphql.resolve('{ __typename s: __schema { queryType { name } mutationType { name } }
  t: __type(name: "post") { kind fields { name type { kind ofType { name } } } }
  none: __type(name: "nope") { name } author(limit: 1, order_by: {id: asc}) { __typename id } }');
-- explain: the SQL text, the same for the same document
SELECT graphql.explain('query ($n: String) { author(where: {name: {_eq: $n}}, limit: 2) { id post { title } } }');
SELECT graphql.explain('{ author { id } }') = graphql.explain('{ author { id } }') AS stable;
DROP VIEW peek;
DROP TABLE secret, post, author;
DROP TYPE mood;
DROP ROLE resolve_reader;
DROP EXTENSION graphql;
