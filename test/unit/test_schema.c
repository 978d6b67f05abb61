/*-------------------------------------------------------------------------
 *
 * test_schema.c
 *	  Unit tests of the type system (src/schema): construction, finish and
 *	  its checks, lookups, type utilities, SDL building and printing.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "../../src/schema/schema.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

static GqlArena *arena;

/*
 * Build a schema from SDL; NULL on error (the message in *error).
 */
static GqlSchema *
sdl(const char *text, GqlError *error)
{
	GqlDocument *doc = gql_parse(arena, text, strlen(text), NULL, error);

	return doc != NULL ? gql_schema_from_sdl(arena, doc, error) : NULL;
}

/*
 * Parse an AST type such as "[Int!]!" (through a variable definition).
 */
static const GqlType *
ast_type(const char *text)
{
	char		query[256];
	GqlError	error;
	GqlDocument *doc;
	GqlOperationDefinition *op;

	snprintf(query, sizeof(query), "query($v: %s) { a }", text);
	doc = gql_parse(arena, query, strlen(query), NULL, &error);
	op = (GqlOperationDefinition *) doc->definitions.items[0];
	return ((GqlVariableDefinition *) op->variable_definitions.items[0])->type;
}

/*
 * The construction API, finish and the lookups.
 */
static void
test_construction(void)
{
	GqlSchema  *s = gql_schema_create(arena);
	GqlSchemaType *query,
			   *pet,
			   *dog,
			   *color,
			   *input,
			   *u;
	GqlFieldDef *f;
	GqlDirectiveDef *d;
	GqlError	error;

	ok(gql_schema_type(s, "Int") != NULL && gql_schema_type(s, "Int")->builtin,
	   "Int is built in");
	ok(gql_schema_type(s, "__Schema") != NULL, "__Schema is built in");
	ok(gql_schema_directive(s, "skip") != NULL &&
	   gql_schema_directive(s, "oneOf") != NULL, "skip and oneOf are built in");
	query = gql_schema_add_type(s, GQL_TYPE_OBJECT, "query_root", "Root");
	ok(gql_schema_add_type(s, GQL_TYPE_OBJECT, "query_root", NULL) == NULL,
	   "a taken type name gives NULL");
	f = gql_type_add_field(s, query, "pet", gql_type_ref_named(s, "Pet"), NULL);
	gql_field_add_arg(s, f, "id", gql_type_ref_non_null(s, gql_type_ref_named(s, "ID")),
					  NULL, "the id");
	gql_type_add_field(s, query, "colors",
					   gql_type_ref_list(s, gql_type_ref_named(s, "color")), NULL);
	gql_type_add_field(s, query, "u", gql_type_ref_named(s, "U"), NULL);
	f = gql_type_add_field(s, query, "find", gql_type_ref_named(s, "Dog"), NULL);
	gql_field_add_arg(s, f, "where", gql_type_ref_named(s, "dog_bool_exp"), NULL, NULL);
	pet = gql_schema_add_type(s, GQL_TYPE_INTERFACE, "Pet", NULL);
	gql_type_add_field(s, pet, "name", gql_type_ref_named(s, "String"), NULL);
	dog = gql_schema_add_type(s, GQL_TYPE_OBJECT, "Dog", NULL);
	gql_type_add_interface(s, dog, "Pet");
	gql_type_add_field(s, dog, "name", gql_type_ref_named(s, "String"), NULL);
	color = gql_schema_add_type(s, GQL_TYPE_ENUM, "color", NULL);
	gql_type_add_enum_value(s, color, "RED", NULL);
	gql_type_add_enum_value(s, color, "BLUE", "blue");
	input = gql_schema_add_type(s, GQL_TYPE_INPUT_OBJECT, "dog_bool_exp", NULL);
	gql_type_add_input_field(s, input, "_and",
							 gql_type_ref_list(s, gql_type_ref_named(s, "dog_bool_exp")),
							 NULL, NULL);
	u = gql_schema_add_type(s, GQL_TYPE_UNION, "U", NULL);
	gql_type_add_member(s, u, "Dog");
	d = gql_schema_add_directive(s, "cached", GQL_LOC_QUERY | GQL_LOC_FIELD, false, NULL);
	gql_directive_add_arg(s, d, "ttl", gql_type_ref_named(s, "Int"), NULL, NULL);
	ok(gql_schema_add_directive(s, "cached", GQL_LOC_QUERY, false, NULL) == NULL,
	   "a taken directive name gives NULL");
	gql_schema_set_root(s, GQL_OP_QUERY, "query_root");
	ok(gql_schema_finish(s, &error), "finish succeeds");
	ok(s->query_type == query && s->mutation_type == NULL, "roots set");
	ok(gql_schema_type(s, "Dog") == dog && gql_schema_type(s, "Cat") == NULL,
	   "type lookup");
	ok(gql_schema_directive(s, "cached") == d, "directive lookup");
	ok(gql_type_field(query, "pet") != NULL &&
	   gql_type_field(query, "pet")->type->named == pet, "field lookup and resolution");
	ok(gql_type_field(query, "nope") == NULL, "unknown field is NULL");
	ok(gql_field_arg(gql_type_field(query, "pet"), "id") != NULL &&
	   strcmp(gql_field_arg(gql_type_field(query, "pet"), "id")->description, "the id") == 0,
	   "argument lookup");
	ok(gql_type_enum_value(color, "BLUE") != NULL &&
	   gql_type_enum_value(color, "GREEN") == NULL, "enum value lookup");
	ok(gql_type_input_field(input, "_and") != NULL, "input field lookup");
	ok(gql_directive_arg(d, "ttl") != NULL, "directive argument lookup");
	is_int(pet->npossible_types, 1, "interface possible types filled");
	ok(pet->possible_types[0] == dog, "possible type is Dog");
	ok(dog->ninterfaces == 1 && dog->interfaces[0] == pet, "interfaces resolved");
	ok(u->npossible_types == 1 && u->possible_types[0] == dog, "union members resolved");
	ok(strcmp(gql_typename_field(s)->name, "__typename") == 0 &&
	   gql_typename_field(s)->type->kind == GQL_REF_NON_NULL, "__typename meta-field");
	ok(gql_schema_meta_field(s)->type->of_type->named == gql_schema_type(s, "__Schema"),
	   "__schema meta-field resolved");
	ok(gql_type_meta_field(s)->nargs == 1 &&
	   gql_field_arg(gql_type_meta_field(s), "name") != NULL, "__type meta-field");
}

