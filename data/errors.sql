-- errors.sql - the schema of sql/errors.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Authors and posts with a uuid and a date column, for values the database rejects.
CREATE TABLE e_author (id int PRIMARY KEY, name text NOT NULL, uid uuid);
CREATE TABLE e_post (id int PRIMARY KEY, author_id int REFERENCES e_author (id),
                     title text NOT NULL, day date);
INSERT INTO e_author VALUES (1, 'Ann', NULL), (2, 'Bob', NULL);
INSERT INTO e_post VALUES (10, 1, 'Hello', '2026-01-02'), (11, 2, 'World', NULL);
