/*-------------------------------------------------------------------------
 *
 * build_types.c
 *	  Emission for the Hasura (v2) dialect: the types build.c planned,
 *	  created in name order, each type's fields in name order too.
 *
 * One function per kind of type: the per-relation object, aggregate,
 * bool_exp, order_by and select_column types, the comparison expressions
 * of the scalars, the order_by enum and the root types.  Members (fields,
 * input fields) are collected first, then sorted by name and added.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "reflect/build_internal.h"

/* What kind of arguments a member field takes */
typedef enum MemberArgs
{
	ARGS_NONE,
	ARGS_SELECT,				/* distinct_on, limit, offset, order_by, where */
	ARGS_COUNT,					/* columns, distinct */
	ARGS_BY_PK					/* the primary key columns */
} MemberArgs;

/* A field, input field or enum value before it is added */
typedef struct Member
{
	const char *name;
	GqlTypeRef *type;
	const char *description;
	const void *source;
	MemberArgs	args;
	RelInfo    *args_rel;
} Member;

typedef struct MemberList
{
	Member	   *items;
	int			count;
	int			cap;
} MemberList;

/* ------------------------------------------------------------------------
 * Type references
 * ------------------------------------------------------------------------
 */

/* A reference to a named type, one per name */
static GqlTypeRef *
named(BuildState *st, const char *name)
{
	GqlTypeRef *ref = graphql_nameset_get(&st->refs, name);

	if (ref == NULL)
	{
		ref = gql_type_ref_named(st->schema, name);
		graphql_nameset_put(&st->refs, pstrdup(name), ref);
	}
	return ref;
}

/* T! */
static GqlTypeRef *
nonnull(BuildState *st, GqlTypeRef *ref)
{
	return gql_type_ref_non_null(st->schema, ref);
}

/* [T!] */
static GqlTypeRef *
list_of_nonnull(BuildState *st, GqlTypeRef *ref)
{
	return gql_type_ref_list(st->schema, nonnull(st, ref));
}

/* ------------------------------------------------------------------------
 * Members: fields collected, sorted by name, then added
 * ------------------------------------------------------------------------
 */

/* Append a member (no arguments yet) to a list */
static Member *
add_member(MemberList *ml, const char *name, GqlTypeRef *type,
		   const char *description, const void *source)
{
	Member	   *m;

	if (ml->count == ml->cap)
	{
		ml->cap = ml->cap ? ml->cap * 2 : 16;
		ml->items = ml->items ? repalloc(ml->items, sizeof(Member) * ml->cap)
			: palloc(sizeof(Member) * ml->cap);
	}
	m = &ml->items[ml->count++];
	memset(m, 0, sizeof(Member));
	m->name = name;
	m->type = type;
	m->description = description;
	m->source = source;
	return m;
}

/* qsort order of members: by name */
static int
member_cmp(const void *a, const void *b)
{
	return strcmp(((const Member *) a)->name, ((const Member *) b)->name);
}

/* distinct_on, limit, offset, order_by, where of a list of rows of ri */
static void
add_select_args(BuildState *st, GqlFieldDef *f, RelInfo *ri)
{
	const char *n = ri->rel->gql_name;
	GqlInputValue *v;

	v = gql_field_add_arg(st->schema, f, "distinct_on",
						  list_of_nonnull(st, named(st, psprintf("%s_select_column", n))),
						  NULL, "distinct select on columns");
	gql_field_add_arg(st->schema, f, "limit", named(st, "Int"), NULL,
					  "limit the number of rows returned");
	gql_field_add_arg(st->schema, f, "offset", named(st, "Int"), NULL,
					  "skip the first n rows. Use only with order_by");
	gql_field_add_arg(st->schema, f, "order_by",
					  list_of_nonnull(st, named(st, psprintf("%s_order_by", n))),
					  NULL, "sort the rows by one or more columns");
	gql_field_add_arg(st->schema, f, "where",
					  named(st, psprintf("%s_bool_exp", n)), NULL,
					  "filter the rows returned");
	(void) v;
}

