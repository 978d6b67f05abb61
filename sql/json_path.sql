-- graphql.resolve: the path argument of json and jsonb fields (Hasura's "JSON select
-- path"): every shape of path, on json, jsonb and a domain over jsonb; null where a path
-- leads nowhere; variables; invalid and hostile paths; and every place a json value is a
-- field: lists, _by_pk, relationships, aggregate nodes, functions, computed fields,
-- mutations' returning.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/json_path.sql
\set ECHO all
-- the value of jb(path: p) of row 1 and the same through j (json) and pl (domain), as
-- jsonb so that the three compare; 'errors' when the request fails
CREATE FUNCTION jp_at(p text, row_id int DEFAULT 1) RETURNS jsonb LANGUAGE sql AS $$
  SELECT coalesce(r -> 'data' -> 'jp_doc_by_pk', r -> 'errors')
  FROM (SELECT graphql.resolve(format('query ($p: String) { jp_doc_by_pk(id: %s) { jb(path: $p) j(path: $p) pl(path: $p) } }',
                                      row_id), jsonb_build_object('p', p))::jsonb AS r) AS s $$;
-- the first error of a request: its message, locations and code
CREATE FUNCTION jp_error(q text, vars jsonb DEFAULT NULL) RETURNS text LANGUAGE sql AS $$
  SELECT coalesce((r -> 'errors' -> 0)::text, 'no error: ' || r::text)
  FROM (SELECT graphql.resolve(q, vars)::jsonb AS r) AS s $$;

-- introspection: path (String, "JSON select path") on the json, jsonb and domain columns,
-- the computed field and the scalar function; not on text or jsonb[] columns
SELECT f ->> 'name' AS field, f -> 'args' AS args
FROM jsonb_array_elements(graphql.resolve($$ { __type(name: "jp_doc") { fields { name
       args { name description type { kind name } defaultValue } } } } $$)::jsonb
     #> '{data,__type,fields}') AS f
WHERE f ->> 'name' IN ('id', 'j', 'jb', 'pl', 'tags', 'note', 'summary', 'jp_part');
SELECT f ->> 'name' AS field, f -> 'args' AS args
FROM jsonb_array_elements(graphql.resolve($$ { __schema { queryType { fields { name
       args { name type { name } } } } } } $$)::jsonb #> '{data,__schema,queryType,fields}') AS f
WHERE f ->> 'name' IN ('jp_settings', 'jp_docs_noted');

-- every shape of path on row 1: json, jsonb and the domain give the same value
SELECT p AS path, jp_at(p) -> 'jb' AS value,
       jp_at(p) -> 'jb' = jp_at(p) -> 'j' AND jp_at(p) -> 'jb' = jp_at(p) -> 'pl' AS same
FROM (VALUES ('$'), ('$.title'), ('title'), ('.title'), ('$.size.w'), ('size.h'),
             ('.size.w'), ('list[0]'), ('list.[2]'), ('$.list[1]'), ('$[''list''][0]'),
             ('._hidden'), ('_hidden'), ('a-b'), ('[''%&*!'']'), ('["%&*!"]'),
             ('labels[''good day'']'), ('labels["good day"]'), ('labels.["good day"]'),
             ('items[0][''名前'']'), ('items[1]["名前"]'), ('items[1].["名前"]'),
             ('items.[1].["名前"]'), ('items.[0].名前'), ('é'), ('[''é'']'),
             ('nested.deep.deeper[1][1][0]'), ('nested["deep"].deeper.[0]'),
             ('list[002]'), ('[0]'), ('["0"]'), ('[""]'), ('['''']'),
             ('[''quote\''key'']'), ('["quote''key"]'), ('["dq\"key"]'), ('[''dq"key'']'),
             ('[''dq\"key'']'), ('["back\\slash"]'), ('[''back\\slash'']'), ('["NULL"]'),
             ('["a\",\"b"]'), ('["{}"]'), ('["tab\tkey"]'), ('["tab\u0009key"]'),
             ('["\u00e9"]'), ('["\u0071uote''key"]'), ('["\/"]')) AS t(p);

-- paths that lead nowhere are null: a missing key, an index beyond the array (however
-- large), an index into an object without such key, a key into an array or a scalar, a
-- path into a null value
SELECT p AS path, row_id, jp_at(p, row_id) -> 'jb' AS jb, jp_at(p, row_id) -> 'j' AS j
FROM (VALUES ('missing', 1), ('size.missing.deeper', 1), ('list[3]', 1),
             ('list[2147483648]', 1), ('list[99999999999999999999999999]', 1), ('[1]', 1),
             ('title.x', 1), ('title[0]', 1), ('k', 2), ('[2].k', 2), ('[1][1]', 2),
             ('[5]', 2), ('$', 3), ('[0]', 3), ('x', 3), ('$', 4), ('a.b', 4)) AS t(p, row_id);

-- null for path is the whole value; a variable left out too; a literal path
SELECT graphql.resolve($$ query ($p: String) { jp_doc_by_pk(id: 2) { a: jb(path: $p) b: jb(path: null) c: jb } } $$);
SELECT graphql.resolve($$ query ($p: String) { jp_doc_by_pk(id: 2) { jb(path: $p) } } $$, '{"p": null}');
SELECT graphql.resolve($$ query ($p: String = "[1][0]") { jp_doc_by_pk(id: 2) { jb(path: $p) } } $$);
SELECT graphql.resolve($$ { jp_doc_by_pk(id: 1) { w: jb(path: "size.w") h: j(path: "size.h") pl(path: "list[2]") note } } $$);
-- two aliases with two paths; one key with two paths does not merge (graphql-js's rule)
SELECT graphql.resolve($$ { jp_doc(where: {id: {_eq: 1}}) { a: jb(path: "title") b: jb(path: "list") } } $$);
SELECT jp_error($$ { jp_doc_by_pk(id: 1) { a: jb(path: "title") a: jb(path: "list") } } $$);

-- invalid paths: validation-failed at the argument, nothing runs; the message says what
-- is wrong at which character
SELECT p AS path, e ->> 'message' AS message, e #>> '{extensions,code}' AS code, e -> 'locations' AS locations
FROM (SELECT p, jp_error(format('{ jp_doc_by_pk(id: 1) { jb(path: %s) } }', to_json(p)))::jsonb AS e FROM (VALUES (''), ('.'), ('a.'), ('..a'), ('a..b'), ('$$'), ('$.'), ('0a'), ('a.0'), ('a b'),
             ('a/b'), ('*'), ('['), ('[0'), ('[0a]'), ('[-1]'), ('[ 0 ]'), ('[]'), ('[a]'),
             ('[''abc'), ('[''abc'''), ('["abc]'), ('["abc"'), ('["a\qb"]'), ('[''a\qb'']'),
             ('["a\''b"]'), ('["a\u12"]'), ('["\ud800"]'), ('["\udc00"]'), ('["\ud800\u0041"]'),
             ('["\u0000"]'), ('[''\u0000'']'), (E'["a\nb"]'), (E'[''\x01'']'), ('a]'),
             ('list[0]]'), ('list[0]x]'), (E'list\n')) AS t(p)) AS s;
-- the same through a variable
SELECT jp_error($$ query ($p: String) { jp_doc { jb(path: $p) } } $$, '{"p": "items[0"}');
-- bounds: at most 2048 bytes and 128 elements; U+0000 in the GraphQL string itself
SELECT jp_error($$ query ($p: String) { jp_doc { jb(path: $p) } } $$,
                jsonb_build_object('p', repeat('a', 2049)));
SELECT jp_at(repeat('a', 2048)) AS longest;
SELECT jp_error($$ query ($p: String) { jp_doc { jb(path: $p) } } $$,
                jsonb_build_object('p', repeat('.a', 129)));
SELECT jp_at(repeat('.a', 128)) AS most_elements;
SELECT jp_error($$ { jp_doc { jb(path: "a\u0000b") } } $$);
-- a path in a selection that is skipped is not read
SELECT graphql.resolve($$ { jp_doc_by_pk(id: 1) { id jb(path: "[") @skip(if: true) } } $$);

-- hostile keys: the elements are one text[] parameter, never SQL text
SELECT graphql.explain($$ { jp_doc_by_pk(id: 1) { jb(path: "['x\\\"}\\'); DROP TABLE jp_doc; --']") } } $$);
SELECT graphql.resolve($$ { jp_doc_by_pk(id: 1) { jb(path: "['x\\\"}\\'); DROP TABLE jp_doc; --']") } } $$);
SELECT graphql.resolve($$ { jp_doc_by_pk(id: 1) { a: jb(path: "[\"NULL\"]") b: j(path: "['a\",\"b']") c: jb(path: "['{}']") } } $$);
SELECT count(*) AS docs_still_there FROM jp_doc;
-- the SQL of a path: value #> $n::text[]
SELECT graphql.explain($$ { jp_doc(where: {id: {_eq: 1}}) { j(path: "list[0]") jb(path: "$") summary(path: "first") } } $$);

-- everywhere a json value is a field: lists, relationships both ways, aggregate nodes
SELECT graphql.resolve($$ { jp_doc(order_by: {id: asc}, limit: 3) { id first: jb(path: "[0]") title: j(path: "title")
  jp_part(order_by: {id: asc}) { id kind: meta(path: "kind") page: meta(path: "pages[1]") } } } $$);
SELECT graphql.resolve($$ { jp_part(order_by: {id: asc}) { id doc { note w: jb(path: "size.w") } } } $$);
SELECT graphql.resolve($$ { jp_doc_aggregate(where: {id: {_lt: 3}}) { aggregate { count }
  nodes { id t: jb(path: "title") second: j(path: "[1]") } } } $$);
SELECT graphql.resolve($$ { jp_doc_by_pk(id: 1) { jp_part_aggregate { nodes { kind: meta(path: "$.kind") } } } } $$);
-- functions: rows of a SETOF function, a computed field, a scalar root function
SELECT graphql.resolve($$ { jp_docs_noted(args: {n: "object"}) { id jb(path: "labels['good day']") } } $$);
SELECT graphql.resolve($$ { jp_doc(order_by: {id: asc}) { id summary(path: "note") whole: summary first: summary(path: ".first") } } $$);
SELECT graphql.resolve($$ { jp_settings(path: "sizes[1]") mode: jp_settings(path: "mode") all: jp_settings } $$);
SELECT jp_error($$ { jp_settings(path: "sizes[") } $$);
SELECT jp_error($$ { jp_doc { summary(path: "no such") } } $$);

-- mutations: returning, _one, _by_pk
SELECT graphql.resolve($$ mutation { insert_jp_doc(objects: [{id: 5, jb: {x: {y: [7, 8]}}, j: {x: 1}}]) {
  affected_rows returning { id y: jb(path: "x.y[1]") x: j(path: "x") none: jb(path: "nope") } } } $$);
SELECT graphql.resolve($$ mutation { update_jp_doc_by_pk(pk_columns: {id: 5}, _set: {note: "new"}) { note y: jb(path: "x['y'][0]") } } $$);
SELECT graphql.resolve($$ mutation { insert_jp_part_one(object: {id: 14, doc_id: 5, meta: {k: "v"}}) {
  k: meta(path: "k") doc { y: jb(path: "x.y") } } } $$);
-- an invalid path in returning: validation-failed, and the mutation is undone
SELECT jp_error($$ mutation { update_jp_doc(where: {id: {_eq: 5}}, _set: {note: "gone"}) { returning { jb(path: "x.") } } } $$);
SELECT id, note FROM jp_doc WHERE id = 5;
DROP FUNCTION jp_at(text, int), jp_error(text, jsonb), jp_doc_summary(jp_doc), jp_docs_noted(text), jp_settings();
DROP TABLE jp_part, jp_doc;
DROP DOMAIN jp_payload;
DROP EXTENSION graphql;
