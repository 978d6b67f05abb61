-- metadata.sql - the schema of sql/metadata.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Authors and articles, a two-column foreign key (declared in another column
-- order than the key), an enum table and one that cannot be one, a view, a
-- computed-field function, a set-returning function and an overloaded one:
-- what the metadata API tracks, relates and grants in the suite.
CREATE TABLE md_author (id int PRIMARY KEY, name text NOT NULL, bio text);
CREATE TABLE md_article (id int PRIMARY KEY, author_id int REFERENCES md_author (id),
                         title text NOT NULL, body text);
CREATE TABLE md_pair (a int, b int, label text, PRIMARY KEY (a, b));
CREATE TABLE md_pair_ref (id int PRIMARY KEY, x int, y int, FOREIGN KEY (y, x) REFERENCES md_pair (b, a));
CREATE TABLE md_color (value text PRIMARY KEY, comment text);
CREATE TABLE md_not_enum (id int PRIMARY KEY, v text);
CREATE VIEW md_author_name AS SELECT id, name FROM md_author;
CREATE FUNCTION md_author_label(author_row md_author, hasura_session json DEFAULT NULL) RETURNS text
  STABLE LANGUAGE sql AS $$ SELECT author_row.name || ' (' || author_row.id || ')' $$;
CREATE FUNCTION md_search(q text) RETURNS SETOF md_author STABLE LANGUAGE sql
  AS $$ SELECT * FROM md_author WHERE name ILIKE '%' || q || '%' $$;
CREATE FUNCTION md_over(int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT $1 $$;
CREATE FUNCTION md_over(text) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT $1 $$;
INSERT INTO md_author VALUES (1, 'Ann', 'writes'), (2, 'Bob', NULL);
INSERT INTO md_article VALUES (10, 1, 'Hello', 'first'), (11, 1, 'Again', NULL), (12, 2, 'Mine', 'x');
INSERT INTO md_pair VALUES (1, 2, 'one-two');
INSERT INTO md_pair_ref VALUES (1, 1, 2);
INSERT INTO md_color VALUES ('red', 'Red'), ('blue', NULL);
CREATE ROLE md_user NOLOGIN;
CREATE ROLE md_admins NOLOGIN;
CREATE ROLE md_alice NOLOGIN IN ROLE md_admins;
CREATE ROLE md_nobody NOLOGIN;
