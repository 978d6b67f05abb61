/*-------------------------------------------------------------------------
 *
 * known_operation_types.c
 *	  Operation Type Existence: the schema must have a root type for each
 *	  operation's kind (graphql-js 17's KnownOperationTypesRule).
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * Report an operation whose root type the schema lacks.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlOperationDefinition *op;

	if (node->kind != GQL_OPERATION_DEFINITION)
		return true;
	op = (const GqlOperationDefinition *) node;
	if (v_root_type(ctx, op->operation) == NULL)
		v_report(ctx, v_msg(ctx, "The %s operation is not supported by the schema.",
							gql_operation_name(op->operation)), node);
	return true;
}

const VRule gql_rule_known_operation_types = {
	"KnownOperationTypesRule", NULL, enter, NULL
};
