/*-------------------------------------------------------------------------
 *
 * no_unused_fragments.c
 *	  Fragments Must Be Used: every fragment is spread, directly or not,
 *	  by some operation.  Reported when the document is left.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

typedef struct State
{
	VList		operations;
	VList		fragments;
} State;

/*
 * Empty lists.
 */
static void *
create(VCtx *ctx)
{
	return gql_arena_alloc(ctx->arena, sizeof(State));
}

/*
 * Remember operations and fragments.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	State	   *st = state;

	if (node->kind == GQL_OPERATION_DEFINITION)
	{
		vlist_push(ctx->arena, &st->operations, (void *) node);
		return false;
	}
	if (node->kind == GQL_FRAGMENT_DEFINITION)
	{
		vlist_push(ctx->arena, &st->fragments, (void *) node);
		return false;
	}
	return true;
}

/*
 * Report the fragments no operation uses.
 */
static void
leave(VCtx *ctx V_UNUSED, void *state, const GqlNode *node)
{
	State	   *st = state;
	const VList *used;
	VMap	   *names;
	int			i;

	if (node->kind != GQL_DOCUMENT)
		return;
	used = v_recursive_fragments(ctx,
								 (const GqlOperationDefinition *const *) st->operations.items,
								 st->operations.count);
	names = vmap_create(ctx->arena);
	for (i = 0; i < used->count; i++)
		vmap_set(names, ((GqlFragment *) used->items[i])->name->value, names);
	for (i = 0; i < st->fragments.count; i++)
	{
		const GqlFragment *frag = st->fragments.items[i];

		if (vmap_get(names, frag->name->value) == NULL)
			v_report(ctx, v_msg(ctx, "Fragment \"%s\" is never used.",
								frag->name->value), &frag->hdr);
	}
}

const VRule gql_rule_no_unused_fragments = {
	"NoUnusedFragmentsRule", create, enter, leave
};
