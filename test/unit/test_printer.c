/*-------------------------------------------------------------------------
 *
 * test_printer.c
 *	  Unit tests of gql_print(): graphql-js's print() output for every node
 *	  kind, block strings, string escapes, argument wrapping and
 *	  descriptions, and the parse-print fixed point over the kitchen sinks.
 *
 * The expected texts are what graphql-js 16 print() gives for the same
 * documents.  The kitchen sinks are read from $SHARED (default
 * ../../../shared, relative to test/unit)/conformance/graphql/kitchen-sink.
 *
 *-------------------------------------------------------------------------
 */
#include "language.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct PrintCase
{
	const char *name;
	const char *source;
	const char *expected;
} PrintCase;

typedef struct BlockStringCase
{
	const char *value;
	const char *expected;
} BlockStringCase;

/* Documents and graphql-js's print() of them */
static const PrintCase print_cases[] = {
	{
		"no shorthand right after a type-system definition",
		"type T { a: Int } enum E query { a } { b }",
		"type T {\n"
		"  a: Int\n"
		"}\n"
		"\n"
		"enum E\n"
		"\n"
		"query {\n"
		"  a\n"
		"}\n"
		"\n"
		"{\n"
		"  b\n"
		"}"
	},
	{
		"shorthand query",
		"{ a }",
		"{\n"
		"  a\n"
		"}"
	},
	{
		"anonymous query keyword dropped",
		"query { a b }",
		"{\n"
		"  a\n"
		"  b\n"
		"}"
	},
	{
		"named operations",
		"query Q { a } mutation M { b } subscription S { c }",
		"query Q {\n"
		"  a\n"
		"}\n"
		"\n"
		"mutation M {\n"
		"  b\n"
		"}\n"
		"\n"
		"subscription S {\n"
		"  c\n"
		"}"
	},
	{
		"anonymous with variables",
		"query ($a: Int) { a }",
		"query ($a: Int) {\n"
		"  a\n"
		"}"
	},
	{
		"anonymous mutation with directive",
		"mutation @d { a }",
		"mutation @d {\n"
		"  a\n"
		"}"
	},
	{
		"variable definitions",
		"query Q($a: [Int!]! = [1, 2] @v, $b: String = \"x\", $c: In = {k: ENUM}) @op(x: 1) { f(a: $a) }",
		"query Q($a: [Int!]! = [1, 2] @v, $b: String = \"x\", $c: In = {k: ENUM}) @op(x: 1) {\n"
		"  f(a: $a)\n"
		"}"
	},
	{
		"field forms",
		"{ alias: f(a: 1, b: -2.5e3, c: \"s\", d: true, e: null, f: ENUM, g: [1, [2]], h: {x: 1, y: {z: $v}}) @skip(if: $c) @include(if: true) { g } empty: f(l: [], o: {}) }",
		"{\n"
		"  alias: f(\n"
		"    a: 1\n"
		"    b: -2.5e3\n"
		"    c: \"s\"\n"
		"    d: true\n"
		"    e: null\n"
		"    f: ENUM\n"
		"    g: [1, [2]]\n"
		"    h: {x: 1, y: {z: $v}}\n"
		"  ) @skip(if: $c) @include(if: true) {\n"
		"    g\n"
		"  }\n"
		"  empty: f(l: [], o: {})\n"
		"}"
	},
	{
		"fragments",
		"fragment F on T @d { a ... on U { b } ... @d(x: 1) { c } ... { d } ...G @e ...H }",
		"fragment F on T @d {\n"
		"  a\n"
		"  ... on U {\n"
		"    b\n"
		"  }\n"
		"  ... @d(x: 1) {\n"
		"    c\n"
		"  }\n"
		"  ... {\n"
		"    d\n"
		"  }\n"
		"  ...G @e\n"
		"  ...H\n"
		"}"
	},
	{
		"nested selections",
		"{ a { b { c { d } } } }",
		"{\n"
		"  a {\n"
		"    b {\n"
		"      c {\n"
		"        d\n"
		"      }\n"
		"    }\n"
		"  }\n"
		"}"
	},
	{
		"long arguments wrap",
		"{ someField(firstArgument: \"a fairly long string value\", second: 12345, third: [1, 2, 3]) { x } }",
		"{\n"
		"  someField(\n"
		"    firstArgument: \"a fairly long string value\"\n"
		"    second: 12345\n"
		"    third: [1, 2, 3]\n"
		"  ) {\n"
		"    x\n"
		"  }\n"
		"}"
	},
	{
		"arguments at the limit",
		"{ abcdefgh(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") abcdefgh(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") }",
		"{\n"
		"  abcdefgh(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\")\n"
		"  abcdefgh(\n"
		"    a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n"
		"  )\n"
		"}"
	},
	{
		"alias counts toward the limit",
		"{ abcdefgh(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") al: abcdefgh(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") }",
		"{\n"
		"  abcdefgh(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\")\n"
		"  al: abcdefgh(\n"
		"    a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n"
		"  )\n"
		"}"
	},
	{
		"non-ASCII counted in UTF-16 units",
		"{ f(a: \"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\") g(a: \"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\") }",
		"{\n"
		"  f(a: \"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\")\n"
		"  g(\n"
		"    a: \"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\"\n"
		"  )\n"
		"}"
	},
	{
		"directive arguments never wrap",
		"{ f @dir(argument: \"a fairly long string value\", another: \"another long value\", x: 1) }",
		"{\n"
		"  f @dir(argument: \"a fairly long string value\", another: \"another long value\", x: 1)\n"
		"}"
	},
	{
		"block string argument in a nested field",
		"{ a { b(text: \"\"\"\n"
		"  line one\n"
		"    indented\n"
		"  line three\n"
		"\"\"\") } }",
		"{\n"
		"  a {\n"
		"    b(text: \"\"\"\n"
		"    line one\n"
		"      indented\n"
		"    line three\n"
		"    \"\"\")\n"
		"  }\n"
		"}"
	},
	{
		"string escapes",
		"{ f(s: \"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f\\u007F\\u0080\\u009f\\u00A0 \xc3\xa9 \xf0\x9f\x98\x80 \\u00e9 \\ud83d\\ude00 /\") }",
		"{\n"
		"  f(s: \"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001F\\u007F\\u0080\\u009F\xc2\xa0 \xc3\xa9 \xf0\x9f\x98\x80 \xc3\xa9 \xf0\x9f\x98\x80 /\")\n"
		"}"
	},
	{
		"schema and descriptions",
		"\"schema desc\" schema @d { query: Q mutation: M subscription: S }\n"
		"\"\"\"\n"
		"Type desc\n"
		"\"\"\"\n"
		"type Q implements A & B @d { \"field desc\" f(a: Int = 1 @x, b: [String!]): String! @deprecated(reason: \"no\") g: Int }",
		"\"schema desc\"\n"
		"schema @d {\n"
		"  query: Q\n"
		"  mutation: M\n"
		"  subscription: S\n"
		"}\n"
		"\n"
		"\"\"\"Type desc\"\"\"\n"
		"type Q implements A & B @d {\n"
		"  \"field desc\"\n"
		"  f(a: Int = 1 @x, b: [String!]): String! @deprecated(reason: \"no\")\n"
		"  g: Int\n"
		"}"
	},
	{
		"interfaces, unions, enums, inputs, scalars",
		"interface I implements J & K @d { f: Int }\n"
		"union U @d = A | B\n"
		"union V = | A\n"
		"enum E @d { A \"desc\" B @x C }\n"
		"input In @d { a: Int = 1 @x, \"d\" b: [In!]! }\n"
		"scalar S @specifiedBy(url: \"u\")",
		"interface I implements J & K @d {\n"
		"  f: Int\n"
		"}\n"
		"\n"
		"union U @d = A | B\n"
		"\n"
		"union V = A\n"
		"\n"
		"enum E @d {\n"
		"  A\n"
		"  \"desc\"\n"
		"  B @x\n"
		"  C\n"
		"}\n"
		"\n"
		"input In @d {\n"
		"  a: Int = 1 @x\n"
		"  \"d\"\n"
		"  b: [In!]!\n"
		"}\n"
		"\n"
		"scalar S @specifiedBy(url: \"u\")"
	},
	{
		"empty bodies",
		"type T\n"
		"interface I\n"
		"enum E\n"
		"input In\n"
		"union U\n"
		"scalar S",
		"type T\n"
		"\n"
		"interface I\n"
		"\n"
		"enum E\n"
		"\n"
		"input In\n"
		"\n"
		"union U\n"
		"\n"
		"scalar S"
	},
	{
		"directive definitions",
		"directive @a on FIELD\n"
		"\"desc\" directive @b(x: Int = 1, y: String) repeatable on FIELD | QUERY | OBJECT\n"
		"directive @c(\n"
		"\"arg desc\" x: Int) on | SCHEMA",
		"directive @a on FIELD\n"
		"\n"
		"\"desc\"\n"
		"directive @b(x: Int = 1, y: String) repeatable on FIELD | QUERY | OBJECT\n"
		"\n"
		"directive @c(\n"
		"  \"arg desc\"\n"
		"  x: Int\n"
		") on SCHEMA"
	},
	{
		"argument definitions with block string default",
		"type T { f(a: String = \"\"\"x\n"
		"y\"\"\"): Int }",
		"type T {\n"
		"  f(\n"
		"    a: String = \"\"\"\n"
		"    x\n"
		"    y\n"
		"    \"\"\"\n"
		"  ): Int\n"
		"}"
	},
	{
		"extensions",
		"extend schema @d { query: Q }\n"
		"extend schema @e\n"
		"extend scalar S @d\n"
		"extend type T implements I @d { f: Int }\n"
		"extend type T implements J\n"
		"extend interface I @d { f: Int }\n"
		"extend union U = C\n"
		"extend enum E { D }\n"
		"extend input In { c: Int }",
		"extend schema @d {\n"
		"  query: Q\n"
		"}\n"
		"\n"
		"extend schema @e\n"
		"\n"
		"extend scalar S @d\n"
		"\n"
		"extend type T implements I @d {\n"
		"  f: Int\n"
		"}\n"
		"\n"
		"extend type T implements J\n"
		"\n"
		"extend interface I @d {\n"
		"  f: Int\n"
		"}\n"
		"\n"
		"extend union U = C\n"
		"\n"
		"extend enum E {\n"
		"  D\n"
		"}\n"
		"\n"
		"extend input In {\n"
		"  c: Int\n"
		"}"
	},
	{
		"descriptions on executable definitions",
		"\"op desc\" query Q(\"var desc\" $a: Int, $b: Int) { a }\n"
		"\"\"\"frag desc\"\"\" fragment F on T { a }\n"
		"\"d\" query { b }",
		"\"op desc\"\n"
		"query Q(\n"
		"\"var desc\"\n"
		"$a: Int\n"
		"$b: Int\n"
		") {\n"
		"  a\n"
		"}\n"
		"\n"
		"\"\"\"frag desc\"\"\"\n"
		"fragment F on T {\n"
		"  a\n"
		"}\n"
		"\n"
		"\"d\"\n"
		"query {\n"
		"  b\n"
		"}"
	},
	{
		"variable with block string default",
		"query Q($a: String = \"\"\"x\n"
		"y\"\"\") { a }",
		"query Q(\n"
		"$a: String = \"\"\"\n"
		"x\n"
		"y\n"
		"\"\"\"\n"
		") {\n"
		"  a\n"
		"}"
	},
	{
		"block string descriptions",
		"\"\"\"\n"
		"  Indented\n"
		"    more\n"
		"\"\"\"\n"
		"type T {\n"
		"\"\"\"\n"
		"  field\n"
		"  lines\n"
		"\"\"\"\n"
		"f: Int\n"
		"}",
		"\"\"\"\n"
		"Indented\n"
		"  more\n"
		"\"\"\"\n"
		"type T {\n"
		"  \"\"\"\n"
		"  field\n"
		"  lines\n"
		"  \"\"\"\n"
		"  f: Int\n"
		"}"
	},
	{
		"block string shapes",
		"{ f(a: \"\"\"\"\"\", b: \"\"\" lead\"\"\", c: \"\"\"\n"
		"ends\"\n"
		"\"\"\", d: \"\"\"x\\\"\"\"\"\"\", e: \"\"\"\n"
		"back\\\n"
		"\"\"\", f: \"\"\"lllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll\"\"\", g: \"\"\"a\n"
		"  b\"\"\", h: \"\"\"\\\"\"\" x \\\"\"\"\"\"\") }",
		"{\n"
		"  f(\n"
		"    a: \"\"\"\"\"\"\n"
		"    b: \"\"\" lead\"\"\"\n"
		"    c: \"\"\"\n"
		"    ends\"\n"
		"    \"\"\"\n"
		"    d: \"\"\"\n"
		"    x\\\"\"\"\n"
		"    \"\"\"\n"
		"    e: \"\"\"\n"
		"    back\\\n"
		"    \"\"\"\n"
		"    f: \"\"\"\n"
		"    lllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll\n"
		"    \"\"\"\n"
		"    g: \"\"\"\n"
		"    a\n"
		"    b\n"
		"    \"\"\"\n"
		"    h: \"\"\"\n"
		"    \\\"\"\" x \\\"\"\"\n"
		"    \"\"\"\n"
		"  )\n"
		"}"
	},
};

