/*-------------------------------------------------------------------------
 *
 * plan.c
 *	  A validated query operation as the planner's tree (planner.h).
 *
 * Fields are collected with gql_collect_fields (fragments, @skip/@include,
 * merging by response key) and read through the `source` pointers the
 * reflection module put on the schema: columns, relationships, root
 * fields.  Elements without a source (count, nodes, sum, ...) are known
 * by their names.  Arguments come with variables substituted.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"

#include "miscadmin.h"

#include "guc.h"
#include "planner/planner.h"

/* The aggregate operations and their SQL functions (same names) */
static const char *const agg_ops[] = {
	"avg", "max", "min", "stddev", "stddev_pop", "stddev_samp", "sum",
	"var_pop", "var_samp", "variance"
};

/*
 * The select being planned (the parent of the next one) and where the
 * location of an offending argument goes; set by graphql_plan_query.  The
 * planner is not re-entrant, like the rest of a backend.
 */
static PlanSelect *current_select;
static GqlLoc unreported_loc;
static GqlLoc *error_loc = &unreported_loc;

/* A growing array of order items */
typedef struct OrderList
{
	PlanOrder  *items;
	int			count;
	int			cap;
} OrderList;

static void plan_object_fields(const GqlExecContext *ctx,
							   const GqlCollectedField *cf,
							   const GqlSchemaType *type,
							   PlanField **fields, int *nfields);
static void plan_order_object(OrderList *ol, const GqlCatRelation *rel,
							  const GqlValue *v,
							  const GqlCatRelationship **path, int npath);

/* The SQL aggregate function of a GraphQL aggregate field, or NULL */
static const char *
agg_function(const char *name)
{
	int			k;

	for (k = 0; k < (int) lengthof(agg_ops); k++)
		if (strcmp(agg_ops[k], name) == 0)
			return agg_ops[k];
	return NULL;
}

/* Does a field of this type come out as a string under the setting */
static bool
stringify_type(const GqlTypeRef *type)
{
	const GqlSchemaType *named = gql_type_ref_named_type(type);

	return graphql_stringify_numeric_types &&
		(strcmp(named->name, "bigint") == 0 ||
		 strcmp(named->name, "float8") == 0 ||
		 strcmp(named->name, "numeric") == 0);
}

/* The value of an argument of a merged field, or NULL */
static const GqlValue *
arg_value(const GqlExecContext *ctx, const GqlCollectedField *cf,
		  const char *name)
{
	const GqlInputValue *def = gql_field_arg(cf->def, name);

	if (def == NULL)
		return NULL;
	return gql_argument_value(ctx, &cf->fields[0]->arguments, def);
}

/*
 * Note the location of argument name of cf (of the field when absent) as
 * the place of a planner error raised while the argument is planned
 */
static void
note_arg(const GqlCollectedField *cf, const char *name)
{
	const GqlList *args = &cf->fields[0]->arguments;
	int			k;

	*error_loc = cf->fields[0]->hdr.loc;
	for (k = 0; k < args->count; k++)
	{
		const GqlArgument *a = (const GqlArgument *) args->items[k];

		if (strcmp(a->name->value, name) == 0)
			*error_loc = a->hdr.loc;
	}
}

/* The computed field of rel named name, or NULL */
static const GqlCatComputedField *
computed_named(const GqlCatRelation *rel, const char *name)
{
	int			k;

	for (k = 0; k < rel->ncomputed; k++)
		if (strcmp(rel->computed[k]->name, name) == 0)
			return rel->computed[k];
	return NULL;
}

/* The column of rel named name, or NULL */
static const GqlCatColumn *
column_named(const GqlCatRelation *rel, const char *name)
{
	int			k;

	for (k = 0; k < rel->ncolumns; k++)
		if (rel->columns[k].gql_name && strcmp(rel->columns[k].gql_name, name) == 0)
			return &rel->columns[k];
	return NULL;
}

