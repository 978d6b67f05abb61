/*-------------------------------------------------------------------------
 *
 * sql.c
 *	  The plan tree as ONE SQL statement that computes the `data` object.
 *
 *	  SELECT json_build_object('<key>', <expr>, ...)
 *
 * where a list of rows is
 *
 *	  (SELECT coalesce(json_agg(json_build_object(...) ORDER BY ...),
 *					   '[]'::json)
 *	   FROM <rel> AS tM
 *	   WHERE <join to the parent> AND <where>)
 *
 * the rows aggregated directly, in order, with no Sort below the
 * aggregate; a list with LIMIT, OFFSET or DISTINCT ON, which must pick its
 * rows in order before aggregating them, orders them in a subquery:
 *
 *	  (SELECT coalesce(json_agg(sN.j), '[]'::json)
 *	   FROM (SELECT [DISTINCT ON (...)] json_build_object(...) AS j
 *			 FROM <rel> AS tM
 *			 WHERE <join to the parent> AND <where>
 *			 ORDER BY ... LIMIT ... OFFSET ...) AS sN)
 *
 * one row (object relationship, _by_pk) is the inner SELECT alone with
 * LIMIT 1, and an aggregate computes its aggregates over the inner rows,
 * which then carry the columns the aggregates need (c0, c1, ...) and the
 * node objects (j0, ...).  Nested selections are correlated subqueries.
 * An object of more than 50 fields merges json_build_object chunks
 * (emit_object).
 * Values are $n parameters passed as text and cast to their type; aliases
 * are numbered in emission order.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "miscadmin.h"

#include "metadata/metadata.h"
#include "planner/planner.h"

/* json_build_object takes at most 100 arguments: 50 key/value pairs */
#define OBJECT_CHUNK_KEYS 50

/* The inner select list of an aggregate, built while its outer part is */
typedef struct AggInner
{
	StringInfoData list;
	const char *rows;			/* alias of the inner rows */
	const char *row;			/* alias of the relation inside */
	int			next;
	int			nodes_cap;		/* nodes: at most this many (the role's
								 * select permission limit), 0: all */
} AggInner;

static void emit_select(SqlContext *cx, const PlanSelect *sel,
						const char *parent);
static void emit_object(SqlContext *cx, const PlanField *fields, int nfields,
						const char *alias, AggInner *agg);

/* ------------------------------------------------------------------------
 * Helpers shared with where.c
 * ------------------------------------------------------------------------
 */

/* A fresh table alias */
char *
graphql_sql_alias(SqlContext *cx)
{
	return psprintf("t%d", cx->next_alias++);
}

/* Append a parameter reference cast to sqltype */
void
graphql_sql_param(SqlContext *cx, const char *value, const char *sqltype)
{
	graphql_sql_param_checked(cx, value, sqltype,
							  psprintf("SELECT $1::%s", sqltype));
}

/* The same, with the statement checking the value alone */
void
graphql_sql_param_checked(SqlContext *cx, const char *value,
						  const char *sqltype, const char *check)
{
	if (cx->nparams == cx->params_cap)
	{
		cx->params_cap = cx->params_cap ? cx->params_cap * 2 : 8;
		cx->values = cx->values
			? repalloc(cx->values, sizeof(char *) * cx->params_cap)
			: palloc(sizeof(char *) * cx->params_cap);
		cx->sites = cx->sites
			? repalloc(cx->sites, sizeof(PlanParamSite) * cx->params_cap)
			: palloc(sizeof(PlanParamSite) * cx->params_cap);
	}
	cx->sites[cx->nparams].select = cx->select;
	cx->sites[cx->nparams].check = (char *) check;
	cx->values[cx->nparams++] = value ? pstrdup(value) : NULL;
	appendStringInfo(&cx->buf, "$%d::%s", cx->nparams, sqltype);
}