/* Block string values and graphql-js's printBlockString() of them */
static const BlockStringCase block_string_cases[] = {
	{"", "\"\"\"\"\"\""},
	{"simple", "\"\"\"simple\"\"\""},
	{" lead", "\"\"\" lead\"\"\""},
	{"\tlead", "\"\"\"\tlead\"\"\""},
	{"ends\"", "\"\"\"\nends\"\n\"\"\""},
	{"x\"\"\"", "\"\"\"\nx\\\"\"\"\n\"\"\""},
	{"x\"\"\"\"", "\"\"\"\nx\\\"\"\"\"\n\"\"\""},
	{"\"\"\"\"\"\"", "\"\"\"\n\\\"\"\"\\\"\"\"\n\"\"\""},
	{"back\\", "\"\"\"\nback\\\n\"\"\""},
	{"a\n  b", "\"\"\"\na\n  b\n\"\"\""},
	{"a\nb", "\"\"\"\na\nb\n\"\"\""},
	{"  a\nb", "\"\"\"\n  a\nb\n\"\"\""},
	{"a\n\nb", "\"\"\"\na\n\nb\n\"\"\""},
	{"\"\"\" x \"\"\"", "\"\"\"\n\\\"\"\" x \\\"\"\"\n\"\"\""},
	{"a\\\"\"\"b", "\"\"\"a\\\\\"\"\"b\"\"\""},
};