/* The GraphQL type of a column: T, [T!], non-null when nonnull is set */
static GqlTypeRef *
column_type(BuildState *st, const GqlCatColumn *col, bool nonnull_ok)
{
	GqlTypeRef *ref = named(st, st->type_scalar[col->type->index]->name);

	if (col->is_array)
		ref = list_of_nonnull(st, ref);
	return nonnull_ok && col->notnull ? nonnull(st, ref) : ref;
}

/* The arguments of a member field */
static void
add_member_args(BuildState *st, GqlFieldDef *f, const Member *m)
{
	GqlCatRelation *rel;
	int			k;

	switch (m->args)
	{
		case ARGS_NONE:
			break;
		case ARGS_SELECT:
			add_select_args(st, f, m->args_rel);
			break;
		case ARGS_COUNT:
			gql_field_add_arg(st->schema, f, "columns",
							  list_of_nonnull(st, named(st, psprintf("%s_select_column",
																	 m->args_rel->rel->gql_name))),
							  NULL, NULL);
			gql_field_add_arg(st->schema, f, "distinct", named(st, "Boolean"),
							  NULL, NULL);
			break;
		case ARGS_BY_PK:
			rel = m->args_rel->rel;
			for (k = 0; k < rel->npkey; k++)
			{
				GqlInputValue *v;

				v = gql_field_add_arg(st->schema, f, rel->pkey[k]->name,
									  nonnull(st, column_type(st, rel->pkey[k], false)),
									  NULL, NULL);
				v->source = rel->pkey[k];
			}
			break;
	}
}

/* Add the members to an object (fields) or input object (input fields) */
static void
emit_members(BuildState *st, GqlSchemaType *type, MemberList *ml)
{
	int			k;

	if (ml->count > 1)
		qsort(ml->items, ml->count, sizeof(Member), member_cmp);
	for (k = 0; k < ml->count; k++)
	{
		Member	   *m = &ml->items[k];

		if (type->kind == GQL_TYPE_INPUT_OBJECT)
		{
			GqlInputValue *v = gql_type_add_input_field(st->schema, type, m->name,
														m->type, NULL,
														m->description);

			v->source = m->source;
		}
		else
		{
			GqlFieldDef *f = gql_type_add_field(st->schema, type, m->name,
												m->type, m->description);

			f->source = m->source;
			add_member_args(st, f, m);
		}
	}
}

/* qsort order of columns: by name */
static int
column_name_cmp(const void *a, const void *b)
{
	return strcmp((*(GqlCatColumn *const *) a)->name,
				  (*(GqlCatColumn *const *) b)->name);
}

/* A new type of the plan entry p */
static GqlSchemaType *
new_type(BuildState *st, const Plan *p, GqlTypeKind kind,
		 const char *description, const void *source)
{
	GqlSchemaType *t = gql_schema_add_type(st->schema, kind, p->name, description);

	if (t == NULL)
		elog(ERROR, "duplicate GraphQL type name \"%s\"", p->name);
	t->source = source;
	return t;
}

/* ------------------------------------------------------------------------
 * Emission, one function per kind of type
 * ------------------------------------------------------------------------
 */

