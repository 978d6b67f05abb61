/* graphql--0.1.0.sql, part 4: the metadata API (src/metadata/api.sql) */

/*
 * graphql.metadata(request jsonb): Hasura v2's /v1/metadata API over the
 * metadata tables of src/metadata/catalog.sql.  Every error is raised with
 * SQLSTATE GQ100, Hasura's error text as MESSAGE and Hasura's error body
 * ({"path", "error", "code"}) as JSON in DETAIL (doc/metadata.md).
 *
 * The internal functions graphql._meta_* do the work; they are not callable
 * by PUBLIC.  Each command handler takes its "args" object and the JSON path
 * of it (for error paths); handlers that create objects also take "strict":
 * false when replace_metadata loads a document, which checks the shape of
 * each object but lets objects that name missing tables, columns or
 * functions in (they become inconsistent objects).
 *
 * What a request changed is noted in two transaction-local settings,
 * graphql_meta.changed and graphql_meta.touched (the tables whose policies
 * and GRANTs must be rebuilt); a failed command of bulk_keep_going rolls its
 * notes back with its subtransaction.
 *
 * Positions (the order of the document) are max + 1, not the identity
 * sequences' values: pg_dump keeps the rows of the metadata tables but not
 * the sequences of an extension, so after a restore the sequences would
 * start again at 1.  The lock on the state row serialises writers.
 */

-- ------------------------------------------------------------------ helpers