/*
 * Many types and a type with many fields: lookups through the indexes.
 */
static void
test_large(void)
{
	GqlSchema  *s = gql_schema_create(arena);
	GqlSchemaType *q = gql_schema_add_type(s, GQL_TYPE_OBJECT, "Query", NULL);
	GqlError	error;
	char		name[64];
	int			i,
				found = 0;

	for (i = 0; i < 20000; i++)
	{
		GqlSchemaType *t;

		snprintf(name, sizeof(name), "t%d", i);
		t = gql_schema_add_type(s, GQL_TYPE_OBJECT, name, NULL);
		gql_type_add_field(s, t, "id", gql_type_ref_named(s, "Int"), NULL);
		snprintf(name, sizeof(name), "f%d", i);
		gql_type_add_field(s, q, name, gql_type_ref_named(s, "Int"), NULL);
	}
	ok(gql_schema_finish(s, &error), "20000 types finish");
	for (i = 0; i < 20000; i++)
	{
		snprintf(name, sizeof(name), "t%d", i);
		found += gql_schema_type(s, name) != NULL;
		snprintf(name, sizeof(name), "f%d", i);
		found += gql_type_field(q, name) != NULL;
	}
	is_int(found, 40000, "every type and field found");
	ok(gql_type_field(q, "f20000") == NULL, "missing field of a large type");
}

/*
 * The type utilities.
 */