static const char *const kitchen_sinks[] = {
	"graphql-js-kitchenSinkQuery.graphql",
	"graphql-js-kitchenSinkSDL.graphql",
	"libgraphqlparser-kitchen-sink.graphql",
	"libgraphqlparser-schema-kitchen-sink.graphql",
};

#define lengthof(array) (sizeof(array) / sizeof((array)[0]))

/*
 * Parse a document; NULL (reported as a failed test) on a syntax error.
 */
static GqlDocument *
parse_doc(GqlArena *arena, const char *source, size_t len, const char *what)
{
	GqlError	error;
	GqlDocument *doc = gql_parse(arena, source, len, NULL, &error);

	if (doc == NULL)
		ok(false, "%s: parses (%s at %u:%u)", what, error.message,
		   (unsigned int) error.line, (unsigned int) error.column);
	return doc;
}

/*
 * Print a document, parse the result and print it again: the two texts
 * must be equal, and so must the two ASTs (compared through their JSON).
 */
static void
check_fixed_point(GqlArena *arena, const GqlDocument *doc, const char *what)
{
	size_t		len;
	size_t		again_len;
	char	   *printed = gql_print(arena, &doc->hdr, &len);
	GqlDocument *reparsed = parse_doc(arena, printed, len, what);
	char	   *again;

	if (reparsed == NULL)
		return;
	again = gql_print(arena, &reparsed->hdr, &again_len);
	is_mem(again, again_len, printed, len, "%s: print is a fixed point", what);
	is_str(gql_ast_to_json(arena, &reparsed->hdr, 0, NULL),
		   gql_ast_to_json(arena, &doc->hdr, 0, NULL),
		   "%s: reparsing the printed text gives the same AST", what);
}

