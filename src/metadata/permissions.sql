/* graphql--0.1.0.sql, part 5: permissions compiled into RLS policies and GRANTs (src/metadata/permissions.sql) */

/*
 * The rows of graphql.metadata_permission become, for each table:
 *   - one row level security policy per (role, kind), named graphql_<role>_<kind>,
 *     plus graphql_admin for graphql.admin_role;
 *   - column (or table) GRANTs of the role, USAGE on the table's sequences for insert;
 *   - for relationship and _exists conditions, SECURITY DEFINER SQL functions
 *     graphql._perm_<hash>(join columns) that evaluate the EXISTS without the
 *     target table's own row level security (Hasura's semantics; no recursion
 *     between policies).
 * graphql.permission_managed remembers what was done, so a rebuild can undo it.
 * See doc/permissions.md.
 */

CREATE TABLE graphql.permission_managed (
    table_schema name NOT NULL,
    table_name name NOT NULL,
    rls_enabled boolean NOT NULL DEFAULT false,
    roles name[] NOT NULL DEFAULT '{}',
    functions name[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (table_schema, table_name)
);
COMMENT ON TABLE graphql.permission_managed IS
'What the permission compiler did to each table: whether it enabled row level security, the roles it granted privileges to, the graphql._perm_* functions its policies call';
REVOKE ALL ON graphql.permission_managed FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('graphql.permission_managed', '');

-- ------------------------------------------------------------ helpers

CREATE FUNCTION graphql._perm_error(path text, message text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'GQ100', MESSAGE = message,
        DETAIL = jsonb_build_object('path', path, 'error', message, 'code', 'parse-failed')::text;
END;
$$;
COMMENT ON FUNCTION graphql._perm_error(text, text) IS
'Raises the metadata API error (SQLSTATE GQ100, code parse-failed) of a permission at path';

CREATE FUNCTION graphql._session_array(value text)
RETURNS text[]
LANGUAGE plpgsql
IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF left(ltrim(value), 1) = '[' THEN
        RETURN ARRAY(SELECT jsonb_array_elements_text(value::jsonb));
    END IF;
    RETURN value::text[];
END;
$$;
COMMENT ON FUNCTION graphql._session_array(text) IS
'A session variable holding a list (a PostgreSQL array literal such as {1,2} or a JSON array such as [1,2]) as text[], for _in / _nin / _has_keys_* in permissions';

-- A table named in an expression: "name" (schema public) or {"schema", "name"}
CREATE FUNCTION graphql._perm_table(spec jsonb, path text)
RETURNS oid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s text;
    t text;
    r oid;
BEGIN
    IF jsonb_typeof(spec) = 'string' THEN
        s := 'public';
        t := spec #>> '{}';
    ELSIF jsonb_typeof(spec) = 'object' AND jsonb_typeof(spec -> 'name') = 'string'
          AND coalesce(jsonb_typeof(spec -> 'schema'), 'string') = 'string' THEN
        s := coalesce(spec ->> 'schema', 'public');
        t := spec ->> 'name';
    ELSE
        PERFORM graphql._perm_error(path, 'expected a table name (a string or {"schema", "name"})');
    END IF;
    SELECT c.oid INTO r
    FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
    WHERE n.nspname = s AND c.relname = t AND c.relkind IN ('r', 'p', 'v', 'm', 'f');
    IF r IS NULL THEN
        PERFORM graphql._perm_error(path, format('table "%s.%s" does not exist', s, t));
    END IF;
    RETURN r;
END;
$$;
COMMENT ON FUNCTION graphql._perm_table(jsonb, text) IS
'The OID of a table named in a permission expression (a string in schema public, or {"schema", "name"}); a parse-failed error at path when it does not exist';

-- A column of relid: its type (without typmod, schema-qualified when needed) and category
CREATE FUNCTION graphql._perm_column(relid oid, col text, path text,
                                     OUT type text, OUT category "char", OUT typname name)
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    SELECT format_type(a.atttypid, NULL), t.typcategory, t.typname
    INTO type, category, typname
    FROM pg_attribute AS a JOIN pg_type AS t ON t.oid = a.atttypid
    WHERE a.attrelid = relid AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped;
    IF type IS NULL THEN
        PERFORM graphql._perm_error(path, format('column "%s" does not exist in table %s',
                                                 col, relid::regclass));
    END IF;
END;
$$;
COMMENT ON FUNCTION graphql._perm_column(oid, text, text) IS
'The type of a column named in a permission (parse-failed error at path when the table has no such column)';

-- A relationship of relid by name, from graphql.reflect_relationships (the
-- consistent metadata: both tables tracked, the columns and keys exist).
CREATE FUNCTION graphql._perm_relationship(relid oid, rel_name text,
                                           OUT target oid, OUT source_columns name[],
                                           OUT target_columns name[])
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.target, r.source_columns, r.target_columns
    FROM graphql.reflect_relationships AS r
    WHERE r.relid = _perm_relationship.relid AND r.name = rel_name
$$;
COMMENT ON FUNCTION graphql._perm_relationship(oid, text) IS
'Permission compiler: a relationship of a table by name (graphql.reflect_relationships), as its target and join columns; NULL when there is none';

-- ------------------------------------------------------------ the compiler

/*
 * ctx: {"relid": the table the expression is about, "alias": its qualifier
 * (null: unqualified, in a policy), "root": the permission's table,
 * "in_fn": inside a generated function (root columns are then its
 * parameters $n), "path": the error path, "key": prefix of generated
 * function names, "role", "create": create the functions}.
 * st: {"vars": session variables used, "params": root columns passed to the
 * function being generated, "fns": functions generated, "n": last alias}.
 */

-- A reference to a column of the root table
CREATE FUNCTION graphql._perm_root_ref(col text, ctx jsonb, INOUT st jsonb, OUT sql text)
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    i int;
BEGIN
    IF (ctx ->> 'in_fn')::boolean THEN
        SELECT p.i INTO i FROM jsonb_array_elements_text(st -> 'params') WITH ORDINALITY AS p (c, i)
        WHERE p.c = col;
        IF i IS NULL THEN
            st := jsonb_set(st, '{params}', (st -> 'params') || to_jsonb(col));
            i := jsonb_array_length(st -> 'params');
        END IF;
        sql := '$' || i;
    ELSIF ctx ->> 'alias' IS NULL THEN
        sql := quote_ident(col);
    ELSE
        sql := format('%I.%I', ctx ->> 'alias', col);
    END IF;
END;
$$;
COMMENT ON FUNCTION graphql._perm_root_ref(text, jsonb, jsonb) IS
'Permission compiler: SQL for a column of the root table (a parameter inside a generated function)';

-- A value compared with a column of type typ
CREATE FUNCTION graphql._perm_value(v jsonb, typ text, category "char", path text,
                                    INOUT st jsonb, OUT sql text)
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s text;
BEGIN
    CASE jsonb_typeof(v)
    WHEN 'string' THEN
        s := v #>> '{}';
        IF lower(s) LIKE 'x-hasura-%' THEN
            s := lower(s);
            IF NOT (st -> 'vars') ? s THEN
                st := jsonb_set(st, '{vars}', (st -> 'vars') || to_jsonb(s));
            END IF;
            sql := format('graphql.session_var(%L)::%s', s, typ);
        ELSE
            sql := format('%L::%s', s, typ);
        END IF;
    WHEN 'number', 'boolean' THEN
        sql := format('%L::%s', v #>> '{}', typ);
    WHEN 'null' THEN
        sql := format('NULL::%s', typ);
    ELSE
        IF typ IN ('json', 'jsonb') THEN
            sql := format('%L::%s', v::text, typ);
        ELSIF category = 'A' AND jsonb_typeof(v) = 'array' THEN
            sql := format('%L::%s', coalesce((SELECT array_agg(e)::text
                                              FROM jsonb_array_elements_text(v) AS e), '{}'), typ);
        ELSE
            PERFORM graphql._perm_error(path, format('expected a value of type %s, not a JSON %s',
                                                     typ, jsonb_typeof(v)));
        END IF;
    END CASE;
END;
$$;
COMMENT ON FUNCTION graphql._perm_value(jsonb, text, "char", text, jsonb) IS
'Permission compiler: SQL for a value of a column comparison, a literal cast to the column type or a session variable (a string starting with x-hasura-)';

-- A list of values (or a session variable holding a list) as an array of element type typ
CREATE FUNCTION graphql._perm_list(v jsonb, typ text, category "char", path text,
                                   INOUT st jsonb, OUT sql text)
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    e jsonb;
    i int := 0;
    parts text[] := '{}';
    one text;
BEGIN
    IF jsonb_typeof(v) = 'string' AND lower(v #>> '{}') LIKE 'x-hasura-%' THEN
        one := lower(v #>> '{}');
        IF NOT (st -> 'vars') ? one THEN
            st := jsonb_set(st, '{vars}', (st -> 'vars') || to_jsonb(one));
        END IF;
        sql := format('graphql._session_array(graphql.session_var(%L))::%s[]', one, typ);
        RETURN;
    END IF;
    IF jsonb_typeof(v) <> 'array' THEN
        PERFORM graphql._perm_error(path, 'expected an array of values or a session variable');
    END IF;
    FOR e IN SELECT x FROM jsonb_array_elements(v) AS x LOOP
        SELECT p.st, p.sql INTO st, one
        FROM graphql._perm_value(e, typ, category, path || '[' || i || ']', st) AS p;
        parts := parts || one;
        i := i + 1;
    END LOOP;
    sql := format('ARRAY[%s]::%s[]', array_to_string(parts, ', '), typ);
END;
$$;
COMMENT ON FUNCTION graphql._perm_list(jsonb, text, "char", text, jsonb) IS
'Permission compiler: SQL for the list of _in / _nin / _has_keys_*: an ARRAY of values, or a session variable holding a list';

CREATE FUNCTION graphql._perm_compile(expr jsonb, ctx jsonb, INOUT st jsonb, OUT sql text)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    k text;
    op text;
    v jsonb;
    ov jsonb;
    path text := ctx ->> 'path';
    kpath text;
    opath text;
    parts text[] := '{}';
    sub text[];
    one text;
    i int;
    relid oid := (ctx ->> 'relid')::oid;
    col record;
    rel record;
    target oid;
    lhs text;
    rhs text;
    sctx jsonb;
    fst jsonb;
    a text;
    joins text[];
    fname text;
    args text[];
    argtypes text[];
    c text;
BEGIN
    IF jsonb_typeof(expr) IS DISTINCT FROM 'object' THEN
        PERFORM graphql._perm_error(path, 'expected a boolean expression (a JSON object)');
    END IF;
    FOR k, v IN SELECT e.key, e.value FROM jsonb_each(expr) AS e LOOP
        kpath := path || '.' || k;
        op := CASE WHEN left(k, 1) = '$' THEN '_' || substr(k, 2) ELSE k END;
        IF op IN ('_and', '_or') THEN
            IF jsonb_typeof(v) <> 'array' THEN
                PERFORM graphql._perm_error(kpath, format('expected an array of boolean expressions for %s', k));
            END IF;
            sub := '{}';
            FOR i IN 0 .. jsonb_array_length(v) - 1 LOOP
                SELECT p.st, p.sql INTO st, one
                FROM graphql._perm_compile(v -> i, jsonb_set(ctx, '{path}', to_jsonb(kpath || '[' || i || ']')), st) AS p;
                sub := sub || ('(' || one || ')');
            END LOOP;
            IF cardinality(sub) = 0 THEN
                parts := parts || CASE op WHEN '_and' THEN 'true' ELSE 'false' END;
            ELSE
                parts := parts || ('(' || array_to_string(sub, CASE op WHEN '_and' THEN ' AND ' ELSE ' OR ' END) || ')');
            END IF;
        ELSIF op = '_not' THEN
            SELECT p.st, p.sql INTO st, one
            FROM graphql._perm_compile(v, jsonb_set(ctx, '{path}', to_jsonb(kpath)), st) AS p;
            parts := parts || ('NOT (' || one || ')');
        ELSIF op = '_exists' OR EXISTS (
                SELECT FROM graphql._perm_relationship(relid, k) AS r WHERE r.target IS NOT NULL)
              AND NOT EXISTS (SELECT FROM pg_attribute AS at WHERE at.attrelid = relid
                              AND at.attname = k AND at.attnum > 0 AND NOT at.attisdropped) THEN
            -- a subquery: inline inside a generated function, else a new function
            IF op = '_exists' THEN
                IF jsonb_typeof(v) <> 'object' OR NOT v ? '_table' OR NOT v ? '_where' THEN
                    PERFORM graphql._perm_error(kpath, 'expected {"_table": ..., "_where": ...} for _exists');
                END IF;
                target := graphql._perm_table(v -> '_table', kpath || '._table');
                ov := v -> '_where';
                opath := kpath || '._where';
            ELSE
                SELECT * INTO rel FROM graphql._perm_relationship(relid, k);
                target := rel.target;
                ov := v;
                opath := kpath;
            END IF;
            IF (ctx ->> 'in_fn')::boolean THEN
                fst := st;
            ELSE
                fst := jsonb_build_object('vars', st -> 'vars', 'params', '[]'::jsonb,
                                          'fns', st -> 'fns', 'n', 0);
            END IF;
            a := 't' || ((fst ->> 'n')::int + 1);
            fst := jsonb_set(fst, '{n}', to_jsonb((fst ->> 'n')::int + 1));
            joins := '{}';
            IF op <> '_exists' THEN
                FOR i IN 1 .. cardinality(rel.source_columns) LOOP
                    IF (ctx ->> 'in_fn')::boolean THEN
                        lhs := CASE WHEN ctx ->> 'alias' IS NULL THEN quote_ident(rel.source_columns[i])
                                    ELSE format('%I.%I', ctx ->> 'alias', rel.source_columns[i]) END;
                    ELSE
                        SELECT p.st, p.sql INTO fst, lhs
                        FROM graphql._perm_root_ref(rel.source_columns[i],
                                                    jsonb_set(ctx, '{in_fn}', 'true'), fst) AS p;
                    END IF;
                    joins := joins || format('%I.%I = %s', a, rel.target_columns[i], lhs);
                END LOOP;
            END IF;
            sctx := ctx || jsonb_build_object('relid', target, 'alias', a, 'in_fn', true, 'path', opath);
            SELECT p.st, p.sql INTO fst, one FROM graphql._perm_compile(ov, sctx, fst) AS p;
            joins := joins || ('(' || one || ')');
            one := format('EXISTS (SELECT FROM %s AS %I WHERE %s)', target::regclass, a,
                          array_to_string(joins, ' AND '));
            IF (ctx ->> 'in_fn')::boolean THEN
                st := fst;
                parts := parts || one;
            ELSE
                fname := format('_perm_%s_%s', left((SELECT c.relname FROM pg_class AS c
                                                       WHERE c.oid = (ctx ->> 'root')::oid), 24),
                                left(md5((ctx ->> 'key') || '|' || kpath), 16));
                args := '{}';
                argtypes := '{}';
                FOR c IN SELECT x FROM jsonb_array_elements_text(fst -> 'params') AS x LOOP
                    SELECT p.st, p.sql INTO st, lhs
                    FROM graphql._perm_root_ref(c, jsonb_set(ctx, '{in_fn}', 'false'), st) AS p;
                    args := args || lhs;
                    argtypes := argtypes || (graphql._perm_column((ctx ->> 'root')::oid, c, kpath)).type;
                END LOOP;
                IF (ctx ->> 'create')::boolean THEN
                    EXECUTE format('CREATE OR REPLACE FUNCTION graphql.%I(%s) RETURNS boolean '
                                   'LANGUAGE sql STABLE SECURITY DEFINER '
                                   'SET search_path = pg_catalog, pg_temp AS %L',
                                   fname, array_to_string(argtypes, ', '), 'SELECT ' || one);
                    EXECUTE format('COMMENT ON FUNCTION graphql.%I(%s) IS %L', fname,
                                   array_to_string(argtypes, ', '),
                                   format('Generated by graphql._apply_permissions: %s of the %s permission of role %s on %s',
                                          kpath, ctx ->> 'kind', ctx ->> 'role',
                                          (ctx ->> 'root')::oid::regclass));
                    EXECUTE format('REVOKE EXECUTE ON FUNCTION graphql.%I(%s) FROM PUBLIC', fname,
                                   array_to_string(argtypes, ', '));
                    EXECUTE format('GRANT EXECUTE ON FUNCTION graphql.%I(%s) TO %I', fname,
                                   array_to_string(argtypes, ', '), ctx ->> 'role');
                    IF ctx ->> 'owner' IS NOT NULL AND ctx ->> 'owner' <> current_user THEN
                        EXECUTE format('ALTER FUNCTION graphql.%I(%s) OWNER TO %I', fname,
                                       array_to_string(argtypes, ', '), ctx ->> 'owner');
                    END IF;
                END IF;
                st := jsonb_set(st, '{vars}', fst -> 'vars');
                IF NOT (fst -> 'fns') ? fname THEN
                    st := jsonb_set(st, '{fns}', (fst -> 'fns') || to_jsonb(fname));
                END IF;
                parts := parts || format('graphql.%I(%s)', fname, array_to_string(args, ', '));
            END IF;
        ELSE
            -- a column
            IF left(k, 1) IN ('_', '$') AND NOT EXISTS (
                    SELECT FROM pg_attribute AS at WHERE at.attrelid = relid
                    AND at.attname = k AND at.attnum > 0 AND NOT at.attisdropped) THEN
                PERFORM graphql._perm_error(kpath, format('unknown operator "%s" (expected _and, _or, _not, _exists, a column or a relationship)', k));
            END IF;
            IF NOT EXISTS (SELECT FROM pg_attribute AS at WHERE at.attrelid = relid
                           AND at.attname = k AND at.attnum > 0 AND NOT at.attisdropped) THEN
                PERFORM graphql._perm_error(kpath, format('no column or relationship "%s" in table %s',
                                                          k, relid::regclass));
            END IF;
            col := graphql._perm_column(relid, k, kpath);
            lhs := CASE WHEN ctx ->> 'alias' IS NULL THEN quote_ident(k)
                        ELSE format('%I.%I', ctx ->> 'alias', k) END;
            IF jsonb_typeof(v) <> 'object' THEN
                v := jsonb_build_object('_eq', v);   -- {col: value} means _eq
            END IF;
            FOR op, ov IN SELECT e.key, e.value FROM jsonb_each(v) AS e LOOP
                opath := kpath || '.' || op;
                IF left(op, 1) = '$' THEN
                    op := '_' || substr(op, 2);
                END IF;
                op := CASE op WHEN '_ne' THEN '_neq' WHEN '_cne' THEN '_cneq' ELSE op END;
                IF op IN ('_eq', '_neq', '_gt', '_lt', '_gte', '_lte') THEN
                    SELECT p.st, p.sql INTO st, rhs FROM graphql._perm_value(ov, col.type, col.category, opath, st) AS p;
                    parts := parts || format('%s %s %s', lhs,
                        CASE op WHEN '_eq' THEN '=' WHEN '_neq' THEN '<>' WHEN '_gt' THEN '>'
                                WHEN '_lt' THEN '<' WHEN '_gte' THEN '>=' ELSE '<=' END, rhs);
                ELSIF op IN ('_in', '_nin') THEN
                    SELECT p.st, p.sql INTO st, rhs FROM graphql._perm_list(ov, col.type, col.category, opath, st) AS p;
                    parts := parts || format(CASE op WHEN '_in' THEN '%s = ANY (%s)' ELSE 'NOT (%s = ANY (%s))' END, lhs, rhs);
                ELSIF op = '_is_null' THEN
                    IF jsonb_typeof(ov) = 'boolean' THEN
                        parts := parts || format(CASE WHEN (ov #>> '{}')::boolean THEN '%s IS NULL' ELSE '%s IS NOT NULL' END, lhs);
                    ELSIF jsonb_typeof(ov) = 'string' AND lower(ov #>> '{}') LIKE 'x-hasura-%' THEN
                        SELECT p.st, p.sql INTO st, rhs FROM graphql._perm_value(ov, 'boolean', 'B', opath, st) AS p;
                        parts := parts || format('((%s IS NULL) = %s)', lhs, rhs);
                    ELSE
                        PERFORM graphql._perm_error(opath, 'expected a boolean for _is_null');
                    END IF;
                ELSIF op IN ('_like', '_nlike', '_ilike', '_nilike', '_similar', '_nsimilar',
                             '_regex', '_nregex', '_iregex', '_niregex') THEN
                    IF col.category <> 'S' THEN
                        PERFORM graphql._perm_error(opath, format('operator %s is for text columns; column "%s" is of type %s',
                                                                  op, k, col.type));
                    END IF;
                    SELECT p.st, p.sql INTO st, rhs FROM graphql._perm_value(ov, col.type, col.category, opath, st) AS p;
                    parts := parts || format('%s %s %s', lhs,
                        CASE op WHEN '_like' THEN 'LIKE' WHEN '_nlike' THEN 'NOT LIKE'
                                WHEN '_ilike' THEN 'ILIKE' WHEN '_nilike' THEN 'NOT ILIKE'
                                WHEN '_similar' THEN 'SIMILAR TO' WHEN '_nsimilar' THEN 'NOT SIMILAR TO'
                                WHEN '_regex' THEN '~' WHEN '_nregex' THEN '!~'
                                WHEN '_iregex' THEN '~*' ELSE '!~*' END, rhs);
                ELSIF op IN ('_contains', '_contained_in', '_has_key', '_has_keys_any', '_has_keys_all') THEN
                    IF col.typname <> 'jsonb' THEN
                        PERFORM graphql._perm_error(opath, format('operator %s is for jsonb columns; column "%s" is of type %s',
                                                                  op, k, col.type));
                    END IF;
                    IF op IN ('_contains', '_contained_in') THEN
                        SELECT p.st, p.sql INTO st, rhs FROM graphql._perm_value(ov, 'jsonb', 'U', opath, st) AS p;
                    ELSIF op = '_has_key' THEN
                        SELECT p.st, p.sql INTO st, rhs FROM graphql._perm_value(ov, 'text', 'S', opath, st) AS p;
                    ELSE
                        SELECT p.st, p.sql INTO st, rhs FROM graphql._perm_list(ov, 'text', 'S', opath, st) AS p;
                    END IF;
                    parts := parts || format('%s %s %s', lhs,
                        CASE op WHEN '_contains' THEN '@>' WHEN '_contained_in' THEN '<@'
                                WHEN '_has_key' THEN '?' WHEN '_has_keys_any' THEN '?|' ELSE '?&' END, rhs);
                ELSIF op IN ('_ceq', '_cneq', '_cgt', '_clt', '_cgte', '_clte') THEN
                    IF jsonb_typeof(ov) = 'string' THEN
                        PERFORM graphql._perm_column(relid, ov #>> '{}', opath);
                        rhs := CASE WHEN ctx ->> 'alias' IS NULL THEN quote_ident(ov #>> '{}')
                                    ELSE format('%I.%I', ctx ->> 'alias', ov #>> '{}') END;
                    ELSIF jsonb_typeof(ov) = 'array' AND jsonb_array_length(ov) = 2 AND ov ->> 0 = '$'
                          AND jsonb_typeof(ov -> 1) = 'string' THEN
                        PERFORM graphql._perm_column((ctx ->> 'root')::oid, ov ->> 1, opath || '[1]');
                        SELECT p.st, p.sql INTO st, rhs FROM graphql._perm_root_ref(ov ->> 1, ctx, st) AS p;
                    ELSIF jsonb_typeof(ov) = 'array' AND jsonb_array_length(ov) = 1
                          AND jsonb_typeof(ov -> 0) = 'string' THEN
                        PERFORM graphql._perm_column(relid, ov ->> 0, opath || '[0]');
                        rhs := CASE WHEN ctx ->> 'alias' IS NULL THEN quote_ident(ov ->> 0)
                                    ELSE format('%I.%I', ctx ->> 'alias', ov ->> 0) END;
                    ELSE
                        PERFORM graphql._perm_error(opath, format('expected a column name or ["$", column] for %s', op));
                    END IF;
                    parts := parts || format('%s %s %s', lhs,
                        CASE op WHEN '_ceq' THEN '=' WHEN '_cneq' THEN '<>' WHEN '_cgt' THEN '>'
                                WHEN '_clt' THEN '<' WHEN '_cgte' THEN '>=' ELSE '<=' END, rhs);
                ELSE
                    PERFORM graphql._perm_error(opath, format('unknown operator "%s" for column "%s"', op, k));
                END IF;
            END LOOP;
        END IF;
    END LOOP;
    IF cardinality(parts) = 0 THEN
        sql := 'true';
    ELSIF cardinality(parts) = 1 THEN
        sql := parts[1];
    ELSE
        sql := '(' || array_to_string(parts, ') AND (') || ')';
    END IF;
END;
$$;
COMMENT ON FUNCTION graphql._perm_compile(jsonb, jsonb, jsonb) IS
'Permission compiler: a Hasura boolean expression as SQL over one table (see doc/permissions.md)';

-- A whole filter or check: the expression behind a guard that every session
-- variable it reads is set (a missing variable lets no row through).
CREATE FUNCTION graphql._perm_expression(expr jsonb, relid oid, role name, kind text,
                                         path text, alias text, create_functions boolean,
                                         INOUT fns jsonb, OUT sql text)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    st jsonb := jsonb_build_object('vars', '[]'::jsonb, 'params', '[]'::jsonb, 'fns', fns, 'n', 0);
    ctx jsonb;
    guard text;
BEGIN
    ctx := jsonb_build_object(
        'relid', relid, 'root', relid, 'alias', alias, 'in_fn', false, 'path', path,
        'role', role, 'kind', kind, 'create', create_functions,
        'key', format('%s|%s|%s', relid::regclass, role, kind),
        'owner', (SELECT r.rolname FROM pg_extension AS e JOIN pg_roles AS r ON r.oid = e.extowner
                  WHERE e.extname = 'graphql'));
    SELECT p.st, p.sql INTO st, sql FROM graphql._perm_compile(coalesce(expr, '{}'), ctx, st) AS p;
    SELECT string_agg(format('graphql.session_var(%L) IS NOT NULL', v), ' AND ' ORDER BY v)
    INTO guard FROM jsonb_array_elements_text(st -> 'vars') AS v;
    IF guard IS NOT NULL THEN
        sql := guard || ' AND (' || sql || ')';
    END IF;
    fns := st -> 'fns';
END;
$$;
COMMENT ON FUNCTION graphql._perm_expression(jsonb, oid, name, text, text, text, boolean, jsonb) IS
'Permission compiler: a filter or check of a permission as SQL, guarded by its session variables being set';

CREATE FUNCTION graphql.permission_filter_sql(relid oid, role name, kind text, alias text)
RETURNS text
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    perm jsonb;
    s name;
    t name;
    k text := CASE kind WHEN 'update_check' THEN 'update' ELSE kind END;
    part text := CASE kind WHEN 'insert' THEN 'check' WHEN 'update_check' THEN 'check' ELSE 'filter' END;
    r text;
BEGIN
    IF kind NOT IN ('select', 'insert', 'update', 'delete', 'update_check') THEN
        RAISE EXCEPTION 'unknown permission kind "%"', kind
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use select, insert (its check), update (its filter), update_check or delete.';
    END IF;
    SELECT n.nspname, c.relname INTO s, t
    FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE c.oid = relid;
    SELECT p.permission INTO perm FROM graphql.metadata_permission AS p
    WHERE p.table_schema = s AND p.table_name = t AND p.role = role AND p.kind = k;
    IF perm IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT e.sql INTO r
    FROM graphql._perm_expression(perm -> part, relid, role, k, '$.args.permission.' || part,
                                  alias, false, '[]') AS e;
    RETURN r;
END;
$$;
COMMENT ON FUNCTION graphql.permission_filter_sql(oid, name, text, text) IS
'The compiled filter (kind select, update, delete) or check (insert, update_check) of a role''s permission on a relation, with its columns qualified by alias; NULL when the role has no such permission. For views, whose rows row level security cannot filter';

-- ------------------------------------------------------------ rebuild

CREATE FUNCTION graphql._perm_policy_name(role name, kind text)
RETURNS name
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN octet_length(format('graphql_%s_%s', role, kind)) <= 63
                THEN format('graphql_%s_%s', role, kind)
                ELSE format('graphql_%s_%s_%s', left(md5(role), 12), left(role, 20), kind) END::name
$$;
COMMENT ON FUNCTION graphql._perm_policy_name(name, text) IS
'The name of the managed policy of a role and kind: graphql_<role>_<kind> (with a hash when the role''s name is long)';

-- Columns of a permission (a list, or "*" for every column: NULL) plus the keys of its presets
CREATE FUNCTION graphql._perm_columns(relid oid, perm jsonb, with_set boolean, path text)
RETURNS name[]
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cols name[] := '{}';
    c text;
    i int := 0;
BEGIN
    IF perm -> 'columns' = '"*"' OR (with_set AND NOT perm ? 'columns') THEN
        RETURN NULL;      -- every column (insert and update without columns too)
    END IF;
    IF NOT perm ? 'columns' THEN
        PERFORM graphql._perm_error(path, 'the permission has no "columns"');
    END IF;
    IF perm ? 'columns' AND jsonb_typeof(perm -> 'columns') <> 'array' THEN
        PERFORM graphql._perm_error(path || '.columns', 'expected an array of column names or "*"');
    END IF;
    FOR c IN SELECT x FROM jsonb_array_elements_text(coalesce(perm -> 'columns', '[]')) AS x LOOP
        PERFORM graphql._perm_column(relid, c, path || '.columns[' || i || ']');
        cols := cols || c::name;
        i := i + 1;
    END LOOP;
    IF with_set AND jsonb_typeof(perm -> 'set') = 'object' THEN
        FOR c IN SELECT x FROM jsonb_object_keys(perm -> 'set') AS x LOOP
            PERFORM graphql._perm_column(relid, c, path || '.set.' || c);
            IF NOT c = ANY (cols) THEN
                cols := cols || c::name;
            END IF;
        END LOOP;
    END IF;
    RETURN cols;
END;
$$;
COMMENT ON FUNCTION graphql._perm_columns(oid, jsonb, boolean, text) IS
'The columns a permission grants (NULL for "*": the whole table), with the preset columns (set) for insert and update';

CREATE FUNCTION graphql._perm_rebuild(relid oid, strict boolean)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    s name;
    t name;
    relkind "char";
    rls boolean;
    rls_able boolean;
    rec graphql.permission_managed;
    r record;
    f name;
    seq regclass;
    fns jsonb := '[]';
    roles name[] := '{}';
    has_rows boolean;
    filter_sql text;
    check_sql text;
    cols name[];
    priv text;
    admin text := nullif(current_setting('graphql.admin_role', true), '');
    path text := '$.args.permission';
BEGIN
    SELECT n.nspname, c.relname, c.relkind, c.relrowsecurity INTO s, t, relkind, rls
    FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE c.oid = relid;
    IF s IS NULL THEN
        RETURN;
    END IF;
    rls_able := relkind IN ('r', 'p');
    SELECT * INTO rec FROM graphql.permission_managed AS m
    WHERE m.table_schema = s AND m.table_name = t FOR UPDATE;
    IF NOT FOUND THEN
        rec := ROW(s, t, false, '{}', '{}');
    END IF;

    -- undo: managed policies, generated functions, privileges of managed roles
    FOR r IN SELECT p.polname FROM pg_policy AS p
             WHERE p.polrelid = relid AND p.polname LIKE 'graphql\_%' LOOP
        EXECUTE format('DROP POLICY %I ON %s', r.polname, relid::regclass);
    END LOOP;
    FOREACH f IN ARRAY rec.functions LOOP
        EXECUTE format('DROP FUNCTION IF EXISTS graphql.%I', f);
    END LOOP;
    FOR r IN SELECT x AS rolname FROM unnest(rec.roles) AS x
             WHERE EXISTS (SELECT FROM pg_roles AS pr WHERE pr.rolname = x) LOOP
        EXECUTE format('REVOKE ALL ON %s FROM %I', relid::regclass, r.rolname);
        FOR seq IN SELECT d.objid::regclass FROM pg_depend AS d
                   WHERE d.refobjid = relid AND d.classid = 'pg_class'::regclass
                     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                     AND EXISTS (SELECT FROM pg_class AS sc WHERE sc.oid = d.objid AND sc.relkind = 'S') LOOP
            EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM %I', seq, r.rolname);
        END LOOP;
    END LOOP;

    -- build
    has_rows := EXISTS (SELECT FROM graphql.metadata_permission AS p
                        WHERE p.table_schema = s AND p.table_name = t);
    FOR r IN SELECT p.role, p.kind, p.permission FROM graphql.metadata_permission AS p
             WHERE p.table_schema = s AND p.table_name = t ORDER BY p.role, p.kind LOOP
        BEGIN
            IF r.role IN ('public', 'admin') OR r.role LIKE 'pg\_%' OR r.role = admin THEN
                PERFORM graphql._perm_error('$.args.role',
                    format('role "%s" cannot have permissions (reserved or the admin role)', r.role));
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles AS pr WHERE pr.rolname = r.role) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r.role);
            END IF;
            IF NOT has_schema_privilege(r.role, s, 'USAGE') THEN
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, r.role);
            END IF;
            filter_sql := NULL;
            check_sql := NULL;
            IF r.kind IN ('select', 'update', 'delete') THEN
                SELECT e.fns, e.sql INTO fns, filter_sql
                FROM graphql._perm_expression(r.permission -> 'filter', relid, r.role, r.kind,
                                              path || '.filter', NULL, true, fns) AS e;
            END IF;
            IF r.kind IN ('insert', 'update') THEN
                SELECT e.fns, e.sql INTO fns, check_sql
                FROM graphql._perm_expression(r.permission -> 'check', relid, r.role, r.kind,
                                              path || '.check', NULL, true, fns) AS e;
            END IF;
            IF rls_able THEN
                EXECUTE format('CREATE POLICY %I ON %s AS PERMISSIVE FOR %s TO %I%s%s',
                               graphql._perm_policy_name(r.role, r.kind), relid::regclass,
                               upper(r.kind), r.role,
                               CASE WHEN filter_sql IS NOT NULL THEN ' USING (' || filter_sql || ')' ELSE '' END,
                               CASE WHEN check_sql IS NOT NULL THEN ' WITH CHECK (' || check_sql || ')' ELSE '' END);
            END IF;
            IF r.kind = 'delete' THEN
                EXECUTE format('GRANT DELETE ON %s TO %I', relid::regclass, r.role);
            ELSE
                cols := graphql._perm_columns(relid, r.permission, r.kind <> 'select', path);
                priv := upper(r.kind);
                IF cols IS NULL THEN
                    EXECUTE format('GRANT %s ON %s TO %I', priv, relid::regclass, r.role);
                ELSIF cardinality(cols) > 0 THEN
                    EXECUTE format('GRANT %s (%s) ON %s TO %I', priv,
                                   (SELECT string_agg(quote_ident(x), ', ') FROM unnest(cols) AS x),
                                   relid::regclass, r.role);
                END IF;
            END IF;
            IF r.kind = 'insert' THEN
                FOR seq IN SELECT d.objid::regclass FROM pg_depend AS d
                           WHERE d.refobjid = relid AND d.classid = 'pg_class'::regclass
                             AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                             AND EXISTS (SELECT FROM pg_class AS sc WHERE sc.oid = d.objid AND sc.relkind = 'S') LOOP
                    EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I', seq, r.role);
                END LOOP;
            END IF;
            IF NOT r.role = ANY (roles) THEN
                roles := roles || r.role;
            END IF;
        EXCEPTION WHEN SQLSTATE 'GQ100' THEN
            IF strict THEN
                RAISE;
            END IF;
            -- an inconsistent permission is left out: its role gets nothing (row
            -- level security stays on, so no row is let through)
        END;
    END LOOP;

    -- row level security and the admin policy
    IF rls_able AND has_rows THEN
        IF NOT rls THEN
            EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', relid::regclass);
            rec.rls_enabled := true;
        END IF;
        IF admin IS NOT NULL AND EXISTS (SELECT FROM pg_roles AS pr WHERE pr.rolname = admin) THEN
            EXECUTE format('CREATE POLICY graphql_admin ON %s AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)',
                           relid::regclass, admin);
        END IF;
    ELSIF rec.rls_enabled THEN
        IF rls THEN
            EXECUTE format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY', relid::regclass);
        END IF;
        rec.rls_enabled := false;
    END IF;

    rec.roles := roles;
    rec.functions := ARRAY(SELECT x FROM jsonb_array_elements_text(fns) AS x);
    DELETE FROM graphql.permission_managed AS m WHERE m.table_schema = s AND m.table_name = t;
    IF rec.rls_enabled OR cardinality(rec.roles) > 0 OR cardinality(rec.functions) > 0 THEN
        INSERT INTO graphql.permission_managed SELECT rec.*;
    END IF;
END;
$$;
COMMENT ON FUNCTION graphql._perm_rebuild(oid, boolean) IS
'Rebuilds the managed policies, GRANTs and generated functions of one table; strict: an invalid permission is an error, else it is left out';

CREATE FUNCTION graphql._apply_permissions(relid oid)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM graphql._perm_rebuild(relid, true);
END;
$$;
COMMENT ON FUNCTION graphql._apply_permissions(oid) IS
'Rebuilds, in the current transaction, the row level security policies, GRANTs and generated functions of one table from graphql.metadata_permission; an invalid permission raises GQ100 (parse-failed, with its path)';

CREATE FUNCTION graphql._apply_all_permissions()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
    f name;
BEGIN
    FOR r IN SELECT x.table_schema, x.table_name, c.oid AS relid, m.functions
             FROM (SELECT p.table_schema, p.table_name FROM graphql.metadata_permission AS p
                   UNION
                   SELECT m.table_schema, m.table_name FROM graphql.permission_managed AS m) AS x
             LEFT JOIN pg_namespace AS n ON n.nspname = x.table_schema
             LEFT JOIN pg_class AS c ON c.relnamespace = n.oid AND c.relname = x.table_name
             LEFT JOIN graphql.permission_managed AS m
                    ON m.table_schema = x.table_schema AND m.table_name = x.table_name
             ORDER BY x.table_schema, x.table_name LOOP
        IF r.relid IS NOT NULL THEN
            PERFORM graphql._perm_rebuild(r.relid, false);
        ELSE
            -- the table is gone (its policies with it): drop what is left
            FOREACH f IN ARRAY coalesce(r.functions, '{}') LOOP
                EXECUTE format('DROP FUNCTION IF EXISTS graphql.%I', f);
            END LOOP;
            DELETE FROM graphql.permission_managed AS m
            WHERE m.table_schema = r.table_schema AND m.table_name = r.table_name;
        END IF;
    END LOOP;
END;
$$;
COMMENT ON FUNCTION graphql._apply_all_permissions() IS
'Rebuilds the policies and GRANTs of every table that has or had managed permissions; invalid (inconsistent) permissions are left out, their roles get no rows';

CREATE FUNCTION graphql.permission_problem(table_schema name, table_name name, role name, kind text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    perm jsonb;
    relid oid;
    detail text;
BEGIN
    SELECT p.permission INTO perm FROM graphql.metadata_permission AS p
    WHERE p.table_schema = table_schema AND p.table_name = table_name AND p.role = role AND p.kind = kind;
    IF perm IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT c.oid INTO relid FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
    WHERE n.nspname = table_schema AND c.relname = table_name;
    IF relid IS NULL THEN
        RETURN jsonb_build_object('path', '$.args.table', 'error',
                                  format('table "%s.%s" does not exist', table_schema, table_name),
                                  'code', 'not-exists');
    END IF;
    BEGIN
        IF kind IN ('select', 'update', 'delete') THEN
            PERFORM graphql._perm_expression(perm -> 'filter', relid, role, kind,
                                             '$.args.permission.filter', NULL, false, '[]');
        END IF;
        IF kind IN ('insert', 'update') THEN
            PERFORM graphql._perm_expression(perm -> 'check', relid, role, kind,
                                             '$.args.permission.check', NULL, false, '[]');
        END IF;
        IF kind <> 'delete' THEN
            PERFORM graphql._perm_columns(relid, perm, kind <> 'select', '$.args.permission');
        END IF;
    EXCEPTION WHEN SQLSTATE 'GQ100' THEN
        GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
        RETURN detail::jsonb;
    END;
    RETURN NULL;
END;
$$;
REVOKE EXECUTE ON FUNCTION graphql.permission_problem(name, name, name, text) FROM PUBLIC;
COMMENT ON FUNCTION graphql.permission_problem(name, name, name, text) IS
'Why a permission of graphql.metadata_permission cannot be compiled (Hasura''s error body: path, error, code), NULL when it can; for get_inconsistent_metadata';

REVOKE EXECUTE ON FUNCTION graphql._apply_permissions(oid), graphql._apply_all_permissions(),
    graphql._perm_rebuild(oid, boolean) FROM PUBLIC;
