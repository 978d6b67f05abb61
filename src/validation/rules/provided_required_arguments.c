/*-------------------------------------------------------------------------
 *
 * provided_required_arguments.c
 *	  Required Arguments: non-null arguments without a default must be
 *	  given, on fields and directives (checked when the node is left).
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

#include <string.h>

/* A required directive argument: its name and its type as text */
typedef struct Required
{
	const char *name;
	const char *type;
} Required;

/*
 * Add a required argument to a directive's list.
 */
static void
add_required(VCtx *ctx, VList *list, const char *name, const char *type)
{
	Required   *r = gql_arena_alloc(ctx->arena, sizeof(Required));

	r->name = name;
	r->type = type;
	vlist_push(ctx->arena, list, r);
}

/*
 * The required arguments of every directive: the schema's, then the
 * document's own directive definitions.
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
		VList	   *list = gql_arena_alloc(ctx->arena, sizeof(VList));

		for (j = 0; j < d->nargs; j++)
		{
			if (v_is_required(d->args[j]))
				add_required(ctx, list, d->args[j]->name,
							 v_type_str(ctx, d->args[j]->type));
		}
		vmap_set(map, d->name, list);
	}
	for (i = 0; i < ctx->document->definitions.count; i++)
	{
		const GqlDirectiveDefinition *def = (const GqlDirectiveDefinition *) ctx->document->definitions.items[i];
		VList	   *list;

		if (def->hdr.kind != GQL_DIRECTIVE_DEFINITION)
			continue;
		list = gql_arena_alloc(ctx->arena, sizeof(VList));
		for (j = 0; j < def->arguments.count; j++)
		{
			const GqlFieldDefinition *a = (const GqlFieldDefinition *) def->arguments.items[j];

			if (a->type->hdr.kind == GQL_NON_NULL_TYPE && a->default_value == NULL)
				add_required(ctx, list, a->name->value, v_print(ctx, &a->type->hdr));
		}
		vmap_set(map, def->name->value, list);
	}
	return map;
}

/*
 * Is an argument of that name in the list?
 */
static bool
provided(const GqlList *args, const char *name)
{
	int			i;

	for (i = 0; i < args->count; i++)
	{
		if (strcmp(((const GqlArgument *) args->items[i])->name->value, name) == 0)
			return true;
	}
	return false;
}

/*
 * Report the missing required arguments of a field.
 */
static void
check_field(VCtx *ctx, const GqlField *f)
{
	const GqlFieldDef *fd = ctx->ti.field_def;
	int			i;

	if (fd == NULL)
		return;
	for (i = 0; i < fd->nargs; i++)
	{
		if (!provided(&f->arguments, fd->args[i]->name) &&
			v_is_required(fd->args[i]))
			v_report(ctx, v_msg(ctx, "Field \"%s\" argument \"%s\" of type \"%s\" is required, but it was not provided.",
								fd->name, fd->args[i]->name,
								v_type_str(ctx, fd->args[i]->type)),
					 &f->hdr);
	}
}

/*
 * Check fields and directives when they are left.
 */
static void
leave(VCtx *ctx V_UNUSED, void *state, const GqlNode *node)
{
	const GqlDirective *d = (const GqlDirective *) node;
	const VList *required;
	int			i;

	if (node->kind == GQL_FIELD)
		check_field(ctx, (const GqlField *) node);
	if (node->kind != GQL_DIRECTIVE)
		return;
	required = vmap_get(state, d->name->value);
	for (i = 0; required != NULL && i < required->count; i++)
	{
		const Required *r = required->items[i];

		if (!provided(&d->arguments, r->name))
			v_report(ctx, v_msg(ctx, "Directive \"@%s\" argument \"%s\" of type \"%s\" is required, but it was not provided.",
								d->name->value, r->name, r->type), node);
	}
}

const VRule gql_rule_provided_required_arguments = {
	"ProvidedRequiredArgumentsRule", create, NULL, leave
};
