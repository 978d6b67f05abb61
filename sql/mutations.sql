-- graphql.resolve: mutations (Hasura v2 shapes). insert_<t> / insert_<t>_one, upserts, nested
-- inserts, update_<t> with every operator, update_<t>_by_pk, update_<t>_many, delete_<t>,
-- delete_<t>_by_pk, several fields in one request, constraint and data errors, privileges,
-- generated columns, views, and column types. After each mutation the table is read with SQL.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/mutations.sql
\set ECHO all

-- the mutation_root fields and the input types of a table
SELECT string_agg(f ->> 'name', ' ' ORDER BY f ->> 'name') AS mutation_fields
FROM jsonb_array_elements(graphql.resolve('{ __type(name: "mutation_root") { fields { name } } }')::jsonb
                          #> '{data,__type,fields}') f;
SELECT graphql.resolve($$ { __type(name: "mutation_root") { fields(includeDeprecated: true) { name args { name type { kind name ofType { kind name ofType { kind name } } } } type { kind name ofType { name } } } } } $$)::jsonb
       #> '{data,__type,fields}' @> '[{"name": "update_m_author_many", "type": {"kind": "LIST", "name": null, "ofType": {"name": "m_author_mutation_response"}}}]' AS many_is_a_list;
SELECT graphql.resolve($$ {
  i: __type(name: "m_author_insert_input") { inputFields { name type { name kind } } }
  c: __type(name: "m_author_constraint") { enumValues { name } }
  u: __type(name: "m_author_update_column") { enumValues { name } }
  oc: __type(name: "m_author_on_conflict") { inputFields { name type { kind name ofType { kind name ofType { kind name ofType { name } } } } } }
} $$)::jsonb;
SELECT graphql.resolve($$ {
  s: __type(name: "m_author_set_input") { inputFields { name } }
  inc: __type(name: "m_author_inc_input") { inputFields { name } }
  ap: __type(name: "m_author_append_input") { inputFields { name } }
  pk: __type(name: "m_author_pk_columns_input") { inputFields { name type { kind ofType { name } } } }
  up: __type(name: "m_author_updates") { inputFields { name } }
  r: __type(name: "m_author_mutation_response") { fields { name type { kind ofType { kind name ofType { kind name ofType { name } } } } } }
} $$)::jsonb;

-- insert_<t>: several rows; returning with an array relationship (empty so far)
SELECT graphql.resolve($$ mutation {
  insert_m_author(objects: [{name: "Ann", rating: 5}, {name: "Bob", mood: happy}, {name: "Cid", rating: 1}]) {
    affected_rows returning { id name rating mood m_article { id } } } } $$)::jsonb;
SELECT id, name, rating, mood FROM m_author ORDER BY id;
-- insert_<t>_one; defaults for absent columns; returning with an object relationship
SELECT graphql.resolve($$ mutation {
  insert_m_article_one(object: {author_id: 1, title: "A1"}) { id title views subtitle author { id name } } } $$)::jsonb;
-- an explicit null is stored as null (not the default)
SELECT graphql.resolve($$ mutation {
  insert_m_article(objects: [{author_id: 1, title: "A2", subtitle: null}, {author_id: 2, title: "B1", views: 4}]) {
    affected_rows
    returning { id title views subtitle author { name m_article_aggregate { aggregate { count } } } } } } $$)::jsonb;
SELECT * FROM m_article ORDER BY id;
-- an empty list inserts nothing
SELECT graphql.resolve('mutation { insert_m_author(objects: []) { affected_rows returning { id } } }')::jsonb;
-- variables, fragments, __typename, operation name
SELECT graphql.resolve($$ mutation Add($n: String!, $r: Int) {
  __typename insert_m_author_one(object: {name: $n, rating: $r}) { __typename ...F } }
  fragment F on m_author { id name rating } $$, '{"n": "Dan", "r": 2}', 'Add')::jsonb;
SELECT graphql.resolve($$ mutation ($o: [m_author_insert_input!]!) { insert_m_author(objects: $o) { affected_rows returning { id name } } } $$,
                       '{"o": [{"name": "Eve"}, {"name": "Fay", "rating": 3}]}')::jsonb;
SELECT id, name, rating, mood FROM m_author ORDER BY id;

-- upserts: update_columns updates the conflicting row and returns it; the new row is inserted
SELECT graphql.resolve($$ mutation {
  insert_m_author(objects: [{name: "Ann", rating: 7}, {name: "Gus", rating: 1}],
                  on_conflict: {constraint: m_author_name_key, update_columns: [rating]}) {
    affected_rows returning { id name rating } } } $$)::jsonb;
SELECT id, name, rating FROM m_author ORDER BY id;
-- update_columns: [] does nothing for conflicting rows: not in affected_rows nor returning
SELECT graphql.resolve($$ mutation {
  insert_m_author(objects: [{name: "Ann", rating: 9}, {name: "Hal", rating: 2}],
                  on_conflict: {constraint: m_author_name_key, update_columns: []}) {
    affected_rows returning { id name rating } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation {
  insert_m_author_one(object: {name: "Bob", rating: 9}, on_conflict: {constraint: m_author_name_key, update_columns: []}) { id name rating } } $$)::jsonb;
SELECT id, name, rating FROM m_author ORDER BY id;
-- on_conflict.where limits which conflicting rows are updated (Bob has no rating, Ann has one)
SELECT graphql.resolve($$ mutation {
  insert_m_author(objects: [{name: "Ann", rating: 3}, {name: "Bob", rating: 3}],
                  on_conflict: {constraint: m_author_name_key, update_columns: [rating], where: {rating: {_is_null: true}}}) {
    affected_rows returning { id name rating } } } $$)::jsonb;
SELECT id, name, rating FROM m_author ORDER BY id;
-- on the primary key, several update columns
SELECT graphql.resolve($$ mutation {
  insert_m_author_one(object: {id: 4, name: "Dana", rating: 4}, on_conflict: {constraint: m_author_pkey, update_columns: [name, rating]}) {
    id name rating } } $$)::jsonb;
SELECT id, name, rating FROM m_author ORDER BY id;

-- nested inserts, three levels down array relationships: keys generated by serial/identity
SELECT graphql.resolve($$ mutation {
  insert_m_author_one(object: {name: "Ida", m_article: {data: [
      {title: "I1", m_comment: {data: [{body: "c1"}, {body: "c2"}]}},
      {title: "I2", m_comment: {data: [{body: "c3"}]}}]}}) {
    id name m_article(order_by: {id: asc}) { id author_id title m_comment(order_by: {id: asc}) { id article_id body } } } } $$)::jsonb;
-- three levels up object relationships; affected_rows counts the rows of every table
SELECT graphql.resolve($$ mutation {
  insert_m_comment(objects: [{body: "deep", article: {data: {title: "J1", author: {data: {name: "Jay"}}}}}]) {
    affected_rows returning { id article_id body article { id author_id title author { id name } } } } } $$)::jsonb;
-- several parent rows, each with children
SELECT graphql.resolve($$ mutation {
  insert_m_author(objects: [{name: "Kim", m_article: {data: [{title: "K1"}, {title: "K2"}]}},
                            {name: "Lea", m_article: {data: [{title: "L1", m_comment: {data: [{body: "l"}]}}]}}]) {
    affected_rows returning { id name m_article(order_by: {id: asc}) { id title m_comment { body } } } } } $$)::jsonb;
-- an object relationship upserted onto an existing row links to it
SELECT graphql.resolve($$ mutation {
  insert_m_article_one(object: {title: "B2", author: {data: {name: "Bob", rating: 6},
                       on_conflict: {constraint: m_author_name_key, update_columns: [rating]}}}) {
    id title author { id name rating } } } $$)::jsonb;
SELECT id, name, rating FROM m_author ORDER BY id;
SELECT * FROM m_article ORDER BY id;
SELECT * FROM m_comment ORDER BY id;
-- a failing child undoes the whole nested insert
SELECT graphql.resolve($$ mutation {
  insert_m_author_one(object: {name: "Max", m_article: {data: [{title: "M1", m_comment: {data: [{body: null}]}}]}}) { id } } $$)::jsonb;
SELECT count(*) AS max_rows FROM m_author WHERE name = 'Max';
SELECT count(*) AS m1_rows FROM m_article WHERE title = 'M1';

-- update_<t>: _set and _inc together
SELECT graphql.resolve($$ mutation {
  update_m_author(where: {name: {_in: ["Ann", "Bob"]}}, _set: {mood: sad}, _inc: {rating: -1}) {
    affected_rows returning { id name rating mood } } } $$)::jsonb;
SELECT id, name, rating, mood FROM m_author WHERE name IN ('Ann', 'Bob') ORDER BY id;
-- a where matching nothing
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 999}}, _set: {rating: 0}) { affected_rows returning { id } } } $$)::jsonb;
-- a column in two operators is rejected before anything runs
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 1}}, _set: {rating: 1}, _inc: {rating: 1}) { affected_rows } } $$)::jsonb;
-- jsonb operators
UPDATE m_author SET info = '{"a": 1, "b": [1, 2, 3], "c": {"d": 4, "e": 5}}' WHERE id = 1;
UPDATE m_author SET info = '[1, 2, 3]' WHERE id = 2;
-- _append: old || new, the new value of a shared key wins
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 1}}, _append: {info: {a: 9, z: 26}}) { returning { info } } } $$)::jsonb;
SELECT info FROM m_author WHERE id = 1;
-- _prepend: new || old, the existing value of a shared key is kept (a stays 9)
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 1}}, _prepend: {info: {a: 100, y: 25}}) { returning { info } } } $$)::jsonb;
SELECT info FROM m_author WHERE id = 1;
-- _delete_key, _delete_at_path
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 1}}, _delete_key: {info: "z"}) { returning { info } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 1}}, _delete_at_path: {info: ["c", "d"]}) { returning { info } } } $$)::jsonb;
SELECT info FROM m_author WHERE id = 1;
-- on an array: _append, _prepend, _delete_elem (negative counts from the end), _delete_key of a string element
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 2}}, _append: {info: [9]}) { returning { info } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 2}}, _prepend: {info: 0}) { returning { info } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 2}}, _delete_elem: {info: 1}) { returning { info } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 2}}, _delete_elem: {info: -1}) { returning { info } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 2}}, _append: {info: "s"}) { returning { info } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 2}}, _delete_key: {info: "s"}) { returning { info } } } $$)::jsonb;
SELECT info FROM m_author WHERE id = 2;
-- _delete_elem on an object is PostgreSQL's data exception, nothing changed
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 1}}, _delete_elem: {info: 0}) { returning { info } } } $$)::jsonb;
SELECT info FROM m_author WHERE id = 1;
-- update_<t>_by_pk: the row after the update; a missing key answers null
SELECT graphql.resolve($$ mutation {
  update_m_author_by_pk(pk_columns: {id: 3}, _set: {name: "Cyd"}, _inc: {rating: 2}) { id name rating }
  missing: update_m_author_by_pk(pk_columns: {id: 999}, _set: {rating: 8}) { id rating } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_article_by_pk(pk_columns: {id: 1}, _inc: {views: 10}) { id views author { name } } } $$)::jsonb;