/* The columns named by a list of <t>_select_column values */
static int
plan_columns(const GqlCatRelation *rel, const GqlValue *v,
			 const GqlCatColumn ***out)
{
	const GqlValue **items;
	int			n = graphql_value_items(v, &items);
	int			k;

	*out = palloc(sizeof(GqlCatColumn *) * (n + 1));
	for (k = 0; k < n; k++)
	{
		(*out)[k] = column_named(rel, items[k]->value);
		if ((*out)[k] == NULL)
			elog(ERROR, "unknown column \"%s\"", items[k]->value);
	}
	return n;
}

/* ------------------------------------------------------------------------
 * order_by
 * ------------------------------------------------------------------------
 */

/* Append an order item; its direction from an order_by enum value */
static PlanOrder *
order_add(OrderList *ol, PlanOrderKind kind, const GqlValue *dir,
		  const GqlCatRelationship **path, int npath)
{
	PlanOrder  *o;
	const char *d = dir->value;

	if (ol->count == ol->cap)
	{
		ol->cap = ol->cap ? ol->cap * 2 : 8;
		ol->items = ol->items ? repalloc(ol->items, sizeof(PlanOrder) * ol->cap)
			: palloc(sizeof(PlanOrder) * ol->cap);
	}
	o = &ol->items[ol->count++];
	memset(o, 0, sizeof(PlanOrder));
	o->kind = kind;
	o->desc = strncmp(d, "desc", 4) == 0;
	/* asc: nulls last, desc: nulls first, unless said otherwise */
	o->nulls_first = strstr(d, "_nulls_") ? strstr(d, "_first") != NULL : o->desc;
	o->npath = npath;
	o->path = palloc(sizeof(GqlCatRelationship *) * (npath + 1));
	memcpy(o->path, path, sizeof(GqlCatRelationship *) * npath);
	return o;
}

/* Is name "<base>_aggregate" */
static bool
aggregate_of(const char *name, const char *base)
{
	size_t		len = strlen(base);

	return strncmp(name, base, len) == 0 && strcmp(name + len, "_aggregate") == 0;
}

/* The array relationship behind "<name>_aggregate", or NULL */
static const GqlCatRelationship *
aggregate_relationship(const GqlCatRelation *rel, const char *name)
{
	int			k;

	for (k = 0; k < rel->nrelationships; k++)
		if (rel->relationships[k]->tag == GQL_CAT_ARRAY_RELATIONSHIP &&
			aggregate_of(name, rel->relationships[k]->name))
			return rel->relationships[k];
	return NULL;
}

/* The computed field returning rows behind "<name>_aggregate", or NULL */
static const GqlCatComputedField *
aggregate_computed(const GqlCatRelation *rel, const char *name)
{
	int			k;

	for (k = 0; k < rel->ncomputed; k++)
		if (rel->computed[k]->order_aggregate && aggregate_of(name, rel->computed[k]->name))
			return rel->computed[k];
	return NULL;
}

/*
 * {count: dir, <op>: {col: dir}} over an array relationship r, or over the
 * rows of a computed field cc (r NULL)
 */
static void
plan_order_aggregate(OrderList *ol, const GqlCatRelationship *r,
					 const GqlCatComputedField *cc,
					 const GqlValue *v, const GqlCatRelationship **path,
					 int npath)
{
	const GqlCatRelation *target = r ? r->target : cc->function->relation;
	int			k,
				c;

	path[npath++] = r;
	for (k = 0; k < v->items.count; k++)
	{
		const GqlArgument *f = (const GqlArgument *) v->items.items[k];
		const char *fn = agg_function(f->name->value);

		if (f->value->hdr.kind == GQL_NULL_VALUE)
			continue;
		if (strcmp(f->name->value, "count") == 0)
		{
			order_add(ol, PO_COUNT, f->value, path, npath)->agg_computed = cc;
			continue;
		}
		for (c = 0; fn && c < f->value->items.count; c++)
		{
			const GqlArgument *cf = (const GqlArgument *) f->value->items.items[c];
			PlanOrder  *o;

			if (cf->value->hdr.kind == GQL_NULL_VALUE)
				continue;
			o = order_add(ol, PO_AGG, cf->value, path, npath);
			o->agg = fn;
			o->agg_computed = cc;
			o->column = column_named(target, cf->name->value);
		}
	}
}

