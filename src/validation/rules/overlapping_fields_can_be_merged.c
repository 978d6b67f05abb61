/*-------------------------------------------------------------------------
 *
 * overlapping_fields_can_be_merged.c
 *	  Field Selection Merging: fields with the same response name must be
 *	  the same field with the same arguments (unless their parents can
 *	  never be the same object), and must have compatible types and
 *	  mergeable sub-selections.
 *
 * As graphql-js: the fields of a selection set are collected once per
 * (parent type, selection set); fragment pairs already compared, and
 * fragments already compared with a set of fields, are remembered; the
 * work is metered by a complexity budget past which validation aborts.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DETAIL_LENGTH	1000
#define MAX_CONFLICT_NODES	20
#define COMPLEXITY_BUDGET	500000
#define MAX_RECURSION		2000

/* A field as collected: its parent type, node and definition */
typedef struct FieldDetail
{
	GqlSchemaType *parent_type;
	const GqlField *node;
	const GqlFieldDef *def;
	bool		simple_leaf;
	VMap	   *comparisons;	/* FieldDetail -> reason ("" for none) */
} FieldDetail;

/* The fields of one response name */
typedef struct Group
{
	const char *response_name;
	VList		fields;			/* FieldDetail */
} Group;

/* What collectFields gives for a (parent type, selection set) */
typedef struct Collected
{
	VList		groups;			/* Group, in order */
	VMap	   *by_name;		/* response name -> Group */
	VList		fragment_names;
	VMap	   *compared;		/* fragment name -> 1 (not exclusive) / 2 */
	GqlSchemaType *parent_type;
} Collected;

/* One conflict */
typedef struct Conflict
{
	const char *response_name;
	const char *reason;
	VList		fields1;
	VList		fields2;
} Conflict;

typedef struct State
{
	VMap	   *collected;		/* selection set -> VList of Collected */
	VMap	   *pairs;			/* "a\1b" -> 1 (not exclusive) / 2 */
	long		budget;
	int			depth;
} State;

static void collect_between(VCtx *ctx, State *st, VList *conflicts,
							bool exclusive, Collected *c1, Collected *c2);
static void between_fields_and_fragment(VCtx *ctx, State *st, VList *conflicts,
										bool exclusive, Collected *c,
										const char *fragment);
static void between_fragments(VCtx *ctx, State *st, VList *conflicts,
							  bool exclusive, const char *f1, const char *f2);

/*
 * Fresh caches.
 */
static void *
create(VCtx *ctx)
{
	State	   *st = gql_arena_alloc(ctx->arena, sizeof(State));

	st->collected = vmap_create_ptr(ctx->arena);
	st->pairs = vmap_create(ctx->arena);
	st->budget = COMPLEXITY_BUDGET;
	return st;
}

/*
 * Charge the complexity budget.
 */
static void
spend(VCtx *ctx, State *st, int cost)
{
	st->budget -= cost;
	if (st->budget < 0)
		v_abort(ctx);
}

/*
 * Enter a recursive step (bounded).
 */
static void
deeper(VCtx *ctx, State *st)
{
	if (++st->depth > MAX_RECURSION)
		v_abort(ctx);
}

/*
 * Text cut to graphql-js's detail length.
 */
static const char *
abbreviate(VCtx *ctx, const char *text)
{
	if (strlen(text) <= MAX_DETAIL_LENGTH)
		return text;
	return v_msg(ctx, "%.*s...", MAX_DETAIL_LENGTH, text);
}

/* ------------------------------------------------------------------------
 * Collecting fields
 * ------------------------------------------------------------------------
 */

/*
 * Add a field to the collection.
 */
static void
add_field(VCtx *ctx, Collected *c, GqlSchemaType *parent, const GqlField *f)
{
	const char *key = f->alias != NULL ? f->alias->value : f->name->value;
	Group	   *g = vmap_get(c->by_name, key);
	FieldDetail *d = gql_arena_alloc(ctx->arena, sizeof(FieldDetail));

	if (g == NULL)
	{
		g = gql_arena_alloc(ctx->arena, sizeof(Group));
		g->response_name = key;
		vmap_set(c->by_name, key, g);
		vlist_push(ctx->arena, &c->groups, g);
	}
	d->parent_type = parent;
	d->node = f;
	if (parent != NULL && (parent->kind == GQL_TYPE_OBJECT ||
						   parent->kind == GQL_TYPE_INTERFACE))
		d->def = gql_type_field(parent, f->name->value);
	d->simple_leaf = f->arguments.count == 0 && f->selection_set == NULL;
	vlist_push(ctx->arena, &g->fields, d);
}

