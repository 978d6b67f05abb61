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

#include "catalog/pg_type.h"

#include "reflect/build_internal.h"

/* ------------------------------------------------------------------------
 * Type references
 * ------------------------------------------------------------------------
 */

/* A reference to a named type, one per name */
GqlTypeRef *
graphql_build_named(BuildState *st, const char *name)
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
GqlTypeRef *
graphql_build_nonnull(BuildState *st, GqlTypeRef *ref)
{
	return gql_type_ref_non_null(st->schema, ref);
}

/* [T!] */
GqlTypeRef *
graphql_build_list(BuildState *st, GqlTypeRef *ref)
{
	return gql_type_ref_list(st->schema, graphql_build_nonnull(st, ref));
}

/* ------------------------------------------------------------------------
 * Members: fields collected, sorted by name, then added
 * ------------------------------------------------------------------------
 */

/* Append a member (no arguments yet) to a list */
Member *
graphql_build_member(MemberList *ml, const char *name, GqlTypeRef *type,
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
void
graphql_build_select_args(BuildState *st, GqlFieldDef *f, RelInfo *ri)
{
	const char *n = ri->rel->gql_name;
	GqlInputValue *v;

	v = gql_field_add_arg(st->schema, f, "distinct_on",
						  graphql_build_list(st, graphql_build_named(st, psprintf("%s_select_column", n))),
						  NULL, "distinct select on columns");
	gql_field_add_arg(st->schema, f, "limit", graphql_build_named(st, "Int"), NULL,
					  "limit the number of rows returned");
	/* Hasura takes offset: "10" too (not limit) */
	gql_field_add_arg(st->schema, f, "offset", graphql_build_named(st, "Int"), NULL,
					  "skip the first n rows. Use only with order_by")->accepts_strings = true;
	gql_field_add_arg(st->schema, f, "order_by",
					  graphql_build_list(st, graphql_build_named(st, psprintf("%s_order_by", n))),
					  NULL, "sort the rows by one or more columns");
	gql_field_add_arg(st->schema, f, "where",
					  graphql_build_named(st, psprintf("%s_bool_exp", n)), NULL,
					  "filter the rows returned");
	(void) v;
}

/*
 * Is a value of this type json or jsonb (a domain over one too), not an
 * array: its field takes Hasura's path argument
 */
bool
graphql_build_is_json(const GqlCatType *type, bool is_array)
{
	return !is_array && (type->oid == JSONOID || type->oid == JSONBOID);
}

/* The GraphQL type of a column: T, [T!], non-null when nonnull is set */
GqlTypeRef *
graphql_build_column_type(BuildState *st, const GqlCatColumn *col, bool nonnull_ok)
{
	GqlTypeRef *ref = graphql_build_named(st, st->type_scalar[col->type->index]->name);

	if (col->is_array)
		ref = graphql_build_list(st, ref);
	return nonnull_ok && col->notnull ? graphql_build_nonnull(st, ref) : ref;
}

/* The GraphQL type of a value of a type (function arguments, results) */
GqlTypeRef *
graphql_build_value_type(BuildState *st, const GqlCatType *type, bool is_array)
{
	GqlTypeRef *ref = graphql_build_named(st, st->type_scalar[type->index]->name);

	return is_array ? graphql_build_list(st, ref) : ref;
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
			graphql_build_select_args(st, f, m->args_rel);
			break;
		case ARGS_COUNT:
			gql_field_add_arg(st->schema, f, "columns",
							  graphql_build_list(st, graphql_build_named(st, psprintf("%s_select_column",
																	 m->args_rel->rel->gql_name))),
							  NULL, NULL);
			gql_field_add_arg(st->schema, f, "distinct", graphql_build_named(st, "Boolean"),
							  NULL, NULL);
			break;
		case ARGS_BY_PK:
			rel = m->args_rel->rel;
			for (k = 0; k < rel->npkey; k++)
			{
				GqlInputValue *v;

				v = gql_field_add_arg(st->schema, f, rel->pkey[k]->gql_name,
									  graphql_build_nonnull(st, graphql_build_column_type(st, rel->pkey[k], false)),
									  NULL, NULL);
				v->source = rel->pkey[k];
				v->accepts_strings = true;
			}
			break;
		default:
			graphql_build_member_args(st, f, m);
			break;
	}
}