/* The fields of one <t>_order_by object, in their order */
static void
plan_order_object(OrderList *ol, const GqlCatRelation *rel, const GqlValue *v,
				  const GqlCatRelationship **path, int npath)
{
	int			k;

	check_stack_depth();
	if (npath >= GQL_DEFAULT_MAX_DEPTH)
		ereport(ERROR,
				(errcode(ERRCODE_GRAPHQL_VALIDATION),
				 errmsg("order_by is nested too deeply")));
	for (k = 0; v->hdr.kind == GQL_OBJECT_VALUE && k < v->items.count; k++)
	{
		const GqlArgument *f = (const GqlArgument *) v->items.items[k];
		const char *name = f->name->value;
		const GqlCatColumn *col = column_named(rel, name);
		const GqlCatRelationship *r;
		int			j;

		if (f->value->hdr.kind == GQL_NULL_VALUE)
			continue;
		if (col)
		{
			order_add(ol, PO_COLUMN, f->value, path, npath)->column = col;
			continue;
		}
		if (computed_named(rel, name) != NULL)
		{
			order_add(ol, PO_COLUMN, f->value, path, npath)->computed =
				computed_named(rel, name);
			continue;
		}
		if ((r = aggregate_relationship(rel, name)) != NULL)
		{
			plan_order_aggregate(ol, r, NULL, f->value, path, npath);
			continue;
		}
		if (aggregate_computed(rel, name) != NULL)
		{
			plan_order_aggregate(ol, NULL, aggregate_computed(rel, name), f->value,
								 path, npath);
			continue;
		}
		for (j = 0; j < rel->nrelationships; j++)
			if (strcmp(rel->relationships[j]->name, name) == 0)
			{
				path[npath] = rel->relationships[j];
				plan_order_object(ol, rel->relationships[j]->target, f->value,
								  path, npath + 1);
			}
	}
}

/* order_by: a list of <t>_order_by objects */
static void
plan_order(PlanSelect *sel, const GqlValue *v)
{
	OrderList	ol = {0};
	const GqlValue **items;
	int			n = graphql_value_items(v, &items);
	const GqlCatRelationship *path[GQL_DEFAULT_MAX_DEPTH + 1];
	int			k;

	for (k = 0; k < n; k++)
		plan_order_object(&ol, sel->rel, items[k], path, 0);
	sel->order = ol.items;
	sel->norder = ol.count;
}

/*
 * distinct_on: its columns must lead order_by (in any order); without
 * order_by they become it.
 */
static void
plan_distinct(PlanSelect *sel, const GqlValue *v)
{
	int			k,
				j;

	sel->ndistinct = plan_columns(sel->rel, v, &sel->distinct_on);
	/* a column named twice counts once */
	for (k = 0, j = 0; k < sel->ndistinct; k++)
	{
		int			i;

		for (i = 0; i < j && sel->distinct_on[i] != sel->distinct_on[k]; i++)
			;
		if (i == j)
			sel->distinct_on[j++] = sel->distinct_on[k];
	}
	sel->ndistinct = j;
	/* DISTINCT ON sorts: a type without ordering (json) cannot be a key */
	for (k = 0; k < sel->ndistinct; k++)
		if (!sel->distinct_on[k]->orderable)
			ereport(ERROR,
					(errcode(ERRCODE_GRAPHQL_VALIDATION),
					 errmsg("\"distinct_on\" column \"%s\" has a type without ordering: its values cannot be told apart",
							sel->distinct_on[k]->gql_name)));
	if (sel->ndistinct == 0 || sel->norder == 0)
	{
		sel->order = palloc0(sizeof(PlanOrder) * (sel->ndistinct + 1));
		for (k = 0; k < sel->ndistinct; k++)
			sel->order[k].column = sel->distinct_on[k];
		sel->norder = sel->ndistinct;
		return;
	}
	for (k = 0; k < sel->ndistinct; k++)
	{
		bool		found = false;

		for (j = 0; j < sel->ndistinct && j < sel->norder; j++)
			found |= sel->order[j].kind == PO_COLUMN &&
				sel->order[j].npath == 0 &&
				sel->order[j].column == sel->distinct_on[k];
		if (!found || sel->norder < sel->ndistinct)
			ereport(ERROR,
					(errcode(ERRCODE_GRAPHQL_VALIDATION),
					 errmsg("\"distinct_on\" columns must match initial \"order_by\" columns")));
	}
}

