-- ordering: order_by in Hasura v2's semantics (asc = ASC NULLS LAST, desc =
-- DESC NULLS FIRST), several keys, through object relationships, by
-- array-relationship aggregates, ties, distinct_on; each order checked
-- against the SQL ORDER BY that defines it.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/ordering.sql
\set ECHO all
-- the ids a one-field query returns, in the order returned (or its errors)
CREATE FUNCTION ord_ids(q text, vars jsonb DEFAULT NULL) RETURNS text
LANGUAGE sql AS $$
  SELECT CASE WHEN r ? 'errors' THEN (r -> 'errors')::text
         ELSE (SELECT coalesce(string_agg(e ->> 'id', ' ' ORDER BY o), '')
               FROM jsonb_each(r -> 'data') AS d(k, v), jsonb_array_elements(v) WITH ORDINALITY AS x(e, o)) END
  FROM (SELECT graphql.resolve(q, vars)::jsonb AS r) AS s $$;
-- the ids of a table in an SQL order: the reference
CREATE FUNCTION ord_ref(tab text, ord text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  EXECUTE format('SELECT coalesce(string_agg(id::text, '' '' ORDER BY %s), '''') FROM %I AS t', ord, tab) INTO r;
  RETURN r;
END $$;
-- one row per order: the ids returned, and whether they are in the SQL order
SELECT n, o AS order_by, ord_ids(format('{ %s(order_by: %s) { id } }', tab, o)) AS ids,
       ord_ids(format('{ %s(order_by: %s) { id } }', tab, o)) = ord_ref(tab, ord) AS as_sql
FROM (VALUES
  -- the six directions on a column with NULLs and ties (id breaks the ties)
  (1, 'ord_author', '[{rank: asc}, {id: asc}]', 'rank ASC NULLS LAST, id'),
  (2, 'ord_author', '[{rank: desc}, {id: asc}]', 'rank DESC NULLS FIRST, id'),
  (3, 'ord_author', '[{rank: asc_nulls_first}, {id: asc}]', 'rank ASC NULLS FIRST, id'),
  (4, 'ord_author', '[{rank: asc_nulls_last}, {id: asc}]', 'rank ASC NULLS LAST, id'),
  (5, 'ord_author', '[{rank: desc_nulls_first}, {id: asc}]', 'rank DESC NULLS FIRST, id'),
  (6, 'ord_author', '[{rank: desc_nulls_last}, {id: asc}]', 'rank DESC NULLS LAST, id'),
  -- one key, no NULLs; text in the column's collation (C: upper case first)
  (7, 'ord_author', '{id: desc}', 'id DESC'),
  (8, 'ord_author', '{name: desc}', 'name DESC'),
  (9, 'ord_article', '{title: asc}', 'title COLLATE "C"'),
  -- several keys: as a list, and as one object whose keys keep their order
  (10, 'ord_author', '[{city: asc}, {rank: desc}, {id: desc}]', 'city ASC NULLS LAST, rank DESC NULLS FIRST, id DESC'),
  (11, 'ord_author', '{city: desc_nulls_last, rank: asc_nulls_first, id: asc}', 'city DESC NULLS LAST, rank ASC NULLS FIRST, id'),
  (12, 'ord_author', '{rank: asc_nulls_first, city: asc, id: desc}', 'rank ASC NULLS FIRST, city, id DESC'),
  (13, 'ord_author', '[{rank: asc, city: desc}, {id: asc}]', 'rank, city DESC NULLS FIRST, id'),
  (14, 'ord_article', '[{score: desc_nulls_last}, {day: asc_nulls_first}, {id: asc}]', 'score DESC NULLS LAST, day ASC NULLS FIRST, id'),
  -- through the object relationship: an article without author sorts as NULL
  (15, 'ord_article', '[{author: {name: asc}}, {id: asc}]',
       '(SELECT a.name FROM ord_author a WHERE a.id = t.author_id) ASC NULLS LAST, id'),
  (16, 'ord_article', '[{author: {name: desc}}, {id: asc}]',
       '(SELECT a.name FROM ord_author a WHERE a.id = t.author_id) DESC NULLS FIRST, id'),
  (17, 'ord_article', '[{author: {rank: desc_nulls_last}}, {author: {city: asc}}, {id: desc}]',
       '(SELECT a.rank FROM ord_author a WHERE a.id = t.author_id) DESC NULLS LAST, (SELECT a.city FROM ord_author a WHERE a.id = t.author_id) ASC NULLS LAST, id DESC'),
  (18, 'ord_article', '{author: {city: asc_nulls_first, id: desc}, score: asc}',
       '(SELECT a.city FROM ord_author a WHERE a.id = t.author_id) ASC NULLS FIRST, (SELECT a.id FROM ord_author a WHERE a.id = t.author_id) DESC NULLS FIRST, score'),
  -- by the array relationship's aggregates (author 5 has no article: count 0, max NULL)
  (19, 'ord_author', '[{ord_article_aggregate: {count: desc}}, {id: asc}]',
       '(SELECT count(*) FROM ord_article x WHERE x.author_id = t.id) DESC, id'),
  (20, 'ord_author', '[{ord_article_aggregate: {count: asc}}, {id: desc}]',
       '(SELECT count(*) FROM ord_article x WHERE x.author_id = t.id), id DESC'),
  (21, 'ord_author', '{ord_article_aggregate: {max: {id: asc}}}',
       '(SELECT max(x.id) FROM ord_article x WHERE x.author_id = t.id) ASC NULLS LAST'),
  (22, 'ord_author', '{ord_article_aggregate: {max: {id: desc}}}',
       '(SELECT max(x.id) FROM ord_article x WHERE x.author_id = t.id) DESC NULLS FIRST'),
  (23, 'ord_author', '{ord_article_aggregate: {min: {title: desc_nulls_last}}}',
       '(SELECT min(x.title) FROM ord_article x WHERE x.author_id = t.id) DESC NULLS LAST'),
  (24, 'ord_author', '[{ord_article_aggregate: {sum: {score: desc_nulls_last}}}, {id: asc}]',
       '(SELECT sum(x.score) FROM ord_article x WHERE x.author_id = t.id) DESC NULLS LAST, id'),
  (25, 'ord_author', '[{ord_article_aggregate: {avg: {score: asc}}}, {id: asc}]',
       '(SELECT avg(x.score) FROM ord_article x WHERE x.author_id = t.id) ASC NULLS LAST, id'),
  (26, 'ord_author', '[{ord_article_aggregate: {max: {day: asc}, count: desc}}, {id: asc}]',
       '(SELECT max(x.day) FROM ord_article x WHERE x.author_id = t.id) ASC NULLS LAST, (SELECT count(*) FROM ord_article x WHERE x.author_id = t.id) DESC, id'),
  (27, 'ord_author', '[{ord_article_aggregate: {count: desc}}, {rank: asc_nulls_first}, {name: desc}]',
       '(SELECT count(*) FROM ord_article x WHERE x.author_id = t.id) DESC, rank ASC NULLS FIRST, name DESC'),
  -- an aggregate through the object relationship: articles by their author's article
  -- count, NULL (first in desc) for the article without author
  (28, 'ord_article', '[{author: {ord_article_aggregate: {count: desc}}}, {id: asc}]',
       '(SELECT (SELECT count(*) FROM ord_article x WHERE x.author_id = a.id) FROM ord_author a WHERE a.id = t.author_id) DESC, id')
) AS c(n, tab, o, ord)
ORDER BY n;
-- ties: with one key, rows of equal rank may come in any order, but ranks never decrease
SELECT (SELECT bool_and(coalesce(prev <= cur, prev IS NOT NULL AND cur IS NULL OR prev IS NULL AND cur IS NULL))
          FROM (SELECT (e ->> 'rank')::int AS cur, lag((e ->> 'rank')::int) OVER (ORDER BY o) AS prev, o
                FROM jsonb_array_elements(graphql.resolve('{ ord_author(order_by: {rank: asc}) { id rank } }')::jsonb
                                          -> 'data' -> 'ord_author') WITH ORDINALITY AS x(e, o)) AS p
          WHERE o > 1) AS rank_never_decreases,
       (SELECT array_agg(x ORDER BY x) FROM unnest(string_to_array(ord_ids('{ ord_author(order_by: {rank: asc}) { id } }'), ' ')) AS x)
          = ARRAY['1', '2', '3', '4', '5'] AS every_row_once;
-- order_by and limit: the first rows of the order, ties broken by the next key
SELECT ord_ids('{ ord_author(order_by: [{rank: asc}, {id: desc}], limit: 2) { id } }') AS top_2,
       ord_ids('{ ord_author(order_by: [{rank: desc_nulls_last}, {id: asc}], limit: 2, offset: 1) { id } }') AS next_2;
-- order_by inside an array relationship and in nodes, per parent, against hand-written SQL
SELECT graphql.resolve('{ ord_author(order_by: {id: asc}) { id ord_article(order_by: [{score: desc_nulls_last}, {id: asc}]) { id score } } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('ord_author',
         (SELECT jsonb_agg(jsonb_build_object('id', a.id, 'ord_article',
                   (SELECT coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'score', x.score)
                                              ORDER BY x.score DESC NULLS LAST, x.id), '[]')
                    FROM ord_article x WHERE x.author_id = a.id)) ORDER BY a.id)
          FROM ord_author a))) AS nested_as_sql;
SELECT graphql.resolve('{ ord_author(where: {id: {_in: [1, 2]}}, order_by: {id: desc}) { id
    ord_article_aggregate(order_by: {title: desc}) { nodes { title } } } }');
SELECT graphql.resolve('{ ord_article_aggregate(order_by: [{author: {name: desc_nulls_last}}, {id: asc}], limit: 3) { nodes { id author { name } } } }');
-- order_by from variables: a list, a single object (coerced to a list), null (no order: every row)
SELECT ord_ids('query ($o: [ord_author_order_by!]) { ord_author(order_by: $o) { id } }',
               '{"o": [{"rank": "desc_nulls_last"}, {"ord_article_aggregate": {"count": "asc"}}, {"id": "asc"}]}') AS list_var,
       ord_ref('ord_author', 'rank DESC NULLS LAST, (SELECT count(*) FROM ord_article x WHERE x.author_id = t.id), id') AS list_var_sql,
       ord_ids('query ($o: [ord_author_order_by!]) { ord_author(order_by: $o) { id } }', '{"o": {"name": "desc"}}') AS object_var,
       ord_ids('query ($d: order_by) { ord_author(order_by: [{city: $d}, {id: asc}]) { id } }', '{"d": "desc_nulls_last"}') AS direction_var;
SELECT (SELECT array_agg(x ORDER BY x) FROM unnest(string_to_array(
          ord_ids('query ($o: [ord_author_order_by!]) { ord_author(order_by: $o) { id } }', '{"o": null}'), ' ')) AS x) AS null_order_rows,
       (SELECT array_agg(x ORDER BY x) FROM unnest(string_to_array(ord_ids('{ ord_author(order_by: []) { id } }'), ' ')) AS x) AS empty_list_rows;
-- distinct_on: the first row of each group in order_by's order
SELECT ord_ids('{ ord_author(distinct_on: rank, order_by: [{rank: asc}, {id: desc}]) { id } }') AS by_rank,
       (SELECT string_agg(id::text, ' ' ORDER BY rank ASC NULLS LAST, id DESC)
          FROM (SELECT DISTINCT ON (rank) id, rank FROM ord_author ORDER BY rank ASC NULLS LAST, id DESC) AS d) AS by_rank_sql,
       ord_ids('{ ord_author(distinct_on: [city], order_by: [{city: desc}, {name: asc}]) { id } }') AS by_city,
       (SELECT string_agg(id::text, ' ' ORDER BY city DESC NULLS FIRST, name)
          FROM (SELECT DISTINCT ON (city) id, city, name FROM ord_author ORDER BY city DESC NULLS FIRST, name) AS d) AS by_city_sql,
       ord_ids('{ ord_article(distinct_on: [author_id, score], order_by: [{score: asc}, {author_id: asc}, {id: desc}]) { id } }') AS by_two,
       (SELECT string_agg(id::text, ' ' ORDER BY score ASC NULLS LAST, author_id ASC NULLS LAST, id DESC)
          FROM (SELECT DISTINCT ON (score, author_id) id, score, author_id FROM ord_article
                ORDER BY score ASC NULLS LAST, author_id ASC NULLS LAST, id DESC) AS d) AS by_two_sql;
-- distinct_on without order_by: one row per distinct value (which one is not defined)
SELECT jsonb_array_length(graphql.resolve('{ ord_author(distinct_on: city) { city } }')::jsonb -> 'data' -> 'ord_author') AS cities,
       (SELECT count(DISTINCT coalesce(city, '')) FROM ord_author) AS cities_sql;
-- distinct_on in an array relationship and with a variable
SELECT graphql.resolve('{ ord_author_by_pk(id: 1) { ord_article(distinct_on: author_id, order_by: [{author_id: asc}, {score: desc}]) { id } } }');
SELECT ord_ids('query ($c: [ord_author_select_column!]) { ord_author(distinct_on: $c, order_by: [{rank: desc_nulls_last}, {id: asc}]) { id } }',
               '{"c": ["rank"]}') AS by_rank_var;
-- distinct_on columns must lead order_by: validation-failed, no data
SELECT graphql.resolve('{ ord_author(distinct_on: rank, order_by: {id: asc}) { id } }');
SELECT graphql.resolve('{ ord_author(distinct_on: [rank, city], order_by: [{rank: asc}, {id: asc}, {city: asc}]) { id } }');
SELECT graphql.resolve('{ ord_author_by_pk(id: 1) { ord_article(distinct_on: score, order_by: {author: {rank: asc}}) { id } } }');
SELECT graphql.resolve('query ($c: [ord_author_select_column!]) { ord_author(distinct_on: $c, order_by: {id: asc}) { id } }',
                       '{"c": "name"}');
-- in any order among themselves, they may lead
SELECT ord_ids('{ ord_author(distinct_on: [rank, city], order_by: [{city: asc}, {rank: asc}, {id: asc}]) { id } }') AS by_city_rank,
       (SELECT string_agg(id::text, ' ' ORDER BY city ASC NULLS LAST, rank ASC NULLS LAST, id)
          FROM (SELECT DISTINCT ON (city, rank) id, city, rank FROM ord_author
                ORDER BY city ASC NULLS LAST, rank ASC NULLS LAST, id) AS d) AS by_city_rank_sql;
-- values of order_by that do not validate
SELECT graphql.resolve('{ ord_author(order_by: {rank: up}) { id } }')::jsonb -> 'errors' -> 0 ->> 'message' AS unknown_direction,
       graphql.resolve('{ ord_author(order_by: {nope: asc}) { id } }')::jsonb -> 'errors' -> 0 ->> 'message' AS unknown_column,
       graphql.resolve('{ ord_author(order_by: {ord_article: {id: asc}}) { id } }')::jsonb -> 'errors' -> 0 ->> 'message' AS array_relationship;
-- a distinct_on column named twice counts once
SELECT ord_ids('{ ord_author(distinct_on: [rank, rank], order_by: [{rank: asc}, {id: desc}]) { id } }') =
       ord_ids('{ ord_author(distinct_on: rank, order_by: [{rank: asc}, {id: desc}]) { id } }') AS repeated_distinct_on;
DROP FUNCTION ord_ids(text, jsonb), ord_ref(text, text);
DROP TABLE ord_article, ord_author;
DROP EXTENSION graphql;