/* A value as JSON text */
static void
value_json(StringInfo out, const GqlValue *v)
{
	int			k;

	switch (v->hdr.kind)
	{
		case GQL_INT_VALUE:
		case GQL_FLOAT_VALUE:
			appendBinaryStringInfo(out, v->value, (int) v->len);
			break;
		case GQL_STRING_VALUE:
		case GQL_ENUM_VALUE:
			escape_json(out, pnstrdup(v->value, v->len));
			break;
		case GQL_BOOLEAN_VALUE:
			appendStringInfoString(out, v->boolean ? "true" : "false");
			break;
		case GQL_LIST_VALUE:
			appendStringInfoChar(out, '[');
			for (k = 0; k < v->items.count; k++)
			{
				if (k > 0)
					appendStringInfoString(out, ", ");
				value_json(out, (const GqlValue *) v->items.items[k]);
			}
			appendStringInfoChar(out, ']');
			break;
		case GQL_OBJECT_VALUE:
			appendStringInfoChar(out, '{');
			for (k = 0; k < v->items.count; k++)
			{
				const GqlArgument *f = (const GqlArgument *) v->items.items[k];

				if (k > 0)
					appendStringInfoString(out, ", ");
				escape_json(out, f->name->value);
				appendStringInfoString(out, ": ");
				value_json(out, f->value);
			}
			appendStringInfoChar(out, '}');
			break;
		default:
			appendStringInfoString(out, "null");
			break;
	}
}

/* A list value as a PostgreSQL array literal ({"a","b"}) */
static void
value_array(StringInfo out, const GqlValue *v, bool json)
{
	int			k;
	const char *p;

	appendStringInfoChar(out, '{');
	for (k = 0; k < v->items.count; k++)
	{
		const GqlValue *item = (const GqlValue *) v->items.items[k];
		char	   *s;

		if (k > 0)
			appendStringInfoChar(out, ',');
		if (item->hdr.kind == GQL_NULL_VALUE)
		{
			appendStringInfoString(out, "NULL");
			continue;
		}
		s = graphql_sql_value_text(item, json);
		appendStringInfoChar(out, '"');
		for (p = s; *p; p++)
		{
			if (*p == '"' || *p == '\\')
				appendStringInfoChar(out, '\\');
			appendStringInfoChar(out, *p);
		}
		appendStringInfoChar(out, '"');
	}
	appendStringInfoChar(out, '}');
}

/*
 * The text form of a constant value: JSON text for json columns, an array
 * literal for lists, the literal otherwise; NULL for null.
 */
char *
graphql_sql_value_text(const GqlValue *value, bool json)
{
	StringInfoData out;

	if (value == NULL || value->hdr.kind == GQL_NULL_VALUE)
		return NULL;
	initStringInfo(&out);
	if (value->hdr.kind == GQL_LIST_VALUE && !json)
		value_array(&out, value, json);
	else if (json || value->hdr.kind == GQL_OBJECT_VALUE)
		value_json(&out, value);
	else if (value->hdr.kind == GQL_BOOLEAN_VALUE)
		appendStringInfoString(&out, value->boolean ? "true" : "false");
	else
		appendBinaryStringInfo(&out, value->value, (int) value->len);
	return out.data;
}

/*
 * A list value as a PostgreSQL array literal; with json, each element is
 * JSON text (for _in / _nin over json and jsonb columns).
 */
char *
graphql_sql_array_text(const GqlValue *list, bool json)
{
	StringInfoData out;

	initStringInfo(&out);
	value_array(&out, list, json);
	return out.data;
}

/*
 * The array literal of the items of v, a single value standing for a list
 * of one (input coercion); json_items: each item as JSON text (_in / _nin
 * over a json column), else as plain text (keys, elements).
 */
char *
graphql_sql_items_text(const GqlValue *v, bool json_items)
{
	GqlValue	list = {0};
	const GqlValue **items;

	list.hdr.kind = GQL_LIST_VALUE;
	list.items.count = graphql_value_items(v, &items);
	list.items.items = (GqlNode **) items;
	return graphql_sql_array_text(&list, json_items);
}

/* The schema-qualified name of a type */
char *
graphql_sql_type_name(Oid typid, bool array)
{
	/* TYPEMOD_GIVEN: bpchar without a length is "bpchar", not char(1) */
	char	   *name = format_type_extended(typid, -1, FORMAT_TYPE_FORCE_QUALIFY |
											FORMAT_TYPE_TYPEMOD_GIVEN);

	return array ? psprintf("%s[]", name) : name;
}

/* alias.column */
void
graphql_sql_column(SqlContext *cx, const char *alias, const GqlCatColumn *col)
{
	appendStringInfo(&cx->buf, "%s.%s", alias, quote_identifier(col->name));
}

