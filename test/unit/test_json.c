/*-------------------------------------------------------------------------
 *
 * test_json.c
 *	  Unit tests of gql_ast_to_json(): the exact JSON graphql-js 16 gives
 *	  for JSON.stringify(parse(doc, {noLocation: true})) for every node
 *	  kind, locations, string escaping, U+0000 and invalid UTF-8.
 *
 * The expected texts come from graphql-js for the same documents; for
 * GQL_JSON_LOCATIONS, from its node.loc.startToken line and column (the
 * Document itself, which graphql-js starts at its line-0 <SOF> token, is
 * expected at 1:1).
 *
 *-------------------------------------------------------------------------
 */
#include "language.h"
#include "unit.h"

#include <string.h>

typedef struct JsonCase
{
	const char *name;
	const char *source;
	const char *expected;
} JsonCase;

/* Documents and graphql-js's JSON of them */
static const JsonCase json_cases[] = {
	{
		"shorthand query",
		"{ a }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"OperationDefinition\","
		"\"operation\":\"query\",\"variableDefinitions\":[],\"directives\":[],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"a\"},\"arguments\":[],"
		"\"directives\":[]}]}}]}"
	},
	{
		"executable kinds",
		"query Q($v: [Int!]! = [1, 2.5] @d, $w: I) @op { al: f(a: $v, b: \"s\", c: true, d: false, e: null, f: ENUM, g: {x: [1, -0.5e10]}, h: \"\"\"\n"
		"  blk\n"
		"\"\"\") @dir ... on T { b } ... @x { c } ... { d } ...F @s }\n"
		"mutation { m }\n"
		"subscription S { s }\n"
		"fragment F on T @f { a }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"OperationDefinition\","
		"\"operation\":\"query\",\"name\":{\"kind\":\"Name\",\"value\":\"Q\"},"
		"\"variableDefinitions\":[{\"kind\":\"VariableDefinition\","
		"\"variable\":{\"kind\":\"Variable\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"v\"}},\"type\":{\"kind\":\"NonNullType\",\"type\":{\"kind\":\"ListType\","
		"\"type\":{\"kind\":\"NonNullType\",\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"Int\"}}}}},\"defaultValue\":{\"kind\":\"ListValue\","
		"\"values\":[{\"kind\":\"IntValue\",\"value\":\"1\"},{\"kind\":\"FloatValue\","
		"\"value\":\"2.5\"}]},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}]},"
		"{\"kind\":\"VariableDefinition\",\"variable\":{\"kind\":\"Variable\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"w\"}},\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"I\"}},\"directives\":[]}],"
		"\"directives\":[{\"kind\":\"Directive\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"op\"},\"arguments\":[]}],\"selectionSet\":{\"kind\":\"SelectionSet\","
		"\"selections\":[{\"kind\":\"Field\",\"alias\":{\"kind\":\"Name\","
		"\"value\":\"al\"},\"name\":{\"kind\":\"Name\",\"value\":\"f\"},"
		"\"arguments\":[{\"kind\":\"Argument\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"a\"},\"value\":{\"kind\":\"Variable\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"v\"}}},{\"kind\":\"Argument\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"b\"},\"value\":{\"kind\":\"StringValue\",\"value\":\"s\","
		"\"block\":false}},{\"kind\":\"Argument\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"c\"},\"value\":{\"kind\":\"BooleanValue\",\"value\":true}},"
		"{\"kind\":\"Argument\",\"name\":{\"kind\":\"Name\",\"value\":\"d\"},"
		"\"value\":{\"kind\":\"BooleanValue\",\"value\":false}},{\"kind\":\"Argument\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"e\"},\"value\":{\"kind\":\"NullValue\"}},"
		"{\"kind\":\"Argument\",\"name\":{\"kind\":\"Name\",\"value\":\"f\"},"
		"\"value\":{\"kind\":\"EnumValue\",\"value\":\"ENUM\"}},{\"kind\":\"Argument\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"g\"},\"value\":{\"kind\":\"ObjectValue\","
		"\"fields\":[{\"kind\":\"ObjectField\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"x\"},\"value\":{\"kind\":\"ListValue\",\"values\":[{\"kind\":\"IntValue\","
		"\"value\":\"1\"},{\"kind\":\"FloatValue\",\"value\":\"-0.5e10\"}]}}]}},"
		"{\"kind\":\"Argument\",\"name\":{\"kind\":\"Name\",\"value\":\"h\"},"
		"\"value\":{\"kind\":\"StringValue\",\"value\":\"blk\",\"block\":true}}],"
		"\"directives\":[{\"kind\":\"Directive\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"dir\"},\"arguments\":[]}]},{\"kind\":\"InlineFragment\","
		"\"typeCondition\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"T\"}},\"directives\":[],\"selectionSet\":{\"kind\":\"SelectionSet\","
		"\"selections\":[{\"kind\":\"Field\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"b\"},\"arguments\":[],\"directives\":[]}]}},{\"kind\":\"InlineFragment\","
		"\"directives\":[{\"kind\":\"Directive\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"x\"},\"arguments\":[]}],\"selectionSet\":{\"kind\":\"SelectionSet\","
		"\"selections\":[{\"kind\":\"Field\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"c\"},\"arguments\":[],\"directives\":[]}]}},{\"kind\":\"InlineFragment\","
		"\"directives\":[],\"selectionSet\":{\"kind\":\"SelectionSet\","
		"\"selections\":[{\"kind\":\"Field\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"d\"},\"arguments\":[],\"directives\":[]}]}},{\"kind\":\"FragmentSpread\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"F\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"s\"},\"arguments\":[]}]}]}},"
		"{\"kind\":\"OperationDefinition\",\"operation\":\"mutation\","
		"\"variableDefinitions\":[],\"directives\":[],\"selectionSet\":{\"kind\":\"SelectionSet\","
		"\"selections\":[{\"kind\":\"Field\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"m\"},\"arguments\":[],\"directives\":[]}]}},{\"kind\":\"OperationDefinition\","
		"\"operation\":\"subscription\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"S\"},\"variableDefinitions\":[],\"directives\":[],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"s\"},\"arguments\":[],"
		"\"directives\":[]}]}},{\"kind\":\"FragmentDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"F\"},\"typeCondition\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"T\"}},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"f\"},\"arguments\":[]}],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"a\"},\"arguments\":[],"
		"\"directives\":[]}]}}]}"
	},
	{
		"descriptions on executable definitions",
		"\"op\" query Q(\"var\" $a: Int) { a } \"\"\"frag\"\"\" fragment F on T { a }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"OperationDefinition\","
		"\"operation\":\"query\",\"description\":{\"kind\":\"StringValue\","
		"\"value\":\"op\",\"block\":false},\"name\":{\"kind\":\"Name\","
		"\"value\":\"Q\"},\"variableDefinitions\":[{\"kind\":\"VariableDefinition\","
		"\"description\":{\"kind\":\"StringValue\",\"value\":\"var\","
		"\"block\":false},\"variable\":{\"kind\":\"Variable\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"a\"}},\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"Int\"}},\"directives\":[]}],\"directives\":[],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"a\"},\"arguments\":[],"
		"\"directives\":[]}]}},{\"kind\":\"FragmentDefinition\",\"description\":{\"kind\":\"StringValue\","
		"\"value\":\"frag\",\"block\":true},\"name\":{\"kind\":\"Name\","
		"\"value\":\"F\"},\"typeCondition\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"T\"}},\"directives\":[],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"a\"},\"arguments\":[],"
		"\"directives\":[]}]}}]}"
	},
	{
		"schema kinds",
		"\"sd\" schema @d { query: Q mutation: M subscription: S }\n"
		"extend schema @e\n"
		"extend schema { query: Q }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"SchemaDefinition\","
		"\"description\":{\"kind\":\"StringValue\",\"value\":\"sd\","
		"\"block\":false},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}],"
		"\"operationTypes\":[{\"kind\":\"OperationTypeDefinition\","
		"\"operation\":\"query\",\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"Q\"}}},{\"kind\":\"OperationTypeDefinition\","
		"\"operation\":\"mutation\",\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"M\"}}},{\"kind\":\"OperationTypeDefinition\","
		"\"operation\":\"subscription\",\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"S\"}}}]},{\"kind\":\"SchemaExtension\","
		"\"directives\":[{\"kind\":\"Directive\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"e\"},\"arguments\":[]}],\"operationTypes\":[]},"
		"{\"kind\":\"SchemaExtension\",\"directives\":[],\"operationTypes\":[{\"kind\":\"OperationTypeDefinition\","
		"\"operation\":\"query\",\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"Q\"}}}]}]}"
	},
	{
		"type definitions",
		"\"s\" scalar S @d\n"
		"\"\"\"t\"\"\" type T implements A & B @d { \"f\" f(\"a\" a: Int = 1 @x, b: [S!]): S! @y g: Int }\n"
		"type E\n"
		"interface I implements A { f: Int }\n"
		"union U @d = A | B\n"
		"union V\n"
		"enum En { \"v\" A @d B }\n"
		"input In { \"a\" a: Int = 2 @d b: S }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"ScalarTypeDefinition\","
		"\"description\":{\"kind\":\"StringValue\",\"value\":\"s\","
		"\"block\":false},\"name\":{\"kind\":\"Name\",\"value\":\"S\"},"
		"\"directives\":[{\"kind\":\"Directive\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"d\"},\"arguments\":[]}]},{\"kind\":\"ObjectTypeDefinition\","
		"\"description\":{\"kind\":\"StringValue\",\"value\":\"t\","
		"\"block\":true},\"name\":{\"kind\":\"Name\",\"value\":\"T\"},"
		"\"interfaces\":[{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"A\"}},{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"B\"}}],\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}],"
		"\"fields\":[{\"kind\":\"FieldDefinition\",\"description\":{\"kind\":\"StringValue\","
		"\"value\":\"f\",\"block\":false},\"name\":{\"kind\":\"Name\","
		"\"value\":\"f\"},\"arguments\":[{\"kind\":\"InputValueDefinition\","
		"\"description\":{\"kind\":\"StringValue\",\"value\":\"a\","
		"\"block\":false},\"name\":{\"kind\":\"Name\",\"value\":\"a\"},"
		"\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"Int\"}},\"defaultValue\":{\"kind\":\"IntValue\","
		"\"value\":\"1\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"x\"},\"arguments\":[]}]},"
		"{\"kind\":\"InputValueDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"b\"},\"type\":{\"kind\":\"ListType\",\"type\":{\"kind\":\"NonNullType\","
		"\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"S\"}}}},\"directives\":[]}],\"type\":{\"kind\":\"NonNullType\","
		"\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"S\"}}},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"y\"},\"arguments\":[]}]},"
		"{\"kind\":\"FieldDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"g\"},\"arguments\":[],\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"Int\"}},\"directives\":[]}]},"
		"{\"kind\":\"ObjectTypeDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"E\"},\"interfaces\":[],\"directives\":[],\"fields\":[]},"
		"{\"kind\":\"InterfaceTypeDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"I\"},\"interfaces\":[{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"A\"}}],\"directives\":[],"
		"\"fields\":[{\"kind\":\"FieldDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"f\"},\"arguments\":[],\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"Int\"}},\"directives\":[]}]},"
		"{\"kind\":\"UnionTypeDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"U\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}],"
		"\"types\":[{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"A\"}},{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"B\"}}]},{\"kind\":\"UnionTypeDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"V\"},\"directives\":[],\"types\":[]},{\"kind\":\"EnumTypeDefinition\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"En\"},\"directives\":[],"
		"\"values\":[{\"kind\":\"EnumValueDefinition\",\"description\":{\"kind\":\"StringValue\","
		"\"value\":\"v\",\"block\":false},\"name\":{\"kind\":\"Name\","
		"\"value\":\"A\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}]},"
		"{\"kind\":\"EnumValueDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"B\"},\"directives\":[]}]},{\"kind\":\"InputObjectTypeDefinition\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"In\"},\"directives\":[],"
		"\"fields\":[{\"kind\":\"InputValueDefinition\",\"description\":{\"kind\":\"StringValue\","
		"\"value\":\"a\",\"block\":false},\"name\":{\"kind\":\"Name\","
		"\"value\":\"a\"},\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"Int\"}},\"defaultValue\":{\"kind\":\"IntValue\","
		"\"value\":\"2\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}]},"
		"{\"kind\":\"InputValueDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"b\"},\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"S\"}},\"directives\":[]}]}]}"
	},
	{
		"directive definitions",
		"directive @a on FIELD\n"
		"\"d\" directive @b(\"x\" x: Int = 1) repeatable on | QUERY | FIELD",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"DirectiveDefinition\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"a\"},\"arguments\":[],"
		"\"directives\":[],\"repeatable\":false,\"locations\":[{\"kind\":\"Name\","
		"\"value\":\"FIELD\"}]},{\"kind\":\"DirectiveDefinition\","
		"\"description\":{\"kind\":\"StringValue\",\"value\":\"d\","
		"\"block\":false},\"name\":{\"kind\":\"Name\",\"value\":\"b\"},"
		"\"arguments\":[{\"kind\":\"InputValueDefinition\",\"description\":{\"kind\":\"StringValue\","
		"\"value\":\"x\",\"block\":false},\"name\":{\"kind\":\"Name\","
		"\"value\":\"x\"},\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"Int\"}},\"defaultValue\":{\"kind\":\"IntValue\","
		"\"value\":\"1\"},\"directives\":[]}],\"directives\":[],\"repeatable\":true,"
		"\"locations\":[{\"kind\":\"Name\",\"value\":\"QUERY\"},{\"kind\":\"Name\","
		"\"value\":\"FIELD\"}]}]}"
	},
	{
		"type extensions",
		"extend scalar S @d\n"
		"extend type T implements I @d { f: Int }\n"
		"extend interface I implements J { f: Int }\n"
		"extend union U @d = C\n"
		"extend enum E @d { D }\n"
		"extend input In @d { c: Int }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"ScalarTypeExtension\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"S\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}]},"
		"{\"kind\":\"ObjectTypeExtension\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"T\"},\"interfaces\":[{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"I\"}}],\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}],"
		"\"fields\":[{\"kind\":\"FieldDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"f\"},\"arguments\":[],\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"Int\"}},\"directives\":[]}]},"
		"{\"kind\":\"InterfaceTypeExtension\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"I\"},\"interfaces\":[{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"J\"}}],\"directives\":[],"
		"\"fields\":[{\"kind\":\"FieldDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"f\"},\"arguments\":[],\"type\":{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"Int\"}},\"directives\":[]}]},"
		"{\"kind\":\"UnionTypeExtension\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"U\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}],"
		"\"types\":[{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"C\"}}]},{\"kind\":\"EnumTypeExtension\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"E\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}],"
		"\"values\":[{\"kind\":\"EnumValueDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"D\"},\"directives\":[]}]},{\"kind\":\"InputObjectTypeExtension\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"In\"},\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\"},\"arguments\":[]}],"
		"\"fields\":[{\"kind\":\"InputValueDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"c\"},\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"Int\"}},\"directives\":[]}]}]}"
	},
	{
		"string values",
		"{ f(s: \"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f\\u007f \xC3\xA9 \xF0\x9F\x98\x80 \\u00e9 \\uD83D\\uDE00\", t: \"\") }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"OperationDefinition\","
		"\"operation\":\"query\",\"variableDefinitions\":[],\"directives\":[],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"f\"},\"arguments\":[{\"kind\":\"Argument\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"s\"},\"value\":{\"kind\":\"StringValue\","
		"\"value\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f\x7F \xC3\xA9 \xF0\x9F\x98\x80 \xC3\xA9 \xF0\x9F\x98\x80\","
		"\"block\":false}},{\"kind\":\"Argument\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"t\"},\"value\":{\"kind\":\"StringValue\",\"value\":\"\","
		"\"block\":false}}],\"directives\":[]}]}}]}"
	},
};