/*
 * Every table document prints as graphql-js prints it, and the printed
 * text is a fixed point.
 */
static void
test_print_cases(void)
{
	size_t		i;

	for (i = 0; i < lengthof(print_cases); i++)
	{
		const PrintCase *c = &print_cases[i];
		GqlArena   *arena = gql_arena_create(NULL);
		GqlDocument *doc = parse_doc(arena, c->source, strlen(c->source), c->name);

		if (doc != NULL)
		{
			is_str(gql_print(arena, &doc->hdr, NULL), c->expected, "%s", c->name);
			check_fixed_point(arena, doc, c->name);
		}
		gql_arena_destroy(arena);
	}
}

/*
 * A hand-built string value node.
 */
static GqlValue *
string_value(GqlArena *arena, const char *value, size_t len, bool block)
{
	GqlValue   *v = gql_arena_alloc(arena, sizeof(GqlValue));

	v->hdr.kind = GQL_STRING_VALUE;
	v->value = value;
	v->len = len;
	v->block = block;
	return v;
}

/*
 * Block strings print as graphql-js's printBlockString prints them.
 */
static void
test_block_strings(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	size_t		i;

	for (i = 0; i < lengthof(block_string_cases); i++)
	{
		const BlockStringCase *c = &block_string_cases[i];
		GqlValue   *v = string_value(arena, c->value, strlen(c->value), true);

		is_str(gql_print(arena, &v->hdr, NULL), c->expected,
			   "block string %zu prints as printBlockString", i);
	}
	gql_arena_destroy(arena);
}

