-- graphql.metadata: Hasura's /v1/metadata API (doc/metadata.md). Every command type with its
-- answers and errors (SQLSTATE GQ100, Hasura's error body in DETAIL), resource_version,
-- admin-only access, inconsistent objects, export/replace round trips, bulk atomicity, and
-- what the reflect_* views make of the metadata.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/metadata.sql
\set ECHO all

-- m(request): the answer, or ERROR <sqlstate> <detail> (DETAIL is Hasura's error body)
CREATE SCHEMA md_util;
CREATE FUNCTION md_util.m(request jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text; s text;
BEGIN
  RETURN graphql.metadata(request)::text;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, s = RETURNED_SQLSTATE;
  RETURN 'ERROR ' || s || ' ' || coalesce(d, '(no detail)');
END $$;
CREATE FUNCTION md_util.rv() RETURNS bigint LANGUAGE sql AS $$
  SELECT resource_version FROM graphql.metadata_state $$;
GRANT USAGE ON SCHEMA md_util TO PUBLIC;

-- the error as psql shows it: Hasura's message, the body in DETAIL
\set SHOW_CONTEXT never
SELECT graphql.metadata('{"type": "pg_track_table", "args": {"table": "md_nothing"}}');
\set SHOW_CONTEXT errors

-- ---------------------------------------------------------------- request shape
SELECT md_util.m('[]');
SELECT md_util.m('{"args": {}}');
SELECT md_util.m('{"type": 1, "args": {}}');
SELECT md_util.m('{"type": "track_table", "args": {"table": "md_author"}}');
SELECT md_util.m('{"type": "export_metadata", "version": 3, "args": {}}');
SELECT md_util.m('{"type": "export_metadata", "resource_version": "1", "args": {}}');
-- nothing tracked yet: an empty document, resource_version 1 (no state row yet)
SELECT md_util.m('{"type": "export_metadata", "args": {}}');
SELECT md_util.m('{"type": "export_metadata", "version": 2, "args": {}}');
SELECT md_util.rv();

-- ---------------------------------------------------------------- tables
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_author"}}');
SELECT md_util.rv();
SELECT md_util.m('{"type": "pg_track_table", "args": {"schema": "public", "name": "md_article"}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": {"schema": "public", "name": "md_pair"}, "source": "default"}}');
SELECT md_util.m('{"type": "pg_track_table", "args": "md_pair_ref"}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_color", "is_enum": true}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_author_name", "configuration": {"custom_name": "authorNames", "custom_root_fields": {"select": "names", "select_by_pk": {"name": "nameById", "comment": "one"}}}}}');
SELECT md_util.rv();
-- errors
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_author"}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": {"schema": "nope", "name": "md_author"}}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": 5}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_not_enum", "source": "other"}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_not_enum", "is_enum": true}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_not_enum", "is_enum": "yes"}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_not_enum", "configuration": {"custom_name": "not a name"}}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_not_enum", "configuration": {"column_config": {"nope": {"custom_name": "x"}}}}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_not_enum", "configuration": {"custom_root_fields": {"selekt": "x"}}}}');
-- failures change nothing
SELECT md_util.rv();
-- pg_track_tables: atomic
SELECT md_util.m('{"type": "pg_track_tables", "args": {"tables": [{"table": "md_not_enum"}, {"table": "md_nothing"}]}}');
SELECT md_util.m('{"type": "pg_track_tables", "args": {"tables": [{"table": "md_not_enum", "configuration": {"custom_column_names": {"v": "value"}}}]}}');
SELECT relid::regclass, custom_name, custom_root_fields, column_names, is_enum FROM graphql.reflect_tables ORDER BY position;