/*
 * The limit of a list under graphql.max_rows and the limit of the role's
 * select permission on rel: the lower cap when the list has no limit or a
 * larger one
 */
static const GqlValue *
capped_limit(const GqlValue *limit, const GqlCatRelation *rel)
{
	GqlValue   *cap;
	int			max = graphql_max_rows;
	const GqlCatPermission *perm = rel ? rel->perms[GQL_PERM_SELECT] : NULL;

	/* the role's select permission may set a lower cap */
	if (perm && perm->row_limit > 0 && (max <= 0 || perm->row_limit < max))
		max = perm->row_limit;
	if (max <= 0)
		return limit;
	if (limit && limit->hdr.kind == GQL_INT_VALUE &&
		strtoll(pnstrdup(limit->value, limit->len), NULL, 10) <= max)
		return limit;
	cap = palloc0(sizeof(GqlValue));
	cap->hdr.kind = GQL_INT_VALUE;
	cap->value = psprintf("%d", max);
	cap->len = strlen(cap->value);
	return cap;
}

/* limit and offset are non-negative (Hasura checks it before running) */
static void
check_not_negative(const GqlValue *v, const char *arg)
{
	if (v && v->hdr.kind == GQL_INT_VALUE &&
		strtoll(pnstrdup(v->value, v->len), NULL, 10) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_GRAPHQL_VALIDATION),
				 errmsg("expected a non-negative 32-bit integer for argument \"%s\", but found %.*s",
						arg, (int) v->len, v->value)));
}

/* where, order_by, distinct_on, limit, offset of a list field */
static void
plan_select_args(const GqlExecContext *ctx, const GqlCollectedField *cf,
				 PlanSelect *sel)
{
	const GqlValue *distinct = arg_value(ctx, cf, "distinct_on");

	sel->where = arg_value(ctx, cf, "where");
	sel->limit = arg_value(ctx, cf, "limit");
	check_not_negative(sel->limit, "limit");
	check_not_negative(arg_value(ctx, cf, "offset"), "offset");
	/*
	 * graphql.max_rows and the role's select permission cap lists (not the
	 * rows an aggregate reads: Hasura counts them all)
	 */
	if (sel->shape == PS_LIST)
		sel->limit = capped_limit(sel->limit, sel->rel);
	sel->offset = arg_value(ctx, cf, "offset");
	note_arg(cf, "order_by");
	plan_order(sel, arg_value(ctx, cf, "order_by"));
	if (distinct && distinct->hdr.kind != GQL_NULL_VALUE)
	{
		note_arg(cf, "distinct_on");
		plan_distinct(sel, distinct);
	}
}

/* ------------------------------------------------------------------------
 * Selections
 * ------------------------------------------------------------------------
 */

/*
 * path of a json/jsonb field (column or scalar computed field): the
 * elements of its path argument, when given and not null
 */
static void
plan_json_path(const GqlExecContext *ctx, const GqlCollectedField *cf,
			   PlanField *f)
{
	const GqlValue *path;

	if (gql_field_arg(cf->def, "path") == NULL)
		return;
	path = arg_value(ctx, cf, "path");
	if (path == NULL || path->hdr.kind != GQL_STRING_VALUE)
		return;
	note_arg(cf, "path");
	f->json_path = graphql_json_path(path->value, path->len);
}