/* schema.relation AS alias */
void
graphql_sql_from(SqlContext *cx, const GqlCatRelation *rel, const char *alias)
{
	appendStringInfo(&cx->buf, "%s AS %s",
					 quote_qualified_identifier(rel->nspname, rel->relname),
					 alias);
}

/* child.target_col = parent.source_col AND ... */
void
graphql_sql_join(SqlContext *cx, const GqlCatRelationship *r,
				 const char *parent, const char *child)
{
	int			k;

	for (k = 0; k < r->ncols; k++)
	{
		if (k > 0)
			appendStringInfoString(&cx->buf, " AND ");
		graphql_sql_column(cx, child, r->target_cols[k]);
		appendStringInfoString(&cx->buf, " = ");
		graphql_sql_column(cx, parent, r->source_cols[k]);
	}
}

/* The items of a list value; a single value is a list of one */
int
graphql_value_items(const GqlValue *value, const GqlValue ***items)
{
	if (value == NULL || value->hdr.kind == GQL_NULL_VALUE)
	{
		*items = NULL;
		return 0;
	}
	if (value->hdr.kind != GQL_LIST_VALUE)
	{
		*items = palloc(sizeof(GqlValue *));
		(*items)[0] = value;
		return 1;
	}
	*items = (const GqlValue **) value->items.items;
	return value->items.count;
}

/* ------------------------------------------------------------------------
 * Ordering
 * ------------------------------------------------------------------------
 */

/* The expression an order item sorts by, from path step depth on */
static void
order_expr(SqlContext *cx, const PlanOrder *o, int depth, const char *alias)
{
	const GqlCatRelationship *r;
	char	   *child;

	if (depth == o->npath && o->computed)
	{
		graphql_sql_call(cx, o->computed->function, alias, NULL);
		return;
	}
	if (depth == o->npath)
	{
		graphql_sql_column(cx, alias, o->column);
		return;
	}
	r = o->path[depth];
	child = graphql_sql_alias(cx);
	if (r == NULL)
	{
		/* the aggregate over a computed field's rows */
		appendStringInfoString(&cx->buf, "(SELECT ");
		if (o->kind == PO_COUNT)
			appendStringInfoString(&cx->buf, "count(*)");
		else
		{
			appendStringInfo(&cx->buf, "%s(", o->agg);
			graphql_sql_column(cx, child, o->column);
			appendStringInfoChar(&cx->buf, ')');
		}
		appendStringInfoString(&cx->buf, " FROM ");
		graphql_sql_call(cx, o->agg_computed->function, alias, NULL);
		appendStringInfo(&cx->buf, " AS %s)", child);
		return;
	}
	appendStringInfoString(&cx->buf, "(SELECT ");
	if (depth + 1 == o->npath && o->kind == PO_COUNT)
		appendStringInfoString(&cx->buf, "count(*)");
	else if (depth + 1 == o->npath && o->kind == PO_AGG)
	{
		appendStringInfo(&cx->buf, "%s(", o->agg);
		graphql_sql_column(cx, child, o->column);
		appendStringInfoChar(&cx->buf, ')');
	}
	else
		order_expr(cx, o, depth + 1, child);
	appendStringInfoString(&cx->buf, " FROM ");
	graphql_sql_from(cx, r->target, child);
	appendStringInfoString(&cx->buf, " WHERE ");
	graphql_sql_join(cx, r, alias, child);
	appendStringInfoChar(&cx->buf, ')');
}

/* DISTINCT ON (...) of a selection */
static void
emit_distinct(SqlContext *cx, const PlanSelect *sel, const char *alias)
{
	int			k;

	if (sel->ndistinct == 0)
		return;
	appendStringInfoString(&cx->buf, "DISTINCT ON (");
	for (k = 0; k < sel->ndistinct; k++)
	{
		if (k > 0)
			appendStringInfoString(&cx->buf, ", ");
		graphql_sql_column(cx, alias, sel->distinct_on[k]);
	}
	appendStringInfoString(&cx->buf, ") ");
}

