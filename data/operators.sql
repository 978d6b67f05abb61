-- operators.sql - the schema of sql/operators.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Items with a column of every type family (row 4 NULL everywhere, rows 2 and 5 tied)
-- and categories, for every comparison operator and relationship filters.
CREATE TYPE o_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE o_cat (id int PRIMARY KEY, name text COLLATE "C");
CREATE TABLE o_item (id int PRIMARY KEY, i int, f float8, n numeric, b bigint, s text COLLATE "C",
                     flag bool, ts timestamptz, d date, u uuid, m o_mood, j jsonb, arr text[],
                     cat_id int REFERENCES o_cat (id));
INSERT INTO o_cat VALUES (1, 'fruit'), (2, 'dessert'), (3, 'empty');
-- row 4 is NULL everywhere; rows 2 and 5 tie on i, f, n, b, m
INSERT INTO o_item VALUES
  (1, 10, 1.5, 10.25, 5000000000, 'apple', true, '2024-01-01 10:00+00', '2024-01-01',
   '00000000-0000-0000-0000-000000000001', 'sad', '{"a": 1, "b": [1, 2]}', '{x,y}', 1),
  (2, 20, 2.5, 20.50, 6000000000, 'Banana', false, '2024-02-01 10:00+00', '2024-02-01',
   '00000000-0000-0000-0000-000000000002', 'ok', '{"a": 2}', '{y}', 1),
  (3, 30, -1, 0, -1, 'cherry pie', true, '2024-03-01 10:00+00', '2024-03-01',
   '00000000-0000-0000-0000-000000000003', 'happy', '{"c": null}', '{}', 2),
  (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (5, 20, 2.5, 20.5, 6000000000, 'apple', false, '2024-02-01 10:00+00', '2024-02-29',
   '00000000-0000-0000-0000-00000000000a', 'ok', '[1, 2]', '{z}', 2);