/* type <t>: columns, relationships, <rel>_aggregate */
static void
emit_object(BuildState *st, const Plan *p)
{
	GqlCatRelation *rel = p->ri->rel;
	MemberList	ml = {0};
	const char *desc = rel->description ? rel->description
		: psprintf("columns and relationships of \"%s\"", p->ri->label);
	GqlSchemaType *t = new_type(st, p, GQL_TYPE_OBJECT, desc, rel);
	int			k;

	for (k = 0; k < p->ri->ncols; k++)
		add_member(&ml, p->ri->cols[k]->name, column_type(st, p->ri->cols[k], true),
				   p->ri->cols[k]->description, p->ri->cols[k]);
	for (k = 0; k < rel->nrelationships; k++)
	{
		GqlCatRelationship *r = rel->relationships[k];
		const char *tn = r->target->gql_name;
		Member	   *m;

		if (r->tag == GQL_CAT_OBJECT_RELATIONSHIP)
		{
			GqlTypeRef *ref = named(st, tn);

			add_member(&ml, r->name, r->notnull ? nonnull(st, ref) : ref,
					   "An object relationship", r);
			continue;
		}
		m = add_member(&ml, r->name, nonnull(st, list_of_nonnull(st, named(st, tn))),
					   "An array relationship", r);
		m->args = ARGS_SELECT;
		m->args_rel = &st->rels[r->target->index];
		m = add_member(&ml, psprintf("%s_aggregate", r->name),
					   nonnull(st, named(st, psprintf("%s_aggregate", tn))),
					   "An aggregate relationship", &r->aggregate);
		m->args = ARGS_SELECT;
		m->args_rel = &st->rels[r->target->index];
	}
	emit_members(st, t, &ml);
}

/* type <t>_aggregate { aggregate, nodes } */
static void
emit_aggregate(BuildState *st, const Plan *p)
{
	const char *n = p->ri->rel->gql_name;
	MemberList	ml = {0};
	GqlSchemaType *t;

	t = new_type(st, p, GQL_TYPE_OBJECT,
				 psprintf("aggregated selection of \"%s\"", p->ri->label),
				 p->ri->rel);
	add_member(&ml, "aggregate", named(st, psprintf("%s_aggregate_fields", n)),
			   NULL, NULL);
	add_member(&ml, "nodes", nonnull(st, list_of_nonnull(st, named(st, n))),
			   NULL, NULL);
	emit_members(st, t, &ml);
}

/* type <t>_aggregate_fields { count, avg, max, ... } */
static void
emit_agg_fields(BuildState *st, const Plan *p)
{
	const char *n = p->ri->rel->gql_name;
	MemberList	ml = {0};
	GqlSchemaType *t;
	Member	   *m;
	int			op;

	t = new_type(st, p, GQL_TYPE_OBJECT,
				 psprintf("aggregate fields of \"%s\"", p->ri->label), p->ri->rel);
	m = add_member(&ml, "count", nonnull(st, named(st, "Int")), NULL, NULL);
	m->args = ARGS_COUNT;
	m->args_rel = p->ri;
	for (op = 0; op < (int) NUM_AGG_OPS; op++)
		if (p->ri->op_nonempty[op])
			add_member(&ml, graphql_agg_ops[op].name,
					   named(st, psprintf("%s_%s_fields", n, graphql_agg_ops[op].name)),
					   NULL, NULL);
	emit_members(st, t, &ml);
}

/* type <t>_<op>_fields: the columns op applies to */
static void
emit_op_fields(BuildState *st, const Plan *p)
{
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = new_type(st, p, GQL_TYPE_OBJECT,
				 psprintf("aggregate %s on columns", graphql_agg_ops[p->op].name),
				 p->ri->rel);
	for (k = 0; k < p->ri->ncols; k++)
	{
		GqlCatColumn *col = p->ri->cols[k];

		if (column_has_op(st, col, p->op))
			add_member(&ml, col->name,
					   graphql_agg_ops[p->op].to_float ? named(st, "Float")
					   : column_type(st, col, false),
					   NULL, col);
	}
	emit_members(st, t, &ml);
}

