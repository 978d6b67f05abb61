/*-------------------------------------------------------------------------
 *
 * no_undefined_variables.c
 *	  All Variable Uses Defined: reported when the operation is left, for
 *	  its own uses and those of the fragments it spreads.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

typedef struct State
{
	VMap	   *defined;
} State;

/*
 * Fresh state.
 */
static void *
create(VCtx *ctx)
{
	return gql_arena_alloc(ctx->arena, sizeof(State));
}

/*
 * Start an operation; record its variables.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	State	   *st = state;

	if (node->kind == GQL_OPERATION_DEFINITION)
		st->defined = vmap_create(ctx->arena);
	else if (node->kind == GQL_VARIABLE_DEFINITION && st->defined != NULL)
		vmap_set(st->defined,
				 ((const GqlVariableDefinition *) node)->variable->name->value, st);
	return true;
}

/*
 * Report every use of an undefined variable.
 */
static void
leave(VCtx *ctx V_UNUSED, void *state, const GqlNode *node)
{
	State	   *st = state;
	const GqlOperationDefinition *op = (const GqlOperationDefinition *) node;
	const VVariableUsage *usages;
	int			n,
				i;

	if (node->kind != GQL_OPERATION_DEFINITION)
		return;
	usages = v_recursive_variable_usages(ctx, op, &n);
	for (i = 0; i < n; i++)
	{
		const char *name = usages[i].node->name->value;
		const GqlNode *nodes[2];

		if (vmap_get(st->defined, name) != NULL)
			continue;
		nodes[0] = &usages[i].node->hdr;
		nodes[1] = node;
		v_report_nodes(ctx, op->name != NULL ?
					   v_msg(ctx, "Variable \"$%s\" is not defined by operation \"%s\".",
							 name, op->name->value) :
					   v_msg(ctx, "Variable \"$%s\" is not defined.", name),
					   nodes, 2);
	}
}

const VRule gql_rule_no_undefined_variables = {
	"NoUndefinedVariablesRule", create, enter, leave
};