SELECT id, name, rating FROM m_author WHERE id = 3;
SELECT id, views FROM m_article WHERE id = 1;
-- update_<t>_many: one response per update, in order; each sees the ones before it
SELECT graphql.resolve($$ mutation {
  update_m_author_many(updates: [
    {where: {id: {_eq: 3}}, _inc: {rating: 5}},
    {where: {rating: {_gte: 8}}, _set: {name: "Top"}},
    {where: {id: {_eq: 999}}, _set: {rating: 0}},
    {where: {id: {_eq: 1}}, _delete_key: {info: "y"}}]) {
    affected_rows returning { id name rating info } } } $$)::jsonb;
SELECT id, name, rating, info FROM m_author WHERE id IN (1, 3) ORDER BY id;

-- delete_<t>: returning with a relationship to a row that stays
SELECT graphql.resolve($$ mutation {
  delete_m_comment(where: {body: {_like: "c%"}}) { affected_rows returning { id body article { title } } } } $$)::jsonb;
-- delete_<t>_by_pk; a missing row answers null
SELECT graphql.resolve($$ mutation {
  delete_m_comment_by_pk(id: 4) { id body }
  again: delete_m_comment_by_pk(id: 4) { id body } } $$)::jsonb;
SELECT * FROM m_comment ORDER BY id;
-- where: {} deletes every row
SELECT graphql.resolve('mutation { delete_m_comment(where: {}) { affected_rows } }')::jsonb;
SELECT count(*) AS comments FROM m_comment;

