-- aggregates.sql - the schema of sql/aggregates.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- One column per numeric type (with NULLs and repeated values), text and a
-- date for max/min, a group key for the relationship aggregates, and an
-- empty table.
CREATE TABLE agg_group (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE agg_value (id int PRIMARY KEY, group_id int REFERENCES agg_group (id),
                        i int, s int2, b bigint, n numeric, f float8, r real,
                        t text COLLATE "C", d date);
CREATE TABLE agg_none (id int PRIMARY KEY, i int, n numeric, t text);
INSERT INTO agg_group VALUES (1, 'one'), (2, 'two'), (3, 'empty');
INSERT INTO agg_value VALUES
  (1, 1, 10, 1, 9007199254740993, 1.25, 0.5, 1.5, 'pear', '2024-03-01'),
  (2, 1, 20, 2, 2, 2.50, 1.5, 2.5, 'apple', '2024-01-15'),
  (3, 1, 20, NULL, -5, NULL, NULL, NULL, 'fig', NULL),
  (4, 2, NULL, 4, 4000000000, 10, 2.25, -1, NULL, '2023-12-31'),
  (5, 2, 40, 4, NULL, 0.333, -3, 0, 'apple', '2024-06-30'),
  (6, NULL, 7, NULL, 7, 7, 7, 7, 'kiwi', '2024-01-01');