/* FROM and WHERE of a selection's rows */
static void
emit_rows_from(SqlContext *cx, const PlanSelect *sel, const char *alias,
			   const char *parent)
{
	int			k;

	appendStringInfoString(&cx->buf, " FROM ");
	if (sel->rows_json)
	{
		/* <alias>_r: the items in order; <alias>: each as a row of rel */
		appendStringInfoString(&cx->buf, "json_array_elements(");
		graphql_sql_param(cx, sel->rows_json, "json");
		appendStringInfo(&cx->buf,
						 ") WITH ORDINALITY AS %s_r(j, n), json_populate_record(NULL::%s, %s_r.j) AS %s",
						 alias,
						 quote_qualified_identifier(sel->rel->nspname,
													sel->rel->relname),
						 alias, alias);
	}
	else if (sel->func)
	{
		graphql_sql_call(cx, sel->func, sel->func_row ? parent : NULL,
						 sel->func_args);
		appendStringInfo(&cx->buf, " AS %s", alias);
	}
	else
		graphql_sql_from(cx, sel->rel, alias);
	appendStringInfoString(&cx->buf, " WHERE ");
	/*
	 * a function returning one row gives a row of NULLs for no row (whole
	 * rows are written alias.*: a bare alias would name a column so called)
	 */
	if (sel->func && sel->func->returns == GQL_FUNC_ROW)
		appendStringInfo(&cx->buf, "NOT (%s.* IS NULL) AND ", alias);
	if (sel->via)
	{
		graphql_sql_join(cx, sel->via, parent, alias);
		appendStringInfoString(&cx->buf, " AND ");
	}
	for (k = 0; k < sel->npk; k++)
	{
		graphql_sql_column(cx, alias, sel->pk[k]);
		appendStringInfoString(&cx->buf, " = ");
		graphql_sql_param(cx, graphql_sql_value_text(sel->pk_values[k], false),
						  graphql_sql_type_name(sel->pk[k]->typid, false));
		appendStringInfoString(&cx->buf, " AND ");
	}
	graphql_check_session_vars(sel->rel, GQL_PERM_SELECT);
	if (!sel->rows_json && !sel->func)
		graphql_sql_permission_filter(cx, sel->rel, GQL_PERM_SELECT, alias);
	graphql_where_sql(cx, sel->rel, alias, sel->where);
}

/*
 * A request that reads or writes rel under a permission of the role whose
 * filter or check compares with a session variable the request does not
 * have fails, as in Hasura (the policy alone would let no row through)
 */
void
graphql_check_session_vars(const GqlCatRelation *rel, GqlPermKind kind)
{
	static const char *const perm_kind_names[] = {"select", "insert", "update", "delete"};
	const GqlCatPermission *perm = rel ? rel->perms[kind] : NULL;
	int			k;

	for (k = 0; perm && k < perm->nsession_vars; k++)
		if (graphql_session_get(perm->session_vars[k]) == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_GRAPHQL_NOT_FOUND),
					 errmsg("missing session variable: \"%s\"", perm->session_vars[k]),
					 errhint("The %s permission of role \"%s\" on \"%s\" uses it; set it in graphql.session.",
							 perm_kind_names[kind], GetUserNameFromId(GetUserId(), false),
							 rel->relname)));
}

/*
 * "(<filter>) AND " of the role's permission of this kind on a relation
 * without row level security (views, materialized views, foreign tables):
 * PostgreSQL cannot filter their rows, the engine does
 */
void
graphql_sql_permission_filter(SqlContext *cx, const GqlCatRelation *rel,
							  GqlPermKind kind, const char *alias)
{
	const GqlCatPermission *perm = rel->perms[kind];

	if (perm == NULL || perm->filter_sql == NULL ||
		rel->relkind == 'r' || rel->relkind == 'p')
		return;
	appendStringInfo(&cx->buf, "(%s) AND ", graphql_permission_filter(perm, alias));
}

/*
 * " ORDER BY ..." of a selection's rows, nothing when they are unordered.
 * The same text serves a query's ORDER BY and an aggregate's.
 */
static void
emit_order_by(SqlContext *cx, const PlanSelect *sel, const char *alias)
{
	int			k;

	if (sel->rows_json && sel->norder == 0)
		appendStringInfo(&cx->buf, " ORDER BY %s_r.n", alias);
	for (k = 0; k < sel->norder; k++)
	{
		const PlanOrder *o = &sel->order[k];

		appendStringInfoString(&cx->buf, k == 0 ? " ORDER BY " : ", ");
		order_expr(cx, o, 0, alias);
		appendStringInfo(&cx->buf, " %s NULLS %s", o->desc ? "DESC" : "ASC",
						 o->nulls_first ? "FIRST" : "LAST");
	}
}

