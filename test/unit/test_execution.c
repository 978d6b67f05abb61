/*-------------------------------------------------------------------------
 *
 * test_execution.c
 *	  Unit tests of the portable execution helpers: choosing the
 *	  operation, collecting fields, argument values and variable
 *	  substitution, and introspection.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "../../src/schema/schema.h"
#include "../../src/execution/execution.h"
#include "unit.h"

static const char *const pet_sdl =
"\"The pets\" schema { query: Query mutation: Mutation }\n"
"interface Named { name: String }\n"
"type Dog implements Named { name: String barks: Boolean\n"
"  friends(first: Int = 3, after: String): [Named!]! }\n"
"type Cat implements Named { name: String lives: Int @deprecated(reason: \"cats\") }\n"
"union Pet = Dog | Cat\n"
"enum Size { SMALL LARGE @deprecated }\n"
"input Filter { size: Size = SMALL names: [String!] limit: Int }\n"
"\"\"\"A date\"\"\" scalar Date @specifiedBy(url: \"https://example.com/date\")\n"
"type Query { pet(id: ID!, filter: Filter): Pet dog: Dog named: Named\n"
"  born: Date sizes(s: [Size] = [SMALL]): Int }\n"
"type Mutation { adopt(id: ID!): Dog }\n"
"directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT\n";

static GqlArena *arena;
static GqlSchema *pets;

/* Variables of the tests: names and constant values */
typedef struct Vars
{
	const char *names[8];
	const GqlValue *values[8];
	int			n;
} Vars;

/*
 * The variable callback of the tests.
 */
static const GqlValue *
lookup_var(void *arg, const char *name)
{
	Vars	   *vars = arg;
	int			i;

	for (i = 0; i < vars->n; i++)
		if (strcmp(vars->names[i], name) == 0)
			return vars->values[i];
	return NULL;
}

/*
 * Parse a GraphQL value literal (through a wrapper document).
 */
static const GqlValue *
parse_value(const char *text)
{
	GqlBuf		buf;
	GqlError	error;
	GqlDocument *doc;
	const GqlOperationDefinition *op;
	const GqlField *f;

	gql_buf_init(&buf, arena);
	gql_buf_printf(&buf, "{ f(a: %s) }", text);
	doc = gql_parse(arena, buf.data, buf.len, NULL, &error);
	if (doc == NULL)
		return NULL;
	op = (const GqlOperationDefinition *) doc->definitions.items[0];
	f = (const GqlField *) op->selection_set->selections.items[0];
	return ((const GqlArgument *) f->arguments.items[0])->value;
}

/*
 * Add a variable given as a GraphQL literal.
 */
static void
set_var(Vars *vars, const char *name, const char *literal)
{
	vars->names[vars->n] = name;
	vars->values[vars->n++] = parse_value(literal);
}

/*
 * Print a value (NULL as "<absent>").
 */
static const char *
show(const GqlValue *v)
{
	return v == NULL ? "<absent>" : gql_print(arena, (const GqlNode *) v, NULL);
}

/*
 * Parse a document and set up a context for its only (or named) operation.
 */
static bool
setup(GqlExecContext *ctx, Vars *vars, const char *query)
{
	GqlError	error;
	const char *message;

	memset(ctx, 0, sizeof(*ctx));
	ctx->arena = arena;
	ctx->schema = pets;
	ctx->document = gql_parse(arena, query, strlen(query), NULL, &error);
	if (ctx->document == NULL)
	{
		printf("# syntax error: %s\n", error.message);
		return false;
	}
	ctx->operation = gql_get_operation(ctx->document, NULL, &message);
	ctx->variable = lookup_var;
	ctx->variable_arg = vars;
	return ctx->operation != NULL;
}

/*
 * Collect the root fields of a query as "key:name/nodes" words.
 */