/* Documents and their JSON with locations */
static const JsonCase location_cases[] = {
	{
		"locations",
		"{ a }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"OperationDefinition\","
		"\"operation\":\"query\",\"variableDefinitions\":[],\"directives\":[],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"a\",\"loc\":{\"line\":1,"
		"\"column\":3}},\"arguments\":[],\"directives\":[],\"loc\":{\"line\":1,"
		"\"column\":3}}],\"loc\":{\"line\":1,\"column\":1}},\"loc\":{\"line\":1,"
		"\"column\":1}}],\"loc\":{\"line\":1,\"column\":1}}"
	},
	{
		"locations over several lines",
		"query Q($v: Int = 1) {\n"
		"  al: f(a: [$v], b: {c: \"\xF0\x9F\x98\x80\"}) @d {\n"
		"    ... on T { b }\n"
		"  }\n"
		"  ...F\n"
		"}\n"
		"\n"
		"\"desc\"\n"
		"type T implements I { f(x: Int): [T!] }\n"
		"union U = A\n"
		"directive @d(a: Int) on FIELD",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"OperationDefinition\","
		"\"operation\":\"query\",\"name\":{\"kind\":\"Name\",\"value\":\"Q\","
		"\"loc\":{\"line\":1,\"column\":7}},\"variableDefinitions\":[{\"kind\":\"VariableDefinition\","
		"\"variable\":{\"kind\":\"Variable\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"v\",\"loc\":{\"line\":1,\"column\":10}},\"loc\":{\"line\":1,"
		"\"column\":9}},\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"Int\",\"loc\":{\"line\":1,\"column\":13}},\"loc\":{\"line\":1,"
		"\"column\":13}},\"defaultValue\":{\"kind\":\"IntValue\",\"value\":\"1\","
		"\"loc\":{\"line\":1,\"column\":19}},\"directives\":[],\"loc\":{\"line\":1,"
		"\"column\":9}}],\"directives\":[],\"selectionSet\":{\"kind\":\"SelectionSet\","
		"\"selections\":[{\"kind\":\"Field\",\"alias\":{\"kind\":\"Name\","
		"\"value\":\"al\",\"loc\":{\"line\":2,\"column\":3}},\"name\":{\"kind\":\"Name\","
		"\"value\":\"f\",\"loc\":{\"line\":2,\"column\":7}},\"arguments\":[{\"kind\":\"Argument\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"a\",\"loc\":{\"line\":2,"
		"\"column\":9}},\"value\":{\"kind\":\"ListValue\",\"values\":[{\"kind\":\"Variable\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"v\",\"loc\":{\"line\":2,"
		"\"column\":14}},\"loc\":{\"line\":2,\"column\":13}}],\"loc\":{\"line\":2,"
		"\"column\":12}},\"loc\":{\"line\":2,\"column\":9}},{\"kind\":\"Argument\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"b\",\"loc\":{\"line\":2,"
		"\"column\":18}},\"value\":{\"kind\":\"ObjectValue\",\"fields\":[{\"kind\":\"ObjectField\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"c\",\"loc\":{\"line\":2,"
		"\"column\":22}},\"value\":{\"kind\":\"StringValue\",\"value\":\"\xF0\x9F\x98\x80\","
		"\"block\":false,\"loc\":{\"line\":2,\"column\":25}},\"loc\":{\"line\":2,"
		"\"column\":22}}],\"loc\":{\"line\":2,\"column\":21}},\"loc\":{\"line\":2,"
		"\"column\":18}}],\"directives\":[{\"kind\":\"Directive\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"d\",\"loc\":{\"line\":2,"
		"\"column\":33}},\"arguments\":[],\"loc\":{\"line\":2,\"column\":32}}],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"InlineFragment\","
		"\"typeCondition\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"T\",\"loc\":{\"line\":3,\"column\":12}},\"loc\":{\"line\":3,"
		"\"column\":12}},\"directives\":[],\"selectionSet\":{\"kind\":\"SelectionSet\","
		"\"selections\":[{\"kind\":\"Field\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"b\",\"loc\":{\"line\":3,\"column\":16}},\"arguments\":[],"
		"\"directives\":[],\"loc\":{\"line\":3,\"column\":16}}],\"loc\":{\"line\":3,"
		"\"column\":14}},\"loc\":{\"line\":3,\"column\":5}}],\"loc\":{\"line\":2,"
		"\"column\":35}},\"loc\":{\"line\":2,\"column\":3}},{\"kind\":\"FragmentSpread\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"F\",\"loc\":{\"line\":5,"
		"\"column\":6}},\"directives\":[],\"loc\":{\"line\":5,\"column\":3}}],"
		"\"loc\":{\"line\":1,\"column\":22}},\"loc\":{\"line\":1,\"column\":1}},"
		"{\"kind\":\"ObjectTypeDefinition\",\"description\":{\"kind\":\"StringValue\","
		"\"value\":\"desc\",\"block\":false,\"loc\":{\"line\":8,\"column\":1}},"
		"\"name\":{\"kind\":\"Name\",\"value\":\"T\",\"loc\":{\"line\":9,"
		"\"column\":6}},\"interfaces\":[{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"I\",\"loc\":{\"line\":9,\"column\":19}},\"loc\":{\"line\":9,"
		"\"column\":19}}],\"directives\":[],\"fields\":[{\"kind\":\"FieldDefinition\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"f\",\"loc\":{\"line\":9,"
		"\"column\":23}},\"arguments\":[{\"kind\":\"InputValueDefinition\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"x\",\"loc\":{\"line\":9,"
		"\"column\":25}},\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"Int\",\"loc\":{\"line\":9,\"column\":28}},\"loc\":{\"line\":9,"
		"\"column\":28}},\"directives\":[],\"loc\":{\"line\":9,\"column\":25}}],"
		"\"type\":{\"kind\":\"ListType\",\"type\":{\"kind\":\"NonNullType\","
		"\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"T\",\"loc\":{\"line\":9,\"column\":35}},\"loc\":{\"line\":9,"
		"\"column\":35}},\"loc\":{\"line\":9,\"column\":35}},\"loc\":{\"line\":9,"
		"\"column\":34}},\"directives\":[],\"loc\":{\"line\":9,\"column\":23}}],"
		"\"loc\":{\"line\":8,\"column\":1}},{\"kind\":\"UnionTypeDefinition\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"U\",\"loc\":{\"line\":10,"
		"\"column\":7}},\"directives\":[],\"types\":[{\"kind\":\"NamedType\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"A\",\"loc\":{\"line\":10,"
		"\"column\":11}},\"loc\":{\"line\":10,\"column\":11}}],\"loc\":{\"line\":10,"
		"\"column\":1}},{\"kind\":\"DirectiveDefinition\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"d\",\"loc\":{\"line\":11,\"column\":12}},\"arguments\":[{\"kind\":\"InputValueDefinition\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"a\",\"loc\":{\"line\":11,"
		"\"column\":14}},\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"Int\",\"loc\":{\"line\":11,\"column\":17}},\"loc\":{\"line\":11,"
		"\"column\":17}},\"directives\":[],\"loc\":{\"line\":11,\"column\":14}}],"
		"\"directives\":[],\"repeatable\":false,\"locations\":[{\"kind\":\"Name\","
		"\"value\":\"FIELD\",\"loc\":{\"line\":11,\"column\":25}}],"
		"\"loc\":{\"line\":11,\"column\":1}}],\"loc\":{\"line\":1,"
		"\"column\":1}}"
	},
	{
		"columns count UTF-16 units",
		"{ f(a: \"\xF0\x9F\x98\x80\xC3\xA9\") b }",
		"{\"kind\":\"Document\",\"definitions\":[{\"kind\":\"OperationDefinition\","
		"\"operation\":\"query\",\"variableDefinitions\":[],\"directives\":[],"
		"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\","
		"\"name\":{\"kind\":\"Name\",\"value\":\"f\",\"loc\":{\"line\":1,"
		"\"column\":3}},\"arguments\":[{\"kind\":\"Argument\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"a\",\"loc\":{\"line\":1,\"column\":5}},\"value\":{\"kind\":\"StringValue\","
		"\"value\":\"\xF0\x9F\x98\x80\xC3\xA9\",\"block\":false,\"loc\":{\"line\":1,"
		"\"column\":8}},\"loc\":{\"line\":1,\"column\":5}}],\"directives\":[],"
		"\"loc\":{\"line\":1,\"column\":3}},{\"kind\":\"Field\",\"name\":{\"kind\":\"Name\","
		"\"value\":\"b\",\"loc\":{\"line\":1,\"column\":15}},\"arguments\":[],"
		"\"directives\":[],\"loc\":{\"line\":1,\"column\":15}}],\"loc\":{\"line\":1,"
		"\"column\":1}},\"loc\":{\"line\":1,\"column\":1}}],\"loc\":{\"line\":1,"
		"\"column\":1}}"
	},
};

