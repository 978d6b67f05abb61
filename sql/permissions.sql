-- Permissions compiled into row level security policies, GRANTs and SECURITY DEFINER functions
-- (graphql._apply_permissions): every operator family, session variables, relationships,
-- _exists, the legacy $ syntax, policies and privileges in the catalogs, rebuilds and drops,
-- views, the admin policy, inconsistent permissions. Answers are compared with hand-written SQL.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/permissions.sql
\set ECHO all

-- tracked tables and their relationships (what the metadata API would store)
INSERT INTO graphql.metadata_table (table_schema, table_name)
VALUES ('public', 'pm_author'), ('public', 'pm_article'), ('public', 'pm_review'), ('public', 'pm_article_view');
INSERT INTO graphql.metadata_relationship (table_schema, table_name, name, kind, definition) VALUES
  ('public', 'pm_article', 'author', 'object', '{"foreign_key_constraint_on": "author_id"}'),
  ('public', 'pm_article', 'reviews', 'array', '{"foreign_key_constraint_on": {"table": "pm_review", "column": "article_id"}}'),
  ('public', 'pm_author', 'articles', 'array', '{"foreign_key_constraint_on": {"table": "pm_review", "column": "article_id"}}'),
  ('public', 'pm_author', 'written', 'array', '{"manual_configuration": {"remote_table": "pm_article", "column_mapping": {"id": "author_id"}}}'),
  ('public', 'pm_review', 'article', 'object', '{"foreign_key_constraint_on": "article_id"}'),
  ('public', 'pm_review', 'reviewer', 'object', '{"manual_configuration": {"remote_table": {"schema": "public", "name": "pm_author"}, "column_mapping": {"reviewer_id": "id"}}}'),
  ('public', 'pm_article_view', 'reviews', 'array', '{"manual_configuration": {"remote_table": "pm_review", "column_mapping": {"id": "article_id"}}}');
-- pm_author.articles above names a foreign key that does not reference pm_author: not a relationship
SELECT relid::regclass, name, kind, target::regclass, source_columns, target_columns
FROM graphql.reflect_relationships ORDER BY 1, 2;