/* Whether a selection has a LIMIT or an OFFSET value (null: none) */
static bool
has_limit_offset(const PlanSelect *sel)
{
	return (sel->limit && sel->limit->hdr.kind != GQL_NULL_VALUE) ||
		(sel->offset && sel->offset->hdr.kind != GQL_NULL_VALUE);
}

/* FROM, WHERE, ORDER BY, LIMIT, OFFSET of a selection's rows */
static void
emit_rows_tail(SqlContext *cx, const PlanSelect *sel, const char *alias,
			   const char *parent)
{
	emit_rows_from(cx, sel, alias, parent);
	emit_order_by(cx, sel, alias);
	if (sel->limit && sel->limit->hdr.kind != GQL_NULL_VALUE)
	{
		appendStringInfoString(&cx->buf, " LIMIT ");
		graphql_sql_param_checked(cx, graphql_sql_value_text(sel->limit, false),
								  "int8", "SELECT 1 LIMIT $1::int8");
	}
	if (sel->offset && sel->offset->hdr.kind != GQL_NULL_VALUE)
	{
		appendStringInfoString(&cx->buf, " OFFSET ");
		graphql_sql_param_checked(cx, graphql_sql_value_text(sel->offset, false),
								  "int8", "SELECT 1 OFFSET $1::int8");
	}
}

/* ------------------------------------------------------------------------
 * Objects and fields
 * ------------------------------------------------------------------------
 */

/* A column of the inner rows of an aggregate: its name there */
static char *
agg_inner_column(SqlContext *cx, AggInner *agg, const GqlCatColumn *col)
{
	char	   *name = psprintf("c%d", agg->next++);

	appendStringInfo(&agg->list, ", %s.%s AS %s", agg->row,
					 quote_identifier(col->name), name);
	return name;
}

/* count(*), count(c), count(DISTINCT c), count over several columns */
static void
emit_count(SqlContext *cx, const PlanField *f, AggInner *agg)
{
	int			k;

	if (f->ncolumns == 0)
	{
		appendStringInfoString(&cx->buf, "count(*)");
		return;
	}
	appendStringInfoString(&cx->buf, f->distinct ? "count(DISTINCT " : "count(");
	if (f->ncolumns > 1)
		appendStringInfoString(&cx->buf, "ROW(");
	for (k = 0; k < f->ncolumns; k++)
		appendStringInfo(&cx->buf, "%s%s.%s", k > 0 ? ", " : "", agg->rows,
						 agg_inner_column(cx, agg, f->columns[k]));
	appendStringInfoString(&cx->buf, f->ncolumns > 1 ? "))" : ")");
}

/* The node objects of an aggregate, computed by the inner rows */
static void
emit_nodes(SqlContext *cx, const PlanField *f, AggInner *agg)
{
	char	   *name = psprintf("j%d", agg->next++);
	StringInfoData saved = cx->buf;

	/* build the node object into the inner list */
	cx->buf = agg->list;
	appendStringInfoString(&cx->buf, ", ");
	emit_object(cx, f->fields, f->nfields, agg->row, NULL);
	appendStringInfo(&cx->buf, " AS %s", name);
	agg->list = cx->buf;
	cx->buf = saved;
	if (agg->nodes_cap > 0)
		appendStringInfo(&cx->buf,
						 "coalesce(json_agg(%s.%s) FILTER (WHERE %s.rn <= %d), '[]'::json)",
						 agg->rows, name, agg->rows, agg->nodes_cap);
	else
		appendStringInfo(&cx->buf, "coalesce(json_agg(%s.%s), '[]'::json)",
						 agg->rows, name);
}

/*
 * The value of a field of a composite type before its attributes are
 * picked: the column, the call, or the attribute of an enclosing value
 */
static void
emit_composite_value(SqlContext *cx, const PlanField *f, const char *alias)
{
	switch (f->kind)
	{
		case PF_COLUMN:
			graphql_sql_column(cx, alias, f->column);
			break;
		case PF_CALL:
			graphql_sql_call(cx, f->func, f->func_row ? alias : NULL,
							 f->func_args);
			break;
		case PF_ATTR:
			appendStringInfo(&cx->buf, "%s.j->%s", alias,
							 quote_literal_cstr(f->text));
			break;
		default:
			elog(ERROR, "unexpected kind of composite field");
	}
}

