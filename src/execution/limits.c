/*-------------------------------------------------------------------------
 *
 * limits.c
 *	  Depth and complexity of an operation, computed before it runs.
 *
 * The operation's fields are collected as execution would (fragments,
 * @skip/@include with the request's variables).  Depth: the deepest
 * nesting of fields, top-level fields being depth 1.  Complexity: every
 * field costs 1; a field whose type is a list multiplies the cost of its
 * subtree by its `limit` argument, or by the row cap when it has none;
 * an abstract type's subtree costs as its costliest possible type.  The
 * walk stops as soon as a limit is exceeded, and the count saturates, so
 * hostile documents cost little (validation already refused fragment
 * cycles, and the parser bounds the nesting).
 *
 *-------------------------------------------------------------------------
 */
#include "execution.h"

#include <stdlib.h>
#include <string.h>

typedef struct LimitWalk
{
	const GqlExecContext *ctx;
	const GqlLimits *limits;
	GqlLimitResult *result;
} LimitWalk;

#define COST_CAP 1000000000000000LL	/* saturation: 10^15 */

static long long
saturating_add(long long a, long long b)
{
	return a > COST_CAP - b ? COST_CAP : a + b;
}

static long long
saturating_mul(long long a, long long b)
{
	if (a == 0 || b == 0)
		return 0;
	return a > COST_CAP / b ? COST_CAP : a * b;
}

/* The multiplier of a list field: its limit argument, else the row cap */
static long long
list_multiplier(LimitWalk *w, const GqlCollectedField *f)
{
	int			i;

	for (i = 0; i < f->def->nargs; i++)
		if (strcmp(f->def->args[i]->name, "limit") == 0)
		{
			const GqlValue *v = gql_argument_value(w->ctx, &f->fields[0]->arguments,
												   f->def->args[i]);

			if (v != NULL && v->hdr.kind == GQL_INT_VALUE)
			{
				long long	n = strtoll(v->value, NULL, 10);

				return n < 0 ? 0 : n;
			}
		}
	return w->limits->row_cap > 0 ? w->limits->row_cap : 1;
}

static long long selection_cost(LimitWalk *w, const GqlSchemaType *type,
								const GqlSelectionSet *const *sets, int nsets,
								int depth);

/* The cost of the subtree of a composite field, for its type */
static long long
subtree_cost(LimitWalk *w, const GqlCollectedField *f,
			 const GqlSchemaType *type, int depth)
{
	const GqlSelectionSet **sets;
	int			nsets = gql_field_selection_sets(w->ctx, f, &sets);
	long long	best = 0;
	int			i;

	if (type->kind == GQL_TYPE_OBJECT)
		return selection_cost(w, type, (const GqlSelectionSet *const *) sets,
							  nsets, depth);
	for (i = 0; i < type->npossible_types && !w->result->exceeded; i++)
	{
		long long	c = selection_cost(w, type->possible_types[i],
									   (const GqlSelectionSet *const *) sets,
									   nsets, depth);

		best = c > best ? c : best;
	}
	return best;
}

static long long
selection_cost(LimitWalk *w, const GqlSchemaType *type,
			   const GqlSelectionSet *const *sets, int nsets, int depth)
{
	GqlCollectedField *fields;
	int			n;
	int			i;
	long long	sum = 0;

	if (depth > w->result->depth)
		w->result->depth = depth;
	if (w->limits->max_depth > 0 && depth > w->limits->max_depth)
	{
		w->result->exceeded = GQL_LIMIT_DEPTH;
		return 0;
	}
	n = gql_collect_fields(w->ctx, type, sets, nsets, &fields);
	for (i = 0; i < n && !w->result->exceeded; i++)
	{
		const GqlCollectedField *f = &fields[i];
		const GqlTypeRef *ref;
		bool		is_list = false;
		long long	cost = 0;

		if (f->def == NULL || strncmp(f->def->name, "__", 2) == 0)
		{
			sum = saturating_add(sum, 1);
			continue;
		}
		for (ref = f->def->type; ref->kind != GQL_REF_NAMED; ref = ref->of_type)
			is_list |= ref->kind == GQL_REF_LIST;
		if (ref->named->kind == GQL_TYPE_OBJECT ||
			ref->named->kind == GQL_TYPE_INTERFACE ||
			ref->named->kind == GQL_TYPE_UNION)
			cost = subtree_cost(w, f, ref->named, depth + 1);
		if (is_list)
			cost = saturating_mul(cost, list_multiplier(w, f));
		sum = saturating_add(sum, saturating_add(cost, 1));
	}
	return sum;
}

bool
gql_check_limits(const GqlExecContext *ctx, const GqlLimits *limits,
				 GqlLimitResult *result)
{
	LimitWalk	w = {ctx, limits, result};
	const GqlSchemaType *root;
	const GqlSelectionSet *set = ctx->operation->selection_set;

	memset(result, 0, sizeof(*result));
	root = ctx->operation->operation == GQL_OP_MUTATION ?
		ctx->schema->mutation_type : ctx->schema->query_type;
	if (root == NULL || set == NULL)
		return true;
	result->complexity = selection_cost(&w, root, &set, 1, 1);
	if (!result->exceeded && limits->max_complexity > 0 &&
		result->complexity > limits->max_complexity)
		result->exceeded = GQL_LIMIT_COMPLEXITY;
	return !result->exceeded;
}
