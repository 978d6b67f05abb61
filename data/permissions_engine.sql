-- permissions_engine.sql - the schema of sql/permissions_engine.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Tables whose permissions for role pe_user use the parts the GraphQL engine enforces
-- on top of row level security and grants (doc/permissions.md, "What the engine
-- enforces on top"): limit, allow_aggregations, query_root_fields, computed_fields,
-- presets, upserts, backend_only, and a view.  Set through graphql.metadata().
CREATE ROLE pe_user NOLOGIN;
CREATE TABLE pe_person (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE pe_item (id serial PRIMARY KEY, owner_id int NOT NULL REFERENCES pe_person (id),
                      title text NOT NULL, price int NOT NULL DEFAULT 0, tenant text NOT NULL DEFAULT 'none');
CREATE TABLE pe_tag (id serial PRIMARY KEY, item_id int NOT NULL REFERENCES pe_item (id), label text NOT NULL);
CREATE TABLE pe_doc (id int PRIMARY KEY, owner text NOT NULL, body text NOT NULL, reviewed boolean NOT NULL DEFAULT false);
CREATE TABLE pe_log (id serial PRIMARY KEY, msg text NOT NULL, source text NOT NULL);
-- an updatable view over pe_item: no row level security
CREATE VIEW pe_item_view AS SELECT id, owner_id, title FROM pe_item;
INSERT INTO pe_person VALUES (1, 'Ann'), (2, 'Bob');
INSERT INTO pe_item (owner_id, title, price) VALUES
  (1, 'lamp', 10), (2, 'desk', 200), (1, 'chair', 50), (2, 'pen', 2), (2, 'mug', 5);
INSERT INTO pe_tag (item_id, label) VALUES (1, 'light'), (1, 'home'), (1, 'sale'), (2, 'office');
INSERT INTO pe_doc VALUES (1, '1', 'ann''s doc', true), (2, '2', 'bob''s doc', true);
INSERT INTO pe_log (msg, source) VALUES ('boot', 'system');
SELECT setval('pe_item_id_seq', 100), setval('pe_tag_id_seq', 100), setval('pe_log_id_seq', 100);
-- computed fields of pe_item: two scalars (one listed in the permission), rows
CREATE FUNCTION pe_item_label(i pe_item) RETURNS text STABLE LANGUAGE sql AS $$ SELECT i.title || ' (' || i.price || ')' $$;
CREATE FUNCTION pe_item_cents(i pe_item) RETURNS int STABLE LANGUAGE sql AS $$ SELECT i.price * 100 $$;
CREATE FUNCTION pe_item_same_owner(i pe_item) RETURNS SETOF pe_item STABLE LANGUAGE sql
  AS $$ SELECT * FROM pe_item WHERE owner_id = i.owner_id AND id <> i.id $$;
-- tracked functions returning rows of a table the role may aggregate (pe_item) and of
-- one it may not (pe_tag)
CREATE FUNCTION pe_cheap_items(max_price int) RETURNS SETOF pe_item STABLE LANGUAGE sql
  AS $$ SELECT * FROM pe_item WHERE price <= max_price $$;
CREATE FUNCTION pe_find_tags(q text) RETURNS SETOF pe_tag STABLE LANGUAGE sql
  AS $$ SELECT * FROM pe_tag WHERE label LIKE '%' || q || '%' $$;

SELECT graphql.metadata($${"type": "bulk", "args": [
  {"type": "pg_track_function", "args": {"function": "pe_cheap_items"}},
  {"type": "pg_track_function", "args": {"function": "pe_find_tags"}},
  {"type": "pg_track_table", "args": {"table": "pe_person"}},
  {"type": "pg_track_table", "args": {"table": "pe_item"}},
  {"type": "pg_track_table", "args": {"table": "pe_tag"}},
  {"type": "pg_track_table", "args": {"table": "pe_doc"}},
  {"type": "pg_track_table", "args": {"table": "pe_log"}},
  {"type": "pg_track_table", "args": {"table": "pe_item_view"}},
  {"type": "pg_create_object_relationship", "args": {"table": "pe_item", "name": "owner", "using": {"foreign_key_constraint_on": "owner_id"}}},
  {"type": "pg_create_array_relationship", "args": {"table": "pe_item", "name": "tags",
     "using": {"foreign_key_constraint_on": {"table": "pe_tag", "column": "item_id"}}}},
  {"type": "pg_create_array_relationship", "args": {"table": "pe_person", "name": "items",
     "using": {"foreign_key_constraint_on": {"table": "pe_item", "column": "owner_id"}}}},
  {"type": "pg_add_computed_field", "args": {"table": "pe_item", "name": "label", "definition": {"function": "pe_item_label"}}},
  {"type": "pg_add_computed_field", "args": {"table": "pe_item", "name": "cents", "definition": {"function": "pe_item_cents"}}},
  {"type": "pg_add_computed_field", "args": {"table": "pe_item", "name": "same_owner", "definition": {"function": "pe_item_same_owner"}}},
  {"type": "pg_create_select_permission", "args": {"table": "pe_person", "role": "pe_user",
     "permission": {"columns": "*", "filter": {}, "query_root_fields": ["select_by_pk"]}}},
  {"type": "pg_create_select_permission", "args": {"table": "pe_item", "role": "pe_user",
     "permission": {"columns": "*", "filter": {}, "limit": 2, "allow_aggregations": true, "computed_fields": ["label"]}}},
  {"type": "pg_create_insert_permission", "args": {"table": "pe_item", "role": "pe_user",
     "permission": {"columns": ["title", "price"], "check": {"owner_id": {"_eq": "X-Hasura-User-Id"}},
                    "set": {"owner_id": "X-Hasura-User-Id", "tenant": "acme"}}}},
  {"type": "pg_create_update_permission", "args": {"table": "pe_item", "role": "pe_user",
     "permission": {"columns": ["title", "price"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}},
                    "check": {}, "set": {"tenant": "edited"}}}},
  {"type": "pg_create_select_permission", "args": {"table": "pe_tag", "role": "pe_user",
     "permission": {"columns": "*", "filter": {}, "limit": 1}}},
  {"type": "pg_create_select_permission", "args": {"table": "pe_doc", "role": "pe_user",
     "permission": {"columns": "*", "filter": {}}}},
  {"type": "pg_create_insert_permission", "args": {"table": "pe_doc", "role": "pe_user",
     "permission": {"columns": ["id", "body"], "check": {}, "set": {"owner": "X-Hasura-User-Id"}}}},
  {"type": "pg_create_update_permission", "args": {"table": "pe_doc", "role": "pe_user",
     "permission": {"columns": ["body"], "filter": {"owner": {"_eq": "X-Hasura-User-Id"}}, "check": {},
                    "set": {"reviewed": "false"}}}},
  {"type": "pg_create_select_permission", "args": {"table": "pe_log", "role": "pe_user",
     "permission": {"columns": "*", "filter": {}}}},
  {"type": "pg_create_insert_permission", "args": {"table": "pe_log", "role": "pe_user",
     "permission": {"columns": ["msg"], "check": {}, "set": {"source": "backend"}, "backend_only": true}}},
  {"type": "pg_create_select_permission", "args": {"table": "pe_item_view", "role": "pe_user",
     "permission": {"columns": ["id", "owner_id", "title"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}},
                    "allow_aggregations": true}}},
  {"type": "pg_create_update_permission", "args": {"table": "pe_item_view", "role": "pe_user",
     "permission": {"columns": ["title"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}, "check": {}}}},
  {"type": "pg_create_delete_permission", "args": {"table": "pe_item_view", "role": "pe_user",
     "permission": {"filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}}}
]}$$);