/* The collected fields of a merged field's sub-selections on its type */
static int
sub_fields(const GqlExecContext *ctx, const GqlCollectedField *cf,
		   const GqlSchemaType *type, GqlCollectedField **out)
{
	const GqlSelectionSet **sets;
	int			nsets = gql_field_selection_sets(ctx, cf, &sets);

	return gql_collect_fields(ctx, type, (const GqlSelectionSet *const *) sets,
							  nsets, out);
}

/* __typename of an object type: a constant */
static bool
plan_typename(const GqlExecContext *ctx, const GqlCollectedField *cf,
			  const GqlSchemaType *type, PlanField *f)
{
	if (cf->def != gql_typename_field(ctx->schema))
		return false;
	f->kind = PF_TEXT;
	f->text = type->name;
	return true;
}

/* <op> { col ... } of an aggregate: op(col) per column */
static void
plan_op_fields(const GqlExecContext *ctx, const GqlCollectedField *cf,
			   const char *fn, PlanField *out)
{
	const GqlSchemaType *type = gql_type_ref_named_type(cf->def->type);
	GqlCollectedField *sub;
	int			n = sub_fields(ctx, cf, type, &sub);
	int			k;

	out->kind = PF_OBJECT;
	out->fields = palloc0(sizeof(PlanField) * (n + 1));
	out->nfields = n;
	for (k = 0; k < n; k++)
	{
		PlanField  *f = &out->fields[k];

		f->key = sub[k].response_key;
		if (plan_typename(ctx, &sub[k], type, f))
			continue;
		f->kind = PF_AGG_OP;
		f->text = fn;
		f->column = sub[k].def->source;
		/* avg, stddev, ... of a numeric column are numeric, as in Hasura */
		f->stringify = stringify_type(sub[k].def->type) ||
			(graphql_stringify_numeric_types && f->column &&
			 f->column->type->oid == NUMERICOID);
		/* ... of other columns float8, as their GraphQL type Float says */
		f->to_float = f->column && f->column->type->oid != NUMERICOID &&
			strcmp(gql_type_ref_named_type(sub[k].def->type)->name, "Float") == 0;
	}
}

/* aggregate { count sum {...} ... } */
static void
plan_agg_fields(const GqlExecContext *ctx, const GqlCollectedField *cf,
				const GqlCatRelation *rel, PlanField *out)
{
	const GqlSchemaType *type = gql_type_ref_named_type(cf->def->type);
	GqlCollectedField *sub;
	int			n = sub_fields(ctx, cf, type, &sub);
	int			k;

	out->kind = PF_OBJECT;
	out->fields = palloc0(sizeof(PlanField) * (n + 1));
	out->nfields = n;
	for (k = 0; k < n; k++)
	{
		PlanField  *f = &out->fields[k];
		const GqlValue *d;

		f->key = sub[k].response_key;
		if (plan_typename(ctx, &sub[k], type, f))
			continue;
		if (strcmp(sub[k].def->name, "count") != 0)
		{
			plan_op_fields(ctx, &sub[k], agg_function(sub[k].def->name), f);
			continue;
		}
		f->kind = PF_COUNT;
		f->ncolumns = plan_columns(rel, arg_value(ctx, &sub[k], "columns"),
								   &f->columns);
		d = arg_value(ctx, &sub[k], "distinct");
		f->distinct = d && d->hdr.kind == GQL_BOOLEAN_VALUE && d->boolean;
	}
}

