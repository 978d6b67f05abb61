-- explain.sql - the schema of sql/explain.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Authors and books; a view whose rows write (explain_counter), for what ANALYZE executes.
-- conformance: no execution check: a view whose function writes shows that queries run read-only
CREATE TABLE explain_author (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE explain_book (id int PRIMARY KEY,
                           author_id int REFERENCES explain_author (id),
                           title text NOT NULL);
INSERT INTO explain_author VALUES (1, 'Ann'), (2, 'Bob');
INSERT INTO explain_book VALUES (10, 1, 'One'), (11, 1, 'Two'), (12, 2, 'Three');
ANALYZE explain_author, explain_book;
-- a view whose rows write: what ANALYZE executes must leave nothing behind
CREATE TABLE explain_log (n int);
CREATE FUNCTION explain_logged() RETURNS int VOLATILE LANGUAGE sql
  AS 'INSERT INTO explain_log VALUES (1) RETURNING n';
CREATE VIEW explain_counter AS SELECT explain_logged() AS n;
