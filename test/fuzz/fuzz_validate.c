/*-------------------------------------------------------------------------
 *
 * fuzz_validate.c
 *	  libFuzzer target of document validation.
 *
 * Every input is parsed with small limits; a document that parses is
 * validated against a fixed schema that uses every kind of type (objects,
 * interfaces implementing interfaces, unions, enums, input objects with
 * @oneOf, lists and non-null wrappers, arguments with defaults, custom
 * directives, all three root operation types).  Every reported error must
 * carry a message and, unless it is the final "Validation aborted." notice
 * of a limit, a rule name; the error count must match the list.  The
 * document is then validated again with Hasura's leniencies on (every
 * argument and input field accepts strings, so String literals may be
 * rewritten in place), under the same checks.  Any violation, crash or
 * sanitizer report is a finding.
 *
 * Build and run: make -C test/unit fuzz (see the Makefile there).
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "../../src/schema/schema.h"
#include "../../src/validation/validation.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char schema_sdl[] =
"directive @tag(name: String!, weight: Int = 1) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT\n"
"directive @trace on QUERY | MUTATION | SUBSCRIPTION | VARIABLE_DEFINITION | FRAGMENT_DEFINITION\n"
"scalar Cursor\n"
"enum Color { RED GREEN BLUE }\n"
"interface Node { id: ID! }\n"
"interface Named implements Node { id: ID! name(upper: Boolean = false): String }\n"
"type Person implements Named & Node {\n"
"  id: ID! name(upper: Boolean = false): String age: Int\n"
"  friends(first: Int = 10, after: Cursor, filter: PersonFilter): [Person!]!\n"
"  pet: Pet favorite: Color scores: [[Float]]\n"
"}\n"
"type Dog implements Named & Node { id: ID! name(upper: Boolean = false): String barks: Boolean! owner: Person }\n"
"type Cat implements Named & Node { id: ID! name(upper: Boolean = false): String meows(times: Int!): [String] }\n"
"union Pet = Dog | Cat\n"
"input PersonFilter { name: String age: IntRange colors: [Color!] and: [PersonFilter!] }\n"
"input IntRange { min: Int = 0 max: Int! }\n"
"input Lookup @oneOf { id: ID name: String }\n"
"type Query {\n"
"  node(id: ID!): Node person(by: Lookup!): Person people(filter: PersonFilter, order: [Color!] = [RED]): [Person]\n"
"  pets: [Pet!]! search(text: String!, limit: Int = 5): [Named!] version: String!\n"
"}\n"
"type Mutation { rename(id: ID!, name: String!): Named setColor(color: Color!): Color }\n"
"type Subscription { personChanged(id: ID): Person ticks: Int }\n";

static GqlSchema *schema;

/*
 * Is an error well formed: a message, and a rule unless it is the notice
 * that validation stopped at a limit.
 */
static bool
well_formed(const GqlValidationError *e)
{
	static const char aborted[] = "Validation aborted.";
	size_t		len;

	if (e->message == NULL || e->message[0] == '\0')
		return false;
	len = strlen(e->message);
	return e->rule != NULL ||
		(len >= sizeof(aborted) - 1 &&
		 strcmp(e->message + len - (sizeof(aborted) - 1), aborted) == 0);
}

/*
 * The schema, built once per process (it is read-only afterwards).
 */
static const GqlSchema *
fuzz_schema(void)
{
	GqlArena   *arena;
	GqlDocument *sdl;
	GqlError	err;

	if (schema != NULL)
		return schema;
	arena = gql_arena_create(NULL);
	sdl = gql_parse(arena, schema_sdl, strlen(schema_sdl), NULL, &err);
	if (sdl == NULL)
		abort();
	schema = gql_schema_from_sdl(arena, sdl, &err);
	if (schema == NULL)
		abort();
	for (int t = 0; t < schema->ntypes; t++)
	{
		GqlSchemaType *type = schema->types[t];

		for (int f = 0; f < type->ninput_fields; f++)
			type->input_fields[f]->accepts_strings = true;
		for (int f = 0; f < type->nfields; f++)
			for (int a = 0; a < type->fields[f]->nargs; a++)
				type->fields[f]->args[a]->accepts_strings = true;
	}
	return schema;
}

/*
 * Validate doc: every error well formed, their count right.
 */
static void
check_validation(GqlArena *arena, const GqlSchema *s, const GqlDocument *doc,
				 const GqlValidationOptions *vopts)
{
	GqlValidationError *e;
	int			nerrors = -1;
	int			counted = 0;

	for (e = gql_validate(arena, s, doc, vopts, &nerrors); e; e = e->next)
	{
		if (!well_formed(e))
			abort();
		counted++;
	}
	if (counted != nerrors)
		abort();
}

/*
 * One fuzzing input.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const GqlSchema *s = fuzz_schema();
	GqlArena   *arena = gql_arena_create(NULL);
	GqlParseOptions opts = {64, 10000};
	GqlValidationOptions lenient = {0};
	GqlError	err;
	GqlDocument *doc;

	lenient.allow_unused_variables = true;
	lenient.string_scalars = true;
	doc = gql_parse(arena, (const char *) data, size, &opts, &err);
	if (doc != NULL)
	{
		check_validation(arena, s, doc, NULL);
		check_validation(arena, s, doc, &lenient);
	}
	gql_arena_destroy(arena);
	return 0;
}
