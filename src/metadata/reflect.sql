/* graphql--0.1.0.sql, part 3: what reflection reads of the metadata (src/metadata/reflect.sql) */

/*
 * The reflect_* views: the consistent part of the metadata, names resolved to
 * OIDs.  An object whose table, column, function or constraint is missing
 * (dropped after it was tracked) is left out; get_inconsistent_metadata
 * (src/metadata/api.sql) reports it.  The views run with their owner's
 * rights, so every role can read them; reflect_permissions and
 * reflect_function_permissions show a non-admin role only its own rows.
 *
 * The helper functions below read pg_catalog only (they are called with the
 * caller's rights).
 */

-- A Hasura table reference ("name", or {"schema", "name"}; schema public by
-- default) as a relation OID; NULL when it is malformed or no such relation
-- exists.
CREATE FUNCTION graphql._table_oid(ref jsonb)
RETURNS oid
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT c.oid
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p')
    AND n.nspname = CASE jsonb_typeof(ref) WHEN 'string' THEN 'public'
                         WHEN 'object' THEN coalesce(ref ->> 'schema', 'public') END
    AND c.relname = CASE jsonb_typeof(ref) WHEN 'string' THEN ref #>> '{}'
                         WHEN 'object' THEN ref ->> 'name' END
$$;
COMMENT ON FUNCTION graphql._table_oid(jsonb) IS
'Internal: a Hasura table reference ("name" or {"schema", "name"}) as a relation OID, NULL when missing';

-- A Hasura function reference ("name" or {"schema", "name"}) as a function
-- OID; NULL when it is malformed, missing or overloaded.
CREATE FUNCTION graphql._function_oid(ref jsonb)
RETURNS oid
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN count(*) = 1 THEN min(p.oid) END
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE p.prokind = 'f'
    AND n.nspname = CASE jsonb_typeof(ref) WHEN 'string' THEN 'public'
                         WHEN 'object' THEN coalesce(ref ->> 'schema', 'public') END
    AND p.proname = CASE jsonb_typeof(ref) WHEN 'string' THEN ref #>> '{}'
                         WHEN 'object' THEN ref ->> 'name' END
$$;
COMMENT ON FUNCTION graphql._function_oid(jsonb) IS
'Internal: a Hasura function reference ("name" or {"schema", "name"}) as a function OID, NULL when missing or overloaded';

