-- graphql.resolve: every comparison operator of each type family on real rows, boolean
-- combinators, relationship filters, ordering, pagination, distinct_on and variables.
SET client_min_messages = warning;
SET timezone = 'UTC';
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/operators.sql
\set ECHO all
-- the ids a one-field query returns, in the order returned (or its errors)
CREATE FUNCTION o_ids(q text, vars jsonb DEFAULT NULL, op text DEFAULT NULL) RETURNS text
LANGUAGE sql AS $$
  SELECT CASE WHEN r ? 'errors' THEN (r -> 'errors')::text
         ELSE (SELECT coalesce(string_agg(e ->> 'id', ' ' ORDER BY o), '')
               FROM jsonb_each(r -> 'data') AS d(k, v), jsonb_array_elements(v) WITH ORDINALITY AS x(e, o)) END
  FROM (SELECT graphql.resolve(q, vars, op)::jsonb AS r) AS s $$;
-- the ids an SQL condition selects, by id: the reference each filter is checked against
CREATE FUNCTION o_ref(tab text, cond text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  EXECUTE format('SELECT coalesce(string_agg(id::text, '' '' ORDER BY id), '''') FROM %I WHERE %s', tab, cond) INTO r;
  RETURN r;
END $$;
-- filters: the ids selected (ordered by id), and whether they are those of the SQL condition
SELECT n, tab, w AS "where", o_ids(format('{ %s(where: %s, order_by: {id: asc}) { id } }', tab, w)) AS ids,
       o_ids(format('{ %s(where: %s, order_by: {id: asc}) { id } }', tab, w)) = o_ref(tab, cond) AS as_sql
FROM (VALUES
  (1, 'o_item', '{i: {_eq: 20}}', 'i = 20'),
  (2, 'o_item', '{i: {_neq: 20}}', 'i <> 20'),
  (3, 'o_item', '{i: {_gt: 20}}', 'i > 20'),
  (4, 'o_item', '{i: {_gte: 20}}', 'i >= 20'),
  (5, 'o_item', '{i: {_lt: 20}}', 'i < 20'),
  (6, 'o_item', '{i: {_lte: 20}}', 'i <= 20'),
  (7, 'o_item', '{i: {_in: [20, 10]}}', 'i IN (20, 10)'),
  (8, 'o_item', '{i: {_nin: [20, 10]}}', 'i NOT IN (20, 10)'),
  (9, 'o_item', '{i: {_is_null: true}}', 'i IS NULL'),
  (10, 'o_item', '{i: {_is_null: false}}', 'i IS NOT NULL'),
  (11, 'o_item', '{f: {_eq: 2.5}}', 'f = 2.5::float8'),
  (12, 'o_item', '{f: {_neq: 2.5}}', 'f <> 2.5::float8'),
  (13, 'o_item', '{f: {_gt: 2.5}}', 'f > 2.5::float8'),
  (14, 'o_item', '{f: {_gte: 2.5}}', 'f >= 2.5::float8'),
  (15, 'o_item', '{f: {_lt: 2.5}}', 'f < 2.5::float8'),
  (16, 'o_item', '{f: {_lte: 2.5}}', 'f <= 2.5::float8'),
  (17, 'o_item', '{f: {_in: [2.5, 1.5]}}', 'f IN (2.5::float8, 1.5::float8)'),
  (18, 'o_item', '{f: {_nin: [2.5, 1.5]}}', 'f NOT IN (2.5::float8, 1.5::float8)'),
  (19, 'o_item', '{f: {_is_null: true}}', 'f IS NULL'),
  (20, 'o_item', '{f: {_is_null: false}}', 'f IS NOT NULL'),
  (21, 'o_item', '{n: {_eq: 20.5}}', 'n = 20.5::numeric'),
  (22, 'o_item', '{n: {_neq: 20.5}}', 'n <> 20.5::numeric'),
  (23, 'o_item', '{n: {_gt: 20.5}}', 'n > 20.5::numeric'),
  (24, 'o_item', '{n: {_gte: 20.5}}', 'n >= 20.5::numeric'),
  (25, 'o_item', '{n: {_lt: 20.5}}', 'n < 20.5::numeric'),
  (26, 'o_item', '{n: {_lte: 20.5}}', 'n <= 20.5::numeric'),
  (27, 'o_item', '{n: {_in: [20.5, 10.25]}}', 'n IN (20.5::numeric, 10.25::numeric)'),
  (28, 'o_item', '{n: {_nin: [20.5, 10.25]}}', 'n NOT IN (20.5::numeric, 10.25::numeric)'),
  (29, 'o_item', '{n: {_is_null: true}}', 'n IS NULL'),
  (30, 'o_item', '{n: {_is_null: false}}', 'n IS NOT NULL'),
  (31, 'o_item', '{b: {_eq: 5000000001}}', 'b = 5000000001::bigint'),
  (32, 'o_item', '{b: {_neq: 5000000001}}', 'b <> 5000000001::bigint'),
  (33, 'o_item', '{b: {_gt: 5000000001}}', 'b > 5000000001::bigint'),
  (34, 'o_item', '{b: {_gte: 5000000001}}', 'b >= 5000000001::bigint'),
  (35, 'o_item', '{b: {_lt: 5000000001}}', 'b < 5000000001::bigint'),
  (36, 'o_item', '{b: {_lte: 5000000001}}', 'b <= 5000000001::bigint'),
  (37, 'o_item', '{b: {_in: [5000000001, 5000000000]}}', 'b IN (5000000001::bigint, 5000000000::bigint)'),
  (38, 'o_item', '{b: {_nin: [5000000001, 5000000000]}}', 'b NOT IN (5000000001::bigint, 5000000000::bigint)'),
  (39, 'o_item', '{b: {_is_null: true}}', 'b IS NULL'),
  (40, 'o_item', '{b: {_is_null: false}}', 'b IS NOT NULL'),
  (41, 'o_item', '{s: {_eq: "apple"}}', 's = ''apple'''),
  (42, 'o_item', '{s: {_neq: "apple"}}', 's <> ''apple'''),
  (43, 'o_item', '{s: {_gt: "apple"}}', 's > ''apple'''),
  (44, 'o_item', '{s: {_gte: "apple"}}', 's >= ''apple'''),
  (45, 'o_item', '{s: {_lt: "apple"}}', 's < ''apple'''),
  (46, 'o_item', '{s: {_lte: "apple"}}', 's <= ''apple'''),
  (47, 'o_item', '{s: {_in: ["apple", "Banana"]}}', 's IN (''apple'', ''Banana'')'),
  (48, 'o_item', '{s: {_nin: ["apple", "Banana"]}}', 's NOT IN (''apple'', ''Banana'')'),
  (49, 'o_item', '{s: {_is_null: true}}', 's IS NULL'),
  (50, 'o_item', '{s: {_is_null: false}}', 's IS NOT NULL'),
  (51, 'o_item', '{flag: {_eq: true}}', 'flag = true'),
  (52, 'o_item', '{flag: {_neq: true}}', 'flag <> true'),
  (53, 'o_item', '{flag: {_gt: true}}', 'flag > true'),
  (54, 'o_item', '{flag: {_gte: true}}', 'flag >= true'),
  (55, 'o_item', '{flag: {_lt: true}}', 'flag < true'),
  (56, 'o_item', '{flag: {_lte: true}}', 'flag <= true'),
  (57, 'o_item', '{flag: {_in: [true, false]}}', 'flag IN (true, false)'),
  (58, 'o_item', '{flag: {_nin: [true, false]}}', 'flag NOT IN (true, false)'),
  (59, 'o_item', '{flag: {_is_null: true}}', 'flag IS NULL'),
  (60, 'o_item', '{flag: {_is_null: false}}', 'flag IS NOT NULL'),
  (61, 'o_item', '{ts: {_eq: "2024-02-01T12:00:00+02:00"}}', 'ts = ''2024-02-01T12:00:00+02:00''::timestamptz'),
  (62, 'o_item', '{ts: {_neq: "2024-02-01T12:00:00+02:00"}}', 'ts <> ''2024-02-01T12:00:00+02:00''::timestamptz'),
  (63, 'o_item', '{ts: {_gt: "2024-02-01T12:00:00+02:00"}}', 'ts > ''2024-02-01T12:00:00+02:00''::timestamptz'),
  (64, 'o_item', '{ts: {_gte: "2024-02-01T12:00:00+02:00"}}', 'ts >= ''2024-02-01T12:00:00+02:00''::timestamptz'),
  (65, 'o_item', '{ts: {_lt: "2024-02-01T12:00:00+02:00"}}', 'ts < ''2024-02-01T12:00:00+02:00''::timestamptz'),
  (66, 'o_item', '{ts: {_lte: "2024-02-01T12:00:00+02:00"}}', 'ts <= ''2024-02-01T12:00:00+02:00''::timestamptz'),
  (67, 'o_item', '{ts: {_in: ["2024-02-01T12:00:00+02:00", "2024-01-01T10:00:00Z"]}}', 'ts IN (''2024-02-01T12:00:00+02:00''::timestamptz, ''2024-01-01T10:00:00Z''::timestamptz)'),
  (68, 'o_item', '{ts: {_nin: ["2024-02-01T12:00:00+02:00", "2024-01-01T10:00:00Z"]}}', 'ts NOT IN (''2024-02-01T12:00:00+02:00''::timestamptz, ''2024-01-01T10:00:00Z''::timestamptz)'),
  (69, 'o_item', '{ts: {_is_null: true}}', 'ts IS NULL'),
  (70, 'o_item', '{ts: {_is_null: false}}', 'ts IS NOT NULL'),
  (71, 'o_item', '{d: {_eq: "2024-02-01"}}', 'd = ''2024-02-01''::date'),
  (72, 'o_item', '{d: {_neq: "2024-02-01"}}', 'd <> ''2024-02-01''::date'),
  (73, 'o_item', '{d: {_gt: "2024-02-01"}}', 'd > ''2024-02-01''::date'),
  (74, 'o_item', '{d: {_gte: "2024-02-01"}}', 'd >= ''2024-02-01''::date'),
  (75, 'o_item', '{d: {_lt: "2024-02-01"}}', 'd < ''2024-02-01''::date'),
  (76, 'o_item', '{d: {_lte: "2024-02-01"}}', 'd <= ''2024-02-01''::date'),
  (77, 'o_item', '{d: {_in: ["2024-02-01", "2024-03-01"]}}', 'd IN (''2024-02-01''::date, ''2024-03-01''::date)'),
  (78, 'o_item', '{d: {_nin: ["2024-02-01", "2024-03-01"]}}', 'd NOT IN (''2024-02-01''::date, ''2024-03-01''::date)'),
  (79, 'o_item', '{d: {_is_null: true}}', 'd IS NULL'),
  (80, 'o_item', '{d: {_is_null: false}}', 'd IS NOT NULL'),
  (81, 'o_item', '{u: {_eq: "00000000-0000-0000-0000-000000000002"}}', 'u = ''00000000-0000-0000-0000-000000000002''::uuid'),
  (82, 'o_item', '{u: {_neq: "00000000-0000-0000-0000-000000000002"}}', 'u <> ''00000000-0000-0000-0000-000000000002''::uuid'),
  (83, 'o_item', '{u: {_gt: "00000000-0000-0000-0000-000000000002"}}', 'u > ''00000000-0000-0000-0000-000000000002''::uuid'),
  (84, 'o_item', '{u: {_gte: "00000000-0000-0000-0000-000000000002"}}', 'u >= ''00000000-0000-0000-0000-000000000002''::uuid'),
  (85, 'o_item', '{u: {_lt: "00000000-0000-0000-0000-000000000002"}}', 'u < ''00000000-0000-0000-0000-000000000002''::uuid'),
  (86, 'o_item', '{u: {_lte: "00000000-0000-0000-0000-000000000002"}}', 'u <= ''00000000-0000-0000-0000-000000000002''::uuid'),
  (87, 'o_item', '{u: {_in: ["00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-00000000000a"]}}', 'u IN (''00000000-0000-0000-0000-000000000002''::uuid, ''00000000-0000-0000-0000-00000000000a''::uuid)'),
  (88, 'o_item', '{u: {_nin: ["00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-00000000000a"]}}', 'u NOT IN (''00000000-0000-0000-0000-000000000002''::uuid, ''00000000-0000-0000-0000-00000000000a''::uuid)'),
  (89, 'o_item', '{u: {_is_null: true}}', 'u IS NULL'),
  (90, 'o_item', '{u: {_is_null: false}}', 'u IS NOT NULL'),
  (91, 'o_item', '{m: {_eq: ok}}', 'm = ''ok''::o_mood'),
  (92, 'o_item', '{m: {_neq: ok}}', 'm <> ''ok''::o_mood'),
  (93, 'o_item', '{m: {_gt: ok}}', 'm > ''ok''::o_mood'),
  (94, 'o_item', '{m: {_gte: ok}}', 'm >= ''ok''::o_mood'),
  (95, 'o_item', '{m: {_lt: ok}}', 'm < ''ok''::o_mood'),
  (96, 'o_item', '{m: {_lte: ok}}', 'm <= ''ok''::o_mood'),
  (97, 'o_item', '{m: {_in: [ok, sad]}}', 'm IN (''ok''::o_mood, ''sad''::o_mood)'),
  (98, 'o_item', '{m: {_nin: [ok, sad]}}', 'm NOT IN (''ok''::o_mood, ''sad''::o_mood)'),
  (99, 'o_item', '{m: {_is_null: true}}', 'm IS NULL'),
  (100, 'o_item', '{m: {_is_null: false}}', 'm IS NOT NULL'),
  (101, 'o_item', '{j: {_eq: {a: 2}}}', 'j = ''{"a": 2}''::jsonb'),
  (102, 'o_item', '{j: {_neq: {a: 2}}}', 'j <> ''{"a": 2}''::jsonb'),
  (103, 'o_item', '{j: {_gt: {a: 2}}}', 'j > ''{"a": 2}''::jsonb'),
  (104, 'o_item', '{j: {_gte: {a: 2}}}', 'j >= ''{"a": 2}''::jsonb'),
  (105, 'o_item', '{j: {_lt: {a: 2}}}', 'j < ''{"a": 2}''::jsonb'),
  (106, 'o_item', '{j: {_lte: {a: 2}}}', 'j <= ''{"a": 2}''::jsonb'),
  (107, 'o_item', '{j: {_in: [{a: 2}, {c: null}]}}', 'j IN (''{"a": 2}''::jsonb, ''{"c": null}''::jsonb)'),
  (108, 'o_item', '{j: {_nin: [{a: 2}, {c: null}]}}', 'j NOT IN (''{"a": 2}''::jsonb, ''{"c": null}''::jsonb)'),
  (109, 'o_item', '{j: {_is_null: true}}', 'j IS NULL'),
  (110, 'o_item', '{j: {_is_null: false}}', 'j IS NOT NULL'),
  (111, 'o_item', '{arr: {_eq: ["y"]}}', 'arr = ''{y}''::text[]'),
  (112, 'o_item', '{arr: {_neq: ["y"]}}', 'arr <> ''{y}''::text[]'),
  (113, 'o_item', '{arr: {_gt: ["y"]}}', 'arr > ''{y}''::text[]'),
  (114, 'o_item', '{arr: {_gte: ["y"]}}', 'arr >= ''{y}''::text[]'),
  (115, 'o_item', '{arr: {_lt: ["y"]}}', 'arr < ''{y}''::text[]'),
  (116, 'o_item', '{arr: {_lte: ["y"]}}', 'arr <= ''{y}''::text[]'),
  (117, 'o_item', '{arr: {_in: [["y"], ["z"]]}}', 'arr IN (''{y}''::text[], ''{z}''::text[])'),
  (118, 'o_item', '{arr: {_nin: [["y"], ["z"]]}}', 'arr NOT IN (''{y}''::text[], ''{z}''::text[])'),
  (119, 'o_item', '{arr: {_is_null: true}}', 'arr IS NULL'),
  (120, 'o_item', '{arr: {_is_null: false}}', 'arr IS NOT NULL'),
  (121, 'o_item', '{s: {_like: "%pie"}}', 's LIKE ''%pie'''),
  (122, 'o_item', '{s: {_nlike: "%pie"}}', 's NOT LIKE ''%pie'''),
  (123, 'o_item', '{s: {_ilike: "b%"}}', 's ILIKE ''b%'''),
  (124, 'o_item', '{s: {_nilike: "b%"}}', 's NOT ILIKE ''b%'''),
  (125, 'o_item', '{s: {_similar: "(apple|Banana)"}}', 's SIMILAR TO ''(apple|Banana)'''),
  (126, 'o_item', '{s: {_nsimilar: "(apple|Banana)"}}', 's NOT SIMILAR TO ''(apple|Banana)'''),
  (127, 'o_item', '{s: {_regex: "^[a-c]"}}', 's ~ ''^[a-c]'''),
  (128, 'o_item', '{s: {_nregex: "^[a-c]"}}', 's !~ ''^[a-c]'''),
  (129, 'o_item', '{s: {_iregex: "^B"}}', 's ~* ''^B'''),
  (130, 'o_item', '{s: {_niregex: "^B"}}', 's !~* ''^B'''),
  (131, 'o_item', '{s: {_like: "apple", _ilike: "A%"}}', 's LIKE ''apple'' AND s ILIKE ''A%'''),
  (132, 'o_item', '{j: {_contains: {a: 1}}}', 'j @> ''{"a": 1}'''),
  (133, 'o_item', '{j: {_contains: [1]}}', 'j @> ''[1]'''),
  (134, 'o_item', '{j: {_contained_in: {a: 2, c: null}}}', 'j <@ ''{"a": 2, "c": null}'''),
  (135, 'o_item', '{j: {_has_key: "a"}}', 'j ? ''a'''),
  (136, 'o_item', '{j: {_has_keys_any: ["b", "c"]}}', 'j ?| ''{b,c}'''),
  (137, 'o_item', '{j: {_has_keys_all: ["a", "b"]}}', 'j ?& ''{a,b}'''),
  (138, 'o_item', '{j: {_has_keys_all: []}}', 'j ?& ''{}'''),
  (139, 'o_item', '{arr: {_contains: ["y"]}}', 'arr @> ''{y}'''),
  (140, 'o_item', '{arr: {_contained_in: ["x", "y"]}}', 'arr <@ ''{x,y}'''),
  (141, 'o_item', '{arr: {_eq: []}}', 'arr = ''{}'''),
  (142, 'o_item', '{}', 'true'),
  (143, 'o_item', '{_and: []}', 'true'),
  (144, 'o_item', '{_or: []}', 'false'),
  (145, 'o_item', '{_not: {_or: []}}', 'true'),
  (146, 'o_item', '{_not: {}}', 'false'),
  (147, 'o_item', '{_not: {i: {_eq: 20}}}', 'NOT (i = 20)'),
  (148, 'o_item', '{_or: [{i: {_eq: 10}}, {s: {_eq: "Banana"}}]}', 'i = 10 OR s = ''Banana'''),
  (149, 'o_item', '{_and: [{i: {_gte: 20}}, {flag: {_eq: false}}]}', 'i >= 20 AND NOT flag'),
  (150, 'o_item', '{i: {_gte: 20}, flag: {_eq: false}}', 'i >= 20 AND NOT flag'),
  (151, 'o_item', '{i: {_gt: 5, _lt: 25, _neq: 20}}', 'i > 5 AND i < 25 AND i <> 20'),
  (152, 'o_item', '{_or: [{i: {_is_null: true}}, {_and: [{m: {_eq: sad}}, {_not: {flag: {_eq: false}}}]}]}', 'i IS NULL OR (m = ''sad'' AND NOT (flag = false))'),
  (153, 'o_item', '{i: {_eq: null}}', 'true'),
  (154, 'o_item', '{i: {_in: []}}', 'false'),
  (155, 'o_item', '{i: {_nin: []}}', 'true'),
  (156, 'o_item', '{cat: {name: {_eq: "fruit"}}}', 'EXISTS (SELECT FROM o_cat c WHERE c.id = cat_id AND c.name = ''fruit'')'),
  (157, 'o_item', '{cat: {}}', 'EXISTS (SELECT FROM o_cat c WHERE c.id = cat_id)'),
  (158, 'o_item', '{_not: {cat: {name: {_eq: "fruit"}}}}', 'NOT EXISTS (SELECT FROM o_cat c WHERE c.id = cat_id AND c.name = ''fruit'')'),
  (159, 'o_item', '{cat: {o_item: {i: {_eq: 30}}}}', 'EXISTS (SELECT FROM o_cat c JOIN o_item x ON x.cat_id = c.id WHERE c.id = o_item.cat_id AND x.i = 30)'),
  (160, 'o_cat', '{o_item: {i: {_gt: 15}}}', 'EXISTS (SELECT FROM o_item x WHERE x.cat_id = o_cat.id AND x.i > 15)'),
  (161, 'o_cat', '{o_item: {}}', 'EXISTS (SELECT FROM o_item x WHERE x.cat_id = o_cat.id)'),
  (162, 'o_cat', '{_not: {o_item: {}}}', 'NOT EXISTS (SELECT FROM o_item x WHERE x.cat_id = o_cat.id)'),
  (163, 'o_cat', '{o_item: {i: {_is_null: true}}}', 'EXISTS (SELECT FROM o_item x WHERE x.cat_id = o_cat.id AND x.i IS NULL)'),
  (164, 'o_cat', '{o_item: {s: {_eq: "apple"}, flag: {_eq: true}}}', 'EXISTS (SELECT FROM o_item x WHERE x.cat_id = o_cat.id AND x.s = ''apple'' AND x.flag)'),
  (165, 'o_cat', '{_and: [{o_item: {s: {_eq: "apple"}}}, {o_item: {flag: {_eq: true}}}]}', 'EXISTS (SELECT FROM o_item x WHERE x.cat_id = o_cat.id AND x.s = ''apple'') AND EXISTS (SELECT FROM o_item x WHERE x.cat_id = o_cat.id AND x.flag)')
) AS c(n, tab, w, cond)
ORDER BY n;
-- ordering: all six directions on a column with NULLs and ties (id breaks ties)
SELECT dir, o_ids(format('{ o_item(order_by: [{i: %s}, {id: asc}]) { id } }', dir)) AS ids
FROM unnest(ARRAY['asc', 'desc', 'asc_nulls_first', 'asc_nulls_last', 'desc_nulls_first', 'desc_nulls_last']) AS dir;
-- the same six on text (C collation), enum (declaration order) and timestamptz
SELECT col, dir, o_ids(format('{ o_item(order_by: [{%s: %s}, {id: asc}]) { id } }', col, dir)) AS ids
FROM unnest(ARRAY['s', 'm', 'ts']) AS col,
     unnest(ARRAY['asc', 'desc', 'asc_nulls_first', 'asc_nulls_last', 'desc_nulls_first', 'desc_nulls_last']) AS dir;