/* Add the members to an object (fields) or input object (input fields) */
void
graphql_build_emit_members(BuildState *st, GqlSchemaType *type, MemberList *ml)
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
														m->type,
														m->default_value,
														m->description);

			v->source = m->source;
			/* a column's value is PostgreSQL's to parse */
			v->accepts_strings = m->accepts_strings ||
				(m->source != NULL &&
				 *(const GqlCatTag *) m->source == GQL_CAT_COLUMN);
		}
		else
		{
			GqlFieldDef *f = gql_type_add_field(st->schema, type, m->name,
												m->type, m->description);

			f->source = m->source;
			add_member_args(st, f, m);
			/* path: the value at a JSON path inside (planner/json_path.c) */
			if (m->json_path)
				gql_field_add_arg(st->schema, f, "path", graphql_build_named(st, "String"),
								  NULL, "JSON select path");
		}
	}
}

/* qsort order of columns: by name */
static int
column_name_cmp(const void *a, const void *b)
{
	return strcmp((*(GqlCatColumn *const *) a)->gql_name,
				  (*(GqlCatColumn *const *) b)->gql_name);
}

/* A new type of the plan entry p */
GqlSchemaType *
graphql_build_new_type(BuildState *st, const Plan *p, GqlTypeKind kind,
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
	GqlSchemaType *t = graphql_build_new_type(st, p, GQL_TYPE_OBJECT, desc, rel);
	int			k;

	for (k = 0; k < p->ri->ncols; k++)
	{
		GqlCatColumn *col = p->ri->cols[k];

		graphql_build_member(&ml, col->gql_name, graphql_build_column_type(st, col, true),
							 col->description, col)->json_path =
			graphql_build_is_json(col->type, col->is_array);
	}
	for (k = 0; k < rel->nrelationships; k++)
	{
		GqlCatRelationship *r = rel->relationships[k];
		const char *tn = r->target->gql_name;
		Member	   *m;

		if (r->tag == GQL_CAT_OBJECT_RELATIONSHIP)
		{
			GqlTypeRef *ref = graphql_build_named(st, tn);

			graphql_build_member(&ml, r->name, r->notnull ? graphql_build_nonnull(st, ref) : ref,
					   "An object relationship", r);
			continue;
		}
		m = graphql_build_member(&ml, r->name, graphql_build_nonnull(st, graphql_build_list(st, graphql_build_named(st, tn))),
					   "An array relationship", r);
		m->args = ARGS_SELECT;
		m->args_rel = &st->rels[r->target->index];
		if (!graphql_build_may_aggregate(r->target))
			continue;
		m = graphql_build_member(&ml, psprintf("%s_aggregate", r->name),
					   graphql_build_nonnull(st, graphql_build_named(st, psprintf("%s_aggregate", tn))),
					   "An aggregate relationship", &r->aggregate);
		m->args = ARGS_SELECT;
		m->args_rel = &st->rels[r->target->index];
	}
	graphql_build_computed_members(st, &ml, p->ri, P_OBJECT);
	graphql_build_emit_members(st, t, &ml);
}

/* type <t>_aggregate { aggregate, nodes } */
static void
emit_aggregate(BuildState *st, const Plan *p)
{
	const char *n = p->ri->rel->gql_name;
	MemberList	ml = {0};
	GqlSchemaType *t;

	t = graphql_build_new_type(st, p, GQL_TYPE_OBJECT,
				 psprintf("aggregated selection of \"%s\"", p->ri->label),
				 p->ri->rel);
	graphql_build_member(&ml, "aggregate", graphql_build_named(st, psprintf("%s_aggregate_fields", n)),
			   NULL, NULL);
	graphql_build_member(&ml, "nodes", graphql_build_nonnull(st, graphql_build_list(st, graphql_build_named(st, n))),
			   NULL, NULL);
	graphql_build_emit_members(st, t, &ml);
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

	t = graphql_build_new_type(st, p, GQL_TYPE_OBJECT,
				 psprintf("aggregate fields of \"%s\"", p->ri->label), p->ri->rel);
	m = graphql_build_member(&ml, "count", graphql_build_nonnull(st, graphql_build_named(st, "Int")), NULL, NULL);
	m->args = ARGS_COUNT;
	m->args_rel = p->ri;
	for (op = 0; op < (int) NUM_AGG_OPS; op++)
		if (p->ri->op_nonempty[op])
			graphql_build_member(&ml, graphql_agg_ops[op].name,
					   graphql_build_named(st, psprintf("%s_%s_fields", n, graphql_agg_ops[op].name)),
					   NULL, NULL);
	graphql_build_emit_members(st, t, &ml);
}

