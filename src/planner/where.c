/*-------------------------------------------------------------------------
 *
 * where.c
 *	  A Hasura bool_exp value as a SQL condition.
 *
 * The value is constant (variables substituted).  Field names are read
 * against the catalog model: `_and`, `_or`, `_not`, a column (its
 * comparison expression) or a relationship (EXISTS over the target).
 * `{}` and `_and: []` are true, `_or: []` is false; an operator given
 * null is left out (true), as Hasura v2 does.  Every value is a $n
 * parameter cast to the column's type (or to the operator's).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"

#include "planner/planner.h"

/* How an operator takes its value */
typedef enum OpKind
{
	OP_BINARY,					/* col <op> $n::coltype */
	OP_TEXT,					/* col <op> $n::text */
	OP_TEXT_ARRAY,				/* col <op> $n::text[] */
	OP_IN,						/* col = ANY ($n::coltype[]) */
	OP_NIN,						/* NOT (col = ANY (...)) */
	OP_IS_NULL					/* col IS [NOT] NULL */
} OpKind;

typedef struct OpDef
{
	const char *name;
	const char *sql;
	OpKind		kind;
} OpDef;

static const OpDef ops[] = {
	{"_eq", "=", OP_BINARY},
	{"_neq", "<>", OP_BINARY},
	{"_gt", ">", OP_BINARY},
	{"_gte", ">=", OP_BINARY},
	{"_lt", "<", OP_BINARY},
	{"_lte", "<=", OP_BINARY},
	{"_in", NULL, OP_IN},
	{"_nin", NULL, OP_NIN},
	{"_is_null", NULL, OP_IS_NULL},
	{"_like", "LIKE", OP_BINARY},
	{"_nlike", "NOT LIKE", OP_BINARY},
	{"_ilike", "ILIKE", OP_BINARY},
	{"_nilike", "NOT ILIKE", OP_BINARY},
	{"_similar", "SIMILAR TO", OP_BINARY},
	{"_nsimilar", "NOT SIMILAR TO", OP_BINARY},
	{"_regex", "~", OP_TEXT},
	{"_nregex", "!~", OP_TEXT},
	{"_iregex", "~*", OP_TEXT},
	{"_niregex", "!~*", OP_TEXT},
	{"_contains", "@>", OP_BINARY},
	{"_contained_in", "<@", OP_BINARY},
	{"_has_key", "?", OP_TEXT},
	{"_has_keys_any", "?|", OP_TEXT_ARRAY},
	{"_has_keys_all", "?&", OP_TEXT_ARRAY},
};

static void bool_exp(SqlContext *cx, const GqlCatRelation *rel,
					 const char *alias, const GqlValue *v);

/* Is the column's base type json or jsonb */
static bool
column_is_json(const GqlCatColumn *col)
{
	return col->type->oid == JSONOID || col->type->oid == JSONBOID;
}

/*
 * A value as the text of a parameter of the column's type; for an array
 * column a single item stands for a list of one (input coercion)
 */
static char *
column_value_text(const GqlCatColumn *col, const GqlValue *v)
{
	if (col->is_array && v && v->hdr.kind != GQL_NULL_VALUE)
		return graphql_sql_items_text(v, column_is_json(col));
	return graphql_sql_value_text(v, column_is_json(col));
}


/*
 * The left side of a comparison: the column, or the computed field's call;
 * cast to a type when cast is given (_cast)
 */
static void
operand(SqlContext *cx, const GqlCatColumn *col, const GqlCatComputedField *cc,
		const char *alias, const char *cast)
{
	if (cast)
		appendStringInfoChar(&cx->buf, '(');
	if (cc)
		graphql_sql_call(cx, cc->function, alias, NULL);
	else
		graphql_sql_column(cx, alias, col);
	if (cast)
		appendStringInfo(&cx->buf, ")::%s", cast);
}

/* _in / _nin over an array column: col IN ($1, $2, ...) */
static void
array_in(SqlContext *cx, const GqlCatColumn *col,
		 const GqlCatComputedField *cc, const char *alias,
		 const GqlValue *v, bool negate, const char *cast)
{
	const GqlValue **items;
	int			n = graphql_value_items(v, &items);
	int			k;

	if (n == 0)
	{
		appendStringInfoString(&cx->buf, negate ? "true" : "false");
		return;
	}
	operand(cx, col, cc, alias, cast);
	appendStringInfoString(&cx->buf, negate ? " NOT IN (" : " IN (");
	for (k = 0; k < n; k++)
	{
		if (k > 0)
			appendStringInfoString(&cx->buf, ", ");
		graphql_sql_param(cx, column_value_text(col, items[k]),
						  graphql_sql_type_name(col->typid, false));
	}
	appendStringInfoChar(&cx->buf, ')');
}

/*
 * The statement that fails as the statement would when a parameter is at
 * fault (planner.h): a pattern can be a bad one only in its operator.
 */
