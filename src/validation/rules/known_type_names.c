/*-------------------------------------------------------------------------
 *
 * known_type_names.c
 *	  Fragment Spread Type Existence / known type names: every named type
 *	  is in the schema (or defined by the document).
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

#include <string.h>

/* graphql-js's specified scalars and introspection types */
static const char *const standard_names[] = {
	"String", "Int", "Float", "Boolean", "ID", "__Schema", "__Directive",
	"__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue",
	"__TypeKind"
};

#define NSTANDARD ((int) (sizeof(standard_names) / sizeof(standard_names[0])))

/*
 * The type names the document defines.
 */
static void *
create(VCtx *ctx)
{
	VMap	   *defined = vmap_create(ctx->arena);
	int			i;

	for (i = 0; i < ctx->document->definitions.count; i++)
	{
		const GqlNode *def = ctx->document->definitions.items[i];

		if (def->kind >= GQL_SCALAR_TYPE_DEFINITION &&
			def->kind <= GQL_INPUT_OBJECT_TYPE_DEFINITION &&
			def->kind != GQL_FIELD_DEFINITION &&
			def->kind != GQL_INPUT_VALUE_DEFINITION &&
			def->kind != GQL_ENUM_VALUE_DEFINITION)
			vmap_set(defined, ((const GqlTypeDefinition *) def)->name->value,
					 (void *) def);
	}
	return defined;
}

/*
 * The names to suggest from: the standard names (in SDL), the schema's
 * types, the document's types.
 */
static const char **
candidate_names(VCtx *ctx, bool sdl, int *n)
{
	const char **names = gql_arena_alloc(ctx->arena, sizeof(char *) *
										 (NSTANDARD + ctx->schema->ntypes +
										  ctx->document->definitions.count + 1));
	int			i;

	*n = 0;
	for (i = 0; sdl && i < NSTANDARD; i++)
		names[(*n)++] = standard_names[i];
	for (i = 0; i < ctx->schema->ntypes; i++)
	{
		if (v_type_named(ctx, ctx->schema->types[i]->name) != NULL)
			names[(*n)++] = ctx->schema->types[i]->name;
	}
	for (i = 0; i < ctx->document->definitions.count; i++)
	{
		const GqlNode *def = ctx->document->definitions.items[i];

		if (def->kind >= GQL_SCALAR_TYPE_DEFINITION &&
			def->kind <= GQL_INPUT_OBJECT_TYPE_DEFINITION &&
			def->kind != GQL_FIELD_DEFINITION &&
			def->kind != GQL_INPUT_VALUE_DEFINITION &&
			def->kind != GQL_ENUM_VALUE_DEFINITION)
			names[(*n)++] = ((const GqlTypeDefinition *) def)->name->value;
	}
	return names;
}

/*
 * Is name one of the standard names?
 */
static bool
is_standard(const char *name)
{
	int			i;

	for (i = 0; i < NSTANDARD; i++)
	{
		if (strcmp(standard_names[i], name) == 0)
			return true;
	}
	return false;
}

/*
 * Report an unknown named type.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const char *name;
	bool		sdl;
	const char **names;
	const char **sugg;
	int			nnames,
				nsugg;
	GqlBuf		buf;

	if (node->kind != GQL_NAMED_TYPE)
		return true;
	name = ((const GqlType *) node)->name->value;
	if (v_type_named(ctx, name) != NULL || vmap_get(state, name) != NULL)
		return true;
	sdl = ctx->definition != NULL && ctx->definition->kind >= GQL_SCHEMA_DEFINITION;
	if (sdl && is_standard(name))
		return true;
	names = candidate_names(ctx, sdl, &nnames);
	sugg = v_suggestion_list(ctx, name, names, nnames, &nsugg);
	gql_buf_init(&buf, ctx->arena);
	gql_buf_printf(&buf, "Unknown type \"%s\".", name);
	v_did_you_mean(&buf, NULL, sugg, nsugg);
	v_report(ctx, buf.data, node);
	return true;
}

const VRule gql_rule_known_type_names = {
	"KnownTypeNamesRule", create, enter, NULL
};
