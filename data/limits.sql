-- limits.sql - the schema of sql/limits.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Authors and their books: lists to nest for depth and complexity.
CREATE TABLE lim_author (id int PRIMARY KEY, name text);
CREATE TABLE lim_book (id int PRIMARY KEY, author_id int REFERENCES lim_author, title text);
INSERT INTO lim_author VALUES (1, 'a'), (2, 'b');
INSERT INTO lim_book VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'z');
