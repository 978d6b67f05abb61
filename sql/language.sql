-- language: the GraphQL language at work on real tables: variables (defaults,
-- null, coercion and its errors), named and inline fragments, aliases,
-- @skip/@include, __typename at every level, several operations and
-- operation_name, field merging.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/language.sql
\set ECHO all
-- variables: given, absent (the default applies), explicit null (overrides the default)
SELECT v AS variables, graphql.resolve('query ($n: Int = 1, $g: lang_genre = poetry) { lang_book(where: {genre: {_eq: $g}}, order_by: {id: asc}, limit: $n) { id } }', v::jsonb) AS response
FROM (VALUES ('{}'), ('{"n": 2}'), ('{"g": "novel"}'), ('{"n": null}'), ('{"g": null, "n": 3}'), ('null')) AS c(v);
SELECT graphql.resolve('query ($n: Int = 2) { lang_book(order_by: {id: asc}, limit: $n) { id } }') AS no_variables_at_all;
-- a required variable with a default may be omitted, not given null
SELECT graphql.resolve('query ($id: Int! = 12) { lang_book_by_pk(id: $id) { title } }') AS default_for_required,
       graphql.resolve('query ($id: Int! = 12) { lang_book_by_pk(id: $id) { title } }', '{"id": null}') AS null_for_required;
-- input coercion of variable values: Int to Float, a single value to a list, enums from strings,
-- input objects and lists of them
SELECT graphql.resolve('query ($p: Float, $ids: [Int!], $g: [lang_genre!], $w: lang_book_bool_exp!, $o: [lang_book_order_by!]) {
    lang_book(where: {_and: [{price: {_gte: $p}}, {id: {_in: $ids}}, {genre: {_in: $g}}, $w]}, order_by: $o) { id } }',
  '{"p": 9, "ids": [10, 11, 13], "g": "poetry", "w": {"pages": {"_lt": 100}}, "o": {"id": "desc"}}');
-- defaults that are lists and input objects; a literal single value where a list is expected
SELECT graphql.resolve('query ($w: lang_book_bool_exp = {pages: {_gt: 100}}, $g: [lang_genre!] = [novel, essay]) {
    a: lang_book(where: $w, order_by: {id: asc}) { id } b: lang_book(where: {genre: {_in: $g}}, order_by: {id: asc}) { id }
    c: lang_book(where: {id: {_in: 13}}) { id } }');
-- an absent variable inside an input object leaves the field out: {pages: {}} matches every row
SELECT graphql.resolve('query ($p: Int) { lang_book(where: {pages: {_gt: $p}}, order_by: {id: asc}) { id } }', '{}') AS absent_inside,
       graphql.resolve('query ($p: Int) { lang_book(where: {pages: {_gt: $p}}, order_by: {id: asc}) { id } }', '{"p": 100}') AS given_inside;
-- variables used inside fragments
SELECT graphql.resolve('query ($n: Int, $t: Boolean!) { ...F } fragment F on query_root { lang_book(limit: $n, order_by: {id: asc}) { id title @include(if: $t) } }',
                       '{"n": 2, "t": false}');
-- coercion errors: validation-failed at the variable's definition, nothing runs
SELECT n, v AS variables, graphql.resolve(q, v::jsonb)::jsonb -> 'errors' AS errors
FROM (VALUES
  (1, 'query ($n: Int!) { lang_book(limit: $n) { id } }', '{}'),
  (2, 'query ($n: Int!) { lang_book(limit: $n) { id } }', '{"n": null}'),
  (3, 'query ($n: Int) { lang_book(limit: $n) { id } }', '{"n": 1.5}'),
  (4, 'query ($n: Int) { lang_book(limit: $n) { id } }', '{"n": "2"}'),
  (5, 'query ($n: Int) { lang_book(limit: $n) { id } }', '{"n": true}'),
  (6, 'query ($p: Float) { lang_book(where: {price: {_eq: $p}}) { id } }', '{"p": "9.5"}'),
  (7, 'query ($s: String) { lang_book(where: {title: {_eq: $s}}) { id } }', '{"s": 12}'),
  (8, 'query ($b: Boolean!) { lang_book @skip(if: $b) { id } }', '{"b": "yes"}'),
  (9, 'query ($g: lang_genre) { lang_book(where: {genre: {_eq: $g}}) { id } }', '{"g": "drama"}'),
  (10, 'query ($ids: [Int!]) { lang_book(where: {id: {_in: $ids}}) { id } }', '{"ids": [1, null]}'),
  (11, 'query ($w: lang_book_bool_exp) { lang_book(where: $w) { id } }', '{"w": {"pages": {"_lt": "x"}}}'),
  (12, 'query ($w: lang_book_bool_exp) { lang_book(where: $w) { id } }', '{"w": {"page": {"_lt": 1}}}'),
  (13, 'query ($w: lang_book_bool_exp) { lang_book(where: $w) { id } }', '{"w": [1]}'),
  (14, 'query ($a: Int!, $b: Int!) { lang_book(limit: $a, offset: $b) { id } }', '{}')
) AS c(n, q, v)
ORDER BY n;
-- variables that are not declared, or declared and not used: validation errors of the document
SELECT graphql.resolve('query { lang_book(limit: $n) { id } }', '{"n": 1}')::jsonb -> 'errors' -> 0 ->> 'message' AS undeclared,
       graphql.resolve('query ($n: Int) { lang_book { id } }')::jsonb -> 'errors' -> 0 ->> 'message' AS unused;