-- several fields run in document order; the second sees what the first did
SELECT graphql.resolve($$ mutation {
  a: insert_m_author_one(object: {name: "Ned"}) { id name }
  b: update_m_author(where: {name: {_eq: "Ned"}}, _set: {rating: 3}) { affected_rows returning { id name rating } }
  c: delete_m_author(where: {name: {_eq: "Ned"}}) { affected_rows } } $$)::jsonb;
SELECT graphql.resolve($$ mutation {
  a: insert_m_author_one(object: {name: "Ned"}) { id name }
  b: update_m_author(where: {name: {_eq: "Ned"}}, _set: {rating: 3}) { affected_rows returning { id name rating } } } $$)::jsonb;
SELECT id, name, rating FROM m_author WHERE name = 'Ned';
-- when the second field fails nothing of the first is kept: data null and the error
SELECT graphql.resolve($$ mutation {
  a: insert_m_author_one(object: {name: "Oli"}) { id name }
  b: insert_m_author_one(object: {name: "Ned"}) { id } } $$)::jsonb;
SELECT count(*) AS oli_rows FROM m_author WHERE name = 'Oli';
-- the caller's transaction survives, with its own rows
BEGIN;
INSERT INTO m_author (name) VALUES ('Pia');
SELECT graphql.resolve($$ mutation {
  a: update_m_author(where: {name: {_eq: "Pia"}}, _set: {rating: 1}) { affected_rows }
  b: insert_m_author_one(object: {name: "Pia"}) { id } } $$)::jsonb;
