/*-------------------------------------------------------------------------
 *
 * fields_on_correct_type.c
 *	  Field Selections: every field is defined on its parent type.  The
 *	  message suggests types to condition on, else similar field names.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/* A type suggested for an inline fragment, with its usage count */
typedef struct Suggested
{
	GqlSchemaType *type;
	int			usage;
} Suggested;

/*
 * Count a type that defines the field (add it when new).
 */
static void
count_type(Suggested *list, int *n, GqlSchemaType *t)
{
	int			i;

	for (i = 0; i < *n; i++)
	{
		if (list[i].type == t)
		{
			list[i].usage++;
			return;
		}
	}
	list[*n].type = t;
	list[*n].usage = 1;
	(*n)++;
}

/*
 * graphql-js's order of suggested types.
 */
static int
suggested_cmp(const void *pa, const void *pb)
{
	const Suggested *a = pa;
	const Suggested *b = pb;

	if (a->usage != b->usage)
		return b->usage - a->usage;
	if (a->type->kind == GQL_TYPE_INTERFACE && v_is_sub_type(a->type, b->type))
		return -1;
	if (b->type->kind == GQL_TYPE_INTERFACE && v_is_sub_type(b->type, a->type))
		return 1;
	return v_natural_compare(a->type->name, b->type->name);
}

/*
 * The possible types (and their interfaces) that define the field, best
 * first; only for abstract parent types.
 */
static const char **
suggested_types(VCtx *ctx, const GqlSchemaType *parent, const char *field,
				int *n)
{
	Suggested  *list;
	void	  **ptrs;
	const char **names;
	int			cap = 1,
				i,
				j;

	*n = 0;
	if (parent->kind != GQL_TYPE_INTERFACE && parent->kind != GQL_TYPE_UNION)
		return NULL;
	for (i = 0; i < parent->npossible_types; i++)
		cap += 1 + parent->possible_types[i]->ninterfaces;
	list = gql_arena_alloc(ctx->arena, sizeof(Suggested) * cap);
	for (i = 0; i < parent->npossible_types; i++)
	{
		GqlSchemaType *pt = parent->possible_types[i];

		if (gql_type_field(pt, field) == NULL)
			continue;
		count_type(list, n, pt);
		for (j = 0; j < pt->ninterfaces; j++)
		{
			if (gql_type_field(pt->interfaces[j], field) != NULL)
				count_type(list, n, pt->interfaces[j]);
		}
	}
	ptrs = gql_arena_alloc(ctx->arena, sizeof(void *) * (*n + 1));
	for (i = 0; i < *n; i++)
		ptrs[i] = &list[i];
	v_js_sort(ptrs, *n, suggested_cmp);
	names = gql_arena_alloc(ctx->arena, sizeof(char *) * (*n + 1));
	for (i = 0; i < *n; i++)
		names[i] = ((Suggested *) ptrs[i])->type->name;
	return names;
}

/*
 * Similar field names of an object or interface type.
 */
static const char **
suggested_fields(VCtx *ctx, const GqlSchemaType *parent, const char *field,
				 int *n)
{
	const char **names;
	int			i;

	*n = 0;
	if (parent->kind != GQL_TYPE_OBJECT && parent->kind != GQL_TYPE_INTERFACE)
		return NULL;
	names = gql_arena_alloc(ctx->arena, sizeof(char *) * (parent->nfields + 1));
	for (i = 0; i < parent->nfields; i++)
		names[i] = parent->fields[i]->name;
	return v_suggestion_list(ctx, field, names, parent->nfields, n);
}

/*
 * Report a field its parent type does not define.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	GqlSchemaType *parent = ctx->ti.parent_type;
	const char *name;
	const char **sugg;
	int			n;
	GqlBuf		buf;

	if (node->kind != GQL_FIELD || parent == NULL || ctx->ti.field_def != NULL)
		return true;
	name = ((const GqlField *) node)->name->value;
	gql_buf_init(&buf, ctx->arena);
	gql_buf_printf(&buf, "Cannot query field \"%s\" on type \"%s\".", name,
				   parent->name);
	sugg = suggested_types(ctx, parent, name, &n);
	if (n > 0)
		v_did_you_mean(&buf, "to use an inline fragment on", sugg, n);
	else
	{
		sugg = suggested_fields(ctx, parent, name, &n);
		v_did_you_mean(&buf, NULL, sugg, n);
	}
	v_report(ctx, buf.data, node);
	return true;
}

const VRule gql_rule_fields_on_correct_type = {
	"FieldsOnCorrectTypeRule", NULL, enter, NULL
};
