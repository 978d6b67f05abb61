-- aggregates: <t>_aggregate { aggregate { count sum avg max min stddev
-- stddev_pop stddev_samp var_pop var_samp variance } nodes } on int, int2,
-- bigint, numeric, float8 and real columns, text and date for max/min;
-- count with columns and distinct, empty sets, a single row, nodes,
-- relationship aggregates, graphql.stringify_numeric_types; each checked
-- against the SQL aggregate of the same name.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/aggregates.sql
\set ECHO all
-- every aggregate on every column it applies to
SELECT graphql.resolve('{ agg_value_aggregate { aggregate { count
    sum { i s b n f r } avg { i s b n f r } max { i s b n f r t d } min { i s b n f r t d }
    stddev { i s b n f r } stddev_pop { i s b n f r } stddev_samp { i s b n f r }
    var_pop { i s b n f r } var_samp { i s b n f r } variance { i s b n f r } } } }');
-- the same, built by hand from the SQL aggregates: the Float ones (avg, stddev, ...) are float8,
-- except over numeric columns, which keep numeric
CREATE FUNCTION agg_numeric_ops(op text, cond text DEFAULT 'true') RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r jsonb;
  c text := CASE WHEN op IN ('sum', 'max', 'min') THEN '' ELSE '::float8' END;
BEGIN
  EXECUTE format('SELECT jsonb_build_object(''i'', %1$s(i)%3$s, ''s'', %1$s(s)%3$s, ''b'', %1$s(b)%3$s, ''n'', %1$s(n),
                                            ''f'', %1$s(f)%3$s, ''r'', %1$s(r)%3$s) FROM agg_value WHERE %2$s', op, cond, c) INTO r;
  RETURN r;
END $$;
SELECT graphql.resolve('{ agg_value_aggregate { aggregate { count
    sum { i s b n f r } avg { i s b n f r } max { i s b n f r t d } min { i s b n f r t d }
    stddev { i s b n f r } stddev_pop { i s b n f r } stddev_samp { i s b n f r }
    var_pop { i s b n f r } var_samp { i s b n f r } variance { i s b n f r } } } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('agg_value_aggregate', jsonb_build_object('aggregate',
         jsonb_build_object('count', (SELECT count(*) FROM agg_value))
         || (SELECT jsonb_object_agg(op, agg_numeric_ops(op))
             FROM unnest(ARRAY['sum', 'avg', 'stddev', 'stddev_pop', 'stddev_samp', 'var_pop', 'var_samp', 'variance']) AS op)
         || jsonb_build_object('max', agg_numeric_ops('max') || (SELECT jsonb_build_object('t', max(t), 'd', max(d)) FROM agg_value),
                               'min', agg_numeric_ops('min') || (SELECT jsonb_build_object('t', min(t), 'd', min(d)) FROM agg_value))))) AS as_sql;
-- count: rows, non-null values of a column, distinct values, several columns
SELECT graphql.resolve('{ agg_value_aggregate { aggregate { all: count c_i: count(columns: i) c_i_list: count(columns: [i])
    d_i: count(columns: i, distinct: true) nd_i: count(columns: i, distinct: false) d_t: count(columns: [t], distinct: true)
    c_it: count(columns: [i, t]) d_it: count(columns: [i, t], distinct: true) d_none: count(distinct: true) } } }');
SELECT graphql.resolve('{ agg_value_aggregate { aggregate { all: count c_i: count(columns: i) d_i: count(columns: i, distinct: true)
    d_t: count(columns: [t], distinct: true) c_it: count(columns: [i, t]) d_it: count(columns: [i, t], distinct: true) } } }')::jsonb
     -> 'data' -> 'agg_value_aggregate' -> 'aggregate'
     = (SELECT jsonb_build_object('all', count(*), 'c_i', count(i), 'd_i', count(DISTINCT i), 'd_t', count(DISTINCT t),
                                  'c_it', count((i, t)), 'd_it', count(DISTINCT (i, t))) FROM agg_value) AS counts_as_sql;
-- count from variables
SELECT graphql.resolve('query ($c: [agg_value_select_column!], $d: Boolean) { agg_value_aggregate { aggregate { count(columns: $c, distinct: $d) } } }',
                       '{"c": "t", "d": true}');
-- an empty table, and a filter that matches nothing: count 0, every other aggregate null, no nodes
SELECT graphql.resolve('{ agg_none_aggregate { aggregate { count c: count(columns: [i], distinct: true) sum { i n } avg { i n }
    max { i n t } min { t } stddev { i } var_samp { n } } nodes { id } } }');
SELECT graphql.resolve('{ agg_value_aggregate(where: {i: {_gt: 1000}}) { aggregate { count sum { b n } avg { f } max { t d } variance { r } } nodes { id } } }');
-- one row: the sample statistics are null, the population ones 0
SELECT graphql.resolve('{ agg_value_aggregate(where: {id: {_eq: 1}}) { aggregate { count stddev { i } stddev_pop { i f } stddev_samp { i }
    var_pop { n } var_samp { n } variance { n } avg { i } sum { b } } } }');