static const char *
collect_root(const char *query, Vars *vars)
{
	GqlExecContext ctx;
	GqlCollectedField *fields;
	const GqlSelectionSet *set;
	GqlBuf		buf;
	int			n;
	int			i;

	if (!setup(&ctx, vars, query))
		return "SETUP";
	set = ctx.operation->selection_set;
	n = gql_collect_fields(&ctx, pets->query_type, &set, 1, &fields);
	gql_buf_init(&buf, arena);
	for (i = 0; i < n; i++)
		gql_buf_printf(&buf, "%s%s:%s/%d", i ? " " : "", fields[i].response_key,
					   fields[i].def ? fields[i].def->name : "?",
					   fields[i].nfields);
	return buf.data;
}

/*
 * gql_get_operation: choice and messages.
 */
static void
test_get_operation(void)
{
	GqlError	error;
	const char *m;
	const char *src = "query A { dog { name } } query B { born } fragment F on Dog { name }";
	GqlDocument *doc = gql_parse(arena, src, strlen(src), NULL, &error);
	GqlDocument *one;
	GqlDocument *none;
	const GqlOperationDefinition *op;

	op = gql_get_operation(doc, "B", &m);
	ok(op != NULL && strcmp(op->name->value, "B") == 0 && m == NULL,
	   "operation chosen by name");
	op = gql_get_operation(doc, "C", &m);
	ok(op == NULL, "unknown operation name gives NULL");
	is_str(m, "Unknown operation named \"C\".", "unknown operation message");
	op = gql_get_operation(doc, NULL, &m);
	ok(op == NULL, "several operations without a name give NULL");
	is_str(m, "Must provide operation name if query contains multiple operations.",
		   "several operations message");
	one = gql_parse(arena, "fragment F on Dog { name } { born }", 35, NULL, &error);
	op = gql_get_operation(one, NULL, &m);
	ok(op != NULL && op->name == NULL && m == NULL, "the only operation is chosen");
	op = gql_get_operation(one, "X", &m);
	is_str(m, "Unknown operation named \"X\".", "a name for an anonymous operation");
	none = gql_parse(arena, "fragment F on Dog { name }", 26, NULL, &error);
	op = gql_get_operation(none, NULL, &m);
	ok(op == NULL, "no operation gives NULL");
	is_str(m, "Must provide an operation.", "no operation message");
}

/*
 * gql_collect_fields: keys, merging, fragments, directives.
 */
static void
test_collect(void)
{
	Vars		vars = {{0}, {0}, 0};

	is_str(collect_root("{ dog { name } born d: dog { barks } dog { name } __typename }", &vars),
		   "dog:dog/2 born:born/1 d:dog/1 __typename:__typename/1",
		   "fields grouped by response key in first-appearance order");
	is_str(collect_root("{ ...F ...F ... on Query { born } ... { named { name } } }"
						"fragment F on Query { dog { name } born }", &vars),
		   "dog:dog/1 born:born/2 named:named/1",
		   "fragments once each, inline fragments with and without condition");
	is_str(collect_root("{ dog @skip(if: true) { name } born @include(if: false) "
						"named @skip(if: false) @include(if: true) { name } "
						"...F @skip(if: true) ... @include(if: false) { pet(id: 1) { __typename } } }"
						"fragment F on Query { sizes }", &vars),
		   "named:named/1", "@skip and @include with literals");
	set_var(&vars, "yes", "true");
	set_var(&vars, "no", "false");
	is_str(collect_root("query ($yes: Boolean!, $no: Boolean!) { dog @skip(if: $no) { name } "
						"born @include(if: $no) sizes @skip(if: $yes) "
						"... @include(if: $yes) { named { name } } }", &vars),
		   "dog:dog/1 named:named/1", "@skip and @include with variables");
	is_str(collect_root("{ __schema { types { name } } t: __type(name: \"Dog\") { name } }", &vars),
		   "__schema:__schema/1 t:__type/1", "meta-fields get their definitions");
}

/*
 * Collect on abstract types: type conditions of fragments.
 */
