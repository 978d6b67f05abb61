-- pagination: limit and offset (literals, variables, null, 0, past the end,
-- negative), on nested array relationships and aggregates, and _by_pk with
-- a primary key of two columns; each answer checked against SQL.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/pagination.sql
\set ECHO all
-- the ids a one-field query returns, in the order returned (or its errors)
CREATE FUNCTION pag_ids(q text, vars jsonb DEFAULT NULL) RETURNS text
LANGUAGE sql AS $$
  SELECT CASE WHEN r ? 'errors' THEN (r -> 'errors')::text
         ELSE (SELECT coalesce(string_agg(e ->> 'id', ' ' ORDER BY o), '')
               FROM jsonb_each(r -> 'data') AS d(k, v), jsonb_array_elements(v) WITH ORDINALITY AS x(e, o)) END
  FROM (SELECT graphql.resolve(q, vars)::jsonb AS r) AS s $$;
-- the ids of pag_book by id, with an SQL LIMIT / OFFSET: the reference
CREATE FUNCTION pag_ref(lim int, off int) RETURNS text LANGUAGE sql AS $$
  SELECT coalesce(string_agg(id::text, ' ' ORDER BY id), '')
  FROM (SELECT id FROM pag_book ORDER BY id LIMIT lim OFFSET off) AS p $$;
-- literals: one row per limit/offset pair (NULL: the argument is not given)
SELECT lim, off, pag_ids(format('{ pag_book(order_by: {id: asc}%s%s) { id } }',
                                ', limit: ' || lim, ', offset: ' || off)) AS ids,
       pag_ids(format('{ pag_book(order_by: {id: asc}%s%s) { id } }', ', limit: ' || lim, ', offset: ' || off))
         = pag_ref(lim, off) AS as_sql
FROM (VALUES (NULL, NULL), (3, NULL), (0, NULL), (8, NULL), (100, NULL), (NULL, 0), (NULL, 2),
             (NULL, 7), (NULL, 8), (NULL, 100), (2, 0), (2, 3), (3, 6), (0, 2), (5, 8), (2147483647, 1)) AS c(lim, off);
-- variables: given, absent, null (no limit / no offset), with a default, overriding it
SELECT pag_ids('query ($l: Int, $o: Int) { pag_book(order_by: {id: asc}, limit: $l, offset: $o) { id } }',
               '{"l": 2, "o": 5}') AS given,
       pag_ids('query ($l: Int, $o: Int) { pag_book(order_by: {id: asc}, limit: $l, offset: $o) { id } }',
               '{}') AS absent,
       pag_ids('query ($l: Int, $o: Int) { pag_book(order_by: {id: asc}, limit: $l, offset: $o) { id } }',
               '{"l": null, "o": null}') AS null_vars,
       pag_ids('query ($l: Int = 1, $o: Int = 1) { pag_book(order_by: {id: asc}, limit: $l, offset: $o) { id } }') AS defaults,
       pag_ids('query ($l: Int = 1, $o: Int = 1) { pag_book(order_by: {id: asc}, limit: $l, offset: $o) { id } }',
               '{"l": 3}') AS limit_overrides,
       pag_ids('query ($l: Int = 1) { pag_book(order_by: {id: asc}, limit: $l) { id } }',
               '{"l": null}') AS null_overrides_default,
       pag_ids('query ($l: Int!) { pag_book(order_by: {id: asc}, limit: $l) { id } }', '{"l": 0}') AS zero_var;
-- an explicit null literal is no limit / no offset
SELECT pag_ids('{ pag_book(order_by: {id: asc}, limit: null, offset: null) { id } }') AS null_literals;
-- negative values: an error for the field, data null (PostgreSQL's message, data-exception)
SELECT graphql.resolve('{ pag_book(limit: -1) { id } }');
SELECT graphql.resolve('{ pag_book(offset: -3) { id } }');
SELECT graphql.resolve('query ($o: Int) { pag_shelf { pag_book(offset: $o) { id } } }', '{"o": -1}');
-- values that are not Int: validation-failed
SELECT graphql.resolve('{ pag_book(limit: 1.5) { id } }')::jsonb -> 'errors' -> 0 ->> 'message' AS float_limit,
       graphql.resolve('{ pag_book(offset: "1") { id } }')::jsonb -> 'errors' -> 0 ->> 'message' AS string_offset,
       graphql.resolve('query ($l: Int) { pag_book(limit: $l) { id } }', '{"l": 2147483648}')::jsonb -> 'errors' -> 0 ->> 'message' AS big_var;
-- limit and offset on a nested array relationship apply per parent
SELECT graphql.resolve('{ pag_shelf(order_by: {id: asc}, limit: 4) { id pag_book(order_by: {pages: desc_nulls_last}, limit: 2, offset: 1) { id } } }');
SELECT graphql.resolve('{ pag_shelf(order_by: {id: asc}) { id pag_book(order_by: {id: desc}, limit: 2, offset: 1) { id } } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('pag_shelf',
         (SELECT jsonb_agg(jsonb_build_object('id', s.id, 'pag_book',
                   (SELECT coalesce(jsonb_agg(jsonb_build_object('id', b.id) ORDER BY b.id DESC), '[]')
                    FROM (SELECT id FROM pag_book WHERE shelf_id = s.id ORDER BY id DESC LIMIT 2 OFFSET 1) AS b)) ORDER BY s.id)
          FROM pag_shelf s))) AS nested_as_sql;
