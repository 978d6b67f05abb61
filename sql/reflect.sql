--
-- Reflection: the Hasura-style GraphQL schema of the current role
-- (graphql.sdl()), its naming rules, privileges, settings and cache
--
CREATE EXTENSION graphql;
SET client_min_messages = warning;
\pset format unaligned

-- The names of the types of the current schema, one per row
CREATE FUNCTION sdl_types() RETURNS SETOF text LANGUAGE sql AS $$
  SELECT m[1] || ' ' || m[2]
  FROM regexp_matches(graphql.sdl(), '\n(type|input|enum|scalar) (\w+)(?= \{|\n|$)', 'g') AS m
$$;

-- One type of the current schema (a top-level block of the SDL), without
-- descriptions unless asked
CREATE FUNCTION sdl_type(t text, descriptions boolean DEFAULT false)
RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN descriptions THEN b
              ELSE regexp_replace(regexp_replace(b,
                     '\n? *"""(?:[^"]|"(?!""))*"""|\n? *"(?:[^"\\\n]|\\.)*"(?=\n)', '', 'g'),
                     '\n\s*(?=\n)', '', 'g') END
  FROM regexp_split_to_table(graphql.sdl(), '\n\n(?! )') AS b
  WHERE b ~ ('(^|\n)(type|input|enum|scalar) ' || t || '( |$)')
$$;

-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/reflect.sql
\set ECHO all

-- every type of the schema
SELECT * FROM sdl_types();

-- the object type with comments, enums, arrays, domains, relationships
SELECT sdl_type('authors');
SELECT sdl_type('logs', true);
SELECT sdl_type('articles');
SELECT sdl_type('authors_bool_exp');
SELECT sdl_type('authors_order_by');
SELECT sdl_type('authors_select_column', true);
SELECT sdl_type('authors_aggregate_fields');
SELECT sdl_type('authors_sum_fields');
SELECT sdl_type('authors_avg_fields');
SELECT sdl_type('authors_max_fields');
SELECT sdl_type('articles_aggregate_order_by', true);
SELECT sdl_type('articles_max_order_by', true);
SELECT sdl_type('articles_sum_fields');
SELECT sdl_type('mood');
SELECT sdl_type('color', true);
SELECT sdl_type('order_by', true);
SELECT sdl_type('String_array_comparison_exp', true);
SELECT sdl_type('jsonb_comparison_exp', true);
SELECT sdl_type('posts');
SELECT sdl_type('offices');
SELECT sdl_type('regions');
SELECT sdl_type('events');
SELECT sdl_type('query_root');
SELECT sdl_type('query_root', true) ~ 'fetch data from the table: "logs"' AS described;
SELECT sdl_type('subscription_root') = replace(sdl_type('query_root'), 'query_root', 'subscription_root')
  AS subscriptions_mirror_queries;

-- graphql.schemas: another schema, prefixed with its name
SET graphql.schemas = 'public, extra';
SELECT sdl_type('extra_things', true);
SELECT sdl_type('authors') ~ 'extra_things' AS authors_see_things;
BEGIN;
SET LOCAL graphql.schemas = 'extra';
SELECT * FROM sdl_types();
COMMIT;
SHOW graphql.schemas;
SET graphql.schemas = 'public, "no such schema"';
SELECT count(*) > 0 AS types FROM sdl_types();
SET graphql.schemas = 'public, "unterminated';
SET graphql.schemas = '';
SELECT graphql.sdl();
RESET graphql.schemas;

-- privileges: column-level SELECT only, and nothing at all
CREATE ROLE regress_gql_reader;
CREATE ROLE regress_gql_nobody;
GRANT SELECT (id, name, mood) ON authors TO regress_gql_reader;
GRANT SELECT ON articles, author_names TO regress_gql_reader;
SET ROLE regress_gql_reader;
SELECT * FROM sdl_types();
SELECT sdl_type('authors');
SELECT sdl_type('articles');
RESET ROLE;
SET ROLE regress_gql_nobody;
SELECT graphql.sdl();
RESET ROLE;

-- the cache follows DDL, COMMENT, GRANT/REVOKE and DROP
SELECT sdl_type('logs', true);
ALTER TABLE logs ADD COLUMN level int;
SELECT sdl_type('logs', true);
COMMENT ON TABLE logs IS 'Log lines';
COMMENT ON COLUMN logs.level IS 'Severity';
SELECT sdl_type('logs', true);
ALTER TABLE logs ADD PRIMARY KEY (at);
SELECT sdl_type('query_root') ~ 'logs_by_pk\(at: timestamptz!\): logs' AS logs_by_pk;
REVOKE SELECT (mood) ON authors FROM regress_gql_reader;
GRANT SELECT (score) ON authors TO regress_gql_reader;
SET ROLE regress_gql_reader;
SELECT sdl_type('authors');
RESET ROLE;
REVOKE SELECT ON articles FROM regress_gql_reader;
SET ROLE regress_gql_reader;
SELECT * FROM sdl_types() AS t WHERE t ~ 'articles';
RESET ROLE;
ALTER TYPE color ADD VALUE 'blue';
SELECT sdl_type('color');
DROP TABLE logs;
SELECT count(*) AS logs_types FROM sdl_types() AS t WHERE t ~ 'logs';
-- a rolled back change leaves no trace
BEGIN;
ALTER TABLE regions ADD COLUMN population bigint;
SELECT sdl_type('regions') ~ 'population' AS in_transaction;
ROLLBACK;
SELECT sdl_type('regions') ~ 'population' AS after_rollback;
-- temporary tables do not bump the version
SELECT version AS v FROM graphql.schema_version \gset
CREATE TEMP TABLE scratch (id int);
DROP TABLE scratch;
SELECT version = :v AS unchanged FROM graphql.schema_version;

DROP SCHEMA extra CASCADE;
DROP OWNED BY regress_gql_reader;
DROP ROLE regress_gql_reader;
DROP ROLE regress_gql_nobody;
-- leave nothing behind for the suites that follow
DROP TABLE authors, articles, regions, offices, events, posts, "bad-name",
  "Bad""Quote", authors_aggregate, only_bad_columns CASCADE;
DROP TYPE mood, color;
DROP DOMAIN posint;
DROP FUNCTION sdl_types(), sdl_type(text, boolean);
DROP EXTENSION graphql;