/* type <t>_<op>_fields: the columns op applies to */
static void
emit_op_fields(BuildState *st, const Plan *p)
{
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_OBJECT,
				 psprintf("aggregate %s on columns", graphql_agg_ops[p->op].name),
				 p->ri->rel);
	for (k = 0; k < p->ri->ncols; k++)
	{
		GqlCatColumn *col = p->ri->cols[k];

		if (column_has_op(st, col, p->op))
			graphql_build_member(&ml, col->gql_name,
					   graphql_agg_ops[p->op].to_float ? graphql_build_named(st, "Float")
					   : graphql_build_column_type(st, col, false),
					   NULL, col);
	}
	graphql_build_emit_members(st, t, &ml);
}

/* input <t>_bool_exp */
static void
emit_bool_exp(BuildState *st, const Plan *p)
{
	GqlCatRelation *rel = p->ri->rel;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("Boolean expression to filter rows from the table \"%s\". "
						  "All fields are combined with a logical 'AND'.",
						  p->ri->label), rel);
	graphql_build_member(&ml, "_and", graphql_build_list(st, graphql_build_named(st, p->name)), NULL, NULL);
	graphql_build_member(&ml, "_not", graphql_build_named(st, p->name), NULL, NULL);
	graphql_build_member(&ml, "_or", graphql_build_list(st, graphql_build_named(st, p->name)), NULL, NULL);
	for (k = 0; k < p->ri->ncols; k++)
	{
		GqlCatColumn *col = p->ri->cols[k];
		Scalar	   *sc = st->type_scalar[col->type->index];

		if (sc->is_composite)
			continue;
		graphql_build_member(&ml, col->gql_name,
				   graphql_build_named(st, psprintf(col->is_array ? "%s_array_comparison_exp"
									  : "%s_comparison_exp", sc->name)),
				   NULL, col);
	}
	for (k = 0; k < rel->nrelationships; k++)
		graphql_build_member(&ml, rel->relationships[k]->name,
				   graphql_build_named(st, psprintf("%s_bool_exp",
									  rel->relationships[k]->target->gql_name)),
				   NULL, rel->relationships[k]);
	graphql_build_computed_members(st, &ml, p->ri, P_BOOL_EXP);
	graphql_build_emit_members(st, t, &ml);
}

/* input <t>_order_by */
static void
emit_order_by(BuildState *st, const Plan *p)
{
	GqlCatRelation *rel = p->ri->rel;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("Ordering options when selecting data from \"%s\".",
						  p->ri->label), rel);
	for (k = 0; k < p->ri->ncols; k++)
		if (p->ri->cols[k]->orderable &&
			!st->type_scalar[p->ri->cols[k]->type->index]->is_composite)
			graphql_build_member(&ml, p->ri->cols[k]->gql_name, graphql_build_named(st, "order_by"), NULL,
					   p->ri->cols[k]);
	for (k = 0; k < rel->nrelationships; k++)
	{
		GqlCatRelationship *r = rel->relationships[k];
		const char *tn = r->target->gql_name;

		if (r->tag == GQL_CAT_OBJECT_RELATIONSHIP)
			graphql_build_member(&ml, r->name, graphql_build_named(st, psprintf("%s_order_by", tn)),
					   NULL, r);
		else if (graphql_build_may_aggregate(r->target))
			graphql_build_member(&ml, psprintf("%s_aggregate", r->name),
					   graphql_build_named(st, psprintf("%s_aggregate_order_by", tn)),
					   NULL, &r->aggregate);
	}
	graphql_build_computed_members(st, &ml, p->ri, P_ORDER_BY);
	graphql_build_emit_members(st, t, &ml);
}

