/*-------------------------------------------------------------------------
 *
 * no_unused_variables.c
 *	  All Variables Used: reported when the operation is left.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * The variable definitions of the current operation.
 */
static void *
create(VCtx *ctx)
{
	return gql_arena_alloc(ctx->arena, sizeof(VList));
}

/*
 * Start an operation; record its variable definitions.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	VList	   *defs = state;

	if (node->kind == GQL_OPERATION_DEFINITION)
		defs->count = 0;
	else if (node->kind == GQL_VARIABLE_DEFINITION)
		vlist_push(ctx->arena, defs, (void *) node);
	return true;
}

/*
 * Report the variables the operation and its fragments never use.
 */
static void
leave(VCtx *ctx V_UNUSED, void *state, const GqlNode *node)
{
	VList	   *defs = state;
	const GqlOperationDefinition *op = (const GqlOperationDefinition *) node;
	const VVariableUsage *usages;
	VMap	   *used;
	int			n,
				i;

	if (node->kind != GQL_OPERATION_DEFINITION)
		return;
	usages = v_recursive_variable_usages(ctx, op, &n);
	used = vmap_create(ctx->arena);
	for (i = 0; i < n; i++)
		vmap_set(used, usages[i].node->name->value, used);
	for (i = 0; i < defs->count; i++)
	{
		const GqlVariableDefinition *vd = defs->items[i];
		const char *name = vd->variable->name->value;

		if (vmap_get(used, name) != NULL)
			continue;
		v_report(ctx, op->name != NULL ?
				 v_msg(ctx, "Variable \"$%s\" is never used in operation \"%s\".",
					   name, op->name->value) :
				 v_msg(ctx, "Variable \"$%s\" is never used.", name),
				 &vd->hdr);
	}
}

const VRule gql_rule_no_unused_variables = {
	"NoUnusedVariablesRule", create, enter, leave
};
