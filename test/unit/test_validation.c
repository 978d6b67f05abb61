/*-------------------------------------------------------------------------
 *
 * test_validation.c
 *	  Unit tests of document validation: each rule's message and
 *	  locations, the order of errors, the custom scalar hook, the error
 *	  limit and hostile documents.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "../../src/schema/schema.h"
#include "../../src/validation/validation.h"
#include "unit.h"

#include <stdlib.h>
#include <time.h>

static const char *const zoo_sdl =
"interface Named { name: String }\n"
"interface Animal implements Named { name: String legs: Int }\n"
"enum Diet { HERBIVORE CARNIVORE OMNIVORE }\n"
"type Keeper implements Named { name: String badge: ID! }\n"
"type Zebra implements Animal & Named { name: String legs: Int stripes(min: Int, max: Int): Int diet: Diet }\n"
"type Lion implements Animal & Named { name: String legs: Int mane: Boolean diet: Diet }\n"
"union Resident = Zebra | Lion\n"
"scalar Money\n"
"input Filter { name: String minLegs: Int = 0 diet: Diet! }\n"
"input Pick @oneOf { id: ID name: String }\n"
"type Query {\n"
"  animal(id: ID!): Animal\n"
"  animals(filter: Filter, first: Int = 10): [Animal!]!\n"
"  resident(pick: Pick): Resident\n"
"  keeper: Keeper\n"
"  price(amount: Money): Money\n"
"  count(flags: [Boolean!]): Int\n"
"}\n"
"type Mutation { feed(id: ID!, kg: Int): Boolean }\n";

static GqlSchema *zoo;
static GqlArena *arena;

/*
 * Build the zoo schema once.
 */
static GqlSchema *
build_schema(const char *sdl)
{
	GqlError	error;
	GqlDocument *doc = gql_parse(arena, sdl, strlen(sdl), NULL, &error);
	GqlSchema  *schema;

	if (doc == NULL)
	{
		printf("# schema syntax error: %s\n", error.message);
		return NULL;
	}
	schema = gql_schema_from_sdl(arena, doc, &error);
	if (schema == NULL)
		printf("# schema error: %s\n", error.message);
	return schema;
}

/*
 * Validate a document; the errors as "message @line:col ..." lines, ""
 * when valid, "SYNTAX" when it does not parse.
 */
static const char *
check_opts(const char *query, const GqlValidationOptions *opts)
{
	GqlError	error;
	GqlDocument *doc = gql_parse(arena, query, strlen(query), NULL, &error);
	GqlValidationError *e;
	GqlBuf		buf;
	int			i;

	if (doc == NULL)
		return "SYNTAX";
	gql_buf_init(&buf, arena);
	for (e = gql_validate(arena, zoo, doc, opts, NULL); e != NULL; e = e->next)
	{
		gql_buf_append_str(&buf, e->message);
		for (i = 0; i < e->nlocations; i++)
			gql_buf_printf(&buf, " @%u:%u", (unsigned int) e->locations[i].line,
						   (unsigned int) e->locations[i].column);
		if (e->next != NULL)
			gql_buf_append_char(&buf, '\n');
	}
	return buf.data;
}

/*
 * Validate with the default options.
 */
static const char *
check(const char *query)
{
	return check_opts(query, NULL);
}

/*
 * Operations, fragments and their names.
 */
static void
test_document_rules(void)
{
	is_str(check("{ keeper { name } }"), "", "a valid query");
	is_str(check("query A { keeper { name } } query A { keeper { badge } }"),
		   "There can be only one operation named \"A\". @1:7 @1:35",
		   "UniqueOperationNames");
	is_str(check("{ keeper { name } } query B { keeper { name } }"),
		   "This anonymous operation must be the only defined operation. @1:1",
		   "LoneAnonymousOperation");
	is_str(check("{ keeper { name } } type T { a: Int }"),
		   "The \"T\" definition is not executable. @1:21",
		   "ExecutableDefinitions");
	is_str(check("subscription { keeper { name } }"),
		   "The subscription operation is not supported by the schema. @1:1",
		   "KnownOperationTypes");
	is_str(check("{ keeper { ...K ...K } } fragment K on Keeper { name } fragment K on Keeper { badge }"),
		   "There can be only one fragment named \"K\". @1:35 @1:65",
		   "UniqueFragmentNames");
	is_str(check("{ keeper { ...Nope } }"),
		   "Unknown fragment \"Nope\". @1:15", "KnownFragmentNames");
	is_str(check("{ keeper { name } } fragment K on Keeper { name }"),
		   "Fragment \"K\" is never used. @1:21", "NoUnusedFragments");
	is_str(check("{ keeper { ...A } } fragment A on Keeper { ...B } fragment B on Keeper { ...A }"),
		   "Cannot spread fragment \"A\" within itself via \"B\". @1:44 @1:74",
		   "NoFragmentCycles");
}