/* enum <t>_select_column */
static void
emit_select_column(BuildState *st, const Plan *p)
{
	GqlCatColumn **cols = palloc(sizeof(GqlCatColumn *) * (p->ri->ncols + 1));
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_ENUM,
				 psprintf("select columns of table \"%s\"", p->ri->label),
				 p->ri->rel);
	memcpy(cols, p->ri->cols, sizeof(GqlCatColumn *) * p->ri->ncols);
	qsort(cols, p->ri->ncols, sizeof(GqlCatColumn *), column_name_cmp);
	for (k = 0; k < p->ri->ncols; k++)
	{
		GqlEnumValueDef *v = gql_type_add_enum_value(st->schema, t, cols[k]->gql_name,
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

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("order by aggregate values of table \"%s\"", p->ri->label),
				 p->ri->rel);
	graphql_build_member(&ml, "count", graphql_build_named(st, "order_by"), NULL, NULL);
	for (op = 0; op < (int) NUM_AGG_OPS; op++)
		if (p->ri->op_nonempty[op])
			graphql_build_member(&ml, graphql_agg_ops[op].name,
					   graphql_build_named(st, psprintf("%s_%s_order_by", n, graphql_agg_ops[op].name)),
					   NULL, NULL);
	graphql_build_emit_members(st, t, &ml);
}

/* input <t>_<op>_order_by */
static void
emit_op_order_by(BuildState *st, const Plan *p)
{
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("order by %s() on columns of table \"%s\"",
						  graphql_agg_ops[p->op].name, p->ri->label), p->ri->rel);
	for (k = 0; k < p->ri->ncols; k++)
		if (column_has_op(st, p->ri->cols[k], p->op))
			graphql_build_member(&ml, p->ri->cols[k]->gql_name, graphql_build_named(st, "order_by"), NULL,
					   p->ri->cols[k]);
	graphql_build_emit_members(st, t, &ml);
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
		graphql_build_new_type(st, p, GQL_TYPE_SCALAR, NULL, type);
		return;
	}
	t = graphql_build_new_type(st, p, GQL_TYPE_ENUM, type->description, type);
	for (k = 0; k < type->nlabels; k++)
		gql_type_add_enum_value(st->schema, t, type->labels[k],
								type->label_descriptions ? type->label_descriptions[k] : NULL);
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
	graphql_build_member(ml, "_contained_in", graphql_build_named(st, s), "is the column contained in the given json value", NULL);
	graphql_build_member(ml, "_contains", graphql_build_named(st, s), "does the column contain the given json value at the top level", NULL);
	graphql_build_member(ml, "_has_key", graphql_build_named(st, "String"), "does the string exist as a top-level key in the column", NULL);
	graphql_build_member(ml, "_has_keys_all", graphql_build_list(st, graphql_build_named(st, "String")), "do all of these strings exist as top-level keys in the column", NULL);
	graphql_build_member(ml, "_has_keys_any", graphql_build_list(st, graphql_build_named(st, "String")), "do any of these strings exist as top-level keys in the column", NULL);
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
	GqlTypeRef *vt = array ? graphql_build_list(st, graphql_build_named(st, s)) : graphql_build_named(st, s);
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
				 psprintf("Boolean expression to compare columns of type \"%s\". "
						  "All fields are combined with logical 'AND'.", s),
				 p->sc->type);
	for (k = 0; k < (int) lengthof(common); k++)
	{
		/* the values of an enum table (no type of its own) are equal or not, as in Hasura */
		if (p->sc->type && p->sc->type->oid == InvalidOid &&
			strcmp(common[k], "_eq") != 0 && strcmp(common[k], "_neq") != 0)
			continue;
		graphql_build_member(&ml, common[k], vt, NULL, NULL)->accepts_strings = true;
	}
	graphql_build_member(&ml, "_in", graphql_build_list(st, vt), NULL, NULL)->accepts_strings = true;
	graphql_build_member(&ml, "_nin", graphql_build_list(st, vt), NULL, NULL)->accepts_strings = true;
	graphql_build_member(&ml, "_is_null", graphql_build_named(st, "Boolean"), NULL, NULL);
	if (array)
	{
		graphql_build_member(&ml, "_contained_in", vt, "is the array contained in the given array value", NULL);
		graphql_build_member(&ml, "_contains", vt, "does the array contain the given value", NULL);
	}
	else if (p->sc->flags & SC_STRING)
	{
		for (k = 0; k < (int) lengthof(string_ops); k++)
			graphql_build_member(&ml, string_ops[k][0], vt, string_ops[k][1], NULL);
	}
	else if (p->sc->flags & SC_JSONB)
	{
		add_jsonb_ops(st, &ml, s);
		if (p->sc->cast_exp)
			graphql_build_member(&ml, "_cast", graphql_build_named(st, psprintf("%s_cast_exp", p->sc->name)),
								 NULL, NULL);
	}
	graphql_build_emit_members(st, t, &ml);
}

