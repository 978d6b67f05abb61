--
-- graphql.parse(): the language core seen from SQL
--
CREATE EXTENSION IF NOT EXISTS graphql;

-- A whole AST, with locations
SELECT jsonb_pretty(graphql.parse('query Q($id: Int = 1) { author(id: $id) { name ...F } }'));

-- The shape of each definition kind
SELECT d->>'kind' AS kind, d->'name'->>'value' AS name
FROM jsonb_array_elements(graphql.parse($$
  query A { a }
  mutation B { b }
  subscription C { c }
  fragment F on T { f }
  { shorthand }
  "described" scalar Date @specifiedBy(url: "https://example.com")
  type T implements I & J @key { f(a: Int = 1): [String!]! }
  interface I { f: String }
  union U = | A | B
  enum E { X Y }
  input In { a: Int = 2 }
  directive @d(x: Int) repeatable on FIELD | QUERY
  schema { query: Q }
  extend schema @x
  extend scalar Date @y
  extend type T { g: Int }
  extend interface I { g: Int }
  extend union U = C
  extend enum E { Z }
  extend input In { b: Int }
$$)->'definitions') AS d;

-- Values: every literal kind, decoded strings and block strings
SELECT a->'name'->>'value' AS arg, a->'value'->>'kind' AS kind,
       coalesce(a->'value'->'value', a->'value'->'name'->'value') AS value,
       a->'value'->'block' AS block,
       jsonb_path_query_array(a->'value', 'strict $.**.value ? (@.type() != "object")') AS nested
FROM jsonb_array_elements(graphql.parse($$
{ f(i: -12, f: 1.5e3, s: "a\u00e9\u{1F600}\n", b: true, n: null, e: RED,
    l: [1, [2]], o: {x: 1, y: {z: "w"}}, v: $var,
    bs: """
        first
          indented
        last \""" """) }
$$)->'definitions'->0->'selectionSet'->'selections'->0->'arguments')
     WITH ORDINALITY AS t(a, n)
ORDER BY n;

-- U+0000 cannot live in jsonb: it comes back as U+FFFD
SELECT graphql.parse('{ f(s: "a\u0000b") }')->'definitions'->0->'selectionSet'
       ->'selections'->0->'arguments'->0->'value'->>'value' AS nul_replaced;

-- Locations count lines after \n, \r\n and \r, columns in UTF-16 code units
SELECT graphql.parse(E'\r\n{\r  a\n   b }')->'definitions'->0->'selectionSet'->'selections'
       @? '$[*] ? (@.loc.line == 3 && @.loc.column == 3)' AS a_at_3_3,
       graphql.parse(E'{ f(s: "\U0001F600") g }')->'definitions'->0->'selectionSet'
       ->'selections'->1->'loc' AS g_after_astral;

-- Syntax errors are answers, not SQL errors
SELECT graphql.parse('{');
SELECT graphql.parse('query { a(x: 1.) }');
SELECT graphql.parse('{ a(x: 0x1) }');
SELECT graphql.parse('{ a(x: .5) }');
SELECT graphql.parse('{ a(x: 1e) }');
SELECT graphql.parse('{ a(x: 1b) }');
SELECT graphql.parse('{ a(x: "unterminated) }');
SELECT graphql.parse('{ a(x: "\uD800") }');
SELECT graphql.parse('fragment on on T { a }');
SELECT graphql.parse('"description" { a }');
SELECT graphql.parse('{ a(x: ''single'') }');
SELECT graphql.parse(E'{\n  a\n  ?\n}');
SELECT graphql.parse('');
SELECT graphql.parse('   # only a comment');

-- NULL in, NULL out (STRICT)
SELECT graphql.parse(NULL) IS NULL AS null_gives_null;

-- Limits: nesting depth and token count are settings
SET graphql.parser_max_depth = 3;
SELECT graphql.parse('{ a { b { c } } }') ? 'errors' AS depth_3_ok;
SELECT graphql.parse('{ a { b { c { d } } } }');
SELECT graphql.parse('{ a(x: [[[[1]]]]) }');
RESET graphql.parser_max_depth;
SELECT graphql.parse('{ a(x: ' || repeat('[', 100000)) AS deep_list;
SELECT graphql.parse(repeat('{ a ', 100000)) AS deep_selection;
-- The highest depth limit still keeps the parser far inside the stack
SET graphql.parser_max_depth = 1000;
SELECT graphql.parse('{ a(x: ' || repeat('[', 998) || repeat(']', 998) || ') }') ? 'errors' AS list_998_deep_failed,
       graphql.parse(repeat('{ a ', 1000) || repeat('}', 1000)) ? 'errors' AS selections_1000_deep_failed;
RESET graphql.parser_max_depth;
SET graphql.parser_max_tokens = 5;
SELECT graphql.parse('{ a b c }') ? 'errors' AS five_tokens_ok;
SELECT graphql.parse('{ a b c d }');
RESET graphql.parser_max_tokens;
SET graphql.parser_max_depth = 0;
SET graphql.no_such_setting = 1;

-- Big documents parse in linear time and memory
SELECT jsonb_array_length(graphql.parse('{' || repeat(' f(a: 1)', 15000) || ' }')
       ->'definitions'->0->'selectionSet'->'selections') AS fields;

DROP EXTENSION graphql;