-- A column list given as "col" or ["c1", "c2"] as name[]; NULL when it is
-- neither (or empty).
CREATE FUNCTION graphql._column_list(cols jsonb)
RETURNS name[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE jsonb_typeof(cols)
           WHEN 'string' THEN ARRAY[(cols #>> '{}')::name]
           WHEN 'array' THEN
             (SELECT CASE WHEN count(*) > 0 AND bool_and(jsonb_typeof(e) = 'string')
                          THEN array_agg((e #>> '{}')::name ORDER BY i) END
              FROM jsonb_array_elements(cols) WITH ORDINALITY AS x(e, i))
         END
$$;
COMMENT ON FUNCTION graphql._column_list(jsonb) IS
'Internal: a column list given as "col" or ["c1", ...] as name[]; NULL when malformed';

-- Whether every column of cols exists in relation relid.
CREATE FUNCTION graphql._columns_exist(relid oid, cols name[])
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT cols IS NOT NULL AND NOT EXISTS (
    SELECT FROM unnest(cols) AS c(col)
    WHERE NOT EXISTS (SELECT FROM pg_attribute a
                      WHERE a.attrelid = relid AND a.attname = c.col
                        AND a.attnum > 0 AND NOT a.attisdropped))
$$;
COMMENT ON FUNCTION graphql._columns_exist(oid, name[]) IS
'Internal: whether every column of cols exists in the relation';

-- The foreign key of relation fk_rel over exactly the columns cols (any
-- order), referencing ref_rel when that is not NULL: the referenced relation
-- and, for each column of cols in its order, the referenced column.  The
-- lowest constraint OID wins when several match; no row when none does.
CREATE FUNCTION graphql._foreign_key(fk_rel oid, cols name[], ref_rel oid,
                                     OUT referenced oid, OUT referenced_columns name[])
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT k.confrelid,
         (SELECT array_agg(ra.attname ORDER BY c.i)
          FROM unnest(cols) WITH ORDINALITY AS c(col, i)
          JOIN pg_attribute la ON la.attrelid = k.conrelid AND la.attname = c.col
          JOIN LATERAL generate_subscripts(k.conkey, 1) AS s(j) ON k.conkey[s.j] = la.attnum
          JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[s.j])
  FROM pg_constraint k
  WHERE k.contype = 'f' AND k.conrelid = fk_rel
    AND (ref_rel IS NULL OR k.confrelid = ref_rel)
    AND cardinality(k.conkey) = cardinality(cols)
    AND cardinality(cols) = (SELECT count(DISTINCT x) FROM unnest(cols) AS x)
    AND (SELECT array_agg(a.attname ORDER BY a.attname)
         FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey))
        = (SELECT array_agg(x ORDER BY x) FROM unnest(cols) AS x)
  ORDER BY k.oid
  LIMIT 1
$$;
COMMENT ON FUNCTION graphql._foreign_key(oid, name[], oid) IS
'Internal: the foreign key of a relation over exactly the given columns (optionally referencing a given relation), with the referenced columns in the order of the given ones';

-- A relationship's "using" object resolved against the catalog: the target
-- relation and the join columns (source.source_columns[i] =
-- target.target_columns[i]); no row when it cannot be resolved.
CREATE FUNCTION graphql._resolve_relationship(relid oid, kind text, def jsonb,
                                              OUT target oid, OUT source_columns name[],
                                              OUT target_columns name[])
RETURNS SETOF record
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  fk jsonb := def -> 'foreign_key_constraint_on';
  manual jsonb := def -> 'manual_configuration';
  cols name[];
  remote oid;
  k record;
BEGIN
  IF fk IS NOT NULL AND manual IS NULL THEN
    IF jsonb_typeof(fk) IN ('string', 'array') THEN
      -- this table's foreign key (object relationships only)
      cols := graphql._column_list(fk);
      IF kind <> 'object' OR NOT graphql._columns_exist(relid, cols) THEN
        RETURN;
      END IF;
      SELECT * INTO k FROM graphql._foreign_key(relid, cols, NULL);
      IF FOUND THEN
        target := k.referenced; source_columns := cols; target_columns := k.referenced_columns;
        RETURN NEXT;
      END IF;
    ELSIF jsonb_typeof(fk) = 'object' THEN
      -- the remote table's foreign key referencing this one
      remote := graphql._table_oid(fk -> 'table');
      cols := graphql._column_list(coalesce(fk -> 'columns', fk -> 'column'));
      IF remote IS NULL OR (fk ? 'columns' AND fk ? 'column')
         OR NOT graphql._columns_exist(remote, cols) THEN
        RETURN;
      END IF;
      SELECT * INTO k FROM graphql._foreign_key(remote, cols, relid);
      IF FOUND THEN
        target := remote; source_columns := k.referenced_columns; target_columns := cols;
        RETURN NEXT;
      END IF;
    END IF;
  ELSIF manual IS NOT NULL AND fk IS NULL AND jsonb_typeof(manual) = 'object'
        AND jsonb_typeof(manual -> 'column_mapping') = 'object' THEN
    remote := graphql._table_oid(manual -> 'remote_table');
    IF remote IS NULL OR manual -> 'column_mapping' = '{}'
       OR EXISTS (SELECT FROM jsonb_each(manual -> 'column_mapping') AS m(key, value)
                  WHERE jsonb_typeof(m.value) <> 'string') THEN
      RETURN;
    END IF;
    SELECT array_agg(m.key::name ORDER BY m.key), array_agg((m.value #>> '{}')::name ORDER BY m.key)
      INTO source_columns, target_columns
    FROM jsonb_each(manual -> 'column_mapping') AS m(key, value);
    IF graphql._columns_exist(relid, source_columns)
       AND graphql._columns_exist(remote, target_columns) THEN
      target := remote;
      RETURN NEXT;
    END IF;
  END IF;
END;
$$;
COMMENT ON FUNCTION graphql._resolve_relationship(oid, text, jsonb) IS
'Internal: a relationship definition (foreign_key_constraint_on in all its forms, manual_configuration) resolved to its target relation and join columns; no row when inconsistent';

-- A Hasura custom_root_fields object with every value normalised to the name
-- string ({"name": ..., "comment": ...} → its name; null and empty dropped).
CREATE FUNCTION graphql._root_field_names(fields jsonb)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(jsonb_object_agg(f.key, f.name), '{}')
  FROM (SELECT e.key, CASE jsonb_typeof(e.value) WHEN 'string' THEN e.value
                           WHEN 'object' THEN e.value -> 'name' END AS name
        FROM jsonb_each(CASE jsonb_typeof(fields) WHEN 'object' THEN fields ELSE '{}' END) AS e) AS f
  WHERE jsonb_typeof(f.name) = 'string' AND f.name #>> '{}' <> ''
$$;
COMMENT ON FUNCTION graphql._root_field_names(jsonb) IS
'Internal: custom_root_fields with {"name", "comment"} values normalised to the name';

-- A permission's column list ("*" or [...]) as name[] in the given order
-- ("*": every column in attnum order); NULL when a column is missing or the
-- list is malformed.
CREATE FUNCTION graphql._permission_columns(relid oid, cols jsonb)
RETURNS name[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE
    WHEN cols = '"*"' THEN
      (SELECT coalesce(array_agg(a.attname ORDER BY a.attnum), '{}')
       FROM pg_attribute a WHERE a.attrelid = relid AND a.attnum > 0 AND NOT a.attisdropped)
    WHEN cols = '[]' THEN '{}'::name[]
    WHEN jsonb_typeof(cols) = 'array' AND graphql._columns_exist(relid, graphql._column_list(cols))
      THEN graphql._column_list(cols)
  END
$$;
COMMENT ON FUNCTION graphql._permission_columns(oid, jsonb) IS
'Internal: a permission column list ("*" or [...]) as name[]; NULL when a column is missing';

-- A jsonb array of strings as text[]; NULL unless it is one.
CREATE FUNCTION graphql._text_array(a jsonb)
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN jsonb_typeof(a) = 'array' THEN
    (SELECT CASE WHEN bool_and(jsonb_typeof(e) = 'string') IS NOT false
                 THEN coalesce(array_agg(e #>> '{}' ORDER BY i), '{}') END
     FROM jsonb_array_elements(a) WITH ORDINALITY AS x(e, i)) END
$$;
COMMENT ON FUNCTION graphql._text_array(jsonb) IS
'Internal: a JSON array of strings as text[]; NULL otherwise';

-- A JSON boolean as boolean; NULL for anything else.
CREATE FUNCTION graphql._boolean(b jsonb)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN jsonb_typeof(b) = 'boolean' THEN b::boolean END $$;
COMMENT ON FUNCTION graphql._boolean(jsonb) IS
'Internal: a JSON boolean as boolean; NULL otherwise';

CREATE VIEW graphql.reflect_tables AS
SELECT c.oid AS relid,
       nullif(t.configuration ->> 'custom_name', '') AS custom_name,
       graphql._root_field_names(t.configuration -> 'custom_root_fields') AS custom_root_fields,
       (SELECT coalesce(jsonb_object_agg(a.attname, n.name), '{}')
        FROM pg_attribute a
        CROSS JOIN LATERAL (
          SELECT coalesce(
                   CASE WHEN jsonb_typeof(t.configuration #> ARRAY['column_config', a.attname::text, 'custom_name']) = 'string'
                        THEN t.configuration #> ARRAY['column_config', a.attname::text, 'custom_name'] END,
                   CASE WHEN jsonb_typeof(t.configuration #> ARRAY['custom_column_names', a.attname::text]) = 'string'
                        THEN t.configuration #> ARRAY['custom_column_names', a.attname::text] END) AS name) AS n
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND n.name IS NOT NULL
          AND n.name #>> '{}' <> '') AS column_names,
       t.is_enum,
       t.position
FROM graphql.metadata_table t
JOIN pg_namespace ns ON ns.nspname = t.table_schema
JOIN pg_class c ON c.relnamespace = ns.oid AND c.relname = t.table_name
WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p');
COMMENT ON VIEW graphql.reflect_tables IS
'Tracked tables and views that exist: custom name, custom root fields (Hasura key -> name), column names (SQL column -> GraphQL name, from column_config and custom_column_names), is_enum';

CREATE VIEW graphql.reflect_relationships AS
SELECT t.relid, r.name, r.kind, x.target, x.source_columns, x.target_columns, r.position
FROM graphql.metadata_relationship r
JOIN graphql.reflect_tables t
  ON t.relid = graphql._table_oid(jsonb_build_object('schema', r.table_schema, 'name', r.table_name))
CROSS JOIN LATERAL graphql._resolve_relationship(t.relid, r.kind, r.definition) AS x
WHERE x.target IN (SELECT relid FROM graphql.reflect_tables);
COMMENT ON VIEW graphql.reflect_relationships IS
'Relationships of tracked tables whose target is tracked and whose columns and foreign key exist: the join is source.source_columns[i] = target.target_columns[i]';

CREATE VIEW graphql.reflect_computed_fields AS
SELECT t.relid, f.name, x.function,
       f.definition ->> 'table_argument' AS table_argument,
       f.definition ->> 'session_argument' AS session_argument,
       f.comment
FROM graphql.metadata_computed_field f
JOIN graphql.reflect_tables t
  ON t.relid = graphql._table_oid(jsonb_build_object('schema', f.table_schema, 'name', f.table_name))
CROSS JOIN LATERAL (SELECT graphql._function_oid(f.definition -> 'function') AS function) AS x
JOIN pg_proc p ON p.oid = x.function
WHERE (NOT f.definition ? 'table_argument'
       OR (f.definition ->> 'table_argument') = ANY (p.proargnames))
  AND (NOT f.definition ? 'session_argument'
       OR (f.definition ->> 'session_argument') = ANY (p.proargnames));
COMMENT ON VIEW graphql.reflect_computed_fields IS
'Computed fields of tracked tables whose function exists (one overload) and has the named table and session arguments';

CREATE VIEW graphql.reflect_functions AS
SELECT x.function,
       nullif(m.configuration ->> 'custom_name', '') AS custom_name,
       graphql._root_field_names(m.configuration -> 'custom_root_fields') AS custom_root_fields,
       m.configuration ->> 'session_argument' AS session_argument,
       CASE WHEN m.configuration ->> 'exposed_as' IN ('query', 'mutation')
            THEN m.configuration ->> 'exposed_as' END AS exposed_as,
       m.position
FROM graphql.metadata_function m
CROSS JOIN LATERAL (SELECT graphql._function_oid(
    jsonb_build_object('schema', m.function_schema, 'name', m.function_name)) AS function) AS x
JOIN pg_proc p ON p.oid = x.function
WHERE NOT m.configuration ? 'session_argument'
   OR (m.configuration ->> 'session_argument') = ANY (p.proargnames);
COMMENT ON VIEW graphql.reflect_functions IS
'Tracked functions that exist and are not overloaded: custom name, custom root fields (function, function_aggregate -> name), session argument, exposed_as (query, mutation or NULL)';

CREATE VIEW graphql.reflect_permissions AS
SELECT t.relid, p.role, p.kind, x.columns,
       CASE WHEN p.kind <> 'insert' THEN coalesce(nullif(p.permission -> 'filter', 'null'), '{}') END AS filter,
       CASE WHEN p.kind IN ('insert', 'update') THEN coalesce(nullif(p.permission -> 'check', 'null'), '{}') END AS "check",
       CASE WHEN p.kind IN ('insert', 'update') THEN coalesce(nullif(p.permission -> 'set', 'null'), '{}') END AS preset,
       CASE WHEN p.kind = 'select' AND jsonb_typeof(p.permission -> 'limit') = 'number'
                 AND (p.permission ->> 'limit')::numeric BETWEEN 0 AND 2147483647
            THEN (p.permission ->> 'limit')::numeric::integer END AS row_limit,
       CASE WHEN p.kind = 'select' THEN coalesce(graphql._boolean(p.permission -> 'allow_aggregations'), false) END AS allow_aggregations,
       CASE WHEN p.kind = 'select' THEN coalesce(graphql._text_array(p.permission -> 'computed_fields'), '{}') END AS computed_fields,
       CASE WHEN p.kind = 'select' THEN graphql._text_array(p.permission -> 'query_root_fields') END AS query_root_fields,
       CASE WHEN p.kind = 'select' THEN graphql._text_array(p.permission -> 'subscription_root_fields') END AS subscription_root_fields,
       coalesce(graphql._boolean(p.permission -> 'backend_only'), false) AS backend_only
FROM graphql.metadata_permission p
JOIN graphql.reflect_tables t
  ON t.relid = graphql._table_oid(jsonb_build_object('schema', p.table_schema, 'name', p.table_name))
CROSS JOIN LATERAL (
  SELECT CASE WHEN p.kind = 'delete' THEN NULL
              WHEN p.kind IN ('insert', 'update') AND NOT p.permission ? 'columns'
                THEN graphql._permission_columns(t.relid, '"*"')
              ELSE graphql._permission_columns(t.relid, p.permission -> 'columns') END AS columns) AS x
WHERE (p.role = current_user OR graphql.is_admin())
  AND (p.kind = 'delete' OR x.columns IS NOT NULL);
COMMENT ON VIEW graphql.reflect_permissions IS
'Permissions on tracked tables whose columns exist (a non-admin role sees only its own): columns expanded ("*" = all in attnum order; insert/update without columns = all; NULL for delete); filter (select/update/delete), check and preset (insert/update) default {}, NULL where the kind has none; row_limit, allow_aggregations, computed_fields, query/subscription_root_fields (NULL = all) for select';

CREATE VIEW graphql.reflect_function_permissions AS
SELECT f.function, fp.role
FROM graphql.metadata_function_permission fp
JOIN graphql.reflect_functions f
  ON f.function = graphql._function_oid(jsonb_build_object('schema', fp.function_schema, 'name', fp.function_name))
WHERE fp.role = current_user OR graphql.is_admin();
COMMENT ON VIEW graphql.reflect_function_permissions IS
'Roles allowed to call a tracked function (a non-admin role sees only its own rows)';

GRANT SELECT ON graphql.reflect_tables, graphql.reflect_relationships,
    graphql.reflect_computed_fields, graphql.reflect_functions,
    graphql.reflect_permissions, graphql.reflect_function_permissions TO PUBLIC;