/*
 * Block strings longer than 70 UTF-16 code units go on lines of their own;
 * up to 70 they stay inline.
 */
static void
test_long_block_strings(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	GqlBuf		value;
	GqlBuf		expected;
	GqlValue   *v;
	int			i;

	gql_buf_init(&value, arena);
	for (i = 0; i < 35; i++)
		gql_buf_append_str(&value, "\xF0\x9F\x98\x80");	/* U+1F600: 2 units */
	v = string_value(arena, value.data, value.len, true);
	gql_buf_init(&expected, arena);
	gql_buf_printf(&expected, "\"\"\"%s\"\"\"", value.data);
	is_str(gql_print(arena, &v->hdr, NULL), expected.data,
		   "block string of 70 UTF-16 units stays on one line");

	gql_buf_append_str(&value, "x");
	v = string_value(arena, value.data, value.len, true);
	gql_buf_init(&expected, arena);
	gql_buf_printf(&expected, "\"\"\"\n%s\n\"\"\"", value.data);
	is_str(gql_print(arena, &v->hdr, NULL), expected.data,
		   "block string of 71 UTF-16 units goes on its own line");
	gql_arena_destroy(arena);
}

/*
 * Quoted strings escape what printString escapes, U+0000 included.
 */
static void
test_string_escapes(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	static const char raw[] = "a\0b\x1F\x7F\xC2\x80\xC2\x9F\xC2\xA0\"\\/\xE2\x82\xAC";
	GqlValue   *v = string_value(arena, raw, sizeof(raw) - 1, false);

	is_str(gql_print(arena, &v->hdr, NULL),
		   "\"a\\u0000b\\u001F\\u007F\\u0080\\u009F\xC2\xA0\\\"\\\\/\xE2\x82\xAC\"",
		   "quoted string escapes controls, U+007F..U+009F, quote, backslash");
	v = string_value(arena, "", 0, false);
	is_str(gql_print(arena, &v->hdr, NULL), "\"\"", "empty quoted string");
	gql_arena_destroy(arena);
}

/*
 * Any node can be printed on its own, at indentation zero.
 */