-- extra variable values that the operation does not declare are ignored
SELECT graphql.resolve('query ($n: Int) { lang_book(limit: $n, order_by: {id: asc}) { id } }', '{"n": 1, "other": "x"}');
-- aliases: the same field several times with different arguments, renamed scalars and relationships
SELECT graphql.resolve('{ first: lang_book(order_by: {id: asc}, limit: 1) { key: id name: title }
    last: lang_book(order_by: {id: desc}, limit: 1) { key: id author: writer { who: name } }
    ann: lang_writer_by_pk(id: 1) { n1: name n2: name books: lang_book(order_by: {id: asc}) { id } count: lang_book_aggregate { aggregate { total: count } } } }');
-- named fragments: on a table type, nested, used twice, on query_root, on an aggregate type
SELECT graphql.resolve('query { ...Root lang_writer(order_by: {id: asc}, limit: 2) { ...W } }
    fragment Root on query_root { total: lang_book_aggregate { ...Agg } }
    fragment Agg on lang_book_aggregate { aggregate { count max { pages } } }
    fragment W on lang_writer { id ...Name lang_book(order_by: {id: asc}) { ...B } }
    fragment Name on lang_writer { name }
    fragment B on lang_book { title writer { ...Name } }');
-- inline fragments: with a type condition, without one, with directives
SELECT graphql.resolve('query ($yes: Boolean = true) { lang_book_by_pk(id: 11) { id ... on lang_book { title }
    ... { pages } ... @include(if: $yes) { genre } ... on lang_book @skip(if: $yes) { price } } }');
-- @skip and @include: literals and variables, on fields, fragments and root fields; both together
SELECT graphql.resolve('query ($t: Boolean!, $f: Boolean!) { lang_writer_by_pk(id: 1) {
    a: id @include(if: true) b: id @include(if: false) c: id @skip(if: true) d: id @skip(if: false)
    e: id @include(if: $t) f: id @include(if: $f) g: id @skip(if: $t) h: id @skip(if: $f)
    i: id @include(if: $t) @skip(if: $f) j: id @include(if: $t) @skip(if: $t) k: id @include(if: $f) @skip(if: $f)
    ...F @include(if: $f) ... @skip(if: $f) { born } }
  x: lang_book @skip(if: $t) { id } y: lang_book_by_pk(id: 10) @include(if: $t) { id } }
  fragment F on lang_writer { name }', '{"t": true, "f": false}');
-- a skipped field leaves its arguments unchecked by the database (a negative limit)
SELECT graphql.resolve('query ($s: Boolean = true) { lang_book(limit: -1) @skip(if: $s) { id } lang_writer_by_pk(id: 2) { name } }');
-- every field skipped: an empty object
SELECT graphql.resolve('{ lang_book @skip(if: true) { id } }');
-- __typename at every level: root, list, object and array relationships, aggregates, their fields, nodes
SELECT graphql.resolve('{ __typename lang_writer_by_pk(id: 1) { __typename
    lang_book(limit: 1, order_by: {id: asc}) { __typename writer { __typename } }
    lang_book_aggregate { __typename aggregate { __typename max { __typename } sum { __typename } avg { __typename }
      stddev { __typename } variance { __typename } } nodes { __typename } } }
  t: __typename list: lang_writer(limit: 1) { __typename } }');
