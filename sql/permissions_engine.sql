-- What the GraphQL engine enforces of a role's permissions on top of the row level security
-- and grants they compile to (doc/permissions.md, "What the engine enforces on top"): select
-- limits, allow_aggregations, query_root_fields, computed_fields, insert and update presets,
-- upserts, backend_only inserts, and the filters of a view.  The permissions are set through
-- graphql.metadata() (data/permissions_engine.sql); requests run as role pe_user with
-- graphql.session, in transactions rolled back where they write.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema and its metadata (also checked by make test's conformance)
\set ECHO none
\i data/permissions_engine.sql
\set ECHO all

-- the root fields of a type, as in the SDL (descriptions and arguments left out)
CREATE FUNCTION sdl_fields(t text) RETURNS SETOF text LANGUAGE sql AS $$
  SELECT substring(line FROM '^  (\w+)')
  FROM regexp_split_to_table(substring(graphql.sdl() FROM '(?:type|input) ' || t || ' \{\n([^}]*)\n\}'), E'\n') AS line
  WHERE line ~ '^  \w+[(:]'
$$;

-- ---------------------------------------------------------------- the role's schema
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
-- query_root: pe_person only by pk (query_root_fields); no pe_tag_aggregate and no
-- pe_find_tags_aggregate (no allow_aggregations on pe_tag); pe_item, the view and
-- pe_cheap_items with their aggregates
SELECT string_agg(f, ' ' ORDER BY f) AS query_root FROM sdl_fields('query_root') AS f;
-- mutation_root: inserts where there is an insert permission (not pe_log: backend_only),
-- updates where there is an update permission, the view's delete
SELECT string_agg(f, ' ' ORDER BY f) AS mutation_root FROM sdl_fields('mutation_root') AS f;
-- pe_item: the listed scalar computed field (label), not the other (cents); the one
-- returning rows (same_owner) always; tags without tags_aggregate; pe_person.items with
-- items_aggregate
SELECT string_agg(f, ' ' ORDER BY f) AS pe_item FROM sdl_fields('pe_item') AS f;
SELECT string_agg(f, ' ' ORDER BY f) AS pe_person FROM sdl_fields('pe_person') AS f;
-- (same_owner_aggregate: order by an aggregate of the rows of the computed field same_owner)
SELECT string_agg(f, ' ' ORDER BY f) AS pe_item_order_by FROM sdl_fields('pe_item_order_by') AS f;
-- presets are not input fields: owner_id and tenant of pe_item, owner of pe_doc, reviewed
SELECT string_agg(f, ' ' ORDER BY f) AS pe_item_insert_input FROM sdl_fields('pe_item_insert_input') AS f;
SELECT string_agg(f, ' ' ORDER BY f) AS pe_item_set_input FROM sdl_fields('pe_item_set_input') AS f;
SELECT string_agg(f, ' ' ORDER BY f) AS pe_doc_insert_input FROM sdl_fields('pe_doc_insert_input') AS f;
SELECT string_agg(f, ' ' ORDER BY f) AS pe_doc_set_input FROM sdl_fields('pe_doc_set_input') AS f;
-- the fields the role does not have answer as unknown
SELECT graphql.resolve('{ pe_person { id } }')::jsonb;
SELECT graphql.resolve('{ pe_tag_aggregate { aggregate { count } } }')::jsonb;
SELECT graphql.resolve('{ pe_item_by_pk(id: 1) { cents } }')::jsonb;
SELECT graphql.resolve('{ pe_item_by_pk(id: 1) { tags_aggregate { aggregate { count } } } }')::jsonb;
SELECT graphql.resolve('{ pe_find_tags_aggregate(args: {q: "o"}) { aggregate { count } } }')::jsonb;
ROLLBACK;
-- the admin has them all
SELECT graphql.resolve('{ pe_person(order_by: {id: asc}) { id } pe_tag_aggregate { aggregate { count } } pe_item_by_pk(id: 1) { cents tags_aggregate { aggregate { count } } } pe_find_tags_aggregate(args: {q: "o"}) { aggregate { count } } }')::jsonb;

-- ---------------------------------------------------------------- limit
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
-- pe_item: limit 2 caps root lists, also against a larger limit argument, not a smaller one
SELECT graphql.resolve('{ pe_item(order_by: {id: asc}) { id } }')::jsonb;
SELECT graphql.resolve('{ pe_item(order_by: {id: asc}, limit: 10) { id } }')::jsonb;
SELECT graphql.resolve('{ pe_item(order_by: {id: desc}, limit: 1) { id } }')::jsonb;
SELECT graphql.resolve('{ pe_item(order_by: {id: asc}, offset: 3) { id } }')::jsonb;
-- and array relationships to it (pe_person.items), and pe_tag's limit 1 item.tags
SELECT graphql.resolve('{ pe_person_by_pk(id: 2) { items(order_by: {id: asc}) { id tags { label } } } }')::jsonb;
SELECT graphql.resolve('{ pe_item_by_pk(id: 1) { tags(order_by: {id: asc}) { label } } }')::jsonb;
-- and a computed field returning its rows
SELECT graphql.resolve('{ pe_item_by_pk(id: 2) { same_owner(order_by: {id: asc}) { id } } }')::jsonb;
-- and a tracked function's rows (pe_cheap_items), but not its aggregate
SELECT graphql.resolve('{ pe_cheap_items(args: {max_price: 100}, order_by: {id: asc}) { id } pe_cheap_items_aggregate(args: {max_price: 100}) { aggregate { count } } }')::jsonb;
SELECT graphql.resolve('{ pe_find_tags(args: {q: "o"}, order_by: {id: asc}) { label } }')::jsonb;
-- not the rows an aggregate counts
SELECT graphql.resolve('{ pe_item_aggregate { aggregate { count sum { price } } } }')::jsonb;
SELECT graphql.resolve('{ pe_person_by_pk(id: 2) { items_aggregate { aggregate { count } } } }')::jsonb;
-- ordered by the count of a computed field's rows (admin: all rows), against SQL
RESET ROLE;
SELECT graphql.resolve('{ pe_item(order_by: [{same_owner_aggregate: {count: desc}}, {id: asc}]) { id } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('pe_item', (SELECT jsonb_agg(jsonb_build_object('id', i.id)
         ORDER BY (SELECT count(*) FROM pe_item_same_owner(i)) DESC, i.id) FROM pe_item i))) AS order_by_computed_count;
