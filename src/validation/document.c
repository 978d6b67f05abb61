/*-------------------------------------------------------------------------
 *
 * document.c
 *	  What graphql-js's ValidationContext knows about the document:
 *	  fragments by name, the fragment spreads below a selection set, the
 *	  fragments an operation references recursively, and the variable
 *	  usages of an operation.  Everything is computed once and cached, and
 *	  charged to the fragment-work budget as graphql-js charges it.
 *
 *-------------------------------------------------------------------------
 */
#include "rules.h"
#include "vpriv.h"

#include <stdlib.h>
#include <string.h>

/*
 * The fragment definition of a name (the last one of that name), or NULL.
 */
const GqlFragment *
v_fragment(VCtx *ctx, const char *name)
{
	VPriv	   *priv = ctx->priv;
	int			i;

	if (priv->fragments == NULL)
	{
		priv->fragments = vmap_create(ctx->arena);
		for (i = 0; i < ctx->document->definitions.count; i++)
		{
			GqlNode    *def = ctx->document->definitions.items[i];

			if (def->kind == GQL_FRAGMENT_DEFINITION)
				vmap_set(priv->fragments, ((GqlFragment *) def)->name->value,
						 def);
		}
	}
	return vmap_get(priv->fragments, name);
}

/*
 * The selection set below a selection, or NULL.
 */
static const GqlSelectionSet *
selection_set_of(const GqlNode *sel)
{
	if (sel->kind == GQL_FIELD)
		return ((const GqlField *) sel)->selection_set;
	if (sel->kind == GQL_INLINE_FRAGMENT)
		return ((const GqlFragment *) sel)->selection_set;
	return NULL;
}

/*
 * Every fragment spread below a selection set, in graphql-js's order
 * (a stack of selection sets still to look at).
 */
const VList *
v_fragment_spreads(VCtx *ctx, const GqlSelectionSet *set)
{
	VPriv	   *priv = ctx->priv;
	VList	   *spreads;
	VList		pending = {0};

	if (priv->spreads == NULL)
		priv->spreads = vmap_create_ptr(ctx->arena);
	spreads = vmap_get_ptr(priv->spreads, set);
	if (spreads != NULL)
		return spreads;
	spreads = gql_arena_alloc(ctx->arena, sizeof(VList));
	vlist_push(ctx->arena, &pending, (void *) set);
	while (pending.count > 0)
	{
		const GqlSelectionSet *s = pending.items[--pending.count];
		int			i;

		for (i = 0; i < s->selections.count; i++)
		{
			GqlNode    *sel = s->selections.items[i];

			if (sel->kind == GQL_FRAGMENT_SPREAD)
				vlist_push(ctx->arena, spreads, sel);
			else if (selection_set_of(sel) != NULL)
				vlist_push(ctx->arena, &pending, (void *) selection_set_of(sel));
		}
	}
	vmap_set_ptr(priv->spreads, set, spreads);
	return spreads;
}

/*
 * Charge the fragment-work budget; abort validation when it is spent.
 */
void
v_spend_fragment_work(VCtx *ctx, int cost)
{
	VPriv	   *priv = ctx->priv;

	priv->fragment_work -= cost;
	if (priv->fragment_work < 0)
		v_abort(ctx);
}

/*
 * qsort order of strings.
 */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/*
 * The distinct spread names directly below the operations, in order, and
 * a key naming the set (sorted names).
 */
static VList *
direct_spread_names(VCtx *ctx, const GqlOperationDefinition *const *ops,
					int nops, VMap *seen, const char **key)
{
	VList	   *names = gql_arena_alloc(ctx->arena, sizeof(VList));
	const char **sorted;
	GqlBuf		buf;
	int			i,
				j;

	for (i = 0; i < nops; i++)
	{
		const VList *spreads = v_fragment_spreads(ctx, ops[i]->selection_set);

		for (j = 0; j < spreads->count; j++)
		{
			const char *name = ((GqlFragmentSpread *) spreads->items[j])->name->value;

			if (vmap_get(seen, name) == NULL)
			{
				vmap_set(seen, name, (void *) name);
				vlist_push(ctx->arena, names, (void *) name);
			}
		}
	}
	sorted = gql_arena_alloc(ctx->arena, sizeof(char *) * (names->count + 1));
	if (names->count > 0)
		memcpy(sorted, names->items, sizeof(char *) * names->count);
	qsort(sorted, names->count, sizeof(char *), cmp_str);
	gql_buf_init(&buf, ctx->arena);
	for (i = 0; i < names->count; i++)
		gql_buf_printf(&buf, "%s,", sorted[i]);
	*key = buf.data;
	return names;
}

/*
 * The fragments the operations reference, directly or through other
 * fragments, in graphql-js's order; cached by the set of direct spreads.
 */
