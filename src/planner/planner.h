/*-------------------------------------------------------------------------
 *
 * planner.h
 *	  Public interface of the planner: a validated query operation becomes
 *	  a small intermediate tree (plan.c), then ONE SQL statement producing
 *	  the whole `data` object (sql.c, where.c).
 *
 * The tree knows relations, columns and relationships of the catalog
 * model (src/reflect/reflect.h), not GraphQL names: a selection over a
 * relation (PlanSelect) holds its output fields in selection order, its
 * filter, order, distinct_on and limit/offset.  Filters stay constant AST
 * values (variables substituted) that where.c reads with the catalog
 * model.  Every value becomes a $n parameter, passed as text and cast in
 * the SQL text to the column's type; aliases are numbered in emission
 * order, so the same document gives the same SQL text.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_PLANNER_H
#define GRAPHQL_PLANNER_H

#include "execution/execution.h"
#include "lib/stringinfo.h"
#include "reflect/reflect.h"

/* SQLSTATE of the planner's own validation errors (distinct_on, ...) */
#define ERRCODE_GRAPHQL_VALIDATION	MAKE_SQLSTATE('G','Q','0','0','1')

typedef enum PlanFieldKind
{
	PF_COLUMN,					/* a column of the row */
	PF_TEXT,					/* a constant string (__typename) */
	PF_JSON,					/* precomputed JSON (introspection) */
	PF_SELECT,					/* a nested selection (relationship, root) */
	PF_OBJECT,					/* an object of fields in the same scope
								 * (aggregate { ... }, sum { ... }) */
	PF_COUNT,					/* aggregate count */
	PF_AGG_OP,					/* aggregate op over a column */
	PF_NODES					/* aggregate nodes: list of row objects */
} PlanFieldKind;

struct PlanSelect;

typedef struct PlanField
{
	PlanFieldKind kind;
	const char *key;			/* response key */
	const GqlCatColumn *column; /* COLUMN, AGG_OP */
	bool		stringify;		/* output as text (bigint/numeric setting) */
	const char *text;			/* TEXT: the string; JSON: the JSON; AGG_OP:
								 * the SQL aggregate function */
	struct PlanSelect *select;	/* SELECT */
	struct PlanField *fields;	/* OBJECT, NODES */
	int			nfields;
	const GqlCatColumn **columns;	/* COUNT: counted columns (none: rows) */
	int			ncolumns;
	bool		distinct;		/* COUNT */
} PlanField;

typedef enum PlanOrderKind
{
	PO_COLUMN,					/* column at the end of the path */
	PO_COUNT,					/* count(*) over the array relationship
								 * ending the path */
	PO_AGG						/* agg(column) over it */
} PlanOrderKind;

typedef struct PlanOrder
{
	PlanOrderKind kind;
	const GqlCatRelationship **path;	/* object relationships, then (COUNT,
										 * AGG) one array relationship */
	int			npath;
	const GqlCatColumn *column;
	const char *agg;			/* PO_AGG: SQL aggregate function */
	bool		desc;
	bool		nulls_first;
} PlanOrder;

typedef enum PlanShape
{
	PS_LIST,					/* JSON array of row objects */
	PS_SINGLE,					/* one row object or null */
	PS_AGGREGATE				/* one object of aggregates over the rows */
} PlanShape;

typedef struct PlanSelect
{
	PlanShape	shape;
	const struct PlanSelect *parent;	/* the select this one is nested in */
	const char *key;			/* response key of its field */
	GqlLoc		loc;			/* location of its field in the document */
	const GqlCatRelation *rel;
	const GqlCatRelationship *via;	/* join to the parent row, NULL at root */
	const GqlValue *where;		/* a <t>_bool_exp value, or NULL */
	PlanOrder  *order;
	int			norder;
	const GqlCatColumn **distinct_on;
	int			ndistinct;
	const GqlValue *limit;		/* Int values or NULL */
	const GqlValue *offset;
	const GqlCatColumn **pk;	/* _by_pk: columns and their values */
	const GqlValue **pk_values;
	int			npk;
	PlanField  *fields;			/* in selection order */
	int			nfields;
} PlanSelect;

/* The whole operation: the root fields */
typedef struct PlanQuery
{
	PlanField  *fields;
	int			nfields;
} PlanQuery;

/*
 * Where a parameter comes from, to attribute a data exception of the
 * statement to a field: the select whose SQL holds it, and a statement
 * that fails the same way when the value is the culprit ("SELECT
 * $1::uuid"; for a pattern "SELECT ''::text ~ $1::text").
 */
typedef struct PlanParamSite
{
	const PlanSelect *select;	/* NULL: not inside a select */
	char	   *check;
} PlanParamSite;

/* The SQL statement and its parameters (all passed as text) */
typedef struct PlanSql
{
	char	   *sql;
	int			nparams;
	char	  **values;			/* NULL: SQL NULL */
	PlanParamSite *sites;		/* where each value comes from */
	const PlanQuery *plan;
} PlanSql;

/*
 * plan.c: the tree of a query operation (the document validated, the
 * variables coerced in ctx).  Planner-level validation errors (distinct_on
 * not leading order_by) are raised with ERRCODE_GRAPHQL_VALIDATION, after
 * *error_loc is set to the location of the offending argument.
 */
extern PlanQuery *graphql_plan_query(const GqlExecContext *ctx,
									 GqlLoc *error_loc);

/* sql.c: the one statement computing the data object of a plan */
extern PlanSql *graphql_plan_sql(const PlanQuery *plan);

/* ------------------------------------------------------------------------
 * Shared by sql.c and where.c
 * ------------------------------------------------------------------------
 */
typedef struct SqlContext
{
	StringInfoData buf;
	int			next_alias;
	int			nparams;
	int			params_cap;
	char	  **values;
	PlanParamSite *sites;
	const PlanSelect *select;	/* the select being emitted */
} SqlContext;

/* A fresh table alias "t<n>" */
extern char *graphql_sql_alias(SqlContext *cx);

/* Append "$n::<type>" for a text value (NULL: SQL NULL) */
extern void graphql_sql_param(SqlContext *cx, const char *value,
							  const char *sqltype);

/*
 * The same with the statement that checks the value alone ($1 in it), for
 * values that fail in an operator rather than in the cast (patterns)
 */
extern void graphql_sql_param_checked(SqlContext *cx, const char *value,
									  const char *sqltype, const char *check);

/* The text form of a constant value for a parameter of a column's type */
extern char *graphql_sql_value_text(const GqlValue *value, bool json);
extern char *graphql_sql_array_text(const GqlValue *list, bool json);

/* The schema-qualified SQL name of a type, "[]" appended when array */
extern char *graphql_sql_type_name(Oid typid, bool array);

/* "<alias>.<column>" */
extern void graphql_sql_column(SqlContext *cx, const char *alias,
							   const GqlCatColumn *col);

/* "<nsp>.<rel> AS <alias>" */
extern void graphql_sql_from(SqlContext *cx, const GqlCatRelation *rel,
							 const char *alias);

/* The join condition of a relationship: child.target = parent.source */
extern void graphql_sql_join(SqlContext *cx, const GqlCatRelationship *r,
							 const char *parent, const char *child);

/* The items of a list value (a single non-list value is a one-item list) */
extern int	graphql_value_items(const GqlValue *value, const GqlValue ***items);

/* where.c: a <t>_bool_exp value over rel (alias) as a SQL condition */
extern void graphql_where_sql(SqlContext *cx, const GqlCatRelation *rel,
							  const char *alias, const GqlValue *where);

#endif							/* GRAPHQL_PLANNER_H */