SELECT graphql.resolve('query Q { __typename }') AS query_typename,
       graphql.resolve('subscription S { __typename: lang_writer_by_pk(id: 3) { name } }') AS aliased_as_typename;
-- several operations: operation_name chooses one; missing or unknown is an error
SELECT graphql.resolve('query A { lang_writer(order_by: {id: asc}) { id } } query B { lang_book(order_by: {id: asc}) { id } }', NULL, 'B') AS chose_b,
       graphql.resolve('query A { lang_writer(order_by: {id: asc}) { id } } query B { lang_book(order_by: {id: asc}) { id } }', NULL, 'A') AS chose_a;
SELECT graphql.resolve('query A { lang_writer { id } } query B { lang_book { id } }');
SELECT graphql.resolve('query A { lang_writer { id } } query B { lang_book { id } }', NULL, 'C');
SELECT graphql.resolve('{ lang_writer_by_pk(id: 1) { id } }', NULL, 'A');
SELECT graphql.resolve('query A { lang_writer_by_pk(id: 1) { id } }', NULL, 'A') AS named_single,
       graphql.resolve('query A { lang_writer_by_pk(id: 1) { id } }') AS named_single_without_name;
-- the variables of the chosen operation only; the other operation's are not coerced
SELECT graphql.resolve('query A($n: Int!) { lang_book(limit: $n) { id } } query B($m: String) { lang_writer(where: {name: {_eq: $m}}) { id } }',
                       '{"m": "Bob"}', 'B');
-- fragments shared by several operations
SELECT graphql.resolve('query A { lang_writer_by_pk(id: 2) { ...W } } query B { lang_writer_by_pk(id: 3) { ...W } } fragment W on lang_writer { name born }', NULL, 'B');
-- a subscription is answered once, like a query; mutation_root has no query fields
SELECT graphql.resolve('subscription S { lang_writer_by_pk(id: 1) { name } }', NULL, 'S');
SELECT graphql.resolve('mutation M { lang_writer { id } }') -> 'errors' -> 0 ->> 'message' AS mutation;
-- field merging: fields with the same response key merge, in first-appearance order
SELECT graphql.resolve('{ lang_writer_by_pk(id: 1) { id name } lang_writer_by_pk(id: 1) { born id lang_book(order_by: {id: asc}) { id } }
    ... on query_root { lang_writer_by_pk(id: 1) { lang_book(order_by: {id: asc}) { title } } } }');
SELECT graphql.resolve('{ lang_writer_by_pk(id: 1) { ...A ...B name } } fragment A on lang_writer { name lang_book(where: {id: {_eq: 10}}) { id } }
    fragment B on lang_writer { lang_book(where: {id: {_eq: 10}}) { title } id }');
SELECT graphql.resolve('query ($n: Int) { w: lang_writer(limit: $n, order_by: {id: asc}) { id } w: lang_writer(limit: $n, order_by: {id: asc}) { name } }', '{"n": 2}');
-- fields that cannot merge: a validation error
SELECT graphql.resolve('{ lang_writer(limit: 1) { id } lang_writer(limit: 2) { id } }') -> 'errors' -> 0 ->> 'message' AS different_arguments,
       graphql.resolve('{ lang_writer_by_pk(id: 1) { x: id x: name } }') -> 'errors' -> 0 ->> 'message' AS different_fields;
-- strings: escapes and block strings reach the database unchanged
SELECT graphql.resolve(E'{ a: lang_book(where: {title: {_eq: "On\\u0020Tests"}}) { id } b: lang_book(where: {title: {_eq: """Long Road"""}}) { id } }');
-- a variable with a default, given null explicitly, where a non-null argument is expected:
-- the default does not apply, and the argument must not be null (field and directive arguments)
SELECT graphql.resolve('query ($id: Int = 12) { lang_book_by_pk(id: $id) { title } }', '{"id": null}')::jsonb;
SELECT graphql.resolve('query ($x: Boolean = true) { lang_writer_by_pk(id: 1) @skip(if: $x) { name } }', '{"x": null}')::jsonb;
SELECT graphql.resolve('query ($x: Boolean = true) { lang_writer_by_pk(id: 1) @skip(if: $x) { name } }')::jsonb AS default_applies;
DROP TABLE lang_book, lang_writer;
DROP TYPE lang_genre;
DROP EXTENSION graphql;
