/*-------------------------------------------------------------------------
 *
 * known_argument_names.c
 *	  Argument Names: every argument is defined by its field or directive.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

#include <string.h>

/*
 * The argument names of every directive: the schema's, then the
 * document's own directive definitions (VList of names).
 */
static void *
create(VCtx *ctx)
{
	VMap	   *map = vmap_create(ctx->arena);
	int			i,
				j;

	for (i = 0; i < ctx->schema->ndirectives; i++)
	{
		const GqlDirectiveDef *d = ctx->schema->directives[i];
		VList	   *names = gql_arena_alloc(ctx->arena, sizeof(VList));

		for (j = 0; j < d->nargs; j++)
			vlist_push(ctx->arena, names, (void *) d->args[j]->name);
		vmap_set(map, d->name, names);
	}
	for (i = 0; i < ctx->document->definitions.count; i++)
	{
		const GqlDirectiveDefinition *def = (const GqlDirectiveDefinition *) ctx->document->definitions.items[i];
		VList	   *names;

		if (def->hdr.kind != GQL_DIRECTIVE_DEFINITION)
			continue;
		names = gql_arena_alloc(ctx->arena, sizeof(VList));
		for (j = 0; j < def->arguments.count; j++)
			vlist_push(ctx->arena, names,
					   (void *) ((GqlFieldDefinition *) def->arguments.items[j])->name->value);
		vmap_set(map, def->name->value, names);
	}
	return map;
}

/*
 * Is name in the list?
 */
static bool
has_name(const VList *names, const char *name)
{
	int			i;

	for (i = 0; i < names->count; i++)
	{
		if (strcmp(names->items[i], name) == 0)
			return true;
	}
	return false;
}

/*
 * Report the unknown arguments of a directive.
 */
static void
check_directive(VCtx *ctx, VMap *map, const GqlDirective *d)
{
	const VList *known = vmap_get(map, d->name->value);
	int			i;

	if (known == NULL)
		return;
	for (i = 0; i < d->arguments.count; i++)
	{
		const GqlArgument *arg = (const GqlArgument *) d->arguments.items[i];
		const char **sugg;
		int			nsugg;
		GqlBuf		buf;

		if (has_name(known, arg->name->value))
			continue;
		sugg = v_suggestion_list(ctx, arg->name->value,
								 (const char *const *) known->items,
								 known->count, &nsugg);
		gql_buf_init(&buf, ctx->arena);
		gql_buf_printf(&buf, "Unknown argument \"%s\" on directive \"@%s\".",
					   arg->name->value, d->name->value);
		v_did_you_mean(&buf, NULL, sugg, nsugg);
		v_report(ctx, buf.data, &arg->hdr);
	}
}

/*
 * Report an unknown argument of a field.
 */
static void
check_field_argument(VCtx *ctx, const GqlArgument *arg)
{
	const GqlFieldDef *fd = ctx->ti.field_def;
	const char **names;
	const char **sugg;
	int			nsugg;
	int			i;
	GqlBuf		buf;

	if (ctx->ti.argument != NULL || fd == NULL || ctx->ti.parent_type == NULL)
		return;
	names = gql_arena_alloc(ctx->arena, sizeof(char *) * (fd->nargs + 1));
	for (i = 0; i < fd->nargs; i++)
		names[i] = fd->args[i]->name;
	sugg = v_suggestion_list(ctx, arg->name->value, names, fd->nargs, &nsugg);
	gql_buf_init(&buf, ctx->arena);
	gql_buf_printf(&buf, "Unknown argument \"%s\" on field \"%s.%s\".",
				   arg->name->value, ctx->ti.parent_type->name, fd->name);
	v_did_you_mean(&buf, NULL, sugg, nsugg);
	v_report(ctx, buf.data, &arg->hdr);
}

/*
 * Directives are checked as a whole (their arguments are not visited);
 * field arguments one by one.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	if (node->kind == GQL_DIRECTIVE)
	{
		check_directive(ctx, state, (const GqlDirective *) node);
		return false;
	}
	if (node->kind == GQL_ARGUMENT)
		check_field_argument(ctx, (const GqlArgument *) node);
	return true;
}

const VRule gql_rule_known_argument_names = {
	"KnownArgumentNamesRule", create, enter, NULL
};
