/*-------------------------------------------------------------------------
 *
 * unique_operation_names.c
 *	  Operation Name Uniqueness.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * The names seen so far.
 */
static void *
create(VCtx *ctx)
{
	return vmap_create(ctx->arena);
}

/*
 * Report an operation name seen before; operations and fragments need no
 * deeper look.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlOperationDefinition *op;
	const GqlNode *nodes[2];

	if (node->kind == GQL_FRAGMENT_DEFINITION)
		return false;
	if (node->kind != GQL_OPERATION_DEFINITION)
		return true;
	op = (const GqlOperationDefinition *) node;
	if (op->name == NULL)
		return false;
	nodes[0] = vmap_get(state, op->name->value);
	nodes[1] = &op->name->hdr;
	if (nodes[0] != NULL)
		v_report_nodes(ctx, v_msg(ctx, "There can be only one operation named \"%s\".",
								  op->name->value), nodes, 2);
	else
		vmap_set(state, op->name->value, (void *) &op->name->hdr);
	return false;
}

const VRule gql_rule_unique_operation_names = {
	"UniqueOperationNamesRule", create, enter, NULL
};