/*
 * collectFieldsImpl: fields, inline fragments flattened, spread names.
 */
static void
collect_impl(VCtx *ctx, Collected *c, VMap *names, GqlSchemaType *parent,
			 const GqlSelectionSet *set)
{
	int			i;

	for (i = 0; i < set->selections.count; i++)
	{
		const GqlNode *sel = set->selections.items[i];

		if (sel->kind == GQL_FIELD)
			add_field(ctx, c, parent, (const GqlField *) sel);
		else if (sel->kind == GQL_FRAGMENT_SPREAD)
		{
			const char *name = ((const GqlFragmentSpread *) sel)->name->value;

			if (vmap_get(names, name) == NULL)
			{
				vmap_set(names, name, (void *) name);
				vlist_push(ctx->arena, &c->fragment_names, (void *) name);
			}
		}
		else
		{
			const GqlFragment *inl = (const GqlFragment *) sel;
			GqlSchemaType *t = inl->type_condition != NULL ?
				v_named_type(v_type_from_ast(ctx, inl->type_condition)) : parent;

			collect_impl(ctx, c, names, t, inl->selection_set);
		}
	}
}

/*
 * collectFields, cached by (parent type, selection set).
 */
static Collected *
collect(VCtx *ctx, State *st, GqlSchemaType *parent, const GqlSelectionSet *set)
{
	VList	   *list = vmap_get_ptr(st->collected, set);
	Collected  *c;
	int			i;

	if (list == NULL)
	{
		list = gql_arena_alloc(ctx->arena, sizeof(VList));
		vmap_set_ptr(st->collected, set, list);
	}
	for (i = 0; i < list->count; i++)
	{
		c = list->items[i];
		if (c->parent_type == parent)
			return c;
	}
	c = gql_arena_alloc(ctx->arena, sizeof(Collected));
	c->by_name = vmap_create(ctx->arena);
	c->compared = vmap_create(ctx->arena);
	c->parent_type = parent;
	collect_impl(ctx, c, vmap_create(ctx->arena), parent, set);
	vlist_push(ctx->arena, list, c);
	return c;
}

/*
 * The fields of a named fragment.
 */
static Collected *
collect_fragment(VCtx *ctx, State *st, const GqlFragment *frag)
{
	return collect(ctx, st,
				   v_named_type(v_type_from_ast(ctx, frag->type_condition)),
				   frag->selection_set);
}

/* ------------------------------------------------------------------------
 * Comparing two fields
 * ------------------------------------------------------------------------
 */

/*
 * Append a value as a comparable string (graphql-js's stringifyValue:
 * object fields sorted by name, block strings distinct).
 */
static void
value_key(GqlBuf *buf, const GqlValue *v);

/*
 * qsort order of object fields by name (stable by position).
 */
static int
field_cmp(const void *a, const void *b)
{
	const GqlArgument *fa = *(const GqlArgument *const *) a;
	const GqlArgument *fb = *(const GqlArgument *const *) b;
	int			c = strcmp(fa->name->value, fb->name->value);

	if (c != 0)
		return c;
	return fa->hdr.loc.start < fb->hdr.loc.start ? -1 :
		(fa->hdr.loc.start > fb->hdr.loc.start ? 1 : 0);
}

/*
 * The fields of an object value, sorted by name.
 */
static void
object_key(GqlBuf *buf, const GqlValue *v)
{
	const GqlArgument **fields;
	int			i;

	fields = gql_arena_alloc(buf->arena, sizeof(void *) * (v->items.count + 1));
	for (i = 0; i < v->items.count; i++)
		fields[i] = (const GqlArgument *) v->items.items[i];
	qsort(fields, v->items.count, sizeof(void *), field_cmp);
	gql_buf_append_str(buf, "{");
	for (i = 0; i < v->items.count; i++)
	{
		gql_buf_printf(buf, "%zu:%s=", strlen(fields[i]->name->value),
					   fields[i]->name->value);
		value_key(buf, fields[i]->value);
	}
	gql_buf_append_str(buf, "}");
}

