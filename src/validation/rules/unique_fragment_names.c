/*-------------------------------------------------------------------------
 *
 * unique_fragment_names.c
 *	  Fragment Name Uniqueness.
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
 * Report a fragment name seen before.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlFragment *frag;
	const GqlNode *nodes[2];

	if (node->kind == GQL_OPERATION_DEFINITION)
		return false;
	if (node->kind != GQL_FRAGMENT_DEFINITION)
		return true;
	frag = (const GqlFragment *) node;
	nodes[0] = vmap_get(state, frag->name->value);
	nodes[1] = &frag->name->hdr;
	if (nodes[0] != NULL)
		v_report_nodes(ctx, v_msg(ctx, "There can be only one fragment named \"%s\".",
								  frag->name->value), nodes, 2);
	else
		vmap_set(state, frag->name->value, (void *) &frag->name->hdr);
	return false;
}

const VRule gql_rule_unique_fragment_names = {
	"UniqueFragmentNamesRule", create, enter, NULL
};