-- customization and is_enum
SELECT md_util.m('{"type": "pg_set_table_customization", "args": {"table": "md_author", "configuration": {"custom_name": "writer", "custom_root_fields": {"select": "writers", "insert_one": {"name": "addWriter"}, "delete": null}, "column_config": {"bio": {"custom_name": "biography", "comment": "about"}, "name": {"custom_name": "fullName"}}, "custom_column_names": {"name": "ignored", "id": "writerId"}}}}');
SELECT md_util.m('{"type": "pg_set_table_customization", "args": {"table": "md_nothing", "configuration": {}}}');
SELECT md_util.m('{"type": "pg_set_table_customization", "args": {"table": "md_author", "configuration": []}}');
SELECT md_util.m('{"type": "pg_set_table_is_enum", "args": {"table": "md_not_enum", "is_enum": true}}');
SELECT md_util.m('{"type": "pg_set_table_is_enum", "args": {"table": "md_color", "is_enum": false}}');
SELECT md_util.m('{"type": "pg_set_table_is_enum", "args": {"table": "md_color"}}');
SELECT md_util.m('{"type": "pg_set_table_is_enum", "args": {"table": "md_color", "is_enum": true}}');
SELECT relid::regclass, custom_name, custom_root_fields, column_names, is_enum FROM graphql.reflect_tables ORDER BY position;

-- ---------------------------------------------------------------- relationships
-- every form of foreign_key_constraint_on, and manual_configuration
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_article", "name": "author", "using": {"foreign_key_constraint_on": "author_id"}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "articles", "comment": "what they wrote", "using": {"foreign_key_constraint_on": {"table": "md_article", "column": "author_id"}}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_pair_ref", "name": "pair", "using": {"foreign_key_constraint_on": ["x", "y"]}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_pair", "name": "refs", "using": {"foreign_key_constraint_on": {"table": {"schema": "public", "name": "md_pair_ref"}, "columns": ["y", "x"]}}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_author", "name": "first_article", "using": {"foreign_key_constraint_on": {"table": "md_article", "columns": "author_id"}}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_author_name", "name": "author", "using": {"manual_configuration": {"remote_table": "md_author", "column_mapping": {"id": "id"}}}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "names", "using": {"manual_configuration": {"remote_table": {"schema": "public", "name": "md_author_name"}, "column_mapping": {"id": "id", "name": "name"}, "insertion_order": null}}}}');
SELECT relid::regclass, name, kind, target::regclass, source_columns, target_columns
FROM graphql.reflect_relationships ORDER BY position;
-- errors
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_article", "name": "author", "using": {"foreign_key_constraint_on": "author_id"}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_article", "name": "title", "using": {"foreign_key_constraint_on": "author_id"}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_article", "name": "bad name", "using": {"foreign_key_constraint_on": "author_id"}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_article", "name": "x", "using": {"foreign_key_constraint_on": "nope"}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_article", "name": "x", "using": {"foreign_key_constraint_on": "title"}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_pair_ref", "name": "p2", "using": {"foreign_key_constraint_on": ["x", "nope"]}}}');
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_pair_ref", "name": "p2", "using": {"foreign_key_constraint_on": ["x"]}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "x", "using": {"foreign_key_constraint_on": "id"}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "x", "using": {"foreign_key_constraint_on": {"table": "md_article", "column": "title"}}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "x", "using": {"foreign_key_constraint_on": {"table": "md_secret", "column": "id"}}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "x", "using": {}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "x", "using": {"foreign_key_constraint_on": "id", "manual_configuration": {}}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "x", "using": {"manual_configuration": {"remote_table": "md_article", "column_mapping": {"id": "nope"}}}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_author", "name": "x", "using": {"manual_configuration": {"remote_table": "md_article", "column_mapping": {}}}}}');
SELECT md_util.m('{"type": "pg_create_array_relationship", "args": {"table": "md_nothing", "name": "x", "using": {"foreign_key_constraint_on": {"table": "md_article", "column": "author_id"}}}}');
-- rename and drop
SELECT md_util.m('{"type": "pg_rename_relationship", "args": {"table": "md_author", "name": "first_article", "new_name": "an_article"}}');
SELECT md_util.m('{"type": "pg_rename_relationship", "args": {"table": "md_author", "name": "an_article", "new_name": "articles"}}');
SELECT md_util.m('{"type": "pg_rename_relationship", "args": {"table": "md_author", "name": "nope", "new_name": "other"}}');
SELECT md_util.m('{"type": "pg_drop_relationship", "args": {"table": "md_author", "relationship": "an_article"}}');
SELECT md_util.m('{"type": "pg_drop_relationship", "args": {"table": "md_author", "relationship": "an_article"}}');
SELECT md_util.m('{"type": "pg_drop_relationship", "args": {"table": "md_author"}}');