static void
test_utilities(void)
{
	GqlError	error;
	GqlSchema  *s = sdl("type Query { a: Int b: Pet c: U d: I2 }\n"
						"interface Pet { name: String }\n"
						"interface I2 implements Pet { name: String }\n"
						"type Dog implements Pet & I2 { name: String }\n"
						"type Cat implements Pet { name: String }\n"
						"type Bird { x: Int }\n"
						"union U = Dog | Bird\n"
						"enum E { A }\n input In { x: Int }", &error);
	GqlSchemaType *pet,
			   *dog,
			   *cat,
			   *bird,
			   *u,
			   *i2;
	GqlTypeRef *r1,
			   *r2;

	ok(s != NULL, "utility schema builds");
	pet = gql_schema_type(s, "Pet");
	i2 = gql_schema_type(s, "I2");
	dog = gql_schema_type(s, "Dog");
	cat = gql_schema_type(s, "Cat");
	bird = gql_schema_type(s, "Bird");
	u = gql_schema_type(s, "U");
	ok(gql_type_is_input(gql_schema_type(s, "E")) && gql_type_is_input(gql_schema_type(s, "In")) &&
	   !gql_type_is_input(dog), "is_input");
	ok(gql_type_is_output(dog) && !gql_type_is_output(gql_schema_type(s, "In")), "is_output");
	ok(gql_type_is_composite(u) && !gql_type_is_composite(gql_schema_type(s, "Int")), "is_composite");
	ok(gql_type_is_leaf(gql_schema_type(s, "E")) && !gql_type_is_leaf(dog), "is_leaf");
	ok(gql_type_is_abstract(pet) && gql_type_is_abstract(u) && !gql_type_is_abstract(dog),
	   "is_abstract");
	is_int(pet->npossible_types, 2, "Pet has two object implementations");
	ok(gql_type_is_possible(s, pet, dog) && gql_type_is_possible(s, pet, i2) &&
	   !gql_type_is_possible(s, pet, bird), "is_possible for an interface");
	ok(gql_type_is_possible(s, u, bird) && !gql_type_is_possible(s, u, cat),
	   "is_possible for a union");
	ok(gql_types_overlap(s, pet, u) && gql_types_overlap(s, u, dog) &&
	   !gql_types_overlap(s, cat, u) && !gql_types_overlap(s, dog, cat) &&
	   gql_types_overlap(s, dog, dog), "types_overlap");
	r1 = gql_type_ref_from_ast(s, ast_type("[Int!]!"));
	r2 = gql_type_ref_from_ast(s, ast_type("[Int!]!"));
	ok(r1 != NULL && r1 == r2, "from_ast interns references");
	is_str(gql_type_ref_string(arena, r1), "[Int!]!", "ref_string");
	ok(gql_type_ref_from_ast(s, ast_type("[Nope]")) == NULL, "unknown name gives NULL");
	ok(gql_type_ref_named_type(r1) == gql_schema_type(s, "Int"), "named_type unwraps");
	ok(gql_type_ref_equal(r1, gql_type_ref_from_ast(s, ast_type("[Int!]!"))) &&
	   !gql_type_ref_equal(r1, gql_type_ref_from_ast(s, ast_type("[Int]!"))), "ref_equal");
#define SUB(a, b) gql_type_ref_is_subtype(s, gql_type_ref_from_ast(s, ast_type(a)), \
										  gql_type_ref_from_ast(s, ast_type(b)))
	ok(SUB("Int!", "Int") && !SUB("Int", "Int!"), "non-null is a subtype of nullable");
	ok(SUB("[Dog!]!", "[Pet]") && !SUB("[Pet]", "[Dog]"), "lists and interfaces");
	ok(SUB("Dog", "U") && !SUB("Cat", "U") && SUB("I2", "Pet"), "unions and interface chains");
	ok(!SUB("[Int]", "Int") && !SUB("Int", "[Int]"), "lists do not match scalars");
#undef SUB
}

/*
 * Every check of finish, through SDL.
 */
