-- The "restricted owner" recipe: role "user" may read and change only the rows it owns
-- (owner_id = X-Hasura-User-Id) in users, notes and comments. Proofs, through graphql.resolve
-- and through plain SQL as that role, that no other owner's row is returned, counted, reached
-- through a relationship, updated, deleted or inserted, by every kind of root field; the
-- superuser (admin) sees everything. Every answer is shown as it is.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/owner_only.sql
\set ECHO all

-- the metadata, in one bulk request to graphql.metadata() (the recipe of doc/permissions.md,
-- "Owner-only access"): tracked tables, relationships, the permissions of role "user"
SELECT graphql.metadata($${"type": "bulk", "args": [
  {"type": "pg_track_table", "args": {"table": {"schema": "public", "name": "users"}}},
  {"type": "pg_track_table", "args": {"table": {"schema": "public", "name": "notes"}}},
  {"type": "pg_track_table", "args": {"table": {"schema": "public", "name": "comments"}}},
  {"type": "pg_create_object_relationship", "args": {"table": "notes", "name": "owner",
     "using": {"foreign_key_constraint_on": "owner_id"}}},
  {"type": "pg_create_array_relationship", "args": {"table": "notes", "name": "comments",
     "using": {"foreign_key_constraint_on": {"table": "comments", "column": "note_id"}}}},
  {"type": "pg_create_object_relationship", "args": {"table": "comments", "name": "note",
     "using": {"foreign_key_constraint_on": "note_id"}}},
  {"type": "pg_create_select_permission", "args": {"table": "users", "role": "user", "permission": {
     "columns": ["id", "name"], "filter": {"id": {"_eq": "X-Hasura-User-Id"}}}}},
  {"type": "pg_create_select_permission", "args": {"table": "notes", "role": "user", "permission": {
     "columns": ["id", "owner_id", "title"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}},
     "allow_aggregations": true}}},
  {"type": "pg_create_insert_permission", "args": {"table": "notes", "role": "user", "permission": {
     "columns": ["id", "owner_id", "title"], "check": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}}},
  {"type": "pg_create_update_permission", "args": {"table": "notes", "role": "user", "permission": {
     "columns": ["title"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}},
     "check": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}}},
  {"type": "pg_create_delete_permission", "args": {"table": "notes", "role": "user", "permission": {
     "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}}},
  {"type": "pg_create_select_permission", "args": {"table": "comments", "role": "user", "permission": {
     "columns": ["id", "note_id", "owner_id", "body"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}},
     "allow_aggregations": true}}},
  {"type": "pg_create_insert_permission", "args": {"table": "comments", "role": "user", "permission": {
     "columns": ["note_id", "owner_id", "body"],
     "check": {"_and": [{"owner_id": {"_eq": "X-Hasura-User-Id"}}, {"note": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}]}}}},
  {"type": "pg_create_update_permission", "args": {"table": "comments", "role": "user", "permission": {
     "columns": ["body"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}}},
  {"type": "pg_create_delete_permission", "args": {"table": "comments", "role": "user", "permission": {
     "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}}}
]}$$);
-- what it compiled to: row level security, one policy per command, column grants
SELECT relname, relrowsecurity FROM pg_class WHERE relname IN ('users', 'notes', 'comments') ORDER BY 1;
SELECT tablename, policyname, cmd, roles FROM pg_policies ORDER BY 1, 2;
SELECT table_name, privilege_type, string_agg(column_name, ', ' ORDER BY column_name) AS columns
FROM information_schema.column_privileges WHERE grantee = 'user' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT relname, has_table_privilege('user', oid, 'DELETE') AS may_delete FROM pg_class
WHERE relname IN ('users', 'notes', 'comments') ORDER BY 1;

-- the admin (superuser) sees every row
SELECT graphql.resolve('{ notes(order_by: {id: asc}) { id owner_id title } comments_aggregate { aggregate { count } } }')::jsonb;

-- ------------------------------------------------------------ queries as user 2 (Bob)
BEGIN;
SET LOCAL ROLE "user";
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
-- lists, _by_pk of an own and of another owner's row, aggregates
SELECT graphql.resolve('{ notes(order_by: {id: asc}) { id owner_id title } }')::jsonb;
SELECT graphql.resolve('{ mine: notes_by_pk(id: 2) { id title } theirs: notes_by_pk(id: 1) { id title } }')::jsonb;
SELECT graphql.resolve('{ notes_aggregate { aggregate { count max { id } } } comments_aggregate { aggregate { count } } }')::jsonb;
-- where and order_by cannot reach other rows
SELECT graphql.resolve('{ notes(where: {owner_id: {_neq: 2}}) { id } }')::jsonb;
SELECT graphql.resolve('{ notes(where: {_or: [{owner_id: {_eq: 1}}, {owner_id: {_eq: 3}}]}) { id } }')::jsonb;
-- relationships, both directions: Bob's notes with their comments (his own only), his
-- comments with their notes (null for Ann's note), the users he sees
SELECT graphql.resolve('{ notes(order_by: {id: asc}) { id comments(order_by: {id: asc}) { id owner_id body } comments_aggregate { aggregate { count } } } }')::jsonb;
SELECT graphql.resolve('{ comments(order_by: {id: asc}) { id body note { id owner_id title } } }')::jsonb;
SELECT graphql.resolve('{ users { id name notes_aggregate { aggregate { count } } comments { id } } }')::jsonb;
-- filtering through a relationship does not reveal another owner's note either
SELECT graphql.resolve('{ comments(where: {note: {owner_id: {_eq: 1}}}) { id } }')::jsonb;
-- plain SQL, the same answers
SELECT id, owner_id, title FROM notes ORDER BY id;
SELECT count(*) AS notes, (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM users) AS users FROM notes;
SELECT n.id, c.id AS comment FROM notes AS n LEFT JOIN comments AS c ON c.note_id = n.id ORDER BY 1, 2;
SELECT c.id, n.id AS note FROM comments AS c LEFT JOIN notes AS n ON n.id = c.note_id ORDER BY 1;
ROLLBACK;

-- without a user id: through GraphQL an error (Hasura's missing session variable, not-found),
-- in plain SQL no row
BEGIN;
SET LOCAL ROLE "user";
SELECT graphql.resolve('{ notes { id } notes_aggregate { aggregate { count } } users { id } }')::jsonb;
SELECT count(*) FROM notes;
ROLLBACK;
-- session variable names are case-insensitive: user 3 (Cid)
BEGIN;
SET LOCAL ROLE "user";
SET LOCAL graphql.session = '{"X-Hasura-User-Id": "3"}';
SELECT graphql.resolve('{ notes { id title comments { id } } }')::jsonb;
ROLLBACK;

-- ------------------------------------------------------------ updates as user 2
-- update_notes over every row changes Bob's rows only (the table is read as admin after)
BEGIN;
SET LOCAL ROLE "user";
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
SELECT graphql.resolve('mutation { update_notes(where: {}, _set: {title: "changed"}) { affected_rows returning { id } } }')::jsonb;
SELECT graphql.resolve('mutation { update_notes(where: {id: {_in: [1, 4]}}, _set: {title: "changed"}) { affected_rows } }')::jsonb;
SELECT graphql.resolve('mutation { a: update_notes_by_pk(pk_columns: {id: 1}, _set: {title: "x"}) { id } b: update_notes_by_pk(pk_columns: {id: 3}, _set: {title: "bob-2!"}) { id title } }')::jsonb;
SELECT graphql.resolve('mutation { update_comments(where: {}, _set: {body: "edited"}) { affected_rows } }')::jsonb;
RESET ROLE;
SELECT id, owner_id, title FROM notes ORDER BY id;
SELECT id, owner_id, body FROM comments ORDER BY id;
ROLLBACK;
-- plain SQL
BEGIN;
SET LOCAL ROLE "user";
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
UPDATE notes SET title = 'sql' RETURNING id;
UPDATE notes SET title = 'sql' WHERE id = 1 RETURNING id;
UPDATE comments SET body = 'sql' WHERE note_id = 2 RETURNING id;
ROLLBACK;

-- ------------------------------------------------------------ deletes as user 2
BEGIN;
SET LOCAL ROLE "user";
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
SELECT graphql.resolve('mutation { delete_comments(where: {}) { affected_rows returning { id } } }')::jsonb;
SELECT graphql.resolve('mutation { a: delete_notes_by_pk(id: 1) { id } b: delete_notes_by_pk(id: 5) { id title } }')::jsonb;
SELECT graphql.resolve('mutation { delete_notes(where: {id: {_in: [1, 4, 5]}}) { affected_rows } }')::jsonb;
RESET ROLE;
SELECT id, owner_id, title FROM notes ORDER BY id;
SELECT id, owner_id, body FROM comments ORDER BY id;
ROLLBACK;
BEGIN;
SET LOCAL ROLE "user";
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
DELETE FROM comments RETURNING id;
DELETE FROM notes WHERE id IN (1, 4, 5) RETURNING id;
ROLLBACK;

-- ------------------------------------------------------------ inserts as user 2
-- insert_ and insert_one of an own row: accepted; of another owner's row: refused
BEGIN;
SET LOCAL ROLE "user";
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
SELECT graphql.resolve('mutation { insert_notes(objects: [{owner_id: 2, title: "bob-new"}]) { affected_rows returning { id owner_id title } } }')::jsonb;
SELECT graphql.resolve('mutation { insert_notes(objects: [{owner_id: 2, title: "ok"}, {owner_id: 1, title: "for ann"}]) { affected_rows } }')::jsonb;
SELECT graphql.resolve('mutation { insert_notes_one(object: {owner_id: 3, title: "for cid"}) { id } }')::jsonb;
-- a comment on another owner's note is refused even with the right owner_id (the check
-- reaches the note through the relationship)
SELECT graphql.resolve('mutation { insert_comments_one(object: {note_id: 1, owner_id: 2, body: "on ann-1"}) { id } }')::jsonb;
SELECT graphql.resolve('mutation { insert_comments_one(object: {note_id: 3, owner_id: 2, body: "on bob-2"}) { id body note { title } } }')::jsonb;
-- nested inserts: the nested rows are checked too
SELECT graphql.resolve('mutation { insert_notes_one(object: {owner_id: 2, title: "nested", comments: {data: [{owner_id: 2, body: "mine"}]}}) { title comments { owner_id body } } }')::jsonb;
SELECT graphql.resolve('mutation { insert_notes_one(object: {owner_id: 2, title: "nested-bad", comments: {data: [{owner_id: 1, body: "for ann"}]}}) { id } }')::jsonb;
-- upserts: a conflict with another owner's row leaves it alone (0 rows, as in Hasura)
SELECT graphql.resolve('mutation { insert_notes(objects: [{id: 1, owner_id: 2, title: "taken"}], on_conflict: {constraint: notes_pkey, update_columns: [title]}) { affected_rows } }')::jsonb;
SELECT graphql.resolve('mutation { insert_notes(objects: [{id: 2, owner_id: 2, title: "bob-1 upserted"}], on_conflict: {constraint: notes_pkey, update_columns: [title]}) { affected_rows returning { id title } } }')::jsonb;
SELECT graphql.resolve('mutation { insert_notes(objects: [{id: 4, owner_id: 2, title: "quiet"}], on_conflict: {constraint: notes_pkey, update_columns: []}) { affected_rows } }')::jsonb;
RESET ROLE;
SELECT id, owner_id, title FROM notes ORDER BY id;
SELECT id, note_id, owner_id, body FROM comments ORDER BY id;
ROLLBACK;
-- plain SQL
BEGIN;
SET LOCAL ROLE "user";
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
INSERT INTO notes (owner_id, title) VALUES (2, 'sql') RETURNING id, owner_id;
SAVEPOINT s;
INSERT INTO notes (owner_id, title) VALUES (1, 'sql for ann');
ROLLBACK TO s;
INSERT INTO comments (note_id, owner_id, body) VALUES (4, 2, 'on cid-1');
ROLLBACK TO s;
INSERT INTO notes (id, owner_id, title) VALUES (1, 2, 'taken') ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title;
ROLLBACK TO s;
INSERT INTO notes (id, owner_id, title) VALUES (1, 2, 'taken') ON CONFLICT (id) DO NOTHING RETURNING id;
ROLLBACK;

-- nothing changed: the admin sees the rows of the start
SELECT graphql.resolve('{ notes_aggregate { aggregate { count } } comments_aggregate { aggregate { count } } }')::jsonb;
-- clean up: without permissions, row level security is off again
SELECT graphql.metadata($${"type": "bulk", "args": [
  {"type": "pg_drop_select_permission", "args": {"table": "users", "role": "user"}},
  {"type": "pg_drop_select_permission", "args": {"table": "notes", "role": "user"}},
  {"type": "pg_drop_insert_permission", "args": {"table": "notes", "role": "user"}},
  {"type": "pg_drop_update_permission", "args": {"table": "notes", "role": "user"}},
  {"type": "pg_drop_delete_permission", "args": {"table": "notes", "role": "user"}},
  {"type": "pg_drop_select_permission", "args": {"table": "comments", "role": "user"}},
  {"type": "pg_drop_insert_permission", "args": {"table": "comments", "role": "user"}},
  {"type": "pg_drop_update_permission", "args": {"table": "comments", "role": "user"}},
  {"type": "pg_drop_delete_permission", "args": {"table": "comments", "role": "user"}}
]}$$);
SELECT relname, relrowsecurity FROM pg_class WHERE relname IN ('users', 'notes', 'comments') ORDER BY 1;
SELECT count(*) AS policies FROM pg_policies;
SELECT graphql.metadata('{"type": "clear_metadata", "args": {}}');
DROP TABLE comments, notes, users;
DROP OWNED BY "user";
DROP ROLE "user";
DROP EXTENSION graphql;