-- only NULLs: count(columns) 0, sum null
SELECT graphql.resolve('{ agg_value_aggregate(where: {i: {_is_null: true}}) { aggregate { count c: count(columns: i) sum { i } max { i } } } }');
-- aggregates follow where, and distinct_on / order_by / limit (the rows left after them)
SELECT graphql.resolve('{ agg_value_aggregate(where: {t: {_in: ["apple", "fig"]}}) { aggregate { count sum { i n } max { t } } } }')::jsonb
       -> 'data' -> 'agg_value_aggregate' -> 'aggregate'
     = (SELECT jsonb_build_object('count', count(*), 'sum', jsonb_build_object('i', sum(i), 'n', sum(n)), 'max', jsonb_build_object('t', max(t)))
        FROM agg_value WHERE t IN ('apple', 'fig')) AS where_as_sql,
       graphql.resolve('{ agg_value_aggregate(distinct_on: i, order_by: [{i: asc}, {id: desc}]) { aggregate { count sum { i n } } nodes { id } } }')::jsonb
       -> 'data' -> 'agg_value_aggregate'
     = (SELECT jsonb_build_object('aggregate', jsonb_build_object('count', count(*), 'sum', jsonb_build_object('i', sum(i), 'n', sum(n))),
                                  'nodes', jsonb_agg(jsonb_build_object('id', id) ORDER BY i ASC NULLS LAST, id DESC))
        FROM (SELECT DISTINCT ON (i) * FROM agg_value ORDER BY i ASC NULLS LAST, id DESC) AS d) AS distinct_on_as_sql,
       graphql.resolve('{ agg_value_aggregate(order_by: {f: desc_nulls_last}, limit: 3) { aggregate { count avg { f } min { f } } } }')::jsonb
       -> 'data' -> 'agg_value_aggregate' -> 'aggregate'
     = (SELECT jsonb_build_object('count', count(*), 'avg', jsonb_build_object('f', avg(f)), 'min', jsonb_build_object('f', min(f)))
        FROM (SELECT * FROM agg_value ORDER BY f DESC NULLS LAST LIMIT 3) AS d) AS limit_as_sql;
-- nodes: rows like the list field's, with order_by and relationships; aliases and __typename anywhere
SELECT graphql.resolve('{ agg_value_aggregate(where: {group_id: {_is_null: false}}, order_by: {id: desc}) { __typename
    aggregate { __typename n: count total: sum { __typename i } } nodes { __typename id group { name } } } }');
SELECT graphql.resolve('{ agg_value_aggregate(order_by: {id: asc}) { nodes { id i t } } }')::jsonb -> 'data' -> 'agg_value_aggregate' -> 'nodes'
     = graphql.resolve('{ agg_value(order_by: {id: asc}) { id i t } }')::jsonb -> 'data' -> 'agg_value' AS nodes_as_list;
-- the same aggregate twice under different aliases and arguments
SELECT graphql.resolve('{ one: agg_value_aggregate(where: {group_id: {_eq: 1}}) { aggregate { count } }
                          two: agg_value_aggregate(where: {group_id: {_eq: 2}}) { aggregate { count max { n } } } }');
-- relationship aggregates: per parent (group 3 has no rows), against SQL
SELECT graphql.resolve('{ agg_group(order_by: {id: asc}) { name agg_value_aggregate { aggregate { count sum { b } avg { i } max { t } min { d } } } } }');
SELECT graphql.resolve('{ agg_group(order_by: {id: asc}) { id agg_value_aggregate { aggregate { count c: count(columns: t, distinct: true)
    sum { i s b n f r } avg { n f } max { t d } stddev_samp { i } var_pop { f } } } } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('agg_group', (SELECT jsonb_agg(jsonb_build_object('id', g.id,
         'agg_value_aggregate', (SELECT jsonb_build_object('aggregate', jsonb_build_object('count', count(*), 'c', count(DISTINCT v.t),
            'sum', jsonb_build_object('i', sum(v.i), 's', sum(v.s), 'b', sum(v.b), 'n', sum(v.n), 'f', sum(v.f), 'r', sum(v.r)),
            'avg', jsonb_build_object('n', avg(v.n), 'f', avg(v.f)::float8), 'max', jsonb_build_object('t', max(v.t), 'd', max(v.d)),
            'stddev_samp', jsonb_build_object('i', stddev_samp(v.i)::float8), 'var_pop', jsonb_build_object('f', var_pop(v.f)::float8)))
          FROM agg_value v WHERE v.group_id = g.id)) ORDER BY g.id)
       FROM agg_group g))) AS per_group_as_sql;
-- bigint and numeric values as strings with graphql.stringify_numeric_types (count stays an Int)
SET graphql.stringify_numeric_types = on;
SELECT graphql.resolve('{ agg_value_aggregate { aggregate { count sum { i b n } max { b n f } min { b } } } }');
RESET graphql.stringify_numeric_types;
-- aggregate fields that do not exist: sum over text, avg over a date, count of an unknown column
SELECT graphql.resolve('{ agg_value_aggregate { aggregate { sum { t } } } }')::jsonb -> 'errors' -> 0 ->> 'message' AS sum_text,
       graphql.resolve('{ agg_value_aggregate { aggregate { avg { d } } } }')::jsonb -> 'errors' -> 0 ->> 'message' AS avg_date,
       graphql.resolve('{ agg_value_aggregate { aggregate { count(columns: nope) } } }')::jsonb -> 'errors' -> 0 ->> 'message' AS unknown_column;
-- an aggregate field with no aggregate in its selection is still one object
SELECT graphql.resolve('{ a: agg_value_aggregate { __typename } b: agg_none_aggregate { __typename } c: agg_group(order_by: {id: asc}) { id agg_value_aggregate { __typename aggregate @skip(if: true) { count } } } }')::jsonb;
DROP FUNCTION agg_numeric_ops(text, text);
DROP TABLE agg_value, agg_group, agg_none;
DROP EXTENSION graphql;