/*
 * The object of the selected attributes of a composite value: the value as
 * JSON (j) in a one-row subquery, its attributes picked from it; null for
 * a null value
 */
static void
emit_composite(SqlContext *cx, const PlanField *f, const char *alias)
{
	char	   *a = graphql_sql_alias(cx);

	appendStringInfo(&cx->buf, "(SELECT CASE WHEN json_typeof(%s.j) = 'object' THEN ", a);
	emit_object(cx, f->fields, f->nfields, a, NULL);
	appendStringInfoString(&cx->buf, " END FROM (SELECT to_json(");
	emit_composite_value(cx, f, alias);
	appendStringInfo(&cx->buf, ") AS j) AS %s)", a);
}

/*
 * The value at the path argument of a json/jsonb column or call:
 * (value #> $n::text[]), the elements a parameter; null where the path
 * leads nowhere
 */
static void
emit_json_path(SqlContext *cx, const PlanField *f, const char *alias)
{
	appendStringInfoChar(&cx->buf, '(');
	if (f->kind == PF_COLUMN)
		graphql_sql_column(cx, alias, f->column);
	else
		graphql_sql_call(cx, f->func, f->func_row ? alias : NULL,
						 f->func_args);
	appendStringInfoString(&cx->buf, " #> ");
	graphql_sql_param(cx, f->json_path, "text[]");
	appendStringInfoChar(&cx->buf, ')');
}

/* The value of one field in its scope (row alias, or aggregate rows) */
static void
emit_field(SqlContext *cx, const PlanField *f, const char *alias,
		   AggInner *agg)
{
	if (f->fields && (f->kind == PF_COLUMN || f->kind == PF_CALL ||
					  f->kind == PF_ATTR))
	{
		emit_composite(cx, f, alias);
		return;
	}
	switch (f->kind)
	{
		case PF_ATTR:
			appendStringInfo(&cx->buf, "%s.j%s%s", alias,
							 f->stringify ? "->>" : "->",
							 quote_literal_cstr(f->text));
			break;
		case PF_COLUMN:
			if (f->json_path)
			{
				emit_json_path(cx, f, alias);
				break;
			}
			graphql_sql_column(cx, alias, f->column);
			if (f->stringify)
				appendStringInfoString(&cx->buf, f->column->is_array
									   ? "::text[]" : "::text");
			break;
		case PF_TEXT:
			appendStringInfo(&cx->buf, "%s::text", quote_literal_cstr(f->text));
			break;
		case PF_JSON:
			graphql_sql_param(cx, f->text, "json");
			break;
		case PF_SELECT:
			emit_select(cx, f->select, alias);
			break;
		case PF_OBJECT:
			emit_object(cx, f->fields, f->nfields, alias, agg);
			break;
		case PF_COUNT:
			emit_count(cx, f, agg);
			break;
		case PF_AGG_OP:
			appendStringInfo(&cx->buf, "%s%s(%s.%s)%s%s", f->to_float ? "(" : "",
							 f->text, agg->rows, agg_inner_column(cx, agg, f->column),
							 f->to_float ? ")::float8" : "",
							 f->stringify ? "::text" : "");
			break;
		case PF_NODES:
			emit_nodes(cx, f, agg);
			break;
		case PF_CALL:
			if (f->json_path)
			{
				emit_json_path(cx, f, alias);
				break;
			}
			graphql_sql_call(cx, f->func, f->func_row ? alias : NULL,
							 f->func_args);
			if (f->stringify)
				appendStringInfoString(&cx->buf, f->func->ret_is_array
									   ? "::text[]" : "::text");
			break;
	}
}

/*
 * json_build_object('key', value, ...) of fields [first, first + n) in
 * selection order.
 */
static void
emit_object_chunk(SqlContext *cx, const PlanField *fields, int first, int n,
				  const char *alias, AggInner *agg)
{
	int			k;

	appendStringInfoString(&cx->buf, "json_build_object(");
	for (k = first; k < first + n; k++)
	{
		if (k > first)
			appendStringInfoString(&cx->buf, ", ");
		appendStringInfo(&cx->buf, "%s, ", quote_literal_cstr(fields[k].key));
		emit_field(cx, &fields[k], alias, agg);
	}
	appendStringInfoChar(&cx->buf, ')');
}