/* input <t>_bool_exp */
static void
emit_bool_exp(BuildState *st, const Plan *p)
{
	GqlCatRelation *rel = p->ri->rel;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("Boolean expression to filter rows from the table \"%s\". "
						  "All fields are combined with a logical 'AND'.",
						  p->ri->label), rel);
	add_member(&ml, "_and", list_of_nonnull(st, named(st, p->name)), NULL, NULL);
	add_member(&ml, "_not", named(st, p->name), NULL, NULL);
	add_member(&ml, "_or", list_of_nonnull(st, named(st, p->name)), NULL, NULL);
	for (k = 0; k < p->ri->ncols; k++)
	{
		GqlCatColumn *col = p->ri->cols[k];
		Scalar	   *sc = st->type_scalar[col->type->index];

		add_member(&ml, col->name,
				   named(st, psprintf(col->is_array ? "%s_array_comparison_exp"
									  : "%s_comparison_exp", sc->name)),
				   NULL, col);
	}
	for (k = 0; k < rel->nrelationships; k++)
		add_member(&ml, rel->relationships[k]->name,
				   named(st, psprintf("%s_bool_exp",
									  rel->relationships[k]->target->gql_name)),
				   NULL, rel->relationships[k]);
	emit_members(st, t, &ml);
}

/* input <t>_order_by */
static void
emit_order_by(BuildState *st, const Plan *p)
{
	GqlCatRelation *rel = p->ri->rel;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("Ordering options when selecting data from \"%s\".",
						  p->ri->label), rel);
	for (k = 0; k < p->ri->ncols; k++)
		if (p->ri->cols[k]->orderable)
			add_member(&ml, p->ri->cols[k]->name, named(st, "order_by"), NULL,
					   p->ri->cols[k]);
	for (k = 0; k < rel->nrelationships; k++)
	{
		GqlCatRelationship *r = rel->relationships[k];
		const char *tn = r->target->gql_name;

		if (r->tag == GQL_CAT_OBJECT_RELATIONSHIP)
			add_member(&ml, r->name, named(st, psprintf("%s_order_by", tn)),
					   NULL, r);
		else
			add_member(&ml, psprintf("%s_aggregate", r->name),
					   named(st, psprintf("%s_aggregate_order_by", tn)),
					   NULL, &r->aggregate);
	}
	emit_members(st, t, &ml);
}

/* enum <t>_select_column */
static void
emit_select_column(BuildState *st, const Plan *p)
{
	GqlCatColumn **cols = palloc(sizeof(GqlCatColumn *) * (p->ri->ncols + 1));
	GqlSchemaType *t;
	int			k;

	t = new_type(st, p, GQL_TYPE_ENUM,
				 psprintf("select columns of table \"%s\"", p->ri->label),
				 p->ri->rel);
	memcpy(cols, p->ri->cols, sizeof(GqlCatColumn *) * p->ri->ncols);
	qsort(cols, p->ri->ncols, sizeof(GqlCatColumn *), column_name_cmp);
	for (k = 0; k < p->ri->ncols; k++)
	{
		GqlEnumValueDef *v = gql_type_add_enum_value(st->schema, t, cols[k]->name,
													 "column name");

		v->source = cols[k];
	}
}

/* input <t>_aggregate_order_by */
static void
emit_agg_order_by(BuildState *st, const Plan *p)
{
	const char *n = p->ri->rel->gql_name;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			op;

	t = new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("order by aggregate values of table \"%s\"", p->ri->label),
				 p->ri->rel);
	add_member(&ml, "count", named(st, "order_by"), NULL, NULL);
	for (op = 0; op < (int) NUM_AGG_OPS; op++)
		if (p->ri->op_nonempty[op])
			add_member(&ml, graphql_agg_ops[op].name,
					   named(st, psprintf("%s_%s_order_by", n, graphql_agg_ops[op].name)),
					   NULL, NULL);
	emit_members(st, t, &ml);
}

/* input <t>_<op>_order_by */
static void
emit_op_order_by(BuildState *st, const Plan *p)
{
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("order by %s() on columns of table \"%s\"",
						  graphql_agg_ops[p->op].name, p->ri->label), p->ri->rel);
	for (k = 0; k < p->ri->ncols; k++)
		if (column_has_op(st, p->ri->cols[k], p->op))
			add_member(&ml, p->ri->cols[k]->name, named(st, "order_by"), NULL,
					   p->ri->cols[k]);
	emit_members(st, t, &ml);
}