static void
value_key(GqlBuf *buf, const GqlValue *v)
{
	int			i;

	gql_buf_printf(buf, "%d(", (int) v->hdr.kind);
	switch (v->hdr.kind)
	{
		case GQL_VARIABLE:
			gql_buf_append_str(buf, v->name->value);
			break;
		case GQL_OBJECT_VALUE:
			object_key(buf, v);
			break;
		case GQL_LIST_VALUE:
			for (i = 0; i < v->items.count; i++)
				value_key(buf, (const GqlValue *) v->items.items[i]);
			break;
		case GQL_BOOLEAN_VALUE:
			gql_buf_append_str(buf, v->boolean ? "true" : "false");
			break;
		case GQL_NULL_VALUE:
			break;
		default:
			gql_buf_printf(buf, "%d:%zu:", v->block ? 1 : 0, v->len);
			gql_buf_append(buf, v->value, v->len);
			break;
	}
	gql_buf_append_char(buf, ')');
}

/*
 * The value of an argument by name, as a key (NULL if absent; the last
 * one of that name, as graphql-js's Map keeps it).
 */
static const char *
arg_value_key(VCtx *ctx, const GqlList *args, const char *name)
{
	int			i;

	for (i = args->count - 1; i >= 0; i--)
	{
		const GqlArgument *a = (const GqlArgument *) args->items[i];

		if (strcmp(a->name->value, name) == 0)
		{
			GqlBuf		buf;

			gql_buf_init(&buf, ctx->arena);
			value_key(&buf, a->value);
			return buf.data;
		}
	}
	return NULL;
}

/*
 * graphql-js's sameArguments.
 */
static bool
same_arguments(VCtx *ctx, State *st, FieldDetail *d1, FieldDetail *d2)
{
	const GqlList *a1 = &d1->node->arguments;
	const GqlList *a2 = &d2->node->arguments;
	int			i;

	if (a1->count == 0)
		return a2->count == 0;
	if (a1->count != a2->count)
		return false;
	for (i = 0; i < a1->count; i++)
	{
		const GqlArgument *arg = (const GqlArgument *) a1->items[i];
		const char *k2;
		GqlBuf		buf;

		spend(ctx, st, 1);
		k2 = arg_value_key(ctx, a2, arg->name->value);
		if (k2 == NULL)
			return false;
		gql_buf_init(&buf, ctx->arena);
		value_key(&buf, arg->value);
		if (strcmp(buf.data, k2) != 0)
			return false;
	}
	return true;
}

/*
 * graphql-js's doTypesConflict.
 */
static bool
types_conflict(VCtx *ctx, State *st, const GqlTypeRef *t1, const GqlTypeRef *t2)
{
	if (t1 == t2)
		return false;
	spend(ctx, st, 1);
	if (t1->kind == GQL_REF_LIST)
		return t2->kind == GQL_REF_LIST ?
			types_conflict(ctx, st, t1->of_type, t2->of_type) : true;
	if (t2->kind == GQL_REF_LIST)
		return true;
	if (t1->kind == GQL_REF_NON_NULL)
		return t2->kind == GQL_REF_NON_NULL ?
			types_conflict(ctx, st, t1->of_type, t2->of_type) : true;
	if (t2->kind == GQL_REF_NON_NULL)
		return true;
	if (t1->named->kind == GQL_TYPE_SCALAR || t1->named->kind == GQL_TYPE_ENUM ||
		t2->named->kind == GQL_TYPE_SCALAR || t2->named->kind == GQL_TYPE_ENUM)
		return t1->named != t2->named;
	return false;
}

/*
 * A conflict between two single fields.
 */
static Conflict *
new_conflict(VCtx *ctx, const char *name, const char *reason,
			 const GqlField *n1, const GqlField *n2)
{
	Conflict   *c = gql_arena_alloc(ctx->arena, sizeof(Conflict));

	c->response_name = name;
	c->reason = reason;
	vlist_push(ctx->arena, &c->fields1, (void *) n1);
	vlist_push(ctx->arena, &c->fields2, (void *) n2);
	return c;
}

/*
 * The reason two fields of overlapping parents cannot merge, or NULL
 * (cached per pair).
 */