#define lengthof(array) (sizeof(array) / sizeof((array)[0]))

/*
 * Parse source and compare its JSON (with the given flags) to expected.
 */
static void
check_json(const JsonCase *c, int flags)
{
	GqlArena   *arena = gql_arena_create(NULL);
	GqlError	error;
	GqlDocument *doc = gql_parse(arena, c->source, strlen(c->source), NULL,
								 &error);
	size_t		len = 0;
	char	   *json;

	if (doc == NULL)
		ok(false, "%s: parses (%s)", c->name, error.message);
	else
	{
		json = gql_ast_to_json(arena, &doc->hdr, flags, &len);
		is_str(json, c->expected, "%s", c->name);
		is_int(len, strlen(c->expected), "%s: length", c->name);
	}
	gql_arena_destroy(arena);
}

/*
 * The JSON of every table document, without and with locations.
 */
static void
test_json_cases(void)
{
	size_t		i;

	for (i = 0; i < lengthof(json_cases); i++)
		check_json(&json_cases[i], 0);
	for (i = 0; i < lengthof(location_cases); i++)
		check_json(&location_cases[i], GQL_JSON_LOCATIONS);
}

/*
 * A hand-built string value node.
 */
static GqlValue *
string_value(GqlArena *arena, const char *value, size_t len)
{
	GqlValue   *v = gql_arena_alloc(arena, sizeof(GqlValue));

	v->hdr.kind = GQL_STRING_VALUE;
	v->value = value;
	v->len = len;
	return v;
}