/*
 * The object of fields in selection order.
 *
 * Up to 50 fields it is one json_build_object('key', value, ...), whose
 * function call takes at most 100 arguments.  A larger object is built in
 * chunks of 50 fields, each a json_build_object, merged as text:
 *
 *	  ('{' || substr(left(json_build_object(...)::text, -1), 2)
 *	   || ', ' || substr(left(json_build_object(...)::text, -1), 2)
 *	   || '}')::json
 *
 * The text of a json_build_object is always '{', its pairs, '}', so cutting
 * the first and last character leaves the pairs, and joining those with ', '
 * gives the text one json_build_object of every field would give: keys in
 * selection order, values converted by json_build_object itself (NULL as
 * null, json as JSON, strings escaped).  The values stay arguments of
 * json_build_object in the same SELECT list, so aggregate expressions of an
 * aggregate object stay in their aggregate context (a VALUES list fed to
 * json_object_agg would not: an aggregate without outer columns, count(*),
 * would belong to the subquery).  Not jsonb, which reorders keys.
 */
static void
emit_object(SqlContext *cx, const PlanField *fields, int nfields,
			const char *alias, AggInner *agg)
{
	int			first;

	check_stack_depth();
	if (nfields <= OBJECT_CHUNK_KEYS)
	{
		emit_object_chunk(cx, fields, 0, nfields, alias, agg);
		return;
	}
	appendStringInfoString(&cx->buf, "('{'");
	for (first = 0; first < nfields; first += OBJECT_CHUNK_KEYS)
	{
		appendStringInfoString(&cx->buf,
							   first == 0 ? " || " : " || ', ' || ");
		appendStringInfoString(&cx->buf, "substr(left(");
		emit_object_chunk(cx, fields, first,
						  Min(OBJECT_CHUNK_KEYS, nfields - first),
						  alias, agg);
		appendStringInfoString(&cx->buf, "::text, -1), 2)");
	}
	appendStringInfoString(&cx->buf, " || '}')::json");
}

/* An aggregate over the (filtered, ordered, limited) rows */
static void
emit_aggregate(SqlContext *cx, const PlanSelect *sel, const char *parent)
{
	AggInner	agg;
	StringInfoData outer;

	agg.rows = graphql_sql_alias(cx);
	agg.row = graphql_sql_alias(cx);
	agg.next = 0;
	/*
	 * The role's select permission limits the nodes, not the rows the
	 * aggregates read (as in Hasura): the rows are numbered in order
	 */
	agg.nodes_cap = sel->rel && !sel->func && !sel->rows_json && sel->ndistinct == 0 &&
		sel->rel->perms[GQL_PERM_SELECT] ? sel->rel->perms[GQL_PERM_SELECT]->row_limit : 0;
	initStringInfo(&agg.list);
	appendStringInfoString(&agg.list, "1 AS one");
	appendStringInfoString(&cx->buf, "(SELECT ");
	emit_object(cx, sel->fields, sel->nfields, agg.row, &agg);
	if (agg.nodes_cap > 0)
	{
		StringInfoData saved = cx->buf;

		cx->buf = agg.list;
		appendStringInfoString(&cx->buf, ", row_number() OVER (");
		emit_order_by(cx, sel, agg.row);
		appendStringInfoString(&cx->buf, ") AS rn");
		agg.list = cx->buf;
		cx->buf = saved;
	}
	/* the inner rows come after: move the outer part aside */
	outer = cx->buf;
	initStringInfo(&cx->buf);
	appendStringInfoString(&cx->buf, " FROM (SELECT ");
	emit_distinct(cx, sel, agg.row);
	appendStringInfoString(&cx->buf, agg.list.data);
	emit_rows_tail(cx, sel, agg.row, parent);
	/* one row even when no field is an aggregate ({ __typename }) */
	appendStringInfo(&cx->buf, ") AS %s GROUP BY ())", agg.rows);
	appendStringInfoString(&outer, cx->buf.data);
	cx->buf = outer;
}

