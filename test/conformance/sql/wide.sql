--
-- wide.sql - a second schema for the conformance checks of make test
-- (test/conformance/generated.sh): every kind of relation and column the
-- reflection handles, so graphql-js checks our introspection of it and the
-- validation verdicts of graphql.resolve on cases generated from it.
--
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE SCHEMA extra;
CREATE TABLE people (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  nick varchar(20),
  code char(3),
  score numeric(6, 2),
  ratio float8,
  small int2,
  ok boolean,
  m mood,
  tags text[],
  nums int[],
  born date,
  seen timestamptz,
  at time,
  u uuid,
  doc jsonb,
  raw json,
  blob bytea,
  ip inet,
  span interval,
  level posint
);
COMMENT ON TABLE people IS 'People with every column type';
COMMENT ON COLUMN people.nick IS 'A short name';
CREATE TABLE regions (country char(2), code int, name text, PRIMARY KEY (country, code));
CREATE TABLE offices (
  id int PRIMARY KEY,
  country char(2),
  region_code int,
  manager_id bigint REFERENCES people,
  deputy_id bigint REFERENCES people,
  FOREIGN KEY (country, region_code) REFERENCES regions
);
CREATE TABLE logs (at timestamptz, message text);
CREATE VIEW people_names AS SELECT id, name FROM people;
CREATE MATERIALIZED VIEW office_counts AS
  SELECT manager_id, count(*) AS n FROM offices GROUP BY manager_id;
CREATE TABLE events (id int, day date, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE extra.things (id int PRIMARY KEY, owner_id bigint REFERENCES people, m mood);
INSERT INTO people (id, name, m, tags) VALUES (1, 'Ann', 'happy', '{a}'), (2, 'Bob', 'sad', '{}');
INSERT INTO regions VALUES ('FR', 1, 'North');
INSERT INTO offices VALUES (10, 'FR', 1, 1, 2);