static char *
pattern_check(const OpDef *op, const GqlCatColumn *col)
{
	const char *type;

	if (strstr(op->sql, "LIKE") == NULL && strstr(op->sql, "SIMILAR") == NULL &&
		strchr(op->sql, '~') == NULL)
	{
		type = op->kind == OP_TEXT ? "text" :
			op->kind == OP_TEXT_ARRAY ? "text[]" :
			graphql_sql_type_name(col->typid, false);
		return psprintf("SELECT $1::%s", type);
	}
	return psprintf("SELECT ''::text %s $1::text", op->sql);
}

/* One operator of a comparison expression */
static void
compare(SqlContext *cx, const GqlCatColumn *col,
		const GqlCatComputedField *cc, const char *alias,
		const OpDef *op, const GqlValue *v, const char *cast)
{
	StringInfo	buf = &cx->buf;

	if ((op->kind == OP_IN || op->kind == OP_NIN) && col->is_array)
	{
		array_in(cx, col, cc, alias, v, op->kind == OP_NIN, cast);
		return;
	}
	if (op->kind == OP_NIN)
		appendStringInfoString(buf, "NOT (");
	operand(cx, col, cc, alias, cast);
	switch (op->kind)
	{
		case OP_BINARY:
			appendStringInfo(buf, " %s ", op->sql);
			graphql_sql_param_checked(cx, column_value_text(col, v),
									  graphql_sql_type_name(col->typid, false),
									  pattern_check(op, col));
			break;
		case OP_TEXT:
		case OP_TEXT_ARRAY:
			appendStringInfo(buf, " %s ", op->sql);
			graphql_sql_param_checked(cx, op->kind == OP_TEXT
									  ? graphql_sql_value_text(v, false)
									  : graphql_sql_items_text(v, false),
									  op->kind == OP_TEXT ? "text" : "text[]",
									  pattern_check(op, col));
			break;
		case OP_IN:
		case OP_NIN:
			appendStringInfoString(buf, " = ANY (");
			graphql_sql_param(cx, graphql_sql_items_text(v, column_is_json(col)),
							  graphql_sql_type_name(col->typid, true));
			appendStringInfoString(buf, op->kind == OP_NIN ? "))" : ")");
			break;
		case OP_IS_NULL:
			appendStringInfoString(buf, v->boolean ? " IS NULL" : " IS NOT NULL");
			break;
	}
}

/* The operator named name, or NULL */
static const OpDef *
find_op(const char *name)
{
	int			k;

	for (k = 0; k < (int) lengthof(ops); k++)
		if (strcmp(ops[k].name, name) == 0)
			return &ops[k];
	return NULL;
}

static void comparison(SqlContext *cx, const GqlCatColumn *col,
					   const GqlCatComputedField *cc, const char *alias,
					   const GqlValue *v, const char *cast);

/*
 * _cast: {String: {<String_comparison_exp>}} of a jsonb comparison: the
 * column's text compared as a String
 */
static void
cast_comparison(SqlContext *cx, const GqlCatColumn *col,
				const GqlCatComputedField *cc, const char *alias,
				const GqlValue *v)
{
	static GqlCatType text_type = {GQL_CAT_TYPE, TEXTOID};
	GqlCatColumn *tcol = palloc(sizeof(GqlCatColumn));
	int			n = 0;
	int			k;

	*tcol = *col;
	tcol->typid = TEXTOID;
	tcol->type = &text_type;
	tcol->is_array = false;
	appendStringInfoChar(&cx->buf, '(');
	for (k = 0; k < v->items.count; k++)
	{
		const GqlArgument *f = (const GqlArgument *) v->items.items[k];

		if (strcmp(f->name->value, "String") != 0 || f->value == NULL ||
			f->value->hdr.kind == GQL_NULL_VALUE)
			continue;
		if (n++ > 0)
			appendStringInfoString(&cx->buf, " AND ");
		comparison(cx, tcol, cc, alias, f->value, "text");
	}
	appendStringInfoString(&cx->buf, n == 0 ? "true)" : ")");
}

/* A comparison expression { _op: value, ... } over a column */
static void
comparison(SqlContext *cx, const GqlCatColumn *col,
		   const GqlCatComputedField *cc, const char *alias,
		   const GqlValue *v, const char *cast)
{
	int			n = 0;
	int			k;

	appendStringInfoChar(&cx->buf, '(');
	for (k = 0; k < v->items.count; k++)
	{
		const GqlArgument *f = (const GqlArgument *) v->items.items[k];
		const OpDef *op = find_op(f->name->value);

		if (f->value == NULL || f->value->hdr.kind == GQL_NULL_VALUE)
			continue;
		if (op == NULL && strcmp(f->name->value, "_cast") == 0 && cast == NULL)
		{
			if (n++ > 0)
				appendStringInfoString(&cx->buf, " AND ");
			cast_comparison(cx, col, cc, alias, f->value);
			continue;
		}
		if (op == NULL)
			continue;
		if (n++ > 0)
			appendStringInfoString(&cx->buf, " AND ");
		compare(cx, col, cc, alias, op, f->value, cast);
	}
	appendStringInfoString(&cx->buf, n == 0 ? "true)" : ")");
}