static const char *
name_or_args_reason(VCtx *ctx, State *st, FieldDetail *d1, FieldDetail *d2)
{
	const char *reason;
	const char *n1 = d1->node->name->value;
	const char *n2 = d2->node->name->value;

	if (d1->comparisons == NULL)
		d1->comparisons = vmap_create_ptr(ctx->arena);
	reason = vmap_get_ptr(d1->comparisons, d2);
	if (reason == NULL)
	{
		if (strcmp(n1, n2) != 0)
			reason = v_msg(ctx, "\"%s\" and \"%s\" are different fields",
						   abbreviate(ctx, n1), abbreviate(ctx, n2));
		else
			reason = same_arguments(ctx, st, d1, d2) ? "" :
				"they have differing arguments";
		vmap_set_ptr(d1->comparisons, d2, (void *) reason);
	}
	return reason[0] != '\0' ? reason : NULL;
}

/*
 * The nodes of a sub-field conflict on one side (at most twenty).
 */
static void
conflict_nodes(VCtx *ctx, VList *out, const GqlField *node,
			   const VList *conflicts, bool first)
{
	int			i,
				j;

	vlist_push(ctx->arena, out, (void *) node);
	for (i = 0; i < conflicts->count; i++)
	{
		const Conflict *c = conflicts->items[i];
		const VList *side = first ? &c->fields1 : &c->fields2;
		int			remaining = MAX_CONFLICT_NODES - out->count;
		int			from = side->count > remaining ? side->count - remaining : 0;

		for (j = from; j < side->count; j++)
			vlist_push(ctx->arena, out, side->items[j]);
		if (out->count == MAX_CONFLICT_NODES)
			break;
	}
}

/*
 * graphql-js's subfieldConflicts: one conflict summing up the others.
 */
static Conflict *
subfield_conflicts(VCtx *ctx, const VList *conflicts, const char *name,
				   const GqlField *n1, const GqlField *n2)
{
	Conflict   *c;
	GqlBuf		msg;
	int			i;

	if (conflicts->count == 0)
		return NULL;
	gql_buf_init(&msg, ctx->arena);
	for (i = 0; i < conflicts->count; i++)
	{
		const Conflict *sub = conflicts->items[i];

		gql_buf_printf(&msg, "%ssubfields \"%s\" conflict because %s",
					   msg.len == 0 ? "" : " and ",
					   abbreviate(ctx, sub->response_name), sub->reason);
		if (msg.len > MAX_DETAIL_LENGTH)
			break;
	}
	c = gql_arena_alloc(ctx->arena, sizeof(Conflict));
	c->response_name = name;
	c->reason = abbreviate(ctx, msg.data);
	conflict_nodes(ctx, &c->fields1, n1, conflicts, true);
	conflict_nodes(ctx, &c->fields2, n2, conflicts, false);
	return c;
}

/*
 * graphql-js's findConflictsBetweenSubSelectionSets.
 */
static void
between_sub_selections(VCtx *ctx, State *st, VList *conflicts, bool exclusive,
					   GqlSchemaType *p1, const GqlSelectionSet *s1,
					   GqlSchemaType *p2, const GqlSelectionSet *s2)
{
	Collected  *c1 = collect(ctx, st, p1, s1);
	Collected  *c2 = collect(ctx, st, p2, s2);
	int			i,
				j;

	collect_between(ctx, st, conflicts, exclusive, c1, c2);
	for (i = 0; i < c2->fragment_names.count; i++)
		between_fields_and_fragment(ctx, st, conflicts, exclusive, c1,
									c2->fragment_names.items[i]);
	for (i = 0; i < c1->fragment_names.count; i++)
		between_fields_and_fragment(ctx, st, conflicts, exclusive, c2,
									c1->fragment_names.items[i]);
	for (i = 0; i < c1->fragment_names.count; i++)
	{
		for (j = 0; j < c2->fragment_names.count; j++)
			between_fragments(ctx, st, conflicts, exclusive,
							  c1->fragment_names.items[i],
							  c2->fragment_names.items[j]);
	}
}

/*
 * graphql-js's findConflict: the conflict between two fields, or NULL.
 */
