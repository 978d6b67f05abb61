/*-------------------------------------------------------------------------
 *
 * lone_anonymous_operation.c
 *	  Lone Anonymous Operation: an anonymous operation must be alone.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * The number of operations in the document.
 */
static void *
create(VCtx *ctx)
{
	return gql_arena_alloc(ctx->arena, sizeof(int));
}

/*
 * Count the operations; report an anonymous one among several.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	int		   *count = state;
	int			i;

	if (node->kind == GQL_DOCUMENT)
	{
		const GqlDocument *doc = (const GqlDocument *) node;

		for (i = 0; i < doc->definitions.count; i++)
		{
			if (doc->definitions.items[i]->kind == GQL_OPERATION_DEFINITION)
				(*count)++;
		}
	}
	else if (node->kind == GQL_OPERATION_DEFINITION &&
			 ((const GqlOperationDefinition *) node)->name == NULL &&
			 *count > 1)
		v_report(ctx, "This anonymous operation must be the only defined operation.",
				 node);
	return true;
}

const VRule gql_rule_lone_anonymous_operation = {
	"LoneAnonymousOperationRule", create, enter, NULL
};
