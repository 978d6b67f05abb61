-- privileges.sql - the schema of sql/privileges.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Two roles (p_reader: some columns, p_tenant: row level security) and a table
-- neither may read.
-- conformance: also as roles p_reader p_tenant
CREATE ROLE p_reader NOLOGIN;
CREATE ROLE p_tenant NOLOGIN;
CREATE TABLE p_team (id int PRIMARY KEY, name text NOT NULL, tenant text NOT NULL);
CREATE TABLE p_member (id int PRIMARY KEY, team_id int NOT NULL REFERENCES p_team (id),
                       name text NOT NULL, salary int, tenant text NOT NULL);
CREATE TABLE p_secret (id int PRIMARY KEY, code text);
INSERT INTO p_team VALUES (1, 'red', 'a'), (2, 'blue', 'b');
INSERT INTO p_member VALUES (10, 1, 'Ann', 100, 'a'), (11, 1, 'Bob', 200, 'a'),
                            (12, 2, 'Cid', 300, 'b'), (13, 1, 'Dan', 400, 'b');
INSERT INTO p_secret VALUES (1, 'xyzzy');
GRANT USAGE ON SCHEMA public TO p_reader, p_tenant;
-- p_reader: all of p_team, some columns of p_member (not salary), nothing on p_secret
GRANT SELECT ON p_team TO p_reader;
GRANT SELECT (id, team_id, name) ON p_member TO p_reader;
-- p_tenant: everything but p_secret, rows of tenant 'a' only
GRANT SELECT ON p_team, p_member TO p_tenant;
ALTER TABLE p_team ENABLE ROW LEVEL SECURITY;
ALTER TABLE p_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_team_a ON p_team FOR SELECT TO p_tenant USING (tenant = 'a');
CREATE POLICY p_member_a ON p_member FOR SELECT TO p_tenant USING (tenant = 'a');
CREATE POLICY p_team_all ON p_team FOR SELECT TO p_reader USING (true);
CREATE POLICY p_member_all ON p_member FOR SELECT TO p_reader USING (true);
