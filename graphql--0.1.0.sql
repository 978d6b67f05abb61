/* graphql--0.1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION graphql" to load this file. \quit

-- The extension's functions are meant for every role; what a role may see
-- is decided per function (and, later, by GRANTs and row level security).
GRANT USAGE ON SCHEMA graphql TO PUBLIC;

CREATE FUNCTION graphql.parse(document text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'graphql_parse'
LANGUAGE C STRICT STABLE PARALLEL SAFE;

COMMENT ON FUNCTION graphql.parse(text) IS
'Parses a GraphQL document and returns its AST as jsonb (graphql-js shape, with line/column locations), or {"errors": [{"message", "locations"}]} for a syntax error; never raises for bad input';