-- order_by as one object with several keys and as a list
SELECT o_ids('{ o_item(order_by: {flag: desc_nulls_last, id: desc}) { id } }') AS flag_then_id,
       o_ids('{ o_item(order_by: [{m: desc}, {s: asc}]) { id } }') AS mood_then_name;
-- through an object relationship (cat: 1, 2 fruit; 3, 5 dessert; 4 none)
SELECT o_ids('{ o_item(order_by: [{cat: {name: asc}}, {id: desc}]) { id } }') AS cat_asc,
       o_ids('{ o_item(order_by: [{cat: {name: desc}}, {id: desc}]) { id } }') AS cat_desc,
       o_ids('{ o_item(order_by: [{cat: {name: asc_nulls_first}}, {id: asc}]) { id } }') AS cat_asc_nulls_first;
-- by array-relationship aggregates (items per category: 1 → 2, 2 → 2, 3 → 0)
SELECT o_ids('{ o_cat(order_by: [{o_item_aggregate: {count: desc}}, {id: asc}]) { id } }') AS count_desc,
       o_ids('{ o_cat(order_by: [{o_item_aggregate: {count: asc}}, {id: desc}]) { id } }') AS count_asc,
       o_ids('{ o_cat(order_by: {o_item_aggregate: {max: {i: desc}}}) { id } }') AS max_i_desc,
       o_ids('{ o_cat(order_by: {o_item_aggregate: {sum: {f: asc_nulls_first}}}) { id } }') AS sum_f_asc;