/*
 * Control characters are escaped; U+0000 is \u0000, or U+FFFD with
 * GQL_JSON_NO_NUL; other characters are written as UTF-8.
 */
static void
test_escapes(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	static const char raw[] = "a\0b\x01\x1F\x7F\"\\/\t\xC3\xA9\xF0\x9F\x98\x80";
	GqlValue   *v = string_value(arena, raw, sizeof(raw) - 1);

	is_str(gql_ast_to_json(arena, &v->hdr, 0, NULL),
		   "{\"kind\":\"StringValue\",\"value\":\"a\\u0000b\\u0001\\u001f\x7F"
		   "\\\"\\\\/\\t\xC3\xA9\xF0\x9F\x98\x80\",\"block\":false}",
		   "string escapes");
	is_str(gql_ast_to_json(arena, &v->hdr, GQL_JSON_NO_NUL, NULL),
		   "{\"kind\":\"StringValue\",\"value\":\"a\xEF\xBF\xBD" "b\\u0001\\u001f\x7F"
		   "\\\"\\\\/\\t\xC3\xA9\xF0\x9F\x98\x80\",\"block\":false}",
		   "GQL_JSON_NO_NUL writes U+0000 as U+FFFD");
	gql_arena_destroy(arena);
}

/*
 * U+0000 written as an escape in the source reaches the JSON as \u0000, or
 * as U+FFFD with GQL_JSON_NO_NUL.
 */