/*
 * Types, fields and fragments.
 */
static void
test_type_rules(void)
{
	is_str(check("{ keeper { nam } }"),
		   "Cannot query field \"nam\" on type \"Keeper\". Did you mean \"name\"? @1:12",
		   "FieldsOnCorrectType with a suggested field");
	is_str(check("{ resident { legs } }"),
		   "Cannot query field \"legs\" on type \"Resident\". Did you mean to use an inline fragment on \"Animal\", \"Lion\", or \"Zebra\"? @1:14",
		   "FieldsOnCorrectType with suggested types");
	is_str(check("{ keeper }"),
		   "Field \"keeper\" of type \"Keeper\" must have a selection of subfields. Did you mean \"keeper { ... }\"? @1:3",
		   "ScalarLeafs: missing selection");
	is_str(check("{ keeper { name { x } } }"),
		   "Field \"name\" must not have a selection since type \"String\" has no subfields. @1:17",
		   "ScalarLeafs: selection on a leaf");
	is_str(check("{ keeper { ... on Zebra { name } } }"),
		   "Fragment cannot be spread here as objects of type \"Keeper\" can never be of type \"Zebra\". @1:12",
		   "PossibleFragmentSpreads");
	is_str(check("{ keeper { ... on Diet { name } } }"),
		   "Fragment cannot condition on non composite type \"Diet\". @1:19",
		   "FragmentsOnCompositeTypes");
	is_str(check("{ keeper { ... on Keepr { name } } }"),
		   "Unknown type \"Keepr\". Did you mean \"Keeper\"? @1:19",
		   "KnownTypeNames");
	is_str(check("query ($k: Keeper) { animal(id: 1) { name } }"),
		   "Variable \"$k\" cannot be non-input type \"Keeper\". @1:12\n"
		   "Variable \"$k\" is never used. @1:8",
		   "VariablesAreInputTypes, in rule order");
	is_str(check("query ($f: Float) { animal(id: 1) { name } }"),
		   "Unknown type \"Float\". @1:12\nVariable \"$f\" is never used. @1:8",
		   "a spec scalar the schema does not use is unknown");
}

/*
 * Arguments, directives and variables.
 */
static void
test_argument_rules(void)
{
	is_str(check("{ animal { name } }"),
		   "Field \"animal\" argument \"id\" of type \"ID!\" is required, but it was not provided. @1:3",
		   "ProvidedRequiredArguments");
	is_str(check("{ animal(id: 1, ids: 2) { name } }"),
		   "Unknown argument \"ids\" on field \"Query.animal\". Did you mean \"id\"? @1:17",
		   "KnownArgumentNames");
	is_str(check("{ animal(id: 1, id: 2) { name } }"),
		   "There can be only one argument named \"id\". @1:10 @1:17",
		   "UniqueArgumentNames");
	is_str(check("{ keeper @skip(if: true) @skip(if: false) { name } }"),
		   "The directive \"@skip\" can only be used once at this location. @1:10 @1:26",
		   "UniqueDirectivesPerLocation");
	is_str(check("{ keeper @nope { name } }"),
		   "Unknown directive \"@nope\". @1:10", "KnownDirectives: unknown");
	is_str(check("query @skip(if: true) { keeper { name } }"),
		   "Directive \"@skip\" may not be used on QUERY. @1:7",
		   "KnownDirectives: location");
	is_str(check("{ keeper @include { name } }"),
		   "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @1:10",
		   "ProvidedRequiredArguments on a directive");
	is_str(check("query ($a: ID, $a: ID) { animal(id: $a) { name } }"),
		   "There can be only one variable named \"$a\". @1:9 @1:17\n"
		   "Variable \"$a\" of type \"ID\" used in position expecting type \"ID!\". @1:16 @1:37",
		   "UniqueVariableNames and VariablesInAllowedPosition");
	is_str(check("query Q { animal(id: $x) { name } }"),
		   "Variable \"$x\" is not defined by operation \"Q\". @1:22 @1:1",
		   "NoUndefinedVariables");
	is_str(check("query ($x: ID! = 1, $y: Int) { animal(id: $x) { name } }"),
		   "Variable \"$y\" is never used. @1:21", "NoUnusedVariables");
	is_str(check("query ($n: Int = 3) { animals(first: $n) { name } }"),
		   "", "a nullable variable where the argument has a default");
}