CREATE FUNCTION graphql._meta_error(code text, message text, path text, internal jsonb DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'GQ100', MESSAGE = message,
    DETAIL = (jsonb_build_object('path', path, 'error', message, 'code', code)
              || CASE WHEN internal IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('internal', internal) END)::text;
END;
$$;
COMMENT ON FUNCTION graphql._meta_error(text, text, text, jsonb) IS
'Internal: raises a metadata API error (SQLSTATE GQ100, DETAIL = Hasura''s error body)';

-- The name Hasura shows for a table or function: name in schema public,
-- schema.name elsewhere.
CREATE FUNCTION graphql._meta_qname(schema name, name name)
RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN schema = 'public' THEN name::text ELSE schema || '.' || name END $$;
COMMENT ON FUNCTION graphql._meta_qname(name, name) IS
'Internal: a table or function name as Hasura shows it (schema. omitted for public)';

-- A JSON value's type as Hasura's parser names it.
CREATE FUNCTION graphql._meta_jtype(v jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT coalesce(initcap(jsonb_typeof(v)), 'nothing') $$;
COMMENT ON FUNCTION graphql._meta_jtype(jsonb) IS
'Internal: the JSON type of a value as Hasura''s parse errors name it (Object, Array, String, ...)';

-- Raises parse-failed unless v is of JSON type want.
CREATE FUNCTION graphql._meta_expect(v jsonb, want text, path text)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF v IS NULL THEN
    PERFORM graphql._meta_error('parse-failed',
      format('key %s not found', to_jsonb(regexp_replace(path, '^.*\.', ''))), regexp_replace(path, '\.[^.]*$', ''));
  ELSIF jsonb_typeof(v) <> want THEN
    PERFORM graphql._meta_error('parse-failed',
      format('expected %s, but encountered %s', initcap(want), graphql._meta_jtype(v)), path);
  END IF;
  RETURN v;
END;
$$;
COMMENT ON FUNCTION graphql._meta_expect(jsonb, text, text) IS
'Internal: the value when it has the JSON type wanted, else a parse-failed error at path (key not found when missing)';

-- Only the source "default" exists.
CREATE FUNCTION graphql._meta_check_source(args jsonb, path text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF args ? 'source' AND args -> 'source' <> '"default"' THEN
    PERFORM graphql._meta_error('not-exists',
      format('source with name %s does not exist', args ->> 'source'), path || '.source');
  END IF;
END;
$$;
COMMENT ON FUNCTION graphql._meta_check_source(jsonb, text) IS
'Internal: raises not-exists unless the source argument is absent or "default"';

-- A table or function reference ("name" or {"schema", "name"}).
CREATE FUNCTION graphql._meta_ref(ref jsonb, path text, OUT schema name, OUT name name)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF jsonb_typeof(ref) = 'string' AND ref #>> '{}' <> '' THEN
    schema := 'public';
    name := ref #>> '{}';
  ELSIF jsonb_typeof(ref) = 'object' AND jsonb_typeof(ref -> 'name') = 'string'
        AND coalesce(jsonb_typeof(ref -> 'schema'), 'string') = 'string' THEN
    schema := coalesce(ref ->> 'schema', 'public');
    name := ref ->> 'name';
  ELSIF ref IS NULL THEN
    PERFORM graphql._meta_expect(ref, 'object', path);
  ELSE
    PERFORM graphql._meta_error('parse-failed',
      format('expected a name (String) or an Object with "schema" and "name", but encountered %s',
             graphql._meta_jtype(ref)), path);
  END IF;
END;
$$;
COMMENT ON FUNCTION graphql._meta_ref(jsonb, text) IS
'Internal: a table or function reference ("name" or {"schema", "name"}) as schema and name, parse-failed when malformed';

-- The "table" argument of a command (legacy: {"schema", "name"} at the top).
CREATE FUNCTION graphql._meta_table_arg(args jsonb, path text, legacy boolean DEFAULT false,
                                       OUT schema name, OUT name name)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM graphql._meta_expect(args, 'object', path);
  PERFORM graphql._meta_check_source(args, path);
  IF NOT args ? 'table' AND legacy AND args ? 'name' THEN
    SELECT r.schema, r.name INTO schema, name
    FROM graphql._meta_ref(jsonb_build_object('schema', coalesce(args -> 'schema', '"public"'), 'name', args -> 'name'), path) AS r;
  ELSE
    SELECT r.schema, r.name INTO schema, name FROM graphql._meta_ref(args -> 'table', path || '.table') AS r;
  END IF;
END;
$$;
COMMENT ON FUNCTION graphql._meta_table_arg(jsonb, text, boolean) IS
'Internal: the table a command names ("table", or legacy "schema" + "name")';

CREATE FUNCTION graphql._meta_relid(schema name, name name)
RETURNS oid
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT graphql._table_oid(jsonb_build_object('schema', schema, 'name', name)) $$;
COMMENT ON FUNCTION graphql._meta_relid(name, name) IS
'Internal: the OID of a table, view, materialized view or foreign table; NULL when missing';

-- Raises not-exists unless the table is tracked.
CREATE FUNCTION graphql._meta_need_tracked(schema name, name name, path text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM graphql.metadata_table t WHERE t.table_schema = schema AND t.table_name = name) THEN
    PERFORM graphql._meta_error('not-exists',
      format('table %s does not exist in source: default', to_jsonb(graphql._meta_qname(schema, name))), path);
  END IF;
END;
$$;
COMMENT ON FUNCTION graphql._meta_need_tracked(name, name, text) IS
'Internal: raises not-exists unless the table is tracked';

-- Notes that a table's permissions must be rebuilt when the request ends.
CREATE FUNCTION graphql._meta_touch(schema name, name name)
RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT set_config('graphql_meta.touched',
    (coalesce(nullif(current_setting('graphql_meta.touched', true), ''), '[]')::jsonb
     || jsonb_build_array(jsonb_build_array(schema, name)))::text, true)
$$;
COMMENT ON FUNCTION graphql._meta_touch(name, name) IS
'Internal: notes a table whose RLS policies and GRANTs the current metadata request must rebuild';

-- Raises unless the column exists in the relation.
CREATE FUNCTION graphql._meta_need_column(relid oid, col text, path text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT graphql._columns_exist(relid, ARRAY[col::name]) THEN
    PERFORM graphql._meta_error('not-exists',
      format('column %s does not exist in table %s', to_jsonb(col),
             (SELECT to_jsonb(graphql._meta_qname(n.nspname, c.relname))
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = relid)), path);
  END IF;
END;
$$;
COMMENT ON FUNCTION graphql._meta_need_column(oid, text, text) IS
'Internal: raises not-exists unless the column exists';

-- Raises already-exists when name is taken by a column, relationship or
-- computed field of the table.
CREATE FUNCTION graphql._meta_need_free_field(schema name, tname name, field text, path text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  relid oid := graphql._meta_relid(schema, tname);
  what text;
BEGIN
  IF relid IS NOT NULL AND graphql._columns_exist(relid, ARRAY[field::name]) THEN
    what := 'column';
  ELSIF EXISTS (SELECT FROM graphql.metadata_relationship r
                WHERE r.table_schema = schema AND r.table_name = tname AND r.name = field) THEN
    what := 'relationship';
  ELSIF EXISTS (SELECT FROM graphql.metadata_computed_field f
                WHERE f.table_schema = schema AND f.table_name = tname AND f.name = field) THEN
    what := 'computed field';
  END IF;
  IF what IS NOT NULL THEN
    PERFORM graphql._meta_error('already-exists',
      format('field with name %s already exists in table %s (a %s)', to_jsonb(field),
             to_jsonb(graphql._meta_qname(schema, tname)), what), path);
  END IF;
END;
$$;
COMMENT ON FUNCTION graphql._meta_need_free_field(name, name, text, text) IS
'Internal: raises already-exists when a column, relationship or computed field of the table has the name';

-- A GraphQL name (for relationship and computed field names).
CREATE FUNCTION graphql._meta_need_name(v jsonb, path text)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM graphql._meta_expect(v, 'string', path);
  IF (v #>> '{}') !~ '^[_A-Za-z][_0-9A-Za-z]*$' THEN
    PERFORM graphql._meta_error('parse-failed',
      format('%s is not a valid GraphQL name', v), path);
  END IF;
  RETURN v #>> '{}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_need_name(jsonb, text) IS
'Internal: the string when it is a valid GraphQL name, else parse-failed';

-- ------------------------------------------------------------------ tables

-- Checks a table configuration (custom_name, custom_root_fields,
-- column_config, custom_column_names, comment); with relid, that the columns
-- it names exist.
CREATE FUNCTION graphql._meta_check_configuration(conf jsonb, path text, relid oid)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  e record;
BEGIN
  IF conf IS NULL OR conf = 'null' THEN
    RETURN '{}';
  END IF;
  PERFORM graphql._meta_expect(conf, 'object', path);
  IF coalesce(jsonb_typeof(conf -> 'custom_name'), 'null') NOT IN ('null', 'string') THEN
    PERFORM graphql._meta_expect(conf -> 'custom_name', 'string', path || '.custom_name');
  END IF;
  IF conf ->> 'custom_name' IS NOT NULL THEN
    PERFORM graphql._meta_need_name(conf -> 'custom_name', path || '.custom_name');
  END IF;
  IF conf ? 'custom_root_fields' THEN
    PERFORM graphql._meta_expect(conf -> 'custom_root_fields', 'object', path || '.custom_root_fields');
    FOR e IN SELECT * FROM jsonb_each(conf -> 'custom_root_fields') LOOP
      IF e.key NOT IN ('select', 'select_by_pk', 'select_aggregate', 'select_stream', 'insert',
                       'insert_one', 'update', 'update_by_pk', 'update_many', 'delete', 'delete_by_pk') THEN
        PERFORM graphql._meta_error('parse-failed', format('unexpected custom root field %s', to_jsonb(e.key)),
                                    path || '.custom_root_fields');
      END IF;
      IF jsonb_typeof(e.value) = 'object' THEN
        IF e.value ->> 'name' IS NOT NULL THEN
          PERFORM graphql._meta_need_name(e.value -> 'name', path || '.custom_root_fields.' || e.key || '.name');
        END IF;
      ELSIF jsonb_typeof(e.value) = 'string' THEN
        PERFORM graphql._meta_need_name(e.value, path || '.custom_root_fields.' || e.key);
      ELSIF jsonb_typeof(e.value) <> 'null' THEN
        PERFORM graphql._meta_expect(e.value, 'string', path || '.custom_root_fields.' || e.key);
      END IF;
    END LOOP;
  END IF;
  IF conf ? 'custom_column_names' THEN
    PERFORM graphql._meta_expect(conf -> 'custom_column_names', 'object', path || '.custom_column_names');
    FOR e IN SELECT * FROM jsonb_each(conf -> 'custom_column_names') LOOP
      PERFORM graphql._meta_need_name(e.value, path || '.custom_column_names.' || e.key);
      IF relid IS NOT NULL THEN
        PERFORM graphql._meta_need_column(relid, e.key, path || '.custom_column_names.' || e.key);
      END IF;
    END LOOP;
  END IF;
  IF conf ? 'column_config' THEN
    PERFORM graphql._meta_expect(conf -> 'column_config', 'object', path || '.column_config');
    FOR e IN SELECT * FROM jsonb_each(conf -> 'column_config') LOOP
      PERFORM graphql._meta_expect(e.value, 'object', path || '.column_config.' || e.key);
      IF e.value ->> 'custom_name' IS NOT NULL THEN
        PERFORM graphql._meta_need_name(e.value -> 'custom_name', path || '.column_config.' || e.key || '.custom_name');
      END IF;
      IF relid IS NOT NULL THEN
        PERFORM graphql._meta_need_column(relid, e.key, path || '.column_config.' || e.key);
      END IF;
    END LOOP;
  END IF;
  RETURN conf;
END;
$$;
COMMENT ON FUNCTION graphql._meta_check_configuration(jsonb, text, oid) IS
'Internal: checks a table configuration (custom_name, custom_root_fields, column_config, custom_column_names)';

-- Whether a relation can be an enum table (Hasura's rule: a single-column
-- text primary key, at most one other column); the reason when not.
CREATE FUNCTION graphql._meta_enum_problem(relid oid)
RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE
    WHEN k.conkey IS NULL THEN 'the table must have a primary key'
    WHEN cardinality(k.conkey) <> 1 THEN 'the primary key must be a single column'
    WHEN (SELECT atttypid FROM pg_attribute WHERE attrelid = relid AND attnum = k.conkey[1]) <> 'text'::regtype
      THEN 'the primary key column must be of type text'
    WHEN (SELECT count(*) FROM pg_attribute WHERE attrelid = relid AND attnum > 0 AND NOT attisdropped) > 2
      THEN 'the table may have at most one column besides its primary key (a comment)'
  END
  FROM (SELECT (SELECT conkey FROM pg_constraint WHERE conrelid = relid AND contype = 'p') AS conkey) AS k
$$;
COMMENT ON FUNCTION graphql._meta_enum_problem(oid) IS
'Internal: why a table cannot be an enum table (NULL when it can)';

CREATE FUNCTION graphql._meta_track_table(args jsonb, path text, strict boolean DEFAULT true)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  relid oid;
  conf jsonb;
  problem text;
BEGIN
  IF jsonb_typeof(args) = 'string' THEN    -- legacy: the table name alone
    args := jsonb_build_object('table', args);
  END IF;
  SELECT * INTO t FROM graphql._meta_table_arg(args, path, true);
  relid := graphql._meta_relid(t.schema, t.name);
  IF strict AND relid IS NULL THEN
    PERFORM graphql._meta_error('not-exists',
      format('no such table/view exists in source: %s', to_jsonb(graphql._meta_qname(t.schema, t.name))),
      path || CASE WHEN args ? 'table' THEN '.table' ELSE '' END);
  END IF;
  IF EXISTS (SELECT FROM graphql.metadata_table m WHERE m.table_schema = t.schema AND m.table_name = t.name) THEN
    PERFORM graphql._meta_error('already-tracked',
      format('view/table already tracked: %s', to_jsonb(graphql._meta_qname(t.schema, t.name))),
      path || CASE WHEN args ? 'table' THEN '.table' ELSE '' END);
  END IF;
  conf := graphql._meta_check_configuration(args -> 'configuration', path || '.configuration',
                                            CASE WHEN strict THEN relid END);
  IF coalesce(jsonb_typeof(args -> 'is_enum'), 'boolean') <> 'boolean' THEN
    PERFORM graphql._meta_expect(args -> 'is_enum', 'boolean', path || '.is_enum');
  END IF;
  IF strict AND (args -> 'is_enum') = 'true' THEN
    problem := graphql._meta_enum_problem(relid);
    IF problem IS NOT NULL THEN
      PERFORM graphql._meta_error('constraint-violation',
        format('the table %s cannot be used as an enum: %s', to_jsonb(graphql._meta_qname(t.schema, t.name)), problem),
        path || '.is_enum');
    END IF;
  END IF;
  INSERT INTO graphql.metadata_table (table_schema, table_name, configuration, is_enum, position)
  VALUES (t.schema, t.name, conf, coalesce((args -> 'is_enum')::boolean, false),
          (SELECT coalesce(max(position), 0) + 1 FROM graphql.metadata_table));
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_track_table(jsonb, text, boolean) IS
'Internal: pg_track_table';

-- The relationships of other tables whose target is the given table.
CREATE FUNCTION graphql._meta_relationships_to(schema name, tname name)
RETURNS TABLE (table_schema name, table_name name, name text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT r.table_schema, r.table_name, r.name
  FROM graphql.metadata_relationship r
  WHERE (r.table_schema, r.table_name) <> (schema, tname)
    AND (graphql._table_oid(coalesce(r.definition #> '{manual_configuration,remote_table}',
                                     r.definition #> '{foreign_key_constraint_on,table}'))
           = graphql._meta_relid(schema, tname)
         OR EXISTS (SELECT FROM graphql._resolve_relationship(
                       graphql._meta_relid(r.table_schema, r.table_name), r.kind, r.definition) AS x
                    WHERE x.target = graphql._meta_relid(schema, tname)))
  ORDER BY 1, 2, 3
$$;
COMMENT ON FUNCTION graphql._meta_relationships_to(name, name) IS
'Internal: relationships of other tables that lead to the table';

CREATE FUNCTION graphql._meta_untrack_table(args jsonb, path text)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  deps text;
  d record;
BEGIN
  IF jsonb_typeof(args) = 'string' THEN    -- legacy: the table name alone
    args := jsonb_build_object('table', args);
  END IF;
  SELECT * INTO t FROM graphql._meta_table_arg(args, path, true);
  PERFORM graphql._meta_need_tracked(t.schema, t.name, path || CASE WHEN args ? 'table' THEN '.table' ELSE '' END);
  IF coalesce(jsonb_typeof(args -> 'cascade'), 'boolean') <> 'boolean' THEN
    PERFORM graphql._meta_expect(args -> 'cascade', 'boolean', path || '.cascade');
  END IF;
  SELECT string_agg(format('relationship %s.%s', graphql._meta_qname(x.table_schema, x.table_name), x.name), ', ')
    INTO deps FROM graphql._meta_relationships_to(t.schema, t.name) AS x;
  IF deps IS NOT NULL AND coalesce((args -> 'cascade')::boolean, false) IS NOT true THEN
    PERFORM graphql._meta_error('dependency-error',
      format('cannot drop due to the following dependent objects: %s', deps), path);
  END IF;
  FOR d IN SELECT * FROM graphql._meta_relationships_to(t.schema, t.name) LOOP
    DELETE FROM graphql.metadata_relationship r
    WHERE r.table_schema = d.table_schema AND r.table_name = d.table_name AND r.name = d.name;
    PERFORM graphql._meta_touch(d.table_schema, d.table_name);
  END LOOP;
  DELETE FROM graphql.metadata_relationship r WHERE r.table_schema = t.schema AND r.table_name = t.name;
  DELETE FROM graphql.metadata_computed_field f WHERE f.table_schema = t.schema AND f.table_name = t.name;
  DELETE FROM graphql.metadata_permission p WHERE p.table_schema = t.schema AND p.table_name = t.name;
  DELETE FROM graphql.metadata_table m WHERE m.table_schema = t.schema AND m.table_name = t.name;
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_untrack_table(jsonb, text) IS
'Internal: pg_untrack_table (cascade drops relationships of other tables leading to it)';

CREATE FUNCTION graphql._meta_set_table(kind text, args jsonb, path text)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  relid oid;
  problem text;
BEGIN
  SELECT * INTO t FROM graphql._meta_table_arg(args, path);
  PERFORM graphql._meta_need_tracked(t.schema, t.name, path || '.table');
  relid := graphql._meta_relid(t.schema, t.name);
  IF kind = 'customization' THEN
    UPDATE graphql.metadata_table m
    SET configuration = graphql._meta_check_configuration(args -> 'configuration', path || '.configuration', relid)
    WHERE m.table_schema = t.schema AND m.table_name = t.name;
  ELSE
    PERFORM graphql._meta_expect(args -> 'is_enum', 'boolean', path || '.is_enum');
    IF (args -> 'is_enum') = 'true' THEN
      problem := CASE WHEN relid IS NULL THEN 'the table does not exist' ELSE graphql._meta_enum_problem(relid) END;
      IF problem IS NOT NULL THEN
        PERFORM graphql._meta_error('constraint-violation',
          format('the table %s cannot be used as an enum: %s', to_jsonb(graphql._meta_qname(t.schema, t.name)), problem),
          path || '.is_enum');
      END IF;
    END IF;
    UPDATE graphql.metadata_table m SET is_enum = (args -> 'is_enum')::boolean
    WHERE m.table_schema = t.schema AND m.table_name = t.name;
  END IF;
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_set_table(text, jsonb, text) IS
'Internal: pg_set_table_customization (kind customization) and pg_set_table_is_enum (kind is_enum)';

-- ------------------------------------------------------------------ relationships

-- Checks a relationship's "using" object; strict: that it resolves.
CREATE FUNCTION graphql._meta_check_using(kind text, schema name, tname name, def jsonb, path text, strict boolean)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  fk jsonb := def -> 'foreign_key_constraint_on';
  manual jsonb := def -> 'manual_configuration';
  relid oid := graphql._meta_relid(schema, tname);
  remote record;
  remote_oid oid;
  cols name[];
  c text;
  i int;
  x record;
BEGIN
  PERFORM graphql._meta_expect(def, 'object', path);
  IF (fk IS NULL) = (manual IS NULL) THEN
    PERFORM graphql._meta_error('parse-failed',
      'expected exactly one of "foreign_key_constraint_on" and "manual_configuration"', path);
  END IF;
  IF fk IS NOT NULL THEN
    path := path || '.foreign_key_constraint_on';
    IF jsonb_typeof(fk) IN ('string', 'array') THEN
      IF kind = 'array' THEN
        PERFORM graphql._meta_error('parse-failed',
          'an array relationship needs {"table", "column"} (the remote table''s foreign key)', path);
      END IF;
      cols := graphql._column_list(fk);
      IF cols IS NULL THEN
        PERFORM graphql._meta_error('parse-failed', 'expected a column name or a non-empty list of column names', path);
      END IF;
      IF strict THEN
        i := 0;
        FOREACH c IN ARRAY cols LOOP
          PERFORM graphql._meta_need_column(relid, c, path || CASE WHEN jsonb_typeof(fk) = 'array' THEN format('[%s]', i) ELSE '' END);
          i := i + 1;
        END LOOP;
        IF NOT EXISTS (SELECT FROM graphql._foreign_key(relid, cols, NULL)) THEN
          PERFORM graphql._meta_error('constraint-violation',
            format('no foreign key constraint exists on the column(s) %s of table %s',
                   array_to_string(cols, ', '), to_jsonb(graphql._meta_qname(schema, tname))), path);
        END IF;
      END IF;
    ELSIF jsonb_typeof(fk) = 'object' THEN
      SELECT * INTO remote FROM graphql._meta_ref(fk -> 'table', path || '.table');
      IF fk ? 'column' AND fk ? 'columns' THEN
        PERFORM graphql._meta_error('parse-failed', 'expected only one of "column" and "columns"', path);
      END IF;
      cols := graphql._column_list(coalesce(fk -> 'columns', fk -> 'column'));
      IF cols IS NULL THEN
        PERFORM graphql._meta_error('parse-failed', 'expected "column" (a column name) or "columns" (a list)', path);
      END IF;
      IF strict THEN
        PERFORM graphql._meta_need_tracked(remote.schema, remote.name, path || '.table');
        remote_oid := graphql._meta_relid(remote.schema, remote.name);
        FOREACH c IN ARRAY cols LOOP
          PERFORM graphql._meta_need_column(remote_oid, c, path || CASE WHEN fk ? 'columns' THEN '.columns' ELSE '.column' END);
        END LOOP;
        IF NOT EXISTS (SELECT FROM graphql._foreign_key(remote_oid, cols, relid)) THEN
          PERFORM graphql._meta_error('constraint-violation',
            format('no foreign key constraint of table %s on the column(s) %s references table %s',
                   to_jsonb(graphql._meta_qname(remote.schema, remote.name)), array_to_string(cols, ', '),
                   to_jsonb(graphql._meta_qname(schema, tname))), path);
        END IF;
      END IF;
    ELSE
      PERFORM graphql._meta_expect(fk, 'object', path);
    END IF;
  ELSE
    path := path || '.manual_configuration';
    PERFORM graphql._meta_expect(manual, 'object', path);
    SELECT * INTO remote FROM graphql._meta_ref(manual -> 'remote_table', path || '.remote_table');
    PERFORM graphql._meta_expect(manual -> 'column_mapping', 'object', path || '.column_mapping');
    IF manual -> 'column_mapping' = '{}' THEN
      PERFORM graphql._meta_error('parse-failed', 'the column mapping is empty', path || '.column_mapping');
    END IF;
    FOR x IN SELECT * FROM jsonb_each(manual -> 'column_mapping') LOOP
      PERFORM graphql._meta_expect(x.value, 'string', path || '.column_mapping.' || x.key);
    END LOOP;
    IF strict THEN
      PERFORM graphql._meta_need_tracked(remote.schema, remote.name, path || '.remote_table');
      remote_oid := graphql._meta_relid(remote.schema, remote.name);
      FOR x IN SELECT * FROM jsonb_each(manual -> 'column_mapping') LOOP
        PERFORM graphql._meta_need_column(relid, x.key, path || '.column_mapping');
        PERFORM graphql._meta_need_column(remote_oid, x.value #>> '{}', path || '.column_mapping.' || x.key);
      END LOOP;
    END IF;
  END IF;
  RETURN def;
END;
$$;
COMMENT ON FUNCTION graphql._meta_check_using(text, name, name, jsonb, text, boolean) IS
'Internal: checks a relationship definition (foreign_key_constraint_on in every form, manual_configuration)';

CREATE FUNCTION graphql._meta_create_relationship(kind text, args jsonb, path text, strict boolean DEFAULT true)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  rname text;
BEGIN
  SELECT * INTO t FROM graphql._meta_table_arg(args, path);
  rname := graphql._meta_need_name(args -> 'name', path || '.name');
  IF coalesce(jsonb_typeof(args -> 'comment'), 'null') NOT IN ('null', 'string') THEN
    PERFORM graphql._meta_expect(args -> 'comment', 'string', path || '.comment');
  END IF;
  IF strict THEN
    PERFORM graphql._meta_need_tracked(t.schema, t.name, path || '.table');
    PERFORM graphql._meta_need_free_field(t.schema, t.name, rname, path || '.name');
  ELSIF EXISTS (SELECT FROM graphql.metadata_relationship r
                WHERE r.table_schema = t.schema AND r.table_name = t.name AND r.name = rname) THEN
    PERFORM graphql._meta_need_free_field(t.schema, t.name, rname, path || '.name');
  END IF;
  PERFORM graphql._meta_check_using(kind, t.schema, t.name, args -> 'using', path || '.using', strict);
  INSERT INTO graphql.metadata_relationship (table_schema, table_name, name, kind, definition, comment, position)
  VALUES (t.schema, t.name, rname, kind, args -> 'using', args ->> 'comment',
          (SELECT coalesce(max(position), 0) + 1 FROM graphql.metadata_relationship));
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_create_relationship(text, jsonb, text, boolean) IS
'Internal: pg_create_object_relationship and pg_create_array_relationship';

-- A permission's boolean expression on table at_rel with the relationship
-- old_name of table rel renamed to new_name, following relationships, _and,
-- _or, _not and _exists through the tables they lead to.  Renaming to ''
-- (no relationship is so called) tells whether the expression uses it.
CREATE FUNCTION graphql._meta_rename_in_boolexp(expr jsonb, at_rel oid, rel oid,
                                                old_name text, new_name text, depth int DEFAULT 0)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  answer jsonb := '{}';
  k text;
  v jsonb;
  target oid;
BEGIN
  IF depth > 64 OR jsonb_typeof(expr) IS DISTINCT FROM 'object' THEN
    RETURN expr;
  END IF;
  FOR k, v IN SELECT e.key, e.value FROM jsonb_each(expr) AS e LOOP
    IF lower(k) IN ('_and', '_or', '$and', '$or') AND jsonb_typeof(v) = 'array' THEN
      SELECT coalesce(jsonb_agg(graphql._meta_rename_in_boolexp(a.e, at_rel, rel, old_name, new_name, depth + 1)
                                ORDER BY a.n), '[]')
        INTO v FROM jsonb_array_elements(v) WITH ORDINALITY AS a(e, n);
    ELSIF lower(k) IN ('_not', '$not') THEN
      v := graphql._meta_rename_in_boolexp(v, at_rel, rel, old_name, new_name, depth + 1);
    ELSIF k = '_exists' THEN
      target := CASE WHEN jsonb_typeof(v) = 'object' THEN graphql._table_oid(v -> '_table') END;
      IF target IS NOT NULL AND v ? '_where' THEN
        v := jsonb_set(v, '{_where}',
                       graphql._meta_rename_in_boolexp(v -> '_where', target, rel, old_name, new_name, depth + 1));
      END IF;
    ELSE
      SELECT r.target INTO target FROM graphql.reflect_relationships AS r
      WHERE r.relid = at_rel AND r.name = k;
      IF FOUND THEN
        v := graphql._meta_rename_in_boolexp(v, target, rel, old_name, new_name, depth + 1);
        IF at_rel = rel AND k = old_name THEN
          k := new_name;
        END IF;
      END IF;
    END IF;
    answer := answer || jsonb_build_object(k, v);
  END LOOP;
  RETURN answer;
END;
$$;
COMMENT ON FUNCTION graphql._meta_rename_in_boolexp(jsonb, oid, oid, text, text, int) IS
'Internal: a permission filter or check with a relationship renamed (to '''': does it use it)';

-- pg_rename_relationship (new_name given) and pg_drop_relationship.  The
-- permissions (of any table) whose filter or check goes through the
-- relationship follow a rename, as in Hasura; a drop fails with a
-- dependency-error naming them, or drops them too with cascade.
CREATE FUNCTION graphql._meta_change_relationship(args jsonb, path text, rename boolean)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  p record;
  rkey text := CASE WHEN rename THEN 'name' ELSE 'relationship' END;
  rname text;
  new_name text := '';
  rel oid;
  deps text[] := '{}';
  changed jsonb;
BEGIN
  SELECT * INTO t FROM graphql._meta_table_arg(args, path);
  rname := graphql._meta_expect(args -> rkey, 'string', path || '.' || rkey) #>> '{}';
  PERFORM graphql._meta_need_tracked(t.schema, t.name, path || '.table');
  IF NOT EXISTS (SELECT FROM graphql.metadata_relationship r
                 WHERE r.table_schema = t.schema AND r.table_name = t.name AND r.name = rname) THEN
    PERFORM graphql._meta_error('not-exists',
      format('relationship %s does not exist on table %s', to_jsonb(rname), to_jsonb(graphql._meta_qname(t.schema, t.name))),
      path || '.' || rkey);
  END IF;
  IF rename THEN
    new_name := graphql._meta_need_name(args -> 'new_name', path || '.new_name');
    PERFORM graphql._meta_need_free_field(t.schema, t.name, new_name, path || '.new_name');
  ELSIF coalesce(jsonb_typeof(args -> 'cascade'), 'boolean') <> 'boolean' THEN
    PERFORM graphql._meta_expect(args -> 'cascade', 'boolean', path || '.cascade');
  END IF;
  rel := graphql._table_oid(jsonb_build_object('schema', t.schema, 'name', t.name));
  -- the permissions that use it, rewritten while the relationship still has its name
  FOR p IN
    SELECT m.table_schema, m.table_name, m.role, m.kind, m.permission, x.permission AS renamed
    FROM graphql.metadata_permission AS m
    CROSS JOIN LATERAL (SELECT graphql._table_oid(jsonb_build_object('schema', m.table_schema, 'name', m.table_name)) AS relid) AS o
    CROSS JOIN LATERAL (
      SELECT m.permission
             || CASE WHEN m.permission ? 'filter' THEN jsonb_build_object('filter',
                  graphql._meta_rename_in_boolexp(m.permission -> 'filter', o.relid, rel, rname, new_name)) ELSE '{}' END
             || CASE WHEN m.permission ? 'check' THEN jsonb_build_object('check',
                  graphql._meta_rename_in_boolexp(m.permission -> 'check', o.relid, rel, rname, new_name)) ELSE '{}' END
             AS permission) AS x
    WHERE o.relid IS NOT NULL AND x.permission <> m.permission
    ORDER BY 1, 2, 3, 4
  LOOP
    deps := deps || format('permission %s.%s.%s', graphql._meta_qname(p.table_schema, p.table_name), p.role, p.kind);
    IF rename THEN
      UPDATE graphql.metadata_permission AS m SET permission = p.renamed
      WHERE (m.table_schema, m.table_name, m.role, m.kind) = (p.table_schema, p.table_name, p.role, p.kind);
    ELSE
      DELETE FROM graphql.metadata_permission AS m
      WHERE (m.table_schema, m.table_name, m.role, m.kind) = (p.table_schema, p.table_name, p.role, p.kind);
    END IF;
    PERFORM graphql._meta_touch(p.table_schema, p.table_name);
  END LOOP;
  IF NOT rename AND cardinality(deps) > 0 AND coalesce((args -> 'cascade')::boolean, false) IS NOT true THEN
    PERFORM graphql._meta_error('dependency-error',
      format('cannot drop due to the following dependent objects: %s', array_to_string(deps, ', ')), path);
  END IF;
  IF rename THEN
    UPDATE graphql.metadata_relationship r SET name = new_name
    WHERE r.table_schema = t.schema AND r.table_name = t.name AND r.name = rname;
  ELSE
    DELETE FROM graphql.metadata_relationship r
    WHERE r.table_schema = t.schema AND r.table_name = t.name AND r.name = rname;
  END IF;
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_change_relationship(jsonb, text, boolean) IS
'Internal: pg_rename_relationship and pg_drop_relationship';

-- ------------------------------------------------------------------ computed fields

CREATE FUNCTION graphql._meta_add_computed_field(args jsonb, path text, strict boolean DEFAULT true)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  fname text;
  def jsonb;
  f record;
  n int;
  fn oid;
  k text;
BEGIN
  SELECT * INTO t FROM graphql._meta_table_arg(args, path);
  fname := graphql._meta_need_name(args -> 'name', path || '.name');
  def := graphql._meta_expect(args -> 'definition', 'object', path || '.definition');
  SELECT * INTO f FROM graphql._meta_ref(def -> 'function', path || '.definition.function');
  FOREACH k IN ARRAY ARRAY['table_argument', 'session_argument'] LOOP
    IF def ? k THEN
      PERFORM graphql._meta_expect(def -> k, 'string', path || '.definition.' || k);
    END IF;
  END LOOP;
  IF strict THEN
    PERFORM graphql._meta_need_tracked(t.schema, t.name, path || '.table');
    PERFORM graphql._meta_need_free_field(t.schema, t.name, fname, path || '.name');
    SELECT count(*), min(p.oid) INTO n, fn FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
    WHERE s.nspname = f.schema AND p.proname = f.name AND p.prokind = 'f';
    IF n = 0 THEN
      PERFORM graphql._meta_error('not-exists',
        format('no such function exists: %s', to_jsonb(graphql._meta_qname(f.schema, f.name))), path || '.definition.function');
    ELSIF n > 1 THEN
      PERFORM graphql._meta_error('not-supported',
        format('function %s is overloaded; overloaded functions are not supported', to_jsonb(graphql._meta_qname(f.schema, f.name))),
        path || '.definition.function');
    END IF;
    FOREACH k IN ARRAY ARRAY['table_argument', 'session_argument'] LOOP
      IF def ? k AND NOT (def ->> k) = ANY (SELECT unnest(proargnames) FROM pg_proc WHERE oid = fn) THEN
        PERFORM graphql._meta_error('not-exists',
          format('function %s has no argument named %s', to_jsonb(graphql._meta_qname(f.schema, f.name)), def -> k),
          path || '.definition.' || k);
      END IF;
    END LOOP;
  ELSIF EXISTS (SELECT FROM graphql.metadata_computed_field c
                WHERE c.table_schema = t.schema AND c.table_name = t.name AND c.name = fname) THEN
    PERFORM graphql._meta_need_free_field(t.schema, t.name, fname, path || '.name');
  END IF;
  INSERT INTO graphql.metadata_computed_field (table_schema, table_name, name, definition, comment, position)
  VALUES (t.schema, t.name, fname, def, args ->> 'comment',
          (SELECT coalesce(max(position), 0) + 1 FROM graphql.metadata_computed_field));
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_add_computed_field(jsonb, text, boolean) IS
'Internal: pg_add_computed_field';

CREATE FUNCTION graphql._meta_drop_computed_field(args jsonb, path text)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  fname text;
BEGIN
  SELECT * INTO t FROM graphql._meta_table_arg(args, path);
  fname := graphql._meta_expect(args -> 'name', 'string', path || '.name') #>> '{}';
  PERFORM graphql._meta_need_tracked(t.schema, t.name, path || '.table');
  DELETE FROM graphql.metadata_computed_field c
  WHERE c.table_schema = t.schema AND c.table_name = t.name AND c.name = fname;
  IF NOT FOUND THEN
    PERFORM graphql._meta_error('not-exists',
      format('computed field %s does not exist on table %s', to_jsonb(fname), to_jsonb(graphql._meta_qname(t.schema, t.name))),
      path || '.name');
  END IF;
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_drop_computed_field(jsonb, text) IS
'Internal: pg_drop_computed_field';

-- ------------------------------------------------------------------ permissions

CREATE FUNCTION graphql._meta_create_permission(kind text, args jsonb, path text, strict boolean DEFAULT true)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  v_role text;
  perm jsonb;
  relid oid;
  ppath text := path || '.permission';
  e record;
  k text;
BEGIN
  SELECT * INTO t FROM graphql._meta_table_arg(args, path);
  v_role := graphql._meta_expect(args -> 'role', 'string', path || '.role') #>> '{}';
  IF v_role = '' THEN
    PERFORM graphql._meta_error('parse-failed', 'the role name is empty', path || '.role');
  ELSIF lower(v_role) = 'admin' THEN
    PERFORM graphql._meta_error('constraint-violation',
      'the "admin" role has every permission; permissions cannot be defined for it', path || '.role');
  END IF;
  perm := graphql._meta_expect(args -> 'permission', 'object', ppath);
  IF coalesce(jsonb_typeof(args -> 'comment'), 'null') NOT IN ('null', 'string') THEN
    PERFORM graphql._meta_expect(args -> 'comment', 'string', path || '.comment');
  END IF;
  -- shape
  IF kind = 'select' AND NOT perm ? 'columns' THEN
    PERFORM graphql._meta_expect(NULL, 'array', ppath || '.columns');
  END IF;
  IF kind <> 'delete' AND perm ? 'columns' AND perm -> 'columns' <> '"*"' THEN
    PERFORM graphql._meta_expect(perm -> 'columns', 'array', ppath || '.columns');
    FOR e IN SELECT * FROM jsonb_array_elements(perm -> 'columns') WITH ORDINALITY AS x(v, i) LOOP
      PERFORM graphql._meta_expect(e.v, 'string', format('%s.columns[%s]', ppath, e.i - 1));
    END LOOP;
  END IF;
  FOREACH k IN ARRAY CASE kind WHEN 'select' THEN ARRAY['filter'] WHEN 'insert' THEN ARRAY['check', 'set']
                               WHEN 'update' THEN ARRAY['filter', 'check', 'set'] ELSE ARRAY['filter'] END LOOP
    IF perm ? k AND perm -> k <> 'null' THEN
      PERFORM graphql._meta_expect(perm -> k, 'object', ppath || '.' || k);
    END IF;
  END LOOP;
  IF kind = 'select' THEN
    IF perm ? 'limit' AND perm -> 'limit' <> 'null' AND (jsonb_typeof(perm -> 'limit') <> 'number'
        OR (perm ->> 'limit')::numeric <> trunc((perm ->> 'limit')::numeric)
        OR (perm ->> 'limit')::numeric NOT BETWEEN 0 AND 2147483647) THEN
      PERFORM graphql._meta_error('parse-failed', 'expected a non-negative integer', ppath || '.limit');
    END IF;
    IF perm ? 'allow_aggregations' THEN
      PERFORM graphql._meta_expect(perm -> 'allow_aggregations', 'boolean', ppath || '.allow_aggregations');
    END IF;
    FOREACH k IN ARRAY ARRAY['computed_fields', 'query_root_fields', 'subscription_root_fields'] LOOP
      IF perm ? k AND perm -> k <> 'null' THEN
        PERFORM graphql._meta_expect(perm -> k, 'array', ppath || '.' || k);
        FOR e IN SELECT * FROM jsonb_array_elements(perm -> k) WITH ORDINALITY AS x(v, i) LOOP
          PERFORM graphql._meta_expect(e.v, 'string', format('%s.%s[%s]', ppath, k, e.i - 1));
          IF k <> 'computed_fields' AND NOT (e.v #>> '{}') = ANY (
               CASE k WHEN 'query_root_fields' THEN ARRAY['select', 'select_by_pk', 'select_aggregate']
                      ELSE ARRAY['select', 'select_by_pk', 'select_aggregate', 'select_stream'] END) THEN
            PERFORM graphql._meta_error('parse-failed', format('unknown root field %s', e.v),
                                        format('%s.%s[%s]', ppath, k, e.i - 1));
          END IF;
        END LOOP;
      END IF;
    END LOOP;
  END IF;
  IF perm ? 'backend_only' THEN
    PERFORM graphql._meta_expect(perm -> 'backend_only', 'boolean', ppath || '.backend_only');
  END IF;
  -- consistency
  IF strict THEN
    PERFORM graphql._meta_need_tracked(t.schema, t.name, path || '.table');
    relid := graphql._meta_relid(t.schema, t.name);
    IF relid IS NULL THEN
      PERFORM graphql._meta_error('not-exists',
        format('no such table/view exists in source: %s', to_jsonb(graphql._meta_qname(t.schema, t.name))), path || '.table');
    END IF;
    IF kind <> 'delete' AND jsonb_typeof(perm -> 'columns') = 'array' THEN
      FOR e IN SELECT * FROM jsonb_array_elements_text(perm -> 'columns') WITH ORDINALITY AS x(v, i) LOOP
        PERFORM graphql._meta_need_column(relid, e.v, format('%s.columns[%s]', ppath, e.i - 1));
      END LOOP;
    END IF;
    IF kind = 'select' AND jsonb_typeof(perm -> 'computed_fields') = 'array' THEN
      FOR e IN SELECT * FROM jsonb_array_elements_text(perm -> 'computed_fields') WITH ORDINALITY AS x(v, i) LOOP
        IF NOT EXISTS (SELECT FROM graphql.metadata_computed_field c
                       WHERE c.table_schema = t.schema AND c.table_name = t.name AND c.name = e.v) THEN
          PERFORM graphql._meta_error('not-exists',
            format('computed field %s does not exist on table %s', to_jsonb(e.v), to_jsonb(graphql._meta_qname(t.schema, t.name))),
            format('%s.computed_fields[%s]', ppath, e.i - 1));
        END IF;
      END LOOP;
    END IF;
  END IF;
  IF EXISTS (SELECT FROM graphql.metadata_permission p WHERE p.table_schema = t.schema AND p.table_name = t.name
             AND p.role = v_role AND p.kind = _meta_create_permission.kind) THEN
    PERFORM graphql._meta_error('already-exists',
      format('%s permission already defined on table %s with role %s', kind,
             to_jsonb(graphql._meta_qname(t.schema, t.name)), to_jsonb(v_role)), path);
  END IF;
  INSERT INTO graphql.metadata_permission (table_schema, table_name, role, kind, permission, comment)
  VALUES (t.schema, t.name, v_role, kind, perm, args ->> 'comment');
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_create_permission(text, jsonb, text, boolean) IS
'Internal: pg_create_{select,insert,update,delete}_permission';

CREATE FUNCTION graphql._meta_drop_permission(kind text, args jsonb, path text)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
  v_role text;
BEGIN
  SELECT * INTO t FROM graphql._meta_table_arg(args, path);
  v_role := graphql._meta_expect(args -> 'role', 'string', path || '.role') #>> '{}';
  PERFORM graphql._meta_need_tracked(t.schema, t.name, path || '.table');
  DELETE FROM graphql.metadata_permission p WHERE p.table_schema = t.schema AND p.table_name = t.name
    AND p.role = v_role AND p.kind = _meta_drop_permission.kind;
  IF NOT FOUND THEN
    PERFORM graphql._meta_error('not-exists',
      format('%s permission on table %s for role %s does not exist', kind,
             to_jsonb(graphql._meta_qname(t.schema, t.name)), to_jsonb(v_role)), path || '.role');
  END IF;
  PERFORM graphql._meta_touch(t.schema, t.name);
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_drop_permission(text, jsonb, text) IS
'Internal: pg_drop_{select,insert,update,delete}_permission';

-- ------------------------------------------------------------------ functions

CREATE FUNCTION graphql._meta_track_function(args jsonb, path text, strict boolean DEFAULT true)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  f record;
  conf jsonb;
  n int;
  fn oid;
  fpath text;
BEGIN
  PERFORM graphql._meta_expect(args, 'object', path);
  PERFORM graphql._meta_check_source(args, path);
  IF NOT args ? 'function' AND args ? 'name' THEN   -- legacy {"schema", "name"}
    fpath := path;
    SELECT * INTO f FROM graphql._meta_ref(jsonb_build_object('schema', coalesce(args -> 'schema', '"public"'), 'name', args -> 'name'), path);
  ELSE
    fpath := path || '.function';
    SELECT * INTO f FROM graphql._meta_ref(args -> 'function', fpath);
  END IF;
  conf := coalesce(nullif(args -> 'configuration', 'null'), '{}');
  PERFORM graphql._meta_expect(conf, 'object', path || '.configuration');
  IF conf ->> 'custom_name' IS NOT NULL THEN
    PERFORM graphql._meta_need_name(conf -> 'custom_name', path || '.configuration.custom_name');
  END IF;
  IF conf ? 'custom_root_fields' THEN
    PERFORM graphql._meta_expect(conf -> 'custom_root_fields', 'object', path || '.configuration.custom_root_fields');
  END IF;
  IF conf ? 'session_argument' THEN
    PERFORM graphql._meta_expect(conf -> 'session_argument', 'string', path || '.configuration.session_argument');
  END IF;
  IF conf ? 'exposed_as' AND NOT (conf -> 'exposed_as') IN ('"query"', '"mutation"') THEN
    PERFORM graphql._meta_error('parse-failed', 'expected "query" or "mutation"', path || '.configuration.exposed_as');
  END IF;
  IF strict THEN
    SELECT count(*), min(p.oid) INTO n, fn FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
    WHERE s.nspname = f.schema AND p.proname = f.name AND p.prokind = 'f';
    IF n = 0 THEN
      PERFORM graphql._meta_error('not-exists',
        format('no such function exists: %s', to_jsonb(graphql._meta_qname(f.schema, f.name))), fpath);
    ELSIF n > 1 THEN
      PERFORM graphql._meta_error('not-supported',
        format('function %s is overloaded; overloaded functions are not supported', to_jsonb(graphql._meta_qname(f.schema, f.name))),
        fpath);
    END IF;
    IF conf ? 'session_argument' AND NOT (conf ->> 'session_argument') = ANY (SELECT unnest(proargnames) FROM pg_proc WHERE oid = fn) THEN
      PERFORM graphql._meta_error('not-exists',
        format('function %s has no argument named %s', to_jsonb(graphql._meta_qname(f.schema, f.name)), conf -> 'session_argument'),
        path || '.configuration.session_argument');
    END IF;
  END IF;
  IF EXISTS (SELECT FROM graphql.metadata_function m WHERE m.function_schema = f.schema AND m.function_name = f.name) THEN
    PERFORM graphql._meta_error('already-tracked',
      format('function already tracked: %s', to_jsonb(graphql._meta_qname(f.schema, f.name))), fpath);
  END IF;
  INSERT INTO graphql.metadata_function (function_schema, function_name, configuration, position)
  VALUES (f.schema, f.name, conf, (SELECT coalesce(max(position), 0) + 1 FROM graphql.metadata_function));
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_track_function(jsonb, text, boolean) IS
'Internal: pg_track_function';

-- The tracked function a command names, not-exists when it is not tracked.
CREATE FUNCTION graphql._meta_tracked_function(args jsonb, path text, OUT schema name, OUT name name)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM graphql._meta_expect(args, 'object', path);
  PERFORM graphql._meta_check_source(args, path);
  IF NOT args ? 'function' AND args ? 'name' THEN
    SELECT r.schema, r.name INTO schema, name
    FROM graphql._meta_ref(jsonb_build_object('schema', coalesce(args -> 'schema', '"public"'), 'name', args -> 'name'), path) AS r;
  ELSE
    SELECT r.schema, r.name INTO schema, name FROM graphql._meta_ref(args -> 'function', path || '.function') AS r;
  END IF;
  IF NOT EXISTS (SELECT FROM graphql.metadata_function m WHERE m.function_schema = schema AND m.function_name = name) THEN
    PERFORM graphql._meta_error('not-exists',
      format('function %s is not tracked', to_jsonb(graphql._meta_qname(schema, name))),
      path || CASE WHEN args ? 'function' THEN '.function' ELSE '' END);
  END IF;
END;
$$;
COMMENT ON FUNCTION graphql._meta_tracked_function(jsonb, text) IS
'Internal: the tracked function a command names';

CREATE FUNCTION graphql._meta_untrack_function(args jsonb, path text)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  f record;
BEGIN
  SELECT * INTO f FROM graphql._meta_tracked_function(args, path);
  DELETE FROM graphql.metadata_function_permission p WHERE p.function_schema = f.schema AND p.function_name = f.name;
  DELETE FROM graphql.metadata_function m WHERE m.function_schema = f.schema AND m.function_name = f.name;
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_untrack_function(jsonb, text) IS
'Internal: pg_untrack_function (drops its permissions too)';

CREATE FUNCTION graphql._meta_function_permission(args jsonb, path text, create_it boolean, strict boolean DEFAULT true)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  f record;
  v_role text;
BEGIN
  IF strict OR NOT create_it THEN
    SELECT * INTO f FROM graphql._meta_tracked_function(args, path);
  ELSE
    SELECT * INTO f FROM graphql._meta_ref(args -> 'function', path || '.function');
  END IF;
  v_role := graphql._meta_expect(args -> 'role', 'string', path || '.role') #>> '{}';
  IF create_it THEN
    IF v_role = '' OR lower(v_role) = 'admin' THEN
      PERFORM graphql._meta_error('constraint-violation',
        format('permissions cannot be defined for the role %s', to_jsonb(v_role)), path || '.role');
    END IF;
    IF EXISTS (SELECT FROM graphql.metadata_function_permission p
               WHERE p.function_schema = f.schema AND p.function_name = f.name AND p.role = v_role) THEN
      PERFORM graphql._meta_error('already-exists',
        format('permission of role %s on function %s already exists', to_jsonb(v_role),
               to_jsonb(graphql._meta_qname(f.schema, f.name))), path || '.role');
    END IF;
    INSERT INTO graphql.metadata_function_permission (function_schema, function_name, role) VALUES (f.schema, f.name, v_role);
  ELSE
    DELETE FROM graphql.metadata_function_permission p
    WHERE p.function_schema = f.schema AND p.function_name = f.name AND p.role = v_role;
    IF NOT FOUND THEN
      PERFORM graphql._meta_error('not-exists',
        format('permission of role %s on function %s does not exist', to_jsonb(v_role),
               to_jsonb(graphql._meta_qname(f.schema, f.name))), path || '.role');
    END IF;
  END IF;
  RETURN '{"message": "success"}';
END;
$$;
COMMENT ON FUNCTION graphql._meta_function_permission(jsonb, text, boolean, boolean) IS
'Internal: pg_create_function_permission and pg_drop_function_permission';

-- ------------------------------------------------------------------ documents

-- {key: arr} unless arr is empty.
CREATE FUNCTION graphql._meta_nonempty(key text, arr jsonb)
RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN arr IS NULL OR arr IN ('[]', '{}', 'null') THEN '{}' ELSE jsonb_build_object(key, arr) END $$;
COMMENT ON FUNCTION graphql._meta_nonempty(text, jsonb) IS
'Internal: {key: value} unless the value is empty';

CREATE FUNCTION graphql._meta_export()
RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT jsonb_build_object('version', 3) || coalesce(st.extra -> 'document', '{}') || jsonb_build_object('sources', jsonb_build_array(
    jsonb_build_object('name', 'default', 'kind', 'postgres',
      'tables', coalesce((
        SELECT jsonb_agg(
          jsonb_build_object('table', jsonb_build_object('schema', t.table_schema, 'name', t.table_name))
          || CASE WHEN t.is_enum THEN '{"is_enum": true}'::jsonb ELSE '{}'::jsonb END
          || graphql._meta_nonempty('configuration', t.configuration)
          || graphql._meta_nonempty('object_relationships', (
               SELECT jsonb_agg(jsonb_build_object('name', r.name, 'using', r.definition)
                                || graphql._meta_nonempty('comment', to_jsonb(r.comment)) ORDER BY r.position)
               FROM graphql.metadata_relationship r
               WHERE r.table_schema = t.table_schema AND r.table_name = t.table_name AND r.kind = 'object'))
          || graphql._meta_nonempty('array_relationships', (
               SELECT jsonb_agg(jsonb_build_object('name', r.name, 'using', r.definition)
                                || graphql._meta_nonempty('comment', to_jsonb(r.comment)) ORDER BY r.position)
               FROM graphql.metadata_relationship r
               WHERE r.table_schema = t.table_schema AND r.table_name = t.table_name AND r.kind = 'array'))
          || graphql._meta_nonempty('computed_fields', (
               SELECT jsonb_agg(jsonb_build_object('name', c.name, 'definition', c.definition)
                                || graphql._meta_nonempty('comment', to_jsonb(c.comment)) ORDER BY c.position)
               FROM graphql.metadata_computed_field c
               WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name))
          || coalesce((
               SELECT jsonb_object_agg(k.kind || '_permissions', (
                 SELECT jsonb_agg(jsonb_build_object('role', p.role, 'permission', p.permission)
                                  || graphql._meta_nonempty('comment', to_jsonb(p.comment)) ORDER BY p.role)
                 FROM graphql.metadata_permission p
                 WHERE p.table_schema = t.table_schema AND p.table_name = t.table_name AND p.kind = k.kind))
               FROM unnest(ARRAY['insert', 'select', 'update', 'delete']) AS k(kind)
               WHERE EXISTS (SELECT FROM graphql.metadata_permission p
                             WHERE p.table_schema = t.table_schema AND p.table_name = t.table_name AND p.kind = k.kind)), '{}')
          ORDER BY t.position)
        FROM graphql.metadata_table t), '[]'))
    || graphql._meta_nonempty('functions', (
         SELECT jsonb_agg(
           jsonb_build_object('function', jsonb_build_object('schema', f.function_schema, 'name', f.function_name))
           || graphql._meta_nonempty('configuration', f.configuration)
           || graphql._meta_nonempty('permissions', (
                SELECT jsonb_agg(jsonb_build_object('role', p.role) ORDER BY p.role)
                FROM graphql.metadata_function_permission p
                WHERE p.function_schema = f.function_schema AND p.function_name = f.function_name))
           ORDER BY f.position)
         FROM graphql.metadata_function f))
    || jsonb_build_object('configuration', coalesce(st.extra #> '{source,configuration}', '{}'))
    || (coalesce(st.extra -> 'source', '{}') - 'configuration')))
  FROM (SELECT (SELECT extra FROM graphql.metadata_state) AS extra) AS st
$$;
COMMENT ON FUNCTION graphql._meta_export() IS
'Internal: the metadata as Hasura''s version 3 document';

-- Empties every metadata table.
CREATE FUNCTION graphql._meta_clear()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  DELETE FROM graphql.metadata_function_permission;
  DELETE FROM graphql.metadata_function;
  DELETE FROM graphql.metadata_permission;
  DELETE FROM graphql.metadata_computed_field;
  DELETE FROM graphql.metadata_relationship;
  DELETE FROM graphql.metadata_table;
  UPDATE graphql.metadata_state SET extra = '{}';
  PERFORM set_config('graphql_meta.all', 'on', true);
END;
$$;
COMMENT ON FUNCTION graphql._meta_clear() IS
'Internal: empties the metadata';

-- Loads a document into the (empty) metadata tables, checking its shape
-- only.
CREATE FUNCTION graphql._meta_load(doc jsonb, path text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  src jsonb;
  spath text;
  tbl record;
  tpath text;
  item record;
  k text;
  kinds text[];
  perm record;
  doc_extra jsonb;
BEGIN
  PERFORM graphql._meta_expect(doc, 'object', path);
  IF doc ? 'version' AND NOT (doc -> 'version') IN ('2', '3') THEN
    PERFORM graphql._meta_error('parse-failed',
      format('unsupported metadata version %s: expected 3 (or 2)', doc -> 'version'), path || '.version');
  END IF;
  IF doc ? 'sources' THEN
    IF doc -> 'version' IS DISTINCT FROM '3' THEN
      PERFORM graphql._meta_error('parse-failed', 'expected metadata version 3', path || '.version');
    END IF;
    PERFORM graphql._meta_expect(doc -> 'sources', 'array', path || '.sources');
    FOR item IN SELECT * FROM jsonb_array_elements(doc -> 'sources') WITH ORDINALITY AS x(v, i) LOOP
      PERFORM graphql._meta_expect(item.v, 'object', format('%s.sources[%s]', path, item.i - 1));
      IF item.v -> 'name' IS DISTINCT FROM '"default"' THEN
        PERFORM graphql._meta_error('not-supported',
          format('only the source "default" (this database) is supported, not %s', coalesce(item.v ->> 'name', 'a source without a name')),
          format('%s.sources[%s].name', path, item.i - 1));
      END IF;
      IF coalesce(item.v ->> 'kind', 'postgres') <> 'postgres' THEN
        PERFORM graphql._meta_error('not-supported', 'only sources of kind "postgres" are supported',
          format('%s.sources[%s].kind', path, item.i - 1));
      END IF;
      IF src IS NOT NULL THEN
        PERFORM graphql._meta_error('already-exists', 'the source "default" is given twice',
          format('%s.sources[%s]', path, item.i - 1));
      END IF;
      src := item.v;
      spath := format('%s.sources[%s]', path, item.i - 1);
    END LOOP;
    doc_extra := doc - 'version' - 'sources';
  ELSIF doc ? 'tables' THEN    -- version 2: one source, at the top
    IF coalesce(doc -> 'version', '2') <> '2' THEN
      PERFORM graphql._meta_error('parse-failed', 'expected metadata version 2 or 3', path || '.version');
    END IF;
    src := doc - 'version';
    spath := path;
    doc_extra := '{}';
  ELSE
    PERFORM graphql._meta_expect(NULL, 'array', path || '.sources');
  END IF;
  src := coalesce(src, '{}');
  INSERT INTO graphql.metadata_state DEFAULT VALUES ON CONFLICT DO NOTHING;
  UPDATE graphql.metadata_state
  SET extra = graphql._meta_nonempty('document', doc_extra)
              || graphql._meta_nonempty('source', src - 'name' - 'kind' - 'tables' - 'functions');
  -- tables
  PERFORM graphql._meta_expect(coalesce(src -> 'tables', '[]'), 'array', spath || '.tables');
  FOR tbl IN SELECT * FROM jsonb_array_elements(coalesce(src -> 'tables', '[]')) WITH ORDINALITY AS x(v, i) LOOP
    tpath := format('%s.tables[%s]', spath, tbl.i - 1);
    PERFORM graphql._meta_expect(tbl.v, 'object', tpath);
    FOR k IN SELECT key FROM jsonb_each(tbl.v) LOOP
      IF k NOT IN ('table', 'configuration', 'is_enum', 'object_relationships', 'array_relationships',
                   'computed_fields', 'select_permissions', 'insert_permissions', 'update_permissions',
                   'delete_permissions')
         AND tbl.v -> k NOT IN ('[]', '{}', 'null') THEN
        PERFORM graphql._meta_error('not-supported', format('%s of tables are not supported', to_jsonb(k)), tpath || '.' || k);
      END IF;
    END LOOP;
    PERFORM graphql._meta_track_table(jsonb_build_object('table', tbl.v -> 'table')
      || graphql._meta_nonempty('configuration', tbl.v -> 'configuration')
      || CASE WHEN tbl.v ? 'is_enum' THEN jsonb_build_object('is_enum', tbl.v -> 'is_enum') ELSE '{}' END, tpath, false);
  END LOOP;
  -- what hangs off tables, in the document's order
  FOR tbl IN SELECT * FROM jsonb_array_elements(coalesce(src -> 'tables', '[]')) WITH ORDINALITY AS x(v, i) LOOP
    tpath := format('%s.tables[%s]', spath, tbl.i - 1);
    FOREACH k IN ARRAY ARRAY['object_relationships', 'array_relationships', 'computed_fields',
                             'select_permissions', 'insert_permissions', 'update_permissions', 'delete_permissions'] LOOP
      IF tbl.v -> k IS NULL OR tbl.v -> k = 'null' THEN
        CONTINUE;
      END IF;
      PERFORM graphql._meta_expect(tbl.v -> k, 'array', tpath || '.' || k);
      FOR item IN SELECT * FROM jsonb_array_elements(tbl.v -> k) WITH ORDINALITY AS x(v, i) LOOP
        PERFORM graphql._meta_expect(item.v, 'object', format('%s.%s[%s]', tpath, k, item.i - 1));
        IF k LIKE '%_relationships' THEN
          PERFORM graphql._meta_create_relationship(split_part(k, '_', 1),
            (item.v - 'table') || jsonb_build_object('table', tbl.v -> 'table'), format('%s.%s[%s]', tpath, k, item.i - 1), false);
        ELSIF k = 'computed_fields' THEN
          PERFORM graphql._meta_add_computed_field(
            (item.v - 'table') || jsonb_build_object('table', tbl.v -> 'table'), format('%s.%s[%s]', tpath, k, item.i - 1), false);
        ELSE
          PERFORM graphql._meta_create_permission(split_part(k, '_', 1),
            (item.v - 'table') || jsonb_build_object('table', tbl.v -> 'table'), format('%s.%s[%s]', tpath, k, item.i - 1), false);
        END IF;
      END LOOP;
    END LOOP;
  END LOOP;
  -- functions
  PERFORM graphql._meta_expect(coalesce(src -> 'functions', '[]'), 'array', spath || '.functions');
  FOR item IN SELECT * FROM jsonb_array_elements(coalesce(src -> 'functions', '[]')) WITH ORDINALITY AS x(v, i) LOOP
    tpath := format('%s.functions[%s]', spath, item.i - 1);
    PERFORM graphql._meta_expect(item.v, 'object', tpath);
    FOR k IN SELECT key FROM jsonb_each(item.v) LOOP
      IF k NOT IN ('function', 'configuration', 'permissions') THEN
        PERFORM graphql._meta_error('not-supported', format('%s of functions are not supported', to_jsonb(k)), tpath || '.' || k);
      END IF;
    END LOOP;
    PERFORM graphql._meta_track_function(item.v - 'permissions', tpath, false);
    PERFORM graphql._meta_expect(coalesce(item.v -> 'permissions', '[]'), 'array', tpath || '.permissions');
    FOR perm IN SELECT * FROM jsonb_array_elements(coalesce(item.v -> 'permissions', '[]')) WITH ORDINALITY AS x(v, i) LOOP
      PERFORM graphql._meta_expect(perm.v, 'object', format('%s.permissions[%s]', tpath, perm.i - 1));
      PERFORM graphql._meta_function_permission(jsonb_build_object('function', item.v -> 'function', 'role', perm.v -> 'role'),
        format('%s.permissions[%s]', tpath, perm.i - 1), true, false);
    END LOOP;
  END LOOP;
  PERFORM set_config('graphql_meta.all', 'on', true);
END;
$$;
COMMENT ON FUNCTION graphql._meta_load(jsonb, text) IS
'Internal: loads a metadata document (version 3, or version 2 with the tables at the top) into the empty metadata tables';

-- ------------------------------------------------------------------ inconsistency

-- The inconsistent objects of the metadata: those the reflect_* views leave
-- out.  Objects of a table that does not exist are reported with the table.
CREATE FUNCTION graphql._meta_inconsistencies()
RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(jsonb_agg(o ORDER BY n, ord), '[]') FROM (
    SELECT 1 AS n, t.position AS ord, jsonb_build_object(
      'type', 'table',
      'name', format('table %s in source default', graphql._meta_qname(t.table_schema, t.table_name)),
      'reason', format('Inconsistent object: no such table/view exists in source: %s',
                       to_jsonb(graphql._meta_qname(t.table_schema, t.table_name))),
      'definition', jsonb_build_object('schema', t.table_schema, 'name', t.table_name)) AS o
    FROM graphql.metadata_table t
    WHERE graphql._meta_relid(t.table_schema, t.table_name) IS NULL
    UNION ALL
    SELECT 2, r.position, jsonb_build_object(
      'type', r.kind || '_relation',
      'name', format('%s_relation %s in table %s in source default', r.kind, r.name, graphql._meta_qname(r.table_schema, r.table_name)),
      'reason', format('Inconsistent object: the relationship %s of table %s cannot be resolved: a table, column or foreign key it names is missing, or its remote table is not tracked',
                       to_jsonb(r.name), to_jsonb(graphql._meta_qname(r.table_schema, r.table_name))),
      'definition', jsonb_build_object('source', 'default', 'name', r.name, 'using', r.definition, 'comment', r.comment,
                                       'table', jsonb_build_object('schema', r.table_schema, 'name', r.table_name)))
    FROM graphql.metadata_relationship r
    JOIN graphql.reflect_tables t ON t.relid = graphql._meta_relid(r.table_schema, r.table_name)
    WHERE NOT EXISTS (SELECT FROM graphql.reflect_relationships v WHERE v.relid = t.relid AND v.name = r.name)
    UNION ALL
    SELECT 3, c.position, jsonb_build_object(
      'type', 'computed_field',
      'name', format('computed_field %s in table %s in source default', c.name, graphql._meta_qname(c.table_schema, c.table_name)),
      'reason', format('Inconsistent object: the function of computed field %s is missing, overloaded or lacks the arguments named',
                       to_jsonb(c.name)),
      'definition', jsonb_build_object('source', 'default', 'name', c.name, 'definition', c.definition, 'comment', c.comment,
                                       'table', jsonb_build_object('schema', c.table_schema, 'name', c.table_name)))
    FROM graphql.metadata_computed_field c
    JOIN graphql.reflect_tables t ON t.relid = graphql._meta_relid(c.table_schema, c.table_name)
    WHERE NOT EXISTS (SELECT FROM graphql.reflect_computed_fields v WHERE v.relid = t.relid AND v.name = c.name)
    UNION ALL
    SELECT 4, row_number() OVER (ORDER BY p.table_schema, p.table_name, p.role, p.kind), jsonb_build_object(
      'type', p.kind || '_permission',
      'name', format('permission %s.%s.%s in source default', graphql._meta_qname(p.table_schema, p.table_name), p.role, p.kind),
      'reason', format('Inconsistent object: the %s permission of role %s names a column that does not exist', p.kind, to_jsonb(p.role)),
      'definition', jsonb_build_object('source', 'default', 'role', p.role, 'permission', p.permission, 'comment', p.comment,
                                       'table', jsonb_build_object('schema', p.table_schema, 'name', p.table_name)))
    FROM graphql.metadata_permission p
    JOIN graphql.reflect_tables t ON t.relid = graphql._meta_relid(p.table_schema, p.table_name)
    WHERE NOT EXISTS (SELECT FROM graphql.reflect_permissions v WHERE v.relid = t.relid AND v.role = p.role AND v.kind = p.kind)
    UNION ALL
    SELECT 5, f.position, jsonb_build_object(
      'type', 'function',
      'name', format('function %s in source default', graphql._meta_qname(f.function_schema, f.function_name)),
      'reason', format('Inconsistent object: no such function exists, or it is overloaded, or lacks its session argument: %s',
                       to_jsonb(graphql._meta_qname(f.function_schema, f.function_name))),
      'definition', jsonb_build_object('source', 'default', 'configuration', f.configuration,
                                       'function', jsonb_build_object('schema', f.function_schema, 'name', f.function_name)))
    FROM graphql.metadata_function f
    WHERE NOT EXISTS (SELECT FROM graphql.reflect_functions v
                      WHERE v.function = graphql._function_oid(jsonb_build_object('schema', f.function_schema, 'name', f.function_name)))
  ) AS x
$$;
COMMENT ON FUNCTION graphql._meta_inconsistencies() IS
'Internal: the inconsistent objects of the metadata ({"type", "name", "reason", "definition"}), computed by comparing the metadata tables with the reflect_* views';

-- Removes every inconsistent object (and, with a missing table, what hangs
-- off it; with a missing function, its permissions).
CREATE FUNCTION graphql._meta_drop_inconsistent()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT table_schema, table_name FROM graphql.metadata_table
           WHERE graphql._meta_relid(table_schema, table_name) IS NULL LOOP
    DELETE FROM graphql.metadata_relationship r WHERE r.table_schema = t.table_schema AND r.table_name = t.table_name;
    DELETE FROM graphql.metadata_computed_field c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name;
    DELETE FROM graphql.metadata_permission p WHERE p.table_schema = t.table_schema AND p.table_name = t.table_name;
    DELETE FROM graphql.metadata_table m WHERE m.table_schema = t.table_schema AND m.table_name = t.table_name;
  END LOOP;
  DELETE FROM graphql.metadata_function_permission p
  WHERE NOT EXISTS (SELECT FROM graphql.reflect_functions v
                    WHERE v.function = graphql._function_oid(jsonb_build_object('schema', p.function_schema, 'name', p.function_name)));
  DELETE FROM graphql.metadata_function f
  WHERE NOT EXISTS (SELECT FROM graphql.reflect_functions v
                    WHERE v.function = graphql._function_oid(jsonb_build_object('schema', f.function_schema, 'name', f.function_name)));
  DELETE FROM graphql.metadata_relationship r
  WHERE NOT EXISTS (SELECT FROM graphql.reflect_relationships v
                    WHERE v.relid = graphql._meta_relid(r.table_schema, r.table_name) AND v.name = r.name);
  DELETE FROM graphql.metadata_computed_field c
  WHERE NOT EXISTS (SELECT FROM graphql.reflect_computed_fields v
                    WHERE v.relid = graphql._meta_relid(c.table_schema, c.table_name) AND v.name = c.name);
  DELETE FROM graphql.metadata_permission p
  WHERE NOT EXISTS (SELECT FROM graphql.reflect_permissions v
                    WHERE v.relid = graphql._meta_relid(p.table_schema, p.table_name) AND v.role = p.role AND v.kind = p.kind);
  PERFORM set_config('graphql_meta.all', 'on', true);
END;
$$;
COMMENT ON FUNCTION graphql._meta_drop_inconsistent() IS
'Internal: drop_inconsistent_metadata';

-- ------------------------------------------------------------------ dispatch

-- Runs one command (cmd is {"type", "args", "version"?}, at JSON path path)
-- and returns its answer; notes in graphql_meta.changed that the metadata
-- changed.
CREATE FUNCTION graphql._meta_run(cmd jsonb, path text)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  ctype text;
  args jsonb;
  apath text := path || '.args';
  version int;
  answer jsonb;
  item record;
  list jsonb := '[]';
  doc jsonb;
  allow boolean;
  bad jsonb;
  msg text;
  detail text;
  state text;
BEGIN
  PERFORM graphql._meta_expect(cmd, 'object', path);
  ctype := graphql._meta_expect(cmd -> 'type', 'string', path || '.type') #>> '{}';
  args := coalesce(cmd -> 'args', '{}');
  IF cmd ? 'version' AND NOT (cmd -> 'version') IN ('1', '2') THEN
    PERFORM graphql._meta_error('parse-failed', 'expected version 1 or 2', path || '.version');
  END IF;
  version := coalesce((cmd ->> 'version')::int, 1);
  CASE ctype
  WHEN 'bulk', 'bulk_keep_going' THEN
    PERFORM graphql._meta_expect(cmd -> 'args', 'array', apath);
    -- bulk in bulk: bounded, so a hostile request gets a 400, not a stack overflow
    IF (length(path) - length(replace(path, '.args[', ''))) / 6 >= 8 THEN
      PERFORM graphql._meta_error('parse-failed', 'bulk requests nest at most 8 deep', path || '.type');
    END IF;
    FOR item IN SELECT * FROM jsonb_array_elements(args) WITH ORDINALITY AS x(v, i) LOOP
      IF ctype = 'bulk' THEN
        list := list || jsonb_build_array(graphql._meta_run(item.v, format('%s[%s]', apath, item.i - 1)));
      ELSE
        BEGIN
          list := list || jsonb_build_array(graphql._meta_run(item.v, format('%s[%s]', apath, item.i - 1)));
        EXCEPTION WHEN OTHERS THEN
          GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL, state = RETURNED_SQLSTATE;
          list := list || jsonb_build_array(CASE WHEN state = 'GQ100' THEN detail::jsonb
            ELSE jsonb_build_object('path', format('%s[%s]', apath, item.i - 1), 'error', msg, 'code', 'unexpected') END);
        END;
      END IF;
    END LOOP;
    RETURN list;
  WHEN 'export_metadata' THEN
    doc := graphql._meta_export();
    RETURN CASE WHEN version = 2
      THEN jsonb_build_object('resource_version', coalesce((SELECT resource_version FROM graphql.metadata_state), 1), 'metadata', doc)
      ELSE doc END;
  WHEN 'get_inconsistent_metadata' THEN
    bad := graphql._meta_inconsistencies();
    RETURN jsonb_build_object('is_consistent', bad = '[]', 'inconsistent_objects', bad);
  WHEN 'replace_metadata' THEN
    IF version = 2 THEN
      PERFORM graphql._meta_expect(cmd -> 'args', 'object', apath);
      IF args ? 'allow_inconsistent_metadata' THEN
        PERFORM graphql._meta_expect(args -> 'allow_inconsistent_metadata', 'boolean', apath || '.allow_inconsistent_metadata');
      END IF;
      allow := coalesce((args -> 'allow_inconsistent_metadata')::boolean, false);
      doc := args -> 'metadata';
      apath := apath || '.metadata';
    ELSE
      allow := false;
      doc := cmd -> 'args';
    END IF;
    PERFORM graphql._meta_expect(doc, 'object', apath);
    PERFORM graphql._meta_clear();
    PERFORM graphql._meta_load(doc, apath);
    bad := graphql._meta_inconsistencies();
    IF bad <> '[]' AND NOT allow THEN
      PERFORM graphql._meta_error('invalid-configuration', 'cannot continue due to inconsistent metadata', path, bad);
    END IF;
    answer := CASE WHEN version = 2 THEN jsonb_build_object('is_consistent', bad = '[]', 'inconsistent_objects', bad)
                   ELSE '{"message": "success"}' END;
  WHEN 'reload_metadata' THEN
    PERFORM set_config('graphql_meta.all', 'on', true);
    bad := graphql._meta_inconsistencies();
    answer := jsonb_build_object('message', 'success', 'is_consistent', bad = '[]')
              || CASE WHEN bad = '[]' THEN '{}' ELSE jsonb_build_object('inconsistent_objects', bad) END;
  WHEN 'clear_metadata' THEN
    PERFORM graphql._meta_clear();
    answer := '{"message": "success"}';
  WHEN 'drop_inconsistent_metadata' THEN
    PERFORM graphql._meta_drop_inconsistent();
    answer := '{"message": "success"}';
  WHEN 'pg_track_table' THEN
    answer := graphql._meta_track_table(args, apath);
  WHEN 'pg_track_tables' THEN
    PERFORM graphql._meta_expect(args, 'object', apath);
    PERFORM graphql._meta_expect(args -> 'tables', 'array', apath || '.tables');
    FOR item IN SELECT * FROM jsonb_array_elements(args -> 'tables') WITH ORDINALITY AS x(v, i) LOOP
      PERFORM graphql._meta_track_table(item.v, format('%s.tables[%s]', apath, item.i - 1));
    END LOOP;
    answer := '{"message": "success"}';
  WHEN 'pg_untrack_table' THEN
    answer := graphql._meta_untrack_table(args, apath);
  WHEN 'pg_set_table_customization' THEN
    answer := graphql._meta_set_table('customization', args, apath);
  WHEN 'pg_set_table_is_enum' THEN
    answer := graphql._meta_set_table('is_enum', args, apath);
  WHEN 'pg_create_object_relationship' THEN
    answer := graphql._meta_create_relationship('object', args, apath);
  WHEN 'pg_create_array_relationship' THEN
    answer := graphql._meta_create_relationship('array', args, apath);
  WHEN 'pg_rename_relationship' THEN
    answer := graphql._meta_change_relationship(args, apath, true);
  WHEN 'pg_drop_relationship' THEN
    answer := graphql._meta_change_relationship(args, apath, false);
  WHEN 'pg_create_select_permission', 'pg_create_insert_permission',
       'pg_create_update_permission', 'pg_create_delete_permission' THEN
    answer := graphql._meta_create_permission(split_part(ctype, '_', 3), args, apath);
  WHEN 'pg_drop_select_permission', 'pg_drop_insert_permission',
       'pg_drop_update_permission', 'pg_drop_delete_permission' THEN
    answer := graphql._meta_drop_permission(split_part(ctype, '_', 3), args, apath);
  WHEN 'pg_track_function' THEN
    answer := graphql._meta_track_function(args, apath);
  WHEN 'pg_untrack_function' THEN
    answer := graphql._meta_untrack_function(args, apath);
  WHEN 'pg_create_function_permission' THEN
    answer := graphql._meta_function_permission(args, apath, true);
  WHEN 'pg_drop_function_permission' THEN
    answer := graphql._meta_function_permission(args, apath, false);
  WHEN 'pg_add_computed_field' THEN
    answer := graphql._meta_add_computed_field(args, apath);
  WHEN 'pg_drop_computed_field' THEN
    answer := graphql._meta_drop_computed_field(args, apath);
  ELSE
    PERFORM graphql._meta_error('parse-failed',
      format('unknown metadata command %s%s', to_jsonb(ctype),
             CASE WHEN ctype ~ '^(track|untrack|set|create|drop|rename|add)_' THEN format(' (did you mean %s?)', to_jsonb('pg_' || ctype)) ELSE '' END),
      path || '.type');
  END CASE;
  PERFORM set_config('graphql_meta.changed', 'on', true);
  RETURN answer;
END;
$$;
COMMENT ON FUNCTION graphql._meta_run(jsonb, text) IS
'Internal: runs one metadata command and returns its answer';

CREATE FUNCTION graphql.metadata(request jsonb)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  read_only boolean;
  current_version bigint;
  answer jsonb;
  t record;
  relid oid;
  msg text;
  state text;
BEGIN
  IF NOT graphql.is_admin() THEN
    PERFORM graphql._meta_error('access-denied', 'restricted access : admin only', '$');
  END IF;
  PERFORM graphql._meta_expect(coalesce(request, 'null'), 'object', '$');
  read_only := request ->> 'type' IN ('export_metadata', 'get_inconsistent_metadata');
  IF request ? 'resource_version' AND (jsonb_typeof(request -> 'resource_version') <> 'number'
      OR (request ->> 'resource_version')::numeric <> trunc((request ->> 'resource_version')::numeric)) THEN
    PERFORM graphql._meta_error('parse-failed', 'expected an integer resource_version', '$.resource_version');
  END IF;
  -- the check of resource_version and the write are atomic: the state row
  -- stays locked until the transaction ends
  IF read_only THEN
    current_version := coalesce((SELECT resource_version FROM graphql.metadata_state), 1);
  ELSE
    INSERT INTO graphql.metadata_state DEFAULT VALUES ON CONFLICT DO NOTHING;
    SELECT resource_version INTO current_version FROM graphql.metadata_state FOR UPDATE;
  END IF;
  IF request ? 'resource_version' AND (request ->> 'resource_version')::numeric <> current_version THEN
    PERFORM graphql._meta_error('conflict',
      format('metadata resource version referenced (%s) did not match current version', request ->> 'resource_version'), '$');
  END IF;
  PERFORM set_config('graphql_meta.changed', '', true),
          set_config('graphql_meta.touched', '[]', true),
          set_config('graphql_meta.all', '', true);
  BEGIN
    answer := graphql._meta_run(request, '$');
    IF NOT read_only AND current_setting('graphql_meta.changed') = 'on' THEN
      IF current_setting('graphql_meta.all') = 'on' THEN
        PERFORM graphql._apply_all_permissions();
      ELSE
        FOR t IN SELECT DISTINCT e ->> 0 AS s, e ->> 1 AS n
                 FROM jsonb_array_elements(current_setting('graphql_meta.touched')::jsonb) AS e LOOP
          relid := graphql._meta_relid(t.s, t.n);
          IF relid IS NOT NULL THEN
            PERFORM graphql._apply_permissions(relid);
          END IF;
        END LOOP;
      END IF;
      UPDATE graphql.metadata_state SET resource_version = resource_version + 1;
      UPDATE graphql.schema_version SET version = nextval('graphql.schema_version_seq');
    END IF;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, state = RETURNED_SQLSTATE;
    IF state = 'GQ100' THEN
      RAISE;
    END IF;
    PERFORM graphql._meta_error('unexpected', msg, '$');
  END;
  RETURN answer;
END;
$$;
COMMENT ON FUNCTION graphql.metadata(jsonb) IS
'Hasura v2''s /v1/metadata API: takes a request {"type", "version"?, "resource_version"?, "args"} and returns Hasura''s answer; errors are raised with SQLSTATE GQ100 and Hasura''s error body as JSON in DETAIL. Admin only (superuser or a member of graphql.admin_role)';

REVOKE EXECUTE ON FUNCTION
    graphql._meta_error(text, text, text, jsonb), graphql._meta_qname(name, name), graphql._meta_jtype(jsonb),
    graphql._meta_expect(jsonb, text, text), graphql._meta_check_source(jsonb, text), graphql._meta_ref(jsonb, text),
    graphql._meta_table_arg(jsonb, text, boolean), graphql._meta_relid(name, name),
    graphql._meta_need_tracked(name, name, text), graphql._meta_touch(name, name),
    graphql._meta_need_column(oid, text, text), graphql._meta_need_free_field(name, name, text, text),
    graphql._meta_need_name(jsonb, text), graphql._meta_check_configuration(jsonb, text, oid),
    graphql._meta_enum_problem(oid), graphql._meta_track_table(jsonb, text, boolean),
    graphql._meta_relationships_to(name, name), graphql._meta_untrack_table(jsonb, text),
    graphql._meta_set_table(text, jsonb, text),
    graphql._meta_check_using(text, name, name, jsonb, text, boolean),
    graphql._meta_create_relationship(text, jsonb, text, boolean),
    graphql._meta_change_relationship(jsonb, text, boolean),
    graphql._meta_add_computed_field(jsonb, text, boolean), graphql._meta_drop_computed_field(jsonb, text),
    graphql._meta_create_permission(text, jsonb, text, boolean), graphql._meta_drop_permission(text, jsonb, text),
    graphql._meta_track_function(jsonb, text, boolean), graphql._meta_tracked_function(jsonb, text),
    graphql._meta_untrack_function(jsonb, text), graphql._meta_function_permission(jsonb, text, boolean, boolean),
    graphql._meta_nonempty(text, jsonb), graphql._meta_export(), graphql._meta_clear(),
    graphql._meta_load(jsonb, text), graphql._meta_inconsistencies(), graphql._meta_drop_inconsistent(),
    graphql._meta_run(jsonb, text)
FROM PUBLIC;