/* EXISTS over the target rows of a relationship that match v */
static void
relationship(SqlContext *cx, const GqlCatRelationship *r, const char *alias,
			 const GqlValue *v)
{
	char	   *child = graphql_sql_alias(cx);

	appendStringInfoString(&cx->buf, "EXISTS (SELECT 1 FROM ");
	graphql_sql_from(cx, r->target, child);
	appendStringInfoString(&cx->buf, " WHERE ");
	graphql_sql_join(cx, r, alias, child);
	appendStringInfoString(&cx->buf, " AND ");
	bool_exp(cx, r->target, child, v);
	appendStringInfoChar(&cx->buf, ')');
}

/* _and / _or over a list of bool_exp values; empty: unit of the operator */
static void
connective(SqlContext *cx, const GqlCatRelation *rel, const char *alias,
		   const GqlValue *v, bool and)
{
	const GqlValue **items;
	int			n = graphql_value_items(v, &items);
	int			k;

	if (n == 0)
	{
		appendStringInfoString(&cx->buf, and ? "true" : "false");
		return;
	}
	appendStringInfoChar(&cx->buf, '(');
	for (k = 0; k < n; k++)
	{
		if (k > 0)
			appendStringInfoString(&cx->buf, and ? " AND " : " OR ");
		bool_exp(cx, rel, alias, items[k]);
	}
	appendStringInfoChar(&cx->buf, ')');
}

/* The column of rel named name, or NULL */
static const GqlCatColumn *
find_column(const GqlCatRelation *rel, const char *name)
{
	int			k;

	for (k = 0; k < rel->ncolumns; k++)
		if (rel->columns[k].gql_name && strcmp(rel->columns[k].gql_name, name) == 0)
			return &rel->columns[k];
	return NULL;
}

/* The computed field of rel named name, or NULL */
static const GqlCatComputedField *
find_computed(const GqlCatRelation *rel, const char *name)
{
	int			k;

	for (k = 0; k < rel->ncomputed; k++)
		if (strcmp(rel->computed[k]->name, name) == 0)
			return rel->computed[k];
	return NULL;
}

/*
 * A column describing the value of a scalar computed field, for the
 * comparison code, which reads the type of its left side from a column
 */
static const GqlCatColumn *
computed_column(const GqlCatComputedField *cc)
{
	GqlCatColumn *col = palloc0(sizeof(GqlCatColumn));

	col->tag = GQL_CAT_COLUMN;
	col->relation = cc->relation;
	col->name = cc->name;
	col->gql_name = cc->name;
	col->typid = cc->function->rettype;
	col->type = cc->function->ret_type;
	col->is_array = cc->function->ret_is_array;
	return col;
}

/* The relationship of rel named name, or NULL */
static const GqlCatRelationship *
find_relationship(const GqlCatRelation *rel, const char *name)
{
	int			k;

	for (k = 0; k < rel->nrelationships; k++)
		if (strcmp(rel->relationships[k]->name, name) == 0)
			return rel->relationships[k];
	return NULL;
}

/* One field of a bool_exp */
static void
bool_field(SqlContext *cx, const GqlCatRelation *rel, const char *alias,
		   const char *name, const GqlValue *v)
{
	const GqlCatColumn *col;
	const GqlCatComputedField *cc;
	const GqlCatRelationship *r;

	if (strcmp(name, "_and") == 0 || strcmp(name, "_or") == 0)
		connective(cx, rel, alias, v, name[1] == 'a');
	else if (strcmp(name, "_not") == 0)
	{
		appendStringInfoString(&cx->buf, "NOT ");
		bool_exp(cx, rel, alias, v);
	}
	else if ((col = find_column(rel, name)) != NULL)
		comparison(cx, col, NULL, alias, v, NULL);
	else if ((cc = find_computed(rel, name)) != NULL)
		comparison(cx, computed_column(cc), cc, alias, v, NULL);
	else if ((r = find_relationship(rel, name)) != NULL)
		relationship(cx, r, alias, v);
	else
		elog(ERROR, "unknown bool_exp field \"%s\"", name);
}

/* A bool_exp object: its fields combined with AND */
static void
bool_exp(SqlContext *cx, const GqlCatRelation *rel, const char *alias,
		 const GqlValue *v)
{
	int			n = 0;
	int			k;

	check_stack_depth();
	appendStringInfoChar(&cx->buf, '(');
	for (k = 0; v && v->hdr.kind == GQL_OBJECT_VALUE && k < v->items.count; k++)
	{
		const GqlArgument *f = (const GqlArgument *) v->items.items[k];

		if (f->value == NULL || f->value->hdr.kind == GQL_NULL_VALUE)
			continue;
		if (n++ > 0)
			appendStringInfoString(&cx->buf, " AND ");
		bool_field(cx, rel, alias, f->name->value, f->value);
	}
	appendStringInfoString(&cx->buf, n == 0 ? "true)" : ")");
}

/*
 * The condition of a bool_exp value over the rows of rel called alias;
 * "(true)" for NULL or {}.
 */
void
graphql_where_sql(SqlContext *cx, const GqlCatRelation *rel,
				  const char *alias, const GqlValue *where)
{
	bool_exp(cx, rel, alias, where);
}