-- helpers: set (or drop) a permission and rebuild its table; the error of a bad permission
CREATE FUNCTION pm_set(t text, r text, k text, p jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO graphql.metadata_permission (table_schema, table_name, role, kind, permission)
  VALUES ('public', t, r, k, p)
  ON CONFLICT (table_schema, table_name, role, kind) DO UPDATE SET permission = EXCLUDED.permission;
  SELECT graphql._apply_permissions(('public.' || t)::regclass);
$$;
CREATE FUNCTION pm_drop(t text, r text, k text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM graphql.metadata_permission
  WHERE table_schema = 'public' AND table_name = t AND role = r AND kind = k;
  SELECT graphql._apply_permissions(('public.' || t)::regclass);
$$;
CREATE FUNCTION pm_error(t text, r text, k text, p jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  state text; msg text; detail text;
BEGIN
  PERFORM pm_set(t, r, k, p);
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
  RETURN state || ': ' || msg || E'\n' || detail;
END;
$$;
-- the ids of pm_article that role pm_reader sees under a select filter (with these session
-- variables), and whether they are the rows of a hand-written WHERE clause
CREATE FUNCTION pm_visible(filter jsonb, session jsonb, reference text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  seen text; expected text;
BEGIN
  PERFORM pm_set('pm_article', 'pm_reader', 'select', jsonb_build_object('columns', '*', 'filter', filter));
  EXECUTE format('SELECT string_agg(id::text, %L ORDER BY id) FROM pm_article AS a WHERE %s', ',', reference)
  INTO expected;
  PERFORM set_config('graphql.session', session::text, true);
  PERFORM set_config('role', 'pm_reader', true);
  SELECT string_agg(id::text, ',' ORDER BY id) INTO seen FROM pm_article;
  PERFORM set_config('role', 'none', true);
  PERFORM set_config('graphql.session', '', true);
  RETURN coalesce(seen, '-') || CASE WHEN seen IS NOT DISTINCT FROM expected THEN '' ELSE ' <> ' || coalesce(expected, '-') END;
END;
$$;

-- roles are created NOLOGIN when missing
SELECT count(*) AS pm_reader_exists FROM pg_roles WHERE rolname = 'pm_reader';
SELECT pm_set('pm_article', 'pm_reader', 'select', '{"columns": ["id", "title"], "filter": {}}');
SELECT rolname, rolcanlogin, rolsuper, rolinherit FROM pg_roles WHERE rolname = 'pm_reader';
-- the policy, row level security, the column privileges, the record
SELECT policyname, permissive, roles, cmd, qual, with_check FROM pg_policies WHERE tablename = 'pm_article';
SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'pm_article'::regclass;
SELECT column_name, privilege_type FROM information_schema.column_privileges
WHERE grantee = 'pm_reader' AND table_name = 'pm_article' ORDER BY 1, 2;
SELECT * FROM graphql.permission_managed;
-- plain SQL as the role: the granted columns only
BEGIN;
SET LOCAL ROLE pm_reader;
SELECT id, title FROM pm_article ORDER BY id;
SELECT rating FROM pm_article;
ROLLBACK;

-- every operator family: the rows seen, compared with the WHERE clause on the right
SELECT filter, session, pm_visible(filter::jsonb, session::jsonb, reference) AS seen
FROM (VALUES
  ('{}', '{}', 'true'),
  ('{"rating": {"_eq": 5}}', '{}', 'rating = 5'),
  ('{"rating": 5}', '{}', 'rating = 5'),
  ('{"rating": {"_neq": 5}}', '{}', 'rating <> 5'),
  ('{"rating": {"_ne": 5}}', '{}', 'rating <> 5'),
  ('{"rating": {"_gt": 2}}', '{}', 'rating > 2'),
  ('{"rating": {"_lt": 2}}', '{}', 'rating < 2'),
  ('{"rating": {"_gte": 4, "_lte": 5}}', '{}', 'rating BETWEEN 4 AND 5'),
  ('{"written": {"_gt": "2024-01-15"}}', '{}', 'written > date ''2024-01-15'''),
  ('{"mood": {"_eq": "happy"}}', '{}', 'mood = ''happy'''),
  ('{"published": true}', '{}', 'published'),
  ('{"rating": {"_in": [1, 2, 5]}}', '{}', 'rating IN (1, 2, 5)'),
  ('{"rating": {"_nin": [1, 2]}}', '{}', 'rating NOT IN (1, 2)'),
  ('{"rating": {"_in": []}}', '{}', 'false'),
  ('{"rating": {"_is_null": true}}', '{}', 'rating IS NULL'),
  ('{"rating": {"_is_null": false}}', '{}', 'rating IS NOT NULL'),
  ('{"title": {"_like": "%a%"}}', '{}', 'title LIKE ''%a%'''),
  ('{"title": {"_nlike": "%a%"}}', '{}', 'title NOT LIKE ''%a%'''),
  ('{"title": {"_ilike": "%A%"}}', '{}', 'title ILIKE ''%A%'''),
  ('{"title": {"_nilike": "%A%"}}', '{}', 'title NOT ILIKE ''%A%'''),
  ('{"title": {"_similar": "(Alpha|beta)"}}', '{}', 'title SIMILAR TO ''(Alpha|beta)'''),
  ('{"title": {"_nsimilar": "(Alpha|beta)"}}', '{}', 'title NOT SIMILAR TO ''(Alpha|beta)'''),
  ('{"title": {"_regex": "^[A-Z]"}}', '{}', 'title ~ ''^[A-Z]'''),
  ('{"title": {"_nregex": "^[A-Z]"}}', '{}', 'title !~ ''^[A-Z]'''),
  ('{"title": {"_iregex": "^[a-e]"}}', '{}', 'title ~* ''^[a-e]'''),
  ('{"title": {"_niregex": "^[a-e]"}}', '{}', 'title !~* ''^[a-e]'''),
  ('{"code": {"_eq": "abcd"}}', '{}', 'code = ''abcd'''),
  ('{"info": {"_contains": {"lang": "en"}}}', '{}', 'info @> ''{"lang": "en"}'''),
  ('{"info": {"_contained_in": {"lang": "en", "n": 1, "m": 3}}}', '{}', 'info <@ ''{"lang": "en", "n": 1, "m": 3}'''),
  ('{"info": {"_has_key": "n"}}', '{}', 'info ? ''n'''),
  ('{"info": {"_has_keys_any": ["x", "lang"]}}', '{}', 'info ?| ''{x,lang}'''),
  ('{"info": {"_has_keys_all": ["n", "lang"]}}', '{}', 'info ?& ''{n,lang}'''),
  ('{"labels": {"_eq": ["a", "b"]}}', '{}', 'labels = ''{a,b}'''),
  ('{"id": {"_ceq": "rating"}}', '{}', 'id = rating'),
  ('{"id": {"_cneq": ["rating"]}}', '{}', 'id <> rating'),
  ('{"rating": {"_cgt": "author_id"}}', '{}', 'rating > author_id'),
  ('{"rating": {"_clt": "author_id"}}', '{}', 'rating < author_id'),
  ('{"rating": {"_cgte": ["$", "id"]}}', '{}', 'rating >= id'),
  ('{"rating": {"_clte": "id"}}', '{}', 'rating <= id'),
  ('{"_and": [{"published": true}, {"rating": {"_gt": 3}}]}', '{}', 'published AND rating > 3'),
  ('{"_or": [{"published": false}, {"rating": {"_gt": 4}}]}', '{}', 'NOT published OR rating > 4'),
  ('{"_not": {"published": true}}', '{}', 'NOT published'),
  ('{"_and": []}', '{}', 'true'),
  ('{"_or": []}', '{}', 'false'),
  ('{"published": true, "rating": {"_gt": 4}}', '{}', 'published AND rating > 4'),
  -- relationships: object, array, nested, with a column of the root ($)
  ('{"author": {"team": {"_eq": "red"}}}', '{}', 'author_id IN (SELECT id FROM pm_author WHERE team = ''red'')'),
  ('{"reviews": {"score": {"_gte": 4}}}', '{}', 'id IN (SELECT article_id FROM pm_review WHERE score >= 4)'),
  ('{"reviews": {"reviewer": {"name": {"_eq": "Cid"}}}}', '{}', 'id IN (SELECT article_id FROM pm_review WHERE reviewer_id = 3)'),
  ('{"reviews": {"score": {"_cgt": ["$", "rating"]}}}', '{}', 'EXISTS (SELECT FROM pm_review r WHERE r.article_id = a.id AND r.score > a.rating)'),
  ('{"author": {"written": {"rating": {"_is_null": true}}}}', '{}', 'author_id = 2'),
  ('{"_not": {"reviews": {}}}', '{}', 'id NOT IN (SELECT article_id FROM pm_review)'),
  -- _exists: uncorrelated, and correlated through $
  ('{"_exists": {"_table": "pm_author", "_where": {"name": {"_eq": "Cid"}}}}', '{}', 'true'),
  ('{"_exists": {"_table": {"schema": "public", "name": "pm_author"}, "_where": {"name": {"_eq": "Zed"}}}}', '{}', 'false'),
  ('{"_exists": {"_table": "pm_review", "_where": {"reviewer_id": {"_ceq": ["$", "author_id"]}}}}', '{}', 'author_id IN (SELECT reviewer_id FROM pm_review)'),
  -- the legacy $ syntax
  ('{"$or": [{"rating": {"$eq": 1}}, {"title": {"$like": "b%"}}]}', '{}', 'rating = 1 OR title LIKE ''b%'''),
  ('{"$and": [{"rating": {"$gt": 1}}, {"$not": {"rating": {"$in": [2, 4]}}}]}', '{}', 'rating > 1 AND rating NOT IN (2, 4)'),
  ('{"rating": {"$ne": 5, "$lte": 4, "$cne": "id"}}', '{}', 'rating <> 5 AND rating <= 4 AND rating <> id'),
  -- session variables: names are case-insensitive, cast to the column type
  ('{"author_id": {"_eq": "X-Hasura-User-Id"}}', '{"x-hasura-user-id": "2"}', 'author_id = 2'),
  ('{"author_id": "x-hasura-user-id"}', '{"X-Hasura-User-ID": "1"}', 'author_id = 1'),
  ('{"written": {"_lt": "X-Hasura-Day"}}', '{"x-hasura-day": "2024-02-15"}', 'written < date ''2024-02-15'''),
  ('{"published": {"_eq": "X-Hasura-Published"}}', '{"x-hasura-published": "false"}', 'NOT published'),
  ('{"rating": {"_is_null": "X-Hasura-Null"}}', '{"x-hasura-null": "true"}', 'rating IS NULL'),
  ('{"author": {"id": {"_eq": "X-Hasura-User-Id"}}}', '{"x-hasura-user-id": "3"}', 'author_id = 3'),
  ('{"_exists": {"_table": "pm_author", "_where": {"_and": [{"id": {"_eq": "X-Hasura-User-Id"}}, {"team": "blue"}]}}}', '{"x-hasura-user-id": "3"}', 'true'),
  ('{"_exists": {"_table": "pm_author", "_where": {"_and": [{"id": {"_eq": "X-Hasura-User-Id"}}, {"team": "blue"}]}}}', '{"x-hasura-user-id": "1"}', 'false'),
  -- lists in a session variable: a PostgreSQL array literal or a JSON array
  ('{"author_id": {"_in": "X-Hasura-Allowed-Ids"}}', '{"x-hasura-allowed-ids": "{1,3}"}', 'author_id IN (1, 3)'),
  ('{"author_id": {"_nin": "X-Hasura-Allowed-Ids"}}', '{"x-hasura-allowed-ids": [1, 3]}', 'author_id = 2'),
  ('{"info": {"_has_keys_any": "X-Hasura-Keys"}}', '{"x-hasura-keys": ["x", "lang"]}', 'info ?| ''{x,lang}'''),
  ('{"rating": {"_in": [1, "X-Hasura-Other"]}}', '{"x-hasura-other": "4"}', 'rating IN (1, 4)'),
  -- a missing session variable lets no row through, even under _not and _or
  ('{"author_id": {"_eq": "X-Hasura-User-Id"}}', '{}', 'false'),
  ('{"_not": {"author_id": {"_eq": "X-Hasura-User-Id"}}}', '{}', 'false'),
  ('{"_not": {"author": {"id": {"_eq": "X-Hasura-User-Id"}}}}', '{"x-hasura-role": "pm_reader"}', 'false'),
  ('{"_or": [{"published": true}, {"author_id": {"_eq": "X-Hasura-User-Id"}}]}', '{}', 'false'),
  ('{"author_id": {"_in": "X-Hasura-Allowed-Ids"}}', '{}', 'false')
) AS c (filter, session, reference);

-- errors: SQLSTATE GQ100, Hasura's error body with the path in DETAIL; nothing is changed
SELECT pm_error('pm_article', 'pm_reader', 'select', p::jsonb)
FROM (VALUES
  ('{"columns": "*", "filter": {"nope": {"_eq": 1}}}'),
  ('{"columns": "*", "filter": {"rating": {"_equals": 1}}}'),
  ('{"columns": "*", "filter": {"_and": [{}, {"_foo": 1}]}}'),
  ('{"columns": "*", "filter": {"_and": {"rating": 1}}}'),
  ('{"columns": "*", "filter": {"author": {"nope": {"_eq": 1}}}}'),
  ('{"columns": "*", "filter": {"reviews": {"article": {"nope": 1}}}}'),
  ('{"columns": "*", "filter": {"rating": {"_in": 3}}}'),
  ('{"columns": "*", "filter": {"rating": {"_like": "%1"}}}'),
  ('{"columns": "*", "filter": {"title": {"_has_key": "a"}}}'),
  ('{"columns": "*", "filter": {"rating": {"_is_null": "yes"}}}'),
  ('{"columns": "*", "filter": {"rating": {"_eq": {"a": 1}}}}'),
  ('{"columns": "*", "filter": {"rating": {"_ceq": "nope"}}}'),
  ('{"columns": "*", "filter": {"rating": {"_ceq": ["$", "nope"]}}}'),
  ('{"columns": "*", "filter": {"rating": {"_ceq": 3}}}'),
  ('{"columns": "*", "filter": {"_exists": {"_table": "pm_nope", "_where": {}}}}'),
  ('{"columns": "*", "filter": {"_exists": {"_where": {}}}}'),
  ('{"columns": "*", "filter": [1]}'),
  ('{"columns": ["id", "nope"], "filter": {}}'),
  ('{"filter": {}}')
) AS c (p);
-- the permission of before the errors is still in place
SELECT policyname, qual FROM pg_policies WHERE tablename = 'pm_article';
-- reserved role names
SELECT pm_error('pm_article', 'public', 'select', '{"columns": "*", "filter": {}}');
SELECT pm_error('pm_article', 'admin', 'select', '{"columns": "*", "filter": {}}');

-- the four kinds for one role, owner-style: policies, grants, sequences
SELECT pm_set('pm_article', 'pm_writer', 'select', '{"columns": ["id", "author_id", "title", "rating"], "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}}');
SELECT pm_set('pm_article', 'pm_writer', 'insert', '{"columns": ["title", "rating"], "check": {"author_id": {"_eq": "X-Hasura-User-Id"}}, "set": {"author_id": "X-Hasura-User-Id"}}');
SELECT pm_set('pm_article', 'pm_writer', 'update', '{"columns": ["title", "rating"], "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}, "check": {"rating": {"_lte": 5}}}');
SELECT pm_set('pm_article', 'pm_writer', 'delete', '{"filter": {"_and": [{"author_id": {"_eq": "X-Hasura-User-Id"}}, {"published": false}]}}');
SELECT pm_set('pm_review', 'pm_writer', 'insert', '{"check": {"article": {"_and": [{"author_id": {"_eq": "X-Hasura-User-Id"}}, {"published": true}]}}}');
SELECT policyname, roles, cmd, qual, with_check FROM pg_policies
WHERE tablename IN ('pm_article', 'pm_review') AND 'pm_writer' = ANY (roles) ORDER BY tablename, policyname;
SELECT table_name, column_name, privilege_type FROM information_schema.column_privileges
WHERE grantee = 'pm_writer' ORDER BY 1, 2, 3;
SELECT table_name, privilege_type FROM information_schema.table_privileges
WHERE grantee = 'pm_writer' ORDER BY 1, 2;
SELECT object_name, privilege_type FROM information_schema.usage_privileges
WHERE grantee = 'pm_writer' ORDER BY 1;
SELECT table_name, rls_enabled, roles, cardinality(functions) AS functions
FROM graphql.permission_managed ORDER BY 1;
-- the generated functions: SECURITY DEFINER, STABLE, search_path set, executable by their role only
SELECT p.proname ~ '^_perm_pm_review_[0-9a-f]{16}$' AS named, p.prosecdef, p.provolatile,
       p.proconfig, pg_get_userbyid(p.proowner) = (SELECT pg_get_userbyid(extowner) FROM pg_extension
                                                    WHERE extname = 'graphql') AS extension_owner,
       p.proacl, obj_description(p.oid, 'pg_proc') ~ 'pm_writer' AS commented
FROM pg_proc AS p WHERE p.pronamespace = 'graphql'::regnamespace AND p.proname LIKE '\_perm\_pm\_review\_%';
-- plain SQL as pm_writer with user id 1: own rows only, for every command
BEGIN;
SET LOCAL ROLE pm_writer;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
SELECT id, author_id, title, rating FROM pm_article ORDER BY id;
UPDATE pm_article SET rating = rating + 0 RETURNING id;
UPDATE pm_article SET rating = 3 WHERE id IN (2, 3, 4) RETURNING id, rating;
INSERT INTO pm_article (author_id, title, rating) VALUES (1, 'mine', 3) RETURNING id, author_id;
DELETE FROM pm_article WHERE title = 'mine' OR id IN (4, 5) RETURNING id;
INSERT INTO pm_review (article_id, reviewer_id, score) VALUES (1, 2, 5);
ROLLBACK;
BEGIN;
SET LOCAL ROLE pm_writer;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
UPDATE pm_article SET rating = 9 WHERE id = 1;
ROLLBACK;
BEGIN;
SET LOCAL ROLE pm_writer;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
INSERT INTO pm_article (author_id, title, rating) VALUES (2, 'theirs', 3);
ROLLBACK;
BEGIN;
SET LOCAL ROLE pm_writer;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
INSERT INTO pm_review (article_id, reviewer_id, score) VALUES (3, 1, 5);
ROLLBACK;
BEGIN;
SET LOCAL ROLE pm_writer;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
UPDATE pm_article SET published = true WHERE id = 1;
ROLLBACK;
-- the relationship check reads pm_article.published, a column pm_writer may not read, and
-- pm_writer may not read pm_review at all: the check runs as the extension's owner
BEGIN;
SET LOCAL ROLE pm_writer;
SET LOCAL graphql.session = '{"x-hasura-user-id": "2"}';
INSERT INTO pm_review (article_id, reviewer_id, score) VALUES (4, 1, 5);
SELECT count(*) FROM pm_review;
ROLLBACK;

-- a rebuild after a change replaces the policy; the old generated function is gone
SELECT proname FROM pg_proc WHERE pronamespace = 'graphql'::regnamespace AND proname LIKE '\_perm\_%' AND proname ~ '_[0-9a-f]{16}$' ORDER BY 1;
SELECT pm_set('pm_review', 'pm_writer', 'insert', '{"check": {"score": {"_lte": 3}}}');
SELECT policyname, with_check FROM pg_policies WHERE tablename = 'pm_review';
SELECT count(*) AS perm_functions FROM pg_proc WHERE pronamespace = 'graphql'::regnamespace AND proname ~ '^_perm_.*_[0-9a-f]{16}$';
SELECT functions FROM graphql.permission_managed WHERE table_name = 'pm_review';
-- a role losing a kind loses its privileges of that kind
SELECT pm_drop('pm_article', 'pm_writer', 'update');
SELECT privilege_type, count(*) FROM information_schema.column_privileges
WHERE grantee = 'pm_writer' AND table_name = 'pm_article' GROUP BY 1 ORDER BY 1;

-- views: column GRANTs, no policy; permission_filter_sql gives the engine the filter
SELECT pm_set('pm_article_view', 'pm_writer', 'select', '{"columns": ["id", "author_id", "title"], "filter": {"_and": [{"author_id": {"_eq": "X-Hasura-User-Id"}}, {"reviews": {"score": {"_gt": 1}}}]}}');
SELECT count(*) AS view_policies FROM pg_policies WHERE tablename = 'pm_article_view';
SELECT column_name, privilege_type FROM information_schema.column_privileges
WHERE grantee = 'pm_writer' AND table_name = 'pm_article_view' ORDER BY 1;
SELECT graphql.permission_filter_sql('pm_article_view'::regclass, 'pm_writer', 'select', 'v');
SELECT graphql.permission_filter_sql('pm_article'::regclass, 'pm_writer', 'insert', 't0');
SELECT graphql.permission_filter_sql('pm_article'::regclass, 'pm_writer', 'update', 't0') IS NULL AS no_update;
SELECT graphql.permission_filter_sql('pm_article'::regclass, 'pm_writer', 'nope', 't0');
-- relationships of the view are its own (the view has no "author")
SELECT pm_error('pm_article_view', 'pm_writer', 'select', '{"columns": ["id"], "filter": {"author": {}}}');
-- plain SQL on the view is not filtered (no row level security on views); the engine adds the
-- filter, which works as the role with the function it calls (pm_writer may not read pm_review)
BEGIN;
SET LOCAL ROLE pm_writer;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
SELECT id, title FROM pm_article_view ORDER BY id;
SELECT rating FROM pm_article_view;
ROLLBACK;
SELECT graphql.permission_filter_sql('pm_article_view'::regclass, 'pm_writer', 'select', 'v') AS f \gset
BEGIN;
SET LOCAL ROLE pm_writer;
SET LOCAL graphql.session = '{"x-hasura-user-id": "1"}';
SELECT id, title FROM pm_article_view AS v WHERE :f ORDER BY id;
ROLLBACK;

-- the admin role: a permissive policy for everything on managed tables
CREATE ROLE pm_admins NOLOGIN;
SET graphql.admin_role = 'pm_admins';
SELECT graphql._apply_all_permissions();
SELECT tablename, policyname, roles, cmd, qual, with_check FROM pg_policies WHERE policyname = 'graphql_admin' ORDER BY 1;
CREATE ROLE pm_boss NOLOGIN IN ROLE pm_admins;
GRANT SELECT ON pm_article TO pm_admins;
BEGIN;
SET LOCAL ROLE pm_boss;
SELECT count(*) AS boss_sees FROM pm_article;
ROLLBACK;
RESET graphql.admin_role;
SELECT graphql._apply_all_permissions();
SELECT count(*) AS admin_policies FROM pg_policies WHERE policyname = 'graphql_admin';
REVOKE SELECT ON pm_article FROM pm_admins;

-- policies named graphql_* are managed: one created by hand is dropped by a rebuild; others stay
CREATE POLICY graphql_by_hand ON pm_article FOR SELECT TO pm_reader USING (true);
CREATE POLICY mine_by_hand ON pm_article FOR SELECT TO pm_reader USING (false);
SELECT graphql._apply_permissions('pm_article'::regclass);
SELECT policyname FROM pg_policies WHERE tablename = 'pm_article' ORDER BY 1;
DROP POLICY mine_by_hand ON pm_article;

-- inconsistency: the policy depends on the column it reads, so dropping the column needs
-- CASCADE, which drops the policy; _apply_all_permissions then leaves the permission out (the
-- role gets nothing: no privilege, no policy), permission_problem says why, and
-- _apply_permissions refuses it
ALTER TABLE pm_review ADD COLUMN note text;
SELECT pm_set('pm_review', 'pm_reader', 'select', '{"columns": ["id", "note"], "filter": {"note": {"_is_null": false}}}');
ALTER TABLE pm_review DROP COLUMN note;
ALTER TABLE pm_review DROP COLUMN note CASCADE;
SELECT policyname FROM pg_policies WHERE tablename = 'pm_review' ORDER BY 1;
SELECT graphql._apply_all_permissions();
SELECT policyname FROM pg_policies WHERE tablename = 'pm_review' ORDER BY 1;
SELECT graphql.permission_problem('public', 'pm_review', 'pm_reader', 'select');
SELECT graphql.permission_problem('public', 'pm_review', 'pm_writer', 'insert');
SELECT pm_error('pm_review', 'pm_reader', 'select', '{"columns": ["id", "note"], "filter": {"note": {"_is_null": false}}}');
BEGIN;
SET LOCAL ROLE pm_reader;
SELECT count(*) FROM pm_review;
ROLLBACK;

-- dropping every permission: policies, privileges and functions gone, row level security off
SELECT pm_drop('pm_article_view', 'pm_writer', 'select');
DELETE FROM graphql.metadata_permission;
SELECT graphql._apply_all_permissions();
SELECT count(*) AS policies FROM pg_policies WHERE policyname LIKE 'graphql\_%';
SELECT relname, relrowsecurity FROM pg_class WHERE relname IN ('pm_article', 'pm_review', 'pm_author') ORDER BY 1;
SELECT count(*) AS privileges FROM information_schema.role_table_grants WHERE grantee IN ('pm_reader', 'pm_writer');
SELECT count(*) AS column_privileges FROM information_schema.column_privileges WHERE grantee IN ('pm_reader', 'pm_writer');
SELECT count(*) AS sequence_privileges FROM information_schema.usage_privileges WHERE grantee IN ('pm_reader', 'pm_writer');
SELECT count(*) AS perm_functions FROM pg_proc WHERE pronamespace = 'graphql'::regnamespace AND proname ~ '^_perm_.*_[0-9a-f]{16}$';
SELECT count(*) AS records FROM graphql.permission_managed;
-- row level security the user enabled is left on
ALTER TABLE pm_author ENABLE ROW LEVEL SECURITY;
SELECT pm_set('pm_author', 'pm_reader', 'select', '{"columns": "*", "filter": {}}');
SELECT rls_enabled FROM graphql.permission_managed WHERE table_name = 'pm_author';
SELECT pm_drop('pm_author', 'pm_reader', 'select');
SELECT relrowsecurity FROM pg_class WHERE relname = 'pm_author';
-- a dropped table: _apply_all_permissions forgets it and drops its functions
SELECT pm_set('pm_review', 'pm_reader', 'select', '{"columns": "*", "filter": {"article": {"published": true}}}');
DROP TABLE pm_review;
SELECT graphql._apply_all_permissions();
SELECT count(*) AS records FROM graphql.permission_managed;
SELECT count(*) AS perm_functions FROM pg_proc WHERE pronamespace = 'graphql'::regnamespace AND proname ~ '^_perm_.*_[0-9a-f]{16}$';
-- nobody but the extension's owner may run the compiler
SET ROLE pm_reader;
SELECT graphql._apply_all_permissions();
RESET ROLE;
-- clean up
DELETE FROM graphql.metadata_permission;
SELECT graphql._apply_all_permissions();
DROP FUNCTION pm_set(text, text, text, jsonb), pm_drop(text, text, text),
              pm_error(text, text, text, jsonb), pm_visible(jsonb, jsonb, text);
DROP VIEW pm_article_view;
DROP TABLE pm_article, pm_author;
DROP TYPE pm_mood;
DROP OWNED BY pm_reader, pm_writer, pm_admins, pm_boss;
DROP ROLE pm_reader, pm_writer, pm_boss, pm_admins;
DROP EXTENSION graphql;