static void
test_parsed_nul(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	const char *src = "{ f(a: \"x\\u0000y\") }";
	GqlDocument *doc = gql_parse(arena, src, strlen(src), NULL, NULL);
	char	   *json;

	ok(doc != NULL, "document with an escaped U+0000 parses");
	if (doc != NULL)
	{
		json = gql_ast_to_json(arena, &doc->hdr, 0, NULL);
		ok(strstr(json, "\"value\":\"x\\u0000y\"") != NULL, "\\u0000 kept");
		json = gql_ast_to_json(arena, &doc->hdr, GQL_JSON_NO_NUL, NULL);
		ok(strstr(json, "\"value\":\"x\xEF\xBF\xBDy\"") != NULL,
		   "\\u0000 replaced under GQL_JSON_NO_NUL");
		ok(strstr(json, "\\u0000") == NULL, "no \\u0000 left");
	}
	gql_arena_destroy(arena);
}

/*
 * Bytes that are not valid UTF-8 become U+FFFD (one per byte), so the text
 * is valid JSON.
 */
static void
test_invalid_utf8(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	static const char raw[] = "\xFF(\xC3\xED\xA0\x80\xF0\x9F\x98\xC0\x80";
	GqlValue   *v = string_value(arena, raw, sizeof(raw) - 1);

	is_str(gql_ast_to_json(arena, &v->hdr, 0, NULL),
		   "{\"kind\":\"StringValue\",\"value\":\"\xEF\xBF\xBD(\xEF\xBF\xBD"
		   "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		   "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\",\"block\":false}",
		   "invalid UTF-8 bytes become U+FFFD");
	gql_arena_destroy(arena);
}

