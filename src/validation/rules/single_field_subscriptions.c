/*-------------------------------------------------------------------------
 *
 * single_field_subscriptions.c
 *	  Single Root Field: a subscription selects exactly one top-level
 *	  field, not an introspection field.  Fields are collected as
 *	  execution collects them (@skip / @include with literal arguments,
 *	  fragments whose type condition matches the subscription type).
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

#include <string.h>

/* The fields collected, grouped by response name in order */
typedef struct Collect
{
	VMap	   *groups;			/* response name -> VList of Field nodes */
	VList		order;			/* response names */
	VMap	   *visited;		/* fragment names */
	GqlSchemaType *root;
	int			depth;			/* nesting of fragments being collected */
} Collect;

/* Deeper nesting of fragments than this aborts validation */
#define MAX_FRAGMENT_DEPTH 2000

/*
 * The literal boolean "if" argument of a @skip / @include directive:
 * 1 true, 0 false, -1 absent or not a literal.
 */
static int
directive_if(const GqlList *dirs, const char *name)
{
	int			i,
				j;

	for (i = 0; i < dirs->count; i++)
	{
		const GqlDirective *d = (const GqlDirective *) dirs->items[i];

		if (strcmp(d->name->value, name) != 0)
			continue;
		for (j = 0; j < d->arguments.count; j++)
		{
			const GqlArgument *a = (const GqlArgument *) d->arguments.items[j];

			if (strcmp(a->name->value, "if") == 0 &&
				a->value->hdr.kind == GQL_BOOLEAN_VALUE)
				return a->value->boolean ? 1 : 0;
		}
		return -1;
	}
	return -1;
}

/*
 * Execution's shouldIncludeNode with no variable values.
 */
static bool
should_include(const GqlList *dirs)
{
	return directive_if(dirs, "skip") != 1 && directive_if(dirs, "include") != 0;
}

/*
 * Execution's doesFragmentConditionMatch.
 */
static bool
condition_matches(VCtx *ctx, const GqlType *condition, GqlSchemaType *type)
{
	GqlSchemaType *t;

	if (condition == NULL)
		return true;
	t = v_named_type(v_type_from_ast(ctx, condition));
	if (t == type)
		return true;
	return v_is_sub_type(t, type);
}

/*
 * Charge the selection set to the fragment-work budget as graphql-js does.
 */
static void
spend_selection_set(VCtx *ctx, const GqlSelectionSet *set)
{
	int			i,
				j;

	v_spend_fragment_work(ctx, set->selections.count);
	for (i = 0; i < set->selections.count; i++)
	{
		const GqlNode *sel = set->selections.items[i];
		const GqlList *dirs;

		if (sel->kind == GQL_FIELD)
			dirs = &((const GqlField *) sel)->directives;
		else if (sel->kind == GQL_FRAGMENT_SPREAD)
			dirs = &((const GqlFragmentSpread *) sel)->directives;
		else
			dirs = &((const GqlFragment *) sel)->directives;
		v_spend_fragment_work(ctx, dirs->count);
		for (j = 0; j < dirs->count; j++)
		{
			const GqlDirective *d = (const GqlDirective *) dirs->items[j];

			if (strcmp(d->name->value, "skip") == 0 ||
				strcmp(d->name->value, "include") == 0)
				v_spend_fragment_work(ctx, d->arguments.count);
		}
	}
}

static void collect(VCtx *ctx, Collect *c, const GqlSelectionSet *set);

/*
 * Add a field to its response name's group.
 */
static void
add_field(VCtx *ctx, Collect *c, const GqlField *f)
{
	const char *key = f->alias != NULL ? f->alias->value : f->name->value;
	VList	   *group = vmap_get(c->groups, key);

	if (group == NULL)
	{
		group = gql_arena_alloc(ctx->arena, sizeof(VList));
		vmap_set(c->groups, key, group);
		vlist_push(ctx->arena, &c->order, (void *) key);
	}
	vlist_push(ctx->arena, group, (void *) f);
}