-- ---------------------------------------------------------------- computed fields
SELECT md_util.m('{"type": "pg_add_computed_field", "args": {"table": "md_author", "name": "label", "definition": {"function": "md_author_label", "table_argument": "author_row", "session_argument": "hasura_session"}, "comment": "name and id"}}');
SELECT md_util.m('{"type": "pg_add_computed_field", "args": {"table": "md_author", "name": "label", "definition": {"function": "md_author_label"}}}');
SELECT md_util.m('{"type": "pg_add_computed_field", "args": {"table": "md_author", "name": "bio", "definition": {"function": "md_author_label"}}}');
SELECT md_util.m('{"type": "pg_add_computed_field", "args": {"table": "md_author", "name": "x", "definition": {"function": {"schema": "public", "name": "md_none"}}}}');
SELECT md_util.m('{"type": "pg_add_computed_field", "args": {"table": "md_author", "name": "x", "definition": {"function": "md_over"}}}');
SELECT md_util.m('{"type": "pg_add_computed_field", "args": {"table": "md_author", "name": "x", "definition": {"function": "md_author_label", "table_argument": "row"}}}');
SELECT md_util.m('{"type": "pg_add_computed_field", "args": {"table": "md_author", "name": "x"}}');
SELECT md_util.m('{"type": "pg_add_computed_field", "args": {"table": "md_author", "name": "label2", "definition": {"function": "md_author_label"}}}');
SELECT md_util.m('{"type": "pg_drop_computed_field", "args": {"table": "md_author", "name": "label2"}}');
SELECT md_util.m('{"type": "pg_drop_computed_field", "args": {"table": "md_author", "name": "label2"}}');
SELECT relid::regclass, name, function::regprocedure, table_argument, session_argument, comment
FROM graphql.reflect_computed_fields;

-- ---------------------------------------------------------------- permissions
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_user", "permission": {"columns": "*", "filter": {"id": {"_eq": "X-Hasura-User-Id"}}, "limit": 10, "allow_aggregations": true, "computed_fields": ["label"], "query_root_fields": ["select", "select_by_pk"]}, "comment": "own row"}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_article", "role": "md_user", "permission": {"columns": ["title", "id"], "filter": {"author": {"id": {"_eq": "X-Hasura-User-Id"}}}}}}');
SELECT md_util.m('{"type": "pg_create_insert_permission", "args": {"table": "md_article", "role": "md_user", "permission": {"check": {"author_id": "X-Hasura-User-Id"}, "set": {"author_id": "X-Hasura-User-Id"}, "columns": ["id", "title"], "backend_only": false}}}');
SELECT md_util.m('{"type": "pg_create_update_permission", "args": {"table": "md_article", "role": "md_user", "permission": {"columns": ["title", "body"], "filter": {"author_id": "X-Hasura-User-Id"}, "check": {"title": {"_ne": ""}}}}}');
SELECT md_util.m('{"type": "pg_create_delete_permission", "args": {"table": "md_article", "role": "md_user", "permission": {"filter": {"author_id": "X-Hasura-User-Id"}}}}');
SELECT md_util.m('{"type": "pg_create_insert_permission", "args": {"table": "md_author", "role": "md_user", "permission": {"check": {}}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_color", "role": "md_other", "permission": {"columns": []}}}');
-- errors
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_user", "permission": {"columns": "*"}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_x", "permission": {"columns": ["id", "nope"]}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_x", "permission": {"columns": ["id", 3]}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_x", "permission": {"filter": {}}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_x", "permission": {"columns": "*", "limit": -1}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_x", "permission": {"columns": "*", "filter": []}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_x", "permission": {"columns": "*", "computed_fields": ["nope"]}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_x", "permission": {"columns": "*", "query_root_fields": ["insert"]}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "admin", "permission": {"columns": "*"}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_not_tracked", "role": "md_x", "permission": {"columns": "*"}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "permission": {"columns": "*"}}}');
SELECT md_util.m('{"type": "pg_create_insert_permission", "args": {"table": "md_author", "role": "md_x", "permission": {"check": {}, "backend_only": 1}}}');
SELECT md_util.m('{"type": "pg_drop_update_permission", "args": {"table": "md_author", "role": "md_user"}}');
SELECT relid::regclass, role, kind, columns, filter, "check", preset, row_limit, allow_aggregations,
       computed_fields, query_root_fields, subscription_root_fields, backend_only
