-- reflect.sql - the schema of sql/reflect.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Every kind of relation, column type, name collision and comment the reflection
-- handles, and a second schema (extra); the state before the suite alters it.
-- conformance: graphql.schemas = 'public, extra'
CREATE TYPE mood AS ENUM ('happy', 'sad', 'so-so');
CREATE TYPE color AS ENUM ('red', 'green');
COMMENT ON TYPE color IS 'A primary color';
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);

CREATE TABLE authors (
  id serial PRIMARY KEY,
  name text NOT NULL,
  favorite color,
  mood mood,
  tags text[],
  scores posint[],
  score posint,
  big bigint,
  born date,
  uid uuid,
  ok boolean,
  weight float8,
  "x-y" int,
  _and int
);
COMMENT ON TABLE authors IS 'People who write';
COMMENT ON COLUMN authors.name IS 'Full name';

CREATE TABLE articles (
  id int PRIMARY KEY,
  author_id int NOT NULL REFERENCES authors,
  editor_id int REFERENCES authors,
  title varchar(100),
  body jsonb,
  rating numeric,
  price money
);

-- a multi-column foreign key
CREATE TABLE regions (country char(2), code int, name text,
                      PRIMARY KEY (country, code));
CREATE TABLE offices (id int PRIMARY KEY, country char(2), region_code int,
                      FOREIGN KEY (country, region_code) REFERENCES regions);

-- no primary key
CREATE TABLE logs (at timestamptz, message text);

CREATE VIEW author_names AS SELECT id, name FROM authors;
CREATE MATERIALIZED VIEW article_counts AS
  SELECT author_id, count(*) AS n FROM articles GROUP BY author_id;

-- partitioned: the partitions are not exposed
CREATE TABLE events (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- the object relationship "author" collides with a column
CREATE TABLE posts (id int PRIMARY KEY, author_id int REFERENCES authors, author text);

-- not GraphQL names; a relation whose names collide with authors' types
CREATE TABLE "bad-name" (id int);
CREATE TABLE "Bad""Quote" (id int);
CREATE TABLE authors_aggregate (id int);
-- no exposable column
CREATE TABLE only_bad_columns ("a b" int);

CREATE SCHEMA extra;
CREATE TABLE extra.things (id int PRIMARY KEY, author_id int REFERENCES public.authors);
COMMENT ON TABLE extra.things IS 'Things in another schema';