static void
test_collect_conditions(void)
{
	Vars		vars = {{0}, {0}, 0};
	GqlExecContext ctx;
	GqlCollectedField *root;
	GqlCollectedField *sub;
	const GqlSelectionSet **sets;
	int			nsets;
	int			n;

	if (!setup(&ctx, &vars,
			   "{ pet(id: 1) { ... on Dog { barks } ... on Cat { lives } "
			   "... on Named { name } ...P } pet(id: 1) { __typename } }"
			   "fragment P on Pet { ... on Dog { friends { name } } }"))
	{
		ok(false, "setup");
		return;
	}
	n = gql_collect_fields(&ctx, pets->query_type,
						   (const GqlSelectionSet *const *) &ctx.operation->selection_set,
						   1, &root);
	is_int(n, 1, "one merged root field");
	is_int(root[0].nfields, 2, "with two nodes");
	nsets = gql_field_selection_sets(&ctx, &root[0], &sets);
	is_int(nsets, 2, "two sub-selection sets");
	n = gql_collect_fields(&ctx, gql_schema_type(pets, "Dog"), sets, nsets, &sub);
	is_int(n, 4, "four keys for Dog");
	ok(n == 4 && strcmp(sub[0].response_key, "barks") == 0 &&
	   strcmp(sub[1].response_key, "name") == 0 &&
	   strcmp(sub[2].response_key, "friends") == 0 &&
	   strcmp(sub[3].response_key, "__typename") == 0,
	   "Dog: barks name friends __typename");
	ok(n == 4 && sub[2].def == gql_type_field(gql_schema_type(pets, "Dog"), "friends"),
	   "field definition found on the object type");
	n = gql_collect_fields(&ctx, gql_schema_type(pets, "Cat"), sets, nsets, &sub);
	ok(n == 3 && strcmp(sub[0].response_key, "lives") == 0 &&
	   strcmp(sub[1].response_key, "name") == 0 &&
	   strcmp(sub[2].response_key, "__typename") == 0,
	   "Cat: lives name __typename");
	nsets = gql_field_selection_sets(&ctx, &sub[0], &sets);
	is_int(nsets, 0, "a leaf has no selection sets");
}

/*
 * Collect many distinct keys (hash table growth) and many nodes per key.
 */
static void
test_collect_many(void)
{
	Vars		vars = {{0}, {0}, 0};
	GqlExecContext ctx;
	GqlCollectedField *root;
	GqlBuf		buf;
	int			n;
	int			i;
	bool		good = true;

	gql_buf_init(&buf, arena);
	gql_buf_append_str(&buf, "{");
	for (i = 0; i < 500; i++)
		gql_buf_printf(&buf, " a%d: born born", i);
	gql_buf_append_str(&buf, " }");
	if (!setup(&ctx, &vars, buf.data))
	{
		ok(false, "setup");
		return;
	}
	n = gql_collect_fields(&ctx, pets->query_type,
						   (const GqlSelectionSet *const *) &ctx.operation->selection_set,
						   1, &root);
	is_int(n, 501, "501 response keys");
	for (i = 0; i < 500 && n == 501; i++)
	{
		char		key[16];

		snprintf(key, sizeof(key), "a%d", i);
		good = good && strcmp(root[i == 0 ? 0 : i + 1].response_key, key) == 0 &&
			root[i == 0 ? 0 : i + 1].nfields == 1;
	}
	ok(good, "keys in order, one node each");
	ok(n == 501 && strcmp(root[1].response_key, "born") == 0 && root[1].nfields == 500,
	   "500 nodes merged under one key");
}

/*
 * The value of argument `name` of the first root field of a query.
 */