/* scalar <name> or enum <name> of one PostgreSQL type */
static void
emit_scalar(BuildState *st, const Plan *p)
{
	GqlCatType *type = p->sc->type;
	GqlSchemaType *t;
	int			k;

	if (p->kind == P_SCALAR)
	{
		new_type(st, p, GQL_TYPE_SCALAR, NULL, type);
		return;
	}
	t = new_type(st, p, GQL_TYPE_ENUM, type->description, type);
	for (k = 0; k < type->nlabels; k++)
		gql_type_add_enum_value(st->schema, t, type->labels[k], NULL);
}

/* The operators of String_comparison_exp beyond the common ones */
static const char *const string_ops[][2] = {
	{"_ilike", "does the column match the given case-insensitive pattern"},
	{"_iregex", "does the column match the given POSIX regular expression, case insensitive"},
	{"_like", "does the column match the given pattern"},
	{"_nilike", "does the column NOT match the given case-insensitive pattern"},
	{"_niregex", "does the column NOT match the given POSIX regular expression, case insensitive"},
	{"_nlike", "does the column NOT match the given pattern"},
	{"_nregex", "does the column NOT match the given POSIX regular expression, case sensitive"},
	{"_nsimilar", "does the column NOT match the given SQL regular expression"},
	{"_regex", "does the column match the given POSIX regular expression, case sensitive"},
	{"_similar", "does the column match the given SQL regular expression"},
};

/* The jsonb operators of jsonb_comparison_exp */
static void
add_jsonb_ops(BuildState *st, MemberList *ml, const char *s)
{
	add_member(ml, "_contained_in", named(st, s), "is the column contained in the given json value", NULL);
	add_member(ml, "_contains", named(st, s), "does the column contain the given json value at the top level", NULL);
	add_member(ml, "_has_key", named(st, "String"), "does the string exist as a top-level key in the column", NULL);
	add_member(ml, "_has_keys_all", list_of_nonnull(st, named(st, "String")), "do all of these strings exist as top-level keys in the column", NULL);
	add_member(ml, "_has_keys_any", list_of_nonnull(st, named(st, "String")), "do any of these strings exist as top-level keys in the column", NULL);
}

/*
 * input <S>_comparison_exp and <S>_array_comparison_exp: _eq ... _nin over
 * T (T being S, or [S!] for arrays), plus the text, jsonb or array
 * operators.
 */
static void
emit_cmp(BuildState *st, const Plan *p)
{
	static const char *const common[] = {"_eq", "_gt", "_gte", "_lt", "_lte", "_neq"};
	bool		array = p->kind == P_ARR_CMP;
	const char *s = p->sc->name;
	GqlTypeRef *vt = array ? list_of_nonnull(st, named(st, s)) : named(st, s);
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("Boolean expression to compare columns of type \"%s\". "
						  "All fields are combined with logical 'AND'.", s),
				 p->sc->type);
	for (k = 0; k < (int) lengthof(common); k++)
		add_member(&ml, common[k], vt, NULL, NULL);
	add_member(&ml, "_in", list_of_nonnull(st, vt), NULL, NULL);
	add_member(&ml, "_nin", list_of_nonnull(st, vt), NULL, NULL);
	add_member(&ml, "_is_null", named(st, "Boolean"), NULL, NULL);
	if (array)
	{
		add_member(&ml, "_contained_in", vt, "is the array contained in the given array value", NULL);
		add_member(&ml, "_contains", vt, "does the array contain the given value", NULL);
	}
	else if (p->sc->flags & SC_STRING)
	{
		for (k = 0; k < (int) lengthof(string_ops); k++)
			add_member(&ml, string_ops[k][0], vt, string_ops[k][1], NULL);
	}
	else if (p->sc->flags & SC_JSONB)
		add_jsonb_ops(st, &ml, s);
	emit_members(st, t, &ml);
}