FROM graphql.reflect_permissions ORDER BY relid::regclass::text, role, kind;
-- a role sees only its own permissions
SET ROLE md_user;
SELECT relid::regclass, role, kind FROM graphql.reflect_permissions ORDER BY 1, 2, 3;
SELECT relid::regclass FROM graphql.reflect_tables ORDER BY position;
RESET ROLE;
SELECT md_util.m('{"type": "pg_drop_select_permission", "args": {"table": "md_color", "role": "md_other"}}');
-- a rename follows into the permissions that go through the relationship; a drop needs cascade,
-- which drops them too
SELECT md_util.m('{"type": "pg_rename_relationship", "args": {"table": "md_article", "name": "author", "new_name": "writer"}}');
SELECT permission -> 'filter' AS filter FROM graphql.metadata_permission WHERE table_name = 'md_article' AND kind = 'select';
SELECT md_util.m('{"type": "pg_drop_relationship", "args": {"table": "md_article", "relationship": "writer"}}');
SELECT md_util.m('{"type": "pg_drop_relationship", "args": {"table": "md_article", "relationship": "writer", "cascade": 1}}');
SELECT md_util.m('{"type": "pg_rename_relationship", "args": {"table": "md_article", "name": "writer", "new_name": "author"}}');
SELECT permission -> 'filter' AS filter FROM graphql.metadata_permission WHERE table_name = 'md_article' AND kind = 'select';
SELECT md_util.m('{"type": "pg_create_object_relationship", "args": {"table": "md_article", "name": "by", "using": {"foreign_key_constraint_on": "author_id"}}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_tmp", "permission": {"columns": ["id"], "filter": {"_not": {"articles": {"_and": [{"by": {"id": {"_eq": 0}}}]}}}}}}');
SELECT md_util.m('{"type": "pg_drop_relationship", "args": {"table": "md_article", "relationship": "by"}}');
SELECT md_util.m('{"type": "pg_drop_relationship", "args": {"table": "md_article", "relationship": "by", "cascade": true}}');
SELECT count(*) FROM graphql.metadata_permission WHERE role = 'md_tmp';
SELECT count(*) FROM pg_policy WHERE polname = 'graphql_md_tmp_select';

-- ---------------------------------------------------------------- functions
SELECT md_util.m('{"type": "pg_track_function", "args": {"function": "md_search", "configuration": {"custom_name": "findAuthors", "custom_root_fields": {"function": "find", "function_aggregate": {"name": "findAgg"}}, "exposed_as": "query"}}}');
SELECT md_util.m('{"type": "pg_track_function", "args": {"function": {"schema": "public", "name": "md_search"}}}');
SELECT md_util.m('{"type": "pg_track_function", "args": {"function": "md_over"}}');
SELECT md_util.m('{"type": "pg_track_function", "args": {"function": "md_none"}}');
SELECT md_util.m('{"type": "pg_track_function", "args": {"function": "md_author_label", "configuration": {"exposed_as": "subscription"}}}');
SELECT md_util.m('{"type": "pg_track_function", "args": {"function": "md_author_label", "configuration": {"session_argument": "nope"}}}');
SELECT md_util.m('{"type": "pg_create_function_permission", "args": {"function": "md_search", "role": "md_user"}}');
SELECT md_util.m('{"type": "pg_create_function_permission", "args": {"function": "md_search", "role": "md_user"}}');
SELECT md_util.m('{"type": "pg_create_function_permission", "args": {"function": "md_author_label", "role": "md_user"}}');
SELECT md_util.m('{"type": "pg_create_function_permission", "args": {"function": "md_search", "role": "md_other"}}');
SELECT md_util.m('{"type": "pg_drop_function_permission", "args": {"function": "md_search", "role": "md_other"}}');
SELECT md_util.m('{"type": "pg_drop_function_permission", "args": {"function": "md_search", "role": "md_other"}}');
SELECT function::regprocedure, custom_name, custom_root_fields, session_argument, exposed_as FROM graphql.reflect_functions;
SELECT function::regprocedure, role FROM graphql.reflect_function_permissions;
SET ROLE md_nobody;
SELECT count(*) FROM graphql.reflect_function_permissions;
RESET ROLE;

