/*-------------------------------------------------------------------------
 *
 * unique_input_field_names.c
 *	  Input Object Field Uniqueness.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * A stack of name maps, one per object value being visited.
 */
static void *
create(VCtx *ctx)
{
	return gql_arena_alloc(ctx->arena, sizeof(VList));
}

/*
 * Open an object value; report a field name seen before in it.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	VList	   *stack = state;
	const GqlArgument *field = (const GqlArgument *) node;
	const GqlNode *nodes[2];
	VMap	   *known;

	if (node->kind == GQL_OBJECT_VALUE)
		vlist_push(ctx->arena, stack, vmap_create(ctx->arena));
	if (node->kind != GQL_OBJECT_FIELD || stack->count == 0)
		return true;
	known = stack->items[stack->count - 1];
	nodes[0] = vmap_get(known, field->name->value);
	nodes[1] = &field->name->hdr;
	if (nodes[0] != NULL)
		v_report_nodes(ctx, v_msg(ctx, "There can be only one input field named \"%s\".",
								  field->name->value), nodes, 2);
	else
		vmap_set(known, field->name->value, (void *) &field->name->hdr);
	return true;
}

/*
 * Close an object value.
 */
static void
leave(VCtx *ctx V_UNUSED, void *state, const GqlNode *node)
{
	VList	   *stack = state;

	if (node->kind == GQL_OBJECT_VALUE && stack->count > 0)
		stack->count--;
}

const VRule gql_rule_unique_input_field_names = {
	"UniqueInputFieldNamesRule", create, enter, leave
};
