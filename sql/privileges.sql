-- graphql.resolve and graphql.sdl under roles: column privileges, no privilege, row level
-- security, SET ROLE, GRANT/REVOKE invalidating the schema cache, read-only execution.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/privileges.sql
\set ECHO all
-- the owner sees everything
SELECT graphql.resolve('{ p_member(order_by: {id: asc}) { id salary } p_secret { code } }')::jsonb;
-- column privileges: salary does not exist for p_reader
SET ROLE p_reader;
SELECT graphql.resolve('{ p_member(order_by: {id: asc}) { id name team { name } } }')::jsonb;
SELECT graphql.resolve('{ p_member { id salary } }')::jsonb;
SELECT graphql.resolve('{ p_member(where: {salary: {_gt: 1}}) { id } }')::jsonb -> 'errors';
SELECT graphql.resolve('{ p_member(order_by: {salary: asc}) { id } }')::jsonb -> 'errors';
SELECT graphql.resolve('{ p_member_aggregate { aggregate { sum { salary } } } }')::jsonb -> 'errors';
SELECT graphql.resolve('{ p_member_aggregate { aggregate { count max { id } } } }')::jsonb;
-- no privilege on p_secret: its root fields are absent
SELECT graphql.resolve('{ p_secret { id } }')::jsonb -> 'errors';
SELECT graphql.resolve('{ p_secret_by_pk(id: 1) { id } }')::jsonb -> 'errors';
SELECT graphql.resolve('{ __type(name: "p_secret") { name } }')::jsonb;
SELECT graphql.resolve('{ __schema { queryType { fields { name } } } }')::jsonb;
-- row level security: p_tenant sees tenant a's rows, at the root and through relationships
SET ROLE p_tenant;
SELECT graphql.resolve('{ p_team(order_by: {id: asc}) { id name p_member(order_by: {id: asc}) { id name } } }')::jsonb;
SELECT graphql.resolve('{ p_member(order_by: {id: asc}) { id salary team { name } } }')::jsonb;
SELECT graphql.resolve('{ p_member_aggregate { aggregate { count sum { salary } } } p_team_by_pk(id: 2) { id } }')::jsonb;
SELECT graphql.resolve('{ p_team(where: {p_member: {name: {_eq: "Dan"}}}) { id } }')::jsonb;
SELECT graphql.resolve('{ p_team(order_by: {p_member_aggregate: {count: desc}}) { id p_member_aggregate { aggregate { count } } } }')::jsonb;
-- the object relationship to an RLS table is nullable (p_member.team)
SELECT graphql.sdl() ~ 'team: p_team\n' AS team_nullable;
RESET ROLE;
-- SET ROLE changes the schema: the three roles see three different schemas
SELECT graphql.sdl() ~ 'salary' AS owner_salary, graphql.sdl() ~ 'p_secret' AS owner_secret;
SET ROLE p_reader;
SELECT graphql.sdl() ~ 'salary' AS reader_salary, graphql.sdl() ~ 'p_secret' AS reader_secret;
SET ROLE p_tenant;
SELECT graphql.sdl() ~ 'salary' AS tenant_salary, graphql.sdl() ~ 'p_secret' AS tenant_secret;
RESET ROLE;
SELECT md5(graphql.sdl()) AS owner_sdl \gset
SET ROLE p_reader;
SELECT md5(graphql.sdl()) <> :'owner_sdl' AS reader_differs;
RESET ROLE;
SELECT md5(graphql.sdl()) = :'owner_sdl' AS owner_again_same;
-- GRANT / REVOKE invalidate the cached schema: the field appears and disappears
SET ROLE p_reader;
SELECT graphql.resolve('{ p_secret { code } }')::jsonb -> 'errors' -> 0 ->> 'message' AS before_grant;
RESET ROLE;
GRANT SELECT (id, code) ON p_secret TO p_reader;
SET ROLE p_reader;
SELECT graphql.resolve('{ p_secret { code } }')::jsonb AS after_grant;
RESET ROLE;
GRANT SELECT (salary) ON p_member TO p_reader;
SET ROLE p_reader;
SELECT graphql.resolve('{ p_member(order_by: {salary: desc}, limit: 1) { id salary } }')::jsonb AS after_column_grant;
RESET ROLE;
REVOKE SELECT ON p_secret FROM p_reader;
REVOKE SELECT (salary) ON p_member FROM p_reader;
SET ROLE p_reader;
SELECT graphql.resolve('{ p_secret { code } }')::jsonb -> 'errors' -> 0 ->> 'message' AS after_revoke;
SELECT graphql.resolve('{ p_member { salary } }')::jsonb -> 'errors' -> 0 ->> 'message' AS after_column_revoke;
RESET ROLE;
-- also inside one transaction
BEGIN;
GRANT SELECT ON p_secret TO p_tenant;
SET LOCAL ROLE p_tenant;
SELECT graphql.resolve('{ p_secret { id code } }')::jsonb AS granted_in_transaction;
ROLLBACK;
SET ROLE p_tenant;
SELECT graphql.resolve('{ p_secret { id } }')::jsonb -> 'errors' -> 0 ->> 'message' AS after_rollback;
RESET ROLE;
-- resolve reads inside a read-only transaction and leaves it usable
BEGIN TRANSACTION READ ONLY;
SELECT graphql.resolve('{ p_team(order_by: {id: asc}) { id } }')::jsonb;
SELECT count(*) AS teams FROM p_team;
COMMIT;
DROP TABLE p_member, p_team, p_secret;
REVOKE USAGE ON SCHEMA public FROM p_reader, p_tenant;
DROP ROLE p_reader;
DROP ROLE p_tenant;
DROP EXTENSION graphql;