/*
 * Any node can be written on its own; missing nodes are null.
 */
static void
test_subnodes(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	GqlField   *field = gql_arena_alloc(arena, sizeof(GqlField));
	GqlValue   *v = string_value(arena, "x\ny", 3);
	size_t		len = 99;

	v->block = true;
	is_str(gql_ast_to_json(arena, &v->hdr, 0, NULL),
		   "{\"kind\":\"StringValue\",\"value\":\"x\\ny\",\"block\":true}",
		   "a block string value on its own");
	field->hdr.kind = GQL_FIELD;
	field->hdr.loc.line = 3;
	field->hdr.loc.column = 7;
	is_str(gql_ast_to_json(arena, &field->hdr, GQL_JSON_LOCATIONS, NULL),
		   "{\"kind\":\"Field\",\"name\":null,\"arguments\":[],\"directives\":[],"
		   "\"loc\":{\"line\":3,\"column\":7}}",
		   "a hand-built field without a name");
	is_str(gql_ast_to_json(arena, &string_value(arena, NULL, 0)->hdr, 0, NULL),
		   "{\"kind\":\"StringValue\",\"value\":\"\",\"block\":false}",
		   "a string value without text");
	is_str(gql_ast_to_json(arena, NULL, 0, &len), "null", "NULL is null");
	is_int(len, 4, "length of null");
	gql_arena_destroy(arena);
}

int
main(void)
{
	test_json_cases();
	test_escapes();
	test_parsed_nul();
	test_invalid_utf8();
	test_subnodes();
	return done_testing();
}
