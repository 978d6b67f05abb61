-- owner_only.sql - the schema of sql/owner_only.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- The "restricted owner" recipe (doc/permissions.md): users, their notes, and
-- comments on the notes, each row with its owner.  The permissions of role
-- "user" are created by the suite.
CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE notes (id serial PRIMARY KEY, owner_id int NOT NULL REFERENCES users (id),
                    title text NOT NULL);
CREATE TABLE comments (id serial PRIMARY KEY, note_id int NOT NULL REFERENCES notes (id),
                       owner_id int NOT NULL REFERENCES users (id), body text NOT NULL);
INSERT INTO users VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cid');
INSERT INTO notes (owner_id, title) VALUES
  (1, 'ann-1'), (2, 'bob-1'), (2, 'bob-2'), (3, 'cid-1'), (2, 'bob-3');
-- comments: Bob on Ann's note, Ann and Bob on Bob's note, Cid on Bob's and his own
INSERT INTO comments (note_id, owner_id, body) VALUES
  (1, 2, 'bob on ann-1'), (2, 1, 'ann on bob-1'), (2, 2, 'bob on bob-1'),
  (3, 3, 'cid on bob-2'), (4, 3, 'cid on cid-1');
SELECT setval('notes_id_seq', 100), setval('comments_id_seq', 100);
