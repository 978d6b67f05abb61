-- validation.sql - the schema of sql/validation.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Authors and posts with an enum and a jsonb column.
CREATE TYPE v_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE v_author (id int PRIMARY KEY, name text NOT NULL, mood v_mood);
CREATE TABLE v_post (id int PRIMARY KEY, author_id int REFERENCES v_author (id),
                     title text NOT NULL, likes int, info jsonb);
INSERT INTO v_author VALUES (1, 'Ann', 'happy'), (2, 'Bob', NULL);
INSERT INTO v_post VALUES (10, 1, 'Hello', 5, '{"a": 1}'), (11, 2, 'World', NULL, NULL);