-- ---------------------------------------------------------------- the document
SELECT md_util.rv();
SELECT jsonb_pretty(graphql.metadata('{"type": "export_metadata", "args": {}}'));
-- replace with the same document: no change but the resource_version
CREATE TABLE md_util.saved AS SELECT graphql.metadata('{"type": "export_metadata", "args": {}}') AS doc;
SELECT md_util.m(jsonb_build_object('type', 'replace_metadata', 'args', doc)) FROM md_util.saved;
SELECT graphql.metadata('{"type": "export_metadata", "args": {}}') = doc AS same, md_util.rv() FROM md_util.saved;
-- version 2: {resource_version, metadata}; replace v2 answers is_consistent; unknown top-level
-- and source keys are kept
SELECT md_util.m(jsonb_build_object('type', 'replace_metadata', 'version', 2, 'args',
  jsonb_build_object('metadata', doc || '{"actions": [], "custom_types": {"objects": []}}'
    || jsonb_build_object('sources', jsonb_build_array(doc #> '{sources,0}' || '{"configuration": {"connection_info": {"database_url": {"from_env": "DB_URL"}}}, "customization": {"naming_convention": "hasura-default"}}'))))) FROM md_util.saved;
SELECT d - 'sources' AS top, d #> '{sources,0,configuration}' AS configuration, d #> '{sources,0,customization}' AS customization,
       d #> '{sources,0,tables}' = s.doc #> '{sources,0,tables}' AS same_tables
FROM (SELECT graphql.metadata('{"type": "export_metadata", "version": 2, "args": {}}') -> 'metadata' AS d) AS e, md_util.saved AS s;
SELECT (graphql.metadata('{"type": "export_metadata", "version": 2, "args": {}}') -> 'resource_version')::bigint = md_util.rv() AS rv_matches;
-- version 2 documents (tables at the top) are accepted too
SELECT md_util.m('{"type": "replace_metadata", "args": {"version": 2, "tables": [{"table": {"schema": "public", "name": "md_color"}, "is_enum": true}]}}');
SELECT md_util.m('{"type": "export_metadata", "args": {}}');
-- errors: nothing changes
SELECT md_util.m('{"type": "replace_metadata", "args": {"version": 3, "sources": [{"name": "other", "kind": "postgres", "tables": []}]}}');
SELECT md_util.m('{"type": "replace_metadata", "args": {"version": 3, "sources": [{"name": "default", "tables": [{"table": "md_author", "event_triggers": [{"name": "t"}]}]}]}}');
SELECT md_util.m('{"type": "replace_metadata", "args": {"version": 3, "sources": [{"name": "default", "tables": [{"table": "md_author"}, {"table": "md_author"}]}]}}');
SELECT md_util.m('{"type": "replace_metadata", "args": {"version": 3, "sources": [{"name": "default", "tables": [{"table": "md_author", "select_permissions": [{"role": "r", "permission": {"columns": "*", "limit": "x"}}]}]}]}}');
SELECT md_util.m('{"type": "replace_metadata", "args": {"version": 4, "sources": []}}');
SELECT md_util.m('{"type": "replace_metadata", "args": {}}');
-- an inconsistent document: refused unless allow_inconsistent_metadata
SELECT md_util.m('{"type": "replace_metadata", "version": 2, "args": {"metadata": {"version": 3, "sources": [{"name": "default", "kind": "postgres", "tables": [{"table": "md_author"}, {"table": "md_gone"}]}]}}}');
SELECT md_util.m('{"type": "export_metadata", "args": {}}');
SELECT md_util.m('{"type": "replace_metadata", "version": 2, "args": {"allow_inconsistent_metadata": true, "metadata": {"version": 3, "sources": [{"name": "default", "kind": "postgres", "tables": [{"table": "md_author"}, {"table": "md_gone"}]}]}}}');
SELECT md_util.m('{"type": "drop_inconsistent_metadata", "args": {}}');
SELECT md_util.m('{"type": "get_inconsistent_metadata", "args": {}}');
-- back to the saved document
SELECT md_util.m(jsonb_build_object('type', 'replace_metadata', 'args', doc)) FROM md_util.saved;

-- ---------------------------------------------------------------- resource_version
SELECT md_util.rv() AS before \gset
SELECT md_util.m(jsonb_build_object('type', 'pg_untrack_table', 'resource_version', :before - 1, 'args', '{"table": "md_pair_ref"}'::jsonb));
SELECT md_util.m(jsonb_build_object('type', 'export_metadata', 'resource_version', :before + 1, 'args', '{}'::jsonb));
SELECT md_util.rv() = :before AS unchanged;
SELECT md_util.m(jsonb_build_object('type', 'pg_untrack_table', 'resource_version', :before, 'args', '{"table": "md_pair_ref", "cascade": true}'::jsonb));
SELECT md_util.rv() - :before AS added;
-- export and get_inconsistent_metadata do not count, reload_metadata does, bulk counts once
SELECT md_util.m('{"type": "get_inconsistent_metadata", "args": {}}');
SELECT md_util.rv() - :before AS added;
SELECT md_util.m('{"type": "reload_metadata", "args": {"reload_remote_schemas": true}}');
SELECT md_util.rv() - :before AS added;
SELECT md_util.m('{"type": "bulk", "args": [{"type": "pg_track_table", "args": {"table": "md_pair_ref"}}, {"type": "pg_create_object_relationship", "args": {"table": "md_pair_ref", "name": "pair", "using": {"foreign_key_constraint_on": ["y", "x"]}}}]}');
SELECT md_util.rv() - :before AS added;
-- every change bumps graphql.schema_version
SELECT version AS sv FROM graphql.schema_version \gset
SELECT md_util.m('{"type": "pg_drop_relationship", "args": {"table": "md_pair_ref", "relationship": "pair"}}');
SELECT version > :sv AS bumped FROM graphql.schema_version;

-- ---------------------------------------------------------------- bulk
-- bulk is atomic: a failing command undoes the ones before it
SELECT md_util.m('{"type": "bulk", "args": [{"type": "pg_create_object_relationship", "args": {"table": "md_pair_ref", "name": "pair", "using": {"foreign_key_constraint_on": ["x", "y"]}}}, {"type": "pg_track_table", "args": {"table": "md_nothing"}}]}');
SELECT count(*) FROM graphql.metadata_relationship WHERE table_name = 'md_pair_ref';
SELECT md_util.m('{"type": "bulk", "args": {}}');
SELECT md_util.m('{"type": "bulk", "args": [{"args": {}}]}');
-- bulk_keep_going: each command on its own, failures become error objects
SELECT md_util.rv() AS before \gset
SELECT md_util.m('{"type": "bulk_keep_going", "args": [{"type": "pg_create_object_relationship", "args": {"table": "md_pair_ref", "name": "pair", "using": {"foreign_key_constraint_on": ["x", "y"]}}}, {"type": "pg_track_table", "args": {"table": "md_nothing"}}, {"type": "export_metadata", "args": {}, "version": 9}]}');
SELECT count(*) FROM graphql.metadata_relationship WHERE table_name = 'md_pair_ref';
SELECT md_util.rv() - :before AS added;
SELECT md_util.m('{"type": "bulk_keep_going", "args": [{"type": "pg_track_table", "args": {"table": "md_nothing"}}]}');
SELECT md_util.rv() - :before AS added;

-- ---------------------------------------------------------------- untrack
SELECT md_util.m('{"type": "pg_untrack_table", "args": {"table": "md_article"}}');
SELECT md_util.m('{"type": "pg_untrack_table", "args": {"table": "md_article", "cascade": "yes"}}');
SELECT md_util.m('{"type": "pg_untrack_table", "args": {"table": "md_article", "cascade": true}}');
SELECT md_util.m('{"type": "pg_untrack_table", "args": {"table": "md_article"}}');
SELECT table_name, name FROM graphql.metadata_relationship ORDER BY 1, 2;
SELECT count(*) FROM graphql.metadata_permission WHERE table_name = 'md_article';
SELECT md_util.m('{"type": "pg_untrack_function", "args": {"function": "md_search"}}');
SELECT md_util.m('{"type": "pg_untrack_function", "args": {"function": "md_search"}}');
SELECT count(*) FROM graphql.metadata_function_permission;

-- ---------------------------------------------------------------- inconsistency
SELECT md_util.m(jsonb_build_object('type', 'replace_metadata', 'args', doc)) FROM md_util.saved;
ALTER TABLE md_article DROP COLUMN body;
ALTER TABLE md_article RENAME COLUMN author_id TO writer_id;
DROP VIEW md_author_name;
DROP FUNCTION md_search(text);
-- the views leave the broken objects out, the rest stays
SELECT relid::regclass FROM graphql.reflect_tables ORDER BY position;
SELECT relid::regclass, name FROM graphql.reflect_relationships ORDER BY position;
SELECT relid::regclass, role, kind FROM graphql.reflect_permissions ORDER BY 1, 2, 3;
SELECT count(*) FROM graphql.reflect_functions;
SELECT jsonb_pretty(graphql.metadata('{"type": "get_inconsistent_metadata", "args": {}}'));
SELECT md_util.m('{"type": "reload_metadata", "args": {}}')::jsonb - 'inconsistent_objects';
-- commands still work on the consistent part
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_pair", "role": "md_user", "permission": {"columns": ["a"]}}}');
-- a repaired object is consistent again
ALTER TABLE md_article RENAME COLUMN writer_id TO author_id;
SELECT relid::regclass, name FROM graphql.reflect_relationships ORDER BY position;
SELECT o ->> 'name' FROM jsonb_array_elements(graphql.metadata('{"type": "get_inconsistent_metadata", "args": {}}') -> 'inconsistent_objects') AS o;
SELECT md_util.m('{"type": "drop_inconsistent_metadata", "args": {}}');
SELECT md_util.m('{"type": "get_inconsistent_metadata", "args": {}}');
SELECT table_name, name FROM graphql.metadata_relationship ORDER BY 1, 2;
SELECT table_name, role, kind FROM graphql.metadata_permission ORDER BY 1, 2, 3;
SELECT count(*) FROM graphql.metadata_function;

-- ---------------------------------------------------------------- clear
SELECT md_util.m('{"type": "clear_metadata", "args": {}}');
SELECT md_util.m('{"type": "export_metadata", "args": {}}');
SELECT (SELECT count(*) FROM graphql.metadata_table) + (SELECT count(*) FROM graphql.metadata_permission) AS rows_left;

-- ---------------------------------------------------------------- internal errors
-- an SQL error inside a command comes out as GQ100 with code unexpected and the original message
CREATE FUNCTION md_util.boom() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the trigger says no'; END $$;
CREATE TRIGGER boom BEFORE INSERT ON graphql.metadata_table FOR EACH ROW EXECUTE FUNCTION md_util.boom();
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_author"}}');
DROP TRIGGER boom ON graphql.metadata_table;

-- ---------------------------------------------------------------- who may call it
-- not an admin: refused
SET ROLE md_user;
SELECT md_util.m('{"type": "export_metadata", "args": {}}');
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_author"}}');
RESET ROLE;
-- a member of graphql.admin_role: allowed, also for changes
SET graphql.admin_role = 'md_admins';
SET ROLE md_alice;
SELECT graphql.is_admin();
SELECT md_util.m('{"type": "pg_track_table", "args": {"table": "md_author"}}');
SELECT md_util.m('{"type": "pg_create_select_permission", "args": {"table": "md_author", "role": "md_user", "permission": {"columns": ["id"]}}}');
SELECT relid::regclass, role, kind, columns FROM graphql.reflect_permissions;
RESET ROLE;
RESET graphql.admin_role;
SET ROLE md_alice;
SELECT md_util.m('{"type": "export_metadata", "args": {}}');
RESET ROLE;

-- ---------------------------------------------------------------- clean up
SELECT md_util.m('{"type": "clear_metadata", "args": {}}');
DROP FUNCTION md_over(int), md_over(text), md_author_label(md_author, json);
DROP TABLE md_pair_ref, md_pair, md_article, md_author, md_color, md_not_enum;
DROP SCHEMA md_util CASCADE;
DROP ROLE md_user, md_admins, md_alice, md_nobody;
DROP ROLE IF EXISTS md_other, md_tmp;
DROP EXTENSION graphql;