/*
 * Values.
 */
static void
test_value_rules(void)
{
	is_str(check("{ animals(first: \"ten\") { name } }"),
		   "Int cannot represent non-integer value: \"ten\" @1:18",
		   "ValuesOfCorrectType: Int");
	is_str(check("{ animals(first: 2147483648) { name } }"),
		   "Int cannot represent non 32-bit signed integer value: 2147483648 @1:18",
		   "ValuesOfCorrectType: Int range");
	is_str(check("{ animals(first: -2147483648) { name } }"), "",
		   "the smallest Int");
	is_str(check("{ animals(filter: {diet: HERBIVOR}) { name } }"),
		   "Value \"HERBIVOR\" does not exist in \"Diet\" enum. Did you mean the enum value \"HERBIVORE\" or \"CARNIVORE\"? @1:26",
		   "ValuesOfCorrectType: enum");
	is_str(check("{ animals(filter: {name: \"x\"}) { name } }"),
		   "Field \"Filter.diet\" of required type \"Diet!\" was not provided. @1:19",
		   "ValuesOfCorrectType: required input field");
	is_str(check("{ animals(filter: {diet: OMNIVORE, nme: \"x\"}) { name } }"),
		   "Field \"nme\" is not defined by type \"Filter\". Did you mean \"name\"? @1:36",
		   "ValuesOfCorrectType: unknown input field");
	is_str(check("{ animals(filter: {diet: OMNIVORE, name: \"a\", name: \"b\"}) { name } }"),
		   "There can be only one input field named \"name\". @1:36 @1:47",
		   "UniqueInputFieldNames");
	is_str(check("{ animal(id: null) { name } }"),
		   "Expected value of type \"ID!\", found null. @1:14",
		   "ValuesOfCorrectType: null");
	is_str(check("{ count(flags: true) count2: count(flags: [true, 1]) }"),
		   "Boolean cannot represent a non boolean value: 1 @1:50",
		   "a single value is coerced to a list");
	is_str(check("{ price(amount: {any: [1, \"x\"]}) }"), "",
		   "a custom scalar takes any literal");
	is_str(check("{ resident(pick: {id: 1, name: \"x\"}) { __typename } }"),
		   "OneOf Input Object \"Pick\" must specify exactly one key. @1:18",
		   "@oneOf: two keys");
	is_str(check("{ resident(pick: {id: null}) { __typename } }"),
		   "Field \"Pick.id\" must be non-null. @1:18", "@oneOf: null");
	is_str(check("query ($i: ID) { resident(pick: {id: $i}) { __typename } }"),
		   "Variable \"$i\" is of type \"ID\" but must be non-nullable to be used for OneOf Input Object \"Pick\". @1:8 @1:38",
		   "@oneOf: nullable variable");
}

/*
 * A custom scalar check that takes only strings.
 */
static const char *
money_check(void *arg, GqlArena *a, const GqlSchemaType *scalar,
			const GqlValue *literal)
{
	(void) arg;
	(void) a;
	(void) scalar;
	if (literal->hdr.kind == GQL_STRING_VALUE)
		return NULL;
	return literal->hdr.kind == GQL_INT_VALUE ? "" : "Money is written as a string";
}

/*
 * The custom scalar hook and the error limit.
 */
static void
test_options(void)
{
	GqlValidationOptions opts;

	memset(&opts, 0, sizeof(opts));
	opts.scalar_check = money_check;
	is_str(check_opts("{ a: price(amount: \"1.50\") }", &opts), "",
		   "scalar hook accepts");
	is_str(check_opts("{ price(amount: 1) }", &opts),
		   "Expected value of type \"Money\", found 1. @1:17",
		   "scalar hook rejects");
	is_str(check_opts("{ price(amount: 1.5) }", &opts),
		   "Expected value of type \"Money\", found 1.5; Money is written as a string @1:17",
		   "scalar hook rejects with a reason");
	memset(&opts, 0, sizeof(opts));
	opts.max_errors = 2;
	is_str(check_opts("{ a b c }", &opts),
		   "Cannot query field \"a\" on type \"Query\". @1:3\n"
		   "Cannot query field \"b\" on type \"Query\". @1:5\n"
		   "Too many validation errors, error limit reached. Validation aborted.",
		   "the error limit");
}

