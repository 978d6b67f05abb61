/*-------------------------------------------------------------------------
 *
 * no_fragment_cycles.c
 *	  Fragments Must Not Form Cycles: a depth-first search over the
 *	  fragment spreads, as graphql-js does it (same errors, same order).
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/* Deeper chains of fragments than this abort validation */
#define MAX_FRAGMENT_DEPTH 2000

typedef struct State
{
	VMap	   *visited;		/* fragment names done */
	VList		path;			/* the spreads leading here */
	VMap	   *index;			/* name -> 1 + its position in path */
	int			depth;
} State;

/*
 * Fresh state.
 */
static void *
create(VCtx *ctx)
{
	State	   *st = gql_arena_alloc(ctx->arena, sizeof(State));

	st->visited = vmap_create(ctx->arena);
	st->index = vmap_create(ctx->arena);
	return st;
}

/*
 * Report the cycle closed by the spread at the end of the path.
 */
static void
report_cycle(VCtx *ctx, State *st, intptr_t start, const char *name)
{
	GqlBuf		via;
	int			n = st->path.count - (int) start;
	int			i;

	gql_buf_init(&via, ctx->arena);
	for (i = (int) start; i < st->path.count - 1; i++)
		gql_buf_printf(&via, "%s\"%s\"", i > start ? ", " : "",
					   ((GqlFragmentSpread *) st->path.items[i])->name->value);
	v_report_nodes(ctx, via.len > 0 ?
				   v_msg(ctx, "Cannot spread fragment \"%s\" within itself via %s.", name, via.data) :
				   v_msg(ctx, "Cannot spread fragment \"%s\" within itself.", name),
				   (const GqlNode *const *) st->path.items + start, n);
}

static void detect(VCtx *ctx, State *st, const GqlFragment *frag);

/*
 * Follow one spread of the fragment being searched.
 */
static void
follow(VCtx *ctx, State *st, const GqlFragmentSpread *spread)
{
	const char *name = spread->name->value;
	intptr_t	at = (intptr_t) vmap_get(st->index, name);

	vlist_push(ctx->arena, &st->path, (void *) spread);
	if (at == 0)
	{
		const GqlFragment *target = v_fragment(ctx, name);

		if (target != NULL)
			detect(ctx, st, target);
	}
	else
		report_cycle(ctx, st, at - 1, name);
	st->path.count--;
}

/*
 * Depth-first search from a fragment.
 */
static void
detect(VCtx *ctx, State *st, const GqlFragment *frag)
{
	const char *name = frag->name->value;
	const VList *spreads;
	int			i;

	if (vmap_get(st->visited, name) != NULL)
		return;
	vmap_set(st->visited, name, st);
	spreads = v_fragment_spreads(ctx, frag->selection_set);
	if (spreads->count == 0)
		return;
	if (++st->depth > MAX_FRAGMENT_DEPTH)
		v_abort(ctx);
	vmap_set(st->index, name, (void *) (intptr_t) (st->path.count + 1));
	for (i = 0; i < spreads->count; i++)
		follow(ctx, st, spreads->items[i]);
	vmap_set(st->index, name, NULL);
	st->depth--;
}

/*
 * Search from every fragment definition.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	if (node->kind == GQL_OPERATION_DEFINITION)
		return false;
	if (node->kind != GQL_FRAGMENT_DEFINITION)
		return true;
	detect(ctx, state, (const GqlFragment *) node);
	return false;
}

const VRule gql_rule_no_fragment_cycles = {
	"NoFragmentCyclesRule", create, enter, NULL
};
