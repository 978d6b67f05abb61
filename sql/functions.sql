-- graphql.resolve: SQL functions as root fields (STABLE/IMMUTABLE in query_root, VOLATILE in
-- mutation_root) and computed fields (a function of a table's row). Arguments in `args`,
-- defaults optional, unnamed arguments as arg_N; overloaded, variadic and trigger functions left out.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/functions.sql
\set ECHO all

-- where the functions are: the fields of query_root, mutation_root and f_user that functions
-- give, with their arguments and types (f_util.t prints a type reference; f_util is not exposed)
CREATE SCHEMA f_util;
CREATE FUNCTION f_util.t(j jsonb) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN CASE j ->> 'kind' WHEN 'NON_NULL' THEN f_util.t(j -> 'ofType') || '!'
                           WHEN 'LIST' THEN '[' || f_util.t(j -> 'ofType') || ']'
                           ELSE j ->> 'name' END;
END $$;
CREATE FUNCTION f_util.fields(type_name text) RETURNS TABLE (field text, args text, type text) LANGUAGE sql AS $$
  SELECT f ->> 'name',
         (SELECT string_agg((a ->> 'name') || ': ' || f_util.t(a -> 'type'), ', ' ORDER BY n)
          FROM jsonb_array_elements(f -> 'args') WITH ORDINALITY AS x(a, n)),
         f_util.t(f -> 'type')
  FROM jsonb_array_elements(graphql.resolve(
         'query ($t: String!) { __type(name: $t) { fields { name args { name type { ...T } } type { ...T } } } }
          fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }',
         jsonb_build_object('t', type_name))::jsonb #> '{data,__type,fields}') AS f
  ORDER BY 1
$$;
SELECT * FROM f_util.fields('query_root') WHERE field !~ '^f_(user|post)(_aggregate|_by_pk)?$';
SELECT * FROM f_util.fields('mutation_root') WHERE field !~ '^(insert|update|delete)_';
SELECT * FROM f_util.fields('f_user');
SELECT field, args FROM f_util.fields('subscription_root') WHERE field IN ('f_add', 'f_search_users');
SELECT graphql.resolve($$ {
  a: __type(name: "f_add_args") { inputFields { name type { kind name } defaultValue } }
  t: __type(name: "f_two_args") { inputFields { name type { kind name } } }
  d: __type(name: "f_double_args") { inputFields { name type { kind name } } }
  s: __type(name: "f_user_score_plus_args") { inputFields { name } }
  p: __type(name: "f_user_popular_posts_args") { inputFields { name } } } $$)::jsonb;
-- the functions left out
SELECT graphql.resolve('{ f_over(args: {a: 1}) }')::jsonb -> 'errors' -> 0 ->> 'message' AS overloaded;
SELECT graphql.resolve('{ f_var(args: {a: [1]}) }')::jsonb -> 'errors' -> 0 ->> 'message' AS variadic;
SELECT graphql.resolve('{ f_trig }')::jsonb -> 'errors' -> 0 ->> 'message' AS trigger;
SELECT graphql.resolve('{ f_numbers(args: {n: 1}) }')::jsonb -> 'errors' -> 0 ->> 'message' AS setof_scalar;
SELECT graphql.resolve('{ f_user_aggregate { aggregate { count } } }')::jsonb AS name_is_the_table_aggregate;
SELECT graphql.resolve('{ f_user(limit: 1) { vol } }')::jsonb -> 'errors' -> 0 ->> 'message' AS volatile_computed;
SELECT graphql.resolve('{ f_user(order_by: {id: asc}, limit: 1) { name } }')::jsonb AS the_column_name;
SELECT graphql.resolve('mutation { f_user_vol }')::jsonb -> 'errors' -> 0 ->> 'message' AS not_a_mutation_either;

-- SETOF <table>: args, where, order_by, limit, offset, distinct_on; relationships of the rows
SELECT graphql.resolve($$ { f_search_users(args: {q: "a"}, order_by: {id: asc}) { id name } } $$)::jsonb;
SELECT graphql.resolve($$ {
  f_search_users(args: {q: "a"}, where: {score: {_gt: 1}}, order_by: {score: desc}, limit: 2) { id name score }
  o: f_search_users(args: {q: "a"}, order_by: {id: asc}, offset: 1) { id }
  l: f_search_users(args: {q: ""}, order_by: {score: desc}, limit: 2, offset: 1) { id score }
  d: f_search_users(args: {q: ""}, distinct_on: last, order_by: [{last: asc}, {id: asc}]) { id last }
  r: f_search_users(args: {q: "o"}) { name f_post(order_by: {id: asc}) { title user { name } } } } $$)::jsonb;
SELECT id, name, score FROM f_search_users('a') WHERE score > 1 ORDER BY score DESC LIMIT 2;
-- a function without arguments has no args
SELECT graphql.resolve($$ { f_all_users(order_by: {id: desc}, limit: 1) { id } } $$)::jsonb;
SELECT graphql.resolve($$ { f_all_users(args: {}) { id } } $$)::jsonb;
-- <fn>_aggregate: aggregates and nodes over the function's rows
SELECT graphql.resolve($$ {
  f_search_users_aggregate(args: {q: "a"}, order_by: {id: asc}) { aggregate { count sum { score } max { name } } nodes { name } }
  w: f_search_users_aggregate(args: {q: ""}, where: {id: {_neq: 4}}, order_by: {id: asc}, limit: 2) {
    aggregate { count avg { score } } nodes { id f_post_aggregate { aggregate { count } } } } } $$)::jsonb;
SELECT count(*), sum(score), max(name) FROM f_search_users('a');
-- args through variables
SELECT graphql.resolve($$ query ($a: f_search_users_args!, $n: Int) { f_search_users(args: $a, limit: $n, order_by: {id: asc}) { id } } $$,
                       '{"a": {"q": "b"}, "n": 5}')::jsonb;
SELECT graphql.resolve($$ query ($q: String) { f_search_users(args: {q: $q}, order_by: {id: asc}) { id } } $$, '{"q": "d"}')::jsonb;
-- args is required when an argument has no default
SELECT graphql.resolve($$ { f_search_users { id } } $$)::jsonb;

-- one row of a table: a nullable object, null when the function returns no row
SELECT graphql.resolve($$ {
  f_user_by_name(args: {n: "bob"}) { id name full_name f_post { title } }
  none: f_user_by_name(args: {n: "zed"}) { id } } $$)::jsonb;

-- scalars; defaults optional; an argument left out without a default is null; named notation
SELECT graphql.resolve($$ {
  f_add(args: {a: 1}) b: f_add(args: {a: 1, b: 2}) n: f_add(args: {a: null}) e: f_add(args: {}) } $$)::jsonb;
SELECT f_add(1) AS f_add, f_add(1, 2) AS b, f_add(NULL) AS n;
SELECT graphql.resolve($$ {
  f_two d: f_two(args: {}) b: f_two(args: {b: 5}) a: f_two(args: {a: 3}) ab: f_two(args: {b: 4, a: 7}) } $$)::jsonb;
SELECT f_two() AS f_two, f_two(b => 5) AS b, f_two(3) AS a, f_two(7, 4) AS ab;
-- an unnamed argument is arg_1
SELECT graphql.resolve($$ { f_double(args: {arg_1: 21}) } $$)::jsonb;
-- a scalar has no selection set
SELECT graphql.resolve($$ { f_add(args: {a: 1}) { x } } $$)::jsonb;

-- VOLATILE functions are mutations: a SETOF one keeps where/order_by/limit/offset (the
-- function runs on every row, the arguments choose what is answered)
SELECT graphql.resolve($$ { f_bump { id } } $$)::jsonb -> 'errors' -> 0 ->> 'message' AS not_a_query;
SELECT graphql.resolve($$ mutation {
  f_bump(args: {amount: 10}, where: {score: {_gt: 12}}, order_by: {score: desc}, limit: 2) { id score } } $$)::jsonb;
SELECT id, score FROM f_user ORDER BY id;
SELECT graphql.resolve($$ mutation { f_bump(offset: 3, order_by: {id: asc}) { id score full_name } } $$)::jsonb;
SELECT id, score FROM f_user ORDER BY id;
-- a single row and a scalar, in document order: the second field sees the first's row
SELECT graphql.resolve($$ mutation {
  f_new_user(args: {uname: "eve"}) { id name full_name } f_count_users } $$)::jsonb;
SELECT * FROM f_user ORDER BY id;
-- a failing function field undoes the fields before it
SELECT graphql.resolve($$ mutation {
  f_new_user(args: {uname: "fay"}) { id } f_fail_v(args: {msg: "boom"}) } $$)::jsonb;
SELECT count(*) AS fay_rows FROM f_user WHERE name = 'fay';
-- functions and table mutations in one request
SELECT graphql.resolve($$ mutation {
  f_new_user(args: {uname: "fay"}) { id }
  update_f_user(where: {name: {_eq: "fay"}}, _set: {first: "Fay", last: "Orr"}) { returning { id full_name } }
  f_count_users } $$)::jsonb;
SELECT * FROM f_user WHERE name = 'fay';

-- errors in a function are the field's
SELECT graphql.resolve($$ { f_boom_users { id } } $$)::jsonb;
SELECT graphql.resolve($$ { f_user(where: {id: {_eq: 2}}) { boom } } $$)::jsonb;

-- computed fields: a scalar, one with a required argument, a SETOF <table> with its own arguments
SELECT graphql.resolve($$ { f_user(order_by: {id: asc}, where: {id: {_lte: 4}}) {
  id full_name score_plus(args: {n: 2})
  popular_posts(order_by: {likes: desc}) { title likes }
  p2: popular_posts(args: {min_likes: 2}, where: {title: {_neq: "x"}}, order_by: {likes: asc}, limit: 1) { title }
  p0: popular_posts(args: {min_likes: 0}, order_by: {id: asc}, offset: 1) { id } } } $$)::jsonb;
SELECT id, f_user_full_name(u) AS full_name, f_user_score_plus(u, 2) AS score_plus FROM f_user u WHERE id <= 4 ORDER BY id;
SELECT graphql.resolve($$ { f_user_by_pk(id: 1) { score_plus } } $$)::jsonb;
-- a scalar computed field without a required argument filters and orders; one with does not
SELECT graphql.resolve($$ {
  f_user(where: {full_name: {_like: "%R%"}}) { id full_name }
  n: f_user(where: {full_name: {_is_null: true}}, order_by: {id: asc}) { id full_name }
  o: f_user(order_by: [{full_name: desc_nulls_last}, {id: asc}]) { id full_name }
  a: f_user_aggregate(where: {full_name: {_is_null: false}}) { aggregate { count } } } $$)::jsonb;
SELECT id, f_user_full_name(u) AS full_name FROM f_user u ORDER BY 2 DESC NULLS LAST, 1;
SELECT graphql.resolve($$ { f_user(where: {score_plus: {_gt: 1}}) { id } } $$)::jsonb;
SELECT graphql.resolve($$ { f_user(order_by: {score_plus: asc}) { id } } $$)::jsonb;
-- computed fields of the rows of a function and of a relationship
SELECT graphql.resolve($$ {
  f_search_users(args: {q: "a"}, order_by: {full_name: asc}) { full_name popular_posts(args: {min_likes: 5}) { title } }
  f_post(where: {id: {_eq: 12}}) { user { full_name } } } $$)::jsonb;

-- computed fields in the where of mutations
SELECT graphql.resolve($$ mutation {
  update_f_user(where: {full_name: {_eq: "Dan Xu"}}, _inc: {score: 1}) { affected_rows returning { id score full_name } } } $$)::jsonb;
SELECT id, score FROM f_user WHERE id = 4;
-- relationships in the where of function fields (query and mutation)
SELECT graphql.resolve($$ {
  f_all_users(where: {f_post: {likes: {_gt: 5}}}) { id }
  f_all_users_aggregate(where: {f_post: {likes: {_gt: 5}}}) { aggregate { count } } } $$)::jsonb;
SELECT graphql.resolve($$ mutation { f_bump(args: {amount: 0}, where: {f_post: {likes: {_gt: 5}}}) { id f_post(order_by: {id: asc}) { likes } } } $$)::jsonb;

-- argument and result types: enum, array, jsonb; argument names that are GraphQL argument
-- names elsewhere; RETURNS TABLE and OUT parameters (a record) are left out
CREATE TYPE f_mood AS ENUM ('sad', 'happy');
CREATE TABLE f_item (id int PRIMARY KEY, mood f_mood, tags text[], info jsonb);
INSERT INTO f_item VALUES (1, 'sad', '{a,b}', '{"k": 1}'), (2, 'happy', '{c}', '{"k": 2}');
CREATE FUNCTION f_by_mood(m f_mood) RETURNS SETOF f_item STABLE LANGUAGE sql AS $$ SELECT * FROM f_item WHERE mood = m $$;
CREATE FUNCTION f_by_tags(t text[]) RETURNS SETOF f_item STABLE LANGUAGE sql AS $$ SELECT * FROM f_item WHERE tags && t $$;
CREATE FUNCTION f_by_info(j jsonb) RETURNS SETOF f_item STABLE LANGUAGE sql AS $$ SELECT * FROM f_item WHERE info @> j $$;
CREATE FUNCTION f_moods() RETURNS f_mood[] STABLE LANGUAGE sql AS $$ SELECT enum_range(NULL::f_mood) $$;
CREATE FUNCTION f_echo_mood(m f_mood) RETURNS f_mood IMMUTABLE LANGUAGE sql AS $$ SELECT m $$;
CREATE FUNCTION f_first("limit" int, "where" text) RETURNS text STABLE LANGUAGE sql AS $$ SELECT left($2, $1) $$;
CREATE FUNCTION f_table(n int) RETURNS TABLE (x int, y text) STABLE LANGUAGE sql AS $$ SELECT n, 'y' $$;
CREATE FUNCTION f_out(n int, OUT x int, OUT y int) STABLE LANGUAGE sql AS $$ SELECT n, n $$;
SELECT * FROM f_util.fields('query_root') WHERE field IN ('f_by_mood', 'f_moods', 'f_echo_mood', 'f_first');
SELECT graphql.resolve($$ {
  f_by_mood(args: {m: happy}) { id mood }
  f_by_tags(args: {t: ["a", "z"]}) { id tags }
  f_by_info(args: {j: {k: 2}}) { id info }
  f_moods f_echo_mood(args: {m: sad})
  f_first(args: {limit: 3, where: "abcdef"}) } $$)::jsonb;
SELECT graphql.resolve($$ query ($m: f_mood!, $t: [String!]) { f_by_mood(args: {m: $m}) { id } f_by_tags(args: {t: $t}) { id } } $$,
                       '{"m": "sad", "t": ["c"]}')::jsonb;
SELECT graphql.resolve('{ f_by_mood(args: {m: angry}) { id } }')::jsonb;
SELECT graphql.resolve('{ f_table(args: {n: 1}) { x } }')::jsonb -> 'errors' -> 0 ->> 'message' AS returns_table;
SELECT graphql.resolve('{ f_out(args: {n: 1}) { x } }')::jsonb -> 'errors' -> 0 ->> 'message' AS out_parameters;

-- EXECUTE privilege: a function the role may not execute is not in its schema
CREATE ROLE regress_f_reader NOLOGIN;
GRANT USAGE ON SCHEMA public TO regress_f_reader;
GRANT SELECT ON f_user TO regress_f_reader;
REVOKE EXECUTE ON FUNCTION f_add(int, int), f_user_full_name(f_user) FROM PUBLIC;
SET ROLE regress_f_reader;
SELECT graphql.resolve('{ f_add(args: {a: 1}) }')::jsonb -> 'errors' -> 0 ->> 'message' AS no_execute;
SELECT graphql.resolve('{ f_user(limit: 1) { full_name } }')::jsonb -> 'errors' -> 0 ->> 'message' AS no_execute_computed;
-- nor a function of rows it may not select (f_post), nor computed fields returning them
SELECT string_agg(f ->> 'name', ' ' ORDER BY f ->> 'name') AS reader_f_user_fields
FROM jsonb_array_elements(graphql.resolve('{ __type(name: "f_user") { fields { name } } }')::jsonb
                          #> '{data,__type,fields}') f;
SELECT graphql.resolve($$ { f_two(args: {b: 0}) f_user_by_name(args: {n: "ann"}) { name score_plus(args: {n: 1}) } } $$)::jsonb;
RESET ROLE;

DROP TABLE f_post, f_user, f_item CASCADE;
-- a computed field and a one-row function of a table with columns named like the aliases
CREATE TABLE f_alias (id int PRIMARY KEY, t0 int, t1 int, t2 int, r int);
INSERT INTO f_alias VALUES (1, 10, 11, 12, 13);
CREATE FUNCTION f_alias_sum(a f_alias) RETURNS int STABLE LANGUAGE sql AS $$ SELECT a.t0 + a.t1 + a.t2 + a.r $$;
CREATE FUNCTION f_alias_one() RETURNS f_alias STABLE LANGUAGE sql AS $$ SELECT * FROM f_alias LIMIT 1 $$;
SELECT graphql.resolve('{ f_alias(where: {sum: {_gt: 0}}, order_by: {sum: asc}) { id sum } f_alias_one { t1 sum } }');
SELECT graphql.resolve('mutation { f_alias_one { id } }') -> 'errors' -> 0 ->> 'message' AS not_a_mutation;
DROP FUNCTION f_alias_sum(f_alias), f_alias_one();
DROP TABLE f_alias;
-- an error in a scalar root field is located at that field
CREATE FUNCTION f_div(a int, b int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT a / b $$;
SELECT graphql.resolve('{ f_div(args: {a: 1, b: 0}) }');
-- a function returning a composite type of its own: an object type
CREATE TYPE f_pair AS (l int, r text);
CREATE FUNCTION f_make_pair(n int) RETURNS f_pair STABLE LANGUAGE sql AS $$ SELECT ROW(n, 'r' || n)::f_pair $$;
SELECT graphql.resolve('{ f_make_pair(args: {n: 3}) { r l __typename } }');
DROP FUNCTION f_div(int, int), f_make_pair(int);
DROP TYPE f_pair;

DROP FUNCTION f_add(int, int), f_two(int, int), f_double(int), f_count_users(), f_fail_v(text),
              f_over(int), f_over(text), f_var(int[]), f_trig(), f_numbers(int), f_user_aggregate(int),
              f_moods(), f_echo_mood(f_mood), f_first(int, text), f_table(int), f_out(int);
DROP TYPE f_mood;
DROP SCHEMA f_util CASCADE;
REVOKE ALL ON SCHEMA public FROM regress_f_reader;
DROP ROLE regress_f_reader;
DROP EXTENSION graphql;
