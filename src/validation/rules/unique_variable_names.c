/*-------------------------------------------------------------------------
 *
 * unique_variable_names.c
 *	  Variable Uniqueness.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * Report each variable name defined more than once in an operation.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlOperationDefinition *op = (const GqlOperationDefinition *) node;
	VMap	   *groups;
	VList		order = {0};
	int			i;

	if (node->kind != GQL_OPERATION_DEFINITION)
		return true;
	groups = vmap_create(ctx->arena);
	for (i = 0; i < op->variable_definitions.count; i++)
	{
		const GqlVariableDefinition *vd = (const GqlVariableDefinition *) op->variable_definitions.items[i];
		const char *name = vd->variable->name->value;
		VList	   *group = vmap_get(groups, name);

		if (group == NULL)
		{
			group = gql_arena_alloc(ctx->arena, sizeof(VList));
			vmap_set(groups, name, group);
			vlist_push(ctx->arena, &order, (void *) name);
		}
		vlist_push(ctx->arena, group, &vd->variable->name->hdr);
	}
	for (i = 0; i < order.count; i++)
	{
		VList	   *group = vmap_get(groups, order.items[i]);

		if (group->count > 1)
			v_report_nodes(ctx, v_msg(ctx, "There can be only one variable named \"$%s\".",
									  (const char *) order.items[i]),
						   (const GqlNode *const *) group->items, group->count);
	}
	return true;
}

const VRule gql_rule_unique_variable_names = {
	"UniqueVariableNamesRule", NULL, enter, NULL
};