SELECT 1 AS still_usable;
SELECT name, rating FROM m_author WHERE name = 'Pia';
COMMIT;
SELECT name, rating FROM m_author WHERE name = 'Pia';

-- constraint violations: constraint-violation, the constraint named
-- unique (on insert and on update)
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Ann"}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {name: {_eq: "Bob"}}, _set: {name: "Ann"}) { affected_rows } } $$)::jsonb;
-- foreign key (insert, and delete of a referenced row)
SELECT graphql.resolve($$ mutation { insert_m_article_one(object: {author_id: 999, title: "x"}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { delete_m_author_by_pk(id: 1) { id } } $$)::jsonb;
-- not-null: a column left out, an explicit null, a null for a column with a default, _set to null
SELECT graphql.resolve($$ mutation { insert_m_article_one(object: {author_id: 1}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_article_one(object: {author_id: 1, title: null}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_article_one(object: {author_id: 1, title: "x", views: null}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 1}}, _set: {name: null}) { affected_rows } } $$)::jsonb;
-- check (insert, and an _inc past the range)
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Quin", rating: 11}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {}, _inc: {rating: 10}) { affected_rows } } $$)::jsonb;
-- exclusion
SELECT graphql.resolve($$ mutation { insert_m_booking(objects: [{during: "[1,3)"}, {during: "[5,8)"}]) { returning { id during nights } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_booking(objects: [{during: "[2,4)"}]) { returning { id } } } $$)::jsonb;
-- a domain's CHECK
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Quin", email: "nope"}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {id: {_eq: 1}}, _set: {email: "nope"}) { affected_rows } } $$)::jsonb;
-- nothing of the failing mutations is in the tables
SELECT id, name, rating, email FROM m_author ORDER BY id;
SELECT id, author_id, title, views FROM m_article ORDER BY id;
SELECT * FROM m_booking ORDER BY id;

-- bad input values: data-exception from PostgreSQL, validation-failed from GraphQL's types
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Quin", uid: "x"}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation ($u: uuid) { insert_m_author_one(object: {name: "Quin", uid: $u}) { id } } $$, '{"u": "x"}')::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_booking_one(object: {during: "[5,"}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Quin", mood: angry}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation ($m: m_mood) { insert_m_author_one(object: {name: "Quin", mood: $m}) { id } } $$, '{"m": "angry"}')::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Quin", rating: 99999999999}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Quin", nope: 1}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {rating: 1}, on_conflict: {constraint: m_author_nope, update_columns: []}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(_set: {rating: 1}) { affected_rows } } $$)::jsonb;
SELECT count(*) AS quin_rows FROM m_author WHERE name = 'Quin';

