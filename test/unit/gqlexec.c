/*-------------------------------------------------------------------------
 *
 * gqlexec.c
 *	  Command-line front end of introspection, for the conformance test:
 *	  builds the schema of the SDL in the file named by GQL_SCHEMA_FILE,
 *	  reads a document on stdin, validates it and, when its operation is a
 *	  query whose root fields are all __schema, __type or __typename,
 *	  writes {"data":{...}} (keys in selection order).  Otherwise it writes
 *	  {"errors":[{"message":M}]}.  Exit status 0 in both cases, 2 on usage
 *	  errors.
 *
 * Variables: GQL_VARIABLES may hold a GraphQL object literal of constant
 * values, e.g. {name: "Dog", all: true} (not JSON: keys are unquoted
 * names); GQL_OPERATION may name the operation to run.  Variables absent
 * from it take their definition's default.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "../../src/schema/schema.h"
#include "../../src/validation/validation.h"
#include "../../src/execution/execution.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The variables given and the operation's definitions */
typedef struct Vars
{
	const GqlValue *given;		/* ObjectValue or NULL */
	const GqlOperationDefinition *operation;
} Vars;

/*
 * Read all of a stream into an arena buffer.
 */
static void
read_all(FILE *f, GqlBuf *buf)
{
	char		chunk[65536];
	size_t		n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		gql_buf_append(buf, chunk, n);
}

/*
 * Write {"errors":[{"message":M}]} with M escaped and exit.
 */
static int
fail(const char *message)
{
	const char *s;

	fputs("{\"errors\":[{\"message\":\"", stdout);
	for (s = message; *s; s++)
	{
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char) *s < 0x20)
			printf("\\u%04x", (unsigned char) *s);
		else
			putchar(*s);
	}
	fputs("\"}]}\n", stdout);
	return 0;
}

/*
 * The variable callback: the given value, else the definition's default.
 */
static const GqlValue *
lookup_var(void *arg, const char *name)
{
	Vars	   *vars = arg;
	int			i;

	for (i = 0; vars->given != NULL && i < vars->given->items.count; i++)
	{
		const GqlArgument *f = (const GqlArgument *) vars->given->items.items[i];

		if (strcmp(f->name->value, name) == 0)
			return f->value;
	}
	for (i = 0; i < vars->operation->variable_definitions.count; i++)
	{
		const GqlVariableDefinition *d = (const GqlVariableDefinition *)
			vars->operation->variable_definitions.items[i];

		if (strcmp(d->variable->name->value, name) == 0)
			return d->default_value;
	}
	return NULL;
}

/*
 * Parse GQL_VARIABLES (an object literal) through a wrapper document.
 */
static bool
parse_variables(GqlArena *arena, const char *text, const GqlValue **out)
{
	GqlBuf		buf;
	GqlError	error;
	GqlDocument *doc;
	const GqlOperationDefinition *op;
	const GqlField *f;

	*out = NULL;
	if (text == NULL || *text == '\0')
		return true;
	gql_buf_init(&buf, arena);
	gql_buf_printf(&buf, "{ f(v: %s) }", text);
	doc = gql_parse(arena, buf.data, buf.len, NULL, &error);
	if (doc == NULL || doc->definitions.count != 1)
		return false;
	op = (const GqlOperationDefinition *) doc->definitions.items[0];
	if (op->hdr.kind != GQL_OPERATION_DEFINITION ||
		op->selection_set->selections.count != 1)
		return false;
	f = (const GqlField *) op->selection_set->selections.items[0];
	if (f->hdr.kind != GQL_FIELD || f->arguments.count != 1)
		return false;
	*out = ((const GqlArgument *) f->arguments.items[0])->value;
	return (*out)->hdr.kind == GQL_OBJECT_VALUE;
}

/*
 * Build the schema of the SDL file; NULL after writing the error.
 */
static GqlSchema *
load_schema(GqlArena *arena, const char *path)
{
	FILE	   *f = fopen(path, "rb");
	GqlBuf		buf;
	GqlError	error;
	GqlDocument *doc;
	GqlSchema  *schema;

	if (f == NULL)
	{
		fprintf(stderr, "gqlexec: cannot open %s\n", path);
		exit(2);
	}
	gql_buf_init(&buf, arena);
	read_all(f, &buf);
	fclose(f);
	doc = gql_parse(arena, buf.data, buf.len, NULL, &error);
	schema = doc ? gql_schema_from_sdl(arena, doc, &error) : NULL;
	if (schema == NULL)
		fail(error.message);
	return schema;
}

/*
 * Run the operation's root fields and write the response.
 */
static int
execute(GqlExecContext *ctx)
{
	GqlCollectedField *fields;
	const GqlSelectionSet *set = ctx->operation->selection_set;
	int			n;
	int			i;

	if (ctx->operation->operation != GQL_OP_QUERY)
		return fail("gqlexec: only queries are executed");
	n = gql_collect_fields(ctx, ctx->schema->query_type, &set, 1, &fields);
	for (i = 0; i < n; i++)
		if (strncmp(fields[i].fields[0]->name->value, "__", 2) != 0)
			return fail("gqlexec: only introspection fields are executed");
	fputs("{\"data\":{", stdout);
	for (i = 0; i < n; i++)
	{
		const char *name = fields[i].fields[0]->name->value;

		printf("%s\"%s\":", i ? "," : "", fields[i].response_key);
		if (strcmp(name, "__typename") == 0)
			printf("\"%s\"", ctx->schema->query_type->name);
		else
			fputs(gql_introspect(ctx, &fields[i]), stdout);
	}
	fputs("}}\n", stdout);
	return 0;
}

/*
 * Parse, validate and run stdin's document.
 */
int
main(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	const char *path = getenv("GQL_SCHEMA_FILE");
	GqlExecContext ctx;
	Vars		vars;
	GqlBuf		buf;
	GqlError	error;
	GqlValidationError *verr;
	const char *message;
	int			rc;

	if (path == NULL)
	{
		fprintf(stderr, "usage: GQL_SCHEMA_FILE=schema.graphql gqlexec < query\n");
		return 2;
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.arena = arena;
	if ((ctx.schema = load_schema(arena, path)) == NULL)
		return 0;
	gql_buf_init(&buf, arena);
	read_all(stdin, &buf);
	if ((ctx.document = gql_parse(arena, buf.data, buf.len, NULL, &error)) == NULL)
		return fail(error.message);
	if ((verr = gql_validate(arena, ctx.schema, ctx.document, NULL, NULL)) != NULL)
		return fail(verr->message);
	ctx.operation = gql_get_operation(ctx.document, getenv("GQL_OPERATION"), &message);
	if (ctx.operation == NULL)
		return fail(message);
	if (!parse_variables(arena, getenv("GQL_VARIABLES"), &vars.given))
		return fail("gqlexec: GQL_VARIABLES is not a GraphQL object literal");
	vars.operation = ctx.operation;
	ctx.variable = lookup_var;
	ctx.variable_arg = &vars;
	rc = execute(&ctx);
	gql_arena_destroy(arena);
	return rc;
}