SET LOCAL ROLE pe_user;
-- but the nodes of an aggregate, in order, as the list would be
SELECT graphql.resolve('{ pe_item_aggregate(order_by: {id: desc}) { aggregate { count } nodes { id } } pe_item(order_by: {id: desc}) { id } }')::jsonb;
-- plain SQL sees every row (the limit is the engine's)
SELECT count(*) AS items, sum(price) FROM pe_item;
-- the listed scalar computed field
SELECT graphql.resolve('{ pe_item(order_by: {id: asc}) { id label } }')::jsonb;
ROLLBACK;

-- ---------------------------------------------------------------- insert presets
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
-- owner_id from the session variable, tenant the literal
SELECT graphql.resolve('mutation { insert_pe_item_one(object: {title: "cup", price: 3}) { id owner_id title tenant } }')::jsonb;
-- several rows: each gets the presets
SELECT graphql.resolve('mutation { insert_pe_item(objects: [{title: "a"}, {title: "b", price: 1}]) { affected_rows returning { owner_id title price tenant } } }')::jsonb;
-- a preset column is not an input
SELECT graphql.resolve('mutation { insert_pe_item_one(object: {title: "x", owner_id: 1}) { id } }')::jsonb;
RESET ROLE;
SELECT id, owner_id, title, price, tenant FROM pe_item WHERE id > 100 ORDER BY id;
ROLLBACK;
-- without the session variable: Hasura's not-found error, nothing inserted; the check names it
-- first (pe_item), else the preset (pe_doc: check {}); a permission without one still works
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{}';
SELECT graphql.resolve('mutation { insert_pe_item_one(object: {title: "orphan"}) { id } }')::jsonb;
SELECT graphql.resolve('mutation { insert_pe_doc_one(object: {id: 9, body: "orphan"}) { id } }')::jsonb;
SELECT graphql.resolve('{ pe_item_aggregate { aggregate { count } } }')::jsonb;
-- an update filter that needs it fails too, before anything runs
SELECT graphql.resolve('mutation { update_pe_item(where: {}, _set: {title: "x"}) { affected_rows } }')::jsonb;
RESET ROLE;
SELECT count(*) FROM pe_item;
SELECT count(*) FROM pe_doc;
ROLLBACK;

-- ---------------------------------------------------------------- update presets
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
-- the update filter reaches Ann's items only; every update writes tenant = 'edited'
SELECT graphql.resolve('mutation { update_pe_item(where: {}, _inc: {price: 1}) { affected_rows returning { id price tenant } } }')::jsonb;
-- an update with no column but the presets
SELECT graphql.resolve('mutation { update_pe_item_by_pk(pk_columns: {id: 1}) { id tenant } }')::jsonb;
SELECT graphql.resolve('mutation { update_pe_item_by_pk(pk_columns: {id: 2}, _set: {title: "mine?"}) { id } }')::jsonb;
SELECT graphql.resolve('mutation { update_pe_item_many(updates: [{where: {id: {_eq: 3}}, _set: {title: "stool"}}]) { affected_rows returning { id title tenant } } }')::jsonb;
RESET ROLE;
SELECT id, owner_id, title, price, tenant FROM pe_item ORDER BY id;
ROLLBACK;

-- ---------------------------------------------------------------- upserts
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
-- onto Ann's own document: updated, with the update preset (reviewed = false) and the
-- owner left as it is
SELECT graphql.resolve('mutation { insert_pe_doc(objects: [{id: 1, body: "ann v2"}], on_conflict: {constraint: pe_doc_pkey, update_columns: [body]}) { affected_rows returning { id owner body reviewed } } }')::jsonb;
-- a new document: inserted with the insert preset
SELECT graphql.resolve('mutation { insert_pe_doc_one(object: {id: 3, body: "new"}, on_conflict: {constraint: pe_doc_pkey, update_columns: [body]}) { id owner body reviewed } }')::jsonb;
-- onto Bob's document, which the update filter does not reach: left alone, as in Hasura
-- (0 rows; the engine looks for such rows first, as the extension's owner)
SAVEPOINT s;
SELECT graphql.resolve('mutation { insert_pe_doc(objects: [{id: 2, body: "taken"}], on_conflict: {constraint: pe_doc_pkey, update_columns: [body]}) { affected_rows returning { id } } }')::jsonb;
-- ... also among other rows, which are written
SELECT graphql.resolve('mutation { insert_pe_doc(objects: [{id: 1, body: "ann v3"}, {id: 2, body: "taken"}, {id: 4, body: "four"}], on_conflict: {constraint: pe_doc_pkey, update_columns: [body]}) { affected_rows returning { id body } } }')::jsonb;
ROLLBACK TO s;
-- in plain SQL row level security makes it an error
INSERT INTO pe_doc (id, owner, body) VALUES (2, '1', 'taken') ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body;
ROLLBACK TO s;
-- with no update columns (DO NOTHING) it is skipped quietly
SELECT graphql.resolve('mutation { insert_pe_doc(objects: [{id: 2, body: "taken"}], on_conflict: {constraint: pe_doc_pkey, update_columns: []}) { affected_rows } }')::jsonb;
RESET ROLE;
SELECT id, owner, body, reviewed FROM pe_doc ORDER BY id;
ROLLBACK;

-- ---------------------------------------------------------------- backend_only
-- insert_pe_log exists only with x-hasura-use-backend-only-permissions: true
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
SELECT count(*) AS insert_pe_log_fields FROM sdl_fields('mutation_root') AS f WHERE f LIKE 'insert_pe_log%';
SELECT graphql.resolve('mutation { insert_pe_log_one(object: {msg: "hi"}) { id } }')::jsonb;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1", "x-hasura-use-backend-only-permissions": "false"}';
SELECT count(*) AS insert_pe_log_fields FROM sdl_fields('mutation_root') AS f WHERE f LIKE 'insert_pe_log%';
SET LOCAL graphql.session = '{"x-hasura-user-id": "1", "X-Hasura-Use-Backend-Only-Permissions": "true"}';
SELECT string_agg(f, ' ' ORDER BY f) AS insert_pe_log_fields FROM sdl_fields('mutation_root') AS f WHERE f LIKE 'insert_pe_log%';
SELECT graphql.resolve('mutation { insert_pe_log_one(object: {msg: "hi"}) { id msg source } }')::jsonb;
ROLLBACK;

-- ---------------------------------------------------------------- a view
-- the select filter of pe_item_view (owner_id = X-Hasura-User-Id) is applied by the engine
-- to lists, aggregates and _by_pk; plain SQL on the view sees every row (a view has no row
-- level security: doc/permissions.md, "Views")
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
SELECT graphql.resolve('{ pe_item_view(order_by: {id: asc}) { id owner_id title } }')::jsonb;
SELECT graphql.resolve('{ pe_item_view_aggregate { aggregate { count } } }')::jsonb;
SELECT graphql.resolve('query ($id: Int) { pe_item_view(where: {id: {_eq: $id}}) { id } }', '{"id": 2}')::jsonb;
SELECT id, owner_id, title FROM pe_item_view ORDER BY id;
SELECT graphql.permission_filter_sql('pe_item_view'::regclass, 'pe_user', 'select', 'v');
-- updates and deletes through the view reach the role's rows only
SELECT graphql.resolve('mutation { update_pe_item_view(where: {}, _set: {title: "renamed"}) { affected_rows returning { id title } } }')::jsonb;
SELECT graphql.resolve('mutation { delete_pe_item_view(where: {id: {_in: [3, 4, 5]}}) { affected_rows returning { id } } }')::jsonb;
RESET ROLE;
SELECT id, owner_id, title FROM pe_item ORDER BY id;
ROLLBACK;
-- Bob: his rows of the view
BEGIN;
SET LOCAL ROLE pe_user;
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
SELECT graphql.resolve('{ pe_item_view(order_by: {id: asc}) { id } pe_item_view_aggregate { aggregate { count } } }')::jsonb;
SELECT graphql.resolve('mutation { delete_pe_item_view(where: {id: {_gt: 2}}) { affected_rows returning { id owner_id } } }')::jsonb;
ROLLBACK;

-- nothing changed
SELECT (SELECT count(*) FROM pe_item) AS items, (SELECT count(*) FROM pe_doc) AS docs, (SELECT count(*) FROM pe_log) AS logs;
DROP FUNCTION sdl_fields(text);
SELECT graphql.metadata('{"type": "clear_metadata", "args": {}}');
DROP VIEW pe_item_view;
DROP FUNCTION pe_cheap_items(int), pe_find_tags(text);
DROP TABLE pe_log, pe_doc, pe_tag, pe_item, pe_person CASCADE;
DROP OWNED BY pe_user;
DROP ROLE pe_user;
DROP EXTENSION graphql;