static Conflict *
find_conflict(VCtx *ctx, State *st, bool parents_exclusive, const char *name,
			  FieldDetail *d1, FieldDetail *d2)
{
	bool		exclusive = parents_exclusive ||
		(d1->parent_type != d2->parent_type &&
		 d1->parent_type != NULL && d1->parent_type->kind == GQL_TYPE_OBJECT &&
		 d2->parent_type != NULL && d2->parent_type->kind == GQL_TYPE_OBJECT);
	const GqlTypeRef *t1 = d1->def != NULL ? d1->def->type : NULL;
	const GqlTypeRef *t2 = d2->def != NULL ? d2->def->type : NULL;
	const char *reason;
	VList		sub = {0};

	spend(ctx, st, 2);
	if (d1->simple_leaf && d2->simple_leaf && t1 == t2 &&
		strcmp(d1->node->name->value, d2->node->name->value) == 0)
		return NULL;
	if (!exclusive && (reason = name_or_args_reason(ctx, st, d1, d2)) != NULL)
		return new_conflict(ctx, name, reason, d1->node, d2->node);
	if (t1 != NULL && t2 != NULL && types_conflict(ctx, st, t1, t2))
		return new_conflict(ctx, name,
							v_msg(ctx, "they return conflicting types \"%s\" and \"%s\"",
								  v_type_str(ctx, t1), v_type_str(ctx, t2)),
							d1->node, d2->node);
	if (d1->node->selection_set == NULL || d2->node->selection_set == NULL)
		return NULL;
	deeper(ctx, st);
	between_sub_selections(ctx, st, &sub, exclusive, v_named_type(t1),
						   d1->node->selection_set, v_named_type(t2),
						   d2->node->selection_set);
	st->depth--;
	return subfield_conflicts(ctx, &sub, name, d1->node, d2->node);
}

/* ------------------------------------------------------------------------
 * Comparing collections
 * ------------------------------------------------------------------------
 */

/*
 * Conflicts within one collection (fields of the same response name).
 */
static void
collect_within(VCtx *ctx, State *st, VList *conflicts, const Collected *c)
{
	int			g,
				i,
				j;

	for (g = 0; g < c->groups.count; g++)
	{
		const Group *grp = c->groups.items[g];

		for (i = 0; i < grp->fields.count; i++)
		{
			for (j = i + 1; j < grp->fields.count; j++)
			{
				Conflict   *cf = find_conflict(ctx, st, false, grp->response_name,
											   grp->fields.items[i],
											   grp->fields.items[j]);

				if (cf != NULL)
					vlist_push(ctx->arena, conflicts, cf);
			}
		}
	}
}

/*
 * Conflicts between two collections (same response names).
 */
static void
collect_between(VCtx *ctx, State *st, VList *conflicts, bool exclusive,
				Collected *c1, Collected *c2)
{
	int			g,
				i,
				j;

	if (c1->groups.count == 0 || c2->groups.count == 0)
		return;
	for (g = 0; g < c1->groups.count; g++)
	{
		const Group *g1 = c1->groups.items[g];
		const Group *g2;

		spend(ctx, st, 1);
		g2 = vmap_get(c2->by_name, g1->response_name);
		if (g2 == NULL)
			continue;
		for (i = 0; i < g1->fields.count; i++)
		{
			for (j = 0; j < g2->fields.count; j++)
			{
				Conflict   *cf = find_conflict(ctx, st, exclusive, g1->response_name,
											   g1->fields.items[i],
											   g2->fields.items[j]);

				if (cf != NULL)
					vlist_push(ctx->arena, conflicts, cf);
			}
		}
	}
}

/*
 * Conflicts between a collection and a fragment (and the fragments it
 * spreads), each compared once per exclusivity.
 */
static void
between_fields_and_fragment(VCtx *ctx, State *st, VList *conflicts,
							bool exclusive, Collected *c, const char *fragment)
{
	intptr_t	compared;
	const GqlFragment *frag;
	Collected  *c2;
	int			i;

	spend(ctx, st, 1);
	if (c->groups.count == 0)
		return;
	compared = (intptr_t) vmap_get(c->compared, fragment);
	if (compared == 1 || (exclusive && compared == 2))
		return;
	vmap_set(c->compared, fragment, (void *) (intptr_t) (exclusive ? 2 : 1));
	frag = v_fragment(ctx, fragment);
	if (frag == NULL)
		return;
	c2 = collect_fragment(ctx, st, frag);
	if (c2 == c)
		return;
	deeper(ctx, st);
	collect_between(ctx, st, conflicts, exclusive, c, c2);
	for (i = 0; i < c2->fragment_names.count; i++)
		between_fields_and_fragment(ctx, st, conflicts, exclusive, c,
									c2->fragment_names.items[i]);
	st->depth--;
}