/* The fields of <t>_aggregate: aggregate, nodes, __typename */
static void
plan_aggregate(const GqlExecContext *ctx, const GqlCollectedField *cf,
			   PlanSelect *sel)
{
	const GqlSchemaType *type = gql_type_ref_named_type(cf->def->type);
	GqlCollectedField *sub;
	int			n = sub_fields(ctx, cf, type, &sub);
	int			k;

	sel->fields = palloc0(sizeof(PlanField) * (n + 1));
	sel->nfields = n;
	for (k = 0; k < n; k++)
	{
		PlanField  *f = &sel->fields[k];

		f->key = sub[k].response_key;
		if (plan_typename(ctx, &sub[k], type, f))
			continue;
		if (strcmp(sub[k].def->name, "aggregate") == 0)
			plan_agg_fields(ctx, &sub[k], sel->rel, f);
		else
		{
			plan_object_fields(ctx, &sub[k],
							   gql_type_ref_named_type(sub[k].def->type),
							   &f->fields, &f->nfields);
			f->kind = PF_NODES;
		}
	}
}

/* A selection of rows of rel under field cf */
static PlanSelect *
plan_select(const GqlExecContext *ctx, const GqlCollectedField *cf,
			PlanShape shape, const GqlCatRelation *rel,
			const GqlCatRelationship *via)
{
	PlanSelect *sel = palloc0(sizeof(PlanSelect));

	sel->shape = shape;
	sel->parent = current_select;
	sel->key = cf->response_key;
	sel->loc = cf->fields[0]->hdr.loc;
	sel->rel = rel;
	sel->via = via;
	if (gql_field_arg(cf->def, "where"))
		plan_select_args(ctx, cf, sel);
	current_select = sel;
	if (shape == PS_AGGREGATE)
		plan_aggregate(ctx, cf, sel);
	else
		plan_object_fields(ctx, cf, gql_type_ref_named_type(cf->def->type),
						   &sel->fields, &sel->nfields);
	current_select = (PlanSelect *) sel->parent;
	return sel;
}

/*
 * The sub-selection of a value of a composite type (an object type whose
 * fields are attributes): PF_ATTR fields, nested for composite attributes
 */
static void
plan_composite(const GqlExecContext *ctx, const GqlCollectedField *cf,
			   PlanField *f)
{
	const GqlSchemaType *type = gql_type_ref_named_type(cf->def->type);
	GqlCollectedField *sub;
	int			n;
	int			k;

	if (type->kind != GQL_TYPE_OBJECT)
		return;
	check_stack_depth();
	n = sub_fields(ctx, cf, type, &sub);
	f->fields = palloc0(sizeof(PlanField) * (n + 1));
	f->nfields = n;
	for (k = 0; k < n; k++)
	{
		PlanField  *g = &f->fields[k];
		const GqlCatAttribute *a = sub[k].def->source;

		g->key = sub[k].response_key;
		if (plan_typename(ctx, &sub[k], type, g))
			continue;
		if (a == NULL || a->tag != GQL_CAT_ATTRIBUTE)
			elog(ERROR, "unexpected source of field \"%s\"", sub[k].def->name);
		g->kind = PF_ATTR;
		g->text = a->name;
		g->stringify = stringify_type(sub[k].def->type);
		plan_composite(ctx, &sub[k], g);
	}
}

/*
 * A function's field: a scalar value (PF_CALL), or a selection of rows
 * from the call.  row: the function takes the parent row first (a
 * computed field).  aggregate: <fn>_aggregate.
 */
static void
plan_call(const GqlExecContext *ctx, const GqlCollectedField *cf,
		  const GqlCatFunction *fn, bool row, PlanField *f)
{
	const GqlValue *args = arg_value(ctx, cf, "args");

	if (fn->returns == GQL_FUNC_SCALAR)
	{
		f->kind = PF_CALL;
		f->func = fn;
		f->func_args = args;
		f->func_row = row;
		f->stringify = stringify_type(cf->def->type);
		plan_composite(ctx, cf, f);
		plan_json_path(ctx, cf, f);
		return;
	}
	f->kind = PF_SELECT;
	f->select = plan_select(ctx, cf, fn->returns == GQL_FUNC_ROW ? PS_SINGLE :
							*(const GqlCatTag *) cf->def->source ==
							GQL_CAT_ROOT_FUNCTION_AGGREGATE ? PS_AGGREGATE :
							PS_LIST, fn->relation, NULL);
	f->select->func = fn;
	f->select->func_args = args;
	f->select->func_row = row;
}

