/* graphql--0.1.0.sql, part 1: core objects (src/extension/core.sql) */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION graphql" to load this file. \quit

-- The extension's functions are meant for every role; what a role may see
-- is decided per function (and, later, by GRANTs and row level security).
GRANT USAGE ON SCHEMA graphql TO PUBLIC;

CREATE FUNCTION graphql.parse(document text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'graphql_parse'
LANGUAGE C STRICT STABLE PARALLEL SAFE;

COMMENT ON FUNCTION graphql.parse(text) IS
'Parses a GraphQL document and returns its AST as jsonb (graphql-js shape, with line/column locations), or {"errors": [{"message", "locations"}]} for a syntax error; never raises for bad input';

-- Schema version: the schema cache of every backend (src/reflect/cache.c)
-- is rebuilt when this one row changes.  The event triggers below set it to
-- a fresh sequence value after every DDL command (CREATE, ALTER, DROP,
-- COMMENT, GRANT, REVOKE, ...) that touches a non-temporary object.
CREATE SEQUENCE graphql.schema_version_seq;

CREATE TABLE graphql.schema_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version bigint NOT NULL
);
INSERT INTO graphql.schema_version (version)
VALUES (nextval('graphql.schema_version_seq'));
GRANT SELECT ON graphql.schema_version TO PUBLIC;

COMMENT ON TABLE graphql.schema_version IS
'One row: the version of the database schema as GraphQL sees it; bumped by the event triggers graphql_ddl_command_end and graphql_sql_drop';

CREATE FUNCTION graphql.bump_schema_version()
RETURNS event_trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_EVENT = 'sql_drop' THEN
        IF NOT EXISTS (SELECT FROM pg_event_trigger_dropped_objects()
                       WHERE NOT is_temporary) THEN
            RETURN;
        END IF;
    ELSIF NOT EXISTS (SELECT FROM pg_event_trigger_ddl_commands()
                      WHERE schema_name IS NULL
                         OR (schema_name NOT LIKE 'pg\_temp\_%'
                             AND schema_name <> 'pg_temp')) THEN
        RETURN;
    END IF;
    UPDATE graphql.schema_version
    SET version = nextval('graphql.schema_version_seq');
END;
$$;

COMMENT ON FUNCTION graphql.bump_schema_version() IS
'Event trigger function: bumps graphql.schema_version unless the command only touched temporary objects';

CREATE EVENT TRIGGER graphql_ddl_command_end ON ddl_command_end
EXECUTE FUNCTION graphql.bump_schema_version();

CREATE EVENT TRIGGER graphql_sql_drop ON sql_drop
EXECUTE FUNCTION graphql.bump_schema_version();

CREATE FUNCTION graphql.sdl()
RETURNS text
AS 'MODULE_PATHNAME', 'graphql_sdl'
LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION graphql.sdl() IS
'The GraphQL schema of the current role (relations of the schemas in graphql.schemas that the role may select), as SDL';

CREATE FUNCTION graphql.resolve(query text, variables jsonb DEFAULT NULL,
                                operation_name text DEFAULT NULL,
                                extensions jsonb DEFAULT NULL)
RETURNS json
AS 'MODULE_PATHNAME', 'graphql_resolve'
LANGUAGE C VOLATILE;

COMMENT ON FUNCTION graphql.resolve(text, jsonb, text, jsonb) IS
'Answers a GraphQL query over the relations the current role may see with one SQL statement; returns the GraphQL response {"data", "errors"} and never raises for a GraphQL or SQL error';

CREATE FUNCTION graphql.explain(query text, variables jsonb DEFAULT NULL,
                                operation_name text DEFAULT NULL,
                                plan text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'graphql_explain'
LANGUAGE C VOLATILE;

COMMENT ON FUNCTION graphql.explain(text, jsonb, text, text) IS
'The SQL statement graphql.resolve would run for a GraphQL query (values as $n parameters); with plan => ''plan'' its EXPLAIN (COSTS OFF), with plan => ''analyze'' its EXPLAIN ANALYZE (run, then rolled back)';

-- API keys of the HTTP server: a key is shown once by create_api_key and
-- only its SHA-256 is kept.  The HTTP workers look keys up by that hash
-- (src/http/auth.c); their login role needs SELECT on the table (a
-- superuser has it).
CREATE TABLE graphql.api_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_hash bytea NOT NULL UNIQUE,
    key_prefix text NOT NULL,
    role name NOT NULL,
    session jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(session) = 'object'),
    read_only boolean NOT NULL DEFAULT false,
    expires timestamptz,
    description text,
    created timestamptz NOT NULL DEFAULT now(),
    created_by name NOT NULL DEFAULT current_user,
    revoked timestamptz
);
REVOKE ALL ON graphql.api_keys FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('graphql.api_keys', '');

COMMENT ON TABLE graphql.api_keys IS
'API keys of the HTTP server (sent as Authorization: Bearer): role, session variables, read-only flag, expiry; only the SHA-256 of each key is stored';

CREATE FUNCTION graphql.create_api_key(role name, session jsonb DEFAULT '{}',
                                       expires timestamptz DEFAULT NULL,
                                       read_only boolean DEFAULT false,
                                       description text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    secret text;
BEGIN
    IF role IS NULL OR NOT EXISTS (SELECT FROM pg_roles AS r WHERE r.rolname = role) THEN
        RAISE EXCEPTION 'role "%" does not exist', role
            USING ERRCODE = 'undefined_object';
    END IF;
    IF session IS NULL OR jsonb_typeof(session) <> 'object' THEN
        RAISE EXCEPTION 'the session variables must be a JSON object'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- two version 4 UUIDs: 244 bits from pg_strong_random()
    secret := 'gqlk_' || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
    INSERT INTO graphql.api_keys (key_hash, key_prefix, role, session, read_only,
                                  expires, description)
    VALUES (sha256(convert_to(secret, 'UTF8')), left(secret, 13), role, session,
            coalesce(read_only, false), expires, description);
    RETURN secret;
END;
$$;
REVOKE EXECUTE ON FUNCTION graphql.create_api_key(name, jsonb, timestamptz, boolean, text) FROM PUBLIC;

COMMENT ON FUNCTION graphql.create_api_key(name, jsonb, timestamptz, boolean, text) IS
'Creates an API key for the HTTP server acting as role, with these session variables; returns the key, which is shown only this once';

CREATE FUNCTION graphql.revoke_api_key(id bigint)
RETURNS boolean
LANGUAGE sql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH revoked AS (
        UPDATE graphql.api_keys AS k SET revoked = now()
        WHERE k.id = revoke_api_key.id AND k.revoked IS NULL
        RETURNING 1
    )
    SELECT count(*) > 0 FROM revoked
$$;
REVOKE EXECUTE ON FUNCTION graphql.revoke_api_key(bigint) FROM PUBLIC;

COMMENT ON FUNCTION graphql.revoke_api_key(bigint) IS
'Revokes the API key with this id (see graphql.api_key_list); true when a live key was revoked';

CREATE VIEW graphql.api_key_list AS
SELECT id, key_prefix, role, session, read_only, expires, description, created,
       created_by, revoked,
       revoked IS NULL AND (expires IS NULL OR expires > now()) AS live
FROM graphql.api_keys;
REVOKE ALL ON graphql.api_key_list FROM PUBLIC;

COMMENT ON VIEW graphql.api_key_list IS
'The API keys without their secrets: the first characters of each key, its role, session, flags and state';