const VList *
v_recursive_fragments(VCtx *ctx, const GqlOperationDefinition *const *ops,
					  int nops)
{
	VPriv	   *priv = ctx->priv;
	VMap	   *seen = vmap_create(ctx->arena);
	const char *key;
	VList	   *names = direct_spread_names(ctx, ops, nops, seen, &key);
	VList	   *frags;
	int			i,
				j;

	if (priv->recursive_fragments == NULL)
		priv->recursive_fragments = vmap_create(ctx->arena);
	frags = vmap_get(priv->recursive_fragments, key);
	if (frags != NULL)
		return frags;
	frags = gql_arena_alloc(ctx->arena, sizeof(VList));
	v_spend_fragment_work(ctx, names->count);
	for (i = 0; i < names->count; i++)
	{
		const GqlFragment *frag = v_fragment(ctx, names->items[i]);
		const VList *spreads;

		if (frag == NULL)
			continue;
		vlist_push(ctx->arena, frags, (void *) frag);
		spreads = v_fragment_spreads(ctx, frag->selection_set);
		v_spend_fragment_work(ctx, spreads->count);
		for (j = 0; j < spreads->count; j++)
		{
			const char *name = ((GqlFragmentSpread *) spreads->items[j])->name->value;

			if (vmap_get(seen, name) == NULL)
			{
				vmap_set(seen, name, (void *) name);
				vlist_push(ctx->arena, names, (void *) name);
			}
		}
	}
	vmap_set(priv->recursive_fragments, key, frags);
	return frags;
}

/*
 * The variable usages directly below an operation or fragment (cached).
 */
static VUsages *
node_usages(VCtx *ctx, const GqlNode *node)
{
	VPriv	   *priv = ctx->priv;
	VUsages    *u;

	if (priv->usages == NULL)
		priv->usages = vmap_create_ptr(ctx->arena);
	u = vmap_get_ptr(priv->usages, node);
	if (u == NULL)
	{
		u = gql_arena_alloc(ctx->arena, sizeof(VUsages));
		v_collect_variable_usages(ctx, node, u);
		vmap_set_ptr(priv->usages, node, u);
	}
	return u;
}

/*
 * Append usages to a list.
 */
static void
usages_append(VCtx *ctx, VUsages *to, const VUsages *from)
{
	if (to->count + from->count > to->cap)
	{
		int			cap = (to->count + from->count) * 2 + 8;
		VVariableUsage *items = gql_arena_alloc(ctx->arena,
												sizeof(VVariableUsage) * cap);

		if (to->count > 0)
			memcpy(items, to->items, sizeof(VVariableUsage) * to->count);
		to->items = items;
		to->cap = cap;
	}
	if (from->count > 0)
		memcpy(to->items + to->count, from->items,
			   sizeof(VVariableUsage) * from->count);
	to->count += from->count;
}

/*
 * The usages in a list of fragments (cached by the list).
 */
static VUsages *
fragment_list_usages(VCtx *ctx, const VList *frags)
{
	VPriv	   *priv = ctx->priv;
	VUsages    *u = vmap_get_ptr(priv->recursive_usages, frags);
	int			i;

	if (u != NULL)
		return u;
	u = gql_arena_alloc(ctx->arena, sizeof(VUsages));
	v_spend_fragment_work(ctx, frags->count);
	for (i = 0; i < frags->count; i++)
	{
		VUsages    *local = node_usages(ctx, frags->items[i]);

		v_spend_fragment_work(ctx, local->count);
		usages_append(ctx, u, local);
	}
	vmap_set_ptr(priv->recursive_usages, frags, u);
	return u;
}

/*
 * The variable usages of an operation and of every fragment it
 * references (graphql-js's getRecursiveVariableUsages).
 */
const VVariableUsage *
v_recursive_variable_usages(VCtx *ctx, const GqlOperationDefinition *op,
							int *n)
{
	VPriv	   *priv = ctx->priv;
	VUsages    *u;

	if (priv->recursive_usages == NULL)
		priv->recursive_usages = vmap_create_ptr(ctx->arena);
	u = vmap_get_ptr(priv->recursive_usages, op);
	if (u == NULL)
	{
		const VList *frags = v_recursive_fragments(ctx, &op, 1);
		VUsages    *fu = fragment_list_usages(ctx, frags);

		v_spend_fragment_work(ctx, fu->count);
		u = gql_arena_alloc(ctx->arena, sizeof(VUsages));
		usages_append(ctx, u, node_usages(ctx, &op->hdr));
		usages_append(ctx, u, fu);
		vmap_set_ptr(priv->recursive_usages, op, u);
	}
	*n = u->count;
	return u->items;
}