/* One field of an object type of a relation */
static void
plan_object_field(const GqlExecContext *ctx, const GqlCollectedField *cf,
				  const GqlSchemaType *type, PlanField *f)
{
	const GqlCatTag *tag = cf->def->source;
	const GqlCatRole *role;
	const GqlCatRelationship *r;

	f->key = cf->response_key;
	if (plan_typename(ctx, cf, type, f))
		return;
	f->kind = PF_SELECT;
	switch (*tag)
	{
		case GQL_CAT_COLUMN:
			f->kind = PF_COLUMN;
			f->column = (const GqlCatColumn *) tag;
			f->stringify = stringify_type(cf->def->type);
			plan_composite(ctx, cf, f);
			plan_json_path(ctx, cf, f);
			break;
		case GQL_CAT_OBJECT_RELATIONSHIP:
		case GQL_CAT_ARRAY_RELATIONSHIP:
			r = (const GqlCatRelationship *) tag;
			f->select = plan_select(ctx, cf, *tag == GQL_CAT_OBJECT_RELATIONSHIP
									? PS_SINGLE : PS_LIST, r->target, r);
			break;
		case GQL_CAT_ARRAY_AGGREGATE:
			role = (const GqlCatRole *) tag;
			f->select = plan_select(ctx, cf, PS_AGGREGATE,
									role->relationship->target,
									role->relationship);
			break;
		case GQL_CAT_COMPUTED_FIELD:
			plan_call(ctx, cf, ((const GqlCatComputedField *) tag)->function,
					  true, f);
			break;
		default:
			elog(ERROR, "unexpected source of field \"%s\"", cf->def->name);
	}
}

/* The fields of the sub-selection of cf on an object type */
static void
plan_object_fields(const GqlExecContext *ctx, const GqlCollectedField *cf,
				   const GqlSchemaType *type, PlanField **fields, int *nfields)
{
	GqlCollectedField *sub;
	int			n = sub_fields(ctx, cf, type, &sub);
	int			k;

	check_stack_depth();
	*fields = palloc0(sizeof(PlanField) * (n + 1));
	*nfields = n;
	for (k = 0; k < n; k++)
		plan_object_field(ctx, &sub[k], type, &(*fields)[k]);
}

/* <t>_by_pk(pk...): one row by its key */
static PlanSelect *
plan_by_pk(const GqlExecContext *ctx, const GqlCollectedField *cf,
		   const GqlCatRelation *rel)
{
	PlanSelect *sel = plan_select(ctx, cf, PS_SINGLE, rel, NULL);
	int			k;

	sel->npk = cf->def->nargs;
	sel->pk = palloc(sizeof(GqlCatColumn *) * (sel->npk + 1));
	sel->pk_values = palloc(sizeof(GqlValue *) * (sel->npk + 1));
	for (k = 0; k < sel->npk; k++)
	{
		sel->pk[k] = cf->def->args[k]->source;
		sel->pk_values[k] = gql_argument_value(ctx, &cf->fields[0]->arguments,
											   cf->def->args[k]);
	}
	return sel;
}

/* One root field of query_root */
static void
plan_root_field(const GqlExecContext *ctx, const GqlCollectedField *cf,
				PlanField *f)
{
	const GqlCatRole *role = cf->def->source;

	f->key = cf->response_key;
	if (plan_typename(ctx, cf, ctx->schema->query_type, f))
		return;
	if (cf->def == gql_schema_meta_field(ctx->schema) ||
		cf->def == gql_type_meta_field(ctx->schema))
	{
		f->kind = PF_JSON;
		f->text = gql_introspect(ctx, cf);
		return;
	}
	if (role == NULL)			/* no_queries_available */
	{
		f->kind = PF_TEXT;
		f->text = "";
		return;
	}
	if (role->tag == GQL_CAT_ROOT_FUNCTION ||
		role->tag == GQL_CAT_ROOT_FUNCTION_AGGREGATE)
	{
		plan_call(ctx, cf, role->function, false, f);
		f->loc = cf->fields[0]->hdr.loc;
		return;
	}
	f->kind = PF_SELECT;
	if (role->tag == GQL_CAT_ROOT_BY_PK)
		f->select = plan_by_pk(ctx, cf, role->relation);
	else
		f->select = plan_select(ctx, cf, role->tag == GQL_CAT_ROOT_AGGREGATE
								? PS_AGGREGATE : PS_LIST, role->relation, NULL);
}

