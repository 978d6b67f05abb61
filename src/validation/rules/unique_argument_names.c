/*-------------------------------------------------------------------------
 *
 * unique_argument_names.c
 *	  Argument Uniqueness, on fields and directives.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * Report each argument name given more than once.
 */
static void
check(VCtx *ctx, const GqlList *args)
{
	VMap	   *groups = vmap_create(ctx->arena);
	VList		order = {0};
	int			i;

	for (i = 0; i < args->count; i++)
	{
		const GqlArgument *arg = (const GqlArgument *) args->items[i];
		VList	   *group = vmap_get(groups, arg->name->value);

		if (group == NULL)
		{
			group = gql_arena_alloc(ctx->arena, sizeof(VList));
			vmap_set(groups, arg->name->value, group);
			vlist_push(ctx->arena, &order, (void *) arg->name->value);
		}
		vlist_push(ctx->arena, group, &arg->name->hdr);
	}
	for (i = 0; i < order.count; i++)
	{
		VList	   *group = vmap_get(groups, order.items[i]);

		if (group->count > 1)
			v_report_nodes(ctx, v_msg(ctx, "There can be only one argument named \"%s\".",
									  (const char *) order.items[i]),
						   (const GqlNode *const *) group->items, group->count);
	}
}

/*
 * Check fields and directives.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	if (node->kind == GQL_FIELD)
		check(ctx, &((const GqlField *) node)->arguments);
	else if (node->kind == GQL_DIRECTIVE)
		check(ctx, &((const GqlDirective *) node)->arguments);
	return true;
}

const VRule gql_rule_unique_argument_names = {
	"UniqueArgumentNamesRule", NULL, enter, NULL
};
