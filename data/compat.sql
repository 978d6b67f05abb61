-- compat: Hasura v2's scalar names, and what graphql.hasura_compat changes.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE compat_point AS (x float8, y float8);
CREATE TABLE compat_item (
  id int PRIMARY KEY,
  small smallint,
  weight float8,
  ratio real,
  code char(3),
  label citext,
  sys name,
  active boolean,
  pos compat_point,
  note text
);
INSERT INTO compat_item VALUES
  (1, 3, 1.25, 0.5, 'abc', 'Alpha', 'n1', true, ROW(1.5, -2)::compat_point, 'first'),
  (2, 7, 2.5, 0.25, 'abd', 'beta', 'n2', false, NULL, 'second'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ROW(NULL, NULL)::compat_point, NULL);
