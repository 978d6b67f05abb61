
/* graphql--0.1.0.sql, part 3: what reflection reads of the metadata (src/metadata/reflect.sql) */

-- CONTRACT STUBS (columns are final; bodies to be written): each view shows the
-- consistent part of the metadata only, with names resolved to OIDs.

CREATE VIEW graphql.reflect_tables AS
SELECT NULL::oid AS relid, NULL::text AS custom_name, NULL::jsonb AS custom_root_fields,
       NULL::jsonb AS column_names, NULL::boolean AS is_enum, NULL::bigint AS position
WHERE false;

CREATE VIEW graphql.reflect_relationships AS
SELECT NULL::oid AS relid, NULL::text AS name, NULL::text AS kind, NULL::oid AS target,
       NULL::name[] AS source_columns, NULL::name[] AS target_columns, NULL::bigint AS position
WHERE false;

CREATE VIEW graphql.reflect_computed_fields AS
SELECT NULL::oid AS relid, NULL::text AS name, NULL::oid AS function,
       NULL::text AS table_argument, NULL::text AS session_argument, NULL::text AS comment
WHERE false;

CREATE VIEW graphql.reflect_functions AS
SELECT NULL::oid AS function, NULL::text AS custom_name, NULL::jsonb AS custom_root_fields,
       NULL::text AS session_argument, NULL::text AS exposed_as
WHERE false;

CREATE VIEW graphql.reflect_permissions AS
SELECT NULL::oid AS relid, NULL::name AS role, NULL::text AS kind, NULL::name[] AS columns,
       NULL::jsonb AS filter, NULL::jsonb AS "check", NULL::jsonb AS preset,
       NULL::integer AS row_limit, NULL::boolean AS allow_aggregations,
       NULL::text[] AS computed_fields, NULL::text[] AS query_root_fields,
       NULL::text[] AS subscription_root_fields, NULL::boolean AS backend_only
WHERE false;

CREATE VIEW graphql.reflect_function_permissions AS
SELECT NULL::oid AS function, NULL::name AS role
WHERE false;

GRANT SELECT ON graphql.reflect_tables, graphql.reflect_relationships,
    graphql.reflect_computed_fields, graphql.reflect_functions,
    graphql.reflect_permissions, graphql.reflect_function_permissions TO PUBLIC;