static void
test_finish_errors(void)
{
	static const char *const cases[][2] = {
		{"type Query { a: Missing }", "Unknown type \"Missing\"."},
		{"type Foo { a: Int }", "Query root type must be provided."},
		{"schema { query: In } input In { a: Int }",
		"Query root type must be Object type, it cannot be In."},
		{"schema { query: Q mutation: E } type Q { a: Int } enum E { A }",
		"Mutation root type must be Object type if provided, it cannot be E."},
		{"type Query { a: Int } type Query { b: Int }",
		"There can be only one type named \"Query\"."},
		{"type Query { a: Int a: String }", "Field \"Query.a\" can only be defined once."},
		{"type Query { a(x: Int, x: Int): Int }",
		"Argument \"Query.a(x:)\" can only be defined once."},
		{"type Query { a: E } enum E { A A }", "Enum value \"E.A\" can only be defined once."},
		{"type Query { __a: Int }",
		"Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection."},
		{"type Query { a: In } input In { x: Int }",
		"The type of Query.a must be Output Type but got: In."},
		{"type Query { a(x: [Query]): Int }",
		"The type of Query.a(x:) must be Input Type but got: [Query]."},
		{"type Query { a(x: Int! @deprecated): Int }",
		"Required argument Query.a(x:) cannot be deprecated."},
		{"type Query implements Int { a: Int }",
		"Type Query must only implement Interface types, it cannot implement Int."},
		{"interface I implements I { a: Int } type Query { a: I }",
		"Type I cannot implement itself because it would create a circular reference."},
		{"interface I { a: Int } type Query implements I & I { a: Int }",
		"Type Query can only implement I once."},
		{"interface I { a: Int } type Query implements I { b: Int }",
		"Interface field I.a expected but Query does not provide it."},
		{"interface I { a: Int } type Query implements I { a: String }",
		"Interface field I.a expects type Int but Query.a is type String."},
		{"interface I { a(x: Int): Int } type Query implements I { a: Int }",
		"Interface field argument I.a(x:) expected but Query.a does not provide it."},
		{"interface I { a(x: Int): Int } type Query implements I { a(x: String): Int }",
		"Interface field argument I.a(x:) expects type Int but Query.a(x:) is type String."},
		{"interface I { a: Int } type Query implements I { a(y: Int!): Int }",
		"Object field Query.a includes required argument y that is missing from the Interface field I.a."},
		{"interface A { x: Int } interface B implements A { x: Int } type Query implements B { x: Int }",
		"Type Query must implement A because it is implemented by B."},
		{"type Query { a: Int } type Empty", "Type Empty must define one or more fields."},
		{"type Query { u: U } union U", "Union type U must define one or more member types."},
		{"type Query { u: U } union U = Query | Query",
		"Union type U can only include type Query once."},
		{"type Query { u: U } union U = String",
		"Union type U can only include Object types, it cannot include String."},
		{"type Query { a: E } enum E", "Enum type E must define one or more values."},
		{"type Query { a(i: In): Int } input In",
		"Input Object type In must define one or more fields."},
		{"type Query { a(i: In): Int } input In { x: Query }",
		"The type of In.x must be Input Type but got: Query."},
		{"type Query { a(i: In): Int } input In { x: Int! @deprecated }",
		"Required input field In.x cannot be deprecated."},
		{"type Query { a(i: In): Int } input In @oneOf { x: Int! }",
		"OneOf input field In.x must be nullable."},
		{"type Query { a(i: In): Int } input In @oneOf { x: Int = 1 }",
		"OneOf input field In.x cannot have a default value."},
		{"type Query { a(i: A): Int } input A { b: B! } input B { c: C! x: Int } input C { a: A! }",
		"Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.c.a\"."},
		{"type Query { a: Int } directive @d(x: Query) on FIELD",
		"The type of @d(x:) must be Input Type but got: Query."},
		{"type Query { a: Int } directive @d on FIELD directive @d on QUERY",
		"There can be only one directive named \"@d\"."},
		{"type Query { a: Int @nope }", "Unknown directive \"@nope\"."},
		{"type Query @deprecated { a: Int }", "Directive \"@deprecated\" may not be used on OBJECT."},
		{"type Query { a: Int @deprecated @deprecated }",
		"The directive \"@deprecated\" can only be used once at this location."},
		{"scalar S @specifiedBy type Query { a: S }",
		"Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided."},
		{"type Query { a: Int @deprecated(why: \"x\") }",
		"Unknown argument \"why\" on directive \"@deprecated\"."},
		{"type Query { a: Int } extend type Nope { b: Int }",
		"Cannot extend type \"Nope\" because it is not defined."},
		{"type Query { a: Int } extend input Query { b: Int }",
		"Cannot extend non-input object type \"Query\"."},
		{"type Query { a: Int } schema { query: Query } schema { query: Query }",
		"Must provide only one schema definition."},
		{"type Query { a: Int } { a }",
		"The OperationDefinition definition is not allowed in a schema document."},
	};
	int			i;

	for (i = 0; i < (int) (sizeof(cases) / sizeof(cases[0])); i++)
	{
		GqlError	error;

		memset(&error, 0, sizeof(error));
		ok(sdl(cases[i][0], &error) == NULL, "rejects: %s", cases[i][0]);
		is_str(error.message, cases[i][1], "message for: %s", cases[i][0]);
	}
}

/*
 * SDL: extensions, roots, @deprecated, @specifiedBy, @oneOf.
 */