static void
test_print_subnodes(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	const char *src = "query Q($v: [Int!]! = [1]) { f(a: {b: \"\"\"x\ny\"\"\"}) { g } }";
	GqlDocument *doc = parse_doc(arena, src, strlen(src), "subnodes");
	GqlOperationDefinition *op;
	GqlField   *field;

	if (doc != NULL)
	{
		op = (GqlOperationDefinition *) doc->definitions.items[0];
		field = (GqlField *) op->selection_set->selections.items[0];
		is_str(gql_print(arena, (GqlNode *) field, NULL),
			   "f(a: {b: \"\"\"\nx\ny\n\"\"\"}) {\n  g\n}", "a field on its own");
		is_str(gql_print(arena, (GqlNode *) op->variable_definitions.items[0], NULL),
			   "$v: [Int!]! = [1]", "a variable definition on its own");
		is_str(gql_print(arena, (GqlNode *) op->selection_set, NULL),
			   "{\n  f(a: {b: \"\"\"\n  x\n  y\n  \"\"\"}) {\n    g\n  }\n}",
			   "a selection set on its own");
		is_str(gql_print(arena, (GqlNode *) field->name, NULL), "f", "a name");
	}
	is_str(gql_print(arena, NULL, NULL), "", "NULL prints as the empty string");
	gql_arena_destroy(arena);
}

/*
 * Hand-built nodes the parser never produces still print without harm:
 * an empty selection set prints as nothing, as in graphql-js.
 */
static void
test_hand_built(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	GqlField   *field = gql_arena_alloc(arena, sizeof(GqlField));
	GqlName    *name = gql_arena_alloc(arena, sizeof(GqlName));
	size_t		len = 99;

	name->hdr.kind = GQL_NAME;
	name->value = "f";
	name->len = 1;
	field->hdr.kind = GQL_FIELD;
	field->name = name;
	field->selection_set = gql_arena_alloc(arena, sizeof(GqlSelectionSet));
	field->selection_set->hdr.kind = GQL_SELECTION_SET;
	is_str(gql_print(arena, (GqlNode *) field, &len), "f",
		   "field with an empty selection set");
	is_int(len, 1, "length is returned");
	is_str(gql_print(arena, &string_value(arena, NULL, 0, false)->hdr, NULL),
		   "\"\"", "string value without text");
	is_str(gql_print(arena, &string_value(arena, NULL, 0, true)->hdr, NULL),
		   "\"\"\"\"\"\"", "block string value without text");
	gql_arena_destroy(arena);
}

/*
 * Read a file into the arena; NULL if it cannot be read.
 */
static char *
read_file(GqlArena *arena, const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	GqlBuf		buf;
	char		chunk[4096];
	size_t		n;

	if (f == NULL)
		return NULL;
	gql_buf_init(&buf, arena);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		gql_buf_append(&buf, chunk, n);
	fclose(f);
	*len = buf.len;
	return buf.data;
}

/*
 * The kitchen sinks parse and print to a fixed point.
 */
static void
test_kitchen_sinks(void)
{
	const char *shared = getenv("SHARED");
	size_t		i;

	if (shared == NULL || shared[0] == '\0')
		shared = "../../../shared";
	for (i = 0; i < lengthof(kitchen_sinks); i++)
	{
		GqlArena   *arena = gql_arena_create(NULL);
		char		path[1024];
		size_t		len;
		char	   *text;
		GqlDocument *doc;

		snprintf(path, sizeof(path), "%s/conformance/graphql/kitchen-sink/%s",
				 shared, kitchen_sinks[i]);
		text = read_file(arena, path, &len);
		if (text == NULL)
			ok(false, "%s: readable under %s (set SHARED)", kitchen_sinks[i], shared);
		else if ((doc = parse_doc(arena, text, len, kitchen_sinks[i])) != NULL)
			check_fixed_point(arena, doc, kitchen_sinks[i]);
		gql_arena_destroy(arena);
	}
}

/*
 * Deeply nested selections and values print, indented, to a fixed point.
 */
static void
test_deep_nesting(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	GqlBuf		src;
	GqlDocument *doc;
	int			i;

	gql_buf_init(&src, arena);
	for (i = 0; i < 60; i++)
		gql_buf_append_str(&src, "{ a(l: [[[{o: [1]}]]]) ");
	for (i = 0; i < 60; i++)
		gql_buf_append_str(&src, "}");
	doc = parse_doc(arena, src.data, src.len, "deep nesting");
	if (doc != NULL)
		check_fixed_point(arena, doc, "deep nesting");
	gql_arena_destroy(arena);
}

int
main(void)
{
	test_print_cases();
	test_block_strings();
	test_long_block_strings();
	test_string_escapes();
	test_print_subnodes();
	test_hand_built();
	test_kitchen_sinks();
	test_deep_nesting();
	return done_testing();
}
