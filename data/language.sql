-- language.sql - the schema of sql/language.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Writers and their books; an enum and a non-null column for variable
-- coercion.
CREATE TYPE lang_genre AS ENUM ('poetry', 'novel', 'essay');
CREATE TABLE lang_writer (id int PRIMARY KEY, name text NOT NULL, born int);
CREATE TABLE lang_book (id int PRIMARY KEY, writer_id int NOT NULL REFERENCES lang_writer (id),
                        title text NOT NULL, genre lang_genre, pages int, price real);
INSERT INTO lang_writer VALUES (1, 'Ann', 1950), (2, 'Bob', NULL), (3, 'Cid', 1990);
INSERT INTO lang_book VALUES (10, 1, 'Odes', 'poetry', 80, 9.5), (11, 1, 'Long Road', 'novel', 420, 20),
                             (12, 2, 'On Tests', 'essay', 150, NULL), (13, 3, 'Verses', 'poetry', 60, 7.25);