/*
 * Fields that cannot be merged.
 */
static void
test_overlapping(void)
{
	is_str(check("{ keeper { x: name x: badge } }"),
		   "Fields \"x\" conflict because \"name\" and \"badge\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @1:12 @1:20",
		   "different fields");
	is_str(check("{ animal(id: 1) { name } animal(id: 2) { name } }"),
		   "Fields \"animal\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @1:3 @1:26",
		   "differing arguments");
	is_str(check("{ resident { ... on Zebra { x: stripes } ... on Lion { x: mane } } }"),
		   "Fields \"x\" conflict because they return conflicting types \"Int\" and \"Boolean\". Use different aliases on the fields to fetch both if this was intentional. @1:29 @1:56",
		   "conflicting types under exclusive parents");
	is_str(check("{ resident { ... on Zebra { x: name } ... on Lion { x: diet } } }"),
		   "Fields \"x\" conflict because they return conflicting types \"String\" and \"Diet\". Use different aliases on the fields to fetch both if this was intentional. @1:29 @1:53",
		   "leaf types compared");
	is_str(check("{ k: keeper { name } k: keeper { name: badge } }"),
		   "Fields \"k\" conflict because subfields \"name\" conflict because \"name\" and \"badge\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @1:3 @1:15 @1:22 @1:34",
		   "sub-field conflicts");
	is_str(check("{ resident { ... on Zebra { stripes(min: 1) stripes(min: 1) } } }"),
		   "", "same arguments merge");
}

/*
 * Subscriptions (a schema of their own).
 */
static void
test_subscriptions(void)
{
	GqlSchema  *saved = zoo;

	zoo = build_schema("type Query { a: Int } type Subscription { s: Int t: Int }");
	if (zoo == NULL)
	{
		ok(false, "subscription schema builds");
		zoo = saved;
		return;
	}
	is_str(check("subscription S { s t }"),
		   "Subscription \"S\" must select only one top level field. @1:20",
		   "SingleFieldSubscriptions: two fields");
	is_str(check("subscription { __typename }"),
		   "Anonymous Subscription must not select an introspection top level field. @1:16",
		   "SingleFieldSubscriptions: introspection");
	is_str(check("subscription { s t @skip(if: true) }"), "",
		   "SingleFieldSubscriptions: skipped field");
	zoo = saved;
}

/*
 * Hostile documents finish quickly, with an error or not.
 */
static void
test_hostile(void)
{
	GqlBuf		doc;
	clock_t		start;
	int			i;

	gql_buf_init(&doc, arena);
	gql_buf_append_str(&doc, "{ keeper { ...F0 } }\n");
	for (i = 0; i < 300; i++)
		gql_buf_printf(&doc, "fragment F%d on Keeper { name ...F%d ...F%d }\n",
					   i, i + 1, (i + 2) % 300);
	gql_buf_append_str(&doc, "fragment F300 on Keeper { name }\n");
	start = clock();
	ok(strlen(check(doc.data)) > 0, "a fragment web with cycles is invalid");
	ok((double) (clock() - start) / CLOCKS_PER_SEC < 5.0,
	   "a fragment web validates in bounded time");

	gql_buf_init(&doc, arena);
	gql_buf_append_str(&doc, "{ keeper { ");
	for (i = 0; i < 3000; i++)
		gql_buf_printf(&doc, "a: name ");
	gql_buf_append_str(&doc, "} }");
	start = clock();
	is_str(check(doc.data), "Validation aborted.",
		   "3000 identical fields exceed the complexity budget");
	ok((double) (clock() - start) / CLOCKS_PER_SEC < 5.0,
	   "identical fields validate in bounded time");

	gql_buf_init(&doc, arena);
	gql_buf_append_str(&doc, "{ keeper { ");
	for (i = 0; i < 300; i++)
		gql_buf_printf(&doc, "a: name ");
	gql_buf_append_str(&doc, "} }");
	is_str(check(doc.data), "", "300 identical fields merge");
}

/*
 * Run every group.
 */
int
main(void)
{
	arena = gql_arena_create(NULL);
	zoo = build_schema(zoo_sdl);
	if (zoo == NULL)
	{
		ok(false, "the test schema builds");
		return done_testing();
	}
	test_document_rules();
	test_type_rules();
	test_argument_rules();
	test_value_rules();
	test_options();
	test_overlapping();
	test_subscriptions();
	test_hostile();
	gql_arena_destroy(arena);
	return done_testing();
}