-- limit and offset on the root and a nested list at once, from variables
SELECT graphql.resolve('query ($a: Int, $b: Int) { pag_shelf(order_by: {id: asc}, limit: $a, offset: $a) { id pag_book(order_by: {id: asc}, limit: $b) { id } } }',
                       '{"a": 1, "b": 1}');
-- an aggregate with limit/offset covers only the rows left after them
SELECT graphql.resolve('{ pag_book_aggregate(order_by: {id: asc}, limit: 3, offset: 2) { aggregate { count sum { pages price } max { id } } nodes { id } } }');
SELECT graphql.resolve('{ pag_book_aggregate(order_by: {id: asc}, limit: 3, offset: 2) { aggregate { count sum { pages price } max { id } min { id } avg { pages } } } }')::jsonb
     = (SELECT jsonb_build_object('data', jsonb_build_object('pag_book_aggregate', jsonb_build_object('aggregate',
          jsonb_build_object('count', count(*), 'sum', jsonb_build_object('pages', sum(pages), 'price', sum(price)),
                             'max', jsonb_build_object('id', max(id)), 'min', jsonb_build_object('id', min(id)),
                             'avg', jsonb_build_object('pages', avg(pages)::float8)))))
        FROM (SELECT * FROM pag_book ORDER BY id LIMIT 3 OFFSET 2) AS p) AS aggregate_as_sql;
SELECT graphql.resolve('{ a: pag_book_aggregate(limit: 0) { aggregate { count sum { pages } } nodes { id } }
                          b: pag_book_aggregate(offset: 8) { aggregate { count max { id } } }
                          c: pag_book_aggregate(order_by: {pages: desc_nulls_last}, limit: 2) { aggregate { count sum { pages } } } }');
-- per parent, on a relationship's aggregate, with where
SELECT graphql.resolve('{ pag_shelf(where: {id: {_lte: 4}}, order_by: {id: asc}) { id
    pag_book_aggregate(where: {pages: {_is_null: false}}, order_by: {pages: asc}, offset: 1) { aggregate { count sum { pages } } } } }');
-- _by_pk with a primary key of two columns: found, not found, from variables
SELECT graphql.resolve('{ a: pag_copy_by_pk(book_id: 1, code: "b") { book_id code n }
                          b: pag_copy_by_pk(book_id: 1, code: "c") { n }
                          c: pag_copy_by_pk(code: "z", book_id: 4) { n book { id pages } } }');
SELECT graphql.resolve('query ($b: Int!, $c: String!) { pag_copy_by_pk(book_id: $b, code: $c) { n } }',
                       '{"b": 2, "c": "a"}');
-- both key columns are required
SELECT graphql.resolve('{ pag_copy_by_pk(book_id: 1) { n } }');
SELECT graphql.resolve('query ($c: String) { pag_copy_by_pk(book_id: 1, code: $c) { n } }', '{"c": "a"}')::jsonb -> 'errors' -> 0 ->> 'message' AS nullable_variable;
-- _by_pk takes no limit / offset; a list under it does
SELECT graphql.resolve('{ pag_book_by_pk(id: 1, limit: 1) { id } }')::jsonb -> 'errors' -> 0 ->> 'message' AS by_pk_limit;
SELECT graphql.resolve('{ pag_shelf_by_pk(id: 1) { pag_book(order_by: {id: asc}, offset: 2) { id pag_copy(limit: 1, order_by: {code: desc}) { code } } } }');
DROP FUNCTION pag_ids(text, jsonb), pag_ref(int, int);
DROP TABLE pag_copy, pag_book, pag_shelf;
DROP EXTENSION graphql;
