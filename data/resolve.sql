-- resolve.sql - the schema of sql/resolve.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Authors and posts with enum, array, jsonb, bigint, numeric and uuid columns.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE author (id int PRIMARY KEY, name text NOT NULL, big bigint,
                     score numeric, tags text[], info jsonb, m mood);
CREATE TABLE post (id int PRIMARY KEY, author_id int REFERENCES author (id),
                   title text NOT NULL, likes int, uid uuid);
INSERT INTO author VALUES
  (1, 'Ann', 9007199254740993, 1.50, '{a,b}', '{"k": 1}', 'happy'),
  (2, 'Bob', NULL, 2.25, '{}', '{"j": 2}', 'sad'),
  (3, 'Cid', 3, NULL, NULL, NULL, NULL);
INSERT INTO post VALUES
  (10, 1, 'Hello', 5, NULL), (11, 1, 'World', 7, NULL),
  (12, 2, 'Again', 1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (13, NULL, 'Orphan', NULL, NULL);