/*
 * A list with neither LIMIT, OFFSET nor DISTINCT ON: its rows aggregated
 * directly, json_agg(<object> ORDER BY ...) over the relation, so that the
 * aggregate orders its input itself (as hand-written SQL does) rather than
 * aggregating a sorted subquery.  No rows give NULL, hence the coalesce.
 * The ORDER BY takes no parameter, so the $n still number in text order.
 */
static void
emit_list_direct(SqlContext *cx, const PlanSelect *sel, const char *parent)
{
	char	   *alias = graphql_sql_alias(cx);

	appendStringInfoString(&cx->buf, "(SELECT coalesce(json_agg(");
	emit_object(cx, sel->fields, sel->nfields, alias, NULL);
	emit_order_by(cx, sel, alias);
	appendStringInfoString(&cx->buf, "), '[]'::json)");
	emit_rows_from(cx, sel, alias, parent);
	appendStringInfoChar(&cx->buf, ')');
}

static void emit_rows_select(SqlContext *cx, const PlanSelect *sel,
							 const char *parent);

/*
 * A nested or root selection: a list, one row, or an aggregate.  A list
 * that must pick its rows in order first (LIMIT, OFFSET, DISTINCT ON)
 * aggregates an ordered subquery (emit_rows_select); any other list is
 * emit_list_direct.  Parameters appended meanwhile belong to sel.
 */
static void
emit_select(SqlContext *cx, const PlanSelect *sel, const char *parent)
{
	const PlanSelect *outer = cx->select;

	cx->select = sel;
	if (sel->shape == PS_AGGREGATE)
		emit_aggregate(cx, sel, parent);
	else if (sel->shape == PS_LIST && sel->ndistinct == 0 &&
			 !has_limit_offset(sel))
		emit_list_direct(cx, sel, parent);
	else
		emit_rows_select(cx, sel, parent);
	cx->select = outer;
}

/* A list that picks its rows in order first, or one row */
static void
emit_rows_select(SqlContext *cx, const PlanSelect *sel, const char *parent)
{
	char	   *rows;
	char	   *alias;

	rows = sel->shape == PS_LIST ? graphql_sql_alias(cx) : NULL;
	alias = graphql_sql_alias(cx);
	if (rows)
		appendStringInfo(&cx->buf,
						 "(SELECT coalesce(json_agg(%s.j), '[]'::json) FROM ",
						 rows);
	appendStringInfoString(&cx->buf, "(SELECT ");
	emit_distinct(cx, sel, alias);
	emit_object(cx, sel->fields, sel->nfields, alias, NULL);
	appendStringInfoString(&cx->buf, rows ? " AS j" : "");
	emit_rows_tail(cx, sel, alias, parent);
	if (rows)
		appendStringInfo(&cx->buf, ") AS %s)", rows);
	else
		appendStringInfoString(&cx->buf, " LIMIT 1)");
}

/*
 * The statement of a plan: one row, one json column, the data object.
 */
PlanSql *
graphql_plan_sql(const PlanQuery *plan)
{
	SqlContext	cx;
	PlanSql    *out = palloc0(sizeof(PlanSql));

	memset(&cx, 0, sizeof(cx));
	initStringInfo(&cx.buf);
	appendStringInfoString(&cx.buf, "SELECT ");
	emit_object(&cx, plan->fields, plan->nfields, NULL, NULL);
	out->sql = cx.buf.data;
	out->nparams = cx.nparams;
	out->values = cx.values;
	out->sites = cx.sites;
	out->plan = plan;
	return out;
}

/* The statement of the value of a plan's one field */
PlanSql *
graphql_plan_sql_value(const PlanQuery *plan)
{
	SqlContext	cx;
	PlanSql    *out = palloc0(sizeof(PlanSql));

	Assert(plan->nfields == 1);
	memset(&cx, 0, sizeof(cx));
	initStringInfo(&cx.buf);
	/* to_json: a scalar function's value is not json yet */
	appendStringInfoString(&cx.buf, "SELECT to_json(");
	emit_field(&cx, &plan->fields[0], NULL, NULL);
	appendStringInfoChar(&cx.buf, ')');
	out->sql = cx.buf.data;
	out->nparams = cx.nparams;
	out->values = cx.values;
	out->sites = cx.sites;
	out->plan = plan;
	return out;
}