/* enum order_by */
static void
emit_order_by_enum(BuildState *st, const Plan *p)
{
	static const char *const values[][2] = {
		{"asc", "in ascending order, nulls last"},
		{"asc_nulls_first", "in ascending order, nulls first"},
		{"asc_nulls_last", "in ascending order, nulls last"},
		{"desc", "in descending order, nulls first"},
		{"desc_nulls_first", "in descending order, nulls first"},
		{"desc_nulls_last", "in descending order, nulls last"},
	};
	GqlSchemaType *t = new_type(st, p, GQL_TYPE_ENUM, "column ordering options", NULL);
	int			k;

	for (k = 0; k < (int) lengthof(values); k++)
		gql_type_add_enum_value(st->schema, t, values[k][0], values[k][1]);
}

/* query_root and subscription_root: <t>, <t>_aggregate, <t>_by_pk */
static void
emit_root(BuildState *st, const Plan *p)
{
	MemberList	ml = {0};
	GqlSchemaType *t = new_type(st, p, GQL_TYPE_OBJECT, NULL, NULL);
	int			k;

	for (k = 0; k < st->cat->nrelations; k++)
	{
		RelInfo    *ri = &st->rels[k];
		GqlCatRelation *rel = ri->rel;
		const char *n = rel->gql_name;
		Member	   *m;

		if (!ri->exposed)
			continue;
		m = add_member(&ml, n, nonnull(st, list_of_nonnull(st, named(st, n))),
					   psprintf("fetch data from the table: \"%s\"", ri->label),
					   &rel->root_select);
		m->args = ARGS_SELECT;
		m->args_rel = ri;
		m = add_member(&ml, psprintf("%s_aggregate", n),
					   nonnull(st, named(st, psprintf("%s_aggregate", n))),
					   psprintf("fetch aggregated fields from the table: \"%s\"", ri->label),
					   &rel->root_aggregate);
		m->args = ARGS_SELECT;
		m->args_rel = ri;
		if (rel->npkey == 0)
			continue;
		m = add_member(&ml, psprintf("%s_by_pk", n), named(st, n),
					   psprintf("fetch data from the table: \"%s\" using primary key columns",
								ri->label), &rel->root_by_pk);
		m->args = ARGS_BY_PK;
		m->args_rel = ri;
	}
	if (ml.count == 0)
		add_member(&ml, "no_queries_available", nonnull(st, named(st, "String")),
				   NULL, NULL);
	emit_members(st, t, &ml);
}

/* Create one planned type */
static void
emit_type(BuildState *st, const Plan *p)
{
	switch (p->kind)
	{
		case P_SCALAR:
		case P_ENUM:
			emit_scalar(st, p);
			break;
		case P_CMP:
		case P_ARR_CMP:
			emit_cmp(st, p);
			break;
		case P_ORDER_BY_ENUM:
			emit_order_by_enum(st, p);
			break;
		case P_QUERY_ROOT:
		case P_SUBSCRIPTION_ROOT:
			emit_root(st, p);
			break;
		case P_OBJECT:
			emit_object(st, p);
			break;
		case P_AGGREGATE:
			emit_aggregate(st, p);
			break;
		case P_AGG_FIELDS:
			emit_agg_fields(st, p);
			break;
		case P_OP_FIELDS:
			emit_op_fields(st, p);
			break;
		case P_BOOL_EXP:
			emit_bool_exp(st, p);
			break;
		case P_ORDER_BY:
			emit_order_by(st, p);
			break;
		case P_SELECT_COLUMN:
			emit_select_column(st, p);
			break;
		case P_AGG_ORDER_BY:
			emit_agg_order_by(st, p);
			break;
		case P_OP_ORDER_BY:
			emit_op_order_by(st, p);
			break;
	}
}

/* ------------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------------
 */

/* Create the types of the plan, in name order */
void
graphql_build_emit_types(BuildState *st)
{
	int			k;

	for (k = 0; k < st->nplans; k++)
		emit_type(st, &st->plans[k]);
	gql_schema_set_root(st->schema, GQL_OP_QUERY, "query_root");
	if (st->has_relations)
		gql_schema_set_root(st->schema, GQL_OP_SUBSCRIPTION, "subscription_root");
}