-- limit, offset
SELECT o_ids('{ o_item(order_by: {id: asc}, limit: 2) { id } }') AS limit_2,
       o_ids('{ o_item(order_by: {id: asc}, limit: 2, offset: 1) { id } }') AS limit_2_offset_1,
       o_ids('{ o_item(order_by: {id: asc}, offset: 3) { id } }') AS offset_3,
       o_ids('{ o_item(order_by: {id: asc}, offset: 9) { id } }') AS offset_9,
       o_ids('{ o_item(order_by: {id: asc}, limit: 0) { id } }') AS limit_0,
       o_ids('{ o_item(where: {i: {_is_null: false}}, order_by: {i: desc, id: asc}, limit: 2) { id } }') AS top_2;
-- limit/offset/where on an array relationship, per parent
SELECT graphql.resolve('{ o_cat(order_by: {id: asc}) { id o_item(order_by: {id: desc}, limit: 1) { id }
                          o_item_aggregate(where: {flag: {_eq: true}}) { aggregate { count } } } }')::jsonb;
-- distinct_on: the first row of each group in order_by order
SELECT o_ids('{ o_item(distinct_on: i, order_by: [{i: asc}, {id: desc}]) { id } }') AS by_i,
       o_ids('{ o_item(distinct_on: [m], order_by: [{m: desc_nulls_last}, {id: asc}]) { id } }') AS by_m,
       o_ids('{ o_item(distinct_on: [i, f], order_by: [{i: asc}, {f: asc}, {id: asc}]) { id } }') AS by_i_f;