/*
 * Collect through a fragment spread.
 */
static void
collect_spread(VCtx *ctx, Collect *c, const GqlFragmentSpread *spread)
{
	const char *name = spread->name->value;
	const GqlFragment *frag;

	if (vmap_get(c->visited, name) != NULL || !should_include(&spread->directives))
		return;
	vmap_set(c->visited, name, c);
	frag = v_fragment(ctx, name);
	if (frag == NULL || !condition_matches(ctx, frag->type_condition, c->root))
		return;
	if (++c->depth > MAX_FRAGMENT_DEPTH)
		v_abort(ctx);
	collect(ctx, c, frag->selection_set);
	c->depth--;
}

/*
 * Execution's collectFields over a selection set.
 */
static void
collect(VCtx *ctx, Collect *c, const GqlSelectionSet *set)
{
	int			i;

	spend_selection_set(ctx, set);
	for (i = 0; i < set->selections.count; i++)
	{
		const GqlNode *sel = set->selections.items[i];

		if (sel->kind == GQL_FIELD)
		{
			if (should_include(&((const GqlField *) sel)->directives))
				add_field(ctx, c, (const GqlField *) sel);
		}
		else if (sel->kind == GQL_INLINE_FRAGMENT)
		{
			const GqlFragment *inl = (const GqlFragment *) sel;

			if (should_include(&inl->directives) &&
				condition_matches(ctx, inl->type_condition, c->root))
				collect(ctx, c, inl->selection_set);
		}
		else
			collect_spread(ctx, c, (const GqlFragmentSpread *) sel);
	}
}

/*
 * Report extra fields and introspection fields.
 */
static void
report(VCtx *ctx, const GqlOperationDefinition *op, Collect *c)
{
	const char *who = op->name != NULL ?
		v_msg(ctx, "Subscription \"%s\"", op->name->value) : "Anonymous Subscription";
	VList		extra = {0};
	int			i,
				j;

	for (i = 1; i < c->order.count; i++)
	{
		const VList *group = vmap_get(c->groups, c->order.items[i]);

		for (j = 0; j < group->count; j++)
			vlist_push(ctx->arena, &extra, group->items[j]);
	}
	if (c->order.count > 1)
		v_report_nodes(ctx, v_msg(ctx, "%s must select only one top level field.", who),
					   (const GqlNode *const *) extra.items, extra.count);
	for (i = 0; i < c->order.count; i++)
	{
		const VList *group = vmap_get(c->groups, c->order.items[i]);
		const GqlField *first = group->items[0];

		if (strncmp(first->name->value, "__", 2) == 0)
			v_report_nodes(ctx, v_msg(ctx, "%s must not select an introspection top level field.", who),
						   (const GqlNode *const *) group->items, group->count);
	}
}

/*
 * Check subscription operations.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlOperationDefinition *op = (const GqlOperationDefinition *) node;
	bool	   *charged = state;
	Collect		c;

	if (node->kind != GQL_OPERATION_DEFINITION ||
		op->operation != GQL_OP_SUBSCRIPTION ||
		ctx->schema->subscription_type == NULL)
		return true;
	if (!*charged)
	{
		v_spend_fragment_work(ctx, ctx->document->definitions.count);
		*charged = true;
	}
	memset(&c, 0, sizeof(c));
	c.groups = vmap_create(ctx->arena);
	c.visited = vmap_create(ctx->arena);
	c.root = ctx->schema->subscription_type;
	collect(ctx, &c, op->selection_set);
	report(ctx, op, &c);
	return true;
}

/*
 * Whether the document's definitions were charged to the budget.
 */
static void *
create(VCtx *ctx)
{
	return gql_arena_alloc(ctx->arena, sizeof(bool));
}

const VRule gql_rule_single_field_subscriptions = {
	"SingleFieldSubscriptionsRule", create, enter, NULL
};