/*
 * Has the pair of fragments been compared (graphql-js's PairSet)?
 */
static bool
pair_seen(VCtx *ctx, State *st, const char *a, const char *b, bool exclusive)
{
	intptr_t	r1 = (intptr_t) vmap_get(st->pairs, v_msg(ctx, "%s\1%s", a, b));
	intptr_t	r2 = (intptr_t) vmap_get(st->pairs, v_msg(ctx, "%s\1%s", b, a));

	if (exclusive)
		return r1 != 0 || r2 != 0;
	return r1 == 1 || r2 == 1;
}

/*
 * Conflicts between two fragments and the fragments they spread.
 */
static void
between_fragments(VCtx *ctx, State *st, VList *conflicts, bool exclusive,
				  const char *f1, const char *f2)
{
	const GqlFragment *frag1;
	const GqlFragment *frag2;
	Collected  *c1;
	Collected  *c2;
	int			i;

	spend(ctx, st, 2);
	if (strcmp(f1, f2) == 0 || pair_seen(ctx, st, f1, f2, exclusive))
		return;
	vmap_set(st->pairs, v_msg(ctx, "%s\1%s", f1, f2),
			 (void *) (intptr_t) (exclusive ? 2 : 1));
	frag1 = v_fragment(ctx, f1);
	frag2 = v_fragment(ctx, f2);
	if (frag1 == NULL || frag2 == NULL)
		return;
	c1 = collect_fragment(ctx, st, frag1);
	c2 = collect_fragment(ctx, st, frag2);
	deeper(ctx, st);
	collect_between(ctx, st, conflicts, exclusive, c1, c2);
	for (i = 0; i < c2->fragment_names.count; i++)
		between_fragments(ctx, st, conflicts, exclusive, f1,
						  c2->fragment_names.items[i]);
	for (i = 0; i < c1->fragment_names.count; i++)
		between_fragments(ctx, st, conflicts, exclusive,
						  c1->fragment_names.items[i], f2);
	st->depth--;
}

/*
 * graphql-js's findConflictsWithinSelectionSet.
 */
static void
within_selection_set(VCtx *ctx, State *st, VList *conflicts,
					 GqlSchemaType *parent, const GqlSelectionSet *set)
{
	Collected  *c = collect(ctx, st, parent, set);
	int			n = c->fragment_names.count;
	int			i,
				j;

	collect_within(ctx, st, conflicts, c);
	if (n == 0 || (c->groups.count == 0 && n <= 1))
		return;
	for (i = 0; i < n; i++)
	{
		between_fields_and_fragment(ctx, st, conflicts, false, c,
									c->fragment_names.items[i]);
		for (j = i + 1; j < n; j++)
			between_fragments(ctx, st, conflicts, false,
							  c->fragment_names.items[i],
							  c->fragment_names.items[j]);
	}
}

/*
 * Check a selection set (not one of an inline fragment; not a single
 * selection that is not an inline fragment).
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlSelectionSet *set = (const GqlSelectionSet *) node;
	const GqlNode *parent = v_ancestor(ctx, 1);
	VList		conflicts = {0};
	int			i;

	if (node->kind != GQL_SELECTION_SET ||
		(parent != NULL && parent->kind == GQL_INLINE_FRAGMENT))
		return true;
	if (set->selections.count <= 1 &&
		(set->selections.count == 0 ||
		 set->selections.items[0]->kind != GQL_INLINE_FRAGMENT))
		return true;
	within_selection_set(ctx, state, &conflicts, ctx->ti.parent_type, set);
	for (i = 0; i < conflicts.count; i++)
	{
		const Conflict *c = conflicts.items[i];
		VList		nodes = {0};
		int			j;

		for (j = 0; j < c->fields1.count; j++)
			vlist_push(ctx->arena, &nodes, c->fields1.items[j]);
		for (j = 0; j < c->fields2.count; j++)
			vlist_push(ctx->arena, &nodes, c->fields2.items[j]);
		v_report_nodes(ctx, v_msg(ctx, "Fields \"%s\" conflict because %s. Use different aliases on the fields to fetch both if this was intentional.",
								  abbreviate(ctx, c->response_name), c->reason),
					   (const GqlNode *const *) nodes.items, nodes.count);
	}
	return true;
}

const VRule gql_rule_overlapping_fields_can_be_merged = {
	"OverlappingFieldsCanBeMergedRule", create, enter, NULL
};