static const char *
root_arg(const char *query, Vars *vars, const char *field, const char *name)
{
	GqlExecContext ctx;
	GqlCollectedField *root;
	const GqlFieldDef *def;
	int			n;

	if (!setup(&ctx, vars, query))
		return "SETUP";
	n = gql_collect_fields(&ctx, pets->query_type,
						   (const GqlSelectionSet *const *) &ctx.operation->selection_set,
						   1, &root);
	def = gql_type_field(pets->query_type, field);
	if (n < 1 || def == NULL || gql_field_arg(def, name) == NULL)
		return "NOFIELD";
	return show(gql_argument_value(&ctx, &root[0].fields[0]->arguments,
								   gql_field_arg(def, name)));
}

/*
 * gql_argument_value and gql_value_substitute.
 */
static void
test_arguments(void)
{
	Vars		vars = {{0}, {0}, 0};
	GqlExecContext ctx;

	set_var(&vars, "id", "\"7\"");
	set_var(&vars, "lim", "5");
	set_var(&vars, "nul", "null");
	set_var(&vars, "f", "{size: LARGE}");
	is_str(root_arg("{ pet(id: 4) { __typename } }", &vars, "pet", "id"), "4",
		   "literal argument");
	is_str(root_arg("query ($id: ID!) { pet(id: $id) { __typename } }", &vars, "pet", "id"),
		   "\"7\"", "variable argument");
	is_str(root_arg("{ pet(id: 4) { __typename } }", &vars, "pet", "filter"), "<absent>",
		   "absent argument without default");
	is_str(root_arg("{ sizes }", &vars, "sizes", "s"), "[SMALL]",
		   "absent argument takes the default");
	is_str(root_arg("query ($s: [Size]) { sizes(s: $s) }", &vars, "sizes", "s"), "[SMALL]",
		   "absent variable takes the argument default");
	is_str(root_arg("query ($nul: [Size]) { sizes(s: $nul) }", &vars, "sizes", "s"), "null",
		   "explicit null variable stays null");
	is_str(root_arg("query ($lim: Int, $x: Int) { pet(id: 1, filter: {limit: $lim, "
					"names: [\"a\", $id, $x], size: $x}) { __typename } }",
					&vars, "pet", "filter"),
		   "{limit: 5, names: [\"a\", \"7\", null]}",
		   "deep substitution: absent list item null, absent object field left out");
	is_str(root_arg("query ($f: Filter) { pet(id: 1, filter: $f) { __typename } }",
					&vars, "pet", "filter"),
		   "{size: LARGE}", "whole object from a variable");
	setup(&ctx, &vars, "{ born }");
	ok(gql_value_substitute(&ctx, NULL) == NULL, "substitute NULL gives NULL");
	{
		const GqlValue *v = parse_value("[1, {a: [2]}]");

		ok(gql_value_substitute(&ctx, v) == v, "a constant value is returned as is");
		is_str(show(gql_value_substitute(&ctx, parse_value("$lim"))), "5",
			   "a bare variable");
		is_str(show(gql_value_substitute(&ctx, parse_value("$missing"))), "<absent>",
			   "an absent bare variable");
		is_str(show(gql_value_substitute(&ctx, parse_value("[[$lim], {a: {b: $nul, c: $no}}]"))),
			   "[[5], {a: {b: null}}]", "nested lists and objects");
	}
	ctx.variable = NULL;
	is_str(show(gql_value_substitute(&ctx, parse_value("[$lim]"))), "[null]",
		   "no variable callback: variables are absent");
}

/*
 * Run every test.
 */
int
main(void)
{
	GqlError	error;
	GqlDocument *doc;

	arena = gql_arena_create(NULL);
	doc = gql_parse(arena, pet_sdl, strlen(pet_sdl), NULL, &error);
	pets = doc ? gql_schema_from_sdl(arena, doc, &error) : NULL;
	if (!ok(pets != NULL, "pet schema builds"))
	{
		printf("# %s\n", error.message);
		return done_testing();
	}
	test_get_operation();
	test_collect();
	test_collect_conditions();
	test_collect_many();
	test_arguments();
	gql_arena_destroy(arena);
	return done_testing();
}