-- distinct_on columns must lead order_by (in any order among themselves)
SELECT graphql.resolve('{ o_item(distinct_on: i, order_by: {id: asc}) { id } }')::jsonb;
SELECT graphql.resolve('{ o_item(distinct_on: [i, f], order_by: [{i: asc}]) { id } }')::jsonb;
SELECT o_ids('{ o_item(distinct_on: [i, f], order_by: [{f: asc}, {i: asc}, {id: desc}]) { id } }') AS by_f_i;
-- variables for operator values, lists, whole expressions and order_by
SELECT o_ids('query ($v: Int) { o_item(where: {i: {_gte: $v}}, order_by: {id: asc}) { id } }', '{"v": 20}') AS int_var,
       o_ids('query ($l: [String!]) { o_item(where: {s: {_in: $l}}, order_by: {id: asc}) { id } }', '{"l": ["apple", "Banana"]}') AS list_var,
       o_ids('query ($x: String) { o_item(where: {s: {_ilike: $x}}, order_by: {id: asc}) { id } }', '{"x": "%E%"}') AS ilike_var,
       o_ids('query ($b: bigint) { o_item(where: {b: {_gt: $b}}, order_by: {id: asc}) { id } }', '{"b": 5000000000}') AS bigint_var,
       o_ids('query ($j: jsonb) { o_item(where: {j: {_contains: $j}}, order_by: {id: asc}) { id } }', '{"j": {"b": [2]}}') AS jsonb_var,
       o_ids('query ($m: [o_mood!]) { o_item(where: {m: {_nin: $m}}, order_by: {id: asc}) { id } }', '{"m": ["ok"]}') AS enum_var,
       o_ids('query ($t: timestamptz) { o_item(where: {ts: {_lt: $t}}, order_by: {id: asc}) { id } }', '{"t": "2024-02-01T10:00:00Z"}') AS ts_var;
SELECT o_ids('query ($w: o_item_bool_exp, $o: [o_item_order_by!]) { o_item(where: $w, order_by: $o) { id } }',
             '{"w": {"_or": [{"m": {"_eq": "sad"}}, {"cat": {"name": {"_eq": "dessert"}}}]}, "o": [{"id": "desc"}]}') AS whole_where,
       o_ids('query ($v: Int) { o_item(where: {i: {_eq: $v}}, order_by: {id: asc}) { id } }', '{}') AS absent_var,
       o_ids('query ($v: Int) { o_item(where: {i: {_eq: $v}}, order_by: {id: asc}) { id } }', '{"v": null}') AS null_var,
       o_ids('query ($v: Int = 30) { o_item(where: {i: {_eq: $v}}, order_by: {id: asc}) { id } }') AS default_var,
       o_ids('query ($n: Int!, $k: Int) { o_item(order_by: {id: asc}, limit: $n, offset: $k) { id } }', '{"n": 2, "k": 2}') AS limit_var;
DROP FUNCTION o_ids(text, jsonb, text), o_ref(text, text);
DROP TABLE o_item, o_cat;
DROP TYPE o_mood;
DROP EXTENSION graphql;