static void
test_sdl(void)
{
	GqlError	error;
	GqlSchema  *s = sdl("extend type Query { b: Int }\n"
						"type Query { a: Int old: Int @deprecated new: Int @deprecated(reason: \"x\") }\n"
						"scalar Url @specifiedBy(url: \"https://u\")\n"
						"input O @oneOf { a: Int b: String }\n"
						"enum E { A B @deprecated }\n"
						"extend enum E { C }\n"
						"type Mutation { m(o: O, u: Url): E }\n", &error);
	GqlSchemaType *q;

	ok(s != NULL, "SDL with extensions builds");
	q = gql_schema_type(s, "Query");
	is_int(q->nfields, 4, "extension fields appended");
	is_str(q->fields[3]->name, "b", "extension field comes after the definition's");
	is_str(gql_type_field(q, "old")->deprecation_reason, "No longer supported",
		   "default deprecation reason");
	is_str(gql_type_field(q, "new")->deprecation_reason, "x", "explicit deprecation reason");
	ok(gql_type_field(q, "a")->deprecation_reason == NULL, "not deprecated");
	is_str(gql_schema_type(s, "Url")->specified_by_url, "https://u", "@specifiedBy");
	ok(gql_schema_type(s, "O")->is_one_of, "@oneOf");
	is_int(gql_schema_type(s, "E")->nenum_values, 3, "enum extension");
	ok(gql_type_enum_value(gql_schema_type(s, "E"), "B")->deprecation_reason != NULL,
	   "deprecated enum value");
	ok(s->mutation_type == gql_schema_type(s, "Mutation"), "Mutation is the default root");

	s = sdl("schema { query: R } type R { a: Int } type Mutation { b: Int }", &error);
	ok(s != NULL && s->mutation_type == NULL && strcmp(s->query_type->name, "R") == 0,
	   "an explicit schema definition disables the default roots");
	s = sdl("scalar String type Query { a: String }", &error);
	ok(s != NULL && gql_schema_type(s, "String")->builtin, "redefined spec scalar is the builtin");
}

/*
 * Print a schema built from SDL.
 */
static const char *
printed(const char *text)
{
	GqlError	error;
	GqlSchema  *s = sdl(text, &error);

	return s != NULL ? gql_schema_print(arena, s, NULL) : error.message;
}

/*
 * Printing in graphql-js's printSchema() form.
 */
static void
test_print(void)
{
	is_str(printed("type Query { a(x: Int = 1, y: [String!]): [Int]! }"),
		   "type Query {\n  a(x: Int = 1, y: [String!]): [Int]!\n}", "plain type");
	is_str(printed("schema { query: Q } type Q { a: Int }"),
		   "schema {\n  query: Q\n}\n\ntype Q {\n  a: Int\n}", "schema definition when needed");
	is_str(printed("\"T\" type Query { \"first\" a: Int \"second\" b(\"arg\" x: Int): Int }"),
		   "\"\"\"T\"\"\"\ntype Query {\n  \"\"\"first\"\"\"\n  a: Int\n\n  \"\"\"second\"\"\"\n"
		   "  b(\n    \"\"\"arg\"\"\"\n    x: Int\n  ): Int\n}", "descriptions");
	is_str(printed("type Query { a: Int @deprecated b: Int @deprecated(reason: \"r\") }"),
		   "type Query {\n  a: Int @deprecated\n  b: Int @deprecated(reason: \"r\")\n}",
		   "deprecations");
	is_str(printed("directive @d(a: Int) repeatable on FIELD | QUERY\n"
				   "type Query { a: U } union U = Query\n"
				   "scalar S @specifiedBy(url: \"u\")\ninput I @oneOf { a: Int }\nenum E { A }"),
		   "directive @d(a: Int) repeatable on FIELD | QUERY\n\ntype Query {\n  a: U\n}\n\n"
		   "union U = Query\n\nscalar S @specifiedBy(url: \"u\")\n\ninput I @oneOf {\n  a: Int\n}"
		   "\n\nenum E {\n  A\n}", "every kind, in definition order");
	is_str(printed("type Query { a(f: Float = 1.0, i: ID = \"12\", l: [Int] = 3, "
				   "p: P = {b: 1}): Int } input P { a: Int = 2 b: Int }"),
		   "type Query {\n  a(f: Float = 1, i: ID = 12, l: [Int] = [3], p: P = {a: 2, b: 1}): Int\n}"
		   "\n\ninput P {\n  a: Int = 2\n  b: Int\n}", "defaults printed as graphql-js coerces them");
}

/*
 * Run every test.
 */
int
main(void)
{
	arena = gql_arena_create(NULL);
	test_construction();
	test_large();
	test_utilities();
	test_finish_errors();
	test_sdl();
	test_print();
	gql_arena_destroy(arena);
	return done_testing();
}