-- column types in mutation inputs: arrays (GraphQL lists), enum, jsonb, bytea, uuid, domain
SELECT graphql.resolve($$ mutation {
  insert_m_author_one(object: {name: "Ray", tags: ["a", "b,c", "d\"e", "{x}", "NULL", ""], scores: [3, -1],
                               mood: sad, info: {k: [1, {x: null}], s: "t"}, avatar: "\\xdeadbeef",
                               uid: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", email: "ray@example.org"}) {
    name tags scores mood info avatar uid email } } $$)::jsonb;
SELECT name, tags, cardinality(tags) AS ntags, tags[5] IS NULL AS tag5_null, scores, mood, info, avatar, uid, email
FROM m_author WHERE name = 'Ray';
-- the same through a variable
SELECT graphql.resolve($$ mutation ($o: m_author_insert_input!) { insert_m_author_one(object: $o) { name tags scores mood info avatar email } } $$,
  '{"o": {"name": "Sam", "tags": ["q"], "scores": [], "mood": "ok", "info": [1, "two", null], "avatar": "\\x00ff", "email": "s@s"}}')::jsonb;
SELECT name, tags, scores, mood, info, avatar, email FROM m_author WHERE name = 'Sam';
-- _set of each type; a filter on an enum
SELECT graphql.resolve($$ mutation {
  update_m_author(where: {name: {_eq: "Sam"}}, _set: {tags: [], scores: [7], mood: happy, info: "str", avatar: "\\x", email: "t@t"}) {
    returning { tags scores mood info avatar email } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {mood: {_eq: happy}}, _set: {mood: ok}) { affected_rows returning { name mood } } } $$)::jsonb;
SELECT name, tags, scores, mood, info, avatar, email FROM m_author WHERE name IN ('Sam', 'Bob') ORDER BY name;
-- a list element may not be null ([String!])
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Tom", tags: ["a", null]}) { id } } $$)::jsonb;

-- generated columns and GENERATED ALWAYS identity columns are not insertable nor updatable
SELECT graphql.resolve($$ {
  i: __type(name: "m_booking_insert_input") { inputFields { name } }
  s: __type(name: "m_booking_set_input") { inputFields { name } }
  c: __type(name: "m_booking_constraint") { enumValues { name } }
  inc: __type(name: "m_booking_inc_input") { name } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_booking_one(object: {id: 5, during: "[20,24)"}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_booking_one(object: {nights: 5, during: "[20,24)"}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_booking_by_pk(pk_columns: {id: 1}, _set: {during: "[1,2)"}) { id during nights } } $$)::jsonb;
SELECT * FROM m_booking ORDER BY id;

-- views: an automatically updatable view gets mutations (no _by_pk: no primary key),
-- a materialized view and a view that is not updatable get none
CREATE VIEW m_rated AS SELECT id, name, rating FROM m_author WHERE rating IS NOT NULL;
CREATE MATERIALIZED VIEW m_author_mv AS SELECT id, name FROM m_author;
CREATE VIEW m_grouped AS SELECT rating, count(*) AS n FROM m_author GROUP BY rating;
SELECT string_agg(f ->> 'name', ' ' ORDER BY f ->> 'name') AS view_mutation_fields
FROM jsonb_array_elements(graphql.resolve('{ __type(name: "mutation_root") { fields { name } } }')::jsonb
                          #> '{data,__type,fields}') f
WHERE f ->> 'name' ~ '(m_rated|m_author_mv|m_grouped)';
SELECT graphql.resolve('{ m_author_mv(limit: 1) { id } m_grouped(limit: 1) { n } }')::jsonb ? 'data' AS views_readable;
SELECT graphql.resolve($$ mutation { insert_m_rated(objects: [{name: "Uma", rating: 6}]) { affected_rows returning { id name rating } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_rated(where: {name: {_eq: "Uma"}}, _inc: {rating: 1}) { affected_rows returning { name rating } } } $$)::jsonb;
SELECT id, name, rating FROM m_author WHERE name = 'Uma';
SELECT graphql.resolve($$ mutation { delete_m_rated(where: {name: {_eq: "Uma"}}) { affected_rows returning { name } } } $$)::jsonb;
SELECT count(*) AS uma_rows FROM m_author WHERE name = 'Uma';

-- more shapes: a composite primary key, numeric / bigint / float increments, directives,
-- an empty update_many, an update without an operator, the operation chosen by name
CREATE TABLE m_pair (x int, y text, v int NOT NULL DEFAULT 0, n numeric, b bigint, f float8,
                     PRIMARY KEY (x, y));
INSERT INTO m_pair (x, y) VALUES (1, 'a'), (1, 'b');
SELECT graphql.resolve($$ mutation {
  update_m_pair_by_pk(pk_columns: {x: 1, y: "b"}, _inc: {v: 5}) { x y v }
  delete_m_pair_by_pk(x: 1, y: "a") { x y v } } $$)::jsonb;
SELECT * FROM m_pair ORDER BY x, y;
SELECT graphql.resolve($$ mutation {
  insert_m_pair_one(object: {x: 2, y: "c", n: "1.5", b: 9007199254740993, f: 1.25}) { n b f } } $$)::jsonb;
SELECT graphql.resolve($$ mutation {
  update_m_pair(where: {x: {_eq: 2}}, _inc: {n: 0.25, b: 1, f: 0.5}) { returning { n b f } } } $$)::jsonb;
SELECT x, y, n, b, f FROM m_pair WHERE x = 2;
-- @skip / @include leave a field out: it does not run
SELECT graphql.resolve($$ mutation ($yes: Boolean!) {
  a: insert_m_pair_one(object: {x: 3, y: "skipped"}) @skip(if: true) { x }
  b: insert_m_pair_one(object: {x: 3, y: "excluded"}) @include(if: $yes) { x }
  c: insert_m_pair_one(object: {x: 3, y: "kept"}) { x y } } $$, '{"yes": false}')::jsonb;
SELECT x, y FROM m_pair WHERE x = 3;
SELECT graphql.resolve('mutation { update_m_pair_many(updates: []) { affected_rows } }')::jsonb;
SELECT graphql.resolve('mutation { update_m_pair(where: {}) { affected_rows } }')::jsonb;
SELECT graphql.resolve('mutation { update_m_pair(where: {}, _set: {}) { affected_rows } }')::jsonb;
-- the operation named runs, the other does not
SELECT graphql.resolve($$ query Q { m_pair(where: {x: {_eq: 1}}) { v } }
                          mutation M { update_m_pair(where: {x: {_eq: 1}}, _inc: {v: 100}) { returning { v } } } $$, NULL, 'Q')::jsonb;
SELECT graphql.resolve($$ query Q { m_pair(where: {x: {_eq: 1}}) { v } }
                          mutation M { update_m_pair(where: {x: {_eq: 1}}, _inc: {v: 100}) { returning { v } } } $$, NULL, 'M')::jsonb;
SELECT x, y, v FROM m_pair WHERE x = 1;
-- an upserted column the object leaves out takes the inserted row's value (its default), as
-- Hasura's SET col = EXCLUDED.col does
SELECT graphql.resolve($$ mutation {
  insert_m_pair_one(object: {x: 1, y: "b", n: 4}, on_conflict: {constraint: m_pair_pkey, update_columns: [v, n]}) { x y v n } } $$)::jsonb;
SELECT x, y, v, n FROM m_pair WHERE x = 1;
-- a nested array insert with its own on_conflict: the duplicate child is skipped
SELECT graphql.resolve($$ mutation {
  insert_m_author_one(object: {name: "Xia", m_article: {data: [{id: 100, title: "X1"}, {id: 1, title: "not A1"}],
                               on_conflict: {constraint: m_article_pkey, update_columns: []}}}) {
    name m_article { id title } } } $$)::jsonb;
SELECT id, author_id, title FROM m_article WHERE id IN (1, 100) ORDER BY id;
-- a foreign key column and the object relationship that sets it cannot both be given
SELECT graphql.resolve($$ mutation {
  insert_m_article_one(object: {author_id: 1, title: "x", author: {data: {name: "Yan"}}}) { id } } $$)::jsonb;
-- a mutation in the caller's read-only transaction fails; the transaction goes on
BEGIN READ ONLY;
SELECT graphql.resolve($$ mutation { insert_m_pair_one(object: {x: 9, y: "ro"}) { x } } $$)::jsonb;
SELECT count(*) AS pairs FROM m_pair;
COMMIT;
-- a view with an INSTEAD OF trigger, a partitioned table, a table of another exposed schema
CREATE VIEW m_pair_view AS SELECT x, y, length(y) AS len FROM m_pair;
CREATE FUNCTION m_pair_view_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO m_pair (x, y) VALUES (NEW.x, NEW.y); NEW.len := length(NEW.y); RETURN NEW; END $$;
CREATE TRIGGER m_pair_view_insert INSTEAD OF INSERT ON m_pair_view FOR EACH ROW EXECUTE FUNCTION m_pair_view_insert();
SELECT graphql.resolve($$ mutation { insert_m_pair_view(objects: [{x: 4, y: "view"}]) { affected_rows returning { x y len } } } $$)::jsonb;
SELECT x, y FROM m_pair WHERE x = 4;
CREATE TABLE m_part (id int, k text, PRIMARY KEY (id, k)) PARTITION BY LIST (k);
CREATE TABLE m_part_a PARTITION OF m_part FOR VALUES IN ('a');
CREATE TABLE m_part_b PARTITION OF m_part FOR VALUES IN ('b');
SELECT graphql.resolve($$ mutation { insert_m_part(objects: [{id: 1, k: "a"}, {id: 2, k: "b"}]) { affected_rows } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_part(where: {id: {_eq: 1}}, _set: {k: "b"}) { returning { id k } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_part_one(object: {id: 3, k: "c"}) { id } } $$)::jsonb;
SELECT tableoid::regclass AS partition, id, k FROM m_part ORDER BY id;
CREATE SCHEMA m_other;
CREATE TABLE m_other.thing (id int PRIMARY KEY, v text);
SET graphql.schemas = 'public, m_other';
SELECT graphql.resolve($$ mutation {
  insert_m_other_thing_one(object: {id: 1, v: "x"}) { id v }
  update_m_other_thing_by_pk(pk_columns: {id: 1}, _set: {v: "y"}) { id v } } $$)::jsonb;
RESET graphql.schemas;
SELECT * FROM m_other.thing;

-- returning shows the rows as the statement left them: a BEFORE trigger's changes are in it
CREATE TABLE m_note (id serial PRIMARY KEY, body text NOT NULL, owner text NOT NULL DEFAULT current_user);
CREATE FUNCTION m_note_upper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := upper(NEW.body); RETURN NEW; END $$;
CREATE TRIGGER m_note_upper BEFORE INSERT OR UPDATE ON m_note FOR EACH ROW EXECUTE FUNCTION m_note_upper();
SELECT graphql.resolve($$ mutation { insert_m_note_one(object: {body: "abc"}) { id body } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_note(where: {}, _set: {body: "xyz"}) { returning { id body } } } $$)::jsonb;
SELECT id, body FROM m_note ORDER BY id;

-- privileges: the mutation schema follows the role's INSERT / UPDATE / DELETE privileges
CREATE ROLE regress_m_reader NOLOGIN;
CREATE ROLE regress_m_writer NOLOGIN;
GRANT USAGE ON SCHEMA public TO regress_m_reader, regress_m_writer;
GRANT SELECT ON m_author, m_article TO regress_m_reader, regress_m_writer;
GRANT INSERT (name, rating) ON m_author TO regress_m_writer;
GRANT UPDATE (rating) ON m_author TO regress_m_writer;
GRANT DELETE ON m_article TO regress_m_writer;
GRANT USAGE ON SEQUENCE m_author_id_seq TO regress_m_writer;
-- only SELECT: no mutation_root at all
SET ROLE regress_m_reader;
SELECT graphql.resolve('{ __schema { mutationType { name } } }')::jsonb;
SELECT graphql.sdl() LIKE '%mutation_root%' AS sdl_has_mutation_root;
SELECT graphql.resolve('mutation { delete_m_author(where: {}) { affected_rows } }')::jsonb;
RESET ROLE;
-- INSERT on some columns, UPDATE on one, DELETE on another table
SET ROLE regress_m_writer;
SELECT string_agg(f ->> 'name', ' ' ORDER BY f ->> 'name') AS writer_mutation_fields
FROM jsonb_array_elements(graphql.resolve('{ __type(name: "mutation_root") { fields { name } } }')::jsonb
                          #> '{data,__type,fields}') f;
SELECT graphql.resolve($$ {
  i: __type(name: "m_author_insert_input") { inputFields { name } }
  s: __type(name: "m_author_set_input") { inputFields { name } }
  inc: __type(name: "m_author_inc_input") { inputFields { name } }
  u: __type(name: "m_author_update_column") { enumValues { name } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Vic", rating: 2}) { name rating } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {name: {_eq: "Vic"}}, _inc: {rating: 1}) { returning { name rating } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_author_one(object: {name: "Wes", mood: happy}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_author(where: {name: {_eq: "Vic"}}, _set: {name: "Vix"}) { affected_rows } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { delete_m_author(where: {name: {_eq: "Vic"}}) { affected_rows } } $$)::jsonb;
RESET ROLE;
SELECT name, rating, mood FROM m_author WHERE name IN ('Vic', 'Vix', 'Wes');
-- row level security: rows the policy hides are not updated; a row its WITH CHECK refuses is a permission-error
GRANT SELECT, INSERT, UPDATE, DELETE ON m_note TO regress_m_writer;
GRANT USAGE ON SEQUENCE m_note_id_seq TO regress_m_writer;
ALTER TABLE m_note ENABLE ROW LEVEL SECURITY;
CREATE POLICY m_note_own ON m_note TO regress_m_writer USING (owner = current_user) WITH CHECK (owner = current_user);
SET ROLE regress_m_writer;
SELECT graphql.resolve($$ mutation { insert_m_note_one(object: {body: "mine"}) { id body owner } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { insert_m_note_one(object: {body: "theirs", owner: "someone"}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { update_m_note(where: {}, _set: {body: "all"}) { affected_rows returning { id body owner } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { delete_m_note(where: {}) { affected_rows } } $$)::jsonb;
RESET ROLE;
SELECT id, body, owner FROM m_note ORDER BY id;
-- a REVOKE takes the mutations away
REVOKE DELETE ON m_article FROM regress_m_writer;
SET ROLE regress_m_writer;
SELECT graphql.resolve('{ __type(name: "mutation_root") { fields { name } } }')::jsonb #> '{data,__type,fields}' @> '[{"name": "delete_m_article"}]' AS writer_may_delete_articles;
RESET ROLE;

-- a mutation's where through relationships: the subquery's alias is not the target's
CREATE TABLE m_parent (id int PRIMARY KEY, name text);
CREATE TABLE m_child (id int PRIMARY KEY, parent_id int REFERENCES m_parent, tag text);
INSERT INTO m_parent VALUES (1, 'p1'), (2, 'p2');
INSERT INTO m_child VALUES (1, 1, 'x');
SELECT graphql.resolve('mutation { update_m_parent(where: {m_child: {tag: {_eq: "x"}}}, _set: {name: "hit"}) { affected_rows returning { id } } }');
SELECT graphql.resolve('mutation { delete_m_child(where: {parent: {name: {_eq: "p2"}}}) { affected_rows } }');
SELECT graphql.resolve('mutation { insert_m_parent_one(object: {id: 2, name: "new"}, on_conflict: {constraint: m_parent_pkey, update_columns: [name], where: {m_child: {tag: {_eq: "x"}}}}) { id } }');
SELECT * FROM m_parent ORDER BY id;
-- a single value where a list column is expected is a list of one
SELECT graphql.resolve('mutation { insert_m_author_one(object: {name: "Solo", tags: "one", scores: 7}) { tags scores } }');
SELECT graphql.resolve('mutation { update_m_author(where: {tags: {_contains: "one"}}, _set: {tags: "two"}) { returning { name tags } } }');
SELECT name, tags, scores FROM m_author WHERE name = 'Solo';

-- composite types: an object type for output, <name>_input for input
CREATE TYPE m_point AS (x int, y int);
CREATE TYPE m_place AS (label text, at m_point, notes text[]);
CREATE TABLE m_site (id serial PRIMARY KEY, place m_place, code char(2));
SELECT graphql.resolve('{ t: __type(name: "m_place") { kind fields { name type { name kind } } } i: __type(name: "m_place_input") { kind inputFields { name type { name kind } } } }')::jsonb;
SELECT graphql.resolve('mutation { insert_m_site(objects: [{place: {label: "home", at: {x: 1, y: 2}, notes: ["a"]}, code: "NO"}, {code: "SE"}, {place: {}}]) { returning { id code place { __typename label at { y } notes } } } }');
SELECT graphql.resolve('mutation { update_m_site(where: {code: {_eq: "SE"}}, _set: {place: {label: "away"}}) { returning { place { label at { x } } } } }');
SELECT id, place, code FROM m_site ORDER BY id;
-- char(2) values compare as char(2), not char(1)
SELECT graphql.resolve('{ m_site(where: {code: {_eq: "NO"}}) { id } m_site_by_pk(id: 1) { code } }');
-- columns named like the statements' aliases (r, t0, t1, j, n) do not capture whole-row references
CREATE TABLE m_alias (id int PRIMARY KEY, r int, t0 int, t1 int, j int, n int);
SELECT graphql.resolve('mutation { insert_m_alias_one(object: {id: 1, r: 2, t0: 3, t1: 4, j: 5, n: 6}) { r t0 } update_m_alias_by_pk(pk_columns: {id: 1}, _inc: {r: 10}) { r t1 j n } delete_m_alias(where: {}) { returning { id r } } }');
DROP TABLE m_alias;
DROP TABLE m_site, m_child, m_parent;
DROP TYPE m_place, m_point;

DROP VIEW m_rated, m_grouped, m_pair_view;
DROP FUNCTION m_pair_view_insert();
DROP SCHEMA m_other CASCADE;
DROP MATERIALIZED VIEW m_author_mv;
DROP TABLE m_comment, m_article, m_author, m_booking, m_note, m_pair, m_part;
DROP FUNCTION m_note_upper();
DROP DOMAIN m_email;
DROP TYPE m_mood;
REVOKE ALL ON SCHEMA public FROM regress_m_reader, regress_m_writer;
DROP ROLE regress_m_reader;
DROP ROLE regress_m_writer;
DROP EXTENSION graphql;