/* input <jsonb>_cast_exp: the column's text compared as a String */
static void
emit_jsonb_cast(BuildState *st, const Plan *p)
{
	MemberList	ml = {0};
	GqlSchemaType *t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT, NULL, NULL);

	graphql_build_member(&ml, "String", graphql_build_named(st, "String_comparison_exp"), NULL, NULL);
	graphql_build_emit_members(st, t, &ml);
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
	GqlSchemaType *t = graphql_build_new_type(st, p, GQL_TYPE_ENUM, "column ordering options", NULL);
	int			k;

	for (k = 0; k < (int) lengthof(values); k++)
		gql_type_add_enum_value(st->schema, t, values[k][0], values[k][1]);
}

/*
 * query_root and subscription_root: <t>, <t>_aggregate, <t>_by_pk (or their
 * custom names), those the role's select permission allows
 */
static void
emit_root(BuildState *st, const Plan *p)
{
	MemberList	ml = {0};
	GqlSchemaType *t = graphql_build_new_type(st, p, GQL_TYPE_OBJECT, NULL, NULL);
	int			k;

	for (k = 0; k < st->cat->nrelations; k++)
	{
		RelInfo    *ri = &st->rels[k];
		GqlCatRelation *rel = ri->rel;
		const char *n = rel->gql_name;
		Member	   *m;

		if (!ri->exposed)
			continue;
		if (graphql_build_root_allowed(rel, GQL_ROOT_SELECT))
		{
			m = graphql_build_member(&ml, ri->root_names[GQL_ROOT_SELECT],
									 graphql_build_nonnull(st, graphql_build_list(st, graphql_build_named(st, n))),
									 psprintf("fetch data from the table: \"%s\"", ri->label),
									 &rel->root_select);
			m->args = ARGS_SELECT;
			m->args_rel = ri;
		}
		if (graphql_build_root_allowed(rel, GQL_ROOT_SELECT_AGGREGATE) &&
			graphql_build_may_aggregate(rel))
		{
			m = graphql_build_member(&ml, ri->root_names[GQL_ROOT_SELECT_AGGREGATE],
									 graphql_build_nonnull(st, graphql_build_named(st, psprintf("%s_aggregate", n))),
									 psprintf("fetch aggregated fields from the table: \"%s\"", ri->label),
									 &rel->root_aggregate);
			m->args = ARGS_SELECT;
			m->args_rel = ri;
		}
		if (rel->npkey == 0 || !graphql_build_root_allowed(rel, GQL_ROOT_SELECT_BY_PK))
			continue;
		m = graphql_build_member(&ml, ri->root_names[GQL_ROOT_SELECT_BY_PK], graphql_build_named(st, n),
								 psprintf("fetch data from the table: \"%s\" using primary key columns",
										  ri->label), &rel->root_by_pk);
		m->args = ARGS_BY_PK;
		m->args_rel = ri;
	}
	graphql_build_function_roots(st, &ml, FK_QUERY);
	if (ml.count == 0)
		graphql_build_member(&ml, "no_queries_available", graphql_build_nonnull(st, graphql_build_named(st, "String")),
				   NULL, NULL);
	graphql_build_emit_members(st, t, &ml);
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
		case P_JSONB_CAST:
			emit_jsonb_cast(st, p);
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
		default:
			if (!graphql_build_emit_mutation_type(st, p))
				elog(ERROR, "unexpected kind of planned type \"%s\"", p->name);
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
	if (st->has_mutations)
		gql_schema_set_root(st->schema, GQL_OP_MUTATION, "mutation_root");
	if (st->has_relations)
		gql_schema_set_root(st->schema, GQL_OP_SUBSCRIPTION, "subscription_root");
}