/*
 * The tree of the operation in ctx (a query or subscription of the
 * query_root's shape).
 */
PlanQuery *
graphql_plan_query(const GqlExecContext *ctx, GqlLoc *err_loc)
{
	PlanQuery  *plan = palloc0(sizeof(PlanQuery));
	const GqlSchemaType *root = ctx->schema->query_type;
	const GqlSelectionSet *set = ctx->operation->selection_set;
	GqlCollectedField *cf;
	int			n = gql_collect_fields(ctx, root, &set, 1, &cf);
	int			k;

	current_select = NULL;
	error_loc = err_loc;
	plan->fields = palloc0(sizeof(PlanField) * (n + 1));
	plan->nfields = n;
	for (k = 0; k < n; k++)
		plan_root_field(ctx, &cf[k], &plan->fields[k]);
	return plan;
}

/*
 * The answer of a mutation field that has run (planner.h): its rows come
 * from rows_json; affected_rows is a constant.
 */
PlanQuery *
graphql_plan_mutation_result(const GqlExecContext *ctx,
							 const GqlCollectedField *cf,
							 const GqlCatRelation *rel, MutResultShape shape,
							 int64 affected, const char *rows_json)
{
	PlanQuery  *plan = palloc0(sizeof(PlanQuery));
	PlanField  *f = palloc0(sizeof(PlanField) * 2);
	const GqlSchemaType *type = gql_type_ref_named_type(cf->def->type);
	GqlCollectedField *sub;
	int			n;
	int			k;

	current_select = NULL;
	error_loc = &unreported_loc;
	plan->fields = f;
	plan->nfields = 1;
	f->key = cf->response_key;
	if (shape != MR_RESPONSE)
	{
		f->kind = PF_SELECT;
		f->select = plan_select(ctx, cf, shape == MR_ROW ? PS_SINGLE : PS_LIST,
								rel, NULL);
		f->select->rows_json = rows_json;
		return plan;
	}
	/* <t>_mutation_response { affected_rows returning { ... } } */
	n = sub_fields(ctx, cf, type, &sub);
	f->kind = PF_OBJECT;
	f->fields = palloc0(sizeof(PlanField) * (n + 1));
	f->nfields = n;
	for (k = 0; k < n; k++)
	{
		PlanField  *g = &f->fields[k];

		g->key = sub[k].response_key;
		if (plan_typename(ctx, &sub[k], type, g))
			continue;
		if (strcmp(sub[k].def->name, "affected_rows") == 0)
		{
			g->kind = PF_JSON;
			g->text = psprintf(INT64_FORMAT, affected);
			continue;
		}
		g->kind = PF_SELECT;		/* returning */
		g->select = plan_select(ctx, &sub[k], PS_LIST, rel, NULL);
		g->select->rows_json = rows_json;
	}
	return plan;
}

/* One root field alone (planner.h) */
PlanQuery *
graphql_plan_field(const GqlExecContext *ctx, const GqlCollectedField *cf)
{
	PlanQuery  *plan = palloc0(sizeof(PlanQuery));

	current_select = NULL;
	error_loc = &unreported_loc;
	plan->fields = palloc0(sizeof(PlanField) * 2);
	plan->nfields = 1;
	plan_root_field(ctx, cf, &plan->fields[0]);
	return plan;
}
